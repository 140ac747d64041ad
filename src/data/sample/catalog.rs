//! The sample catalogue: 12 categories with Chinese and English names, products
//! built from each category's base items and variants, list prices, margins,
//! popularity, the co-purchase bundles and the drop-off products.
//!
//! Products are numbered category by category (`SKU0001` …); a category's k-th
//! product is base item `k mod n` in variant `k div n`, so a category's first
//! products are its base items in their first variant. Bundles and drop-off products
//! are defined on base items and therefore exist whenever every category has at
//! least [`MIN_PER_CATEGORY`] products.
//!
//! Price = base price × variant factor × exp(0.15·z), z standard normal, rounded
//! to end in 9 (`159`) from 20 up, else to `x.9`. Margin = category margin ± 0.05
//! (uniform), two decimals. Popularity = category weight × variant weight
//! (1, 0.6, 0.4, 0.3, then 0.2) × exp(0.8·z); a bundle anchor's is category
//! weight × 2 (no random factor).

use rand::Rng;

use super::pick::normal;

/// Every category needs this many products for the bundles and drop-off products.
pub(super) const MIN_PER_CATEGORY: usize = 8;

/// `(Chinese name, English name, price in CNY)`.
type Item = (&'static str, &'static str, f64);

/// One category of the catalogue.
pub(super) struct CategorySpec {
    pub zh: &'static str,
    pub en: &'static str,
    /// Mean gross margin (fraction of price).
    pub margin: f64,
    /// Relative share of order lines drawn from this category.
    pub weight: f64,
    /// Consumables: the mean days between repeat purchases of a staple.
    pub repeat_days: Option<f64>,
    items: &'static [Item],
    variants: &'static [Item],
}

