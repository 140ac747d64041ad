//! The operator's own labels, as the Service tab gives them: a shop export with no
//! intent column gets its intents from labels alone; mood labels teach the
//! sentiment model words it never saw; and a relabelled message changes who a
//! campaign excludes, in the window and in a project run headless, alike.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use marketbench::analysis::campaign::{CampaignDef, Condition};
use marketbench::analysis::service::intent::macro_f1;
use marketbench::analysis::voice::{Labels, Mood, analyse};
use marketbench::data::{LoadOptions, Store, inspect, load};
use marketbench::jobs::{Progress, no_wake};
use marketbench::workspace::campaign::CampaignsCommand;
use marketbench::workspace::project::{OpenedProject, Project, SERVICE_KEY};
use marketbench::workspace::service::{ServiceCommand, labels_to_settings};
use marketbench::workspace::{Command, Focus, Origin, Workspace};
use polars::prelude::*;

use common::planted::orders_file;
use common::workspace::settle;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

fn store_of(paths: &[PathBuf]) -> Store {
    let mut store = Store::default();
    for path in paths {
        let inspection = inspect(path, None).expect("inspect");
        let options = LoadOptions::from_inspection(&inspection);
        store.insert(load(path, &options, &Progress::detached()).expect("load"));
    }
    store
}

#[test]
fn an_export_without_intents_learns_them_from_the_operators_labels() {
    // The sample messages without their 意图 column: what most shop systems export.
    let dir = tempfile::tempdir().expect("dir");
    let mut frame = CsvReadOptions::default()
        .with_infer_schema_length(Some(0))
        .try_into_reader_with_file_path(Some(sample("service.csv")))
        .and_then(|r| r.finish())
        .expect("read")
        .drop("意图")
        .expect("drop");
    let path = dir.path().join("service.csv");
    let mut file = std::fs::File::create(&path).expect("create");
    CsvWriter::new(&mut file).finish(&mut frame).expect("write");
    let store = store_of(&[path]);

    let unlabelled = analyse(&store, &Labels::default(), &Progress::detached()).expect("read");
    assert!(unlabelled.intents.is_err(), "no labels, no intents");
    // Without a model the tab offers the most common texts, each once.
    let offered: Vec<&str> = unlabelled
        .to_label
        .iter()
        .map(|&i| unlabelled.messages.text[i].trim())
        .collect();
    assert!(offered.len() >= 10);
    assert_eq!(offered.iter().collect::<BTreeSet<_>>().len(), offered.len());
    let times = |text: &str| {
        unlabelled
            .messages
            .text
            .iter()
            .filter(|t| t.trim() == text)
            .count()
    };
    assert!(times(offered[0]) >= times(offered[9]));

    // The operator labels the first 2,000 messages (a tenth) with their planted intent.
    let truth: BTreeMap<u64, String> = std::fs::read_to_string(sample("truth/service_intents.csv"))
        .expect("truth")
        .lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            (fields[0].parse().expect("row"), fields[2].to_string())
        })
        .collect();
    let messages = &unlabelled.messages;
    let mut labels = Labels::default();
    for i in 0..2_000 {
        labels.set_intent(&messages.text[i], Some(&truth[&messages.row[i]]));
    }
    let labelled = analyse(&store, &labels, &Progress::detached()).expect("read");
    let intents = labelled.intents.as_ref().expect("intents from the labels");
    let names = intents.model.intents();
    assert_eq!(names.len(), 8, "{names:?}");
    let (mut want, mut got) = (Vec::new(), Vec::new());
    for i in 0..messages.len() {
        if labels.intent(&messages.text[i]).is_some() {
            continue;
        }
        want.push(
            names
                .iter()
                .position(|n| *n == truth[&messages.row[i]])
                .expect("known"),
        );
        got.push(intents.predictions[i].intent);
    }
    // Texts repeat: the 2,000 labelled messages cover about half of all messages.
    assert!(want.len() > 5_000, "{} held out", want.len());
    let f1 = macro_f1(&want, &got, names.len());
    assert!(f1 >= 0.9, "macro-F1 {f1} on the messages not labelled");
}

/// Messages in shop slang the bundled corpus never saw: (text, positive).
fn slang_messages() -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for k in 0..40 {
        let (good, bad) = match k % 2 {
            0 => ("yyds", "拉胯"),
            _ => ("绝绝子", "踩坑"),
        };
        out.push((format!("第{k}单的包包收到了 {good}"), true));
        out.push((format!("第{k}单的包包收到了 {bad}"), false));
    }
    out
}

