//! What panels ask for: one [`Command`] enum, sent through [`Commands`] while a
//! frame is drawn and carried out by the app after it (`MarketbenchApp::handle`).
//! Panels read the workspace and never change it; the workspace's own commands
//! ([`workspace::Command`]: files and every tab) go to `Workspace::apply`, the
//! window's (dialogs, projects, names kept in `UiState`) stay with the app.

use std::path::PathBuf;

use super::campaigns::dialog::Purpose;
use super::state::Tab;
use crate::workspace;
use crate::workspace::behaviour::BehaviourCommand;
use crate::workspace::campaign::CampaignsCommand;
use crate::workspace::forecast::ForecastCommand;
use crate::workspace::recommend::RecommendCommand;
use crate::workspace::segments::SegmentsCommand;
use crate::workspace::service::ServiceCommand;
use crate::workspace::value::ValueCommand;

/// What a panel asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the system's file dialog.
    OpenDialog,
    /// Open these files (folders stand for the data files in them).
    Open(Vec<PathBuf>),
    OpenSample,
    /// Show the "Connect to database…" dialog.
    OpenDatabaseDialog,
    /// Write the Parquet copy of this text file beside it, keeping these
    /// columns as text (the loaded table's ids), so the next open is fast.
    MakeParquetCopy {
        path: PathBuf,
        text_columns: Vec<String>,
    },
    /// Show this tab (a guide step's or a missing prerequisite's button).
    GoTo(Tab),
    /// Choose where to save the project.
    SaveProjectDialog,
    /// Choose a project file to open.
    OpenProjectDialog,
    /// Save the project of what is open to this file.
    SaveProject(PathBuf),
    /// Open this project file, replacing the open files.
    OpenProject(PathBuf),
    /// Show a Campaigns file dialog: a save dialog suggesting `file_name` when
    /// `save`, else an open dialog (the tab takes the answer by its purpose).
    CampaignFileDialog {
        purpose: Purpose,
        save: bool,
        file_name: String,
    },
    /// Save the operator's name for a segment (empty: back to the proposed one).
    RenameSegment {
        key: String,
        name: String,
    },
    /// A command of the workspace: files and every tab's work (boxed: a campaign
    /// definition is far larger than the window's own commands).
    Workspace(Box<workspace::Command>),
}

impl From<workspace::Command> for Command {
    fn from(command: workspace::Command) -> Self {
        Command::Workspace(Box::new(command))
    }
}

macro_rules! from_tab_command {
    ($($command:ty),* $(,)?) => {
        $(impl From<$command> for Command {
            fn from(command: $command) -> Self {
                Command::Workspace(Box::new(command.into()))
            }
        })*
    };
}

from_tab_command!(
    BehaviourCommand,
    SegmentsCommand,
    RecommendCommand,
    ForecastCommand,
    ValueCommand,
    CampaignsCommand,
    ServiceCommand,
);

/// The sender panels get: commands queue here until the frame is drawn.
#[derive(Debug, Default)]
pub struct Commands {
    queued: Vec<Command>,
}

impl Commands {
    /// Queues a command (a tab's own command converts itself).
    pub fn send(&mut self, command: impl Into<Command>) {
        self.queued.push(command.into());
    }

    /// The queued commands, oldest first; the queue is left empty.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.queued)
    }
}