pub(super) const CATEGORIES: [CategorySpec; 12] = [
    CategorySpec {
        zh: "美妆",
        en: "Beauty",
        margin: 0.62,
        weight: 1.2,
        repeat_days: None,
        items: &[
            ("保湿洗面奶", "Moisturising Cleanser", 79.0),
            ("补水爽肤水", "Hydrating Toner", 99.0),
            ("修护精华液", "Repair Serum", 329.0),
            ("滋润面霜", "Nourishing Face Cream", 259.0),
            ("丝绒口红", "Velvet Lipstick", 189.0),
            ("持妆粉底液", "Long-wear Foundation", 229.0),
            ("补水面膜", "Hydrating Sheet Masks", 89.0),
            ("淡纹眼霜", "Firming Eye Cream", 299.0),
            ("清爽防晒霜", "Light Sunscreen", 139.0),
            ("温和卸妆油", "Gentle Cleansing Oil", 119.0),
        ],
        variants: &[
            ("标准装", "Standard", 1.0),
            ("大容量", "Large", 1.5),
            ("礼盒装", "Gift Set", 1.9),
        ],
    },
    CategorySpec {
        zh: "服饰",
        en: "Apparel",
        margin: 0.55,
        weight: 1.2,
        repeat_days: None,
        items: &[
            ("纯棉T恤", "Cotton T-shirt", 79.0),
            ("直筒牛仔裤", "Straight Jeans", 199.0),
            ("碎花连衣裙", "Floral Dress", 259.0),
            ("轻薄羽绒服", "Light Down Jacket", 699.0),
            ("连帽卫衣", "Hooded Sweatshirt", 169.0),
            ("商务衬衫", "Business Shirt", 149.0),
            ("羊毛针织衫", "Wool Knit Sweater", 289.0),
            ("休闲运动裤", "Casual Joggers", 129.0),
            ("双排扣风衣", "Trench Coat", 499.0),
            ("百搭半身裙", "A-line Skirt", 139.0),
        ],
        variants: &[
            ("黑色", "Black", 1.0),
            ("白色", "White", 1.0),
            ("灰色", "Grey", 1.0),
            ("藏青", "Navy", 1.0),
        ],
    },
    CategorySpec {
        zh: "数码",
        en: "Electronics",
        margin: 0.18,
        weight: 0.6,
        repeat_days: None,
        items: &[
            ("智能手机", "Smartphone", 2999.0),
            ("手机壳", "Phone Case", 49.0),
            ("钢化膜", "Screen Protector", 29.0),
            ("蓝牙耳机", "Bluetooth Earbuds", 399.0),
            ("充电宝", "Power Bank", 129.0),
            ("智能手表", "Smartwatch", 1299.0),
            ("平板电脑", "Tablet", 2499.0),
            ("快充数据线", "Fast-charge Cable", 29.0),
            ("机械键盘", "Mechanical Keyboard", 349.0),
            ("无线鼠标", "Wireless Mouse", 99.0),
        ],
        variants: &[
            ("标准版", "Standard", 1.0),
            ("升级版", "Plus", 1.3),
            ("旗舰版", "Pro", 1.7),
        ],
    },
    CategorySpec {
        zh: "食品",
        en: "Food",
        margin: 0.30,
        weight: 1.3,
        repeat_days: Some(21.0),
        items: &[
            ("阿拉比卡咖啡豆", "Arabica Coffee Beans", 89.0),
            ("咖啡滤纸", "Coffee Filter Papers", 19.0),
            ("每日坚果", "Daily Mixed Nuts", 129.0),
            ("即食燕麦片", "Instant Oats", 39.0),
            ("风干牛肉干", "Beef Jerky", 59.0),
            ("明前绿茶", "Spring Green Tea", 99.0),
            ("黑巧克力", "Dark Chocolate", 49.0),
            ("螺蛳粉", "Luosifen Rice Noodles", 39.0),
            ("土蜂蜜", "Wild Honey", 69.0),
            ("曲奇饼干", "Butter Cookies", 59.0),
        ],
        variants: &[
            ("单件", "Single", 1.0),
            ("两件装", "Twin Pack", 1.9),
            ("家庭装", "Family Pack", 2.6),
        ],
    },
    CategorySpec {
        zh: "母婴",
        en: "Mother & Baby",
        margin: 0.35,
        weight: 0.8,
        repeat_days: None,
        items: &[
            ("婴儿纸尿裤", "Baby Diapers", 139.0),
            ("婴儿湿巾", "Baby Wipes", 39.0),
            ("婴儿奶粉", "Infant Formula", 299.0),
            ("宽口奶瓶", "Wide-neck Baby Bottle", 89.0),
            ("轻便婴儿推车", "Light Stroller", 1299.0),
            ("儿童餐椅", "High Chair", 399.0),
            ("安抚奶嘴", "Pacifier", 39.0),
            ("婴儿洗护套装", "Baby Bath Set", 129.0),
            ("益智积木", "Building Blocks", 99.0),
            ("婴儿连体衣", "Baby Romper", 79.0),
        ],
        variants: &[
            ("经典款", "Classic", 1.0),
            ("升级款", "Upgraded", 1.3),
            ("豪华款", "Deluxe", 1.7),
        ],
    },
    CategorySpec {
        zh: "家居",
        en: "Home",
        margin: 0.45,
        weight: 0.9,
        repeat_days: None,
        items: &[
            ("纯棉床单", "Cotton Bed Sheet", 199.0),
            ("纯棉枕套", "Cotton Pillowcases", 59.0),
            ("蚕丝被", "Silk Duvet", 899.0),
            ("收纳箱", "Storage Box", 69.0),
            ("香薰蜡烛", "Scented Candle", 89.0),
            ("不锈钢保温杯", "Steel Thermos", 129.0),
            ("不粘炒锅", "Non-stick Wok", 199.0),
            ("纯棉毛巾", "Cotton Towels", 49.0),
            ("护眼台灯", "Desk Lamp", 159.0),
            ("沙发抱枕", "Sofa Cushion", 69.0),
        ],
        variants: &[
            ("米白", "Cream", 1.0),
            ("浅灰", "Light Grey", 1.0),
            ("雾蓝", "Mist Blue", 1.0),
        ],
    },
    CategorySpec {
        zh: "运动",
        en: "Sports",
        margin: 0.45,
        weight: 0.8,
        repeat_days: None,
        items: &[
            ("缓震跑步鞋", "Cushioned Running Shoes", 499.0),
            ("运动袜", "Sports Socks", 39.0),
            ("瑜伽垫", "Yoga Mat", 129.0),
            ("可调节哑铃", "Adjustable Dumbbells", 399.0),
            ("计数跳绳", "Counting Jump Rope", 39.0),
            ("运动水壶", "Sports Bottle", 59.0),
            ("健身手套", "Gym Gloves", 49.0),
            ("速干T恤", "Quick-dry Tee", 99.0),
            ("运动护膝", "Knee Support", 79.0),
            ("羽毛球拍", "Badminton Racket", 299.0),
        ],
        variants: &[
            ("入门款", "Basic", 1.0),
            ("进阶款", "Advanced", 1.4),
            ("专业款", "Pro", 1.9),
        ],
    },
    CategorySpec {
        zh: "图书",
        en: "Books",
        margin: 0.28,
        weight: 0.7,
        repeat_days: None,
        items: &[
            ("三体（第一部）", "The Three-Body Problem I", 39.0),
            ("三体（第二部）", "The Three-Body Problem II", 39.0),
            ("三体（第三部）", "The Three-Body Problem III", 45.0),
            ("活着", "To Live", 29.0),
            ("围城", "Fortress Besieged", 35.0),
            ("百年孤独", "One Hundred Years of Solitude", 55.0),
            ("红楼梦", "Dream of the Red Chamber", 79.0),
            ("小王子", "The Little Prince", 25.0),
            ("人类简史", "Sapiens", 68.0),
            ("明朝那些事儿", "Those Ming Dynasty Stories", 198.0),
        ],
        variants: &[
            ("平装", "Paperback", 1.0),
            ("精装", "Hardcover", 1.6),
            ("典藏版", "Collector's Edition", 2.2),
        ],
    },
    CategorySpec {
        zh: "宠物",
        en: "Pets",
        margin: 0.35,
        weight: 0.8,
        repeat_days: Some(30.0),
        items: &[
            ("全价猫粮", "Complete Cat Food", 159.0),
            ("豆腐猫砂", "Tofu Cat Litter", 59.0),
            ("全价狗粮", "Complete Dog Food", 189.0),
            ("猫罐头", "Canned Cat Food", 89.0),
            ("冻干零食", "Freeze-dried Treats", 39.0),
            ("猫抓板", "Cat Scratcher", 49.0),
            ("宠物沐浴露", "Pet Shampoo", 49.0),
            ("宠物牵引绳", "Pet Leash", 59.0),
            ("宠物窝", "Pet Bed", 129.0),
            ("体内驱虫药", "Deworming Tablets", 99.0),
        ],
        variants: &[
            ("小包装", "Small Bag", 1.0),
            ("中包装", "Medium Bag", 1.8),
            ("大包装", "Large Bag", 3.0),
        ],
    },
    CategorySpec {
        zh: "个护",
        en: "Personal Care",
        margin: 0.50,
        weight: 1.1,
        repeat_days: Some(45.0),
        items: &[
            ("去屑洗发水", "Anti-dandruff Shampoo", 69.0),
            ("柔顺护发素", "Smoothing Conditioner", 69.0),
            ("沐浴露", "Body Wash", 49.0),
            ("美白牙膏", "Whitening Toothpaste", 25.0),
            ("电动牙刷", "Electric Toothbrush", 299.0),
            ("电动剃须刀", "Electric Shaver", 399.0),
            ("保湿身体乳", "Body Lotion", 79.0),
            ("泡沫洗手液", "Foaming Hand Soap", 29.0),
            ("漱口水", "Mouthwash", 39.0),
            ("卫生巾", "Sanitary Pads", 35.0),
        ],
        variants: &[
            ("标准装", "Standard", 1.0),
            ("家庭装", "Family Size", 1.7),
            ("补充装", "Refill", 0.8),
        ],
    },
    CategorySpec {
        zh: "酒水",
        en: "Drinks",
        margin: 0.40,
        weight: 0.6,
        repeat_days: None,
        items: &[
            ("赤霞珠红葡萄酒", "Cabernet Red Wine", 168.0),
            ("海马刀开瓶器", "Waiter's Corkscrew", 39.0),
            ("酱香白酒", "Sauce-aroma Baijiu", 499.0),
            ("精酿啤酒", "Craft Beer", 89.0),
            ("单一麦芽威士忌", "Single Malt Whisky", 399.0),
            ("纯米清酒", "Junmai Sake", 129.0),
            ("苏打气泡水", "Sparkling Water", 59.0),
            ("NFC橙汁", "NFC Orange Juice", 49.0),
            ("绍兴黄酒", "Shaoxing Wine", 69.0),
            ("青梅酒", "Plum Wine", 89.0),
        ],
        variants: &[
            ("单瓶", "Single Bottle", 1.0),
            ("双支装", "Two-pack", 1.9),
            ("整箱", "Case", 4.5),
        ],
    },
    CategorySpec {
        zh: "鞋包",
        en: "Shoes & Bags",
        margin: 0.55,
        weight: 0.8,
        repeat_days: None,
        items: &[
            ("真皮商务鞋", "Leather Oxford Shoes", 599.0),
            ("鞋油护理套装", "Shoe Polish Kit", 29.0),
            ("通勤双肩包", "Commuter Backpack", 259.0),
            ("帆布鞋", "Canvas Sneakers", 199.0),
            ("托特手提包", "Tote Handbag", 699.0),
            ("短款钱包", "Short Wallet", 199.0),
            ("万向轮行李箱", "Spinner Suitcase", 599.0),
            ("马丁靴", "Martin Boots", 459.0),
            ("家居拖鞋", "House Slippers", 49.0),
            ("斜挎腰包", "Crossbody Waist Bag", 99.0),
        ],
        variants: &[
            ("黑色", "Black", 1.0),
            ("棕色", "Brown", 1.0),
            ("卡其", "Khaki", 1.0),
        ],
    },
];

