"""The cache holds data, never code, and is read only from a folder nobody else can write to.

A shared CONNACT_CACHE_DIR or a cache restored in CI must not run a command, nor put words in a plan.
"""

import marshal
import os
import stat
import subprocess
import sys

import pytest

from connact_cli.library import cache
from helpers import EXAMPLES, PRACTICE, run, write


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """A practice folder and a cache folder of this test's own; files count as settled at once."""
    monkeypatch.setattr(cache, "SETTLE_NS", 0, raising=False)
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("CONNACT_CACHE_DIR", str(cache_dir))
    library = tmp_path / "library"
    write(library / "harbour.yaml", PRACTICE.replace("A test practice", "Harbour mentoring"))
    return library, cache_dir


def _plan(capsys, library, out, *extra):
    result = run(
        capsys,
        *extra,
        "plan",
        "--answers",
        str(EXAMPLES / "malta-ngo-employment.answers.yaml"),
        "--no-input",
        "-f",
        "md,html",
        "-o",
        str(out),
        "--force",
        "--library",
        str(library),
    )
    assert result.code == 0, result.err
    return out.read_bytes()


def _short(text: str) -> bytes:
    data = text.encode()
    return b"\x8c" + bytes([len(data)]) + data  # SHORT_BINUNICODE


def forged_pickle(command: str) -> bytes:
    """Protocol 4 resolves dotted names: `connact_cli.library.cache` + `os.system` reaches os.system."""
    return (
        b"\x80\x04"
        + _short("connact_cli.library.cache")
        + _short("os.system")
        + b"\x93"  # STACK_GLOBAL
        + _short(command)
        + b"\x85R."  # TUPLE1, REDUCE, STOP
    )


def _jinja_magic() -> bytes:
    from jinja2.bccache import bc_magic

    return bc_magic


def test_forged_cache_files_run_no_command(capsys, tmp_path, folders):
    library, cache_dir = folders
    clean = _plan(capsys, library, tmp_path / "clean.md", "--no-cache")
    _plan(capsys, library, tmp_path / "warm.md")
    marker = tmp_path / "pwned"
    payload = forged_pickle(f"touch {marker}")
    names = {"bundled.pickle", "bundled.marshal"}
    for path in [p for p in cache_dir.rglob("*") if p.is_file()]:
        names.add(path.stem + ".pickle")
        # a compiled template whose header is right: Jinja unpickles its checksum
        path.write_bytes(_jinja_magic() + payload if path.suffix == ".cache" else payload)
    for name in names:
        (cache_dir / name).write_bytes(payload)
    # a process of its own: this one keeps its compiled templates in memory
    argv = ["plan", "--answers", str(EXAMPLES / "malta-ngo-employment.answers.yaml"), "--no-input"]
    argv += ["-f", "md,html", "-o", str(tmp_path / "again.md"), "--library", str(library)]
    result = subprocess.run([sys.executable, "-m", "connact_cli", *argv], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert (tmp_path / "again.md").read_bytes() == clean
    assert (tmp_path / "again.html").read_bytes() == (tmp_path / "clean.html").read_bytes()


def test_cache_files_are_plain_data(capsys, tmp_path, folders):
    library, cache_dir = folders
    _plan(capsys, library, tmp_path / "plan.md")
    files = [p for p in cache_dir.rglob("*") if p.is_file()]
    assert files and all(p.suffix == ".marshal" and p.parent == cache_dir for p in files), files
    for path in files:
        _assert_plain(marshal.loads(path.read_bytes()))


def _assert_plain(value):
    if isinstance(value, (list, tuple)):
        for item in value:
            _assert_plain(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _assert_plain(key)
            _assert_plain(item)
    else:
        assert value is None or type(value) in (str, int, float, bool), type(value)


def test_cache_folder_and_files_are_private(capsys, tmp_path, folders):
    library, cache_dir = folders
    assert run(capsys, "practices", "list", "--library", str(library)).code == 0
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    files = list(cache_dir.iterdir())
    assert files and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)


def _forge_title(cache_dir, new_title):
    """Rewrite the cached index record of the practice folder, as someone else could in a shared folder."""
    (path,) = [p for p in cache_dir.glob("library-*.marshal") if "-" not in p.stem.removeprefix("library-")]
    stored = marshal.loads(path.read_bytes())
    for name, (stamp, (kind, record, problems, invalid)) in stored["value"].items():
        forged = (*record[:4], {"en": new_title}, *record[5:])
        stored["value"][name] = (stamp, (kind, forged, problems, invalid))
    path.write_bytes(marshal.dumps(stored))


def test_own_cache_is_used(capsys, folders):
    """The counterpart of the tests below: a folder that is the user's own is trusted."""
    library, cache_dir = folders
    run(capsys, "practices", "list", "--library", str(library))
    _forge_title(cache_dir, "Written by someone else")
    assert "Written by someone else" in run(capsys, "practices", "list", "--library", str(library)).out


@pytest.mark.parametrize("mode", [0o770, 0o707], ids=["group", "others"])
def test_cache_folder_others_can_write_is_ignored(capsys, folders, mode):
    library, cache_dir = folders
    run(capsys, "practices", "list", "--library", str(library))
    _forge_title(cache_dir, "Written by someone else")
    cache_dir.chmod(mode)
    before = {p.name: p.stat().st_mtime_ns for p in cache_dir.iterdir()}
    listed = run(capsys, "practices", "list", "--library", str(library))
    assert listed.code == 0 and "Harbour mentoring" in listed.out and "someone else" not in listed.out
    assert {p.name: p.stat().st_mtime_ns for p in cache_dir.iterdir()} == before  # nothing written either


def test_cache_file_others_can_write_is_ignored(capsys, folders):
    library, cache_dir = folders
    run(capsys, "practices", "list", "--library", str(library))
    _forge_title(cache_dir, "Written by someone else")
    for path in cache_dir.iterdir():
        path.chmod(0o666)
    listed = run(capsys, "practices", "list", "--library", str(library))
    assert "Harbour mentoring" in listed.out and "someone else" not in listed.out


def test_foreign_cache_folder_is_ignored(capsys, folders, monkeypatch):
    library, cache_dir = folders
    run(capsys, "practices", "list", "--library", str(library))
    _forge_title(cache_dir, "Written by someone else")
    before = {p.name: p.stat().st_mtime_ns for p in cache_dir.iterdir()}
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache_dir).st_uid + 1)
    listed = run(capsys, "practices", "list", "--library", str(library))
    assert "Harbour mentoring" in listed.out and "someone else" not in listed.out
    assert {p.name: p.stat().st_mtime_ns for p in cache_dir.iterdir()} == before


