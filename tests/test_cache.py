"""Start-up stays lean, and the cache never changes an answer: it only saves time."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from connact_cli.library import cache
from connact_cli.library.cache import DiskCache
from helpers import EXAMPLES, run

HEAVY = (
    "questionary",
    "jinja2",
    "docx",
    "yaml",
    "rich",
    "connact_cli.library.loader",
    "connact_cli.core.models",
    "connact_cli.library.yamlio",
)


def imported_modules(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "connact_cli", *args], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-500:]
    return {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["plan", "--help"], ["workshop", "run", "--help"], ["checklists", "--help"]]
)
def test_help_and_version_import_nothing_heavy(args):
    modules = imported_modules(*args)
    assert "typer" in modules  # the measurement itself works
    loaded = [m for m in HEAVY if m in modules or any(x.startswith(m + ".") for x in modules)]
    assert loaded == []


def _make_library(folder: Path, count: int) -> Path:
    spec = importlib.util.spec_from_file_location(
        "make_library", Path(__file__).parents[1] / "benchmarks" / "make_library.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(count, folder)
    return folder


@pytest.fixture
def library(tmp_path, monkeypatch):
    monkeypatch.setenv("CONNACT_CACHE_DIR", str(tmp_path / "cache"))
    return _make_library(tmp_path / "library", 40)


def plan(capsys, library, out, *extra):
    result = run(
        capsys,
        *extra,
        "plan",
        "--answers",
        str(EXAMPLES / "malta-ngo-employment.answers.yaml"),
        "--no-input",
        "-o",
        str(out),
        "--force",
        "--library",
        str(library),
        "--top",
        "10",
    )
    assert result.code == 0, result.err
    return out.read_bytes()


def test_cached_run_gives_identical_output(capsys, tmp_path, library):
    cold = plan(capsys, library, tmp_path / "cold.md")
    assert list((tmp_path / "cache").glob("library-*"))
    warm = plan(capsys, library, tmp_path / "warm.md")
    uncached = plan(capsys, library, tmp_path / "uncached.md", "--no-cache")
    assert cold == warm == uncached
    assert b"synthetic-" in warm  # the extra library really took part


def test_no_cache_reads_and_writes_nothing(capsys, tmp_path, library):
    plan(capsys, library, tmp_path / "p.md", "--no-cache")
    assert not (tmp_path / "cache").exists()
    run(capsys, "practices", "list", "--kind", "practice")
    assert (tmp_path / "cache").is_dir()  # the switch lasts one command


def test_changed_file_is_read_again(capsys, tmp_path, library):
    result = run(capsys, "practices", "show", "synthetic-00007", "--library", str(library))
    assert result.code == 0
    path = library / "synthetic-00007.yaml"
    text = path.read_text(encoding="utf-8")
    old_title = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(old_title, "title: A renamed practice"), encoding="utf-8")
    listed = run(capsys, "practices", "search", "renamed", "--library", str(library))
    assert "synthetic-00007" in listed.out
    path.write_text(text.replace("level: ", "level: nowhere-"), encoding="utf-8")
    broken = run(capsys, "validate", str(library))
    assert broken.code == 1 and "synthetic-00007.yaml" in broken.out and "[level]" in broken.out
    path.unlink()
    gone = run(capsys, "practices", "list", "--library", str(library))
    assert gone.code == 0 and "synthetic-00007" not in gone.out and "synthetic-00008" in gone.out


def test_corrupt_cache_is_rebuilt_silently(capsys, tmp_path, library):
    good = plan(capsys, library, tmp_path / "good.md")
    for path in (tmp_path / "cache").rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x00garbage" * 10)
    again = plan(capsys, library, tmp_path / "again.md")
    assert again == good
    assert run(capsys, "validate", str(library)).code == 0


def test_cache_from_another_version_is_ignored(tmp_path, monkeypatch):
    store = DiskCache(tmp_path)
    store.write("thing", "key", {"a": 1})
    assert store.read("thing", "key") == {"a": 1}
    assert store.read("thing", "other key") is None
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert store.read("thing", "key") is None


def test_no_cache_folder_reads_and_writes_nothing(tmp_path):
    DiskCache(None).write("thing", "key", {"a": 1})
    assert DiskCache(None).read("thing", "key") is None
    assert list(tmp_path.iterdir()) == []
