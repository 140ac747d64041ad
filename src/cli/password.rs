//! `marketbench password remember URL` (the password read from standard input)
//! and `marketbench password forget URL`: a database password in the desktop
//! keyring (`data::db::keyring`), which `--db` runs and projects on this
//! computer then use when the URL and the environment give none. The window's
//! database dialog stores the same entries ("Remember the password").

use std::io::BufRead as _;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};

use crate::data::db::{DbUrl, keyring};

#[derive(Debug, Args)]
pub struct PasswordArgs {
    #[command(subcommand)]
    pub action: PasswordAction,
}

#[derive(Debug, Subcommand)]
pub enum PasswordAction {
    /// Store the password read from standard input (one line) for URL.
    Remember {
        /// The database URL, without the password (postgres://… or mysql://…).
        url: String,
    },
    /// Remove the password stored for URL.
    Forget {
        /// The database URL, without the password.
        url: String,
    },
}

/// `password remember` / `password forget`.
pub fn run(args: &PasswordArgs) -> anyhow::Result<String> {
    match &args.action {
        PasswordAction::Remember { url } => {
            let url = DbUrl::parse(url)?.shown();
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("reading the password from standard input")?;
            let password = line.trim_end_matches(['\n', '\r']);
            if password.is_empty() {
                bail!(
                    "no password on standard input: pipe it in, e.g. `printf %s \"$PW\" | marketbench password remember {url}`"
                );
            }
            keyring::remember(&url, password)?;
            Ok(format!("remembered the password of {url} in the keyring\n"))
        }
        PasswordAction::Forget { url } => {
            let url = DbUrl::parse(url)?.shown();
            keyring::forget(&url)?;
            Ok(format!("the keyring keeps no password of {url} now\n"))
        }
    }
}
