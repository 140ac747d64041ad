//! The series a forecast of orders is built from: of the loaded order lines
//! (shop, per category, per top item or per segment), or of orders summed
//! without loading (the shop's series only, summed by the streaming engine or
//! the database: `data::summed`).

use anyhow::{Context, anyhow, bail};

use crate::analysis::customers::purchase_days;
use crate::analysis::forecast::{SeriesBy, TimeSeries, series_from_lines, with_segmentation};
use crate::analysis::segments::Segmentation;
use crate::data::Store;
use crate::data::summed::SummedOrders;
use crate::jobs::Progress;
use crate::tr;

use super::averages::order_averages;
use super::{ForecastRunParams, OrderAverages};

/// The series of the order lines (per segment with `segments`), and their
/// averages per order (for campaign scenarios). `progress` cancels a sum in
/// the database.
pub fn orders_series(
    store: &Store,
    params: &ForecastRunParams,
    segments: Option<&Segmentation>,
    progress: &Progress,
) -> anyhow::Result<(Vec<TimeSeries>, OrderAverages)> {
    let Some(mut lines) = store.order_lines()? else {
        let summed = store
            .summed_orders()
            .ok_or_else(|| anyhow!(tr!("workspace-forecast-needs-orders")))?;
        return Ok((
            summed_series(summed, params, progress)?,
            OrderAverages::default(),
        ));
    };
    if purchase_days(&lines)?.is_none() {
        bail!(tr!("workspace-forecast-no-purchase"));
    }
    if params.by == SeriesBy::Segment {
        let segments = segments.ok_or_else(|| anyhow!(tr!("workspace-forecast-needs-segments")))?;
        lines = with_segmentation(&lines, segments)
            .with_context(|| tr!("workspace-adding-segments"))?;
    }
    let series = series_from_lines(&lines, params.measure, params.freq, params.by)
        .with_context(|| tr!("workspace-building-series"))?;
    // Without order ids there are none: the operator types an order value in,
    // and a responder adds one unit.
    Ok((series, order_averages(&lines).unwrap_or_default()))
}

/// The shop's series of orders summed without loading; a breakdown needs the
/// lines. Without order ids or money per order, a campaign scenario's order
/// value is typed in, as for lines without order ids.
fn summed_series(
    summed: &SummedOrders,
    params: &ForecastRunParams,
    progress: &Progress,
) -> anyhow::Result<Vec<TimeSeries>> {
    if params.by != SeriesBy::Shop {
        bail!(summed.needs_lines(&tr!("workspace-forecast-breakdown-what")));
    }
    let series = summed
        .series((params.measure, params.freq), progress)
        .with_context(|| tr!("workspace-building-series"))?;
    if series.is_empty() {
        bail!(tr!("workspace-summed-no-purchase", file = summed.name()));
    }
    Ok(series)
}
