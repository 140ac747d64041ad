//! Entry point: no command opens the window; a command runs headless.

use std::process::ExitCode;

use clap::Parser;
use marketbench::cli::{self, Cli};

fn main() -> ExitCode {
    let parsed = Cli::parse();
    let result = match parsed.command {
        None => marketbench::ui::run(marketbench::data::expand_folders(&parsed.files))
            .map(|()| String::new()),
        Some(command) => cli::run(command),
    };
    match result {
        Ok(text) => {
            if !text.is_empty() {
                println!("{}", text.trim_end());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
