//! Date/time detection and parsing for the timestamp column.
//!
//! Contract:
//! - `detect_date_format` looks at up to 2,000 non-empty values spread evenly over
//!   the column and picks the format that reads the most of them; it needs at least
//!   80 % to read (a few bad cells should not hide the format; they are reported at
//!   load). Numbers are told apart by size: 20,000–80,000 Excel serial days,
//!   `yyyymmdd` integers, 1e8–1e10 Unix seconds, 1e11–1e14 Unix milliseconds.
//! - Day-first against month-first: a first field above 12 rules out month-first, a
//!   second field above 12 rules out day-first. When every value fits both, the guess
//!   is `DayFirst`, flagged `ambiguous`, with `MonthFirst` as the alternative:
//!   outside the US day-first is the common written order (UK, EU, AU, and the
//!   Chinese `日/月` exports that are not ISO), and the flag makes the mapping view
//!   ask the operator instead of trusting the default silently.
//! - `parse_dates` returns `Datetime(ms)` without time zone, the same length as the
//!   input, with null where a value is missing or does not fit the format. Text is
//!   read in one pass per value (see `text`); numbers by arithmetic; `Native` casts;
//!   `Custom` uses polars' strptime with the operator's chrono format.

mod text;

use crate::tr;
use polars::prelude::*;
use rayon::prelude::*;

use super::model::{DateFormat, DateGuess};
use text::Layout;

/// Rows of text dates parsed by one parallel task.
const RANGE: usize = 256 * 1024;
/// Values examined by `detect_date_format`.
const SAMPLE_SIZE: usize = 2_000;
/// Share of sampled values a format must read to be proposed.
const MIN_SHARE: f64 = 0.8;
const MS_PER_DAY: f64 = 86_400_000.0;
/// Days from Excel's day 0 (1899-12-30) to 1970-01-01.
const EXCEL_EPOCH_DAYS: f64 = 25_569.0;

fn layout_format(layout: Layout) -> DateFormat {
    match layout {
        Layout::Iso => DateFormat::Iso,
        Layout::YmdCompact => DateFormat::YmdCompact,
        Layout::DayFirst => DateFormat::DayFirst,
        Layout::MonthFirst => DateFormat::MonthFirst,
        Layout::Chinese => DateFormat::Chinese,
    }
}

fn format_layout(format: &DateFormat) -> Option<Layout> {
    match format {
        DateFormat::Iso => Some(Layout::Iso),
        DateFormat::YmdCompact => Some(Layout::YmdCompact),
        DateFormat::DayFirst => Some(Layout::DayFirst),
        DateFormat::MonthFirst => Some(Layout::MonthFirst),
        DateFormat::Chinese => Some(Layout::Chinese),
        _ => None,
    }
}

/// How a format is described to the operator ("dd/mm/yyyy").
pub fn describe(format: &DateFormat) -> String {
    match format {
        DateFormat::Iso => tr!("date-describe-iso"),
        DateFormat::YmdCompact => tr!("date-describe-compact"),
        DateFormat::DayFirst => tr!("date-describe-day-first"),
        DateFormat::MonthFirst => tr!("date-describe-month-first"),
        DateFormat::Chinese => tr!("date-describe-chinese"),
        DateFormat::UnixSeconds => tr!("date-describe-unix-seconds"),
        DateFormat::UnixMillis => tr!("date-describe-unix-millis"),
        DateFormat::ExcelSerial => tr!("date-describe-excel-serial"),
        DateFormat::Native => tr!("date-describe-native"),
        DateFormat::Custom(f) => tr!("date-describe-custom", pattern = f.as_str()),
    }
}

/// True when one text value reads as a date in any known text layout.
pub fn is_text_date(value: &str) -> bool {
    Layout::ALL
        .iter()
        .any(|layout| text::parse(value, *layout).is_some())
}

/// Evenly spaced indices into `0..len`, at most `SAMPLE_SIZE` of them.
fn spread(len: usize) -> impl Iterator<Item = usize> {
    let step = len.div_ceil(SAMPLE_SIZE).max(1);
    (0..len).step_by(step)
}

