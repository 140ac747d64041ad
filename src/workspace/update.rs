//! The one way work starts: commands the window (or a test) sends, carried out
//! after the frame, and the update step that starts what is stale.
//!
//! Contract:
//! - [`Workspace::apply`] carries out a [`Command`]: a file action or a tab's own
//!   command. Panels never start jobs or write files themselves.
//! - [`Workspace::update`] runs once per frame, after the commands. While a file is
//!   inspecting or loading it starts nothing (the store is about to change).
//!   Otherwise each computation whose params or inputs changed since its last run
//!   is started when the [`Focus`] (the tab on screen) or a dependant needs it:
//!   Forecast per segment and Campaigns start Segments; Segments whose features
//!   use service signals start the Service reading first; Campaigns start Service
//!   (its customer signals) and refresh a fit the operator asked for before. Value
//!   trains only when asked (it is heavy).
//! - A dependant waits while a result it uses is computing, so it is built once on
//!   the new result rather than twice.
//! - Orders summed without loading (`Store::summed_orders`) start Behaviour,
//!   Segments, Forecast and the Recommendations fit (popularity, item-kNN) as
//!   loaded orders do; the other tabs need loaded lines.

use std::path::PathBuf;

use super::behaviour::{BehaviourCommand, segment_dropped};
use super::campaign::{CampaignsCommand, ScoreSources};
use super::forecast::ForecastCommand;
use super::recommend::RecommendCommand;
use super::segments::SegmentsCommand;
use super::service::{ServiceCommand, has_voice};
use super::value::ValueCommand;
use super::{FileId, Level, Origin, Workspace};
use crate::data::{FileKind, LoadOptions};

/// Which part of the window is on screen: what the update step keeps fresh.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    Data,
    Behaviour,
    Segments,
    Recommendations,
    Forecast,
    Value,
    Campaigns,
    Service,
}

/// What the window asks the workspace to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Inspect a waiting Excel file again with another sheet.
    Reinspect {
        id: FileId,
        sheet: String,
    },
    /// The options of a waiting file, as edited in the mapping view.
    SetOptions {
        id: FileId,
        options: LoadOptions,
    },
    /// Load a waiting file with the options edited in the mapping view.
    Load(FileId),
    /// Sum a waiting orders file too big to load, instead of loading it.
    SumWithoutLoading(FileId),
    Discard(FileId),
    CancelLoad(FileId),
    RemoveTable(PathBuf),
    /// Read a loaded file again through the mapping view, starting from the
    /// options it was read with (it stays loaded until the new read replaces it).
    Remap(PathBuf),
    CancelSummary,
    CancelView,
    /// Dismiss a notice.
    Dismiss(u64),
    Behaviour(BehaviourCommand),
    Segments(SegmentsCommand),
    Recommend(RecommendCommand),
    Forecast(ForecastCommand),
    Value(ValueCommand),
    Campaigns(CampaignsCommand),
    Service(ServiceCommand),
}

macro_rules! from_tab_command {
    ($($variant:ident($command:ty)),* $(,)?) => {
        $(impl From<$command> for Command {
            fn from(command: $command) -> Self {
                Command::$variant(command)
            }
        })*
    };
}

from_tab_command!(
    Behaviour(BehaviourCommand),
    Segments(SegmentsCommand),
    Recommend(RecommendCommand),
    Forecast(ForecastCommand),
    Value(ValueCommand),
    Campaigns(CampaignsCommand),
    Service(ServiceCommand),
);

