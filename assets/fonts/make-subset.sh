#!/usr/bin/env bash
# Makes NotoSansSC-Subset.otf: Noto Sans CJK SC Regular cut down to what Chinese shop
# data needs (ASCII, Latin-1, general punctuation, CJK symbols and punctuation,
# full-width forms and every GB2312 hanzi), so the window draws Chinese product names
# and headers without depending on the system's fonts.
#
# Needs (Debian): fonts-noto-cjk, and fontTools (pip install fonttools).
# The output is committed; run this only to rebuild it.
set -euo pipefail
cd "$(dirname "$0")"

source_font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
# Index of "Noto Sans CJK SC" inside the collection (JP, KR, SC, TC, HK, then Mono).
sc_index=$(python3 - "$source_font" <<'PY'
import sys
from fontTools.ttLib import TTCollection
for i, font in enumerate(TTCollection(sys.argv[1]).fonts):
    if font["name"].getDebugName(4) == "Noto Sans CJK SC":
        print(i)
        break
else:
    sys.exit("Noto Sans CJK SC not found in " + sys.argv[1])
PY
)

unicodes=$(mktemp)
trap 'rm -f "$unicodes"' EXIT
python3 - > "$unicodes" <<'PY'
# Every code point GB2312 encodes (rows 0xA1-0xF7, cells 0xA1-0xFE), plus fixed ranges.
points = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
points |= set(range(0x2000, 0x2070))   # general punctuation: dashes, quotes, ellipsis
points |= {0x20AC, 0x2103, 0x2116, 0x2122, 0x2190, 0x2191, 0x2192, 0x2193, 0x00D7, 0x00F7}
points |= set(range(0x3000, 0x3040))   # CJK symbols and punctuation
points |= set(range(0xFF00, 0xFFF0))   # full-width and half-width forms
for high in range(0xA1, 0xF8):
    for low in range(0xA1, 0xFF):
        try:
            text = bytes([high, low]).decode("gb2312")
        except UnicodeDecodeError:
            continue
        points.update(ord(c) for c in text)
print(",".join(f"U+{p:04X}" for p in sorted(points)))
PY

pyftsubset "$source_font" --font-number="$sc_index" \
  --unicodes-file="$unicodes" \
  --layout-features='*' --no-hinting --desubroutinize \
  --name-IDs='*' --name-languages='*' \
  --output-file=NotoSansSC-Subset.otf
ls -l NotoSansSC-Subset.otf
