//! Every command over every file of the hostile corpus (`common::hostile`), each
//! run in a child process with a memory cap (8 GB of address space) and a time
//! limit: it must end with exit code 0, or 1 with an `error:` line; never a
//! panic, an abort (a stack overflow or a failed allocation), a signal or a
//! hang; and every refusal names the file. The slowest run and the total are
//! printed (`--nocapture`).

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The commands run on each file (each with the file as its only input).
const COMMANDS: [&[&str]; 8] = [
    &["inspect"],
    &["rfm"],
    &["segment"],
    &["forecast"],
    &["recommend", "--model", "popular"],
    &["rules"],
    &["propensity"],
    &["clv"],
];

/// The longest a run may take before it counts as a hang.
const LIMIT: Duration = Duration::from_secs(120);

/// What one run did.
struct Run {
    what: String,
    code: Option<i32>,
    stderr: String,
    took: Duration,
}

fn run(command: &[&str], file: &Path) -> Run {
    let what = format!("{} {}", command.join(" "), file.display());
    // The shell caps the address space, then becomes the command.
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 8000000 2>/dev/null; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_marketbench"))
        .args(command)
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("status") {
            break Some(status);
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = started.elapsed();
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        use std::io::Read as _;
        let _ = pipe.read_to_string(&mut stderr);
    }
    Run {
        what,
        code: status.and_then(|s| s.code()),
        stderr,
        took,
    }
}

#[test]
fn no_command_crashes_hangs_or_panics_on_any_hostile_file() {
    let dir = tempfile::tempdir().expect("dir");
    let files = common::hostile::write_corpus(dir.path());
    assert!(files.len() >= 80, "{} files", files.len());
    let jobs: Vec<(&[&str], &Path)> = files
        .iter()
        .flat_map(|f| COMMANDS.iter().map(move |c| (*c, f.as_path())))
        .collect();
    let next = Mutex::new(jobs.into_iter());
    let runs = Mutex::new(Vec::new());
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                loop {
                    let job = next.lock().expect("jobs").next();
                    let Some((command, file)) = job else { break };
                    let done = run(command, file);
                    runs.lock().expect("runs").push(done);
                }
            });
        }
    });
    let runs = runs.into_inner().expect("runs");
    let failures: Vec<String> = runs
        .iter()
        .filter_map(|r| {
            let panicked = r.stderr.contains("panicked") || r.stderr.contains("RUST_BACKTRACE");
            let clear_error = r.code == Some(1) && r.stderr.contains("error:");
            let fine = (r.code == Some(0) || clear_error) && !panicked;
            (!fine).then(|| {
                let how = match r.code {
                    None => "hung or was killed by a signal".to_string(),
                    Some(code) => format!("exit code {code}"),
                };
                format!("{}: {how}\n{}", r.what, r.stderr.trim())
            })
        })
        .collect();
    let slowest = runs.iter().max_by_key(|r| r.took).expect("runs");
    let refused = runs.iter().filter(|r| r.code == Some(1)).count();
    println!(
        "{} runs over {} files in {:.1} s ({refused} clear refusals); slowest: {} ({:.2} s)",
        runs.len(),
        files.len(),
        started.elapsed().as_secs_f64(),
        slowest.what,
        slowest.took.as_secs_f64()
    );
    // Every refusal names the file it is about.
    let unnamed: Vec<String> = runs
        .iter()
        .filter(|r| r.code == Some(1))
        .filter(|r| {
            !r.stderr
                .contains(r.what.rsplit('/').next().unwrap_or_default())
        })
        .map(|r| format!("{}: {}", r.what, r.stderr.trim()))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(
        unnamed.is_empty(),
        "refusals not naming their file:\n{}",
        unnamed.join("\n")
    );
}
