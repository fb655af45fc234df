"""Differential test of the cache: after any sequence of edits, a cached run answers as an uncached one.

A state machine adds, edits, removes and renames files in a practice folder (edits that keep the
size and modification time too, and damage to the cache itself); after every step `validate`,
`practices list`, `practices search` and `plan` must print and write the same with and without the
cache. CI runs a few sequences; run more with:  CONNACT_FUZZ_EXAMPLES=10000 pytest -m fuzz
(one sequence of eight steps per 100 cases: each step runs eight commands).
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from connact_cli.library import cache
from helpers import EXAMPLES, run

pytestmark = pytest.mark.fuzz

SEQUENCES = max(3, int(os.environ.get("CONNACT_FUZZ_EXAMPLES", "150")) // 100)
NAMES = ["a.yaml", "b.yaml", "c.yaml", "sub/d.yaml", "sub/e.yml"]

PRACTICE = """\
kind: practice
id: {id}
title: {title}
summary: A practice written for the differential test of the cache.
source:
  document: Test document
  publisher: connact's tests
  year: 2026
  url: https://example.org/test-practice
evidence: none
countries: [{country}]
level: {level}
themes: [{theme}]
target_groups: [refugees]
activity_type: employment_support
gap_tags: [{gap}]
lessons: [{lesson}]
"""
LESSON = """\
kind: lesson
id: lesson-{id}
title: A lesson naming a practice
summary: Written for the differential test of the cache.
guidance: [Read the practice it names.]
examples: [{id}]
gap_tags: [{gap}]
"""

practices = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["practice"] * 6 + ["lesson", "garbage"]),
        "id": st.sampled_from(["alpha", "delta", "gamma", "integreat-employment-hub-ie"]),
        "title": st.sampled_from(["Harbour mentoring", "Kiln workshops", "Harbour kilns"]),
        "country": st.sampled_from(["MT", "IT"]),
        "level": st.sampled_from(["local", "local", "galactic"]),  # galactic: the file fails validation
        "theme": st.sampled_from(["employment", "employment", "gardening"]),
        "gap": st.sampled_from(["employer_links", "trust", "no_such_gap"]),
        "lesson": st.sampled_from(["lesson-trust", "lesson-trust", "lesson-nowhere"]),
    }
)


def render(spec: dict, size: int) -> bytes:
    """The file for `spec`, padded with a comment to `size` bytes (every body is shorter than 600)."""
    if spec["kind"] == "garbage":
        body = f"id: {spec['id']}\n  title: [{spec['title']}\n"
    else:
        body = (LESSON if spec["kind"] == "lesson" else PRACTICE).format(**spec)
    return (body + "# " + "x" * (size - len(body.encode()) - 3) + "\n").encode()


class CacheAgrees(RuleBasedStateMachine):
    """A practice folder changed step by step; the cache must never change an answer."""

    def __init__(self, capsys, monkeypatch, workdir: Path):
        super().__init__()
        self.capsys = capsys
        folder = Path(tempfile.mkdtemp(dir=workdir))
        self.library, self.cache, self.out = folder / "library", folder / "cache", folder / "plan.json"
        (self.library / "sub").mkdir(parents=True)
        monkeypatch.setenv("CONNACT_CACHE_DIR", str(self.cache))  # each sequence starts with no cache

    def teardown(self):
        shutil.rmtree(self.library.parent, ignore_errors=True)

    def existing(self) -> list[str]:
        return [name for name in NAMES if (self.library / name).exists()]

    def cache_files(self) -> list[Path]:
        return sorted(self.cache.glob("*"))

    @rule(name=st.sampled_from(NAMES), spec=practices, size=st.integers(min_value=600, max_value=800))
    def write_file(self, name, spec, size):
        (self.library / name).write_bytes(render(spec, size))

    @precondition(lambda self: self.existing())
    @rule(data=st.data(), spec=practices)
    def edit_keeping_size_and_mtime(self, data, spec):
        """What `cp -p` or `touch -r` leave: another content, the same size and modification time."""
        path = self.library / data.draw(st.sampled_from(self.existing()), label="name")
        info = path.stat()
        path.write_bytes(render(spec, info.st_size))
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))

    @precondition(lambda self: self.existing())
    @rule(data=st.data())
    def remove(self, data):
        (self.library / data.draw(st.sampled_from(self.existing()), label="name")).unlink()

    @precondition(lambda self: self.existing())
    @rule(data=st.data())
    def rename(self, data):
        """Also over another file, as editors save: the target keeps its name and takes a new inode."""
        name = data.draw(st.sampled_from(self.existing()), label="name")
        new_name = data.draw(st.sampled_from([n for n in NAMES if n != name]), label="new_name")
        os.replace(self.library / name, self.library / new_name)

    @precondition(lambda self: self.cache_files())
    @rule(data=st.data(), keep=st.integers(min_value=0, max_value=200))
    def damage_cache(self, data, keep):
        path = data.draw(st.sampled_from(self.cache_files()), label="cache file")
        path.write_bytes(path.read_bytes()[:keep])

    def _both(self, *args):
        results = []
        for extra in ((), ("--no-cache",)):
            self.out.unlink(missing_ok=True)
            result = run(self.capsys, *extra, *args)
            written = self.out.read_bytes() if self.out.exists() else None
            results.append((result.code, result.out, result.err, written))
        cached, uncached = results
        assert cached == uncached, args
        assert "Traceback" not in cached[2]

    @invariant()
    def cached_answers_are_uncached_answers(self):
        library = str(self.library)
        self._both("validate", library)
        self._both("practices", "list", "--library", library)
        self._both("practices", "search", "harbour", "--library", library)
        answers = str(EXAMPLES / "malta-ngo-employment.answers.yaml")
        plan = ["plan", "--answers", answers, "--no-input", "-f", "json", "-o", str(self.out), "--force"]
        self._both(*plan, "--library", library)


def test_cache_agrees_with_no_cache_after_any_edits(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "SETTLE_NS", 0)  # the edits come faster than any file could settle
    run_state_machine_as_test(
        lambda: CacheAgrees(capsys, monkeypatch, tmp_path),
        settings=settings(
            max_examples=SEQUENCES,
            stateful_step_count=8,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )
