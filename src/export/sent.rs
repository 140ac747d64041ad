//! A campaign list that was sent, read back for its readout: the groups its
//! sidecar recorded (every target and the control group, by customer id). The
//! readout then compares the people who were and were not contacted, not an
//! audience rebuilt from today's files, which would hold other people once the
//! data has moved on.
//!
//! The targets are every customer assigned to the target group, also those an
//! ad list left out for lack of a contact: comparing all assigned targets with
//! all controls (intent to treat) keeps the random split's fairness.

use std::path::{Path, PathBuf};

use polars::prelude::{Column, DataFrame, PolarsResult};

use super::campaign::{Sidecar, sidecar_path};
use crate::analysis::campaign::control::GROUP_COLUMN;
use crate::numbers::count;
use crate::tr;

/// A sent list's record (its sidecar), which names its groups.
#[derive(Clone, Debug)]
pub struct Sent {
    pub record: Sidecar,
}

/// Why a sent list cannot be read out (in the window's language).
#[derive(Debug, thiserror::Error)]
pub enum SentError {
    #[error("{}", tr!(
        "export-sent-unreadable",
        record = record.display().to_string(),
        reason = source.to_string()
    ))]
    Unreadable {
        record: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", tr!(
        "export-sent-invalid",
        record = record.display().to_string(),
        reason = message.as_str()
    ))]
    Invalid { record: PathBuf, message: String },
    #[error("{}", tr!("export-sent-no-customers", record = record.display().to_string()))]
    NoCustomers { record: PathBuf },
}

impl Sent {
    /// Reads the record of the list at `list` (or `list` itself when it is the
    /// `.json` record).
    pub fn read(list: &Path) -> Result<Sent, SentError> {
        let record_path = if list.extension().is_some_and(|e| e == "json") {
            list.to_path_buf()
        } else {
            sidecar_path(list)
        };
        let text =
            std::fs::read_to_string(&record_path).map_err(|source| SentError::Unreadable {
                record: record_path.clone(),
                source,
            })?;
        let record: Sidecar = serde_json::from_str(&text).map_err(|e| SentError::Invalid {
            record: record_path.clone(),
            message: e.to_string(),
        })?;
        if record.target_ids.is_empty() && record.control_ids.is_empty() {
            return Err(SentError::NoCustomers {
                record: record_path,
            });
        }
        Ok(Sent { record })
    }

    /// `customer_id` and [`GROUP_COLUMN`] (`target` or `control`), one row per
    /// customer of the list's groups: the audience the readout compares.
    pub fn groups(&self) -> PolarsResult<DataFrame> {
        let ids = &self.record;
        let customers: Vec<&str> = ids
            .target_ids
            .iter()
            .chain(&ids.control_ids)
            .map(String::as_str)
            .collect();
        let groups: Vec<&str> = std::iter::repeat_n("target", ids.target_ids.len())
            .chain(std::iter::repeat_n("control", ids.control_ids.len()))
            .collect();
        DataFrame::new(
            customers.len(),
            vec![
                Column::new("customer_id".into(), customers),
                Column::new(GROUP_COLUMN.into(), groups),
            ],
        )
    }

    /// "the list sent 2026-11-23T08:00:00Z (447 targets, 50 in the control group)".
    pub fn describe(&self) -> String {
        let targets = self.record.target_ids.len();
        tr!(
            "export-sent-describe",
            time = self.record.created_at.as_str(),
            targets = count(targets),
            n = targets,
            controls = count(self.record.control_ids.len())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::campaign::{CampaignExport, CampaignFormat, export_campaign};
    use crate::export::headers::Headers;
    use polars::df;

    #[test]
    fn the_record_of_a_sent_list_gives_back_both_groups() {
        let dir = tempfile::tempdir().expect("dir");
        let list = dir.path().join("spring.csv");
        let audience = df!(
            "customer_id" => ["C1", "C2", "C3", "C4"],
            "email" => [Some("a@x.com"), None, Some("c@x.com"), Some("d@x.com")],
            "group" => ["target", "target", "control", "target"],
        )
        .expect("audience");
        let options = CampaignExport {
            format: CampaignFormat::Meta,
            bom: false,
            default_country_code: "86".into(),
            campaign_name: "spring".into(),
            headers: Headers::English,
        };
        let sidecar = Sidecar::new(serde_json::json!({}), vec![], 1);
        let written = export_campaign(&audience, &list, &options, &sidecar).expect("export");
        assert_eq!(written.rows, 2, "C2 has no contact: not in the ad list");

        let sent = Sent::read(&list).expect("read back");
        let groups = sent.groups().expect("groups");
        let column = |name: &str| -> Vec<String> {
            let values = groups.column(name).and_then(|c| c.str().cloned());
            values
                .expect(name)
                .iter()
                .flatten()
                .map(String::from)
                .collect()
        };
        // Every assigned target, also C2, whom the ad list could not hold.
        assert_eq!(column("customer_id"), ["C1", "C2", "C4", "C3"]);
        assert_eq!(column("group"), ["target", "target", "target", "control"]);
        assert!(
            sent.describe()
                .contains("(3 targets, 1 in the control group)")
        );
        // The record itself can be chosen too.
        let by_record = Sent::read(&sidecar_path(&list)).expect("by record");
        assert_eq!(by_record.record.target_ids.len(), 3);
    }

    #[test]
    fn a_list_without_its_record_says_what_to_choose() {
        let dir = tempfile::tempdir().expect("dir");
        let list = dir.path().join("spring.csv");
        std::fs::write(&list, "email\na@x.com\n").expect("write");
        let error = Sent::read(&list).expect_err("no record");
        assert!(matches!(error, SentError::Unreadable { .. }));
        assert!(error.to_string().contains("spring.csv.json"), "{error}");
        std::fs::write(sidecar_path(&list), "{\"rows\": 1}").expect("write");
        let error = Sent::read(&list).expect_err("not a record");
        assert!(matches!(error, SentError::Invalid { .. }), "{error}");
    }

    #[test]
    fn a_list_written_with_chinese_headers_reads_back() {
        let dir = tempfile::tempdir().expect("dir");
        let list = dir.path().join("春季.csv");
        let audience = df!(
            "customer_id" => ["C1", "C2", "C3"],
            "rfm_group" => ["Champions", "Loyal", "Champions"],
            "group" => ["target", "control", "target"],
        )
        .expect("audience");
        let options = CampaignExport {
            format: CampaignFormat::Csv,
            bom: true,
            default_country_code: "86".into(),
            campaign_name: "spring".into(),
            headers: Headers::Chinese,
        };
        let sidecar = Sidecar::new(serde_json::json!({}), vec![], 1);
        export_campaign(&audience, &list, &options, &sidecar).expect("export");
        let text = std::fs::read_to_string(&list).expect("list");
        let header = text.trim_start_matches('\u{feff}').lines().next();
        assert_eq!(header, Some("客户ID,RFM分组,分组"));
        assert!(text.contains("C1,Champions,target"), "values stay: {text}");

        let sent = Sent::read(&list).expect("read back");
        assert_eq!(sent.record.headers, Headers::Chinese);
        assert_eq!(sent.record.target_ids, ["C1", "C3"]);
        assert_eq!(sent.record.control_ids, ["C2"]);
        let groups = sent.groups().expect("groups");
        assert_eq!(groups.height(), 3);
        let control = std::fs::read_to_string(dir.path().join("春季.control.csv"));
        assert!(control.expect("control").contains("客户ID"));
    }
}
