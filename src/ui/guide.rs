//! The guide at the top of the Data tab (and of the empty start view): the
//! operator's path, load → check → segments → value → recommendations → forecast
//! → campaign, one line per step with what it has computed so far, a done / to do
//! / running mark and a button to the step's tab. It only reads the workspace
//! (what is stale is started by the tab the operator opens); the words come from
//! [`steps::lines`]. Open by itself while steps remain; the operator can fold it
//! away and egui remembers that.

pub mod steps;

use std::collections::BTreeSet;

use crate::data::FileKind;
use crate::tr;
use crate::workspace::computation::{Computation, Computed};
use crate::workspace::recommend::{MissingInput, missing_input};
use crate::workspace::{FileStage, Workspace};

use super::command::{Command, Commands};
use super::forecast::spike::carried_spike;
use super::glossary;
use super::state::Tab;
use steps::{
    ForecastFacts, Mark, RecommendFacts, Run, SegmentsFacts, StepLine, Summary, ValueFacts,
};

/// What the workspace holds, for the guide's words.
pub fn summary(workspace: &Workspace) -> Summary {
    let store = workspace.store();
    let version = workspace.store_version();
    let has = |kind| store.of_kind(kind).next().is_some();
    let mapping = workspace
        .pending()
        .iter()
        .filter(|p| matches!(p.stage, FileStage::Mapping { .. }))
        .count();
    let summary = workspace.overview().value().and_then(Option::as_ref);
    let problem_kinds: BTreeSet<_> = store
        .tables
        .iter()
        .flat_map(|t| t.report.problems.iter().map(|p| p.kind))
        .collect();
    let campaign = &workspace.campaigns;
    let scores = workspace.score_sources();
    let (segments, value) = (workspace.segments.results(), workspace.value.results());
    let (recommend, forecast) = (workspace.recommend.fit(), workspace.forecast.results());
    let build = campaign.build();
    Summary {
        loading: workspace.pending().len() - mapping,
        mapping,
        // Orders summed without loading count as a file with orders.
        files: store.tables.len() + usize::from(store.summed.is_some()),
        order_lines: summary.map(|o| o.summary.order_lines),
        customers: summary.map(|o| o.summary.customers),
        has_orders: store.has_orders(),
        has_ratings: has(FileKind::Ratings),
        has_series: has(FileKind::Series),
        // One rule with the Recommendations tab: a ratings file, or orders with
        // items. Summed orders are not said to lack items: the tab says it
        // needs their lines.
        has_items: store.summed_orders().is_some()
            || !matches!(
                missing_input(store),
                Some(MissingInput::Purchases | MissingInput::ItemColumn)
            ),
        has_money: store.has_money(),
        problem_kinds: problem_kinds.len(),
        segments: run(segments, segments.current(version), |r| SegmentsFacts {
            segments: r.segmentation.clustering.k,
            customers: r.segmentation.clustering.labels.len(),
        }),
        value: run(value, value.current(version), |r| {
            let p = &r.propensity;
            let chosen = p.models.iter().find(|m| m.kind == p.chosen);
            ValueFacts {
                auc: chosen.and_then(|m| m.auc_out_of_time),
            }
        }),
        recommend: run(recommend, recommend.current(version), |r| RecommendFacts {
            top: r.params.top,
            customers: r.lists.iter().filter(|l| !l.is_empty()).count(),
            items: r.interactions.items.len(),
        }),
        forecast: run(forecast, forecast.current(version), |r| {
            let first = r.series.first();
            ForecastFacts {
                growth_pct: first.and_then(|s| s.growth_pct()),
                spike_ratio: first.and_then(spike_ratio),
            }
        }),
        // An audience counts only when built on the scores of these files too.
        campaign: match run(build, campaign.current(version, &scores), |r| {
            r.audience.as_ref().map(|a| a.targets).ok()
        }) {
            Run::Done(None) => Run::Failed,
            Run::Done(Some(targets)) => Run::Done(targets),
            Run::NotRun => Run::NotRun,
            Run::Running => Run::Running,
            Run::Failed => Run::Failed,
            Run::Stale => Run::Stale,
        },
    }
}

/// How far above the usual level the series' last periods are, when its
/// forecast carries that spike forward (the result card's warning).
fn spike_ratio(series: &crate::workspace::forecast::SeriesResult) -> Option<f64> {
    let forecast = series.forecast.as_ref().ok()?;
    carried_spike(
        &series.series.values,
        &forecast.forecast.point,
        series.series.freq,
    )
    .map(|spike| spike.ratio)
}

/// Where `computation` stands, given its value computed on the files shown
/// (`current`).
fn run<P: Clone + PartialEq, R: Send + 'static, T>(
    computation: &Computation<P, R>,
    current: Option<&Computed<R>>,
    facts: impl Fn(&R) -> T,
) -> Run<T> {
    if computation.is_busy() {
        return Run::Running;
    }
    if let Some(current) = current {
        return Run::Done(facts(&current.value));
    }
    match (computation.error(), computation.latest()) {
        (Some(_), _) => Run::Failed,
        (None, Some(_)) => Run::Stale,
        (None, None) => Run::NotRun,
    }
}

/// The guide, folded or open, above the rest of the Data tab.
pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, commands: &mut Commands) {
    let lines = steps::lines(&summary(workspace));
    let done = lines.iter().filter(|l| l.mark == Mark::Done).count();
    let heading = tr!(
        "guide-heading",
        done = done.to_string(),
        total = lines.len().to_string()
    );
    egui::CollapsingHeader::new(egui::RichText::new(heading).strong())
        .id_salt("guide")
        .default_open(steps::steps_remain(&lines))
        .show(ui, |ui| {
            egui::Grid::new("guide_steps")
                .num_columns(4)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for (number, line) in lines.iter().enumerate() {
                        line_ui(ui, number + 1, line, commands);
                        ui.end_row();
                    }
                });
        });
}

fn line_ui(ui: &mut egui::Ui, number: usize, line: &StepLine, commands: &mut Commands) {
    mark_ui(ui, line.mark);
    let name = tr!(
        "guide-step",
        number = number.to_string(),
        name = line.step.name()
    );
    ui.strong(name);
    ui.horizontal(|ui| {
        ui.label(&line.status);
        if let Some(metric) = &line.metric {
            glossary::term(ui, metric.name.as_str(), metric.meaning.as_str());
            ui.label(&metric.value);
        }
        if let Some(note) = &line.note {
            ui.weak(tr!("guide-note", note = note.as_str()));
        }
    });
    let tab = line.step.tab();
    // Loading and checking happen on this very tab, below the guide.
    if tab != Tab::Data
        && ui
            .button(tr!("guide-go", tab = tab.label()))
            .on_hover_text(tr!("guide-go-hover", step = line.step.name()))
            .clicked()
    {
        commands.send(Command::GoTo(tab));
    }
}

fn mark_ui(ui: &mut egui::Ui, mark: Mark) {
    let visuals = ui.visuals();
    let color = match mark {
        Mark::Done => egui::Color32::from_rgb(60, 160, 90),
        Mark::ToDo => visuals.strong_text_color(),
        // No spinner: the jobs wake the window when they finish, and a guide
        // that repaints every frame would keep the whole window busy.
        Mark::Running => visuals.text_color(),
        Mark::Needs => visuals.warn_fg_color,
    };
    ui.label(egui::RichText::new(mark.label()).color(color));
}
