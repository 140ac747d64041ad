//! What a campaign export wrote, and the sentence the window and the command
//! line show for it (in the window's language).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::numbers::count;
use crate::tr;

/// Contact cells an email or ad list could not use, counted with a few
/// examples (the list says so; the sidecar records it).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// Email cells that are not one address (`a@b`, `x@y.com; z@y.com`): left empty.
    pub invalid_emails: usize,
    /// Phone cells that are not a valid number (`12345`): left empty.
    pub invalid_phones: usize,
    /// Targets an ad list leaves out: neither a usable email nor phone.
    pub without_contact: usize,
    /// Up to five of the unusable values, as written: shown to the operator,
    /// never written to a file (an ad audience holds no raw contact value).
    #[serde(skip)]
    pub examples: Vec<String>,
}

impl Skipped {
    /// "2 emails and 1 phone were not usable (e.g. 'a@b', '12345') and left empty; 3
    /// targets had no usable contact and are not in the list", or None.
    pub fn describe(&self) -> Option<String> {
        let unusable = (self.invalid_emails + self.invalid_phones > 0).then(|| {
            let examples: Vec<String> = self.examples.iter().map(|e| format!("'{e}'")).collect();
            tr!(
                "export-skipped-unusable",
                emails = count(self.invalid_emails),
                phones = count(self.invalid_phones),
                examples = examples.join(", ")
            )
        });
        let without = (self.without_contact > 0).then(|| {
            tr!(
                "export-skipped-without-contact",
                count = count(self.without_contact),
                n = self.without_contact
            )
        });
        match (unusable, without) {
            (Some(unusable), Some(without)) => Some(tr!(
                "export-skipped-both",
                unusable = unusable,
                without = without
            )),
            (one, other) => one.or(other),
        }
    }
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    /// Rows of the list (targets).
    pub rows: usize,
    /// Contact cells and targets the list could not use.
    pub skipped: Skipped,
    /// The control file and its rows, when the audience has a control group.
    pub control: Option<(PathBuf, usize)>,
}

impl Written {
    /// "Wrote 447 rows to /a/list.csv; the control group (50 rows) to /a/list.control.csv".
    pub fn describe(&self, path: &Path) -> String {
        let mut text = tr!(
            "export-wrote-targets",
            count = count(self.rows),
            n = self.rows,
            path = path.display().to_string()
        );
        if let Some(skipped) = self.skipped.describe() {
            text.push_str(&tr!("export-wrote-skipped", skipped = skipped));
        }
        if let Some((control, rows)) = &self.control {
            text.push_str(&tr!(
                "export-wrote-control",
                count = count(*rows),
                n = *rows,
                path = control.display().to_string()
            ));
        }
        text
    }
}