#[test]
fn mood_labels_teach_the_sentiment_model_the_shops_own_words() {
    let dir = tempfile::tempdir().expect("dir");
    let mut text = String::from("客户ID,时间,消息内容\n");
    let messages = slang_messages();
    for (i, (message, _)) in messages.iter().enumerate() {
        let _ = writeln!(text, "C{i:03},2025-03-01 10:{:02}:00,{message}", i % 60);
    }
    let path = dir.path().join("chats.csv");
    std::fs::write(&path, text).expect("write");
    let store = store_of(&[path]);

    // The operator marks the first 10 of each mood; the other 60 are held out.
    let mut labels = Labels::default();
    for (message, positive) in &messages[..20] {
        let mood = if *positive {
            Mood::Positive
        } else {
            Mood::Negative
        };
        labels.set_mood(message, Some(mood));
    }
    let accuracy = |labels: &Labels| {
        let report = analyse(&store, labels, &Progress::detached()).expect("read");
        let held_out = &messages[20..];
        let right = held_out
            .iter()
            .filter(|(message, positive)| {
                let i = report
                    .messages
                    .text
                    .iter()
                    .position(|t| t == message)
                    .expect("read");
                (report.sentiment[i] >= 0.5) == *positive
            })
            .count();
        (right as f64 / held_out.len() as f64, report.mood_labels)
    };
    let (before, none) = accuracy(&Labels::default());
    let (after, used) = accuracy(&labels);
    assert_eq!((none, used), (0, 20));
    assert!(
        before <= 0.6,
        "the baseline cannot know the slang: {before}"
    );
    assert!(after >= 0.95, "fine-tuned: {after}");
}

/// Six complaints and six delivery questions from customers of `orders_file`,
/// each its own text, all in the last days of the orders.
fn service_file(dir: &Path) -> PathBuf {
    let mut text = String::from("客户ID,时间,消息内容,意图\n");
    for c in 0..12 {
        let (message, intent) = match c < 6 {
            true => (format!("收到的东西坏了 订单A{c:03}"), "质量"),
            false => (format!("什么时候发货 订单A{c:03}"), "物流"),
        };
        let _ = writeln!(text, "A{c:03},2025-11-25 09:00:00,{message},{intent}");
    }
    let path = dir.join("service.csv");
    std::fs::write(&path, text).expect("write");
    path
}

fn not_complained() -> CampaignDef {
    CampaignDef::new(
        "quiet",
        Condition::All {
            of: vec![Condition::Range {
                column: "complained_30d".into(),
                min: None,
                max: Some(0.0),
            }],
        },
    )
}

fn ids(frame: &DataFrame) -> BTreeSet<String> {
    let ids = frame
        .column("customer_id")
        .expect("ids")
        .str()
        .expect("text");
    ids.iter().flatten().map(String::from).collect()
}

fn shown_audience(workspace: &Workspace) -> Option<BTreeSet<String>> {
    let scores = workspace.score_sources();
    let shown = workspace
        .campaigns
        .current(workspace.store_version(), &scores)?;
    Some(ids(&shown.value.audience.as_ref().ok()?.frame))
}

#[test]
fn a_relabelled_complaint_changes_the_campaign_in_the_window_and_headless() {
    let dir = tempfile::tempdir().expect("dir");
    let files = [orders_file(dir.path(), "A"), service_file(dir.path())];
    let mut workspace = Workspace::new(no_wake());
    for file in &files {
        workspace.open(file.clone(), Origin::Sample);
    }
    settle(&mut workspace, Focus::Data, "the files", |w| {
        w.pending().is_empty() && w.store().tables.len() == 2
    });
    workspace.apply(Command::Campaigns(CampaignsCommand::Define {
        def: Box::new(not_complained()),
        segment_names: Vec::new(),
    }));
    // The Campaigns tab reads the messages by itself and joins their signals.
    settle(&mut workspace, Focus::Campaigns, "the audience", |w| {
        !w.is_busy() && shown_audience(w).is_some()
    });
    let before = shown_audience(&workspace).expect("audience");
    assert_eq!(before.len(), 74, "80 customers less the 6 who complained");
    assert!(!before.contains("A000"));

    // A000 only asked where the parcel was: the operator says so, and trains.
    let complaint = "收到的东西坏了 订单A000";
    workspace.apply(Command::Service(ServiceCommand::LabelIntent {
        text: complaint.into(),
        intent: Some("物流".into()),
    }));
    assert_eq!(workspace.service.labels_not_used(), 1);
    workspace.apply(Command::Service(ServiceCommand::Run));
    settle(&mut workspace, Focus::Campaigns, "the new audience", |w| {
        !w.is_busy() && shown_audience(w).is_some_and(|a| a.len() == 75)
    });
    assert!(
        shown_audience(&workspace)
            .expect("audience")
            .contains("A000")
    );
    assert_eq!(workspace.service.labels_not_used(), 0);
    let service = workspace
        .service
        .current(workspace.store_version())
        .expect("read");
    assert_eq!(
        service.value.complained, 5,
        "the Service tab counts the same"
    );
    let built = workspace.campaigns.build().latest().expect("build");
    assert!(built.inputs.uses.contains(&service.generation));

    // The project saved with that label builds the same list headless.
    let mut project = Project::default();
    project.campaigns.push(not_complained());
    project.model_settings.insert(
        SERVICE_KEY.into(),
        labels_to_settings(workspace.service.labels()),
    );
    let opened = OpenedProject {
        project,
        folder: dir.path().to_path_buf(),
        checks: Vec::new(),
    };
    let store = store_of(&files);
    let audience = opened
        .audience("quiet", &store, None, &Progress::detached())
        .expect("audience");
    assert_eq!(
        ids(&audience.frame),
        shown_audience(&workspace).expect("shown")
    );
}
