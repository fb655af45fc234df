"""The one rule for text connact did not write (files, arguments, sessions) before it is shown or laid out.

Why: such text may hold control characters. On a terminal an ESC sequence can retitle the window, write
the clipboard, make a link or clear the screen; Word and Excel files cannot hold them at all (invalid
XML). Bidirectional overrides and isolates can make a text read in another order than it is written.

- `visible` (the terminal): each such character is replaced by a visible one, never dropped, so the
  reader sees that something was there. C0 controls and DEL become their Unicode control pictures
  (ESC is shown as ␛, backspace as ␈); C1 controls, bidi overrides and isolates (U+202A-U+202E,
  U+2066-U+2069), lone surrogates and the non-characters U+FFFE and U+FFFF become U+FFFD (�).
- `clean` (md, html, docx, xlsx): controls and bidi overrides and isolates are removed; lone
  surrogates and U+FFFE, U+FFFF, which no XML file may hold, become U+FFFD.

Newline and tab are kept by both. JSON keeps the text as it was, with these characters as \\u escapes.
"""

from __future__ import annotations

import re

_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_BIDI = "\u202a-\u202e\u2066-\u2069"
_INVALID = "\ud800-\udfff\ufffe\uffff"
UNSAFE = re.compile(f"[{_CONTROL}{_BIDI}{_INVALID}]")
_REMOVED = re.compile(f"[{_CONTROL}{_BIDI}]")
_NOT_XML = re.compile(f"[{_INVALID}]")
REPLACEMENT = "\ufffd"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    return "\u2421" if code == 0x7F else REPLACEMENT  # ␡ for DEL


def visible(text: str) -> str:
    """`text` for the terminal: every control, bidi override or invalid character replaced visibly."""
    return UNSAFE.sub(_picture, text) if UNSAFE.search(text) else text


def clean(text: str) -> str:
    """`text` for a document: controls and bidi overrides removed, what XML cannot hold replaced by �."""
    if not UNSAFE.search(text):
        return text
    return _NOT_XML.sub(REPLACEMENT, _REMOVED.sub("", text))
