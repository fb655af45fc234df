"""An editable install (`pip install -e .`) reads the checkout's data/ live: an edit shows with no reinstall."""

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRACTICE = "integreat-migrant-forum-ie"


def test_edit_to_a_practice_shows_without_reinstalling(tmp_path):
    checkout = tmp_path / "checkout"
    for name in ("src", "data"):
        shutil.copytree(ROOT / name, checkout / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, checkout / name)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # The new environment borrows this one's installed dependencies (and hatchling), so no download is needed.
    (site / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    install = subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "-e", str(checkout)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr

    def show() -> str:
        result = subprocess.run(
            [env_dir / "bin" / "connact", "practices", "show", PRACTICE],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            env={
                "PATH": "/usr/bin:/bin",
                "HOME": str(tmp_path),
                "COLUMNS": "200",
                "NO_COLOR": "1",
                "CONNACT_CACHE_DIR": str(tmp_path / "cache"),
            },
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "Migrant Forum" in show()
    path = checkout / "data" / "practices" / f"{PRACTICE}.yaml"
    text = path.read_text(encoding="utf-8")
    english = next(line for line in text.splitlines() if line.startswith("  en: Migrant Forum"))  # the title's
    path.write_text(text.replace(english, "  en: Forum renamed in the checkout"), encoding="utf-8")
    assert "Forum renamed in the checkout" in show()
    assert sys.prefix != str(env_dir)  # the test ran connact from the new environment, not this one
