//! Tests of the guide's step lines (`steps`).

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
