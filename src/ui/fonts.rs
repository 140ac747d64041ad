//! Fonts that draw Chinese: the bundled Noto Sans SC subset (ASCII, Latin-1, CJK
//! punctuation, full-width forms, every GB2312 hanzi; see `assets/fonts/`) is a
//! fallback after egui's own fonts in both the proportional and the monospace
//! family, and the first system CJK font found follows it for rarer characters.

use std::path::Path;
use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The bundled subset (about 3 MB), made by `assets/fonts/make-subset.sh`.
const BUNDLED_CJK: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

/// System CJK fonts tried in order: (path, index of the Simplified Chinese face).
const SYSTEM_CJK: [(&str, u32); 9] = [
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    (
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        2,
    ),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("C:\\Windows\\Fonts\\simsun.ttc", 0),
];

/// egui's default fonts plus the CJK fallbacks.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    add_fallback(
        &mut fonts,
        "noto-sans-sc-subset",
        FontData::from_static(BUNDLED_CJK),
    );
    if let Some(system) = SYSTEM_CJK
        .iter()
        .find_map(|(path, index)| system_font(Path::new(path), *index))
    {
        add_fallback(&mut fonts, "system-cjk", system);
    }
    fonts
}

/// Installs the fonts in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

fn system_font(path: &Path, index: u32) -> Option<FontData> {
    let bytes = std::fs::read(path).ok()?;
    let mut font = FontData::from_owned(bytes);
    font.index = index;
    Some(font)
}

fn add_fallback(fonts: &mut FontDefinitions, name: &str, data: FontData) {
    fonts.font_data.insert(name.to_owned(), Arc::new(data));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(name.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_follows_the_defaults_in_both_families() {
        let fonts = definitions();
        assert!(fonts.font_data.contains_key("noto-sans-sc-subset"));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            let list = &fonts.families[&family];
            let at = list.iter().position(|n| n == "noto-sans-sc-subset");
            assert!(at.is_some_and(|i| i > 0), "{family:?}: {list:?}");
        }
    }
}