/// Evenly spread non-blank values of a text column, trimmed: what detection
/// looks at.
fn text_sample(ca: &StringChunked) -> Vec<&str> {
    spread(ca.len())
        .filter_map(|i| ca.get(i))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Guesses how the timestamp column is written; None when nothing reads 80 %.
pub fn detect_date_format(values: &Series) -> Option<DateGuess> {
    let values = values.drop_nulls();
    match values.dtype() {
        DataType::Date | DataType::Datetime(_, _) => Some(DateGuess {
            format: DateFormat::Native,
            ambiguous: false,
            alternatives: Vec::new(),
        }),
        DataType::String => detect_text(&text_sample(values.str().ok()?)),
        dtype if dtype.is_primitive_numeric() => {
            let floats = values.cast(&DataType::Float64).ok()?;
            let ca = floats.f64().ok()?;
            let sample: Vec<f64> = spread(ca.len()).filter_map(|i| ca.get(i)).collect();
            detect_numeric(&sample)
        }
        _ => None,
    }
}

/// The date layouts a text column mixes, most used first, as "ISO (…) 20 of
/// 40, day first (…) 20 of 40" over the sampled values; None when fewer than
/// two layouts read any value.
pub fn describe_mix(values: &Series) -> Option<String> {
    let values = values.drop_nulls();
    let sample = text_sample(values.str().ok()?);
    let mut counts: Vec<(usize, DateFormat)> = Layout::ALL
        .iter()
        .map(|&layout| {
            let read = sample.iter().filter(|s| text::parse(s, layout).is_some());
            (read.count(), layout_format(layout))
        })
        .filter(|(n, _)| *n > 0)
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    (counts.len() >= 2).then(|| {
        counts
            .iter()
            .take(3)
            .map(|(n, format)| {
                let layout = describe(format);
                tr!(
                    "date-mix-count",
                    layout = layout,
                    n = n.to_string(),
                    of = sample.len().to_string()
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    })
}

fn detect_text(sample: &[&str]) -> Option<DateGuess> {
    if sample.is_empty() {
        return None;
    }
    let numbers: Vec<f64> = sample
        .iter()
        .filter_map(|s| s.parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .collect();
    if numbers.len() as f64 >= MIN_SHARE * sample.len() as f64
        && let Some(guess) = detect_numeric(&numbers)
    {
        return Some(guess);
    }
    let counts: Vec<(Layout, usize)> = Layout::ALL
        .iter()
        .map(|layout| {
            let read = sample
                .iter()
                .filter(|s| text::parse(s, *layout).is_some())
                .count();
            (*layout, read)
        })
        .collect();
    pick(
        counts
            .into_iter()
            .map(|(l, n)| (layout_format(l), n))
            .collect(),
        sample.len(),
    )
}

/// The format reading most values; ties keep the earlier entry, later tied
/// entries become alternatives (and a day/month tie marks the guess ambiguous).
fn pick(counts: Vec<(DateFormat, usize)>, total: usize) -> Option<DateGuess> {
    let best = counts.iter().map(|(_, n)| *n).max()?;
    if best == 0 || (best as f64) < MIN_SHARE * total as f64 {
        return None;
    }
    let mut tied = counts
        .into_iter()
        .filter(|(_, n)| *n == best)
        .map(|(f, _)| f);
    let format = tied.next()?;
    let alternatives: Vec<DateFormat> = tied.collect();
    let ambiguous =
        format == DateFormat::DayFirst && alternatives.contains(&DateFormat::MonthFirst);
    Some(DateGuess {
        format,
        ambiguous,
        alternatives,
    })
}

fn detect_numeric(sample: &[f64]) -> Option<DateGuess> {
    if sample.is_empty() {
        return None;
    }
    let count = |f: &dyn Fn(f64) -> bool| sample.iter().filter(|v| f(**v)).count();
    let counts = vec![
        (
            DateFormat::YmdCompact,
            count(&|v| v.fract() == 0.0 && text::parse_ymd_number(v as i64).is_some()),
        ),
        (
            DateFormat::ExcelSerial,
            count(&|v| (20_000.0..80_000.0).contains(&v)),
        ),
        (
            DateFormat::UnixSeconds,
            count(&|v| (1e8..1e10).contains(&v)),
        ),
        (
            DateFormat::UnixMillis,
            count(&|v| (1e11..1e14).contains(&v)),
        ),
    ];
    pick(counts, sample.len())
}

/// Reads `values` as `format` into `Datetime(ms)`; null where a value does not fit.
pub fn parse_dates(values: &Series, format: &DateFormat) -> PolarsResult<Series> {
    let name = values.name().clone();
    let target = DataType::Datetime(TimeUnit::Milliseconds, None);
    let millis: Int64Chunked = match (format, values.dtype()) {
        (_, DataType::Date | DataType::Datetime(_, _)) => {
            return values.cast(&target);
        }
        (DateFormat::UnixSeconds, _) => numbers(values)?.apply_values_generic(|v| v * 1000.0),
        (DateFormat::UnixMillis, _) => numbers(values)?.apply_values_generic(|v| v),
        (DateFormat::ExcelSerial, _) => numbers(values)?.apply_values_generic(|v| {
            if v > 0.0 {
                (v - EXCEL_EPOCH_DAYS) * MS_PER_DAY
            } else {
                f64::NAN
            }
        }),
        (DateFormat::YmdCompact, dtype) if dtype.is_primitive_numeric() => {
            let floats = values.cast(&DataType::Float64)?;
            floats
                .f64()?
                .iter()
                .map(|v| {
                    v.filter(|v| v.fract() == 0.0)
                        .and_then(|v| text::parse_ymd_number(v as i64))
                })
                .collect()
        }
        (DateFormat::Custom(pattern), _) => return parse_custom(values, pattern),
        (format, _) => {
            // Native asked for but the column is text: read it as ISO.
            let layout = format_layout(format).unwrap_or(Layout::Iso);
            let strings = values.cast(&DataType::String)?;
            parse_text_in_parallel(strings.str()?, layout)?
        }
    };
    millis.with_name(name).into_series().cast(&target)
}

/// Text dates in `layout` as milliseconds, read in parallel over row ranges.
fn parse_text_in_parallel(strings: &StringChunked, layout: Layout) -> PolarsResult<Int64Chunked> {
    let ranges: Vec<usize> = (0..strings.len()).step_by(RANGE).collect();
    let parts: Vec<Int64Chunked> = ranges
        .into_par_iter()
        .map(|start| {
            strings
                .slice(start as i64, RANGE)
                .iter()
                .map(|v| v.and_then(|v| text::parse(v, layout)))
                .collect()
        })
        .collect();
    let mut parts = parts.into_iter();
    let mut millis = parts.next().unwrap_or_default();
    for part in parts {
        millis.append_owned(part)?;
    }
    Ok(millis)
}

/// Numbers (or numeric text) as f64, with non-finite values as null.
fn numbers(values: &Series) -> PolarsResult<Float64Chunked> {
    let floats = if values.dtype() == &DataType::String {
        values
            .str()?
            .iter()
            .map(|v| v.and_then(|v| v.trim().parse::<f64>().ok()))
            .collect::<Float64Chunked>()
    } else {
        values.cast(&DataType::Float64)?.f64()?.clone()
    };
    Ok(floats)
}

/// Float → whole milliseconds, null when not finite or out of range.
trait MillisFromFloat {
    fn apply_values_generic(&self, f: impl Fn(f64) -> f64) -> Int64Chunked;
}

impl MillisFromFloat for Float64Chunked {
    fn apply_values_generic(&self, f: impl Fn(f64) -> f64) -> Int64Chunked {
        self.iter()
            .map(|v| {
                v.map(&f)
                    .filter(|m| m.is_finite() && m.abs() < 1e16)
                    .map(|m| m.round() as i64)
            })
            .collect()
    }
}

fn parse_custom(values: &Series, pattern: &str) -> PolarsResult<Series> {
    let target = DataType::Datetime(TimeUnit::Milliseconds, None);
    let strings = values.cast(&DataType::String)?;
    let name = strings.name().clone();
    let frame = DataFrame::new(strings.len(), vec![strings.into_column()])?;
    let options = StrptimeOptions {
        format: Some(pattern.into()),
        strict: false,
        exact: true,
        cache: true,
    };
    let has_time = ["%H", "%I", "%M", "%S", "%T", "%R", "%c", "%s"]
        .iter()
        .any(|spec| pattern.contains(spec));
    let expr = if has_time {
        col(name.clone()).str().to_datetime(
            Some(TimeUnit::Milliseconds),
            None,
            options,
            lit("raise"),
        )
    } else {
        col(name.clone())
            .str()
            .to_date(options)
            .cast(target.clone())
    };
    let out = frame.lazy().select([expr]).collect()?;
    Ok(out.column(&name)?.as_materialized_series().clone())
}

/// True when a value that failed `format` would read with day and month swapped:
/// used to tell the operator which format to pick instead.
pub fn reads_swapped(value: &str, format: &DateFormat) -> Option<DateFormat> {
    let other = match format {
        DateFormat::DayFirst => DateFormat::MonthFirst,
        DateFormat::MonthFirst => DateFormat::DayFirst,
        _ => return None,
    };
    let layout = format_layout(&other)?;
    text::parse(value, layout).map(|_| other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_dates_over_several_ranges_keep_their_rows() {
        let n = 2 * RANGE + 5;
        let day = |i: usize| format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        let values: Vec<Option<String>> = (0..n)
            .map(|i| match i % 1000 {
                7 => None,
                9 => Some("not a date".to_owned()),
                _ => Some(day(i)),
            })
            .collect();
        let series = Series::new("ts".into(), values);
        let parsed = parse_dates(&series, &DateFormat::Iso).unwrap();
        assert_eq!(parsed.len(), n);
        let millis = parsed.to_physical_repr();
        let millis = millis.i64().unwrap();
        for i in [0, 7, 9, RANGE - 1, RANGE, RANGE + 9, n - 1] {
            let expected = (i % 1000 != 7 && i % 1000 != 9)
                .then(|| text::parse(&day(i), Layout::Iso).unwrap());
            assert_eq!(millis.get(i), expected, "row {i}");
        }
        let bad = (0..n).filter(|i| matches!(i % 1000, 7 | 9)).count();
        assert_eq!(millis.null_count(), bad);
    }
}
