"""Any model as JSON: dataclasses, pydantic models, enums and containers, field order kept.

JSON is data, so text keeps every character it had; those the terminal and the documents must not show
raw (core/safe_text.py) are written as \\u escapes, which json.dumps does only for C0 controls.
"""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from typing import Any

from connact_cli.core.safe_text import UNSAFE


def as_data(value: Any) -> Any:
    """Plain JSON-able data, keeping field order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [as_data(item) for item in value]
    if isinstance(value, dict):
        return {key: as_data(item) for key, item in value.items()}
    return value


def to_json(model: Any) -> str:
    text = json.dumps(as_data(model), indent=2, ensure_ascii=False)
    return UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text) + "\n"
