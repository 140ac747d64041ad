//! Arguments shared by every data command: role overrides, file kind, date format,
//! sheet, and `--json`; `--headers` for the commands that write tables; and
//! loading files with them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use super::db::{DbArgs, fetch_sources};
use crate::data::{self, DateFormat, FileKind, Inspection, LoadOptions, Role, Store, Table};
use crate::export::headers::Headers;
use crate::jobs::Progress;

/// How to read the input files. Overrides apply to every file that has the named
/// column; naming a column no file has is an error.
#[derive(Debug, Clone, Default, Args)]
pub struct LoadArgs {
    /// Column holding the customer id.
    #[arg(long, value_name = "COL")]
    pub customer: Option<String>,
    /// Column holding the order id.
    #[arg(long, value_name = "COL")]
    pub order: Option<String>,
    /// Column holding the date or time.
    #[arg(long, value_name = "COL")]
    pub time: Option<String>,
    /// Column holding the item (product, SKU) id.
    #[arg(long, value_name = "COL")]
    pub item: Option<String>,
    /// Column holding the item name.
    #[arg(long, value_name = "COL")]
    pub item_name: Option<String>,
    /// Column holding the category.
    #[arg(long, value_name = "COL")]
    pub category: Option<String>,
    /// Column holding the quantity.
    #[arg(long, value_name = "COL")]
    pub quantity: Option<String>,
    /// Column holding the unit price.
    #[arg(long, value_name = "COL")]
    pub price: Option<String>,
    /// Column holding the line amount.
    #[arg(long, value_name = "COL")]
    pub amount: Option<String>,
    /// Column holding the behaviour event type.
    #[arg(long, value_name = "COL")]
    pub event: Option<String>,
    /// Column holding the channel or region.
    #[arg(long, value_name = "COL")]
    pub region: Option<String>,
    /// Column holding the email address.
    #[arg(long, value_name = "COL")]
    pub email: Option<String>,
    /// Column holding the phone number.
    #[arg(long, value_name = "COL")]
    pub phone: Option<String>,
    /// Column holding the order status (marks cancellations and refunds).
    #[arg(long, value_name = "COL")]
    pub status: Option<String>,
    /// Column holding an explicit rating (stars, a review score).
    #[arg(long, value_name = "COL")]
    pub rating: Option<String>,
    /// Column holding what the customer wrote (a service message, a review).
    #[arg(long, value_name = "COL")]
    pub message: Option<String>,
    /// Column holding the service agent's reply.
    #[arg(long, value_name = "COL")]
    pub reply: Option<String>,
    /// Column holding the service session or ticket id.
    #[arg(long, value_name = "COL")]
    pub session: Option<String>,
    /// Column holding a service message's intent label.
    #[arg(long, value_name = "COL")]
    pub intent: Option<String>,
    /// What the files hold, when detection gets it wrong.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Date format: iso, ymd (20240305), dmy, mdy, chinese, unix-s, unix-ms, excel, or a
    /// chrono pattern such as %d-%b-%Y.
    #[arg(long, value_name = "FORMAT", value_parser = parse_date_format)]
    pub date_format: Option<DateFormat>,
    /// Excel sheet to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Keep rows whose date lies far outside the rest (by default they are
    /// dropped as placeholders such as 1900-01-01 or 9999-12-31, and reported).
    #[arg(long)]
    pub keep_far_dates: bool,
    #[command(flatten)]
    pub database: DbArgs,
}

/// `--json` prints machine-readable output instead of text.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct OutputArgs {
    #[arg(long)]
    pub json: bool,
    /// Replace the --out file even when it is not an earlier export of this kind.
    #[arg(long)]
    pub force: bool,
}

/// `--headers en|zh-CN`: the column headers of the tables a command writes.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct ExportArgs {
    /// Column headers of the --out table: en (the column names) or zh-CN (fixed
    /// Chinese names). Mailchimp, Klaviyo, Meta and Google lists keep the
    /// headers those tools require.
    #[arg(long, value_name = "en|zh-CN", default_value = "en", value_parser = parse_headers)]
    pub headers: Headers,
}

fn parse_headers(text: &str) -> Result<Headers, String> {
    Headers::from_tag(text).ok_or_else(|| format!("unknown headers '{text}': use en or zh-CN"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Orders,
    Events,
    Customers,
    Products,
    Ratings,
    Service,
    Reviews,
}

impl From<KindArg> for FileKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Orders => FileKind::Orders,
            KindArg::Events => FileKind::Events,
            KindArg::Customers => FileKind::Customers,
            KindArg::Products => FileKind::Products,
            KindArg::Ratings => FileKind::Ratings,
            KindArg::Service => FileKind::Service,
            KindArg::Reviews => FileKind::Reviews,
        }
    }
}

fn parse_date_format(text: &str) -> Result<DateFormat, String> {
    Ok(match text.to_ascii_lowercase().as_str() {
        "iso" => DateFormat::Iso,
        "ymd" | "yyyymmdd" => DateFormat::YmdCompact,
        "dmy" | "dd/mm/yyyy" => DateFormat::DayFirst,
        "mdy" | "mm/dd/yyyy" => DateFormat::MonthFirst,
        "chinese" => DateFormat::Chinese,
        "unix-s" | "unix" => DateFormat::UnixSeconds,
        "unix-ms" => DateFormat::UnixMillis,
        "excel" => DateFormat::ExcelSerial,
        "native" => DateFormat::Native,
        _ if text.contains('%') => DateFormat::Custom(text.to_string()),
        _ => {
            return Err(format!(
                "unknown date format '{text}': use iso, ymd, dmy, mdy, chinese, unix-s, unix-ms, excel, or a chrono pattern such as %d-%b-%Y"
            ));
        }
    })
}

