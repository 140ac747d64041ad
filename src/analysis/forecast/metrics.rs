//! Forecast accuracy: MAE, RMSE, MAPE, sMAPE and MASE.
//!
//! Contract: `actual` and `forecast` are paired by position (the shorter length
//! wins). An undefined figure is NaN (JSON null): MAPE when every actual is 0,
//! MASE when the scale is 0 or unknown. MAPE skips periods whose actual is 0;
//! sMAPE = 100·mean(2|e|/(|y|+|ŷ|)) counts a period with y = ŷ = 0 as 0. MASE is
//! the MAE divided by the in-sample MAE of the seasonal naive forecast at the
//! season length (season 1: the naive forecast).

use serde::Serialize;

/// The accuracy of one forecast against what happened.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Accuracy {
    pub mae: f64,
    pub rmse: f64,
    /// Percent.
    pub mape: f64,
    /// Percent, 0..=200.
    pub smape: f64,
    pub mase: f64,
}

fn pairs<'a>(actual: &'a [f64], forecast: &'a [f64]) -> impl Iterator<Item = (f64, f64)> + 'a {
    actual.iter().copied().zip(forecast.iter().copied())
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
    if count == 0 {
        f64::NAN
    } else {
        sum / count as f64
    }
}

/// Mean absolute error.
pub fn mae(actual: &[f64], forecast: &[f64]) -> f64 {
    mean(pairs(actual, forecast).map(|(y, f)| (y - f).abs()))
}

/// Root mean squared error.
pub fn rmse(actual: &[f64], forecast: &[f64]) -> f64 {
    mean(pairs(actual, forecast).map(|(y, f)| (y - f).powi(2))).sqrt()
}

/// Mean absolute percentage error over periods with a non-zero actual, in percent.
pub fn mape(actual: &[f64], forecast: &[f64]) -> f64 {
    mean(
        pairs(actual, forecast)
            .filter(|(y, _)| *y != 0.0)
            .map(|(y, f)| 100.0 * ((y - f) / y).abs()),
    )
}

/// Symmetric MAPE in percent: 100·mean(2|e|/(|y|+|ŷ|)).
pub fn smape(actual: &[f64], forecast: &[f64]) -> f64 {
    mean(pairs(actual, forecast).map(|(y, f)| {
        let denominator = y.abs() + f.abs();
        if denominator == 0.0 {
            0.0
        } else {
            200.0 * (y - f).abs() / denominator
        }
    }))
}

/// The in-sample MAE of the seasonal naive forecast (`y[t] - y[t - season]`);
/// NaN when the history is not longer than one season.
pub fn mase_scale(history: &[f64], season: usize) -> f64 {
    let season = season.max(1);
    if history.len() <= season {
        return f64::NAN;
    }
    mean(
        history[season..]
            .iter()
            .zip(history)
            .map(|(now, before)| (now - before).abs()),
    )
}

/// Every figure at once, MASE scaled by `scale` ([`mase_scale`]).
pub fn accuracy(actual: &[f64], forecast: &[f64], scale: f64) -> Accuracy {
    let mae = mae(actual, forecast);
    Accuracy {
        mae,
        rmse: rmse(actual, forecast),
        mape: mape(actual, forecast),
        smape: smape(actual, forecast),
        mase: if scale > 0.0 { mae / scale } else { f64::NAN },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTUAL: [f64; 4] = [10.0, 20.0, 0.0, 40.0];
    const FORECAST: [f64; 4] = [12.0, 15.0, 5.0, 40.0];

    #[test]
    fn mae_and_rmse_by_hand() {
        // errors 2, 5, 5, 0: MAE 12/4 = 3; RMSE sqrt((4 + 25 + 25) / 4) = sqrt(13.5).
        assert!((mae(&ACTUAL, &FORECAST) - 3.0).abs() < 1e-12);
        assert!((rmse(&ACTUAL, &FORECAST) - 13.5f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn mape_skips_zero_actuals() {
        // 20 % + 25 % + 0 % over three non-zero actuals.
        assert!((mape(&ACTUAL, &FORECAST) - 15.0).abs() < 1e-12);
        assert!(mape(&[0.0, 0.0], &[1.0, 2.0]).is_nan());
    }

    #[test]
    fn smape_by_hand() {
        // 200·2/22, 200·5/35, 200·5/5, 0 → mean over 4.
        let expected = (400.0 / 22.0 + 1000.0 / 35.0 + 200.0 + 0.0) / 4.0;
        assert!((smape(&ACTUAL, &FORECAST) - expected).abs() < 1e-9);
        assert_eq!(smape(&[0.0], &[0.0]), 0.0);
    }

    #[test]
    fn mase_scale_is_the_seasonal_naive_in_sample_mae() {
        let history = [1.0, 2.0, 4.0, 3.0, 5.0];
        // season 1: |1| + |2| + |1| + |2| over 4 = 1.5; season 2: |3| + |1| + |1| over 3.
        assert!((mase_scale(&history, 1) - 1.5).abs() < 1e-12);
        assert!((mase_scale(&history, 2) - 5.0 / 3.0).abs() < 1e-12);
        assert!(mase_scale(&history, 5).is_nan());
        let a = accuracy(&ACTUAL, &FORECAST, 1.5);
        assert!((a.mase - 2.0).abs() < 1e-12);
        assert!(accuracy(&ACTUAL, &FORECAST, 0.0).mase.is_nan());
    }
}
