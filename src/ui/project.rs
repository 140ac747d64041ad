//! Projects from the window: what goes into a saved project (the loaded files with
//! their options, database sources without password, segment names, campaigns,
//! cheap model settings) and what opening one does (replace the open files, load
//! the project's with its options without the mapping view, restore names and
//! campaigns, report missing/changed files, and hand its database sources to the
//! database dialog, which asks for the password and fetches them again).
//!
//! Campaigns are saved with unique names: each saved variant in order, and the
//! draft (the campaign being edited) first unless it is one of the variants
//! unchanged; a draft that differs from the variant whose name it carries is
//! saved as "NAME (draft)". [`DRAFT_KEY`] says which campaign is the draft (a
//! project without it, as older ones, has the draft first). The variants'
//! figures (size, ROI, …) ride along,
//! named, in `model_settings` under [`VARIANTS_KEY`] so the Campaigns tab shows
//! them again. The tabs' settings (segmentation, recommender, Value training and
//! thresholds, forecast run and scenarios) are saved under the keys of
//! `workspace::project`; on open they become the next run's, so lists built on
//! segments, scores and recommendations come out the same (and the CLI's
//! `campaign --scores` uses them too).
//! A campaign saved
//! without figures (e.g. by the CLI) comes back as a variant with zero figures:
//! Load it to see its audience.

use std::path::PathBuf;

use crate::analysis::campaign::CampaignDef;
use crate::tr;
use crate::workspace::project::{
    FORECAST_KEY, FileStatus, Project, RECOMMEND_KEY, SEGMENTS_KEY, SERVICE_KEY, VALUE_KEY,
};
use crate::workspace::project_db::ProjectDatabase;
use crate::workspace::project_io::{OpenedForLoad, ProjectEvent, ProjectIo};
use crate::workspace::recommend::RecommendParams;
use crate::workspace::segments::SegmentsParams;
use crate::workspace::service::{labels_from_settings, labels_to_settings};
use crate::workspace::settings::SettingsError;
use crate::workspace::value::ValueSettings;
use crate::workspace::{Level, Origin, Workspace, file_name};

use super::campaigns::Variant;
use super::state::UiState;

/// `model_settings` key of the Campaigns tab's variants with their figures.
pub const VARIANTS_KEY: &str = "campaign_variants";
/// `model_settings` key naming the draft: `{"name": N, "is_variant": bool}`
/// (true: the draft is the saved variant of that name, not a campaign of its own).
pub const DRAFT_KEY: &str = "campaign_draft";