impl LoadArgs {
    /// An error when one column is given two roles (`--customer sku --order sku`):
    /// a column holds one role, and the later flag would silently win.
    pub fn check(&self) -> anyhow::Result<()> {
        let given = self.overrides();
        for (i, (role, column)) in given.iter().enumerate() {
            if let Some((other, _)) = given[i + 1..].iter().find(|(_, c)| c == column) {
                bail!(
                    "--{} and --{} both name the column '{column}': a column holds one role. \
                     Give one of them another column.",
                    role.cli_flag(),
                    other.cli_flag()
                );
            }
        }
        Ok(())
    }

    /// The role overrides given on the command line.
    pub fn overrides(&self) -> Vec<(Role, &str)> {
        let given = [
            (Role::CustomerId, &self.customer),
            (Role::OrderId, &self.order),
            (Role::Timestamp, &self.time),
            (Role::ItemId, &self.item),
            (Role::ItemName, &self.item_name),
            (Role::Category, &self.category),
            (Role::Quantity, &self.quantity),
            (Role::UnitPrice, &self.price),
            (Role::Amount, &self.amount),
            (Role::EventType, &self.event),
            (Role::Region, &self.region),
            (Role::Email, &self.email),
            (Role::Phone, &self.phone),
            (Role::Status, &self.status),
            (Role::Rating, &self.rating),
            (Role::Message, &self.message),
            (Role::Reply, &self.reply),
            (Role::SessionId, &self.session),
            (Role::Intent, &self.intent),
        ];
        given
            .into_iter()
            .filter_map(|(role, column)| column.as_deref().map(|c| (role, c)))
            .collect()
    }

    /// The detected options for one file with these overrides applied. A column
    /// given a role loses any role detection gave it.
    pub fn options_for(&self, inspection: &Inspection) -> LoadOptions {
        let mut options = LoadOptions::from_inspection(inspection);
        for (role, column) in self.overrides() {
            if inspection.columns.iter().any(|c| c.name == column) {
                options.mapping.retain(|_, mapped| mapped != column);
                options.mapping.insert(role, column.to_string());
            }
        }
        if let Some(kind) = self.kind {
            options.kind = kind.into();
        }
        if self.date_format.is_some() {
            options.date_format = self.date_format.clone();
        }
        if self.sheet.is_some() {
            options.sheet = self.sheet.clone();
        }
        options.keep_far_dates = self.keep_far_dates;
        options
    }
}

/// Files as inspected and loaded, in the order given.
pub struct LoadedFiles {
    pub inspections: Vec<Inspection>,
    pub store: Store,
}

impl LoadedFiles {
    pub fn tables(&self) -> impl Iterator<Item = (&Inspection, Option<&Table>)> {
        self.inspections
            .iter()
            .map(|i| (i, self.store.tables.iter().find(|t| t.path == i.path)))
    }
}

/// Inspects and loads every file, and every `--db` source, with the overrides
/// applied: the one place where inputs become a [`Store`].
pub fn load_files(files: &[PathBuf], args: &LoadArgs) -> anyhow::Result<LoadedFiles> {
    args.check()?;
    if let Some((folder, others)) = data::folders_without_data(files).first() {
        bail!("{}", data::no_data_message(folder, *others));
    }
    let files = data::expand_folders(files);
    if files.is_empty() && args.database.db.is_none() {
        bail!("no input files: give one or more orders, events, customers or products files");
    }
    let mut inspections = Vec::new();
    for path in &files {
        let inspection = data::inspect(path, args.sheet.as_deref())
            .with_context(|| format!("inspecting {}", path.display()))?;
        inspections.push(inspection);
    }
    let mut fetched = Vec::new();
    for (inspection, raw) in fetch_sources(&args.database)? {
        inspections.push(inspection.clone());
        fetched.push((inspection, raw));
    }
    let known: BTreeSet<&str> = inspections
        .iter()
        .flat_map(|i| i.columns.iter().map(|c| c.name.as_str()))
        .collect();
    for (role, column) in args.overrides() {
        if !known.contains(column) {
            let names: Vec<&str> = known.iter().copied().collect();
            bail!(
                "--{} {column}: no input file has a column named '{column}'. The columns are: {}",
                role.cli_flag(),
                names.join(", ")
            );
        }
    }
    let mut store = Store::default();
    for inspection in inspections.iter().filter(|i| files.contains(&i.path)) {
        let options = args.options_for(inspection);
        let table = data::load(&inspection.path, &options, &Progress::detached())
            .with_context(|| format!("loading {}", inspection.path.display()))?;
        store.insert(table);
    }
    for (inspection, raw) in fetched {
        let mut options = args.options_for(&inspection);
        // The kind is the flag's (--orders-table), not a guess.
        options.kind = inspection.kind;
        let table = data::db::load_source(raw, &inspection, &options, &Progress::detached())?;
        store.insert(table);
    }
    Ok(LoadedFiles { inspections, store })
}
