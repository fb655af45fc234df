"""No silent overwrite, no race: outputs are created exclusively unless --force, and a stopped run leaves no temp."""

import errno
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from connact_cli.context import Context
from connact_cli.errors import OutputError, UsageError
from connact_cli.library import files, publish
from helpers import EXAMPLES, ScriptedPrompter

ANSWERS = EXAMPLES / "malta-ngo-employment.answers.yaml"


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(files.TEMP_PREFIX)]


class TestRacingWrites:
    def test_of_two_threads_writing_one_new_name_the_second_fails(self, tmp_path, monkeypatch):
        """Both have checked that the name is free and written their temporary file before either moves it."""
        target = tmp_path / "out.md"
        both_written = threading.Barrier(2, timeout=10)
        real_fsync = os.fsync

        def fsync_then_wait(fd):
            real_fsync(fd)
            both_written.wait()

        monkeypatch.setattr(os, "fsync", fsync_then_wait)
        outcomes = {}

        def write(text):
            try:
                files.write_atomic(target, text, replace=False)
                outcomes[text] = "written"
            except OutputError as error:
                outcomes[text] = str(error)

        threads = [threading.Thread(target=write, args=(text,)) for text in ("first run\n", "second run\n")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes.values())[-1] == "written"
        lost = sorted(outcomes.values())[0]
        assert lost == (
            f"{target} already exists (another run wrote it meanwhile); choose another name with -o, "
            "or pass --force to replace it"
        )
        winner = next(text for text, outcome in outcomes.items() if outcome == "written")
        assert target.read_text(encoding="utf-8") == winner
        assert leftovers(tmp_path) == []

    def test_of_two_plan_runs_writing_one_new_file_the_second_fails(self, tmp_path):
        """Two processes meet with their plans written to temporary files, before either moves its file."""
        runner = textwrap.dedent(
            """
            import os, sys, time
            from pathlib import Path
            from connact_cli.cli import main

            meeting, me = Path(sys.argv[1]), sys.argv[2]
            real_fsync = os.fsync

            def fsync_then_wait_for_the_other(fd):
                real_fsync(fd)
                (meeting / me).touch()
                deadline = time.monotonic() + 30
                while len(list(meeting.iterdir())) < 2 and time.monotonic() < deadline:
                    time.sleep(0.01)

            os.fsync = fsync_then_wait_for_the_other
            main(sys.argv[3:])
            """
        )
        meeting = tmp_path / "meeting"
        meeting.mkdir()
        out = tmp_path / "out.md"
        args = ["--no-cache", "plan", "-a", str(ANSWERS), "--no-input", "-o", str(out)]
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", runner, str(meeting), name, *args],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for name in ("a", "b")
        ]
        results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
        codes = sorted(code for code, _, _ in results)
        assert codes == [0, 2], results
        assert sum("Plan written" in stdout for _, stdout, _ in results) == 1
        (loser_err,) = [stderr for code, _, stderr in results if code == 2]
        assert loser_err.strip().splitlines() == [
            f"Error: {out} already exists (another run wrote it meanwhile); choose another name with -o, "
            "or pass --force to replace it"
        ]
        assert out.read_text(encoding="utf-8").startswith("# Integration programme plan")
        assert leftovers(tmp_path) == []

    def test_force_replaces(self, tmp_path):
        target = tmp_path / "out.md"
        target.write_text("old", encoding="utf-8")
        with pytest.raises(OutputError, match="already exists"):
            files.write_atomic(target, "new", replace=False)
        files.write_atomic(target, "new", replace=True)
        assert target.read_text(encoding="utf-8") == "new"


