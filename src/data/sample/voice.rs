//! The words of the sample store's service messages and reviews: what customers
//! write for each planted intent, what agents reply, and what reviewers say at each
//! mood. `{p}` in a template is replaced by the product's name.
//!
//! The intents share words on purpose (订单, 快递, 换 appear under several), and
//! some cores sit between two intents (买小了能换大一码吗: sizing or returns), so a
//! classifier has something to learn and something to be unsure about.

/// The planted intents, in the order of [`INTENTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Intent {
    Shipping,
    Returns,
    Sizing,
    Quality,
    Discounts,
    Invoice,
    Payment,
    PreSales,
}

impl Intent {
    /// The label an agent writes in the file's 意图 column.
    pub(super) fn label(self) -> &'static str {
        self.words().label
    }

    pub(super) fn words(self) -> &'static IntentWords {
        &INTENTS[self as usize]
    }
}

/// What customers write and agents reply for one intent.
pub(super) struct IntentWords {
    pub label: &'static str,
    pub chinese: &'static [&'static str],
    pub english: &'static [&'static str],
    pub replies: &'static [&'static str],
}

pub(super) const INTENTS: [IntentWords; 8] = [
    IntentWords {
        label: "物流",
        chinese: &[
            "我的快递到哪了",
            "{p}什么时候发货",
            "物流三天没更新了",
            "订单显示已发货但是一直没收到",
            "能不能帮我催一下快递",
            "快递员说送不到怎么办",
            "可以改一下收货地址吗",
        ],
        english: &[
            "where is my package",
            "when will my order ship",
            "tracking has not updated for days",
        ],
        replies: &[
            "您好，已帮您联系快递加急处理，预计1-2天送达，请留意物流信息。",
            "亲，包裹正在派送途中，物流单号可在订单详情里查看。",
        ],
    },
    IntentWords {
        label: "退换货",
        chinese: &[
            "{p}不想要了怎么退货",
            "我想换一个颜色",
            "申请退款多久能到账",
            "退货运费谁出",
            "可以七天无理由退换吗",
            "退回的包裹你们收到了吗",
        ],
        english: &[
            "how do I return this",
            "I want a refund for my order",
            "can I exchange it for another colour",
        ],
        replies: &[
            "您好，支持七天无理由退换，请在订单页面申请退货，审核通过后按地址寄回即可。",
            "亲，退款会在仓库收到退货后1-3个工作日原路退回。",
        ],
    },
    IntentWords {
        label: "尺码",
        chinese: &[
            "{p}偏大还是偏小",
            "我身高165体重50公斤穿什么码",
            "平时穿M码这款选哪个",
            "鞋子是标准码吗",
            "尺码表在哪里看",
            "买小了能换大一码吗",
        ],
        english: &[
            "which size should I pick",
            "does it run small",
            "where is the size chart",
        ],
        replies: &[
            "您好，这款尺码标准，建议按平时尺码选择，详情页有尺码表可参考。",
            "亲，这款版型偏小，建议选大一码。",
        ],
    },
    IntentWords {
        label: "质量",
        chinese: &[
            "{p}收到就是坏的",
            "用了两天就坏了",
            "质量太差了做工粗糙",
            "{p}有很大的异味",
            "和图片完全不一样",
            "洗了一次就掉色",
        ],
        english: &[
            "it broke after a day",
            "bad quality and the stitching came apart",
            "the item arrived damaged",
        ],
        replies: &[
            "非常抱歉给您带来不好的体验，请拍照发给我们，核实后为您补发或退款。",
            "抱歉，质量问题我们承担运费，可以直接申请退换。",
        ],
    },
    IntentWords {
        label: "优惠",
        chinese: &[
            "现在有优惠券吗",
            "{p}什么时候打折",
            "满减活动还有吗",
            "会员有折扣吗",
            "双十一会降价吗",
            "能便宜一点吗",
        ],
        english: &[
            "do you have a discount code",
            "is there a coupon right now",
            "will it go on sale soon",
        ],
        replies: &[
            "亲，店铺首页可以领取满300减30的优惠券，会员还有额外九五折。",
            "您好，大促期间会有折扣活动，可以先加入购物车关注价格。",
        ],
    },
    IntentWords {
        label: "发票",
        chinese: &[
            "可以开发票吗",
            "发票抬头写错了怎么改",
            "我要开增值税专用发票",
            "电子发票在哪里下载",
            "公司报销需要发票",
        ],
        english: &[
            "can I get an invoice",
            "I need a VAT invoice for my company",
        ],
        replies: &[
            "您好，可以开具电子发票，确认收货后在订单详情里申请即可。",
            "亲，专用发票请提供公司名称和税号，我们3个工作日内开具。",
        ],
    },
    IntentWords {
        label: "支付",
        chinese: &[
            "付款一直失败",
            "可以用花呗分期吗",
            "钱扣了但是订单显示未付款",
            "支持信用卡支付吗",
            "重复扣款了怎么办",
        ],
        english: &[
            "my payment failed",
            "I was charged twice",
            "can I pay by credit card",
        ],
        replies: &[
            "您好，支付失败请换一张银行卡或稍后再试，已扣款会在24小时内自动退回。",
            "亲，支持信用卡和花呗分期，在付款页面选择即可。",
        ],
    },
    IntentWords {
        label: "售前咨询",
        chinese: &[
            "{p}还有货吗",
            "这款和另一款有什么区别",
            "{p}是正品吗",
            "保质期多久",
            "适合送人吗",
            "{p}有什么推荐的搭配",
        ],
        english: &[
            "is this in stock",
            "what is the difference between these two",
            "is it genuine",
        ],
        replies: &[
            "您好，有现货的，今天下单明天发货，保证正品。",
            "亲，两款主要是材质不同，详情页有对比说明。",
        ],
    },
];

