//! What each Behaviour result means for a campaign, in one sentence worked out
//! from its figures: who the RFM groups say to look after or win back, how the
//! latest cohort's return in its second month compares with earlier cohorts, the
//! funnel step that loses most, and when repeat buyers come back. Pure functions
//! of the results (no drawing), so the thresholds are tested on their own.

use crate::analysis::cohorts::Cohorts;
use crate::analysis::funnel::{Funnel, step_display};
use crate::analysis::rfm::{GroupSummary, RfmGroup};
use crate::tr;
use crate::ui::format;

/// Who the RFM groups say a campaign should serve first: the Champions when
/// there are any, else the lapsing frequent buyers (At risk, Can't lose them),
/// else the largest group. None when no customer was scored.
pub fn rfm(groups: &[GroupSummary]) -> Option<String> {
    let customers: usize = groups.iter().map(|g| g.customers).sum();
    if customers == 0 {
        return None;
    }
    let share = |n: usize| format::percent(n as f64 / customers as f64);
    let of = |wanted: &[RfmGroup]| {
        let chosen = groups.iter().filter(|g| wanted.contains(&g.group));
        let count: usize = chosen.clone().map(|g| g.customers).sum();
        let revenue = chosen.map(|g| g.revenue_share).sum::<Option<f64>>();
        (count, revenue)
    };
    let (champions, revenue) = of(&[RfmGroup::Champions]);
    if champions > 0 {
        let (count, n, customers) = (format::count(champions), champions, share(champions));
        return Some(match revenue {
            Some(revenue) => tr!(
                "behaviour-advice-rfm-champions",
                count = count,
                n = n,
                share = customers,
                revenue = format::percent(revenue),
            ),
            None => tr!(
                "behaviour-advice-rfm-champions-no-money",
                count = count,
                n = n,
                share = customers,
            ),
        });
    }
    let (lapsing, revenue) = of(&[RfmGroup::AtRisk, RfmGroup::CantLoseThem]);
    if lapsing > 0 {
        let (count, customers) = (format::count(lapsing), share(lapsing));
        return Some(match revenue {
            Some(revenue) => tr!(
                "behaviour-advice-rfm-lapsing",
                count = count,
                share = customers,
                revenue = format::percent(revenue),
            ),
            None => tr!(
                "behaviour-advice-rfm-lapsing-no-money",
                count = count,
                share = customers,
            ),
        });
    }
    let largest = groups.iter().max_by_key(|g| g.customers)?;
    Some(tr!(
        "behaviour-advice-rfm-largest",
        group = largest.group.display(),
        share = share(largest.customers),
    ))
}

/// A difference in month-1 retention smaller than this (in shares, or a tenth
/// of the average when that is more) reads as "in line".
const SAME_RETENTION: f64 = 0.01;

/// How many of the latest cohort with an observed second month bought again
/// in it ("month-1 retention"), against the average of the earlier cohorts
/// (weighted by their customers). None when there are no cohorts.
pub fn cohorts(cohorts: &Cohorts) -> Option<String> {
    if cohorts.cohorts.is_empty() {
        return None;
    }
    let column = cohorts.offsets.iter().position(|&o| o == 1);
    // Per cohort: its month, customers and month-1 buyers, where observed.
    let observed: Vec<(chrono::NaiveDate, u32, u32)> = column
        .map(|column| {
            cohorts
                .cohorts
                .iter()
                .zip(&cohorts.sizes)
                .zip(&cohorts.active)
                .filter_map(|((&month, &size), row)| {
                    let active = row.get(column).copied().flatten()?;
                    (size > 0).then_some((month, size, active))
                })
                .collect()
        })
        .unwrap_or_default();
    let Some((&(month, size, active), earlier)) = observed.split_last() else {
        return Some(tr!("behaviour-advice-cohort-too-early"));
    };
    let month = month.format("%Y-%m").to_string();
    let latest = f64::from(active) / f64::from(size);
    let earlier_size: u32 = earlier.iter().map(|c| c.1).sum();
    if earlier_size == 0 {
        return Some(tr!(
            "behaviour-advice-cohort-single",
            month = month,
            share = format::percent(latest),
        ));
    }
    let earlier_active: u32 = earlier.iter().map(|c| c.2).sum();
    let average = f64::from(earlier_active) / f64::from(earlier_size);
    let (month, share, average_text) = (month, format::percent(latest), format::percent(average));
    let tolerance = SAME_RETENTION.max(average * 0.1);
    Some(if latest < average - tolerance {
        tr!(
            "behaviour-advice-cohort-below",
            month = month,
            share = share,
            average = average_text,
        )
    } else if latest > average + tolerance {
        tr!(
            "behaviour-advice-cohort-above",
            month = month,
            share = share,
            average = average_text,
        )
    } else {
        tr!(
            "behaviour-advice-cohort-same",
            month = month,
            share = share,
            average = average_text,
        )
    })
}

