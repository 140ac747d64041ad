//! A release `marketbench` command run as a child process and measured: exit
//! code, wall and CPU time (user + system, `wait4`), and two peaks: the
//! kernel's maximum resident set (`ru_maxrss`, which counts the pages of a
//! file that polars maps to read it) and the process's own memory (`RssAnon`
//! in `/proc/PID/status`, sampled every 20 ms).

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Instant;

/// What one run of a command took.
pub struct Run {
    pub code: i32,
    pub wall: f64,
    pub cpu: f64,
    /// Peak resident MB, with mapped file pages.
    pub peak_mb: f64,
    /// Peak own (anonymous) MB.
    pub own_mb: f64,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `marketbench ARGS` with the environment variables `env` and measures it.
pub fn measure(args: &[&str], env: &[(&str, &str)]) -> anyhow::Result<Run> {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_marketbench"))
        .args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let pid = child.id() as libc::pid_t;
    let own = std::thread::spawn(move || peak_own_mb(pid));
    let mut stderr_pipe = child.stderr.take();
    let stderr = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(pipe) = stderr_pipe.as_mut() {
            let _ = pipe.read_to_string(&mut text);
        }
        text
    });
    let mut stdout = Vec::new();
    if let Some(mut pipe) = child.stdout.take() {
        pipe.read_to_end(&mut stdout)?;
    }
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, with valid pointers to locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    anyhow::ensure!(waited == pid, "waiting for the command failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(Run {
        code,
        wall: started.elapsed().as_secs_f64(),
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        // ru_maxrss is in kilobytes on Linux.
        peak_mb: usage.ru_maxrss as f64 / 1024.0,
        own_mb: own.join().unwrap_or(0.0),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// The largest `RssAnon` of process `pid`, in MB, sampled until it exits (an
/// exited process's status has no such line).
fn peak_own_mb(pid: libc::pid_t) -> f64 {
    let mut peak = 0.0_f64;
    while let Some(own) = super::status_mb(&pid.to_string(), "RssAnon:") {
        peak = peak.max(own);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    peak
}
