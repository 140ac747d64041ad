//! Writing the sample store: each file goes to a temporary file in the same folder
//! and is renamed into place, so a reader never sees half a file. All output is in
//! a fixed order (ids, times), never in hash-map order.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::Datelike;

use super::calendar::Calendar;
use super::catalog::{CATEGORIES, Catalog};
use super::customers::{CHANNELS, Customer};
use super::events::Event;
use super::orders::OrderBook;
use super::service::Voice;
use super::voice::SERVICE_CHANNELS;
use super::{ORDERS_HEADER, SampleError};

/// Writes `path` through `fill` atomically; returns the bytes written.
pub(super) fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> Result<u64, SampleError> {
    let io_error = |source| SampleError::Io {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("sample");
    let temp: PathBuf = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut out = BufWriter::with_capacity(1 << 20, File::create(&temp)?);
        fill(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        let bytes = file.metadata()?.len();
        std::fs::rename(&temp, path)?;
        Ok(bytes)
    })();
    if result.is_err() {
        // Best effort: the temporary file may not exist.
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(io_error)
}

pub(super) fn order_id(order: u32) -> String {
    format!("SO{order:07}")
}

pub(super) fn orders_csv(
    out: &mut impl Write,
    book: &OrderBook,
    customers: &[Customer],
    catalog: &Catalog,
    cal: &Calendar,
) -> io::Result<()> {
    writeln!(out, "{ORDERS_HEADER}")?;
    for row in &book.rows {
        let product = &catalog.products[row.product];
        writeln!(
            out,
            "{},{},{},{},{},{},{},{:.2},{:.2},{},{}",
            order_id(row.order),
            row.customer.map_or("", |c| customers[c].id.as_str()),
            cal.timestamp(row.seconds),
            product.sku,
            product.name_zh,
            CATEGORIES[product.category].zh,
            row.quantity,
            row.unit_price,
            row.amount(),
            row.status.as_str(),
            CHANNELS[row.channel],
        )?;
    }
    Ok(())
}

pub(super) fn products_csv(out: &mut impl Write, catalog: &Catalog) -> io::Result<()> {
    writeln!(out, "商品ID,商品名称,英文名称,品类,单价,毛利率")?;
    for p in &catalog.products {
        writeln!(
            out,
            "{},{},{},{},{:.2},{:.2}",
            p.sku, p.name_zh, p.name_en, CATEGORIES[p.category].zh, p.price, p.margin
        )?;
    }
    Ok(())
}

pub(super) fn customers_csv(
    out: &mut impl Write,
    customers: &[Customer],
    cal: &Calendar,
) -> io::Result<()> {
    writeln!(out, "customer_id,email,phone,region,signup_date")?;
    let day0 = cal.date(0);
    for c in customers {
        let signup = day0 + chrono::TimeDelta::days(c.signup_day);
        writeln!(
            out,
            "{},{},{},{},{}",
            c.id,
            c.email,
            c.phone,
            c.region,
            signup.format("%Y-%m-%d")
        )?;
    }
    Ok(())
}

pub(super) fn events_csv(
    out: &mut impl Write,
    events: &[Event],
    customers: &[Customer],
    catalog: &Catalog,
    cal: &Calendar,
) -> io::Result<()> {
    writeln!(out, "user_id,item_id,behavior,event_time")?;
    for e in events {
        writeln!(
            out,
            "{},{},{},{}",
            customers[e.customer].id,
            catalog.products[e.product].sku,
            e.behavior.as_str(),
            cal.timestamp(e.seconds)
        )?;
    }
    Ok(())
}

pub(super) fn customer_groups_csv(out: &mut impl Write, customers: &[Customer]) -> io::Result<()> {
    writeln!(out, "customer_id,group")?;
    for c in customers {
        writeln!(out, "{},{}", c.id, c.group.as_str())?;
    }
    Ok(())
}

pub(super) fn bundles_csv(out: &mut impl Write, catalog: &Catalog) -> io::Result<()> {
    writeln!(
        out,
        "anchor_sku,anchor_name,companion_sku,companion_name,probability"
    )?;
    for b in &catalog.bundles {
        let anchor = &catalog.products[b.anchor];
        for &(companion, p) in &b.companions {
            let companion = &catalog.products[companion];
            writeln!(
                out,
                "{},{},{},{},{p:.2}",
                anchor.sku, anchor.name_zh, companion.sku, companion.name_zh
            )?;
        }
    }
    Ok(())
}

pub(super) fn dropoff_csv(out: &mut impl Write, catalog: &Catalog) -> io::Result<()> {
    writeln!(out, "sku,product_name,english_name")?;
    for &p in &catalog.dropoff {
        let p = &catalog.products[p];
        writeln!(out, "{},{},{}", p.sku, p.name_zh, p.name_en)?;
    }
    Ok(())
}

pub(super) fn repeat_csv(
    out: &mut impl Write,
    book: &OrderBook,
    customers: &[Customer],
    catalog: &Catalog,
) -> io::Result<()> {
    writeln!(out, "customer_id,sku,interval_days")?;
    for s in &book.staples {
        writeln!(
            out,
            "{},{},{:.1}",
            customers[s.customer].id, catalog.products[s.product].sku, s.interval_days
        )?;
    }
    Ok(())
}

pub(super) fn messy_csv(
    out: &mut impl Write,
    book: &OrderBook,
    catalog: &Catalog,
) -> io::Result<()> {
    writeln!(out, "row,kind,order_id,sku")?;
    for m in &book.messy {
        let row = &book.rows[m.row - 1];
        writeln!(
            out,
            "{},{},{},{}",
            m.row,
            m.kind.as_str(),
            order_id(row.order),
            catalog.products[row.product].sku
        )?;
    }
    Ok(())
}

pub(super) fn calendar_csv(out: &mut impl Write, cal: &Calendar) -> io::Result<()> {
    writeln!(out, "date,weekday,demand_factor,promotion,discount")?;
    for day in 0..cal.days() {
        let promotion = cal.promotion(day);
        writeln!(
            out,
            "{},{},{:.4},{},{:.2}",
            cal.date_text(day),
            cal.date(day).weekday(),
            cal.factor(day),
            promotion.map_or("", |p| p.name),
            cal.discount(day)
        )?;
    }
    Ok(())
}

pub(super) fn categories_csv(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "category,english_name,mean_margin,repeat_days")?;
    for c in &CATEGORIES {
        let repeat = c.repeat_days.map(|d| format!("{d:.0}")).unwrap_or_default();
        writeln!(out, "{},{},{:.2},{repeat}", c.zh, c.en, c.margin)?;
    }
    Ok(())
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

pub(super) fn session_id(index: usize) -> String {
    format!("S{:07}", index + 1)
}

pub(super) fn service_csv(
    out: &mut impl Write,
    voice: &Voice,
    customers: &[Customer],
    cal: &Calendar,
) -> io::Result<()> {
    writeln!(out, "会话ID,客户ID,时间,渠道,消息内容,客服回复,意图")?;
    for (i, m) in voice.messages.iter().enumerate() {
        writeln!(
            out,
            "{},{},{},{},{},{},{}",
            session_id(i),
            customers[m.customer].id,
            cal.timestamp(m.seconds),
            SERVICE_CHANNELS[m.channel],
            field(&m.text),
            m.reply.map(field).unwrap_or_default(),
            if m.labelled { m.intent.label() } else { "" },
        )?;
    }
    Ok(())
}

pub(super) fn reviews_csv(
    out: &mut impl Write,
    voice: &Voice,
    customers: &[Customer],
    catalog: &Catalog,
    cal: &Calendar,
) -> io::Result<()> {
    writeln!(out, "商品ID,客户ID,评价时间,评分,评价内容")?;
    for r in &voice.reviews {
        writeln!(
            out,
            "{},{},{},{},{}",
            catalog.products[r.product].sku,
            customers[r.customer].id,
            cal.timestamp(r.seconds),
            r.rating,
            field(&r.text),
        )?;
    }
    Ok(())
}

pub(super) fn service_intents_csv(out: &mut impl Write, voice: &Voice) -> io::Result<()> {
    writeln!(out, "row,session_id,intent,labelled")?;
    for (i, m) in voice.messages.iter().enumerate() {
        writeln!(
            out,
            "{},{},{},{}",
            i + 1,
            session_id(i),
            m.intent.label(),
            m.labelled
        )?;
    }
    Ok(())
}

pub(super) fn product_quality_csv(
    out: &mut impl Write,
    voice: &Voice,
    catalog: &Catalog,
    cal: &Calendar,
) -> io::Result<()> {
    writeln!(out, "sku,product_name,state,complaint,bad_from")?;
    for b in &voice.bad {
        let p = &catalog.products[b.product];
        let state = if b.from_day == 0 { "bad" } else { "dropped" };
        writeln!(
            out,
            "{},{},{state},{},{}",
            p.sku,
            p.name_zh,
            field(b.complaint),
            cal.date_text(b.from_day)
        )?;
    }
    Ok(())
}
