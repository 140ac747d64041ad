//! What goes wrong with a tab's settings: a value a project file holds (or the
//! command line gives) that the tab cannot run with. Each capability's settings
//! type checks itself before any work starts (`check`) and reads a project's
//! saved value into a `Result`, so a bad saved setting is reported by name when
//! the project opens instead of silently falling back.

/// A setting that cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SettingsError {
    /// The saved value does not read as these settings (a wrong type, an unknown
    /// name).
    #[error("{0}")]
    Unreadable(String),
    /// A field holds a value the tab cannot run with.
    #[error("{}", invalid_text(.field, .value, .why))]
    Invalid {
        field: &'static str,
        value: String,
        why: String,
    },
}

fn invalid_text(field: &str, value: &str, why: &str) -> String {
    crate::tr!(
        "workspace-setting-invalid",
        field = field,
        value = value,
        why = why
    )
}

impl SettingsError {
    /// A field with a value the tab cannot run with.
    pub fn invalid(field: &'static str, value: impl ToString, why: impl Into<String>) -> Self {
        SettingsError::Invalid {
            field,
            value: value.to_string(),
            why: why.into(),
        }
    }
}

impl From<serde_json::Error> for SettingsError {
    fn from(error: serde_json::Error) -> Self {
        SettingsError::Unreadable(error.to_string())
    }
}

/// Serde by the model's name ("item-knn"), as projects and the command line
/// write it.
pub mod model_kind_name {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::analysis::recommend::ModelKind;

    pub fn serialize<S: Serializer>(kind: &ModelKind, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(kind.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ModelKind, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}