/// A planted co-purchase bundle on base items: when the anchor (base item 0 of the
/// category) is in an order, each companion is added with its probability.
pub(super) struct BundleSpec {
    pub category: usize,
    /// `(base item, probability)`.
    pub companions: &'static [(usize, f64)],
}

pub(super) const BUNDLES: [BundleSpec; 11] = [
    BundleSpec {
        category: 0,
        companions: &[(1, 0.40)],
    }, // cleanser → toner
    BundleSpec {
        category: 2,
        companions: &[(1, 0.50), (2, 0.45)],
    }, // phone → case, protector
    BundleSpec {
        category: 3,
        companions: &[(1, 0.40)],
    }, // coffee → filters
    BundleSpec {
        category: 4,
        companions: &[(1, 0.45)],
    }, // diapers → wipes
    BundleSpec {
        category: 5,
        companions: &[(1, 0.40)],
    }, // bed sheet → pillowcases
    BundleSpec {
        category: 6,
        companions: &[(1, 0.40)],
    }, // running shoes → socks
    BundleSpec {
        category: 7,
        companions: &[(1, 0.50), (2, 0.40)],
    }, // Three-Body I → II, III
    BundleSpec {
        category: 8,
        companions: &[(1, 0.45)],
    }, // cat food → litter
    BundleSpec {
        category: 9,
        companions: &[(1, 0.45)],
    }, // shampoo → conditioner
    BundleSpec {
        category: 10,
        companions: &[(1, 0.35)],
    }, // red wine → corkscrew
    BundleSpec {
        category: 11,
        companions: &[(1, 0.35)],
    }, // oxfords → polish
];

