use chrono::NaiveDate;
use polars::prelude::*;

use super::control::t_quantile_975;
use super::*;
use crate::analysis::lines::with_ms_ts;

fn customers() -> DataFrame {
    df!(
        "customer_id" => ["a", "b", "c", "d", "e"],
        "segment" => [Some("VIP"), Some("Bargain"), Some("VIP"), None, Some("New")],
        "rfm_group" => ["Champions", "Lost", "At risk", "Champions", "New"],
        "recency_days" => [3i32, 200, 90, 10, 5],
        "monetary" => [500.0, 50.0, 250.0, 100.0, 100.0],
        "propensity" => [Some(0.8), Some(0.1), Some(0.5), None, Some(0.5)],
        "churn_bucket" => ["low", "high", "high", "low", "medium"],
        "region" => ["north", "south", "north", "east", " south "],
        "email" => [Some("A@x.com"), Some(""), Some("c@x.com"), None, Some("e@x.com")],
        "phone" => [Some("138"), None, None, Some("139"), Some(" ")],
    )
    .expect("frame")
}

fn matches(condition: Condition) -> Vec<&'static str> {
    let mask = condition.evaluate(&customers(), None).expect("evaluates");
    ["a", "b", "c", "d", "e"]
        .into_iter()
        .zip(mask)
        .filter(|(_, m)| *m)
        .map(|(id, _)| id)
        .collect()
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

#[test]
fn each_condition_kind_selects_the_rows_it_names() {
    let segment = Condition::Segment {
        values: strings(&["VIP"]),
    };
    assert_eq!(matches(segment.clone()), ["a", "c"]);
    let rfm = Condition::RfmGroup {
        values: strings(&["Champions", "New"]),
    };
    assert_eq!(matches(rfm), ["a", "d", "e"]);
    let churn = Condition::ChurnBucket {
        values: strings(&["high"]),
    };
    assert_eq!(matches(churn), ["b", "c"]);
    // Cells are trimmed before comparing.
    let region = Condition::Region {
        values: strings(&["south"]),
    };
    assert_eq!(matches(region), ["b", "e"]);
    // Inclusive range; a null score never matches.
    let propensity = Condition::Range {
        column: "propensity".into(),
        min: Some(0.5),
        max: None,
    };
    assert_eq!(matches(propensity.clone()), ["a", "c", "e"]);
    let recency = Condition::Range {
        column: "recency_days".into(),
        min: Some(5.0),
        max: Some(90.0),
    };
    assert_eq!(matches(recency), ["c", "d", "e"]);
    // Empty and blank contact cells do not count.
    assert_eq!(matches(Condition::HasEmail), ["a", "c", "e"]);
    assert_eq!(matches(Condition::HasPhone), ["a", "d"]);
    // AND / OR trees.
    let both = Condition::All {
        of: vec![segment.clone(), propensity.clone()],
    };
    assert_eq!(matches(both), ["a", "c"]);
    let either = Condition::Any {
        of: vec![
            Condition::Segment {
                values: strings(&["Bargain"]),
            },
            Condition::All {
                of: vec![Condition::HasPhone, propensity],
            },
        ],
    };
    assert_eq!(matches(either), ["a", "b"]);
    assert_eq!(matches(Condition::All { of: vec![] }).len(), 5);
    assert!(matches(Condition::Any { of: vec![] }).is_empty());
}

#[test]
fn a_condition_on_an_absent_column_names_it_and_what_to_compute() {
    let clv = Condition::Range {
        column: "clv".into(),
        min: Some(100.0),
        max: None,
    };
    let error = clv.evaluate(&customers(), None).expect_err("no clv column");
    let message = error.to_string();
    assert!(message.contains("'clv'"), "{message}");
    assert!(message.contains("customer value"), "{message}");
    let text = Condition::Range {
        column: "region".into(),
        min: None,
        max: None,
    };
    assert!(matches!(
        text.evaluate(&customers(), None),
        Err(CampaignError::NotNumeric { .. })
    ));
}

fn day_ms(y: i32, m: u32, d: u32) -> i64 {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("date")
        .and_utc()
        .timestamp_millis()
}

