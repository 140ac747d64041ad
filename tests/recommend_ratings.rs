//! Explicit ratings: a ratings file (Chinese headers too) loads as ratings, and
//! user-kNN predicts with the mean-centred formula on generated data with two
//! planted taste groups.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use marketbench::analysis::recommend::{Feedback, ModelKind, ModelParams, Reason, fit};
use marketbench::cli::{LoadArgs, load_files};
use marketbench::data::{FileKind, ProblemKind};
use marketbench::jobs::Progress;
use marketbench::workspace::recommend::load_interactions;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

const CUSTOMERS: usize = 120;
const ITEMS: usize = 40;
const RATED_EACH: usize = 16;

/// Customers `u000..u059` (group A) rate items `i00..i19` 4–5 and `i20..i39`
/// 1–2; `u060..u119` (group B) the other way round. Each customer rates 16 random
/// items. Returns (customer, item, rating) in file order.
fn planted() -> Vec<(String, String, u32)> {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut rows = Vec::new();
    for u in 0..CUSTOMERS {
        let group_a = u < CUSTOMERS / 2;
        let mut items: Vec<usize> = (0..ITEMS).collect();
        items.shuffle(&mut rng);
        for &i in &items[..RATED_EACH] {
            let liked = (i < ITEMS / 2) == group_a;
            let rating = if liked {
                rng.random_range(4..=5)
            } else {
                rng.random_range(1..=2)
            };
            rows.push((format!("u{u:03}"), format!("i{i:02}"), rating));
        }
    }
    rows
}

fn liked_by(customer: &str, item: &str) -> bool {
    let u: usize = customer[1..].parse().expect("customer number");
    let i: usize = item[1..].parse().expect("item number");
    (i < ITEMS / 2) == (u < CUSTOMERS / 2)
}

/// Writes the ratings as CSV with Chinese headers; `extra` rows are appended as is.
fn write_csv(path: &Path, rows: &[(String, String, u32)], extra: &str) {
    let mut text = String::from("用户ID,商品ID,商品名称,评分\n");
    for (c, i, r) in rows {
        text.push_str(&format!("{c},{i},商品{i},{r}\n"));
    }
    text.push_str(extra);
    std::fs::write(path, text).expect("write ratings");
}

/// The mean-centred prediction computed from the triplets, as written in the
/// issue: r̂(u,i) = r̄(u) + Σ sim(u,v)(r(v,i) − r̄(v)) / Σ|sim(u,v)| over the `k`
/// most similar customers v who rated i (cosine over co-rated items).
fn by_hand(rows: &[(String, String, u32)], u: &str, i: &str, k: usize) -> f64 {
    let mut ratings: BTreeMap<&str, BTreeMap<&str, f64>> = BTreeMap::new();
    for (c, item, r) in rows {
        ratings.entry(c).or_default().insert(item, f64::from(*r));
    }
    let mean = |c: &str| {
        let r = &ratings[c];
        r.values().sum::<f64>() / r.len() as f64
    };
    let own = &ratings[u];
    let mut near: Vec<(&str, f64)> = ratings
        .iter()
        .filter(|(v, r)| **v != u && r.contains_key(i))
        .map(|(v, r)| {
            let (mut dot, mut a, mut b) = (0.0, 0.0, 0.0);
            for (item, x) in own {
                if let Some(y) = r.get(item) {
                    dot += x * y;
                    a += x * x;
                    b += y * y;
                }
            }
            let sim = if a > 0.0 {
                dot / (a.sqrt() * b.sqrt())
            } else {
                0.0
            };
            (*v, sim)
        })
        .collect();
    near.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(y.0)));
    near.truncate(k);
    let num: f64 = near
        .iter()
        .map(|(v, s)| s * (ratings[v][i] - mean(v)))
        .sum();
    let den: f64 = near.iter().map(|(_, s)| s.abs()).sum();
    mean(u) + num / den
}