/// The funnel step that keeps the smallest share of the users of the step
/// before it (the first such step on a tie), with what fits for the usual steps.
/// None for a funnel of fewer than two steps.
pub fn funnel(funnel: &Funnel) -> Option<String> {
    let steps = &funnel.steps;
    if steps.len() < 2 {
        return None;
    }
    if steps[0].users == 0 {
        return Some(tr!("behaviour-advice-funnel-empty"));
    }
    let worst = (1..steps.len())
        .filter_map(|k| Some((k, steps[k].user_rate?)))
        .fold(None::<(usize, f64)>, |worst, (k, rate)| match worst {
            Some((_, lowest)) if lowest <= rate => worst,
            _ => Some((k, rate)),
        });
    let Some((k, rate)) = worst.filter(|&(_, rate)| rate < 1.0) else {
        return Some(tr!("behaviour-advice-funnel-no-loss"));
    };
    let (from, to) = (
        step_display(&steps[k - 1].step),
        step_display(&steps[k].step),
    );
    let lost = steps[k - 1].users.saturating_sub(steps[k].users) as usize;
    let (share, lost) = (format::percent(rate), format::count(lost));
    Some(match steps[k].step.as_str() {
        "cart" => tr!(
            "behaviour-advice-funnel-cart",
            from = from,
            to = to,
            share = share,
            lost = lost,
        ),
        "purchase" => tr!(
            "behaviour-advice-funnel-purchase",
            from = from,
            to = to,
            share = share,
            lost = lost,
        ),
        _ => tr!(
            "behaviour-advice-funnel-other",
            from = from,
            to = to,
            share = share,
            lost = lost,
        ),
    })
}

