"""The cache is never wrong: the same files give the same answer with and without it."""

import os
import shutil

import pytest

from connact_cli.library import cache
from helpers import EXAMPLES, PRACTICE, run, write


@pytest.fixture
def library(tmp_path, monkeypatch):
    """Two practices in a folder of their own, a cache of this test's own; files count as settled at once."""
    monkeypatch.setattr(cache, "SETTLE_NS", 0, raising=False)
    monkeypatch.setenv("CONNACT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "library"
    write(folder / "a-first.yaml", PRACTICE.replace("test-practice", "first-practice"))
    write(folder / "b-second.yaml", PRACTICE.replace("test-practice", "second-practice"))
    return folder


def both(capsys, *args):
    """The cached and the uncached result of the same command; they must agree."""
    cached = run(capsys, *args)
    uncached = run(capsys, "--no-cache", *args)
    assert (cached.code, cached.out, cached.err) == (uncached.code, uncached.out, uncached.err)
    return cached


def plan_json(capsys, library, out, *extra):
    args = ["plan", "--answers", str(EXAMPLES / "malta-ngo-employment.answers.yaml"), "--no-input", "-f", "json"]
    result = run(capsys, *extra, *args, "--top", "30", "-o", str(out), "--force", "--library", str(library))
    assert result.code == 0, result.err
    return out.read_text()


def test_broken_practice_whose_id_is_taken_gives_one_answer(capsys, library):
    assert run(capsys, "validate", str(library)).code == 0  # warm
    first = library / "a-first.yaml"
    first.write_text(first.read_text().replace("themes: [employment]", "themes: [gardening]"))
    second = library / "b-second.yaml"
    second.write_text(second.read_text().replace("second-practice", "first-practice"))
    result = both(capsys, "validate", str(library))
    assert result.code == 1
    assert "'gardening' is not allowed" in result.out
    assert "id 'first-practice' is already used in a-first.yaml" in result.out


@pytest.mark.parametrize("broken_first", [True, False])
def test_duplicate_id_is_reported_when_its_file_has_another_fault(capsys, library, broken_first):
    broken, valid = (library / "a-first.yaml", library / "b-second.yaml")
    if not broken_first:
        broken, valid = valid, broken
    write(broken, PRACTICE.replace("test-practice", "shared-id").replace("level: local", "level: galactic"))
    write(valid, PRACTICE.replace("test-practice", "shared-id"))
    result = run(capsys, "--no-cache", "validate", str(library))
    assert result.code == 1
    assert f"{broken}:" in result.out and "[level]" in result.out
    assert "id 'shared-id' is already used in a-first.yaml" in result.out
    assert f"{library / 'b-second.yaml'}:2 [id]" in result.out


def test_duplicate_of_a_bundled_id_is_reported_in_a_broken_file(capsys, library):
    first = library / "a-first.yaml"
    write(first, PRACTICE.replace("test-practice", "integreat-employment-hub-ie").replace("local", "galactic"))
    result = run(capsys, "--no-cache", "validate", str(library))
    assert "[level]" in result.out and "id 'integreat-employment-hub-ie' is already used" in result.out


def _keep_size_and_mtime(path, old, new):
    """Rewrite `path` as `cp -p` or `touch -r` leave it: same size, same modification time."""
    assert len(old) == len(new)
    info = path.stat()
    path.write_text(path.read_text().replace(old, new))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (info.st_size, info.st_mtime_ns)


def test_edit_keeping_size_and_mtime_is_seen_by_list_and_search(capsys, library):
    first = library / "a-first.yaml"
    assert "A test practice" in run(capsys, "practices", "list", "--library", str(library)).out
    assert "first-practice" in run(capsys, "practices", "search", "written", "--library", str(library)).out
    _keep_size_and_mtime(first, "A test practice", "A kiln practice")
    assert "A kiln practice" in both(capsys, "practices", "list", "--library", str(library)).out
    _keep_size_and_mtime(first, "written for the tests", "written for the kilns")
    found = both(capsys, "practices", "search", "kilns", "--library", str(library))
    assert "first-practice" in found.out


def test_copy_keeping_size_and_mtime_is_seen_by_matching(capsys, tmp_path, library):
    """`cp -p` over a practice: the new file has the old one's size and modification time."""
    before = plan_json(capsys, library, tmp_path / "before.json")
    assert "first-practice" in before
    first = library / "a-first.yaml"
    other = write(tmp_path / "elsewhere.yaml", first.read_text().replace("countries: [MT]", "countries: [IT]"))
    os.utime(other, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns))
    shutil.copy2(other, first)
    after = plan_json(capsys, library, tmp_path / "after.json")
    assert after != before
    assert after == plan_json(capsys, library, tmp_path / "uncached.json", "--no-cache")


def test_a_file_changed_moments_ago_has_no_stamp(tmp_path, monkeypatch):
    """Within one tick of a coarse clock a second edit keeps every stamp: such a file is always read afresh."""
    path = write(tmp_path / "practice.yaml", PRACTICE)
    assert cache.file_stamps([path]) == {str(path): None}
    monkeypatch.setattr(cache, "SETTLE_NS", 0)
    info = path.stat()
    assert cache.file_stamps([path]) == {str(path): (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)}