/// A bundle anchor's popularity relative to its category weight (no random factor,
/// so every bundle is frequent enough to detect and none swamps its category).
const ANCHOR_POPULARITY: f64 = 2.0;

/// `(category, base item)`: the drop-off products, viewed a lot but rarely carted.
pub(super) const DROPOFF: [(usize, usize); 5] = [
    (0, 2),  // 修护精华液 Repair Serum
    (1, 3),  // 轻薄羽绒服 Light Down Jacket
    (2, 5),  // 智能手表 Smartwatch
    (5, 2),  // 蚕丝被 Silk Duvet
    (11, 6), // 万向轮行李箱 Spinner Suitcase
];

const VARIANT_POPULARITY: [f64; 4] = [1.0, 0.6, 0.4, 0.3];

/// One product.
#[derive(Clone, Debug)]
pub(super) struct Product {
    pub sku: String,
    pub name_zh: String,
    pub name_en: String,
    pub category: usize,
    /// List price in CNY.
    pub price: f64,
    pub margin: f64,
    pub popularity: f64,
}

/// A bundle resolved to product indices.
#[derive(Clone, Debug)]
pub(super) struct Bundle {
    pub anchor: usize,
    pub companions: Vec<(usize, f64)>,
}

/// The generated catalogue.
pub(super) struct Catalog {
    pub products: Vec<Product>,
    /// Product indices of each category, in SKU order.
    pub by_category: Vec<Vec<usize>>,
    pub bundles: Vec<Bundle>,
    /// `bundle_of[product]`: index into `bundles` when the product is an anchor.
    pub bundle_of: Vec<Option<usize>>,
    pub dropoff: Vec<usize>,
}