/// When to ask for the next order: after the median time between purchases,
/// and to whom (mostly one-time buyers, or customers who come back). None
/// without customers.
pub fn repeat(
    customers: usize,
    one_time_share: f64,
    median_gap_days: Option<f64>,
) -> Option<String> {
    if customers == 0 {
        return None;
    }
    let Some(median) = median_gap_days else {
        return Some(tr!("behaviour-advice-repeat-none"));
    };
    // Whole days: "about 44.6 days" is more precise than the advice can be.
    let (share, days) = (
        format::percent(one_time_share),
        format::days(median.round()),
    );
    Some(match one_time_share >= 0.5 {
        true => tr!(
            "behaviour-advice-repeat-one-time",
            share = share,
            days = days
        ),
        false => tr!(
            "behaviour-advice-repeat-returning",
            share = share,
            days = days
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::funnel::StepCount;
    use chrono::NaiveDate;

    fn group(group: RfmGroup, customers: usize, revenue_share: Option<f64>) -> GroupSummary {
        GroupSummary {
            group,
            customers,
            share: 0.0,
            revenue: revenue_share,
            revenue_share,
        }
    }

    #[test]
    fn rfm_speaks_of_champions_then_lapsing_buyers_then_the_largest_group() {
        let groups = [
            group(RfmGroup::Champions, 312, Some(0.38)),
            group(RfmGroup::Lost, 7_300, Some(0.2)),
            group(RfmGroup::AtRisk, 0, Some(0.0)),
        ];
        assert_eq!(
            rfm(&groups).as_deref(),
            Some(
                "312 Champions (4.1% of customers) bring 38.0% of revenue: keep them \
                 with early access and thanks, not discounts."
            )
        );
        let unpriced = [
            group(RfmGroup::Champions, 1, None),
            group(RfmGroup::Lost, 3, None),
        ];
        assert_eq!(
            rfm(&unpriced).as_deref(),
            Some(
                "1 Champion (25.0% of customers) bought most recently and most often: \
                 keep them with early access and thanks, not discounts."
            )
        );
        let lapsing = [
            group(RfmGroup::Champions, 0, Some(0.0)),
            group(RfmGroup::AtRisk, 150, Some(0.3)),
            group(RfmGroup::CantLoseThem, 50, Some(0.1)),
            group(RfmGroup::Lost, 800, Some(0.6)),
        ];
        let said = rfm(&lapsing).expect("a sentence");
        assert!(
            said.starts_with("200 customers who used to buy often have stopped (20.0% of customers, 40.0% of revenue)"),
            "{said}"
        );
        let new = [
            group(RfmGroup::New, 90, None),
            group(RfmGroup::Lost, 10, None),
        ];
        assert!(
            rfm(&new)
                .expect("a sentence")
                .contains("New (90.0% of customers)")
        );
        assert_eq!(rfm(&[group(RfmGroup::Lost, 0, None)]), None);
    }

    fn month(m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, 1).expect("date")
    }

    /// Cohorts of 100 customers each, month-1 buyers as given (None: not yet).
    fn cohort_table(month1: &[Option<u32>]) -> Cohorts {
        Cohorts {
            cohorts: (1..=month1.len() as u32).map(month).collect(),
            offsets: vec![0, 1],
            sizes: vec![100; month1.len()],
            active: month1.iter().map(|&m| vec![Some(100), m]).collect(),
            ..Cohorts::default()
        }
    }

    #[test]
    fn the_latest_cohort_is_compared_with_the_earlier_ones() {
        let below = cohorts(&cohort_table(&[Some(20), Some(22), Some(10), None]));
        assert_eq!(
            below.as_deref(),
            Some(
                "10.0% of the latest cohort (2025-03) bought again in the month after \
                 their first purchase, against 21.0% for earlier cohorts: they come back \
                 less, so send them a second-order offer in their first month."
            )
        );
        let above = cohorts(&cohort_table(&[Some(20), Some(30)])).expect("said");
        assert!(
            above.contains("against 20.0% for earlier cohorts: what brought"),
            "{above}"
        );
        let same = cohorts(&cohort_table(&[Some(20), Some(21)])).expect("said");
        assert!(
            same.starts_with("21.0% of the latest cohort (2025-02)"),
            "{same}"
        );
        assert!(same.contains("in line with 20.0%"), "{same}");
        let single = cohorts(&cohort_table(&[Some(15), None])).expect("said");
        assert!(
            single.starts_with("15.0% of the 2025-01 cohort"),
            "{single}"
        );
        let early = cohorts(&cohort_table(&[None])).expect("said");
        assert!(early.starts_with("No cohort has a second month"), "{early}");
        assert_eq!(cohorts(&Cohorts::default()), None);
    }

    fn steps(users: &[u64]) -> Funnel {
        let names = ["view", "cart", "purchase"];
        Funnel {
            steps: users
                .iter()
                .enumerate()
                .map(|(k, &n)| StepCount {
                    step: names[k].to_owned(),
                    users: n,
                    events: n,
                    user_rate: (k > 0 && users[k - 1] > 0).then(|| n as f64 / users[k - 1] as f64),
                    event_rate: None,
                })
                .collect(),
            unmatched_events: 0,
        }
    }

    #[test]
    fn the_funnel_names_the_step_that_keeps_the_fewest() {
        let to_cart = funnel(&steps(&[10_000, 820, 600])).expect("said");
        assert!(
            to_cart.starts_with(
                "The biggest loss is from view to cart: only 8.2% go on (9,180 customers lost)"
            ),
            "{to_cart}"
        );
        let to_purchase = funnel(&steps(&[1_000, 800, 100])).expect("said");
        assert!(
            to_purchase.contains("from cart to purchase: only 12.5%"),
            "{to_purchase}"
        );
        assert!(to_purchase.contains("cart reminder"), "{to_purchase}");
        let whole = funnel(&steps(&[50, 50, 50])).expect("said");
        assert!(whole.starts_with("Every customer who starts"), "{whole}");
        let empty = funnel(&steps(&[0, 0, 0])).expect("said");
        assert!(empty.starts_with("No customer reached"), "{empty}");
        assert_eq!(funnel(&steps(&[5])), None);
    }

    #[test]
    fn repeat_buyers_are_asked_back_after_the_usual_gap() {
        assert_eq!(
            repeat(1_000, 0.62, Some(44.6)).as_deref(),
            Some(
                "62.0% of customers bought only once: a second-order offer about 45 days \
                 after the first order, when repeat buyers usually come back, fits."
            )
        );
        let returning = repeat(1_000, 0.3, Some(1.0)).expect("said");
        assert!(
            returning.starts_with(
                "Most customers come back (30.0% bought only once), typically after 1 day"
            ),
            "{returning}"
        );
        let none = repeat(10, 1.0, None).expect("said");
        assert!(
            none.starts_with("No customer has bought twice yet"),
            "{none}"
        );
        assert_eq!(repeat(0, 0.0, None), None);
    }
}