class TestWithoutRenameNoReplace:
    """Where the system has no rename that refuses to replace, a hard link does the same; without links, an
    exclusive create claims the name first."""

    @pytest.fixture(autouse=True)
    def _no_renameat2(self, monkeypatch):
        monkeypatch.setattr(publish, "_renameat2", lambda: None)

    def _check(self, tmp_path):
        target = tmp_path / "out.md"
        files.write_atomic(target, "first", replace=False)
        with pytest.raises(OutputError, match="already exists"):
            files.write_atomic(target, "second", replace=False)
        assert target.read_text(encoding="utf-8") == "first"
        assert leftovers(tmp_path) == []

    def test_by_hard_link(self, tmp_path):
        self._check(tmp_path)

    def test_by_exclusive_create_where_there_are_no_hard_links(self, tmp_path, monkeypatch):
        def no_links(*args, **kwargs):
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
        self._check(tmp_path)

    def test_the_race_is_lost_at_the_link(self, tmp_path, monkeypatch):
        """The name is free when checked and taken before the move: the link refuses."""
        target = tmp_path / "out.md"
        real_fsync = os.fsync

        def another_run_writes_meanwhile(fd):
            real_fsync(fd)
            target.write_text("the other run's plan", encoding="utf-8")

        monkeypatch.setattr(os, "fsync", another_run_writes_meanwhile)
        with pytest.raises(OutputError, match="another run wrote it meanwhile"):
            files.write_atomic(target, "mine", replace=False)
        assert target.read_text(encoding="utf-8") == "the other run's plan"
        assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals")
def test_sigterm_removes_the_temporary_file(tmp_path):
    """A run stopped while writing (a shutdown, a CI time-out) leaves neither the plan nor a temporary file."""
    runner = textwrap.dedent(
        """
        import os, sys, time
        from pathlib import Path

        def stop_here(fd):
            Path(sys.argv[1]).touch()
            time.sleep(60)

        os.fsync = stop_here
        from connact_cli.cli import main
        main(sys.argv[2:])
        """
    )
    marker, out = tmp_path / "writing", tmp_path / "plans" / "out.md"
    out.parent.mkdir()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            runner,
            str(marker),
            "--no-cache",
            "plan",
            "-a",
            str(ANSWERS),
            "--no-input",
            "-o",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), child.communicate()
    assert len(leftovers(out.parent)) == 1  # the temporary file is there while it is written
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == -signal.SIGTERM
    assert list(out.parent.iterdir()) == []


class TestAnswersBesideThePlan:
    """The interview's `<plan>.answers.yaml` follows the plan's rule: replaced only with --force or a yes."""

    ANSWERS = {
        "Organisation name": ["Asked Org"],
        "Country": ["MT"],
        "Which themes": [["employment"]],
        "Start month": ["2027-01"],
        "Practices for the plan": [[]],
    }

    def test_an_existing_answers_file_is_kept_unless_the_user_says_yes(self, tmp_path, monkeypatch):
        from connact_cli.commands import plan as planning

        monkeypatch.chdir(tmp_path)
        out, saved = tmp_path / "plan.md", tmp_path / "plan.answers.yaml"
        saved.write_text("# my comments\nconnact: 1\n", encoding="utf-8")
        refusing = ScriptedPrompter({**self.ANSWERS, str(saved): [False]})
        with pytest.raises(UsageError, match=r"plan\.answers\.yaml already exists"):
            planning.run(Context.from_environment(), planning.Request(output=out), prompter=refusing)
        assert str(saved) + " exists. Replace it?" in refusing.asked
        assert saved.read_text(encoding="utf-8") == "# my comments\nconnact: 1\n"
        assert not out.exists()
        accepting = ScriptedPrompter({**self.ANSWERS, str(saved): [True]})
        planning.run(Context.from_environment(), planning.Request(output=out), prompter=accepting)
        assert "organisation: Asked Org" in saved.read_text(encoding="utf-8")

    def test_with_force_it_is_replaced_without_asking(self, tmp_path, monkeypatch):
        from connact_cli.commands import plan as planning

        monkeypatch.chdir(tmp_path)
        out, saved = tmp_path / "plan.md", tmp_path / "plan.answers.yaml"
        saved.write_text("old", encoding="utf-8")
        prompter = ScriptedPrompter(self.ANSWERS)
        planning.run(Context.from_environment(), planning.Request(output=out, force=True), prompter=prompter)
        assert not any("Replace it?" in message for message in prompter.asked)
        assert "organisation: Asked Org" in saved.read_text(encoding="utf-8")
