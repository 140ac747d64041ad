//! Entry point: no command opens the window; a command runs headless.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use marketbench::cli::{self, Cli};

fn main() -> ExitCode {
    marketbench::return_freed_memory_promptly();
    marketbench::export::temp::remove_on_signal();
    let parsed = Cli::parse();
    let result = match parsed.command {
        None => marketbench::ui::run(marketbench::data::expand_folders(&parsed.files))
            .map(|()| String::new()),
        Some(command) => cli::run(command),
    };
    match result {
        Ok(text) => {
            if text.is_empty() {
                return ExitCode::SUCCESS;
            }
            // A closed pipe (`marketbench inspect … | head`) is not an error.
            match writeln!(std::io::stdout().lock(), "{}", text.trim_end()) {
                Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write the output: {error}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
