"""The run's settings, made once from the command line and the environment and passed down.

Nothing below the command line reads an option or an environment variable for itself: what a
function needs (the language, whether to use the cache, where the cache and sessions live, extra
library folders) comes in through this object.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class Context:
    language: str = "en"
    language_source: str = "default"  # who chose it: --lang, CONNACT_LANG, answers file, system locale, default
    use_cache: bool = True
    library: tuple[Path, ...] = ()
    cache_folder: Path | None = None  # None: the platform's user cache folder
    data_folder: Path | None = None  # None: the platform's user data folder

    @classmethod
    def from_environment(cls, language: str = "en", no_cache: bool = False) -> Context:
        """CONNACT_CACHE_DIR and CONNACT_DATA_DIR override the platform's folders."""
        cache = os.environ.get("CONNACT_CACHE_DIR")
        data = os.environ.get("CONNACT_DATA_DIR")
        return cls(
            language=language,
            use_cache=not no_cache,
            cache_folder=Path(cache) if cache else None,
            data_folder=Path(data) if data else None,
        )

    def with_library(self, folders: list[Path] | tuple[Path, ...] | None) -> Context:
        return replace(self, library=tuple(folders or ()))

    def cache_dir(self) -> Path | None:
        """Where parsed data is cached; None when the cache is off."""
        if not self.use_cache:
            return None
        if self.cache_folder is not None:
            return self.cache_folder
        from platformdirs import user_cache_path

        return user_cache_path("connact", appauthor=False)

    def sessions_dir(self) -> Path:
        if self.data_folder is not None:
            return self.data_folder / "sessions"
        from platformdirs import user_data_path

        return user_data_path("connact", appauthor=False) / "sessions"