impl Catalog {
    /// `count` products, at least `MIN_PER_CATEGORY` per category (checked by the config).
    pub(super) fn new(count: usize, rng: &mut impl Rng) -> Self {
        let n_cat = CATEGORIES.len();
        let mut products = Vec::with_capacity(count);
        let mut by_category = Vec::with_capacity(n_cat);
        for (c, spec) in CATEGORIES.iter().enumerate() {
            let in_category = count / n_cat + usize::from(c < count % n_cat);
            let mut indices = Vec::with_capacity(in_category);
            for k in 0..in_category {
                indices.push(products.len());
                products.push(make_product(c, spec, k, products.len(), rng));
            }
            by_category.push(indices);
        }
        let bundles: Vec<Bundle> = BUNDLES
            .iter()
            .map(|b| Bundle {
                anchor: by_category[b.category][0],
                companions: b
                    .companions
                    .iter()
                    .map(|&(item, p)| (by_category[b.category][item], p))
                    .collect(),
            })
            .collect();
        let mut bundle_of = vec![None; products.len()];
        for (i, (b, spec)) in bundles.iter().zip(&BUNDLES).enumerate() {
            bundle_of[b.anchor] = Some(i);
            products[b.anchor].popularity = CATEGORIES[spec.category].weight * ANCHOR_POPULARITY;
        }
        let dropoff = DROPOFF
            .iter()
            .map(|&(c, item)| by_category[c][item])
            .collect();
        Catalog {
            products,
            by_category,
            bundles,
            bundle_of,
            dropoff,
        }
    }
}

fn make_product(
    c: usize,
    spec: &CategorySpec,
    k: usize,
    index: usize,
    rng: &mut impl Rng,
) -> Product {
    let n_items = spec.items.len();
    let (item_zh, item_en, base_price) = spec.items[k % n_items];
    let round = k / n_items;
    let (var_zh, var_en, var_factor) = spec.variants[round % spec.variants.len()];
    // Past the last variant, later rounds get an edition number to stay distinct.
    let edition = round / spec.variants.len();
    let (suffix_zh, suffix_en) = if edition == 0 {
        (String::new(), String::new())
    } else {
        (
            format!(" {}代", edition + 1),
            format!(" Gen {}", edition + 1),
        )
    };
    let raw_price = base_price * var_factor * (0.15 * normal(rng)).exp();
    let margin = spec.margin + rng.random_range(-0.05..0.05);
    let popularity = spec.weight
        * VARIANT_POPULARITY.get(round).copied().unwrap_or(0.2)
        * (0.8 * normal(rng)).exp();
    Product {
        sku: format!("SKU{:04}", index + 1),
        name_zh: format!("{item_zh} {var_zh}{suffix_zh}"),
        name_en: format!("{item_en} {var_en}{suffix_en}"),
        category: c,
        price: shop_price(raw_price),
        margin: (margin * 100.0).round() / 100.0,
        popularity,
    }
}

/// A shop-style price: `159` from 20 up, `14.9` below.
fn shop_price(raw: f64) -> f64 {
    if raw >= 20.0 {
        (raw / 10.0).round() * 10.0 - 1.0
    } else {
        raw.round().max(1.0) - 0.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sample::pick::stream;

    #[test]
    fn bundles_and_dropoff_resolve_to_the_named_products() {
        let catalog = Catalog::new(300, &mut stream(42, 0));
        assert_eq!(catalog.products.len(), 300);
        assert!(catalog.by_category.iter().all(|c| c.len() == 25));
        let phone = &catalog.bundles[1];
        assert!(
            catalog.products[phone.anchor]
                .name_zh
                .starts_with("智能手机")
        );
        assert!(
            catalog.products[phone.companions[0].0]
                .name_zh
                .starts_with("手机壳")
        );
        let names: Vec<&str> = catalog
            .dropoff
            .iter()
            .map(|&p| catalog.products[p].name_en.as_str())
            .collect();
        assert_eq!(names[2], "Smartwatch Standard");
        // Distinct names, no separators that would need CSV quoting.
        let mut all: Vec<&str> = catalog
            .products
            .iter()
            .map(|p| p.name_zh.as_str())
            .collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 300);
        assert!(
            catalog
                .products
                .iter()
                .all(|p| !p.name_zh.contains([',', '"']) && !p.name_en.contains([',', '"']))
        );
    }

    #[test]
    fn many_products_get_edition_suffixes_and_stay_distinct() {
        let catalog = Catalog::new(12 * 40, &mut stream(1, 0));
        let mut names: Vec<&str> = catalog
            .products
            .iter()
            .map(|p| p.name_en.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 480);
    }

    #[test]
    fn shop_prices_end_in_nine() {
        assert_eq!(shop_price(161.0), 159.0);
        assert_eq!(shop_price(14.6), 14.9);
        assert_eq!(shop_price(0.2), 0.9);
    }
}
