//! A single-pass parser for the date/time text layouts Marketbench knows.
//!
//! Each value is read left to right once, with variable-width fields (`5/3/2024`
//! and `05/03/2024` alike) and an optional time part: `14:02`, `14:02:11`,
//! `14:02:11.123`, an `AM`/`PM` marker, the Chinese `14时02分11秒`, and for ISO a
//! `T` separator and a trailing `Z`, `+08:00` or PostgreSQL's `+08`. An offset
//! is read but not applied: shop exports state local time, and hour-of-day
//! analyses want the wall clock.
//! Anything left over after a valid date and time makes the value unparseable, as
//! does an impossible date (31 February, hour 25). Result: milliseconds since
//! 1970-01-01 00:00 of that wall-clock time.

/// The field order of a text date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Layout {
    /// `2024-03-05`, `2024/03/05`, `2024.03.05`.
    Iso,
    /// `20240305`, `20240305 14:02`, `20240305140211`.
    YmdCompact,
    /// `05/03/2024`, `5.3.2024`, `05-03-24`.
    DayFirst,
    /// `03/05/2024`.
    MonthFirst,
    /// `2024年3月5日`.
    Chinese,
}

impl Layout {
    pub(crate) const ALL: [Layout; 5] = [
        Layout::Iso,
        Layout::YmdCompact,
        Layout::DayFirst,
        Layout::MonthFirst,
        Layout::Chinese,
    ];
}

const MS_PER_DAY: i64 = 86_400_000;

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Reads `min..=max` ASCII digits.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let mut value: u32 = 0;
        let mut count = 0;
        while count < max {
            match self.peek() {
                Some(b @ b'0'..=b'9') => {
                    value = value * 10 + u32::from(b - b'0');
                    self.at += 1;
                    count += 1;
                }
                _ => break,
            }
        }
        (count >= min).then_some(value)
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn eat_str(&mut self, text: &str) -> bool {
        if self.bytes[self.at..].starts_with(text.as_bytes()) {
            self.at += text.len();
            true
        } else {
            false
        }
    }

    fn eat_one_of(&mut self, options: &[u8]) -> Option<u8> {
        let byte = self.peek()?;
        if options.contains(&byte) {
            self.at += 1;
            Some(byte)
        } else {
            None
        }
    }

    fn skip_spaces(&mut self) -> usize {
        let start = self.at;
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
        self.at - start
    }

    fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }
}

/// Parses one trimmed value; None when it does not fit `layout`.
pub(crate) fn parse(value: &str, layout: Layout) -> Option<i64> {
    let mut cursor = Cursor {
        bytes: value.trim().as_bytes(),
        at: 0,
    };
    let (year, month, day) = match layout {
        Layout::Iso => {
            let year = cursor.number(4, 4)?;
            let separator = cursor.eat_one_of(b"-/.")?;
            let month = cursor.number(1, 2)?;
            cursor.eat(separator).then_some(())?;
            (year, month, cursor.number(1, 2)?)
        }
        Layout::YmdCompact => {
            let year = cursor.number(4, 4)?;
            let month = cursor.number(2, 2)?;
            let day = cursor.number(2, 2)?;
            if cursor.peek().is_some_and(|b| b.is_ascii_digit()) {
                let hour = cursor.number(2, 2)?;
                let minute = cursor.number(2, 2)?;
                let second = cursor.number(2, 2)?;
                return cursor
                    .at_end()
                    .then_some(())
                    .and_then(|()| millis(year, month, day, hour, minute, second, 0));
            }
            (year, month, day)
        }
        Layout::DayFirst | Layout::MonthFirst => {
            let first = cursor.number(1, 2)?;
            let separator = cursor.eat_one_of(b"/.-")?;
            let second = cursor.number(1, 2)?;
            cursor.eat(separator).then_some(())?;
            let year = year_field(&mut cursor)?;
            if layout == Layout::DayFirst {
                (year, second, first)
            } else {
                (year, first, second)
            }
        }
        Layout::Chinese => {
            let year = cursor.number(4, 4)?;
            cursor.eat_str("年").then_some(())?;
            let month = cursor.number(1, 2)?;
            cursor.eat_str("月").then_some(())?;
            let day = cursor.number(1, 2)?;
            (cursor.eat_str("日") || cursor.eat_str("号")).then_some(())?;
            (year, month, day)
        }
    };
    let (hour, minute, second, milli) = time_part(&mut cursor, layout)?;
    millis(year, month, day, hour, minute, second, milli)
}

