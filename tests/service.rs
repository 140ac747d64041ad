//! The voice of the customer on the sample store, checked against its planted
//! truth: intents learned from the 10 % labelled messages, the bad products, the
//! complaint signal, and suggested replies.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use marketbench::analysis::voice::{Labels, ServiceReport, analyse};
use marketbench::data::{LoadOptions, Store, inspect, load};
use marketbench::jobs::Progress;

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

fn truth(name: &str) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(sample_dir().join("truth").join(name)).expect("truth");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    lines
        .map(|line| {
            header
                .iter()
                .zip(line.split(','))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The sample store's orders, products, service messages and reviews, read once.
fn report() -> &'static ServiceReport {
    static REPORT: OnceLock<ServiceReport> = OnceLock::new();
    REPORT.get_or_init(|| {
        let mut store = Store::default();
        for name in ["orders.csv", "products.csv", "service.csv", "reviews.csv"] {
            let path = sample_dir().join(name);
            let inspection = inspect(&path, None).expect("inspect");
            let options = LoadOptions::from_inspection(&inspection);
            store.insert(load(&path, &options, &Progress::detached()).expect("load"));
        }
        analyse(&store, &Labels::default(), &Progress::detached()).expect("analyse")
    })
}

#[test]
fn planted_intents_are_recovered_from_the_labelled_tenth() {
    let report = report();
    let intents = report.intents.as_ref().expect("intents trained");
    let planted: BTreeMap<u64, String> = truth("service_intents.csv")
        .into_iter()
        .map(|r| (r["row"].parse().expect("row"), r["intent"].clone()))
        .collect();
    let names = intents.model.intents();
    assert_eq!(names.len(), 8, "{names:?}");
    let mut pairs = Vec::new();
    for i in 0..report.messages.len() {
        if report.messages.label[i].is_some() {
            continue;
        }
        let truth = &planted[&report.messages.row[i]];
        let truth = names.iter().position(|n| n == truth).expect("known intent");
        pairs.push((truth, intents.predictions[i].intent));
    }
    assert!(pairs.len() > 15_000, "{} held-out messages", pairs.len());
    let (truth, predicted): (Vec<usize>, Vec<usize>) = pairs.into_iter().unzip();
    let f1 = marketbench::analysis::service::intent::macro_f1(&truth, &predicted, names.len());
    // Measured 0.984 on the sample store.
    assert!(f1 >= 0.95, "macro-F1 {f1}");
}

#[test]
fn the_planted_bad_products_and_recent_drops_are_flagged() {
    let voice = report().reviews.as_ref().expect("reviews read");
    let planted = truth("product_quality.csv");
    let want = |state: &str| -> BTreeSet<String> {
        planted
            .iter()
            .filter(|r| r["state"] == state)
            .map(|r| r["sku"].clone())
            .collect()
    };
    let flagged: BTreeSet<String> = voice
        .products
        .iter()
        .filter(|p| p.flagged && !p.dropped)
        .map(|p| p.item.clone())
        .collect();
    let dropped: BTreeSet<String> = voice
        .products
        .iter()
        .filter(|p| p.dropped)
        .map(|p| p.item.clone())
        .collect();
    assert_eq!(flagged, want("bad"));
    assert_eq!(dropped, want("dropped"));
    // Each bad product's complaint words come from its planted complaint.
    for row in planted.iter().filter(|r| r["state"] == "bad") {
        let product = voice
            .products
            .iter()
            .find(|p| p.item == row["sku"])
            .expect("listed");
        assert!(
            product
                .words
                .iter()
                .any(|w| row["complaint"].contains(w.as_str())),
            "{}: {:?} vs {}",
            row["sku"],
            product.words,
            row["complaint"]
        );
        assert!(product.name.is_some(), "named from the products file");
    }
}

#[test]
fn category_voice_adds_up_its_products_by_the_products_file() {
    let voice = report().reviews.as_ref().expect("reviews read");
    // The category of each product, by hand from products.csv (商品ID, …, 品类).
    let text = std::fs::read_to_string(sample_dir().join("products.csv")).expect("products");
    let category: BTreeMap<&str, &str> = text
        .lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            (fields[0], fields[3])
        })
        .collect();
    let mut reviews: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    for p in &voice.products {
        let entry = reviews.entry(category[p.item.as_str()]).or_default();
        entry.0 += p.reviews;
        entry.1 += p.negative_share * p.reviews as f64;
    }
    assert_eq!(
        voice.categorised, voice.reviews,
        "every reviewed product has one"
    );
    assert_eq!(voice.categories.len(), reviews.len());
    for c in &voice.categories {
        let (n, negative) = reviews[c.item.as_str()];
        assert_eq!(c.reviews, n, "{}", c.item);
        assert!(
            (c.negative_share - negative / n as f64).abs() < 1e-9,
            "{}",
            c.item
        );
    }
}

