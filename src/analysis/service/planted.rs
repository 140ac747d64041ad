//! Customer-service messages with known intents, generated from templates: for
//! tests with a planted answer, the benchmark, and sample data.
//!
//! Each of the eight intents has three questions; each question has a few
//! phrasings (one in English) and the reply agents usually give (70 %; otherwise
//! a generic reply). Messages add greetings, fillers and words every intent
//! shares, and a share of them mix a second intent's phrasing (`ambiguous`).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The planted intents, in their index order.
pub const INTENTS: [&str; 8] = [
    "物流",
    "退换货",
    "尺码",
    "质量",
    "优惠",
    "发票",
    "支付",
    "售前咨询",
];

/// Phrasings and the usual reply of each question, three questions per intent.
pub const QUESTIONS: [[(&[&str], &str); 3]; 8] = [
    [
        (
            &[
                "什么时候发货",
                "多久能发货",
                "今天能发出吗",
                "when will my order ship",
            ],
            "亲，下单后48小时内发货，请耐心等待。",
        ),
        (
            &[
                "快递到哪了",
                "物流信息一直没更新",
                "包裹怎么还没到",
                "where is my package",
            ],
            "已为您查询物流，包裹正在派送途中。",
        ),
        (
            &[
                "发什么快递",
                "能发顺丰吗",
                "可以指定快递吗",
                "which courier do you use",
            ],
            "默认发中通，需要顺丰可补运费差价。",
        ),
    ],
    [
        (
            &[
                "怎么申请退货",
                "我想退货",
                "七天无理由退货可以吗",
                "how do I return this",
            ],
            "在订单页点申请退货，支持七天无理由退换。",
        ),
        (
            &[
                "退款什么时候到账",
                "退款多久到",
                "钱什么时候退回来",
                "when will I get my refund",
            ],
            "退款审核后1到3个工作日原路退回。",
        ),
        (
            &[
                "可以换一个颜色吗",
                "想换货",
                "换货运费谁出",
                "can I exchange it",
            ],
            "可以换货，寄回时备注想换的颜色或尺码。",
        ),
    ],
    [
        (
            &[
                "身高170穿什么码",
                "平时穿M这个拍什么码",
                "尺码偏大还是偏小",
                "what size should I get",
            ],
            "按尺码表选择，偏小建议拍大一码。",
        ),
        (
            &[
                "有尺码表吗",
                "腰围多少",
                "衣长多少厘米",
                "is there a size chart",
            ],
            "尺码表在详情页最下方，单位是厘米。",
        ),
        (
            &[
                "鞋子38码合适吗",
                "鞋码标准吗",
                "脚宽穿多大",
                "do the shoes run small",
            ],
            "鞋码标准，脚宽建议拍大半码。",
        ),
    ],
    [
        (
            &[
                "衣服有线头",
                "质量太差了",
                "收到就坏了",
                "bad quality broke after a day",
            ],
            "非常抱歉，请拍照给我们，为您补偿或退换。",
        ),
        (
            &[
                "洗了一次就掉色",
                "起球严重",
                "缩水了",
                "color faded after washing",
            ],
            "抱歉给您带来不便，请按洗标说明洗涤，可以为您退换。",
        ),
        (
            &["有异味", "味道很大", "是不是假货", "it smells bad"],
            "新衣服有轻微气味，通风几天会散去，保证正品。",
        ),
    ],
    [
        (
            &[
                "有优惠券吗",
                "能便宜点吗",
                "还有折扣吗",
                "any discount code",
            ],
            "店铺首页可以领取优惠券，下单自动抵扣。",
        ),
        (
            &[
                "满减活动怎么参加",
                "双十一有活动吗",
                "什么时候有活动",
                "is there a sale",
            ],
            "满300减30，活动期间自动参加。",
        ),
        (
            &[
                "会员有优惠吗",
                "积分能抵扣吗",
                "新人有券吗",
                "do members get a discount",
            ],
            "会员享95折，积分可抵现。",
        ),
    ],
    [
        (
            &[
                "能开发票吗",
                "需要开增值税发票",
                "可以开专票吗",
                "can I get an invoice",
            ],
            "可以开发票，请在订单备注发票信息。",
        ),
        (
            &[
                "发票抬头怎么填",
                "发票写公司名称",
                "税号填哪里",
                "company name on the invoice",
            ],
            "抬头填公司全称，税号填在备注里。",
        ),
        (
            &[
                "发票什么时候寄",
                "电子发票在哪下载",
                "发票没收到",
                "where is my invoice",
            ],
            "电子发票确认收货后发到您的邮箱。",
        ),
    ],
    [
        (
            &[
                "付款失败怎么办",
                "支付不了",
                "一直提示支付失败",
                "payment failed",
            ],
            "请检查网络或换一种支付方式再试。",
        ),
        (
            &[
                "可以用花呗吗",
                "支持信用卡吗",
                "能分期付款吗",
                "can I pay by credit card",
            ],
            "支持花呗、信用卡和分期付款。",
        ),
        (
            &[
                "扣款了订单没显示",
                "重复扣款了",
                "付了钱显示未付款",
                "I was charged twice",
            ],
            "重复扣款会在24小时内自动退回。",
        ),
    ],
    [
        (
            &[
                "这款有现货吗",
                "还有货吗",
                "什么时候补货",
                "is this in stock",
            ],
            "有现货，今天下单今天发。",
        ),
        (
            &[
                "这个是什么材质",
                "面料是纯棉的吗",
                "是真皮吗",
                "what material is it",
            ],
            "面料是纯棉，详情页有材质说明。",
        ),
        (
            &[
                "有几种颜色",
                "黑色好看还是白色",
                "和另一款有什么区别",
                "what colors are available",
            ],
            "有黑白灰三色，黑色最受欢迎。",
        ),
    ],
];