#[test]
fn user_knn_on_explicit_ratings_recommends_the_taste_groups_items() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("评分.csv");
    let rows = planted();
    // One unreadable rating: reported with its row, column and value, then dropped.
    write_csv(&path, &rows, "u000,i00,商品i00,好评\n");
    let loaded = load_files(std::slice::from_ref(&path), &LoadArgs::default()).expect("load");
    let table = &loaded.store.tables[0];
    assert_eq!(table.kind, FileKind::Ratings);
    let bad = table
        .report
        .problem(ProblemKind::UnparseableNumber)
        .expect("the word is reported");
    assert_eq!(bad.count, 1);
    // Rows are counted from the first data row.
    assert_eq!(bad.examples[0].row, rows.len() + 1);
    assert_eq!(bad.examples[0].column, "评分");
    assert_eq!(bad.examples[0].value, "好评");
    assert_eq!(table.report.rows_kept, rows.len());

    let interactions = load_interactions(&loaded.store).expect("interactions");
    assert_eq!(interactions.feedback, Feedback::Ratings);
    assert_eq!(interactions.customers.len(), CUSTOMERS);
    let k = 20;
    let params = ModelParams {
        user_neighbours: k,
        explicit: true,
        ..ModelParams::default()
    };
    let train = interactions.matrix(&interactions.events);
    let model = fit(
        ModelKind::UserKnn,
        train,
        &interactions.events,
        &interactions.items,
        &params,
        &Progress::detached(),
    )
    .expect("fit");
    let mut scratch = model.scratch();
    let mut top_liked = 0;
    for (u, customer) in interactions.customers.iter().enumerate() {
        let list = model.recommend(u, 5, true, &mut scratch);
        top_liked += list
            .iter()
            .filter(|r| liked_by(customer, &interactions.items[r.item as usize].id))
            .count();
    }
    // The group's unseen favourites fill the lists: at least 95 % of 600 slots.
    assert!(
        top_liked >= 570,
        "{top_liked} of 600 recommended items liked"
    );

    // The predicted rating each unseen item's reason gives is the formula,
    // computed here from the file.
    let u = 0;
    let list = model.recommend(u, ITEMS, true, &mut scratch);
    let (mut liked, mut disliked) = (Vec::new(), Vec::new());
    for r in list.iter().filter(|r| r.score > 0.0) {
        let item = &interactions.items[r.item as usize].id;
        let want = by_hand(&rows, "u000", item, k);
        let Reason::PredictedRating(rating, _) = r.reason else {
            panic!("{item}: reason {:?}", r.reason);
        };
        assert!(
            (f64::from(rating) - want).abs() < 1e-4,
            "{item}: {rating} vs {want}"
        );
        if liked_by("u000", item) {
            liked.push(want);
        } else {
            disliked.push(want);
        }
    }
    assert_eq!(liked.len() + disliked.len(), ITEMS - RATED_EACH);
    // Every unseen favourite is predicted above every unseen dislike.
    let lowest_liked = liked.iter().copied().fold(f64::INFINITY, f64::min);
    let highest_disliked = disliked.iter().copied().fold(0.0, f64::max);
    assert!(lowest_liked > highest_disliked, "{liked:?} vs {disliked:?}");
}

#[test]
fn recommend_command_reads_a_ratings_file_with_chinese_headers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ratings.csv");
    write_csv(&path, &planted(), "");
    let output = Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .arg("recommend")
        .arg(&path)
        .args([
            "--model", "user-knn", "--top", "3", "--for", "u070", "--json",
        ])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["data"], "explicit ratings");
    let recs = json["recommendations"].as_array().expect("list");
    assert_eq!(recs.len(), 3);
    for r in recs {
        let item = r["item_id"].as_str().expect("item");
        assert!(liked_by("u070", item), "{r}");
        assert!(r["item_name"].as_str().expect("name").starts_with("商品"));
        let reason = r["reason"].as_str().expect("reason");
        assert!(reason.starts_with("predicted rating"), "{reason}");
    }
}
