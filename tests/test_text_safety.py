"""Text from files, arguments and sessions: literal on the terminal, never markup or control codes, and
never a control character in a plan; a run writes all its files or none."""

import io
import json
import zipfile

import pytest
from rich.console import Console

from connact_cli.context import Context
from connact_cli.interview.questions import NOTE
from connact_cli.interview.sessions import SessionOptions, SessionStore
from helpers import PRACTICE, ScriptedPrompter, SkippingQuestionary, answers_file, bundled_library, run, write

ESC, BACKSPACE = "\x1b", "\x08"
ORGANISATION = "Harbour\x1b]0;owned\x07 Steps\x08"  # sets the window title on a terminal that reads it
NOTE_TEXT = "Hotels asked\x1b[2J\x08 twice \x1b]52;c;ZXZpbA==\x07 [link=https://evil.example]call[/link]"
QUESTION = "employment.services.employer_links"


def hostile_library(tmp_path, title="Hub\x1b]8;;https://evil.example\x1b\\ for mediators\x1b[2J"):
    text = PRACTICE.replace("title: A test practice", f"title: {json.dumps(title)}")
    return write(tmp_path / "lib" / "test-practice.yaml", text).parent


def hostile_answers(tmp_path, name="answers.yaml"):
    return answers_file(
        tmp_path, {QUESTION: "no"}, notes={QUESTION: NOTE_TEXT}, profile={"organisation": ORGANISATION}, name=name
    )


class TestMarkupIsText:
    def test_search_for_a_closing_tag_is_a_search(self, capsys):
        result = run(capsys, "practices", "search", "[/x]")
        assert result.code == 0, result.err
        assert result.out.strip() == "No practice mentions '[/x]'."

    def test_library_titles_with_brackets_show_literally(self, capsys, tmp_path):
        library = hostile_library(tmp_path, title="Migrant Hub [pilot] [/steps] [link=https://e.example]x[/link]")
        for args in (("search", "[pilot]"), ("show", "test-practice"), ("list",)):
            result = run(capsys, "practices", *args, "--library", str(library))
            assert result.code == 0, result.err
            assert "Migrant Hub [pilot] [/steps] [link=https://e.example]x[/link]" in result.out, args
            assert args[0] != "search" or result.out.startswith("1 found for '[pilot]'")

    @pytest.mark.parametrize("organisation", ["Migrant Hub [pilot]", "Harbour [/steps] Steps"])
    def test_organisation_names_show_literally_in_the_sessions_list(self, capsys, tmp_path, monkeypatch, organisation):
        monkeypatch.setenv("CONNACT_DATA_DIR", str(tmp_path / "data"))
        store = SessionStore(tmp_path / "data" / "sessions")
        session = store.new(SessionOptions())
        session.profile = {"organisation": organisation}
        store.save(session)
        result = run(capsys, "sessions", "list")
        assert result.code == 0, result.err
        assert organisation in result.out

    @pytest.mark.parametrize("organisation", ["Migrant Hub [pilot]", "Harbour [/steps] Steps"])
    def test_a_whole_interview_ends_with_its_plan_and_shows_brackets_literally(self, tmp_path, organisation):
        """Markup in a note, a practice title (offered at the review) and the output path stay literal."""
        from connact_cli.commands import plan as planning

        library = hostile_library(tmp_path, title="Migrant Hub [pilot] [/steps]")
        folder = tmp_path / "[pilot] [" / "steps]"  # rich reads the path as '.../[pilot] [/steps]'
        folder.mkdir(parents=True)
        question = bundled_library().checklist("employment").questions()[0]
        prompter = ScriptedPrompter(
            {
                "Organisation name": [organisation],
                "Country": ["MT"],
                "Which themes": [["employment"]],
                "Start month": ["2027-01"],
                question.text.get(): [NOTE, "no"],
                "Note": ["we tried [/steps] and [bold]twice"],
            },
            default="no",
        )
        shown = io.StringIO()
        context = Context.from_environment().with_library([library])
        request = planning.Request(output=folder / "plan.md", top=20)
        planning.run(context, request, console=Console(file=shown, width=1000), prompter=prompter)
        terminal = shown.getvalue()
        assert any("Migrant Hub [pilot] [/steps]" in label for label in prompter.labels)
        saved = (folder / "plan.answers.yaml").read_text(encoding="utf-8")
        assert "we tried [/steps] and [bold]twice" in saved
        assert f"Answers saved to {folder / 'plan.answers.yaml'}" in terminal
        assert (folder / "plan.md").exists() and (folder / "plan.answers.yaml").exists()

    def test_a_workshop_folder_with_brackets_is_named_literally(self, capsys, tmp_path):
        from helpers import EXAMPLES

        out = tmp_path / "[" / "steps]"
        script = EXAMPLES / "workshop" / "training-day.workshop.yaml"
        result = run(capsys, "workshop", "run", str(script), "--no-input", "--no-timer", "-o", str(out))
        assert result.code == 0, result.err
        assert f"Workshop outputs written to {out} (7 files)" in " ".join(result.out.split())


