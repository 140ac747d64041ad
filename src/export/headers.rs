//! The column headers of exported tables: the columns' own names (English, the
//! default) or fixed Chinese names the operator picks in the export options
//! (`--headers zh-CN` on the command line).
//!
//! Contract:
//! - The Chinese names are a fixed table here, not the window's catalogue: a
//!   mapping an operator set up in an email or ad tool must not break when the
//!   window's wording changes. Each column has one Chinese name and no two
//!   columns share one, so a file reads back without doubt ([`canonical`]).
//! - `rec_N` (a campaign's N-th recommended item) is `推荐商品N`.
//! - A column without an entry (the operator's own columns, which may already be
//!   Chinese) keeps its name; so does a column whose Chinese name another column
//!   of the table already has.
//! - Only headers change: values (`Champions`, `target`, dates) are identities
//!   and are written as they are.
//! - The tool formats (Mailchimp, Klaviyo, Meta, Google) keep the headers their
//!   tools require whatever the choice (see `export::campaign`).
//! - The window's choice is one setting for the whole process ([`choose`]),
//!   like the language; exports read it when they start.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};

use polars::prelude::{DataFrame, PlSmallStr, PolarsResult};
use serde::{Deserialize, Serialize};

/// The language of an exported table's column headers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Headers {
    /// The columns' own names (`customer_id`, `rfm_group`).
    #[default]
    #[serde(rename = "en")]
    English,
    /// The fixed Chinese names of [`CHINESE`] (`客户ID`, `RFM分组`).
    #[serde(rename = "zh-CN")]
    Chinese,
}

impl Headers {
    pub const ALL: [Headers; 2] = [Headers::English, Headers::Chinese];

    /// The tag the command line and the campaign record use: `en` or `zh-CN`.
    pub fn tag(self) -> &'static str {
        match self {
            Headers::English => "en",
            Headers::Chinese => "zh-CN",
        }
    }

    /// The choice a tag names (`en`, `zh-CN`; `zh` and any case accepted).
    pub fn from_tag(tag: &str) -> Option<Headers> {
        match tag.to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Headers::English),
            "zh-cn" | "zh" | "zh_cn" | "chinese" => Some(Headers::Chinese),
            _ => None,
        }
    }

    /// The header `column` is written under.
    pub fn header(self, column: &str) -> Cow<'_, str> {
        match self {
            Headers::English => Cow::Borrowed(column),
            Headers::Chinese => chinese(column),
        }
    }

    /// `frame` with its columns renamed to their headers in this language (a
    /// copy; English changes nothing).
    pub fn applied(self, frame: &DataFrame) -> PolarsResult<DataFrame> {
        let mut renamed = frame.clone();
        if self == Headers::English {
            return Ok(renamed);
        }
        let names: Vec<String> = frame
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        for name in &names {
            let header = chinese(name);
            let taken = names.iter().any(|other| *other == header);
            if header != name.as_str() && !taken {
                renamed.rename(name, PlSmallStr::from(header.as_ref()))?;
            }
        }
        Ok(renamed)
    }
}

