"""Only regular files are read or replaced: FIFOs, devices and links are refused in one line, and never changed.

The readers run in a child process with a time and memory limit: reading a FIFO would hang for ever and
reading /dev/zero until the memory runs out, and neither may take the test run with it.
"""

import os
import stat
import subprocess
import sys

import pytest

from helpers import PRACTICE, answers_file, write

needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and device nodes are POSIX")


def connact(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    """`connact ARGS` in a child process limited to 60 seconds and 1 GiB of memory."""

    def limit_memory():
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "connact_cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        preexec_fn=limit_memory if sys.platform.startswith("linux") else None,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.answers.yaml"
    os.mkfifo(path)
    return path


@needs_posix
class TestReading:
    def test_answers_from_a_fifo_are_refused_without_waiting(self, tmp_path, fifo):
        line = one_line(connact("plan", "--answers", str(fifo), "--no-input", "-o", str(tmp_path / "p.md")))
        assert line == (
            f"Error: {fifo}: is a FIFO (named pipe), not a regular file; connact reads only regular files: "
            "give a .yaml file"
        )
        assert stat.S_ISFIFO(fifo.stat().st_mode) and not (tmp_path / "p.md").exists()

    def test_answers_from_dev_zero_are_refused_whatever_its_size_says(self, tmp_path):
        line = one_line(connact("plan", "--answers", "/dev/zero", "--no-input", "-o", str(tmp_path / "p.md")))
        assert "/dev/zero: is a character device, not a regular file" in line

    def test_a_library_entry_linking_to_dev_zero_is_a_problem_not_a_hang(self, tmp_path, fifo):
        write(tmp_path / "lib" / "good.yaml", PRACTICE)
        (tmp_path / "lib" / "zero.yaml").symlink_to("/dev/zero")
        (tmp_path / "lib" / "pipe.yaml").symlink_to(fifo)
        result = connact("validate", str(tmp_path / "lib"))
        assert result.returncode == 1, result.stderr
        assert f"{tmp_path / 'lib' / 'zero.yaml'}: is a character device, not a regular file" in result.stdout
        assert f"{tmp_path / 'lib' / 'pipe.yaml'}: is a FIFO (named pipe), not a regular file" in result.stdout
        line = one_line(connact("practices", "list", "--library", str(tmp_path / "lib")))
        assert "is a character device, not a regular file" in line or "is a FIFO" in line

    def test_a_link_to_a_regular_file_is_read(self, tmp_path):
        link = tmp_path / "link.answers.yaml"
        link.symlink_to(answers_file(tmp_path))
        result = connact("plan", "--answers", str(link), "--no-input", "-o", str(tmp_path / "p.md"))
        assert result.returncode == 0, result.stderr

    def test_a_file_that_grows_past_the_limit_is_cut_off(self, tmp_path, monkeypatch):
        """The size is checked on what was read, not only on what the file system reported before."""
        from connact_cli.errors import InputFileError
        from connact_cli.library import regular

        path = tmp_path / "big.yaml"
        path.write_bytes(b"a" * 100)
        real_stat = os.stat
        monkeypatch.setattr(os, "stat", lambda p, *a, **k: os.stat_result((*real_stat(p)[:6], 0, *real_stat(p)[7:])))
        with pytest.raises(InputFileError, match="holds more than the 99 bytes allowed"):
            regular.read_regular(path, 99)
        assert regular.read_regular(path, 100) == b"a" * 100


def plan_to(capsys, tmp_path, output, *extra):
    from helpers import run

    return run(capsys, "plan", "--answers", str(answers_file(tmp_path)), "--no-input", "-o", str(output), *extra)


def refused(result) -> str:
    assert result.code == 2, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


@needs_posix
class TestWriting:
    def test_force_never_replaces_a_fifo(self, capsys, tmp_path, fifo):
        line = refused(plan_to(capsys, tmp_path, fifo, "--force"))
        assert line == (
            f"Error: {fifo} is a FIFO (named pipe), not a regular file; connact writes only regular files: "
            "choose another name with -o"
        )
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)

    def test_force_never_replaces_a_device(self, capsys, tmp_path):
        device = tmp_path / "null.md"
        try:
            os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("creating a device node needs root")
        line = refused(plan_to(capsys, tmp_path, device, "--force"))
        assert "is a character device, not a regular file" in line
        info = os.lstat(device)
        assert stat.S_ISCHR(info.st_mode) and info.st_rdev == os.makedev(1, 3)

    @pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="as root a regression would replace it")
    def test_dev_null_stays_a_device(self, capsys, tmp_path):
        line = refused(plan_to(capsys, tmp_path, "/dev/null", "--force"))
        assert "/dev/null is a character device, not a regular file" in line
        assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)

    def test_a_link_is_never_written_through(self, capsys, tmp_path):
        """-o names a link: refused, with --force too, so that a link planted in a shared folder writes nothing."""
        target = tmp_path / "elsewhere" / "precious.md"
        target.parent.mkdir()
        target.write_text("precious", encoding="utf-8")
        link = tmp_path / "plan.md"
        link.symlink_to(target)
        line = refused(plan_to(capsys, tmp_path, link, "--force"))
        assert line == (
            f"Error: {link} is a symbolic link; connact never writes through a link: name the real file with -o, "
            "or remove the link"
        )
        assert link.is_symlink() and target.read_text(encoding="utf-8") == "precious"

    def test_a_dangling_link_creates_no_file_where_it_points(self, capsys, tmp_path):
        link = tmp_path / "plan.md"
        link.symlink_to(tmp_path / "elsewhere.md")
        assert "is a symbolic link" in refused(plan_to(capsys, tmp_path, link))
        assert not (tmp_path / "elsewhere.md").exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yaml", "plan.md"]

    def test_a_folder_reached_through_a_link_is_fine(self, capsys, tmp_path):
        (tmp_path / "real").mkdir()
        (tmp_path / "via").symlink_to(tmp_path / "real")
        result = plan_to(capsys, tmp_path, tmp_path / "via" / "plan.md")
        assert result.code == 0, result.err
        assert (tmp_path / "real" / "plan.md").is_file()

    def test_a_workshop_never_replaces_a_fifo_in_its_folder(self, capsys, tmp_path):
        from helpers import EXAMPLES, run

        out = tmp_path / "out"
        out.mkdir()
        os.mkfifo(out / "workshop-report.md")
        script = EXAMPLES / "workshop" / "training-day.workshop.yaml"
        result = run(capsys, "workshop", "run", str(script), "--no-input", "-o", str(out), "--force")
        assert "workshop-report.md is a FIFO (named pipe), not a regular file" in refused(result)
        assert stat.S_ISFIFO(os.lstat(out / "workshop-report.md").st_mode)
        assert [p.name for p in out.iterdir()] == ["workshop-report.md"]


class TestNames:
    def test_a_name_too_long_for_the_folder_is_one_line(self, capsys, tmp_path):
        output = tmp_path / ("x" * 300 + ".md")
        line = refused(plan_to(capsys, tmp_path, output))
        assert "is 303 bytes, more than the 255 the folder" in line and "choose a shorter name with -o" in line

    def test_the_longest_legal_name_is_written(self, capsys, tmp_path):
        """The temporary file's name is short, so it never makes a legal name too long."""
        output = tmp_path / ("y" * 252 + ".md")
        result = plan_to(capsys, tmp_path, output)
        assert result.code == 0, result.err
        assert output.is_file()
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([output.name, "answers.yaml"])