/// Replies agents give when they do not answer the question itself.
const GENERIC_REPLIES: [&str; 3] = [
    "好的亲，请稍等。",
    "亲，在的，请问还有什么可以帮您？",
    "收到，马上为您处理。",
];
const OPENERS: [&str; 8] = ["你好", "在吗", "亲", "客服", "hi", "老板", "您好", "hello"];
const CLOSERS: [&str; 6] = ["谢谢", "急", "麻烦快点", "thanks", "在线等", "辛苦了"];
/// Words found in every intent's messages.
const SHARED: [&str; 6] = ["这个", "订单", "商品", "宝贝", "衣服", "今天"];

/// One generated message.
#[derive(Clone, Debug)]
pub struct PlantedMessage {
    pub text: String,
    /// Index into [`INTENTS`].
    pub intent: usize,
    /// Index of the question within the intent (0..3).
    pub question: usize,
    /// The phrasing used (index into the question's phrasings).
    pub phrasing: usize,
    pub reply: String,
    /// Also uses a phrasing of another intent.
    pub ambiguous: bool,
}

/// `count` messages from `seed`; about `ambiguous_share` of them mix two intents.
pub fn messages(count: usize, seed: u64, ambiguous_share: f64) -> Vec<PlantedMessage> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..count)
        .map(|_| {
            let intent = rng.random_range(0..INTENTS.len());
            let question = rng.random_range(0..3);
            let (phrasings, reply) = QUESTIONS[intent][question];
            // English in about one message in eight.
            let phrasing = if rng.random_bool(0.125) {
                phrasings.len() - 1
            } else {
                rng.random_range(0..phrasings.len() - 1)
            };
            let mut parts: Vec<&str> = Vec::new();
            if rng.random_bool(0.6) {
                parts.push(OPENERS[rng.random_range(0..OPENERS.len())]);
            }
            if rng.random_bool(0.5) {
                parts.push(SHARED[rng.random_range(0..SHARED.len())]);
            }
            parts.push(phrasings[phrasing]);
            let ambiguous = rng.random_bool(ambiguous_share);
            if ambiguous {
                let other = (intent + rng.random_range(1..INTENTS.len())) % INTENTS.len();
                let (other_phrasings, _) = QUESTIONS[other][rng.random_range(0..3)];
                parts.push(other_phrasings[rng.random_range(0..other_phrasings.len() - 1)]);
            }
            if rng.random_bool(0.5) {
                parts.push(CLOSERS[rng.random_range(0..CLOSERS.len())]);
            }
            let reply = if rng.random_bool(0.7) {
                reply
            } else {
                GENERIC_REPLIES[rng.random_range(0..GENERIC_REPLIES.len())]
            };
            PlantedMessage {
                text: parts.join("，"),
                intent,
                question,
                phrasing,
                reply: reply.to_string(),
                ambiguous,
            }
        })
        .collect()
}