/// `name`, or "`name` (draft)" ("(draft 2)", …) when a variant has that name.
fn unique_draft_name(name: &str, variants: &[CampaignDef]) -> String {
    let taken = |candidate: &str| variants.iter().any(|v| v.name == candidate);
    if !taken(name) {
        return name.to_string();
    }
    (1..)
        .map(|n| match n {
            1 => format!("{name} (draft)"),
            n => format!("{name} (draft {n})"),
        })
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

/// The project of what is open now, without its files (added when saved).
pub fn project_of(workspace: &Workspace, state: &UiState) -> Project {
    let campaigns = &state.campaigns;
    let mut project = Project {
        segment_names: state.segment_names.clone(),
        ..Project::default()
    };
    let variants: Vec<CampaignDef> = campaigns.variants.iter().map(|v| v.def.clone()).collect();
    let is_variant = variants.contains(&campaigns.draft);
    let mut draft = campaigns.draft.clone();
    if !is_variant {
        draft.name = unique_draft_name(&draft.name, &variants);
        project.campaigns.push(draft.clone());
    }
    project.campaigns.extend(variants);
    project.model_settings.insert(
        DRAFT_KEY.to_string(),
        serde_json::json!({ "name": draft.name, "is_variant": is_variant }),
    );
    let figures: Vec<serde_json::Value> = campaigns.variants.iter().map(figures_of).collect();
    project
        .model_settings
        .insert(VARIANTS_KEY.to_string(), figures.into());
    if let Some(params) = workspace.segments.results().requested_params() {
        project
            .model_settings
            .insert(SEGMENTS_KEY.to_string(), params.to_settings());
    }
    if let Some(params) = workspace.recommend.fit().requested_params() {
        project
            .model_settings
            .insert(RECOMMEND_KEY.to_string(), params.to_settings());
    }
    if let Some(settings) = workspace.value.settings() {
        project
            .model_settings
            .insert(VALUE_KEY.to_string(), settings.to_settings());
    }
    project
        .model_settings
        .insert(FORECAST_KEY.to_string(), workspace.forecast.to_settings());
    if !workspace.service.labels().is_empty() {
        project.model_settings.insert(
            SERVICE_KEY.to_string(),
            labels_to_settings(workspace.service.labels()),
        );
    }
    project
}

/// Starts saving the project of what is open to `path`.
pub fn save(workspace: &mut Workspace, state: &UiState, path: PathBuf) {
    let summed = ProjectIo::summed_file_of(workspace.store());
    if workspace.store().tables.is_empty() && summed.is_none() {
        workspace.notify(Level::Error, tr!("data-nothing-to-save"));
        return;
    }
    // Orders summed in a database are not kept: say so, rather than lose them
    // without a word.
    if let (Some(name), None) = (workspace.store().summed.as_ref().map(|s| s.name()), &summed) {
        workspace.notify(Level::Info, tr!("data-summed-not-saved", name = name));
    }
    let mut project = project_of(workspace, state);
    // A database table is saved as its source (URL without password), not as a file.
    project.databases = workspace.database_sources();
    let mut files = workspace.project.files_of(workspace.store());
    files.retain(|(path, _)| workspace.database_url(path).is_none());
    let sasrec = workspace.recommend.sasrec_model(workspace.store_version());
    workspace
        .project
        .save(path, project, (files, summed), sasrec);
}

/// Carries out finished project saves and opens. Returns the opened project's
/// name and database sources when it has some: the database dialog asks for
/// their password and fetches them again.
pub fn poll(
    workspace: &mut Workspace,
    state: &mut UiState,
) -> Option<(String, Vec<ProjectDatabase>)> {
    let mut reopen = None;
    for event in workspace.project.take_events() {
        match event {
            ProjectEvent::Saved(path) => workspace.notify(
                Level::Info,
                tr!("data-project-saved", path = path.display().to_string()),
            ),
            ProjectEvent::Failed(text) => workspace.notify(Level::Error, text),
            ProjectEvent::Opened(opened) => {
                let name = file_name(&opened.path);
                let databases = apply_opened(workspace, state, *opened);
                reopen = (!databases.is_empty()).then_some((name, databases));
            }
        }
    }
    reopen
}

/// The settings saved under `key`, read by `read`; a saved value that does not
/// read is reported as a notice naming it (the tab then keeps its defaults).
fn saved<T>(
    workspace: &mut Workspace,
    settings: &std::collections::BTreeMap<String, serde_json::Value>,
    key: &str,
    read: fn(&serde_json::Value) -> Result<T, SettingsError>,
) -> Option<T> {
    let value = settings.get(key)?;
    read(value)
        .map_err(|why| workspace.notify(Level::Error, unreadable_setting(key, &why)))
        .ok()
}

/// Says which saved setting could not be used, why, and what happens instead.
pub fn unreadable_setting(key: &str, why: &SettingsError) -> String {
    tr!("data-unreadable-setting", key = key, why = why.to_string())
}

/// Replaces the open files by the project's and restores its names and
/// campaigns. Returns its database sources, which the workspace now awaits.
fn apply_opened(
    workspace: &mut Workspace,
    state: &mut UiState,
    opened: OpenedForLoad,
) -> Vec<ProjectDatabase> {
    let OpenedForLoad {
        path,
        opened,
        loads,
        sasrec,
    } = opened;
    for check in &opened.checks {
        match check.status {
            FileStatus::Unchanged => {}
            FileStatus::Missing => workspace.notify(
                Level::Error,
                tr!(
                    "data-project-file-missing",
                    path = check.path.display().to_string()
                ),
            ),
            FileStatus::Changed { .. } => workspace.notify(
                Level::Info,
                tr!("data-project-warning", warning = check.describe()),
            ),
        }
    }
    let pending: Vec<u64> = workspace.pending().iter().map(|p| p.id).collect();
    for id in pending {
        workspace.discard(id);
    }
    let tables: Vec<PathBuf> = workspace
        .store()
        .tables
        .iter()
        .map(|t| t.path.clone())
        .collect();
    for table in tables {
        workspace.remove_table(&table);
    }
    if let Some(summed) = workspace.store().summed.as_ref().map(|s| s.path()) {
        workspace.remove_table(&summed);
    }
    for load in loads {
        state.remembered.insert(load.signature, load.options);
        let origin = match load.summed {
            true => Origin::Summed,
            false => Origin::User,
        };
        workspace.open(load.path, origin);
    }
    let project = opened.project;
    workspace.await_databases(&project.databases);
    state.segment_names = project.segment_names;
    let settings = &project.model_settings;
    if let Some(params) = saved(
        workspace,
        settings,
        SEGMENTS_KEY,
        SegmentsParams::from_settings,
    ) {
        workspace.segments.prefer(params);
    }
    if let Some(params) = saved(
        workspace,
        settings,
        RECOMMEND_KEY,
        RecommendParams::from_settings,
    ) {
        workspace.recommend.prefer(params);
    }
    let sasrec = sasrec.and_then(|read| {
        read.map_err(|error| {
            workspace.notify(
                Level::Info,
                tr!("recommend-sasrec-unreadable", error = error),
            )
        })
        .ok()
    });
    workspace.recommend.use_saved_sasrec(sasrec);
    if let Some(settings) = saved(workspace, settings, VALUE_KEY, ValueSettings::from_settings) {
        workspace.value.prefer(settings);
    }
    // A project without labels starts without them; unreadable ones keep what
    // the window has (the notice says so) rather than lose it on the next save.
    if !settings.contains_key(SERVICE_KEY) {
        workspace.service.prefer(Default::default());
    } else if let Some(labels) = saved(workspace, settings, SERVICE_KEY, labels_from_settings) {
        workspace.service.prefer(labels);
    }
    if let Some(value) = settings.get(FORECAST_KEY)
        && let Err(why) = workspace.forecast.restore(value)
    {
        workspace.notify(Level::Error, unreadable_setting(FORECAST_KEY, &why));
    }
    let saved: Vec<serde_json::Value> = project
        .model_settings
        .get(VARIANTS_KEY)
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default();
    let draft_key = project.model_settings.get(DRAFT_KEY);
    let variant_name = draft_key
        .filter(|d| d.get("is_variant").and_then(|v| v.as_bool()) == Some(true))
        .and_then(|d| d.get("name")?.as_str());
    let variant_draft = variant_name
        .and_then(|name| project.campaigns.iter().find(|c| c.name == name))
        .cloned();
    let mut campaigns = project.campaigns.into_iter();
    match variant_draft {
        Some(draft) => state.campaigns.draft = draft,
        None => {
            if let Some(draft) = campaigns.next() {
                state.campaigns.draft = draft;
            }
        }
    }
    let mut without_figures = Vec::new();
    state.campaigns.variants = campaigns
        .enumerate()
        .map(
            |(i, def)| match saved.get(i).and_then(|f| with_figures(&def, f)) {
                Some(variant) => variant,
                None => {
                    without_figures.push(def.name.clone());
                    bare_variant(def)
                }
            },
        )
        .collect();
    if !without_figures.is_empty() {
        workspace.notify(
            Level::Info,
            tr!(
                "data-campaigns-without-figures",
                names = without_figures.join(", ")
            ),
        );
    }
    workspace.notify(
        Level::Info,
        tr!("data-project-opened", name = file_name(&path)),
    );
    project.databases
}

/// A variant's figures and choices without its definition (saved as a campaign),
/// named so they are matched to the right campaign on open.
fn figures_of(variant: &Variant) -> serde_json::Value {
    let mut value = serde_json::to_value(variant).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.remove("def");
        object.insert("name".into(), variant.def.name.clone().into());
    }
    value
}

