//! Customer-service signals as Segments features, on generated files with a
//! planted answer: a fifth of the customers complain a lot in the last month and
//! otherwise buy like everyone else. With the signal features the segmentation
//! finds exactly them (and names them); on purchases alone it cannot. The
//! features are offered only with a service-messages file; asking for one without
//! is an error that says the file is needed (CLI and window); the window reads the
//! messages first and reruns Segments on a new reading.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeDelta};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marketbench::analysis::segments::{Feature, FeatureSet, KChoice, adjusted_rand_index};
use marketbench::data::{LoadOptions, Store, inspect, load};
use marketbench::jobs::{Progress, no_wake};
use marketbench::ui::{MarketbenchApp, Tab};
use marketbench::workspace::segments::{SegmentsCommand, SegmentsParams, SegmentsResults, compute};
use marketbench::workspace::service::ServiceCommand;
use marketbench::workspace::{Command, Focus, Origin, Workspace};
use rand::{Rng, SeedableRng};

use common::cli::marketbench;
use common::ui::{click_tab, remember_columns, returning_user, shown, step_until};
use common::workspace::settle;

const CUSTOMERS: usize = 500;

/// Every fifth customer is a planted complainer.
fn complainer(customer: usize) -> bool {
    customer.is_multiple_of(5)
}

/// Orders (every customer alike: 1–6 orders over 2024 of 20–200 each) and
/// service messages: complainers write 4–7 quality complaints in December;
/// a third of the others asked about shipping once, months earlier.
fn write_files(dir: &Path) -> (PathBuf, PathBuf) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).expect("day");
    let mut orders = String::from("order_id,customer_id,order_date,amount\n");
    let mut service = String::from("会话ID,客户ID,时间,消息内容,客服回复,意图\n");
    let (mut order, mut session) = (0, 0);
    for customer in 0..CUSTOMERS {
        for _ in 0..rng.random_range(1..=6) {
            order += 1;
            let day = start + TimeDelta::days(rng.random_range(0..365));
            let amount = rng.random_range(20.0..200.0);
            let _ = writeln!(orders, "O{order},C{customer:03},{day},{amount:.2}");
        }
        let messages: Vec<(i64, &str, &str, &str)> = if complainer(customer) {
            (0..rng.random_range(4..=7))
                .map(|_| {
                    let day = rng.random_range(335..365);
                    (
                        day,
                        "质量太差了，用了一次就坏了，非常失望",
                        "非常抱歉，我们马上为您处理退款。",
                        "质量",
                    )
                })
                .collect()
        } else if customer.is_multiple_of(3) {
            let day = rng.random_range(30..250);
            vec![(
                day,
                "请问我的快递什么时候到？",
                "您好，已经发货，预计两天内送达。",
                "物流",
            )]
        } else {
            Vec::new()
        };
        for (day, text, reply, intent) in messages {
            session += 1;
            let day = start + TimeDelta::days(day);
            let _ = writeln!(
                service,
                "S{session:05},C{customer:03},{day} 10:00:00,{text},{reply},{intent}"
            );
        }
    }
    // One order on the last day fixes the analysis date for everyone.
    let _ = writeln!(orders, "O{},C001,2024-12-31,50.00", order + 1);
    let orders_path = dir.join("orders.csv");
    let service_path = dir.join("service.csv");
    std::fs::write(&orders_path, orders).expect("write orders");
    std::fs::write(&service_path, service).expect("write service");
    (orders_path, service_path)
}

fn store(paths: &[&Path]) -> Store {
    let mut store = Store::default();
    for path in paths {
        let options = LoadOptions::from_inspection(&inspect(path, None).expect("inspect"));
        store.insert(load(path, &options, &Progress::detached()).expect("load"));
    }
    store
}

fn params(features: &[Feature]) -> SegmentsParams {
    SegmentsParams {
        features: FeatureSet::new(features).expect("features"),
        k: KChoice::Fixed(2),
        ..SegmentsParams::default()
    }
}

const RFM: [Feature; 3] = [Feature::Recency, Feature::Frequency, Feature::Monetary];
const WITH_SIGNALS: [Feature; 7] = [
    Feature::Recency,
    Feature::Frequency,
    Feature::Monetary,
    Feature::LastContact,
    Feature::Contacts90,
    Feature::Complained,
    Feature::Sentiment,
];

