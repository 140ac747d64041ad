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
mod tests {
    use super::*;

    fn loaded() -> Summary {
        Summary {
            files: 3,
            order_lines: Some(48_211),
            customers: Some(5_000),
            has_orders: true,
            has_items: true,
            has_money: true,
            problem_kinds: 2,
            ..Summary::default()
        }
    }

    fn line(summary: &Summary, step: Step) -> StepLine {
        lines(summary)
            .into_iter()
            .find(|l| l.step == step)
            .expect("every step has a line")
    }

    #[test]
    fn before_any_file_every_step_is_to_do_and_the_first_says_how_to_start() {
        let all = lines(&Summary::default());
        assert_eq!(all.len(), 7);
        assert!(all.iter().all(|l| l.mark == Mark::ToDo));
        assert!(all[0].status.contains("sample store"), "{}", all[0].status);
        assert_eq!(all[2].status, "waits for your data files");
        assert!(steps_remain(&all));
    }

    #[test]
    fn loading_and_mapping_show_on_the_load_step() {
        let reading = Summary {
            loading: 2,
            ..Summary::default()
        };
        let load = line(&reading, Step::Load);
        assert_eq!(load.mark, Mark::Running);
        assert_eq!(load.status, "reading 2 files…");
        let waiting = Summary {
            mapping: 1,
            ..Summary::default()
        };
        let load = line(&waiting, Step::Load);
        assert_eq!(load.mark, Mark::ToDo);
        assert!(load.status.starts_with("1 file waits"), "{}", load.status);
    }

    #[test]
    fn loaded_files_count_their_lines_customers_and_problems() {
        let summary = loaded();
        let load = line(&summary, Step::Load);
        assert_eq!(load.mark, Mark::Done);
        assert_eq!(load.status, "3 files, 48,211 order lines, 5,000 customers");
        assert_eq!(
            line(&summary, Step::Check).status,
            "load reports: 2 kinds of problems (see Loaded files)"
        );
        let clean = Summary {
            problem_kinds: 0,
            ..loaded()
        };
        assert_eq!(
            line(&clean, Step::Check).status,
            "load reports: no problems"
        );
        let segments = line(&summary, Step::Segments);
        assert_eq!(segments.mark, Mark::ToDo);
        assert!(
            segments.status.starts_with("not run yet"),
            "{}",
            segments.status
        );
    }

    #[test]
    fn finished_results_say_what_they_found() {
        let summary = Summary {
            segments: Run::Done(SegmentsFacts {
                segments: 5,
                customers: 5_000,
            }),
            value: Run::Done(ValueFacts { auc: Some(0.8123) }),
            recommend: Run::Done(RecommendFacts {
                top: 10,
                customers: 4_980,
                items: 300,
            }),
            forecast: Run::Done(ForecastFacts {
                growth_pct: Some(-12.04),
                spike_ratio: None,
            }),
            campaign: Run::Done(1_204),
            ..loaded()
        };
        let all = lines(&summary);
        assert!(all.iter().all(|l| l.mark == Mark::Done), "{all:#?}");
        assert!(!steps_remain(&all));
        assert_eq!(all[2].status, "5 segments of 5,000 customers");
        let auc = all[3].metric.as_ref().expect("AUC");
        assert_eq!((auc.name.as_str(), auc.value.as_str()), ("AUC", "0.81"));
        assert!(auc.meaning.contains("0.5"), "{}", auc.meaning);
        assert_eq!(all[3].note, None);
        assert_eq!(all[4].status, "top 10 for 4,980 customers from 300 items");
        assert_eq!(
            all[5].status,
            "forecast ready: 12.0% below the periods it is compared with"
        );
        assert_eq!(all[6].status, "audience of 1,204 customers");
        let rising = Summary {
            forecast: Run::Done(ForecastFacts {
                growth_pct: Some(7.5),
                spike_ratio: None,
            }),
            ..loaded()
        };
        assert_eq!(
            line(&rising, Step::Forecast).status,
            "forecast ready: 7.5% above the periods it is compared with"
        );
        let spiked = Summary {
            forecast: Run::Done(ForecastFacts {
                growth_pct: Some(137.1),
                spike_ratio: Some(2.04),
            }),
            ..loaded()
        };
        assert_eq!(
            line(&spiked, Step::Forecast).status,
            "forecast ready: 137.1% above the periods it is compared with, but the last \
             periods were 2.0× the usual level: it may carry a one-off spike forward"
        );
    }

    #[test]
    fn running_stopped_and_stale_results_are_left_to_do() {
        let summary = Summary {
            segments: Run::Running,
            value: Run::Failed,
            recommend: Run::Stale,
            ..loaded()
        };
        let segments = line(&summary, Step::Segments);
        assert_eq!(segments.mark, Mark::Running);
        assert_eq!(segments.status, "grouping the customers…");
        let value = line(&summary, Step::Value);
        assert_eq!(value.mark, Mark::ToDo);
        assert!(value.status.contains("stopped"), "{}", value.status);
        let recommend = line(&summary, Step::Recommendations);
        assert_eq!(recommend.mark, Mark::ToDo);
        assert!(
            recommend.status.contains("files changed"),
            "{}",
            recommend.status
        );
    }

    #[test]
    fn a_fit_that_listed_nobody_is_not_done() {
        let summary = Summary {
            recommend: Run::Done(RecommendFacts {
                top: 10,
                customers: 0,
                items: 300,
            }),
            ..loaded()
        };
        let recommend = line(&summary, Step::Recommendations);
        assert_eq!(recommend.mark, Mark::ToDo);
        assert!(
            !recommend.status.starts_with("top 10"),
            "{}",
            recommend.status
        );
    }

    #[test]
    fn missing_inputs_are_said_in_words() {
        let no_items_no_money = Summary {
            has_items: false,
            has_money: false,
            ..loaded()
        };
        let recommend = line(&no_items_no_money, Step::Recommendations);
        assert_eq!(recommend.mark, Mark::Needs);
        assert_eq!(
            recommend.status,
            "needs an item column: map one, or load a file with items"
        );
        let value = line(&no_items_no_money, Step::Value);
        assert_eq!(value.mark, Mark::ToDo, "propensity works without money");
        assert_eq!(
            value.note.as_deref(),
            Some("customer value in money needs a price or amount column")
        );
        let products_only = Summary {
            files: 1,
            ..Summary::default()
        };
        let all = lines(&products_only);
        for step in [Step::Segments, Step::Value, Step::Campaign] {
            assert_eq!(
                all.iter().find(|l| l.step == step).map(|l| l.mark),
                Some(Mark::Needs)
            );
        }
        assert_eq!(
            line(&products_only, Step::Segments).status,
            "needs an orders file"
        );
        let series = Summary {
            files: 1,
            has_series: true,
            ..Summary::default()
        };
        assert_eq!(line(&series, Step::Forecast).mark, Mark::ToDo);
        assert_eq!(line(&products_only, Step::Forecast).mark, Mark::Needs);
    }
}