impl Workspace {
    /// Carries out a command.
    pub fn apply(&mut self, command: Command) {
        let version = self.store_version;
        match command {
            Command::Reinspect { id, sheet } => self.reinspect(id, sheet),
            Command::SetOptions { id, options } => self.set_options(id, options),
            Command::Load(id) => self.load(id),
            Command::SumWithoutLoading(id) => self.sum_without_loading(id),
            Command::Discard(id) => self.discard(id),
            Command::CancelLoad(id) => self.cancel_load(id),
            Command::RemoveTable(path) => self.remove_table(&path),
            Command::Remap(path) => self.open(path, Origin::Remap),
            Command::CancelSummary => self.overview.cancel(),
            Command::CancelView => self.cancel_view(),
            Command::Dismiss(id) => self.dismiss(id),
            Command::Behaviour(c) => self.behaviour.apply(c, &self.store, version),
            Command::Segments(c) => {
                let service = self.service.results().current(version);
                self.segments.apply(c, &self.store, version, service);
            }
            Command::Recommend(c) => {
                let segments = self.segments.current(version);
                self.recommend.apply(c, &self.store, version, segments);
            }
            Command::Forecast(c) => {
                let segments = self.segments.current(version);
                self.forecast.apply(c, &self.store, version, segments);
            }
            Command::Value(c) => self.value.apply(c, &self.store, version),
            Command::Campaigns(c) => {
                let scores = ScoreSources::of(
                    &self.segments,
                    &self.value,
                    &self.recommend,
                    &self.service,
                    version,
                );
                self.campaigns.apply(c, &self.store, version, scores);
            }
            Command::Service(c) => self.service.apply(c, &self.store, version),
        }
    }

    /// The score results a campaign joins on: each tab's result computed on the
    /// loaded files.
    pub fn score_sources(&self) -> ScoreSources<'_> {
        ScoreSources::of(
            &self.segments,
            &self.value,
            &self.recommend,
            &self.service,
            self.store_version,
        )
    }

    /// True while a file is inspecting or loading.
    pub fn is_loading(&self) -> bool {
        self.pending
            .iter()
            .any(|p| !matches!(p.stage, super::FileStage::Mapping { .. }))
    }

    /// Starts what is stale and needed for `focus` (see the module contract).
    pub fn update(&mut self, focus: Focus) {
        if self.is_loading() {
            return;
        }
        let version = self.store_version;
        let has = |kind| self.store.of_kind(kind).next().is_some();
        let (orders, ratings, series) = (
            has(FileKind::Orders),
            has(FileKind::Ratings),
            has(FileKind::Series),
        );
        // Orders summed without loading serve RFM, segments, the shop's
        // forecast and the recommendations that read purchases per item.
        let summed = self.store.summed_orders().is_some();
        let needs_segments = match focus {
            Focus::Segments | Focus::Campaigns => true,
            Focus::Forecast => self.forecast.wants_segments(),
            _ => false,
        };
        // Segments with service signals wait for the Service reading.
        let waiting = needs_segments
            && (orders || summed)
            && self
                .segments
                .update_after_service(&mut self.service, &self.store, version);
        let segments_busy = waiting || self.segments.is_busy();
        let segments = self.segments.current(version);
        match focus {
            Focus::Behaviour if orders || summed => {
                let generation = segments.map(|s| s.generation);
                if self.behaviour.update(&self.store, version, generation) {
                    self.notify(Level::Info, segment_dropped());
                }
            }
            Focus::Recommendations if !segments_busy && (orders || summed || ratings) => {
                self.recommend.update(&self.store, version, segments, true);
            }
            Focus::Forecast if !segments_busy && (orders || summed || series) => {
                self.forecast.update(&self.store, version, segments);
            }
            Focus::Campaigns if !segments_busy && orders => {
                if has_voice(&self.store) {
                    self.service.update(&self.store, version);
                }
                if self.recommend.was_requested() {
                    self.recommend.update(&self.store, version, segments, false);
                }
                if !self.recommend.fit().is_busy() && !self.service.is_busy() {
                    let scores = ScoreSources::of(
                        &self.segments,
                        &self.value,
                        &self.recommend,
                        &self.service,
                        version,
                    );
                    self.campaigns.update(&self.store, version, scores);
                }
            }
            Focus::Service if has_voice(&self.store) => {
                self.service.update(&self.store, version);
            }
            _ => {}
        }
    }
}