/// Openings and closings around a Chinese core.
pub(super) const CHINESE_OPENINGS: [&str; 7] =
    ["", "你好，", "您好，", "在吗？", "亲，", "客服，", "请问"];
pub(super) const CHINESE_CLOSINGS: [&str; 6] =
    ["", "？", "，谢谢", "，急！", "，麻烦尽快处理", "。"];
pub(super) const ENGLISH_OPENINGS: [&str; 4] = ["", "Hi, ", "Hello, ", "Excuse me, "];
pub(super) const ENGLISH_CLOSINGS: [&str; 4] = ["", "?", ", thanks", ". Please help"];

/// Review texts by mood.
pub(super) const REVIEW_POSITIVE: [&str; 8] = [
    "质量很好，很满意",
    "物流很快，包装完好",
    "性价比高，会回购",
    "和描述一致，推荐购买",
    "{p}很好用，家人也喜欢",
    "第二次买了，一如既往的好",
    "great quality, would buy again",
    "fast delivery and exactly as described",
];
pub(super) const REVIEW_NEUTRAL: [&str; 5] = [
    "一般般，还可以",
    "中规中矩吧",
    "凑合用，价格还行",
    "包装有点简陋，东西还行",
    "it is okay for the price",
];
pub(super) const REVIEW_NEGATIVE: [&str; 6] = [
    "质量太差了，不值这个价",
    "非常失望，不会再买了",
    "用了两天就坏了",
    "和图片差别很大",
    "客服态度也不好，差评",
    "poor quality, not worth the money",
];

/// What the planted bad products are blamed for, one per bad product in turn: the
/// words that set their reviews apart.
pub(super) const COMPLAINTS: [&str; 8] = [
    "做工粗糙，线头很多",
    "有刺鼻的异味",
    "掉色严重",
    "尺码严重偏小",
    "质量不稳定，很快就坏",
    "漏液了",
    "包装破损，有划痕",
    "收到就发霉了",
];

/// Service channels.
pub(super) const SERVICE_CHANNELS: [&str; 4] = ["在线客服", "微信", "电话", "App"];
