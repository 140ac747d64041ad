//! The scores a campaign target carries, from whatever results exist: segments,
//! propensity and churn risk, customer value, recommended items. Each source is
//! optional; the customer frame gets the columns of the sources present.
//!
//! Contract:
//! - [`segment_frame`]: `customer_id`, `segment` (the segment id, as text, so it
//!   matches a `segment` condition), `segment_name` (the operator's name).
//! - [`value_frame`]: `customer_id`, then `propensity`, `churn_risk`,
//!   `churn_bucket` (at the thresholds in use) when propensity was computed, and
//!   `clv`, `p_alive`, `predicted_purchases`, `next_order_date` (YYYY-MM-DD) when
//!   CLV was. A column no customer has a value in is left out, so a condition on it
//!   says what to compute instead of silently matching nobody.
//! - [`recs_frame`]: `customer_id`, `rec_1..rec_N` (item names, null past the end
//!   of a shorter list) and `rec_reasons` (the reasons, joined with "; ").
//! - [`ScoreFrames::apply`] left-joins them onto the customer frame
//!   (`frame::join_scores`): every customer keeps its row, missing scores are null.
//! - [`compute_headless`] computes the asked sources for the command line with
//!   [`ScoreSettings`]: a project's saved tab settings (as the window would use
//!   them), each tab's defaults where none are saved.

use std::sync::Arc;

use anyhow::anyhow;
use polars::prelude::*;

use crate::analysis::campaign::CampaignError;
use crate::analysis::campaign::frame::join_scores;
use crate::analysis::propensity::RiskThresholds;
use crate::analysis::recommend::{Interactions, Recommendation};
use crate::analysis::segments::{Segmentation, segment_customers_with};
use crate::analysis::voice::{Labels, store_signals};
use crate::data::Store;
use crate::jobs::Progress;
use crate::tr;
use crate::workspace::project::{Project, RECOMMEND_KEY, SEGMENTS_KEY, SERVICE_KEY, VALUE_KEY};
use crate::workspace::recommend::RecommendParams;
use crate::workspace::segments::SegmentsParams;
use crate::workspace::service::labels_from_settings;
use crate::workspace::settings::SettingsError;
use crate::workspace::value::{CustomerRow, ValueSettings, join_rows};

/// Recommended items each target carries (`rec_1..rec_3`).
pub const REC_COUNT: usize = 3;

/// A source of scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ScoreKind {
    Segments,
    Propensity,
    Clv,
    Recs,
}

impl ScoreKind {
    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ScoreKind::Segments => "segments",
            ScoreKind::Propensity => "propensity",
            ScoreKind::Clv => "clv",
            ScoreKind::Recs => "recs",
        }
    }

    /// Parses a comma-separated list such as `segments,propensity`.
    pub fn parse_list(text: &str) -> anyhow::Result<Vec<ScoreKind>> {
        let all = [
            ScoreKind::Segments,
            ScoreKind::Propensity,
            ScoreKind::Clv,
            ScoreKind::Recs,
        ];
        let mut kinds = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let kind = all
                .into_iter()
                .find(|k| k.name().eq_ignore_ascii_case(part))
                .ok_or_else(|| {
                    anyhow!("unknown score '{part}': choose from segments, propensity, clv, recs")
                })?;
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        kinds.sort();
        Ok(kinds)
    }
}

/// Per-customer score tables, each keyed by `customer_id`.
#[derive(Clone, Debug, Default)]
pub struct ScoreFrames {
    pub segments: Option<DataFrame>,
    pub value: Option<DataFrame>,
    pub recs: Option<DataFrame>,
}

impl ScoreFrames {
    /// `frame` with every present score table left-joined on.
    pub fn apply(&self, frame: &DataFrame) -> Result<DataFrame, CampaignError> {
        let mut out = frame.clone();
        for scores in [&self.segments, &self.value, &self.recs]
            .into_iter()
            .flatten()
        {
            out = join_scores(&out, scores.clone().lazy())?;
        }
        Ok(out)
    }
}