/// Canonical column name → Chinese header. Every column an export writes has an
/// entry (the tests check it); add one with each new column.
pub const CHINESE: [(&str, &str); 84] = [
    // Customers and contacts.
    ("customer_id", "客户ID"),
    ("email", "邮箱"),
    ("phone", "电话"),
    ("region", "地区"),
    ("first_name", "名"),
    ("last_name", "姓"),
    ("group", "分组"),
    // RFM.
    ("recency_days", "距上次购买天数"),
    ("frequency", "购买次数"),
    ("monetary", "消费金额"),
    ("r_score", "R评分"),
    ("f_score", "F评分"),
    ("m_score", "M评分"),
    ("rfm_code", "RFM代码"),
    ("rfm_group", "RFM分组"),
    ("customers", "客户数"),
    ("share", "占比"),
    // Customer features and segments.
    ("segment", "分群"),
    ("segment_name", "分群名称"),
    ("orders", "订单数"),
    ("purchase_days", "购买天数"),
    ("revenue", "销售额"),
    ("returns_amount", "退货金额"),
    ("avg_order_value", "平均订单金额"),
    ("units", "件数"),
    ("tenure_days", "首购至今天数"),
    ("mean_days_between", "平均购买间隔天数"),
    ("discount_share", "折扣占比"),
    ("avg_unit_price", "平均单价"),
    ("orders_30d", "近30天订单数"),
    ("orders_90d", "近90天订单数"),
    ("orders_180d", "近180天订单数"),
    ("revenue_30d", "近30天销售额"),
    ("revenue_90d", "近90天销售额"),
    ("revenue_180d", "近180天销售额"),
    // Propensity and lifetime value.
    ("propensity", "购买概率"),
    ("churn_risk", "流失风险"),
    ("risk_bucket", "风险档位"),
    ("churn_bucket", "流失风险档位"),
    ("p_alive", "仍活跃概率"),
    ("predicted_purchases", "预计购买次数"),
    ("expected_spend", "预计单次消费"),
    ("avg_spend", "平均消费"),
    ("age_days", "观察天数"),
    ("clv", "客户终身价值"),
    ("next_order_date", "预计下次下单日期"),
    // Forecasts.
    ("series", "序列"),
    ("line", "线条"),
    ("model", "模型"),
    ("period", "期间"),
    ("value", "数值"),
    ("lo80", "80%下限"),
    ("hi80", "80%上限"),
    ("lo95", "95%下限"),
    ("hi95", "95%上限"),
    // Recommendations and rules.
    ("rank", "排名"),
    ("item_id", "商品ID"),
    ("item_name", "商品名称"),
    ("score", "得分"),
    ("reason", "推荐理由"),
    ("antecedent", "前项商品ID"),
    ("antecedent_name", "前项商品名称"),
    ("consequent", "后项商品ID"),
    ("consequent_name", "后项商品名称"),
    ("support", "支持度"),
    ("confidence", "置信度"),
    ("lift", "提升度"),
    ("count", "次数"),
    // Service messages (`service --out`).
    ("file", "文件"),
    ("row", "行号"),
    ("time", "时间"),
    ("message", "消息内容"),
    ("intent", "意图"),
    ("intent_source", "意图来源"),
    ("intent_confidence", "意图置信度"),
    ("positive", "正面概率"),
    ("reply", "客服回复"),
    ("question", "常见问题"),
    // Customer signals from service messages (campaign lists).
    ("last_contact_days", "距上次咨询天数"),
    ("contacts_30d", "近30天咨询次数"),
    ("contacts_90d", "近90天咨询次数"),
    ("complained_30d", "近30天投诉"),
    ("asked_discount_no_buy", "问过优惠未购买"),
    ("mean_sentiment", "平均情感"),
];

/// The prefix of a campaign's recommended-item columns (`rec_1`) and of their
/// Chinese headers (`推荐商品1`).
const REC_PREFIX: (&str, &str) = ("rec_", "推荐商品");

/// The Chinese header of `column` (its own name when it has none).
fn chinese(column: &str) -> Cow<'_, str> {
    if let Some((_, header)) = CHINESE.iter().find(|(name, _)| *name == column) {
        return Cow::Borrowed(header);
    }
    match column.strip_prefix(REC_PREFIX.0) {
        Some(n) if is_number(n) => Cow::Owned(format!("{}{n}", REC_PREFIX.1)),
        _ => Cow::Borrowed(column),
    }
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// The column name a header of an exported table stands for: the canonical name
/// of a Chinese header (`客户ID` → `customer_id`, `推荐商品2` → `rec_2`), any
/// other header as it is. ASCII case is ignored, so a lower-cased header line
/// (`客户id`) reads too.
pub fn canonical(header: &str) -> Cow<'_, str> {
    let same = |chinese: &str| chinese.eq_ignore_ascii_case(header);
    if let Some((name, _)) = CHINESE.iter().find(|(_, chinese)| same(chinese)) {
        return Cow::Borrowed(name);
    }
    match header.strip_prefix(REC_PREFIX.1) {
        Some(n) if is_number(n) => Cow::Owned(format!("{}{n}", REC_PREFIX.0)),
        _ => Cow::Borrowed(header),
    }
}

static CHOSEN: AtomicU8 = AtomicU8::new(0);

/// Makes `headers` the window's choice for the exports started from now on.
pub fn choose(headers: Headers) {
    let code = match headers {
        Headers::English => 0,
        Headers::Chinese => 1,
    };
    CHOSEN.store(code, Ordering::Relaxed);
}

/// The window's choice of headers (English until [`choose`] says otherwise).
pub fn chosen() -> Headers {
    match CHOSEN.load(Ordering::Relaxed) {
        1 => Headers::Chinese,
        _ => Headers::English,
    }
}

#[cfg(test)]
#[path = "headers_tests.rs"]
mod tests;
