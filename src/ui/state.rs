//! What the window remembers between runs: recent files, the options confirmed per
//! file signature, theme, tab and table selection. Saved through eframe's storage;
//! every field has a default, so an older or damaged save simply starts fresh.

use crate::workspace::Focus;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::data::LoadOptions;
use crate::i18n::{self, Language};
use crate::tr;
use crate::workspace::SortKey;

/// At most this many recent files are kept.
pub const MAX_RECENT: usize = 10;

/// The capabilities, one tab each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Data,
    Behaviour,
    Segments,
    Value,
    Recommendations,
    Forecast,
    Campaigns,
    Service,
}

impl Tab {
    pub const ALL: [Tab; 8] = [
        Tab::Data,
        Tab::Behaviour,
        Tab::Segments,
        Tab::Value,
        Tab::Recommendations,
        Tab::Forecast,
        Tab::Campaigns,
        Tab::Service,
    ];

    pub fn label(self) -> String {
        match self {
            Tab::Data => tr!("tab-data"),
            Tab::Behaviour => tr!("tab-behaviour"),
            Tab::Segments => tr!("tab-segments"),
            Tab::Value => tr!("tab-value"),
            Tab::Recommendations => tr!("tab-recommendations"),
            Tab::Forecast => tr!("tab-forecast"),
            Tab::Campaigns => tr!("tab-campaigns"),
            Tab::Service => tr!("tab-service"),
        }
    }

    /// What the workspace's update step keeps fresh while this tab is shown.
    pub fn focus(self) -> Focus {
        match self {
            Tab::Data => Focus::Data,
            Tab::Behaviour => Focus::Behaviour,
            Tab::Segments => Focus::Segments,
            Tab::Value => Focus::Value,
            Tab::Recommendations => Focus::Recommendations,
            Tab::Forecast => Focus::Forecast,
            Tab::Campaigns => Focus::Campaigns,
            Tab::Service => Focus::Service,
        }
    }
}

/// Light or dark colours, or whatever the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn label(self) -> String {
        match self {
            Theme::System => tr!("theme-system"),
            Theme::Light => tr!("theme-light"),
            Theme::Dark => tr!("theme-dark"),
        }
    }

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Which table the Data tab shows, and how.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TableSelection {
    /// The loaded file shown; None: the first orders file, else the first file.
    pub table: Option<PathBuf>,
    pub sort: Option<SortKey>,
    /// Not saved: a filter from last time would hide rows without saying why.
    #[serde(skip)]
    pub filter: String,
}

/// Settings and selections, saved between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    /// Options the operator confirmed, by header signature.
    pub remembered: BTreeMap<String, LoadOptions>,
    pub theme: Theme,
    /// The language chosen in the toolbar; None: the system's.
    pub language: Option<Language>,
    /// The symbol money figures show (the toolbar's View menu).
    pub currency: super::format::Currency,
    /// The column headers table exports write (beside the export buttons).
    pub export_headers: crate::export::headers::Headers,
    pub tab: Tab,
    pub table: TableSelection,
    /// Segment names the operator gave, by `SegmentsResults::name_key`.
    pub segment_names: BTreeMap<String, String>,
    /// The Behaviour tab's view choices (week/month trend, …), by name; only the
    /// second choices are stored.
    pub behaviour_toggles: BTreeMap<String, bool>,
    /// The campaign being edited and its saved variants.
    pub campaigns: super::campaigns::CampaignUiState,
    /// The customer message typed in the Service tab for suggested replies; not
    /// saved (it may hold a customer's words).
    #[serde(skip)]
    pub service_query: String,
    /// An intent name being typed in the Service tab, and those added: choices
    /// for labelling until a message carries them (then the labels keep them).
    #[serde(skip)]
    pub service_new_intent: String,
    #[serde(skip)]
    pub service_new_intents: Vec<String>,
    /// Where the Service tab's FAQ export goes (relative: beside the data).
    #[serde(skip)]
    pub service_faq_path: String,
    /// Tables at least this large in memory (bytes) are offered "Make a fast
    /// copy" on the Data tab; None: `data::load::cache::WORTH_BYTES`.
    pub copy_offer_bytes: Option<u64>,
}

impl UiState {
    /// The language the window is shown in: the one chosen, else the system's.
    pub fn shown_language(&self) -> Language {
        self.language.unwrap_or_else(i18n::system_language)
    }

    /// Puts `path` first in the recent files.
    pub fn add_recent(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut state = UiState::default();
        for i in 0..15 {
            state.add_recent(Path::new(&format!("f{i}.csv")));
        }
        state.add_recent(Path::new("f10.csv"));
        assert_eq!(state.recent_files.len(), MAX_RECENT);
        assert_eq!(state.recent_files[0], Path::new("f10.csv"));
        assert_eq!(state.recent_files[1], Path::new("f14.csv"));
        assert_eq!(
            state
                .recent_files
                .iter()
                .filter(|p| *p == Path::new("f10.csv"))
                .count(),
            1
        );
    }

    #[test]
    fn an_old_save_with_missing_fields_still_loads() {
        let state: UiState =
            serde_json::from_str(r#"{"theme":"Dark","unknown":1}"#).expect("old save");
        assert_eq!(state.theme, Theme::Dark);
        assert_eq!(state.tab, Tab::Data);
        assert!(state.recent_files.is_empty());
    }
}
