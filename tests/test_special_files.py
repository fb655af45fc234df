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