/// How well the segments match the planted complainers.
fn agreement(results: &SegmentsResults) -> f64 {
    let segmentation = &results.segmentation;
    let planted: Vec<usize> = segmentation
        .features
        .customer_ids
        .iter()
        .map(|id| usize::from(complainer(id[1..].parse().expect("number"))))
        .collect();
    adjusted_rand_index(&segmentation.clustering.labels, &planted)
}

#[test]
fn the_signal_features_find_the_planted_complainers_and_purchases_alone_do_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (orders, service) = write_files(dir.path());
    let store = store(&[&orders, &service]);
    let progress = Progress::detached();
    let with = compute(
        &store,
        params(&WITH_SIGNALS),
        None,
        &Default::default(),
        &progress,
    )
    .expect("with signals");
    let ari = agreement(&with);
    assert!(ari > 0.95, "with signals ARI {ari}");
    // The complainers' segment shows the signals in its profile and is named
    // for them; the others, most of whom never wrote, look silent and content.
    let profiles = &with.segmentation.profiles;
    let loud = profiles
        .iter()
        .find(|p| p.mean(Feature::Complained).unwrap_or(0.0) > 0.9)
        .expect("a complaining segment");
    assert_eq!(
        loud.name.text_in(marketbench::i18n::Language::English),
        "Recent complainers"
    );
    assert!(loud.mean(Feature::Contacts90).expect("contacts") >= 4.0);
    let quiet = profiles.iter().find(|p| p.id != loud.id).expect("others");
    assert_eq!(quiet.mean(Feature::Complained), Some(0.0));
    assert!(quiet.mean(Feature::LastContact) > loud.mean(Feature::LastContact));
    assert!(quiet.mean(Feature::Sentiment) > loud.mean(Feature::Sentiment));

    let without = compute(&store, params(&RFM), None, &Default::default(), &progress)
        .expect("purchases only");
    let ari = agreement(&without);
    assert!(ari.abs() < 0.1, "without signals ARI {ari}");
    // Without a signal feature in use they are still not computed.
    assert!(
        !without
            .segmentation
            .features
            .available
            .contains(&Feature::Complained)
    );
}

#[test]
fn a_project_segmenting_on_signals_gives_campaign_scores_headless() {
    use marketbench::workspace::campaign_scores::{ScoreKind, ScoreSettings, compute_headless};
    use marketbench::workspace::project::{Project, SEGMENTS_KEY};
    let dir = tempfile::tempdir().expect("temp dir");
    let (orders, service) = write_files(dir.path());
    let store = store(&[&orders, &service]);
    let mut project = Project::default();
    project
        .model_settings
        .insert(SEGMENTS_KEY.into(), params(&WITH_SIGNALS).to_settings());
    let settings = ScoreSettings::of_project(&project).expect("settings");
    let frames = compute_headless(
        &store,
        &[ScoreKind::Segments],
        &settings,
        &Progress::detached(),
    )
    .expect("scores");
    let segments = frames.segments.expect("segments");
    assert_eq!(segments.height(), CUSTOMERS);
    let names = segments
        .column("segment_name")
        .expect("names")
        .str()
        .expect("text");
    let loud = names
        .iter()
        .filter(|n| *n == Some("Recent complainers"))
        .count();
    assert_eq!(loud, (0..CUSTOMERS).filter(|&c| complainer(c)).count());
}

#[test]
fn without_a_service_file_a_signal_feature_is_an_error_that_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (orders, service) = write_files(dir.path());
    let error = compute(
        &store(&[&orders]),
        params(&[Feature::Recency, Feature::Complained]),
        None,
        &Default::default(),
        &Progress::detached(),
    )
    .expect_err("no service file");
    let text = format!("{error:#}");
    assert!(text.contains("complained_30d"), "{text}");
    assert!(text.contains("needs a service-messages file"), "{text}");

    let (orders, service) = (orders.to_str().unwrap(), service.to_str().unwrap());
    let args = [
        "segment",
        "--k",
        "2",
        "--features",
        "recency,complained",
        "--json",
    ];
    let refused = marketbench(&[&args[..], &[orders]].concat());
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("needs a service-messages file"), "{stderr}");
    let output = marketbench(&[&args[..], &[orders, service]].concat());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json = common::cli::json_of(&output);
    assert_eq!(
        json["features"],
        serde_json::json!(["recency_days", "complained_30d"])
    );
}