#[test]
fn bought_and_never_bought_respect_the_window_returns_and_cancellations() {
    let lines = df!(
        "customer_id" => ["a", "b", "c", "d", "a"],
        "category" => ["shoes", "shoes", "shoes", "bags", "bags"],
        "item_id" => ["S1", "S2", "S1", "B1", "B1"],
        "amount" => [10.0, 20.0, 30.0, 40.0, 50.0],
        "is_return" => [false, false, true, false, false],
        "is_cancelled" => [false, false, false, false, true],
    )
    .expect("lines");
    let lines = with_ms_ts(
        lines,
        vec![
            day_ms(2024, 3, 1),
            day_ms(2024, 1, 15),
            day_ms(2024, 3, 2),
            day_ms(2024, 3, 3),
            day_ms(2024, 3, 4),
        ],
    );
    let run = |c: Condition| {
        let mask = c.evaluate(&customers(), Some(&lines)).expect("evaluates");
        ["a", "b", "c", "d", "e"]
            .into_iter()
            .zip(mask)
            .filter(|(_, m)| *m)
            .map(|(id, _)| id)
            .collect::<Vec<_>>()
    };
    let march = |what: Purchase, bought: bool| Condition::Bought {
        what,
        bought,
        from: NaiveDate::from_ymd_opt(2024, 3, 1),
        to: NaiveDate::from_ymd_opt(2024, 3, 31),
    };
    // b bought shoes in January; c's line is a return.
    assert_eq!(run(march(Purchase::Category("shoes".into()), true)), ["a"]);
    assert_eq!(
        run(march(Purchase::Category("shoes".into()), false)),
        ["b", "c", "d", "e"]
    );
    // a's bag order was cancelled.
    assert_eq!(run(march(Purchase::Item("B1".into()), true)), ["d"]);
    let any_time = Condition::Bought {
        what: Purchase::Category("shoes".into()),
        bought: true,
        from: None,
        to: None,
    };
    assert_eq!(run(any_time.clone()), ["a", "b"]);
    assert!(matches!(
        any_time.evaluate(&customers(), None),
        Err(CampaignError::NeedsOrders)
    ));
}

#[test]
fn exclusions_and_max_size_cut_the_audience_in_a_fixed_order() {
    let folder = tempfile::tempdir().expect("temp dir");
    let opt_out = folder.path().join("optout.txt");
    std::fs::write(&opt_out, "\u{feff} C@X.COM \nnobody@x.com\n").expect("write");
    let contacted = folder.path().join("previous.csv");
    // The control row of an earlier export was not contacted.
    std::fs::write(&contacted, "customer_id,group\nE,target\nD,control\n").expect("write");
    let mut campaign = CampaignDef::new("all", Condition::All { of: vec![] });
    campaign.control_share = 0.0;
    campaign.exclusions = Exclusions {
        opt_out_files: vec!["optout.txt".into()],
        contacted_files: vec!["previous.csv".into()],
    };
    let lists = ExclusionLists::read(&campaign.exclusions, folder.path()).expect("lists");
    let audience = build_audience(&customers(), None, &campaign, &lists, &Progress::detached())
        .expect("audience");
    assert_eq!(audience.matched, 5);
    assert_eq!((audience.opted_out, audience.contacted), (1, 1));
    assert_eq!(ids(&audience.frame), ["a", "b", "d"]);
    // Revenue share: (500 + 50 + 100) / 1000.
    assert_eq!(audience.revenue_share, Some(0.65));
    // Mean propensity of targets, null as 0: (0.8 + 0.1 + 0) / 3.
    let mean = audience
        .scored_baseline_rate
        .expect("from the propensity column");
    assert!((mean - 0.3).abs() < 1e-12);

    // The curve's inputs: targets with a score; no response column → typed rate.
    let scored = audience
        .scored_targets("monetary", "no_such_column", 0.04)
        .expect("scored");
    assert_eq!(scored, [(500.0, 0.04), (50.0, 0.04), (100.0, 0.04)]);
    let scored = audience
        .scored_targets("recency_days", "propensity", 0.04)
        .expect("scored");
    assert_eq!(scored, [(3.0, 0.8), (200.0, 0.1), (10.0, 0.0)]);

    // Top 2 by propensity: a (0.8), then c and e tie at 0.5: c by id.
    let mut top = CampaignDef::new("top", Condition::All { of: vec![] });
    top.control_share = 0.0;
    top.max_size = Some(MaxSize {
        column: "propensity".into(),
        count: 2,
    });
    let audience = build_audience(
        &customers(),
        None,
        &top,
        &ExclusionLists::default(),
        &Progress::detached(),
    )
    .expect("audience");
    assert_eq!(ids(&audience.frame), ["a", "c"]);
    assert_eq!(audience.over_max, 3);
}

fn ids(frame: &DataFrame) -> Vec<String> {
    condition::texts(frame, "customer_id")
        .expect("ids")
        .into_iter()
        .flatten()
        .collect()
}

fn controls(frame: &DataFrame) -> Vec<String> {
    let groups = condition::texts(frame, GROUP_COLUMN).expect("groups");
    ids(frame)
        .into_iter()
        .zip(groups)
        .filter(|(_, g)| g.as_deref() == Some("control"))
        .map(|(id, _)| id)
        .collect()
}

