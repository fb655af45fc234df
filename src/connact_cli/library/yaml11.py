"""YAML 1.1 readings that surprise: PyYAML turns `0120000` into 40960 (octal), `1:30` into 90 (base 60)
and `.nan`/`.inf` into numbers no count or budget can be. Such a value is refused with the way out:
quote it. (Unquoted yes/no stay booleans: answers files rely on them; where text was meant, the schema's
message says to quote it.)"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from connact_cli.i18n import gettext as _

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_OCTAL = re.compile(r"[-+]?0[0-7_]+")


def surprise(node: yaml.Node, value: Any) -> str | None:
    """Why the scalar `node`, read as `value`, is refused; None when it means what it looks like."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    text = node.value
    if node.tag == _FLOAT and isinstance(value, float) and not math.isfinite(value):
        # Translators: {text} is the value as written in the file, e.g. .nan; keep the quotes around it.
        return _(
            "'{text}' is not a number connact can use; write a number, or quote it (\"{text}\") if you meant text"
        ).format(text=text)
    if node.tag not in (_INT, _FLOAT) or node.style:  # quoted (plain is None or "") or not a number: as written
        return None
    if ":" in text:
        # Translators: {text} is the value as written, e.g. 1:30; {number} what YAML reads, e.g. 90.
        return _(
            "'{text}' reads as the number {number} (YAML 1.1 base 60); quote it (\"{text}\") if you meant text"
        ).format(text=text, number=f"{value:g}")
    if node.tag == _INT and _OCTAL.fullmatch(text):
        # Translators: {text} is the value as written, e.g. 0120000; {number} what YAML reads, e.g. 40960.
        return _(
            "'{text}' reads as the octal number {number}; quote it (\"{text}\") if you meant text, "
            "or write the number without the leading 0"
        ).format(text=text, number=value)
    return None


def bool_hint(value: object) -> str:
    """Added to a schema error whose value YAML read as a boolean where text was expected."""
    if not isinstance(value, bool):
        return ""
    # Translators: added to an error message; {value} is "true" or "false" (YAML words, not translated); keep the
    # leading "; " and the words yes, no, on, off, true, false and country: "NO" as they are.
    return _(
        "; YAML reads an unquoted yes, no, on, off, true or false as {value}: quote it if you meant the text "
        '(e.g. country: "NO")'
    ).format(value=str(value).lower())
