"""The installed package carries its data and runs from any directory."""

import subprocess
import sys
from pathlib import Path

import connact_cli
from connact_cli import __version__
from connact_cli.library.loader import bundled_data_dir

REPO = Path(__file__).resolve().parents[1]


def test_data_is_found_inside_the_package():
    """A wheel carries the data inside the package; an editable install reads the checkout's data/."""
    data = bundled_data_dir()
    assert data.is_dir()
    package = Path(connact_cli.__file__).parent
    assert data == package / "data" if (package / "data").is_dir() else data == REPO / "data"
    assert (data / "gaps.yaml").is_file()
    assert sorted(p.name for p in (data / "checklists").iterdir())


def _connact(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "connact_cli", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_runs_from_another_directory(tmp_path):
    result = _connact("practices", "show", "integreat-migrant-forum-ie", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "over 100 migrant participants" in result.stdout


def test_version():
    result = _connact("--version", cwd=REPO)
    assert result.stdout.strip() == f"connact {__version__}"
    from importlib.metadata import version

    assert version("connact") == __version__  # the wheel's metadata and the package agree


def test_help_lists_commands():
    result = _connact("--help", cwd=REPO)
    assert result.returncode == 0
    for command in ("checklists", "practices", "validate"):
        assert command in result.stdout


def test_usage_error_exit_two():
    result = _connact("practices", "list", "--no-such-option", cwd=REPO)
    assert result.returncode == 2
    assert "No such option" in result.stderr
