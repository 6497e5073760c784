"""Preview cards: the 1200x630 PNG a messaging app shows when a page is shared.

Drawn with Pillow from the page's title, the site's name and the edition's language, in the
site's colours (docs/assets/site.css) and with the font shipped in kb/fonts/ (so the build
downloads nothing). Each card is cached by its content: an unchanged page costs one hash and
one file copy on rebuild.

Byte-identical output: the same text, font, Pillow and drawing code always give the same bytes.
Pillow writes no timestamp into a PNG unless asked; the palette is computed without dithering.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .share import CARD_HEIGHT, CARD_WIDTH

FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans-Bold.ttf"

# The site's colours (docs/assets/site.css): primary background, white text, the dark scheme's
# accent for the rule (4.5:1 or more against the primary).
BACKGROUND = (0x1F, 0x4E, 0x5F)
TEXT = (0xFF, 0xFF, 0xFF)
SOFT_TEXT = (0xD5, 0xE4, 0xE9)
ACCENT = (0xFF, 0xB3, 0x8A)

MARGIN = 80
TITLE_SIZES = (72, 64, 56, 50, 44)   # largest that fits in MAX_TITLE_LINES wins
MAX_TITLE_LINES = 4
MAX_CHARS_PER_LINE = CARD_WIDTH    # more letters than pixels never fit (a visible glyph is a pixel wide or more)
PALETTE_COLOURS = 16                 # flat colours and anti-aliased text: 16 keep edges smooth, files small


@dataclass(frozen=True)
class CardText:
    title: str
    site_name: str
    language: str    # the edition's language, as readers name it: "English", "Español"


def _wrap(text: str, font, width: int, limit: int) -> list[str]:
    """The words in lines of at most `width` pixels, stopping after `limit` + 1 lines (enough to
    know the text does not fit in `limit`: a very long title costs no more than a short one)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        elif len(lines) > limit:
            break
        else:
            lines.append(word)
    return lines


def _fit_title(title: str, font_path: Path, width: int):
    from PIL import ImageFont
    for size in TITLE_SIZES:
        font = ImageFont.truetype(str(font_path), size)
        lines = _wrap(title, font, width, MAX_TITLE_LINES)
        if len(lines) <= MAX_TITLE_LINES and all(font.getlength(line) <= width for line in lines):
            return font, lines
    lines = lines[:MAX_TITLE_LINES]           # still too long at the smallest size: cut with an ellipsis
    while lines and font.getlength(lines[-1] + " …") > width:
        if " " in lines[-1]:                  # a line of several words fits the width: a few steps
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        else:                                 # one long word: bisection, not a letter at a time
            lines[-1] = _longest_fitting_prefix(lines[-1], lambda prefix: font.getlength(prefix + " …") <= width)
            break
    lines[-1] += " …"
    return font, lines


def _longest_fitting_prefix(word: str, fits) -> str:
    """The longest start of `word` that `fits` (widths grow with length), in log(n) measurements of
    at most `MAX_CHARS_PER_LINE` characters each: a 30,000-letter H1 costs as little as a short one."""
    low, high = 0, min(len(word), MAX_CHARS_PER_LINE)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(word[:middle]):
            low = middle
        else:
            high = middle - 1
    return word[:low]


def draw_card(text: CardText, font_path: Path = FONT) -> bytes:
    """The card as PNG bytes."""
    from io import BytesIO

    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (CARD_WIDTH, CARD_HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = CARD_WIDTH - 2 * MARGIN

    site_font = ImageFont.truetype(str(font_path), 30)
    site_lines = _wrap(text.site_name, site_font, width, 2)[:2]
    y = 64
    for line in site_lines:
        draw.text((MARGIN, y), line, font=site_font, fill=SOFT_TEXT)
        y += 40
    draw.rectangle((MARGIN, y + 14, MARGIN + 120, y + 22), fill=ACCENT)

    title_font, title_lines = _fit_title(text.title, font_path, width)
    line_height = int(title_font.size * 1.2)
    top = y + 60
    bottom = CARD_HEIGHT - 140
    block = line_height * len(title_lines)
    ty = top + max(0, (bottom - top - block) // 2)
    for line in title_lines:
        draw.text((MARGIN, ty), line, font=title_font, fill=TEXT)
        ty += line_height

    label_font = ImageFont.truetype(str(font_path), 28)
    label_width = int(label_font.getlength(text.language))
    box = (MARGIN, CARD_HEIGHT - 110, MARGIN + label_width + 40, CARD_HEIGHT - 60)
    draw.rounded_rectangle(box, radius=10, outline=ACCENT, width=3)
    draw.text((MARGIN + 20, box[1] + 9), text.language, font=label_font, fill=TEXT)

    palette = image.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = BytesIO()
    # zlib level 6, not 9 or optimize=True: 10 % larger files (still far under 60 KB), ten times faster.
    palette.save(out, format="PNG", compress_level=6)
    return out.getvalue()


@lru_cache(maxsize=4)
def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def card_key(text: CardText, font_path: Path = FONT) -> str:
    """Changes whenever anything that shapes the card's bytes changes: text, font, this code, Pillow."""
    import PIL
    parts = [text.title, text.site_name, text.language, _file_digest(font_path),
             _file_digest(Path(__file__).resolve()), PIL.__version__]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def cached_card(text: CardText, cache_dir: Path, font_path: Path = FONT) -> Path:
    """The card's file in the cache, drawn only if no card with the same key is there yet."""
    target = cache_dir / f"{card_key(text, font_path)}.png"
    if not target.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(draw_card(text, font_path))
        os.replace(temporary, target)   # atomic: two builds at once never see half a card
    return target
