//! Driving a `Workspace` without a window, as the window does each frame.

use std::collections::BTreeMap;
use std::time::Duration;

use marketbench::workspace::{Focus, Workspace};

/// Polls and runs the update step for `focus` until `done` holds (at most a
/// minute), then returns; panics naming `what` when it never does.
pub fn settle(
    workspace: &mut Workspace,
    focus: Focus,
    what: &str,
    done: impl Fn(&Workspace) -> bool,
) {
    let remembered = BTreeMap::new();
    for _ in 0..6_000 {
        workspace.poll(&remembered);
        workspace.update(focus);
        if done(workspace) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("gave up waiting for {what}");
}
