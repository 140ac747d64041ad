//! Marketbench: a desktop workbench for e-commerce marketing operators.
//!
//! Layers (see `README.md`): `data`, `analysis`, `export`, `jobs`, `numbers` and `cli` never
//! import egui nor `ui`; everything visual lives in `ui`.

pub mod analysis; // figures computed from loaded data: summary, daily series
pub mod cli; // headless commands over the same functions the window uses
pub mod data; // files into polars: formats, encodings, column roles, load report, sample shop
pub mod export; // tables out to CSV and XLSX, atomically, safe for spreadsheets
pub mod i18n; // the message catalogue: English and 简体中文
pub mod jobs; // background work with progress, cancel and generation ids
pub mod numbers; // counts, decimals and percents with thousands separators (no UI)
pub mod ui; // the eframe app: one file per panel
pub mod workspace; // loaded files, files on their way in and results computed from them (no egui)

/// mimalloc keeps freed memory for reuse instead of handing every large column
/// back to the OS, so loading and cleaning a big file is not dominated by page faults.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (`mimalloc.h`); the sys
/// crate names no constant for it. Its default is 1000 ms.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed pages wait before they go back to the OS: 100 ms instead of
/// mimalloc's 1000. Freed pages of polars' worker threads otherwise stay resident
/// across the steps of a command. On 16.9 M order lines (release): `segment`
/// peaked at 4.73 GB with the default and 4.20 GB with 100 ms in the same time;
/// 0 ms saved no more and made `recommend` 45 % slower (41 → 60 s).
const PURGE_DELAY_MS: std::ffi::c_long = 100;

/// Sets the allocator's purge delay ([`PURGE_DELAY_MS`]). Call first thing in
/// `main`, before any other thread exists.
pub fn return_freed_memory_promptly() {
    // SAFETY: sets one integer option; called before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) }
}

/// Hands the memory freed so far back to the OS now, not after the purge delay.
/// For steps that free a big column and allocate the next at once (the load's
/// table, column by column): on 5 M lines of a 229 MB file the load peaked at
/// 771–807 MB without it, 696–717 MB with it.
pub fn return_freed_memory_now() {
    // SAFETY: mimalloc is the global allocator; `mi_collect` only frees its own
    // unused pages and may be called from any thread.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_option_is_mimallocs_purge_delay() {
        // The index is right if it holds purge_delay's documented default (1000 ms)
        // before and ours after.
        let read = || unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(read(), 1000);
        super::return_freed_memory_promptly();
        assert_eq!(read(), super::PURGE_DELAY_MS);
    }
}