/// A 4-digit year, or a 2-digit one read as 19xx from 70 up and 20xx below.
fn year_field(cursor: &mut Cursor) -> Option<u32> {
    let start = cursor.at;
    let year = cursor.number(2, 4)?;
    match cursor.at - start {
        4 => Some(year),
        2 if year >= 70 => Some(1900 + year),
        2 => Some(2000 + year),
        _ => None,
    }
}

/// The optional time after a date, up to the end of the value.
fn time_part(cursor: &mut Cursor, layout: Layout) -> Option<(u32, u32, u32, u32)> {
    let spaces = cursor.skip_spaces();
    if cursor.at_end() {
        return Some((0, 0, 0, 0));
    }
    let t_separator = layout == Layout::Iso && spaces == 0 && cursor.eat(b'T');
    if spaces == 0 && !t_separator && layout != Layout::Chinese {
        return None;
    }
    let mut hour = cursor.number(1, 2)?;
    let (minute, second, milli);
    if layout == Layout::Chinese && (cursor.eat_str("时") || cursor.eat_str("点")) {
        minute = cursor.number(1, 2)?;
        cursor.eat_str("分").then_some(())?;
        second = match cursor.number(1, 2) {
            Some(s) => {
                cursor.eat_str("秒").then_some(())?;
                s
            }
            None => 0,
        };
        milli = 0;
    } else {
        cursor.eat(b':').then_some(())?;
        minute = cursor.number(2, 2)?;
        if cursor.eat(b':') {
            second = cursor.number(2, 2)?;
            milli = if cursor.eat(b'.') || cursor.eat(b',') {
                fraction_millis(cursor)?
            } else {
                0
            };
        } else {
            second = 0;
            milli = 0;
        }
    }
    cursor.skip_spaces();
    if let Some(pm) = meridiem(cursor) {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        cursor.skip_spaces();
    }
    if layout == Layout::Iso {
        zone(cursor)?;
    }
    cursor.at_end().then_some((hour, minute, second, milli))
}

/// Reads 1–9 fraction digits and keeps milliseconds.
fn fraction_millis(cursor: &mut Cursor) -> Option<u32> {
    let start = cursor.at;
    let mut milli = 0;
    let mut digits = 0;
    while let Some(b @ b'0'..=b'9') = cursor.peek() {
        if digits < 3 {
            milli = milli * 10 + u32::from(b - b'0');
        }
        digits += 1;
        cursor.at += 1;
    }
    if digits == 0 || digits > 9 {
        return None;
    }
    let kept = (cursor.at - start).min(3) as u32;
    Some(milli * 10u32.pow(3 - kept))
}

/// `AM` / `PM` (any case, with or without dots): Some(true) for PM.
fn meridiem(cursor: &mut Cursor) -> Option<bool> {
    let rest = &cursor.bytes[cursor.at..];
    let lower: Vec<u8> = rest.iter().take(4).map(u8::to_ascii_lowercase).collect();
    for (text, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower.starts_with(text.as_bytes()) {
            cursor.at += text.len();
            return Some(pm);
        }
    }
    None
}

/// An optional `Z` or `±hh[[:]mm[[:]ss]]` (read, not applied): `+08:00`,
/// `+0800`, and PostgreSQL's `+08`, `+05:30` and `+08:05:43` (the local mean
/// time of a zone before 1901).
fn zone(cursor: &mut Cursor) -> Option<()> {
    if cursor.eat(b'Z') {
        return Some(());
    }
    if cursor.eat_one_of(b"+-").is_some() {
        cursor.number(2, 2)?;
        for _minutes_then_seconds in 0..2 {
            let colon = cursor.eat(b':');
            if cursor.number(2, 2).is_none() {
                return (!colon).then_some(());
            }
        }
    }
    Some(())
}