/// Segment and segment name of every segmented customer; `names` by segment id.
pub fn segment_frame(segmentation: &Segmentation, names: &[String]) -> PolarsResult<DataFrame> {
    let labels = &segmentation.clustering.labels;
    let ids = &segmentation.features.customer_ids;
    DataFrame::new(
        ids.len(),
        vec![
            Column::new("customer_id".into(), ids.clone()),
            Column::new(
                "segment".into(),
                labels.iter().map(|l| l.to_string()).collect::<Vec<_>>(),
            ),
            Column::new(
                "segment_name".into(),
                labels
                    .iter()
                    .map(|&l| names.get(l).map_or("", String::as_str))
                    .collect::<Vec<_>>(),
            ),
        ],
    )
}

/// Propensity, churn risk and value per customer (see the module contract).
pub fn value_frame(rows: &[CustomerRow], thresholds: &RiskThresholds) -> PolarsResult<DataFrame> {
    let f64s = |name: &str, get: fn(&CustomerRow) -> Option<f64>| {
        Column::new(name.into(), rows.iter().map(get).collect::<Vec<_>>())
    };
    let candidates = vec![
        f64s("propensity", |r| r.propensity),
        f64s("churn_risk", |r| r.churn_risk),
        Column::new(
            "churn_bucket".into(),
            rows.iter()
                .map(|r| r.churn_risk.map(|c| thresholds.bucket(c)))
                .collect::<Vec<_>>(),
        ),
        f64s("clv", |r| r.clv),
        f64s("p_alive", |r| r.p_alive),
        f64s("predicted_purchases", |r| r.predicted_purchases),
        Column::new(
            "next_order_date".into(),
            rows.iter()
                .map(|r| r.next_order_date.map(|d| d.to_string()))
                .collect::<Vec<_>>(),
        ),
    ];
    let mut columns = vec![Column::new(
        "customer_id".into(),
        rows.iter()
            .map(|r| r.customer_id.as_str())
            .collect::<Vec<_>>(),
    )];
    columns.extend(candidates.into_iter().filter(|c| c.null_count() < c.len()));
    DataFrame::new(rows.len(), columns)
}