def workshop_script(tmp_path, answers):
    """A one-step workshop whose title, briefing and group carry ESC sequences."""
    return write(
        tmp_path / "w.workshop.yaml",
        f"""
        kind: workshop
        title: "Day\\e]0;owned\\a one"
        date: "2027-01-01"
        facilitator: Someone
        profile: {{organisation_type: ngo, country: MT, themes: [employment], duration_months: 6}}
        agenda:
          - id: one
            title: "Employers\\e[2J [/steps]"
            minutes: 10
            sections: [employment.services]
            briefing: "Read out\\e]52;c;ZXZpbA==\\a"
        groups:
          - name: "Group\\e[31m A"
            answers: {answers.name}
        """,
    )


class TestNoControlCodesOnTheTerminal:
    def test_plan_no_input(self, capsys, tmp_path):
        result = run(
            capsys,
            "plan",
            "--answers",
            str(hostile_answers(tmp_path)),
            "--no-input",
            "-o",
            str(tmp_path / "plan\x1b[2J.md"),
            "-f",
            "md,docx",
            "--library",
            str(hostile_library(tmp_path)),
        )
        assert result.code == 0, result.err
        assert ESC not in result.out + result.err
        assert "Plan written to" in result.out and "plan␛[2J.md" in result.out

    def test_error_lines_show_values_visibly(self, capsys, tmp_path):
        path = answers_file(tmp_path, {QUESTION: "n\x1b[2Jo"})
        result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "p.md"))
        assert result.code == 2
        assert ESC not in result.err and "n␛[2Jo" in result.err

    @pytest.mark.parametrize("args", [("show", "test-practice"), ("search", "mediators"), ("list",)])
    def test_practices(self, capsys, tmp_path, args):
        result = run(capsys, "practices", *args, "--library", str(hostile_library(tmp_path)))
        assert result.code == 0, result.err
        assert ESC not in result.out + result.err
        assert "Hub␛]8;;https://evil.example␛\\ for mediators␛[2J" in result.out.replace("\n", "")

    def test_workshop_run_no_input(self, capsys, tmp_path):
        script = workshop_script(tmp_path, hostile_answers(tmp_path, "g.answers.yaml"))
        out = tmp_path / "out"
        result = run(
            capsys, "workshop", "run", str(script), "--no-input", "--no-timer", "-o", str(out), "-f", "md,docx"
        )
        assert result.code == 0, result.err
        assert ESC not in result.out + result.err

    def test_workshop_run_interactive(self, tmp_path):
        """The real Prompter, its questionary replaced by one that skips every question and keeps what it shows."""
        from connact_cli.commands import workshop
        from connact_cli.interview.prompter import QuestionaryPrompter
        from connact_cli.library import workshop_script as scripts

        script = workshop_script(tmp_path, hostile_answers(tmp_path, "g.answers.yaml"))
        library = bundled_library()
        shown = io.StringIO()
        console = Console(file=shown, width=200)
        prompter = QuestionaryPrompter(console)
        prompter._q = SkippingQuestionary()
        options = workshop.RunOptions(out_dir=tmp_path / "out", timer=False)
        loaded = scripts.load(script, library)
        workshop.run_interactive(Context.from_environment(), loaded, library, options, console, prompter, "2027-01")
        terminal = shown.getvalue()
        assert ESC not in terminal + "".join(prompter._q.shown)
        assert "Employers␛[2J [/steps]" in terminal and "Read out␛]52;c;ZXZpbA==␇" in terminal
        assert "Day␛]0;owned␇ one" in terminal  # the workshop's title, above the step
        assert "Group␛[31m A   not assessed" in terminal  # the group's answer, in the table after each question
        assert any(shown.startswith("[Group␛[31m A] ") for shown in prompter._q.shown)


