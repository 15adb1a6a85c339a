"""Text from models, ladders and users made safe to show: as Markdown text, in a terminal.

Nothing a model, a ladder file or another person writes may become page markup,
fetch a remote image, or drive the terminal (OSC 52 clipboard writes, title changes).
"""

from __future__ import annotations

import html
import re
import unicodedata

# CSI, OSC (ended by BEL or ST), other ESC sequences, then lone C0/C1 controls.
TERMINAL_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x1b]*(?:\x07|\x1b\\)?"
)
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional overrides and isolates reorder text on screen (title spoofing).
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
MARKDOWN_IMAGE = re.compile(r"!\[")
UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(?!https?:|mailto:|#)[^)\s]*", re.I)


def strip_terminal_escapes(text: str) -> str:
    """Remove escape sequences and control characters; keeps tabs and newlines."""
    return CONTROLS.sub("", TERMINAL_ESCAPES.sub("", text))


def clean_title(text: str) -> str:
    """A one-line title without bidi overrides or controls."""
    return " ".join(BIDI_CONTROLS.sub("", strip_terminal_escapes(text)).split())


def is_invisible(text: str) -> bool:
    """True when nothing in ``text`` would show: spaces, zero-width and format characters."""
    return all(ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs") for ch in text)


def safe_markdown(text: str) -> str:
    """Markdown that renders no HTML, no images and only http(s)/mailto links.

    HTML is escaped so the renderer shows it as text; ``![`` is escaped so an image
    becomes its alt text and address; a link to any other scheme keeps only its text.
    """
    escaped = html.escape(strip_terminal_escapes(text), quote=False)
    escaped = MARKDOWN_IMAGE.sub(r"!\\[", escaped)
    return UNSAFE_LINK.sub("](#", escaped)