/// Validated fields → milliseconds since the epoch.
fn millis(
    year: u32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    milli: u32,
) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day);
    let in_day = ((i64::from(hour) * 60 + i64::from(minute)) * 60 + i64::from(second)) * 1000
        + i64::from(milli);
    Some(days * MS_PER_DAY + in_day)
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A `yyyymmdd` integer → milliseconds, None when it is not a real date.
pub(crate) fn parse_ymd_number(value: i64) -> Option<i64> {
    if !(10_000_000..=99_999_999).contains(&value) {
        return None;
    }
    let year = (value / 10_000) as u32;
    let month = (value / 100 % 100) as u32;
    let day = (value % 100) as u32;
    millis(year, month, day, 0, 0, 0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(y: i64, mo: u32, d: u32, h: i64, mi: i64, s: i64) -> i64 {
        days_from_civil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000
    }

    #[test]
    fn epoch_and_leap_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(
            parse("2024-02-29", Layout::Iso),
            Some(ms(2024, 2, 29, 0, 0, 0))
        );
        assert_eq!(parse("2023-02-29", Layout::Iso), None);
    }

    #[test]
    fn iso_variants() {
        let want = Some(ms(2024, 3, 5, 14, 2, 11));
        for text in [
            "2024-03-05 14:02:11",
            "2024-03-05T14:02:11",
            "2024/03/05 14:02:11",
            "2024-3-5 14:02:11",
            "2024-03-05T14:02:11Z",
            "2024-03-05T14:02:11+08:00",
            "2024-03-05T14:02:11+0800",
            "2024-03-05 14:02:11+08",
            "2024-03-05 14:02:11-03:30",
            "2024-03-05 14:02:11+08:05:43",
            " 2024-03-05  14:02:11 ",
        ] {
            assert_eq!(parse(text, Layout::Iso), want, "{text}");
        }
        assert_eq!(
            parse("2024-03-05 14:02:11.123", Layout::Iso),
            Some(ms(2024, 3, 5, 14, 2, 11) + 123)
        );
        assert_eq!(
            parse("2024-03-05 14:02", Layout::Iso),
            Some(ms(2024, 3, 5, 14, 2, 0))
        );
        assert_eq!(parse("2024-03-05x", Layout::Iso), None);
        assert_eq!(parse("2024-03-05 14:02:11+8", Layout::Iso), None);
        assert_eq!(parse("2024-03-05 14:02:11+08:", Layout::Iso), None);
        assert_eq!(parse("2024-03-0514:02", Layout::Iso), None);
    }

    #[test]
    fn day_month_chinese_and_compact() {
        assert_eq!(
            parse("5/3/2024 2:02 PM", Layout::DayFirst),
            Some(ms(2024, 3, 5, 14, 2, 0))
        );
        assert_eq!(
            parse("05.03.24", Layout::DayFirst),
            Some(ms(2024, 3, 5, 0, 0, 0))
        );
        assert_eq!(
            parse("03-05-2024", Layout::MonthFirst),
            Some(ms(2024, 3, 5, 0, 0, 0))
        );
        assert_eq!(parse("13/05/2024", Layout::MonthFirst), None);
        assert_eq!(
            parse("2024年3月5日 14:02", Layout::Chinese),
            Some(ms(2024, 3, 5, 14, 2, 0))
        );
        assert_eq!(
            parse("2024年3月5日14时2分", Layout::Chinese),
            Some(ms(2024, 3, 5, 14, 2, 0))
        );
        assert_eq!(
            parse("20240305", Layout::YmdCompact),
            Some(ms(2024, 3, 5, 0, 0, 0))
        );
        assert_eq!(
            parse("20240305140211", Layout::YmdCompact),
            Some(ms(2024, 3, 5, 14, 2, 11))
        );
        assert_eq!(parse_ymd_number(20240230), None);
    }
}