/// The variant of `def` with the saved `figures`, when they are of a campaign of
/// that name and complete.
fn with_figures(def: &CampaignDef, figures: &serde_json::Value) -> Option<Variant> {
    let mut object = figures.as_object()?.clone();
    if object.remove("name")?.as_str()? != def.name {
        return None;
    }
    object.insert("def".into(), serde_json::to_value(def).ok()?);
    serde_json::from_value(object.into()).ok()
}

/// A variant whose figures are not known yet.
fn bare_variant(def: CampaignDef) -> Variant {
    Variant {
        def,
        rate_from_scores: true,
        aov_from_history: true,
        size: 0,
        targets: 0,
        baseline_buyers: 0.0,
        incremental_responders: 0.0,
        cost: 0.0,
        profit: 0.0,
        roi: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_named_like_a_variant_gets_a_name_of_its_own() {
        let named = |name: &str| {
            CampaignDef::new(
                name,
                crate::analysis::campaign::Condition::All { of: Vec::new() },
            )
        };
        let variants = [named("Spring"), named("Spring (draft)"), named("VIP")];
        assert_eq!(unique_draft_name("Autumn", &variants), "Autumn");
        assert_eq!(unique_draft_name("VIP", &variants), "VIP (draft)");
        assert_eq!(unique_draft_name("Spring", &variants), "Spring (draft 2)");
    }
}