#[test]
fn the_control_group_is_the_share_asked_and_reproducible_from_the_seed() {
    let n = 1003;
    let frame = df!("customer_id" => (0..n).map(|i| format!("C{i:05}")).collect::<Vec<_>>())
        .expect("frame");
    let first = assign_groups(&frame, 0.1, 42).expect("groups");
    let again = assign_groups(&frame, 0.1, 42).expect("groups");
    let other = assign_groups(&frame, 0.1, 43).expect("groups");
    let held_out = controls(&first);
    assert!(held_out.len().abs_diff(100) <= 1, "{}", held_out.len());
    assert_eq!(held_out, controls(&again));
    assert_ne!(held_out, controls(&other));
    assert_eq!(first.height(), n);
    assert!(controls(&assign_groups(&frame, 0.0, 42).expect("groups")).is_empty());
}

#[test]
fn readout_compares_targets_and_control_with_intervals_by_hand() {
    let audience = df!(
        "customer_id" => ["t1", "t2", "t3", "t4", "c1", "c2"],
        GROUP_COLUMN => ["target", "target", "target", "target", "control", "control"],
    )
    .expect("audience");
    let lines = df!(
        "customer_id" => ["t1", "t2", "t2", "c1", "t3", "x"],
        "amount" => [100.0, 50.0, 30.0, 40.0, 500.0, 99.0],
        "is_return" => [false, false, true, false, false, false],
    )
    .expect("lines");
    let lines = with_ms_ts(
        lines,
        vec![
            day_ms(2024, 5, 2),
            day_ms(2024, 5, 3),
            day_ms(2024, 5, 4),
            day_ms(2024, 5, 5),
            day_ms(2024, 4, 1), // before the campaign: not counted
            day_ms(2024, 5, 2),
        ],
    );
    let result =
        readout(&audience, &lines, NaiveDate::from_ymd_opt(2024, 5, 1), None).expect("readout");
    // Targets: t1 100, t2 50 − 30 = 20, t3 0, t4 0 → 2 of 4 responded, mean 30.
    assert_eq!(result.target.responders, 2);
    assert_eq!(result.target.response_rate, 0.5);
    assert!((result.target.revenue_per_customer - 30.0).abs() < 1e-12);
    // Control: c1 40, c2 0 → 1 of 2, mean 20.
    assert_eq!(result.control.response_rate, 0.5);
    assert!((result.control.revenue_per_customer - 20.0).abs() < 1e-12);
    // Proportions: 0 ± 1.96·sqrt(0.25/4 + 0.25/2) = ±0.8487.
    let response = result.response_difference;
    assert_eq!(response.estimate, 0.0);
    assert!((response.high.expect("interval") - 0.848_7).abs() < 1e-3);
    // Welch: s²t = (70² + 10² + 30² + 30²)/3 = 2266.67, s²c = 800;
    // va = 566.67, vb = 400, se = 31.09; df = 966.67² / (566.67²/3 + 400²/1) = 3.48.
    let revenue = result.revenue_difference;
    assert!((revenue.estimate - 10.0).abs() < 1e-9);
    let half = revenue.high.expect("interval") - revenue.estimate;
    let se = (6800.0_f64 / 3.0 / 4.0 + 800.0 / 2.0).sqrt();
    let t = half / se;
    // t(0.975, 3.48) lies between t(4) = 2.776 and t(3) = 3.182.
    assert!(t > 2.776 && t < 3.182, "t = {t}");
}

#[test]
fn t_quantiles_match_the_table() {
    assert!((t_quantile_975(10.0) - 2.228).abs() < 0.002);
    assert!((t_quantile_975(30.0) - 2.042).abs() < 0.001);
    assert!((t_quantile_975(f64::INFINITY) - 1.960).abs() < 0.001);
}