class TestNoControlCharactersInDocuments:
    def test_every_format_is_written_without_them(self, capsys, tmp_path):
        from docx import Document as WordDocument
        from openpyxl import load_workbook

        out = tmp_path / "plan.md"
        path = hostile_answers(tmp_path)
        result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(out), "-f", "md,html,docx,xlsx")
        assert result.code == 0, result.err
        for suffix in ("md", "html"):
            text = out.with_suffix(f".{suffix}").read_text(encoding="utf-8")
            assert ESC not in text and BACKSPACE not in text and "\x07" not in text
            assert "owned Steps" in text and "Hotels asked" in text
        word = WordDocument(str(out.with_suffix(".docx")))
        assert word.paragraphs[0].text == "Integration programme plan: Harbour]0;owned Steps"
        load_workbook(out.with_suffix(".xlsx"))
        with zipfile.ZipFile(out.with_suffix(".docx")) as package:
            xml = [name for name in package.namelist() if name.endswith(".xml")]
            assert all(ESC.encode() not in package.read(name) for name in xml)

    def test_bidi_overrides_are_removed(self, capsys, tmp_path):
        path = answers_file(tmp_path, profile={"organisation": "Harbour \u202egnp.exe\u202c Steps \u2067x\u2069"})
        out = tmp_path / "plan.md"
        assert run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(out)).code == 0
        assert "# Integration programme plan: Harbour gnp.exe Steps x\n" in out.read_text(encoding="utf-8")

    def test_json_keeps_the_text_but_no_raw_control(self, capsys, tmp_path):
        path = answers_file(tmp_path, profile={"organisation": "Harbour\x9b2J\u202e Steps"})
        out = tmp_path / "plan.json"
        assert run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(out), "-f", "json").code == 0
        raw = out.read_text(encoding="utf-8")
        assert "\x9b" not in raw and "\u202e" not in raw
        assert json.loads(raw)["profile"]["organisation"] == "Harbour\x9b2J\u202e Steps"


class TestAllOrNothing:
    def test_a_format_that_fails_to_render_writes_nothing(self, capsys, tmp_path, monkeypatch):
        from connact_cli import render

        def broken(document, data, options):
            raise RuntimeError("the spreadsheet library broke")

        monkeypatch.setitem(render.FORMATS, "xlsx", broken)
        out = tmp_path / "plan.md"
        result = run(
            capsys, "plan", "--answers", str(answers_file(tmp_path)), "--no-input", "-o", str(out), "-f", "md,html,xlsx"
        )
        assert result.code == 3
        assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yaml"]

    def test_a_failed_write_removes_what_the_run_wrote_and_keeps_what_was_there(self, capsys, tmp_path, monkeypatch):
        from connact_cli.library import files

        (tmp_path / "plan.html").write_text("the old page", encoding="utf-8")
        real = files.write_atomic

        def full_disk_at_docx(path, content, **options):
            if path.suffix == ".docx":
                raise files.OutputError(f"could not write {path} (No space left on device)")
            return real(path, content, **options)

        monkeypatch.setattr(files, "write_atomic", full_disk_at_docx)
        out = tmp_path / "plan.md"
        path = answers_file(tmp_path)
        result = run(
            capsys, "plan", "--answers", str(path), "--no-input", "-o", str(out), "-f", "md,html,docx", "--force"
        )
        assert result.code == 2 and "No space left" in result.err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yaml", "plan.html"]
        assert "Plan written" not in result.out

    def test_a_workshop_that_fails_to_render_writes_nothing_and_can_run_again(self, capsys, tmp_path, monkeypatch):
        from connact_cli import render
        from helpers import EXAMPLES

        real = render.FORMATS["docx"]

        def broken_report(document, data, options):
            if document.title.startswith("Workshop report"):
                raise RuntimeError("the report broke")
            return real(document, data, options)

        monkeypatch.setitem(render.FORMATS, "docx", broken_report)
        script = EXAMPLES / "workshop" / "training-day.workshop.yaml"
        out = tmp_path / "out"
        args = ("workshop", "run", str(script), "--no-input", "-o", str(out), "-f", "md,docx")
        assert run(capsys, *args).code == 3
        assert not out.exists() or not any(out.iterdir())
        monkeypatch.undo()
        assert run(capsys, *args).code == 0
