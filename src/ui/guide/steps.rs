//! The guide's words: from a [`Summary`] of what the workspace holds, one line per
//! step of the operator's path (load → check → segments → value → recommendations
//! → forecast → campaign) saying what it has computed so far, whether it is done,
//! to do or running, and what is missing when the data cannot give it. Pure, so
//! every state is unit tested without a window.

use crate::tr;
use crate::ui::format;
use crate::ui::state::Tab;

/// Where one result stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Run<T> {
    /// Never asked for on these files.
    #[default]
    NotRun,
    Running,
    /// The last run stopped with an error.
    Failed,
    /// Computed before the files changed.
    Stale,
    Done(T),
}

/// What the Segments tab found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SegmentsFacts {
    pub segments: usize,
    pub customers: usize,
}

/// What the Value tab trained: the chosen model's out-of-time AUC.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValueFacts {
    pub auc: Option<f64>,
}

/// What the Forecast tab computed for its first series.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ForecastFacts {
    /// The change against the periods it is compared with, in percent.
    pub growth_pct: Option<f64>,
    /// The last periods over the usual level, when the forecast carries that
    /// spike forward (`ui::forecast::spike`).
    pub spike_ratio: Option<f64>,
}

/// What the Recommendations tab fitted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RecommendFacts {
    pub top: usize,
    pub customers: usize,
    pub items: usize,
}

/// What the workspace holds, read once per frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Files being read or loaded.
    pub loading: usize,
    /// Files waiting in the column mapping for the operator.
    pub mapping: usize,
    /// Loaded files.
    pub files: usize,
    /// Order lines and customers of the loaded orders, once summed up.
    pub order_lines: Option<usize>,
    pub customers: Option<usize>,
    pub has_orders: bool,
    pub has_ratings: bool,
    pub has_series: bool,
    /// Orders or ratings name their items.
    pub has_items: bool,
    /// Order lines carry a price or an amount.
    pub has_money: bool,
    /// Distinct kinds of problems in the load reports.
    pub problem_kinds: usize,
    pub segments: Run<SegmentsFacts>,
    pub value: Run<ValueFacts>,
    pub recommend: Run<RecommendFacts>,
    pub forecast: Run<ForecastFacts>,
    /// Customers the campaign targets.
    pub campaign: Run<usize>,
}

/// A step of the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Load,
    Check,
    Segments,
    Value,
    Recommendations,
    Forecast,
    Campaign,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Load,
        Step::Check,
        Step::Segments,
        Step::Value,
        Step::Recommendations,
        Step::Forecast,
        Step::Campaign,
    ];

    pub fn name(self) -> String {
        match self {
            Step::Load => tr!("guide-step-load"),
            Step::Check => tr!("guide-step-check"),
            Step::Segments => tr!("guide-step-segments"),
            Step::Value => tr!("guide-step-value"),
            Step::Recommendations => tr!("guide-step-recommendations"),
            Step::Forecast => tr!("guide-step-forecast"),
            Step::Campaign => tr!("guide-step-campaign"),
        }
    }

    /// The tab where the step is done.
    pub fn tab(self) -> Tab {
        match self {
            Step::Load | Step::Check => Tab::Data,
            Step::Segments => Tab::Segments,
            Step::Value => Tab::Value,
            Step::Recommendations => Tab::Recommendations,
            Step::Forecast => Tab::Forecast,
            Step::Campaign => Tab::Campaigns,
        }
    }
}

/// How far a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Done,
    ToDo,
    Running,
    /// The loaded data cannot give it: the status says what is missing.
    Needs,
}

impl Mark {
    pub fn label(self) -> String {
        match self {
            Mark::Done => tr!("guide-mark-done"),
            Mark::ToDo => tr!("guide-mark-to-do"),
            Mark::Running => tr!("guide-mark-running"),
            Mark::Needs => tr!("guide-mark-needs"),
        }
    }
}

/// A figure shown with its name explained on hover.
#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    pub name: String,
    pub meaning: String,
    pub value: String,
}

/// One line of the guide.
#[derive(Clone, Debug, PartialEq)]
pub struct StepLine {
    pub step: Step,
    pub mark: Mark,
    pub status: String,
    pub metric: Option<Metric>,
    /// A part of the step the data cannot give, in words.
    pub note: Option<String>,
}

impl StepLine {
    fn new(step: Step, mark: Mark, status: String) -> Self {
        StepLine {
            step,
            mark,
            status,
            metric: None,
            note: None,
        }
    }
}

/// The path's lines, in order.
pub fn lines(summary: &Summary) -> Vec<StepLine> {
    Step::ALL
        .into_iter()
        .map(|step| match step {
            Step::Load => load(summary),
            Step::Check => check(summary),
            _ if summary.files == 0 => StepLine::new(step, Mark::ToDo, tr!("guide-waits-for-data")),
            Step::Segments => segments(summary),
            Step::Value => value(summary),
            Step::Recommendations => recommendations(summary),
            Step::Forecast => forecast(summary),
            Step::Campaign => campaign(summary),
        })
        .collect()
}

/// True while a step is left to do or running: the guide then opens by itself.
pub fn steps_remain(lines: &[StepLine]) -> bool {
    lines
        .iter()
        .any(|line| matches!(line.mark, Mark::ToDo | Mark::Running))
}

