//! The jobs module: progress, cancel between steps, stale results dropped, panics
//! captured, and the last good value kept while a new job runs.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use marketbench::jobs::{Cancelled, JobError, Progress, Slot, Wake, no_wake, spawn};

/// Polls a slot until its job ends (bounded, so a broken job fails the test).
fn settle<T: Send + 'static>(slot: &mut Slot<T>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while slot.pending().is_some() {
        slot.poll();
        assert!(Instant::now() < deadline, "job did not finish");
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn progress_is_reported_and_wake_is_called() {
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = wakes.clone();
    let wake: Wake = Arc::new(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let (go, wait) = channel::<()>();
    let job = spawn("count", 1, wake, move |progress: &Progress| {
        progress.set_message("counting");
        progress.report(3, 10);
        wait.recv().ok();
        Ok(42)
    });
    let deadline = Instant::now() + Duration::from_secs(10);
    while job.progress().snapshot().done != 3 {
        assert!(Instant::now() < deadline);
        std::thread::sleep(Duration::from_millis(1));
    }
    let snapshot = job.progress().snapshot();
    assert_eq!(snapshot.total, 10);
    assert_eq!(snapshot.message, "counting");
    assert_eq!(snapshot.fraction(), Some(0.3));
    assert!(job.try_take().is_none(), "still running");
    go.send(()).expect("job waits");
    assert_eq!(job.wait(), Ok(42));
    // The end wake follows the result (so a woken UI always finds it): wait for it.
    let deadline = Instant::now() + Duration::from_secs(10);
    while wakes.load(Ordering::SeqCst) < 3 {
        assert!(Instant::now() < deadline, "message, report and end wake");
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn cancel_stops_between_steps() {
    let steps = Arc::new(AtomicUsize::new(0));
    let seen = steps.clone();
    let job = spawn("long", 1, no_wake(), move |progress: &Progress| {
        for step in 0..10_000u64 {
            progress.check()?;
            seen.fetch_add(1, Ordering::SeqCst);
            progress.report(step, 10_000);
            std::thread::sleep(Duration::from_millis(1));
        }
        Ok(())
    });
    while steps.load(Ordering::SeqCst) < 3 {
        std::thread::sleep(Duration::from_millis(1));
    }
    job.cancel();
    assert_eq!(job.wait(), Err(JobError::Cancelled));
    assert!(steps.load(Ordering::SeqCst) < 10_000);
}

#[test]
fn a_cancelled_error_is_reported_as_cancelled() {
    let job = spawn(
        "self-cancel",
        1,
        no_wake(),
        |_: &Progress| -> anyhow::Result<()> { Err(Cancelled.into()) },
    );
    assert_eq!(job.wait(), Err(JobError::Cancelled));
}

#[test]
fn errors_keep_their_context() {
    use anyhow::Context;
    let job = spawn(
        "fails",
        1,
        no_wake(),
        |_: &Progress| -> anyhow::Result<()> {
            Err(anyhow::anyhow!("row 7, column 'amount': value 'abc'"))
                .context("loading orders.csv")
        },
    );
    match job.wait() {
        Err(JobError::Failed(message)) => {
            assert!(message.contains("loading orders.csv"), "{message}");
            assert!(message.contains("row 7"), "{message}");
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn a_panicking_job_becomes_an_error() {
    let job = spawn(
        "panics",
        1,
        no_wake(),
        |_: &Progress| -> anyhow::Result<u8> {
            let values: Vec<u8> = Vec::new();
            Ok(values[3])
        },
    );
    match job.wait() {
        Err(JobError::Panicked(message)) => assert!(message.contains("index out of bounds")),
        other => panic!("expected a panic error, got {other:?}"),
    }
    // The process lives on and can run more jobs.
    assert_eq!(
        spawn("after", 2, no_wake(), |_: &Progress| Ok(1)).wait(),
        Ok(1)
    );
}

#[test]
fn slot_keeps_the_old_value_while_a_new_job_runs() {
    let mut slot: Slot<u32> = Slot::default();
    slot.start("first", no_wake(), |_: &Progress| Ok(1));
    settle(&mut slot);
    assert_eq!(slot.value(), Some(&1));

    let (go, wait) = channel::<()>();
    slot.start("second", no_wake(), move |_: &Progress| {
        wait.recv().ok();
        Ok(2)
    });
    slot.poll();
    assert_eq!(slot.value(), Some(&1), "old value stays on screen");
    assert!(slot.pending().is_some());
    go.send(()).expect("job waits");
    settle(&mut slot);
    assert_eq!(slot.value(), Some(&2));
}

#[test]
fn slot_drops_a_result_whose_inputs_changed() {
    let mut slot: Slot<&'static str> = Slot::default();
    slot.set("current");
    let (go, wait) = channel::<()>();
    slot.start("stale", no_wake(), move |_: &Progress| {
        wait.recv().ok();
        Ok("stale")
    });
    slot.invalidate();
    go.send(()).expect("job waits");
    settle(&mut slot);
    assert_eq!(slot.value(), Some(&"current"), "stale result dropped");
    assert!(slot.error().is_none());
}

#[test]
fn starting_a_new_job_cancels_the_one_it_replaces() {
    let mut slot: Slot<u32> = Slot::default();
    let (seen_cancel, cancelled) = channel::<bool>();
    slot.start("replaced", no_wake(), move |progress: &Progress| {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !progress.is_cancelled() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
        seen_cancel.send(progress.is_cancelled()).ok();
        Ok(1)
    });
    slot.start("replacement", no_wake(), |_: &Progress| Ok(2));
    assert_eq!(cancelled.recv_timeout(Duration::from_secs(10)), Ok(true));
    settle(&mut slot);
    assert_eq!(slot.value(), Some(&2));
}

#[test]
fn slot_shows_a_failure_and_keeps_the_last_good_value() {
    let mut slot: Slot<u32> = Slot::default();
    slot.set(5);
    slot.start("bad", no_wake(), |_: &Progress| -> anyhow::Result<u32> {
        anyhow::bail!("orders.csv: row 3, column 'date': value '31/02/2024'")
    });
    settle(&mut slot);
    assert_eq!(slot.value(), Some(&5));
    assert!(matches!(slot.error(), Some(JobError::Failed(m)) if m.contains("31/02/2024")));
    slot.dismiss_error();
    assert!(slot.error().is_none());
}

#[test]
fn the_bar_counts_stages_and_never_goes_back() {
    let progress = Progress::detached();
    assert_eq!(progress.snapshot().fraction(), None);
    progress.stage(0, 2);
    progress.report(5, 10);
    assert_eq!(progress.snapshot().fraction(), Some(0.25));
    // A step of the same stage that restarts its count (forest trees after the
    // features) does not move the bar back.
    progress.report(1, 100);
    assert_eq!(progress.snapshot().fraction(), Some(0.25));
    progress.report(80, 100);
    assert_eq!(progress.snapshot().fraction(), Some(0.4));
    progress.stage(1, 2);
    progress.report(1, 2);
    assert_eq!(progress.snapshot().fraction(), Some(0.75));
    // No estimate in the first seconds.
    assert_eq!(progress.snapshot().time_left(), None);
}
