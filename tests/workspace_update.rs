//! The workspace's command path and update step, driven as the window drives it:
//! results know what they were computed from, and a result of other files is
//! never shown or joined.

mod common;

use std::path::Path;
use std::sync::atomic::Ordering;

use marketbench::analysis::campaign::{CampaignDef, Condition};
use marketbench::analysis::segments::KChoice;
use marketbench::jobs::no_wake;
use marketbench::workspace::campaign::CampaignsCommand;
use marketbench::workspace::segments::{SegmentsCommand, SegmentsParams};
use marketbench::workspace::{Command, Focus, Origin, Workspace};

use common::planted::orders_file;
use common::ui::held_wake;
use common::workspace::settle;

fn loaded(path: &Path) -> impl Fn(&Workspace) -> bool + '_ {
    move |w| w.pending().is_empty() && w.store().tables.iter().any(|t| t.path == path)
}

/// The customer ids of the campaign audience shown for the loaded files.
fn audience_ids(workspace: &Workspace) -> Option<Vec<String>> {
    let scores = workspace.score_sources();
    let shown = workspace
        .campaigns
        .current(workspace.store_version(), &scores)?;
    let audience = shown.value.audience.as_ref().ok()?;
    let ids = audience.frame.column("customer_id").ok()?.str().ok()?;
    Some(ids.iter().flatten().map(String::from).collect())
}

#[test]
fn a_campaign_never_shows_or_joins_results_of_files_that_were_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (orders_file(dir.path(), "A"), orders_file(dir.path(), "B"));
    let mut workspace = Workspace::new(no_wake());
    workspace.open(a.clone(), Origin::Sample);
    settle(&mut workspace, Focus::Data, "file A", loaded(&a));
    workspace.apply(Command::Campaigns(CampaignsCommand::Define {
        def: Box::new(CampaignDef::new("all", Condition::All { of: vec![] })),
        segment_names: vec!["first".into(), "second".into()],
    }));
    // The Campaigns tab starts Segments by itself, then builds on them.
    settle(&mut workspace, Focus::Campaigns, "A's audience", |w| {
        !w.is_busy() && audience_ids(w).is_some()
    });
    let version_a = workspace.store_version();
    let segments_a = workspace
        .segments
        .current(version_a)
        .expect("segments of A");
    let generation_a = segments_a.generation;
    let ids = audience_ids(&workspace).expect("audience");
    assert_eq!(ids.len(), 80);
    assert!(ids.iter().all(|id| id.starts_with('A')));
    let built = workspace.campaigns.build().latest().expect("build");
    assert_eq!(built.inputs.store_version, version_a);
    assert!(
        built.inputs.uses.contains(&generation_a),
        "joined A's segments"
    );

    workspace.apply(Command::RemoveTable(a.clone()));
    workspace.open(b.clone(), Origin::Sample);
    settle(&mut workspace, Focus::Data, "file B", loaded(&b));
    let version_b = workspace.store_version();
    assert_ne!(version_a, version_b);
    // A's results are still held, but never current for B's files.
    assert!(workspace.segments.results().latest().is_some());
    assert!(workspace.segments.current(version_b).is_none());
    assert!(
        audience_ids(&workspace).is_none(),
        "A's audience is not shown"
    );
    assert!(
        workspace.score_sources().segments.is_none(),
        "nothing joins A's segments"
    );

    settle(&mut workspace, Focus::Campaigns, "B's audience", |w| {
        !w.is_busy() && audience_ids(w).is_some()
    });
    let segments_b = workspace
        .segments
        .current(version_b)
        .expect("segments of B");
    assert_ne!(segments_b.generation, generation_a);
    let customers = &segments_b.value.segmentation.features.customer_ids;
    assert!(customers.iter().all(|id| id.starts_with('B')));
    let ids = audience_ids(&workspace).expect("audience");
    assert_eq!(ids.len(), 80);
    assert!(ids.iter().all(|id| id.starts_with('B')), "recomputed on B");
    let built = workspace.campaigns.build().latest().expect("build");
    assert_eq!(built.inputs.store_version, version_b);
    assert!(built.inputs.uses.contains(&segments_b.generation));
}

#[test]
fn the_update_step_runs_only_for_the_tab_shown_and_keeps_a_cancelled_run_cancelled() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = orders_file(dir.path(), "A");
    let (wake, held) = held_wake("segments");
    let mut workspace = Workspace::new(wake);
    workspace.open(a.clone(), Origin::Sample);
    settle(&mut workspace, Focus::Data, "file A", loaded(&a));
    for focus in [Focus::Data, Focus::Value, Focus::Behaviour] {
        workspace.update(focus);
    }
    assert!(!workspace.segments.is_busy(), "no tab that needs segments");
    assert!(!workspace.value.is_busy(), "Value trains only when asked");
    workspace.update(Focus::Segments);
    assert!(workspace.segments.is_busy());
    workspace.apply(Command::Segments(SegmentsCommand::Cancel));
    held.store(false, Ordering::SeqCst);
    settle(&mut workspace, Focus::Segments, "the cancel", |w| {
        !w.segments.is_busy()
    });
    for _ in 0..5 {
        workspace.update(Focus::Segments);
    }
    assert!(
        !workspace.segments.is_busy(),
        "a cancelled run is not restarted"
    );
    assert!(workspace.segments.results().latest().is_none());
    // Asking again runs it (letting auto consider two segments, as planted).
    let params = SegmentsParams {
        k: KChoice::Auto { min: 2, max: 8 },
        ..workspace.segments.wanted()
    };
    workspace.apply(Command::Segments(SegmentsCommand::Run(params)));
    settle(&mut workspace, Focus::Segments, "the segments", |w| {
        w.segments.current(w.store_version()).is_some()
    });
    let k = workspace
        .segments
        .current(workspace.store_version())
        .map(|s| s.value.segmentation.clustering.k);
    assert_eq!(k, Some(2), "the two planted groups");
}