fn load(s: &Summary) -> StepLine {
    let files = |n: usize| tr!("guide-files", count = format::count(n), n = n);
    if s.loading > 0 {
        let status = tr!("guide-load-reading", files = files(s.loading));
        return StepLine::new(Step::Load, Mark::Running, status);
    }
    if s.mapping > 0 {
        let status = tr!(
            "guide-load-mapping",
            files = files(s.mapping),
            n = s.mapping
        );
        return StepLine::new(Step::Load, Mark::ToDo, status);
    }
    if s.files == 0 {
        return StepLine::new(Step::Load, Mark::ToDo, tr!("guide-load-none"));
    }
    let status = match (s.order_lines, s.customers) {
        (Some(lines), Some(customers)) => tr!(
            "guide-load-orders",
            files = files(s.files),
            lines = tr!("guide-order-lines", count = format::count(lines), n = lines),
            customers = customers_text(customers)
        ),
        _ => files(s.files),
    };
    StepLine::new(Step::Load, Mark::Done, status)
}

fn check(s: &Summary) -> StepLine {
    if s.files == 0 {
        return StepLine::new(Step::Check, Mark::ToDo, tr!("guide-waits-for-data"));
    }
    let status = match s.problem_kinds {
        0 => tr!("guide-check-clean"),
        n => tr!("guide-check-problems", count = format::count(n), n = n),
    };
    StepLine::new(Step::Check, Mark::Done, status)
}

fn segments(s: &Summary) -> StepLine {
    if !s.has_orders {
        return StepLine::new(Step::Segments, Mark::Needs, tr!("guide-needs-orders"));
    }
    match &s.segments {
        Run::Done(facts) => {
            let status = tr!(
                "guide-segments-done",
                segments = format::count(facts.segments),
                customers = customers_text(facts.customers),
                n = facts.segments
            );
            StepLine::new(Step::Segments, Mark::Done, status)
        }
        run => other(
            Step::Segments,
            run,
            tr!("guide-segments-not-run"),
            tr!("guide-segments-running"),
        ),
    }
}

fn value(s: &Summary) -> StepLine {
    if !s.has_orders {
        return StepLine::new(Step::Value, Mark::Needs, tr!("guide-needs-orders"));
    }
    let mut line = match &s.value {
        Run::Done(facts) => {
            let mut line = StepLine::new(Step::Value, Mark::Done, tr!("guide-value-done"));
            line.metric = facts.auc.map(|auc| Metric {
                name: tr!("guide-auc"),
                meaning: tr!("guide-auc-meaning"),
                value: format::number(auc, 2),
            });
            line
        }
        run => other(
            Step::Value,
            run,
            tr!("guide-value-not-run"),
            tr!("guide-value-running"),
        ),
    };
    if !s.has_money {
        line.note = Some(tr!("guide-value-needs-money"));
    }
    line
}

fn recommendations(s: &Summary) -> StepLine {
    let step = Step::Recommendations;
    if !s.has_orders && !s.has_ratings {
        return StepLine::new(step, Mark::Needs, tr!("guide-recommend-needs-purchases"));
    }
    if !s.has_items {
        return StepLine::new(step, Mark::Needs, tr!("guide-recommend-needs-items"));
    }
    // The guide reads the fit, not the report card; a fit that listed nothing
    // for anyone is not done either.
    match &s.recommend {
        Run::Done(facts) if facts.customers > 0 => {
            let status = tr!(
                "guide-recommend-done",
                top = format::count(facts.top),
                customers = customers_text(facts.customers),
                items = tr!(
                    "guide-items",
                    count = format::count(facts.items),
                    n = facts.items
                )
            );
            StepLine::new(step, Mark::Done, status)
        }
        run => other(
            step,
            run,
            tr!("guide-recommend-not-run"),
            tr!("guide-recommend-running"),
        ),
    }
}

fn forecast(s: &Summary) -> StepLine {
    let step = Step::Forecast;
    if !s.has_orders && !s.has_series {
        return StepLine::new(step, Mark::Needs, tr!("guide-forecast-needs-history"));
    }
    match &s.forecast {
        Run::Done(facts) => {
            let status = match facts.growth_pct {
                Some(pct) if pct >= 0.5 => tr!(
                    "guide-forecast-rise",
                    percent = format::percent(pct / 100.0)
                ),
                Some(pct) if pct <= -0.5 => tr!(
                    "guide-forecast-fall",
                    percent = format::percent(-pct / 100.0)
                ),
                Some(_) => tr!("guide-forecast-flat"),
                None => tr!("guide-forecast-done"),
            };
            let status = match facts.spike_ratio {
                Some(ratio) => tr!(
                    "guide-forecast-spike",
                    status = status,
                    ratio = format::number(ratio, 1)
                ),
                None => status,
            };
            StepLine::new(step, Mark::Done, status)
        }
        run => other(
            step,
            run,
            tr!("guide-forecast-not-run"),
            tr!("guide-forecast-running"),
        ),
    }
}

fn campaign(s: &Summary) -> StepLine {
    let step = Step::Campaign;
    if !s.has_orders {
        return StepLine::new(step, Mark::Needs, tr!("guide-needs-orders"));
    }
    match &s.campaign {
        Run::Done(targets) => {
            let status = tr!("guide-campaign-done", customers = customers_text(*targets));
            StepLine::new(step, Mark::Done, status)
        }
        run => other(
            step,
            run,
            tr!("guide-campaign-not-run"),
            tr!("guide-campaign-running"),
        ),
    }
}

/// A step without a result on these files: never run, running, stopped or stale.
fn other<T>(step: Step, run: &Run<T>, not_run: String, running: String) -> StepLine {
    match run {
        Run::Running => StepLine::new(step, Mark::Running, running),
        Run::Failed => StepLine::new(step, Mark::ToDo, tr!("guide-stopped")),
        Run::Stale => StepLine::new(step, Mark::ToDo, tr!("guide-stale")),
        Run::NotRun | Run::Done(_) => StepLine::new(step, Mark::ToDo, not_run),
    }
}

fn customers_text(n: usize) -> String {
    tr!("guide-customers", count = format::count(n), n = n)
}

#[cfg(test)]
#[path = "steps_tests.rs"]
mod tests;