#[test]
fn roi_arithmetic_by_hand() {
    let inputs = RoiInputs {
        cost_per_contact: 1.0,
        incentive_share: 0.1,
        margin_share: 0.5,
        avg_order_value: 200.0,
        baseline_rate: 0.2,
        uplift_rate: 0.05,
        baseline_redemption: 0.5,
    };
    let outcome = roi(&inputs, 1000);
    // 1000 × 20% buy anyway; 1000 × 5% = 50 buy because of the campaign.
    assert!((outcome.baseline_buyers - 200.0).abs() < 1e-9);
    assert!((outcome.incremental_responders - 50.0).abs() < 1e-9);
    assert!((outcome.expected_buyers - 250.0).abs() < 1e-9);
    // Only the 50 earn: 50 × 200 = 10,000 revenue, × 50% = 5,000 margin.
    assert!((outcome.incremental_revenue - 10_000.0).abs() < 1e-9);
    assert!((outcome.incremental_margin - 5_000.0).abs() < 1e-9);
    // Contacts 1000 × 1; incentive on 50 + 200 × 50% = 150 orders × 200 × 10% = 3,000.
    assert!((outcome.contact_cost - 1_000.0).abs() < 1e-9);
    assert!((outcome.incentive_cost - 3_000.0).abs() < 1e-9);
    assert!((outcome.cost - 4_000.0).abs() < 1e-9);
    assert!((outcome.profit - 1_000.0).abs() < 1e-9);
    assert!((outcome.roi.expect("roi") - 0.25).abs() < 1e-12);
    // (1 + 0.2 × 0.5 × 200 × 0.1) / (200 × 0.4) = 3 / 80.
    let break_even = outcome.break_even_uplift.expect("break-even");
    assert!((break_even - 0.0375).abs() < 1e-12);
    let at_break_even = roi(
        &RoiInputs {
            uplift_rate: break_even,
            ..inputs.clone()
        },
        1000,
    );
    assert!(at_break_even.profit.abs() < 1e-9);
    // The old model's mistake: taking buyers-anyway as responders. With no
    // uplift the campaign only costs, however likely the targets are to buy.
    let no_uplift = roi(
        &RoiInputs {
            baseline_rate: 0.49,
            uplift_rate: 0.0,
            ..inputs.clone()
        },
        1000,
    );
    assert!(no_uplift.profit < 0.0 && no_uplift.incremental_revenue == 0.0);
    let free = RoiInputs {
        incentive_share: 0.6,
        ..inputs.clone()
    };
    assert_eq!(roi(&free, 10).break_even_uplift, None);
    // Nobody contacted: no ROI to show (the views print "—"), not −0.0 %.
    assert_eq!(roi(&inputs, 0).roi, None);
}

#[test]
fn the_roi_curve_cuts_at_each_distinct_score() {
    let inputs = RoiInputs {
        cost_per_contact: 1.0,
        incentive_share: 0.1,
        margin_share: 0.5,
        avg_order_value: 100.0,
        baseline_rate: 0.0,
        uplift_rate: 0.1,
        baseline_redemption: 1.0,
    };
    let scored = [(0.9, 0.3), (0.1, 0.0), (0.5, 0.1), (0.5, 0.2)];
    let curve = roi_curve(&scored, &inputs);
    let cuts: Vec<(f64, usize)> = curve
        .iter()
        .map(|p| (p.threshold, p.outcome.contacts))
        .collect();
    assert_eq!(cuts, [(0.9, 1), (0.5, 3), (0.1, 4)]);
    // Per contact: uplift margin 0.1 × 100 × 0.5 = 5, minus contact 1, minus the
    // incentive (0.1 + baseline) × 100 × 0.1 = 1 + 10 × baseline.
    // Top 1 (baseline 0.3): 5 − 1 − 4 = 0 profit.
    assert!(curve[0].outcome.profit.abs() < 1e-9);
    // Top 3 (mean baseline 0.2): 3 × (5 − 1 − 3) = 3.
    assert!((curve[1].baseline_rate - 0.2).abs() < 1e-12);
    assert!((curve[1].outcome.profit - 3.0).abs() < 1e-9);
    // All 4 (mean 0.15): 4 × (5 − 1 − 2.5) = 6: the likeliest buyers pay least.
    assert!((curve[2].outcome.profit - 6.0).abs() < 1e-9);
    assert!((curve[2].outcome.roi.expect("roi") - 6.0 / 14.0).abs() < 1e-9);
}

#[test]
fn a_campaign_definition_round_trips_through_json() {
    let mut campaign = CampaignDef::new(
        "winback",
        Condition::All {
            of: vec![
                Condition::RfmGroup {
                    values: strings(&["At risk"]),
                },
                Condition::Bought {
                    what: Purchase::Category("美妆".into()),
                    bought: false,
                    from: NaiveDate::from_ymd_opt(2026, 1, 1),
                    to: None,
                },
            ],
        },
    );
    campaign.max_size = Some(MaxSize {
        column: "monetary".into(),
        count: 500,
    });
    let text = serde_json::to_string_pretty(&campaign).expect("json");
    assert!(text.contains("\"kind\": \"rfm_group\""), "{text}");
    let back: CampaignDef = serde_json::from_str(&text).expect("parses");
    assert_eq!(back, campaign);
    let minimal: CampaignDef =
        serde_json::from_str(r#"{"name": "m", "condition": {"kind": "has_email"}}"#)
            .expect("defaults fill in");
    assert_eq!(minimal.control_share, 0.1);
}
