"""Text from files, arguments and sessions: never a control character in a plan."""

import json
import zipfile

from helpers import PRACTICE, answers_file, run, write

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