#[test]
fn the_complaint_signal_finds_the_customers_who_complained_last_month() {
    let report = report();
    let planted: BTreeMap<u64, String> = truth("service_intents.csv")
        .into_iter()
        .map(|r| (r["row"].parse().expect("row"), r["intent"].clone()))
        .collect();
    let frame = &report.signals;
    let ids = frame.column("customer_id").expect("ids");
    let ids = ids.str().expect("text");
    let flags = frame.column("complained_30d").expect("flag");
    let flags = flags.bool().expect("bool");
    let found: BTreeSet<String> = ids
        .iter()
        .zip(flags.iter())
        .filter(|(_, f)| *f == Some(true))
        .filter_map(|(id, _)| id.map(str::to_string))
        .collect();
    // As of the later of the last message and the last order: the sample's end.
    let last = report
        .messages
        .time
        .iter()
        .flatten()
        .max()
        .copied()
        .expect("times");
    let as_of = last.max(chrono_end_ms());
    let month = 30 * 86_400_000;
    let want: BTreeSet<String> = (0..report.messages.len())
        .filter(|&i| planted[&report.messages.row[i]] == "质量")
        .filter(|&i| report.messages.time[i].is_some_and(|t| as_of - t <= month))
        .filter_map(|i| report.messages.customer[i].clone())
        .collect();
    assert!(want.len() >= 20, "{} planted complainers", want.len());
    let hit = want.intersection(&found).count() as f64;
    let recall = hit / want.len() as f64;
    let precision = hit / found.len().max(1) as f64;
    assert!(
        recall >= 0.9 && precision >= 0.9,
        "recall {recall}, precision {precision}"
    );
}

/// The last order's time in the sample store (its last day, 2026-06-30).
fn chrono_end_ms() -> i64 {
    let text = std::fs::read_to_string(sample_dir().join("orders.csv")).expect("orders");
    let last = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(2))
        .max()
        .expect("a time")
        .to_string();
    chrono::NaiveDateTime::parse_from_str(&last, "%Y-%m-%d %H:%M:%S")
        .expect("time")
        .and_utc()
        .timestamp_millis()
}

#[test]
fn a_paraphrase_gets_a_reply_of_its_intent_and_small_talk_gets_none() {
    let report = report();
    let asked = [
        ("亲，物流三天没更新了，麻烦看一下", "物流"),
        ("请问电子发票在哪里下载呀", "发票"),
        ("Hello, does it run small? thanks", "尺码"),
    ];
    for (text, intent) in asked {
        let suggestions = report.suggest(text, 3);
        let first = suggestions
            .first()
            .unwrap_or_else(|| panic!("no match for {text}"));
        assert_eq!(first.intent.as_deref(), Some(intent), "{text}: {first:?}");
        assert!(!first.reply.is_empty());
    }
    assert!(report.suggest("今天天气不错，我们去爬山吧", 3).is_empty());
}

#[test]
fn the_command_prints_json_sections_and_writes_the_faq_and_messages() {
    let folder = tempfile::tempdir().expect("temp dir");
    let faq = folder.path().join("faq.csv");
    let out = folder.path().join("messages.csv");
    let dir = sample_dir();
    let output = common::cli::marketbench(&[
        "service",
        &dir.join("service.csv").display().to_string(),
        &dir.join("reviews.csv").display().to_string(),
        "--suggest",
        "可以开发票吗",
        "--faq",
        &faq.display().to_string(),
        "--out",
        &out.display().to_string(),
        "--json",
    ]);
    let json = common::cli::json_of(&output);
    let intents = json["intents"].as_array().expect("intents");
    assert_eq!(intents.len(), 8);
    let shares: f64 = intents.iter().filter_map(|i| i["share"].as_f64()).sum();
    assert!((shares - 1.0).abs() < 1e-9, "shares add to {shares}");
    let accuracy = json["sentiment"]["accuracy_held_out"]
        .as_f64()
        .expect("accuracy");
    assert!(accuracy >= 0.8, "{accuracy}");
    let first = &json["suggestions"][0];
    assert_eq!(first["intent"], "发票");
    assert!(first["score"].as_f64().expect("score") >= 0.35);
    let flagged = json["products"]
        .as_array()
        .expect("products")
        .iter()
        .filter(|p| p["flagged"] == true || p["dropped"] == true)
        .count();
    assert_eq!(flagged, 8);

    let written = std::fs::read_to_string(&faq).expect("faq written");
    let mut lines = written.trim_start_matches('\u{feff}').lines();
    assert_eq!(lines.next(), Some("question,reply,count,intent"));
    let questions = json["faq_questions"].as_u64().expect("faq count") as usize;
    assert_eq!(lines.count(), questions);
    assert!(questions >= 8, "{questions} questions");
    let messages = std::fs::read_to_string(&out).expect("messages written");
    assert_eq!(messages.lines().count(), report().messages.len() + 1);
}

#[test]
fn the_command_reads_the_teams_labels_from_a_csv() {
    let dir = tempfile::tempdir().expect("dir");
    let labels = dir.path().join("labels.csv");
    std::fs::write(
        &labels,
        "message,intent,mood\n我的快递到哪了,物流,负面\n包包收到了 yyds,,positive\n",
    )
    .expect("write");
    let service = sample_dir().join("service.csv");
    let args = [
        "service",
        service.to_str().expect("path"),
        "--labels",
        labels.to_str().expect("path"),
        "--sentiment",
        "--json",
    ];
    let json = common::cli::json_of(&common::cli::marketbench(&args));
    assert_eq!(json["sentiment"]["mood_labels"], 2, "{json}");

    std::fs::write(&labels, "message,mood\n我的快递到哪了,great\n").expect("write");
    let output = common::cli::marketbench(&args);
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("labels.csv") && error.contains("row 2") && error.contains("great"),
        "{error}"
    );
}
