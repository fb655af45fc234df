"""Plain records for what is built once and only read: plan rows and document blocks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(kw_only_default=True)
def record(cls: type[T]) -> type[T]:
    """A keyword-only dataclass, never compared or printed: cheaper to import and build than a model."""
    return dataclass(kw_only=True, eq=False, repr=False)(cls)
