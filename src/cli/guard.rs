//! The overwrite guard: a command never writes its output over one of the files
//! it reads — a data file (or one in a folder it was given), the project file and
//! the project's data files, a readout file — nor over a link to one of them
//! (the same file by device and inode), and neither does a campaign list's
//! sidecar (`<file>.json`) or control file (`<name>.control.csv`). Checked before any work starts.

use std::path::{Path, PathBuf};

use anyhow::bail;

use super::Command;
use crate::data::expand_folders;
use crate::export::campaign::{control_path, sidecar_path};

/// Refuses `command` when a file it would write is one of its inputs.
pub fn check(command: &Command) -> anyhow::Result<()> {
    let (inputs, outputs) = io(command);
    let inputs = expand_folders(&inputs);
    for out in outputs {
        let Some(written) = identity(&out) else {
            continue;
        };
        if let Some(input) = inputs.iter().find(|i| identity(i) == Some(written)) {
            let how = if is_link(&out) {
                " (through a link)"
            } else {
                ""
            };
            bail!(
                "{}: refusing to write there: it is the input file {}{how}, which this command \
                 reads, and writing would replace it. Choose another output file.",
                out.display(),
                input.display(),
            );
        }
    }
    Ok(())
}

/// The files and folders `command` reads, as given (a campaign's project and its
/// data files).
pub fn inputs(command: &Command) -> Vec<PathBuf> {
    io(command).0
}

/// The files `command` reads (folders stand for their data files) and the files
/// it would write.
fn io(command: &Command) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let out = |out: &Option<PathBuf>| out.iter().cloned().collect::<Vec<_>>();
    match command {
        Command::Campaign(args) => {
            let mut inputs = vec![args.project.clone()];
            inputs.extend(project_files(&args.project));
            inputs.extend(args.readout.iter().cloned());
            let outputs = args
                .out
                .iter()
                .flat_map(|o| [o.clone(), sidecar_path(o), control_path(o)])
                .collect();
            (inputs, outputs)
        }
        Command::Project(args) => {
            let super::campaign::ProjectAction::New(new) = &args.action;
            (new.files.clone(), vec![new.out.clone()])
        }
        // The copy's name is never an input's: `cache::make` refuses to replace
        // any file it did not make.
        Command::Cache(args) => (args.files.clone(), Vec::new()),
        Command::Forecast(args) => (args.files.clone(), out(&args.out)),
        Command::Rfm(args) => (args.files.clone(), out(&args.out)),
        Command::Recommend(args) => (args.files.clone(), out(&args.out)),
        Command::Rules(args) => (args.files.clone(), out(&args.out)),
        Command::Segment(args) => (args.files.clone(), out(&args.out)),
        Command::Propensity(args) => (args.files.clone(), out(&args.out)),
        Command::Clv(args) => (args.files.clone(), out(&args.out)),
        Command::Service(args) => (
            args.files.clone(),
            [&args.out, &args.faq]
                .into_iter()
                .flatten()
                .cloned()
                .collect(),
        ),
        Command::Inspect(_) | Command::Evaluate(_) | Command::Sample(_) | Command::Password(_) => {
            (Vec::new(), Vec::new())
        }
    }
}

/// The data files a project file names, resolved against its folder (none when
/// it does not read as a project: the command then says so itself).
fn project_files(project: &Path) -> Vec<PathBuf> {
    let Ok(text) = std::fs::read(project) else {
        return Vec::new();
    };
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&text) else {
        return Vec::new();
    };
    let folder = project.parent().unwrap_or(Path::new("."));
    value["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|file| file["path"].as_str())
        .map(|path| folder.join(path))
        .collect()
}

/// The file behind `path` (links followed), None when there is none yet.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

/// The file behind `path` (links followed), None when there is none yet.
#[cfg(not(unix))]
fn identity(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}
