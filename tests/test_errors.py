"""Every expected failure is one line with a documented exit code, including typer's own usage errors."""

from unittest import mock

from helpers import answers_file, run


def test_a_usage_error_is_one_line_naming_the_help_to_read(capsys):
    result = run(capsys, "plan", "--top", "x")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: Invalid value for '--top'")
    assert lines[0].endswith("(see 'connact plan --help')")


def test_an_unknown_command_is_one_line(capsys):
    result = run(capsys, "nosuch")
    assert result.code == 2 and result.err.strip().splitlines() == [
        "Error: No such command 'nosuch'. (see 'connact --help')"
    ]


def test_ctrl_c_outside_the_interview_prints_its_line(capsys):
    with mock.patch("connact_cli.commands.browse.checklists_list", side_effect=KeyboardInterrupt):
        result = run(capsys, "checklists", "list")
    assert result.code == 130 and result.err.strip() == "Interrupted."


def test_a_start_month_out_of_range_is_an_input_error(capsys, tmp_path):
    for month, months in (("0000-01", 12), ("9999-12", 120), ("2099-06", 120)):
        path = answers_file(tmp_path, profile={"start_month": month, "duration_months": months})
        result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "p.md"))
        assert result.code == 2, (month, result.err)
        assert len(result.err.strip().splitlines()) == 1 and "start_month" in result.err