#[test]
fn the_window_reads_the_messages_first_and_reruns_segments_on_a_new_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (orders, service) = write_files(dir.path());
    let mut workspace = Workspace::new(no_wake());
    workspace.open(orders.clone(), Origin::Sample);
    workspace.open(service.clone(), Origin::Sample);
    settle(&mut workspace, Focus::Data, "the files", |w| {
        w.pending().is_empty() && w.store().tables.len() == 2
    });
    // Asked for before the messages were read: the Segments tab reads them
    // first, then segments once on them.
    workspace.apply(Command::Segments(SegmentsCommand::Run(params(
        &WITH_SIGNALS,
    ))));
    assert!(workspace.segments.results().pending().is_none());
    let segmented = |w: &Workspace| !w.is_busy() && w.segments.current(w.store_version()).is_some();
    settle(&mut workspace, Focus::Segments, "segments", segmented);
    let version = workspace.store_version();
    let reading = workspace
        .service
        .results()
        .current(version)
        .expect("read")
        .generation;
    let first = workspace.segments.current(version).expect("segments");
    assert_eq!(first.inputs.uses, [reading]);
    assert!(agreement(&first.value) > 0.95);
    let first = first.generation;

    // A new reading of the messages runs Segments again on it.
    workspace.apply(Command::Service(ServiceCommand::Run));
    settle(&mut workspace, Focus::Segments, "segments again", |w| {
        segmented(w) && w.segments.current(w.store_version()).unwrap().generation != first
    });
    let again = workspace.segments.current(version).expect("segments");
    let reading = workspace
        .service
        .results()
        .current(version)
        .expect("read")
        .generation;
    assert_eq!(again.inputs.uses, [reading]);

    // Without the service file the same settings fail saying what is needed.
    workspace.apply(Command::RemoveTable(service));
    settle(&mut workspace, Focus::Segments, "the refusal", |w| {
        !w.is_busy() && w.segments.results().error().is_some()
    });
    let error = workspace
        .segments
        .results()
        .error()
        .expect("error")
        .to_string();
    assert!(error.contains("needs a service-messages file"), "{error}");
}

fn window(files: Vec<PathBuf>) -> Harness<'static, MarketbenchApp> {
    let tables = files.len();
    // Opened as confirmed before, so none waits in the mapping view.
    let mut state = returning_user();
    for file in &files {
        remember_columns(&mut state, file);
    }
    let app = MarketbenchApp::new(state, files, no_wake());
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 1200.0))
        .build_ui_state(|ui, app: &mut MarketbenchApp| app.show(ui), app);
    step_until(&mut harness, "the files", |app| {
        app.workspace().pending().is_empty() && app.workspace().store().tables.len() == tables
    });
    click_tab(&mut harness, Tab::Segments);
    step_until(&mut harness, "the segments", |app| {
        let w = app.workspace();
        !w.is_busy() && w.segments.current(w.store_version()).is_some()
    });
    harness.run();
    harness
}

#[test]
fn the_tab_offers_the_signals_only_with_a_service_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (orders, service) = write_files(dir.path());
    let checkbox = |harness: &Harness<'_, MarketbenchApp>| {
        harness
            .query_all_by_role_and_label(Role::CheckBox, "complained_30d")
            .count()
            > 0
    };
    let harness = window(vec![orders.clone()]);
    assert!(!shown(&harness, "Service signals:"));
    assert!(!checkbox(&harness));

    let mut harness = window(vec![orders, service]);
    assert!(shown(&harness, "Service signals:"));
    assert!(checkbox(&harness));
    harness
        .get_by_role_and_label(Role::CheckBox, "complained_30d")
        .click();
    step_until(&mut harness, "segments on the signals", |app| {
        let w = app.workspace();
        let current = w.segments.current(w.store_version());
        !w.is_busy() && current.is_some_and(|c| c.value.params.features.uses_signals())
    });
    let w = harness.state().workspace();
    let reading = w
        .service
        .results()
        .current(w.store_version())
        .expect("read");
    let segments = w.segments.current(w.store_version()).expect("segments");
    assert_eq!(segments.inputs.uses, [reading.generation]);
}
