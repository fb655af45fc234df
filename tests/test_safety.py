"""Safe writes, one-line errors and hostile input: nothing crashes, leaks or overwrites."""

import errno
import os
import subprocess
import sys

import pytest

from connact_cli.errors import OutputError
from connact_cli.library import files as output
from helpers import PRACTICE, answers_file, run, write


class TestSafeWrites:
    def test_failed_write_keeps_the_old_file_and_leaves_no_temp(self, tmp_path, monkeypatch):
        target = tmp_path / "plan.md"
        target.write_text("the old plan", encoding="utf-8")

        def disk_full(fd):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", disk_full)
        with pytest.raises(OutputError, match=r"No space left on device.*previous file, if any, is untouched"):
            output.write_atomic(target, "the new plan", replace=True)
        monkeypatch.undo()
        assert target.read_text(encoding="utf-8") == "the old plan"
        assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]

    def test_interrupted_rename_keeps_the_old_file(self, tmp_path, monkeypatch):
        target = tmp_path / "plan.md"
        target.write_text("the old plan", encoding="utf-8")

        def interrupted(*args):
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "replace", interrupted)
        with pytest.raises(KeyboardInterrupt):
            output.write_atomic(target, "the new plan", replace=True)
        assert target.read_text(encoding="utf-8") == "the old plan"
        assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]

    def test_existing_mode_is_kept(self, tmp_path):
        target = tmp_path / "plan.md"
        target.write_text("old", encoding="utf-8")
        target.chmod(0o640)
        output.write_atomic(target, "new", replace=True)
        assert target.stat().st_mode & 0o777 == 0o640

    def test_read_only_folder(self, capsys, tmp_path, monkeypatch):
        """A folder we may not write in (simulated: the tests may run as root, who can write anywhere)."""
        import tempfile

        def refused(*args, **kwargs):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        path = answers_file(tmp_path)
        monkeypatch.setattr(tempfile, "mkstemp", refused)
        result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "p.md"))
        assert result.code == 2
        assert result.err.strip() == (
            f"Error: cannot write in {tmp_path} (Permission denied); choose another folder with -o"
        )

    def test_output_is_a_folder(self, capsys, tmp_path):
        result = run(capsys, "plan", "--answers", str(answers_file(tmp_path)), "--no-input", "-o", str(tmp_path))
        assert result.code == 2
        assert "is a folder; give a file name" in result.err

    def test_path_printed_resolved(self, capsys, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        (tmp_path / "sub").mkdir()
        result = run(capsys, "plan", "--answers", str(answers_file(tmp_path)), "--no-input", "-o", "sub/../p.md")
        assert result.code == 0
        assert f"Plan written to {tmp_path / 'p.md'}" in result.out


class TestErrors:
    def test_unexpected_error_is_one_line_with_exit_3(self, capsys, monkeypatch):
        from connact_cli.commands import browse

        def broken(*args, **kwargs):
            raise RuntimeError("something inside broke")

        monkeypatch.setattr(browse, "open_library", broken)
        result = run(capsys, "checklists", "list")
        assert result.code == 3
        assert result.err.strip().splitlines() == [
            "Error: connact failed unexpectedly (RuntimeError: something inside broke). "
            "Run again with --debug for details and report it."
        ]

    def test_debug_shows_the_traceback(self, tmp_path):
        result = subprocess.run(
            [sys.executable, "-m", "connact_cli", "--debug", "practices", "show", "nope"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
        assert result.returncode != 0
        assert "Traceback" in result.stderr and "UsageError" in result.stderr

    def test_no_locals_in_tracebacks(self):
        from connact_cli.cli import app

        assert app.pretty_exceptions_show_locals is False or app.pretty_exceptions_enable is False


class TestFileSystemRefusals:
    """What the file system refuses (permissions, a folder that cannot be listed) is exit 2, naming the path.

    The refusals are simulated: the tests may run as root, whom permissions do not stop.
    """

    def test_unreadable_answers_file(self, capsys, monkeypatch, tmp_path):
        path = answers_file(tmp_path)
        real_open = os.open

        def refusing_open(name, *args, **kwargs):
            if str(name) == str(path):
                raise PermissionError(errno.EACCES, "Permission denied", str(name))
            return real_open(name, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
        result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "p.md"))
        assert result.code == 2
        assert result.err.strip().splitlines() == [
            f"Error: {path}: cannot be read (Permission denied); check its permissions"
        ]

    def test_refusal_outside_the_readers_is_one_line_exit_2(self, capsys, monkeypatch, tmp_path):
        from connact_cli.commands import browse

        def refused(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "locked"))

        monkeypatch.setattr(browse, "open_library", refused)
        result = run(capsys, "practices", "list")
        assert result.code == 2
        assert result.err.strip().splitlines() == [
            f"Error: cannot use {tmp_path / 'locked'} (Permission denied); check that it exists and that you "
            "may read or write it"
        ]

    def test_folder_that_cannot_be_listed_is_reported_not_skipped(self, capsys, monkeypatch, tmp_path):
        write(tmp_path / "lib" / "a.yaml", PRACTICE)
        write(tmp_path / "lib" / "locked" / "b.yaml", PRACTICE.replace("test-practice", "test-practice-b"))
        real_scandir = os.scandir

        def scandir(path="."):
            if str(path).endswith("locked"):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
        result = run(capsys, "validate", str(tmp_path / "lib"))
        assert result.code == 2
        assert f"{tmp_path / 'lib' / 'locked'}: cannot be read (Permission denied)" in result.err


class TestHostileInput:
    def test_file_too_large(self, capsys, tmp_path):
        from connact_cli.library import yamlio

        path = tmp_path / "big.answers.yaml"
        path.write_text("connact: 1\n" + "#" * (yamlio.MAX_FILE_BYTES + 1), encoding="utf-8")
        result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "p.md"))
        assert result.code == 2 and "more than the" in result.err and "allowed" in result.err

    def test_directory_as_answers_file(self, capsys, tmp_path):
        result = run(capsys, "plan", "--answers", str(tmp_path), "--no-input", "-o", str(tmp_path / "p.md"))
        assert result.code == 2 and "is a folder, not a file" in result.err

    def test_missing_answers_file(self, capsys, tmp_path):
        result = run(capsys, "plan", "--answers", str(tmp_path / "nope.yaml"), "--no-input")
        assert result.code == 2 and "no such file" in result.err

    @pytest.mark.parametrize(
        "content, message",
        [
            ("connact: 1\nprofile: [a, b]\n", "expected a mapping"),
            (
                "connact: 1\nprofile:\n  organisation: X\n  organisation_type: ngo\n  country: MT\n  themes: health\n"
                "  duration_months: 12\n",
                "expected a list",
            ),
            (
                "connact: 1\nprofile:\n  organisation: X\n  organisation_type: ngo\n  country: MT\n  themes: [health]\n"
                "  duration_months: twelve\n",
                "duration_months",
            ),
            ("- just\n- a list\n", "not an answers file"),
            ("answers: [1, 2]\n", "'answers' must be a mapping"),
            ("1: x\n", "unknown key '1'"),
            ("notes: {employment.services.access: [a, b]}\n", "a note must be text"),
        ],
    )
    def test_wrong_types(self, capsys, tmp_path, content, message):
        path = tmp_path / "bad.yaml"
        if not content.startswith(("connact", "-")):
            content = (
                answers_file(tmp_path).read_text(encoding="utf-8").replace("answers: {}\nnotes: {}\n", "") + content
            )
        path.write_text(content, encoding="utf-8")
        result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "p.md"))
        assert result.code == 2, result.err
        assert message in result.err
        assert len(result.err.strip().splitlines()) == 1

    def test_library_text_cannot_inject_into_a_plan(self, capsys, tmp_path):
        hostile = PRACTICE.replace(
            "title: A test practice", "title: '<img src=x onerror=alert(1)> ## [click](http://evil)'"
        )
        hostile = hostile.replace(
            "summary: A practice written for the tests.",
            'summary: "line\\n# Heading injected\\n<script>alert(1)</script>"',
        )
        write(tmp_path / "lib" / "p.yaml", hostile)
        path = answers_file(tmp_path, {"employment.services.employer_links": "no"})
        out = tmp_path / "plan.md"
        result = run(
            capsys,
            "plan",
            "--answers",
            str(path),
            "--no-input",
            "-o",
            str(out),
            "--top",
            "20",
            "--library",
            str(tmp_path / "lib"),
        )
        assert result.code == 0, result.err
        text = out.read_text(encoding="utf-8")
        assert "test-practice" in text
        assert "<img" not in text and "<script>" not in text
        assert "\n# Heading injected" not in text
        assert "[click](http://evil)" not in text
