//! Types shared by the loaders, the workspace and the UI: column roles, file kinds,
//! formats and the loaded `Table`.
//!
//! A loaded table's frame holds the mapped columns under their canonical names
//! (`Role::column_name`) with canonical types, the flag columns `is_return` and
//! `is_cancelled` (orders only), the source row number `row`, and every unmapped
//! column under its original name.

use std::collections::BTreeMap;
use std::path::PathBuf;

use polars::prelude::DataFrame;
use serde::{Deserialize, Serialize};

use super::report::LoadReport;
use crate::tr;

/// What a column means to Marketbench.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    CustomerId,
    OrderId,
    Timestamp,
    ItemId,
    ItemName,
    Category,
    Quantity,
    UnitPrice,
    Amount,
    EventType,
    Region,
    Email,
    Phone,
    /// Order status: marks cancellations and refunds ("cancelled", "已取消", "退款").
    Status,
    /// An explicit rating of the item by the customer (stars, a review score).
    Rating,
    /// What the customer wrote: a service message or a review's text.
    Message,
    /// The reply a service agent gave to the message.
    Reply,
    /// The service conversation (chat session, ticket) a message belongs to.
    SessionId,
    /// A service message's intent as labelled by the team (物流, 退换货, …).
    Intent,
}

impl Role {
    pub const ALL: [Role; 19] = [
        Role::CustomerId,
        Role::OrderId,
        Role::Timestamp,
        Role::ItemId,
        Role::ItemName,
        Role::Category,
        Role::Quantity,
        Role::UnitPrice,
        Role::Amount,
        Role::EventType,
        Role::Region,
        Role::Email,
        Role::Phone,
        Role::Status,
        Role::Rating,
        Role::Message,
        Role::Reply,
        Role::SessionId,
        Role::Intent,
    ];

    /// Canonical column name in a loaded frame.
    pub fn column_name(self) -> &'static str {
        match self {
            Role::CustomerId => "customer_id",
            Role::OrderId => "order_id",
            Role::Timestamp => "ts",
            Role::ItemId => "item_id",
            Role::ItemName => "item_name",
            Role::Category => "category",
            Role::Quantity => "quantity",
            Role::UnitPrice => "unit_price",
            Role::Amount => "amount",
            Role::EventType => "event",
            Role::Region => "region",
            Role::Email => "email",
            Role::Phone => "phone",
            Role::Status => "status",
            Role::Rating => "rating",
            Role::Message => "message",
            Role::Reply => "reply",
            Role::SessionId => "session_id",
            Role::Intent => "intent",
        }
    }

    /// Human label shown in the mapping view and in messages.
    pub fn label(self) -> String {
        match self {
            Role::CustomerId => tr!("role-customer-id"),
            Role::OrderId => tr!("role-order-id"),
            Role::Timestamp => tr!("role-timestamp"),
            Role::ItemId => tr!("role-item-id"),
            Role::ItemName => tr!("role-item-name"),
            Role::Category => tr!("role-category"),
            Role::Quantity => tr!("role-quantity"),
            Role::UnitPrice => tr!("role-unit-price"),
            Role::Amount => tr!("role-amount"),
            Role::EventType => tr!("role-event-type"),
            Role::Region => tr!("role-region"),
            Role::Email => tr!("role-email"),
            Role::Phone => tr!("role-phone"),
            Role::Status => tr!("role-status"),
            Role::Rating => tr!("role-rating"),
            Role::Message => tr!("role-message"),
            Role::Reply => tr!("role-reply"),
            Role::SessionId => tr!("role-session-id"),
            Role::Intent => tr!("role-intent"),
        }
    }

    /// The `--flag` name the CLI uses to override this role.
    pub fn cli_flag(self) -> &'static str {
        match self {
            Role::CustomerId => "customer",
            Role::OrderId => "order",
            Role::Timestamp => "time",
            Role::ItemId => "item",
            Role::ItemName => "item-name",
            Role::Category => "category",
            Role::Quantity => "quantity",
            Role::UnitPrice => "price",
            Role::Amount => "amount",
            Role::EventType => "event",
            Role::Region => "region",
            Role::Email => "email",
            Role::Phone => "phone",
            Role::Status => "status",
            Role::Rating => "rating",
            Role::Message => "message",
            Role::Reply => "reply",
            Role::SessionId => "session_id",
            Role::Intent => "intent",
        }
    }
}

/// Role → source column name. A role absent from the map is not in the file.
pub type RoleMap = BTreeMap<Role, String>;

/// What a file holds; decides which roles are required.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FileKind {
    /// Order lines (transactions): customer, time, item, quantity/price/amount.
    Orders,
    /// Behaviour events: customer, time, event type, usually item.
    Events,
    /// One row per customer: id and attributes (email, phone, region).
    Customers,
    /// One row per product: id, name, category, price.
    Products,
    /// An already aggregated series: a date and a value per period (a monthly
    /// sales report); no customer or item columns. The value is the amount role.
    Series,
    /// Explicit ratings: customer, item and a rating (stars, a review score), a
    /// time when known; nothing bought.
    Ratings,
    /// Customer service messages: customer, time, the message, optionally the
    /// agent's reply, the session, the channel and an intent label.
    Service,
    /// Product reviews: item, the review's text, optionally customer, time and rating.
    Reviews,
}

impl FileKind {
    pub const ALL: [FileKind; 8] = [
        FileKind::Orders,
        FileKind::Events,
        FileKind::Customers,
        FileKind::Products,
        FileKind::Series,
        FileKind::Ratings,
        FileKind::Service,
        FileKind::Reviews,
    ];

    pub fn label(self) -> String {
        match self {
            FileKind::Orders => tr!("kind-orders"),
            FileKind::Events => tr!("kind-events"),
            FileKind::Customers => tr!("kind-customers"),
            FileKind::Products => tr!("kind-products"),
            FileKind::Series => tr!("kind-series"),
            FileKind::Ratings => tr!("kind-ratings"),
            FileKind::Service => tr!("kind-service"),
            FileKind::Reviews => tr!("kind-reviews"),
        }
    }
}

/// How date/time text or numbers are read.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateFormat {
    /// `2024-03-05`, `2024-03-05 14:02:11`, `2024-03-05T14:02:11`, `2024/03/05 14:02`.
    Iso,
    /// `20240305`.
    YmdCompact,
    /// `05/03/2024` (also `.` or `-` separated), optional time.
    DayFirst,
    /// `03/05/2024`, optional time.
    MonthFirst,
    /// `2024年3月5日`, optional time.
    Chinese,
    UnixSeconds,
    UnixMillis,
    /// Days since 1899-12-30 (Excel's serial dates), fraction = time of day.
    ExcelSerial,
    /// Already a date or datetime column (Parquet, Excel date cells).
    Native,
    /// A chrono format string given by the operator, e.g. `%d-%b-%Y`.
    Custom(String),
}

impl DateFormat {
    /// The formats offered in the mapping view (Custom is typed in).
    pub const CHOICES: [DateFormat; 9] = [
        DateFormat::Iso,
        DateFormat::YmdCompact,
        DateFormat::DayFirst,
        DateFormat::MonthFirst,
        DateFormat::Chinese,
        DateFormat::UnixSeconds,
        DateFormat::UnixMillis,
        DateFormat::ExcelSerial,
        DateFormat::Native,
    ];

    /// Shown to the operator, with an example.
    pub fn label(&self) -> String {
        match self {
            DateFormat::Iso => tr!("date-format-iso"),
            DateFormat::YmdCompact => tr!("date-format-ymd-compact"),
            DateFormat::DayFirst => tr!("date-format-day-first"),
            DateFormat::MonthFirst => tr!("date-format-month-first"),
            DateFormat::Chinese => tr!("date-format-chinese"),
            DateFormat::UnixSeconds => tr!("date-format-unix-seconds"),
            DateFormat::UnixMillis => tr!("date-format-unix-millis"),
            DateFormat::ExcelSerial => tr!("date-format-excel-serial"),
            DateFormat::Native => tr!("date-format-native"),
            DateFormat::Custom(pattern) => tr!("date-format-custom", pattern = pattern.as_str()),
        }
    }
}

/// The detected date format of the timestamp column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateGuess {
    pub format: DateFormat,
    /// True when the data fits both day-first and month-first (every day ≤ 12):
    /// the operator should confirm.
    pub ambiguous: bool,
    /// Other formats that also parse every sampled value.
    pub alternatives: Vec<DateFormat>,
}

/// Text encodings the loader recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    /// GBK / GB18030, as exported by many Chinese shop systems.
    Gb18030,
    /// UTF-16, little or big endian (Excel's "Unicode text").
    Utf16Le,
    Utf16Be,
    /// Western European (Windows-1252, which Latin-1 is part of), when the
    /// bytes are neither UTF-8 nor Chinese GBK.
    Windows1252,
}

/// The physical format of a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileFormat {
    /// Delimited text; `delimiter` is `b' '` for runs of spaces.
    Csv {
        delimiter: u8,
    },
    Parquet,
    Json,
    Ndjson,
    /// Excel workbook: the sheet read and every sheet in the file.
    Excel {
        sheet: String,
        sheets: Vec<String>,
    },
    /// Rows of a database table or query (`data::db`): the URL without its password.
    Database {
        url: String,
    },
}

/// One column as seen before loading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnInfo {
    pub name: String,
    /// The type the reader inferred, as polars names it.
    pub dtype: String,
    /// A few non-empty values, as text.
    pub samples: Vec<String>,
}

/// What `inspect` found: shown in the mapping view before the full load.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Inspection {
    pub path: PathBuf,
    pub format: FileFormat,
    pub encoding: TextEncoding,
    pub columns: Vec<ColumnInfo>,
    pub kind: FileKind,
    pub mapping: RoleMap,
    /// Present when a timestamp column is mapped.
    pub date: Option<DateGuess>,
    /// Stable key of the header (names in order): remembered mappings are keyed by it.
    pub signature: String,
}

/// What the operator confirmed in the mapping view (or on the command line).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoadOptions {
    pub kind: FileKind,
    pub mapping: RoleMap,
    /// None: detect again from the data.
    pub date_format: Option<DateFormat>,
    /// Excel only: None reads the first sheet.
    pub sheet: Option<String>,
    /// Keep rows whose date lies far outside the rest (placeholders such as
    /// 9999-12-31 are dropped and reported otherwise: `load::far_dates`).
    #[serde(default)]
    pub keep_far_dates: bool,
}

impl LoadOptions {
    /// The options `inspect` proposes.
    pub fn from_inspection(inspection: &Inspection) -> Self {
        let sheet = match &inspection.format {
            FileFormat::Excel { sheet, .. } => Some(sheet.clone()),
            _ => None,
        };
        LoadOptions {
            kind: inspection.kind,
            mapping: inspection.mapping.clone(),
            // A guess that is ambiguous on the sample is left to the load, which
            // looks at every row (a later day above 12 settles it).
            date_format: inspection
                .date
                .as_ref()
                .filter(|d| !d.ambiguous)
                .map(|d| d.format.clone()),
            sheet,
            keep_far_dates: false,
        }
    }
}

/// A loaded file: canonical frame plus what happened on the way.
#[derive(Clone, Debug)]
pub struct Table {
    pub path: PathBuf,
    pub kind: FileKind,
    pub mapping: RoleMap,
    pub frame: DataFrame,
    pub report: LoadReport,
}