/// The first `count` recommended item names and the reasons of every customer.
pub fn recs_frame(
    interactions: &Interactions,
    lists: &[Vec<Recommendation>],
    count: usize,
) -> PolarsResult<DataFrame> {
    let items = &interactions.items;
    let mut columns = vec![Column::new(
        "customer_id".into(),
        interactions.customers[..lists.len().min(interactions.customers.len())].to_vec(),
    )];
    let rows = columns[0].len();
    for k in 0..count {
        let names: Vec<Option<&str>> = lists[..rows]
            .iter()
            .map(|list| {
                list.get(k)
                    .and_then(|r| items.get(r.item as usize))
                    .map(|i| i.name.as_str())
            })
            .collect();
        columns.push(Column::new(format!("rec_{}", k + 1).into(), names));
    }
    let reasons: Vec<String> = lists[..rows]
        .iter()
        .map(|list| {
            list.iter()
                .take(count)
                .map(|r| r.reason.text(items))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .collect();
    columns.push(Column::new("rec_reasons".into(), reasons));
    DataFrame::new(rows, columns)
}

/// The settings headless scores are computed with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreSettings {
    pub segments: SegmentsParams,
    /// The Service tab's labels: the service signals segment features use.
    pub service_labels: Labels,
    pub value: ValueSettings,
    pub recommend: RecommendParams,
}

impl ScoreSettings {
    /// The tab settings saved in `project` (see `workspace::project`'s keys),
    /// the defaults for those not saved; a saved setting that cannot be used is
    /// an error naming it, so a list is never built on settings nobody chose.
    pub fn of_project(project: &Project) -> anyhow::Result<ScoreSettings> {
        fn read<T: Default>(
            project: &Project,
            key: &str,
            read: fn(&serde_json::Value) -> Result<T, SettingsError>,
        ) -> anyhow::Result<T> {
            match project.model_settings.get(key) {
                None => Ok(T::default()),
                Some(value) => read(value).map_err(|e| {
                    anyhow::anyhow!(
                        "the project's saved \"{key}\" settings cannot be used: {e}. Set them \
                         again in the window and save the project"
                    )
                }),
            }
        }
        Ok(ScoreSettings {
            segments: read(project, SEGMENTS_KEY, SegmentsParams::from_settings)?,
            service_labels: read(project, SERVICE_KEY, labels_from_settings)?,
            value: read(project, VALUE_KEY, ValueSettings::from_settings)?,
            recommend: read(project, RECOMMEND_KEY, RecommendParams::from_settings)?,
        })
    }
}

/// Computes the `kinds` asked for on `store` with `settings`.
pub fn compute_headless(
    store: &Store,
    kinds: &[ScoreKind],
    settings: &ScoreSettings,
    progress: &Progress,
) -> anyhow::Result<ScoreFrames> {
    let lines = store
        .order_lines()?
        .ok_or_else(|| anyhow!("no orders file is loaded: scores need order lines"))?;
    let mut frames = ScoreFrames::default();
    if kinds.contains(&ScoreKind::Segments) {
        progress.set_message(tr!("campaigns-progress-segmenting"));
        let params = &settings.segments;
        let signals = match params.features.uses_signals() {
            true => store_signals(store, &settings.service_labels, progress)?,
            false => None,
        };
        let segmentation = segment_customers_with(
            &lines,
            signals.as_ref(),
            &params.features,
            &params.search_params(),
            None,
            progress,
        )?;
        let names: Vec<String> = segmentation
            .profiles
            .iter()
            .map(|p| p.name.text())
            .collect();
        frames.segments = Some(segment_frame(&segmentation, &names)?);
    }
    progress.check()?;
    let propensity = kinds.contains(&ScoreKind::Propensity);
    let clv = kinds.contains(&ScoreKind::Clv);
    if propensity {
        progress.set_message(tr!("campaigns-progress-scoring"));
        let results = super::value::compute(store, settings.value.clone(), progress)?;
        let rows: Vec<CustomerRow> = results
            .rows
            .into_iter()
            .map(|r| match clv {
                true => r,
                false => CustomerRow {
                    clv: None,
                    p_alive: None,
                    predicted_purchases: None,
                    next_order_date: None,
                    ..r
                },
            })
            .collect();
        frames.value = Some(value_frame(&rows, &settings.value.thresholds)?);
    } else if clv {
        progress.set_message(tr!("campaigns-progress-value"));
        let fitted = crate::analysis::clv::clv(&lines, &Default::default(), progress)?;
        let no_scores = df!(
            "customer_id" => Vec::<String>::new(),
            "propensity" => Vec::<f64>::new(),
            "churn_risk" => Vec::<f64>::new(),
        )?;
        let rows = join_rows(&no_scores, Some(&fitted.customers))?;
        frames.value = Some(value_frame(&rows, &settings.value.thresholds)?);
    }
    progress.check()?;
    if kinds.contains(&ScoreKind::Recs) {
        progress.set_message(tr!("campaigns-progress-recommending"));
        let interactions = super::recommend::load_interactions(store)?;
        let params = &settings.recommend;
        let (model, _) = params.fit(&interactions, None, None, progress)?;
        let lists = model.recommend_all(REC_COUNT, params.exclude_seen, progress)?;
        frames.recs = Some(recs_frame(&interactions, &lists, REC_COUNT)?);
    }
    Ok(frames)
}

/// Every customer's recommendation list, by customer index.
pub type Lists = Arc<Vec<Vec<Recommendation>>>;

/// The score inputs of the workspace's current results, cheap to clone into a job.
#[derive(Clone, Default)]
pub struct ScoreInputs {
    /// The segmentation and the shown segment names.
    pub segments: Option<(Arc<Segmentation>, Vec<String>)>,
    /// The joined value rows and the churn thresholds in use.
    pub value: Option<(Arc<Vec<CustomerRow>>, RiskThresholds)>,
    /// The fitted recommender's customers and lists.
    pub recs: Option<(Arc<Interactions>, Lists)>,
    /// The customer signals of the service messages (`voice::signals`), joined
    /// by `campaign_inputs`.
    pub signals: Option<DataFrame>,
}

impl ScoreInputs {
    /// The score tables of these inputs.
    pub fn frames(&self) -> PolarsResult<ScoreFrames> {
        Ok(ScoreFrames {
            segments: match &self.segments {
                Some((s, names)) => Some(segment_frame(s, names)?),
                None => None,
            },
            value: match &self.value {
                Some((rows, thresholds)) => Some(value_frame(rows, thresholds)?),
                None => None,
            },
            recs: match &self.recs {
                Some((interactions, lists)) => Some(recs_frame(interactions, lists, REC_COUNT)?),
                None => None,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn row(id: &str, propensity: Option<f64>, risk: Option<f64>) -> CustomerRow {
        CustomerRow {
            customer_id: id.into(),
            propensity,
            churn_risk: risk,
            p_alive: None,
            predicted_purchases: None,
            clv: None,
            next_order_date: None,
        }
    }

    #[test]
    fn value_columns_without_any_value_are_left_out_and_buckets_follow_thresholds() {
        let rows = vec![row("a", Some(0.8), Some(0.1)), row("b", None, Some(0.7))];
        let thresholds = RiskThresholds {
            medium: 0.3,
            high: 0.6,
        };
        let frame = value_frame(&rows, &thresholds).expect("frame");
        let names: Vec<&str> = frame
            .get_column_names()
            .iter()
            .map(|n| n.as_str())
            .collect();
        assert_eq!(
            names,
            ["customer_id", "propensity", "churn_risk", "churn_bucket"]
        );
        let buckets: Vec<Option<&str>> = frame
            .column("churn_bucket")
            .expect("bucket")
            .str()
            .expect("str")
            .iter()
            .collect();
        assert_eq!(buckets, [Some("low"), Some("high")]);

        let mut valued = rows.clone();
        valued[1].clv = Some(42.0);
        valued[1].next_order_date = NaiveDate::from_ymd_opt(2026, 1, 2);
        let frame = value_frame(&valued, &thresholds).expect("frame");
        assert!(frame.schema().contains("clv"));
        assert!(frame.schema().contains("next_order_date"));
        assert!(!frame.schema().contains("p_alive"));
    }

    #[test]
    fn score_frames_join_onto_every_customer_with_nulls_for_the_unscored() {
        let customers = df!("customer_id" => ["a", "b", "c"], "monetary" => [1.0, 2.0, 3.0])
            .expect("customers");
        let frames = ScoreFrames {
            segments: Some(
                df!("customer_id" => ["c", "a"], "segment" => ["1", "0"], "segment_name" => ["Big", "Small"])
                    .expect("segments"),
            ),
            value: Some(df!("customer_id" => ["b"], "propensity" => [0.4]).expect("value")),
            recs: None,
        };
        let joined = frames.apply(&customers).expect("joined");
        assert_eq!(joined.height(), 3);
        let segment: Vec<Option<&str>> = joined
            .column("segment")
            .expect("segment")
            .str()
            .expect("str")
            .iter()
            .collect();
        assert_eq!(segment, [Some("0"), None, Some("1")]);
        let propensity: Vec<Option<f64>> = joined
            .column("propensity")
            .expect("p")
            .f64()
            .expect("f64")
            .iter()
            .collect();
        assert_eq!(propensity, [None, Some(0.4), None]);
    }

    #[test]
    fn recs_carry_the_first_item_names_and_their_reasons() {
        use crate::analysis::recommend::{ItemInfo, Reason};
        let item = |id: &str, name: &str| ItemInfo {
            id: id.into(),
            name: name.into(),
            category: None,
            price: None,
        };
        let interactions = Interactions::from_parts(
            vec!["a".into(), "b".into()],
            vec![item("i1", "Tea"), item("i2", "Cup")],
            0,
            Vec::new(),
        );
        let rec = |item: u32| Recommendation {
            item,
            score: 1.0,
            reason: Reason::Popular,
        };
        let lists = vec![vec![rec(1), rec(0)], vec![rec(0)]];
        let frame = recs_frame(&interactions, &lists, 2).expect("frame");
        let text = |name: &str| -> Vec<Option<String>> {
            frame
                .column(name)
                .expect("column")
                .str()
                .expect("str")
                .iter()
                .map(|v| v.map(String::from))
                .collect()
        };
        assert_eq!(text("customer_id"), [Some("a".into()), Some("b".into())]);
        assert_eq!(text("rec_1"), [Some("Cup".into()), Some("Tea".into())]);
        assert_eq!(text("rec_2"), [Some("Tea".into()), None]);
        assert_eq!(
            text("rec_reasons"),
            [Some("popular; popular".into()), Some("popular".into())]
        );
    }

    #[test]
    fn parse_list_accepts_names_in_any_order_and_rejects_unknown_ones() {
        assert_eq!(
            ScoreKind::parse_list("recs, segments,recs").expect("list"),
            [ScoreKind::Segments, ScoreKind::Recs]
        );
        let error = ScoreKind::parse_list("segments,magic").expect_err("unknown");
        assert!(error.to_string().contains("magic"), "{error}");
    }
}