def test_symlinked_cache_file_is_ignored(capsys, tmp_path, folders):
    library, cache_dir = folders
    run(capsys, "practices", "list", "--library", str(library))
    _forge_title(cache_dir, "Written by someone else")
    for path in cache_dir.iterdir():
        moved = tmp_path / path.name
        path.rename(moved)
        path.symlink_to(moved)
    listed = run(capsys, "practices", "list", "--library", str(library))
    assert "Harbour mentoring" in listed.out and "someone else" not in listed.out


def test_damaged_cache_is_rebuilt_silently(capsys, tmp_path, folders):
    library, cache_dir = folders
    good = _plan(capsys, library, tmp_path / "good.md")
    for path in [p for p in cache_dir.rglob("*") if p.is_file()]:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])  # cut short, as by a full disk
    (cache_dir / "templates").mkdir(exist_ok=True)
    (cache_dir / "templates" / "__jinja2_x.cache").write_bytes(_jinja_magic() + b"\x80\x04garbage")
    result = run(capsys, "validate", str(library))
    assert result.code == 0 and result.err == ""
    assert _plan(capsys, library, tmp_path / "again.md") == good


def test_a_fifo_in_the_cache_folder_never_blocks(capsys, tmp_path, folders):
    """A FIFO planted under a cache file's name is skipped at once, not waited on for a writer."""
    import os
    import subprocess
    import sys

    library, cache_dir = folders
    run(capsys, "practices", "list", "--library", str(library))
    for path in [p for p in cache_dir.iterdir() if p.is_file()]:
        path.unlink()
        os.mkfifo(path, 0o600)
    env = dict(os.environ, CONNACT_CACHE_DIR=str(cache_dir))
    listed = subprocess.run(
        [sys.executable, "-m", "connact_cli", "practices", "list", "--library", str(library)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert listed.returncode == 0 and "Harbour mentoring" in listed.stdout
