"""Property-based fuzzing: no answers or practice file, however broken, makes connact crash.

Every case must end with exit 0, 1 or 2 and, when it fails, one line of explanation: never a
traceback (exit 3 means an unexpected exception). Hostile text (controls, rich markup, bidi overrides,
very long strings, Greek and Arabic) in answers files, practice files and workshop scripts must also
leave no control character on the terminal or in md, html, docx and xlsx, and Word and Excel files
must open. CI runs a small number of cases per property; run thousands on demand with:
CONNACT_FUZZ_EXAMPLES=10000 pytest -m fuzz
"""

import copy
import io
import json
import os
import re
import shutil
import zipfile

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from connact_cli.commands import workshop
from connact_cli.context import Context
from connact_cli.errors import ConnactError
from connact_cli.interview.prompter import QuestionaryPrompter
from connact_cli.interview.sessions import SessionOptions, SessionStore
from connact_cli.library import workshop_script
from connact_cli.library.yamlio import dump
from helpers import EXAMPLES, PRACTICE, SkippingQuestionary, bundled_library, run

pytestmark = pytest.mark.fuzz

EXAMPLES_PER_PROPERTY = int(os.environ.get("CONNACT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES_PER_PROPERTY,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

VALID_ANSWERS = yaml.safe_load((EXAMPLES / "malta-ngo-employment.answers.yaml").read_text(encoding="utf-8"))
VALID_PRACTICE = yaml.safe_load(PRACTICE)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["yes", "no", "partly", "unsure", "ngo", "MT", "health", "2027-01", "", "~"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12,
)


def _paths(data, prefix=()):
    """Every path into a nested structure, to pick one to break."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


@st.composite
def mutated(draw, valid):
    """A valid document with a few parts replaced, deleted or added."""
    data = copy.deepcopy(valid)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = draw(values)
        elif isinstance(parent, list):
            parent.append(draw(values))
    return data


def _dump(data) -> str:
    """The data as connact writes YAML: every string reads back as it was (NEL and the Unicode line and
    paragraph separators are escaped), so that what a test compares is connact's doing, not PyYAML's."""
    try:
        return dump(data)
    except Exception:  # some generated keys or values PyYAML itself cannot write
        return yaml.safe_dump(str(data))


def _check(result):
    assert result.code in (0, 1, 2), result.err
    assert "Traceback" not in result.out + result.err
    if result.code:
        # A warning (a language connact lacks, say) may come first; the failure itself is an Error line.
        lines = [line for line in result.err.strip().splitlines() if not line.startswith("Warning: ")]
        assert lines
        assert lines[0].startswith("Error: ") or "problem" in result.err


raw_texts = st.one_of(
    st.text(max_size=300),
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
    st.lists(
        st.sampled_from(
            [
                "connact: 1\n",
                "profile:\n",
                "  organisation: X\n",
                "answers:\n",
                "  - a\n",
                "&a [*a]\n",
                "{",
                "}",
                "- ",
                ": ",
                "\t",
                "!!python/object:os.system\n",
                "\ufeff",
            ]
        ),
        max_size=15,
    ).map("".join),
)


@FUZZ
@given(data=mutated(VALID_ANSWERS))
def test_mutated_answers_files(capsys, tmp_path, data):
    path = tmp_path / "fuzz.answers.yaml"
    path.write_text(_dump(data), encoding="utf-8")
    _check(run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "out.md"), "--force"))


@FUZZ
@given(text=raw_texts)
def test_raw_text_as_answers_file(capsys, tmp_path, text):
    path = tmp_path / "fuzz.answers.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    _check(run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "out.md"), "--force"))
    _check(run(capsys, "validate", str(path)))


@FUZZ
@given(data=mutated(VALID_PRACTICE))
def test_mutated_practice_files(capsys, tmp_path, data):
    library = tmp_path / "library"
    library.mkdir(exist_ok=True)
    (library / "practice.yaml").write_text(_dump(data), encoding="utf-8")
    _check(run(capsys, "validate", str(library)))
    _check(run(capsys, "practices", "list", "--library", str(library)))


@FUZZ
@given(data=mutated(VALID_ANSWERS))
def test_mutated_answers_files_compared(capsys, tmp_path, data):
    path = tmp_path / "fuzz.answers.yaml"
    path.write_text(_dump(data), encoding="utf-8")
    baseline = str(EXAMPLES / "malta-ngo-employment.answers.yaml")
    _check(run(capsys, "compare", baseline, str(path), "-f", "json"))
    _check(run(capsys, "compare", str(path), baseline))


# Hostile text: what an answers file, a practice file, a workshop script or a command line may carry.
# Every case ends without a traceback, and no control character (but newline and tab) or bidi override
# reaches the terminal, Markdown, HTML, Word or Excel; Word and Excel files open.
HOSTILE = [
    "\x1b[2J",
    "\x1b]0;owned\x07",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x08",
    "\x00",
    "\r",
    "\x0b",
    "\x7f",
    "\x9b2J",
    "\x85",
    "\x9d0;t\x9c",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\ud800",
    "\ufffe",
    "[/x]",
    "[/steps]",
    "[bold]",
    "[link=https://evil.example]x[/link]",
    ":smile:",
    "\\",
    "Μετανάστες και πρόσφυγες",
    "المهاجرون واللاجئون",
    "<script>alert(1)</script>",
    "| --- |",
    "# h",
    "{{ 7*7 }}",
    '=HYPERLINK("https://evil.example")',
]
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

hostile = st.one_of(
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), min_size=1, max_size=8).map("".join),
    st.text(st.characters(max_codepoint=0x3000), min_size=1, max_size=40),
)
very_long = st.tuples(st.sampled_from(HOSTILE), st.integers(min_value=50, max_value=3000)).map(lambda p: p[0] * p[1])
notes = st.one_of(hostile, very_long)


def _clean_text(text: str, where: str) -> None:
    found = FORBIDDEN.search(text)
    assert found is None, f"{found.group()!r} in {where}: {text[max(0, found.start() - 40) : found.end() + 40]!r}"


def _check_hostile(result) -> None:
    _check(result)
    _clean_text(result.out + result.err, "the terminal")


def _check_package(path) -> None:
    """A Word or Excel file: it opens, and none of its XML parts holds a forbidden character."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                _clean_text(package.read(name).decode("utf-8"), f"{path.name}:{name}")


def _check_outputs(out) -> None:
    from docx import Document
    from openpyxl import load_workbook

    for suffix in ("md", "html"):
        _clean_text(out.with_suffix(f".{suffix}").read_text(encoding="utf-8"), suffix)
    Document(str(out.with_suffix(".docx")))
    load_workbook(out.with_suffix(".xlsx"))
    for suffix in ("docx", "xlsx"):
        _check_package(out.with_suffix(f".{suffix}"))


@FUZZ
@given(organisation=hostile, region=hostile, language=hostile, partner=hostile, note=notes, other=notes)
def test_hostile_text_in_an_answers_file_through_every_format(
    capsys, tmp_path, monkeypatch, organisation, region, language, partner, note, other
):
    """Every format of the plan, and the saved-interviews list that shows the organisation."""
    data = copy.deepcopy(VALID_ANSWERS)
    data["profile"].update(organisation=organisation, region=region, languages=[language], partners=[partner])
    answered = list(data["answers"])
    data["notes"] = {answered[0]: note, answered[-1]: other}
    path = tmp_path / "hostile.answers.yaml"
    path.write_text(_dump(data), encoding="utf-8")
    out = tmp_path / "plan.md"
    formats = "md,html,docx,json,xlsx"
    result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(out), "-f", formats, "--force")
    _check_hostile(result)
    if result.code == 0:
        _check_outputs(out)
        plan = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
        assert plan["profile"]["organisation"] in organisation  # JSON keeps the text (trimmed at most)
    sessions = tmp_path / "data" / "sessions"
    shutil.rmtree(sessions, ignore_errors=True)
    monkeypatch.setenv("CONNACT_DATA_DIR", str(sessions.parent))
    store = SessionStore(sessions)
    session = store.new(SessionOptions())
    session.profile = {"organisation": organisation, "region": region}
    store.save(session)
    _check_hostile(run(capsys, "sessions", "list"))


@FUZZ
@given(title=hostile, summary=notes, organisation=hostile, role=hostile, words=hostile)
def test_hostile_text_in_a_practice_file_on_the_terminal_and_in_a_plan(
    capsys, tmp_path, title, summary, organisation, role, words
):
    practice = dict(VALID_PRACTICE, title=title, summary=summary, organisations=[organisation], roles=[role])
    library = tmp_path / "library"
    library.mkdir(exist_ok=True)
    (library / "test-practice.yaml").write_text(_dump(practice), encoding="utf-8")
    for args in (("list",), ("show", "test-practice"), ("search", "--", words), ("search", "--", title)):
        _check_hostile(run(capsys, "practices", args[0], "--library", str(library), *args[1:]))
    answers = tmp_path / "answers.yaml"
    answers.write_text(_dump(dict(VALID_ANSWERS, notes={})), encoding="utf-8")
    out = tmp_path / "plan.md"
    args = ("--answers", str(answers), "--no-input", "-o", str(out), "-f", "md,html,docx,xlsx", "--force")
    result = run(capsys, "plan", *args, "--top", "50", "--library", str(library))
    _check_hostile(result)
    if result.code == 0:
        _check_outputs(out)


@FUZZ
@given(title=hostile, step=hostile, briefing=notes, prompt=hostile, group=hostile, organisation=hostile)
def test_hostile_text_in_a_workshop_on_the_terminal_and_in_its_outputs(
    capsys, tmp_path, monkeypatch, title, step, briefing, prompt, group, organisation
):
    """The batch run, and the facilitator's panels and status lines through the real Prompter."""
    folder = tmp_path / "workshop"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    script = {
        "kind": "workshop",
        "title": title,
        "date": "2027-01-01",
        "facilitator": organisation,
        "profile": {"organisation_type": "ngo", "country": "MT", "themes": ["employment"], "duration_months": 6},
        "agenda": [
            {
                "id": "one",
                "title": step,
                "minutes": 5,
                "sections": ["employment.services"],
                "briefing": briefing,
                "prompts": [prompt],
                "facilitator_notes": prompt,
            }
        ],
        "groups": [{"name": group}],
    }
    path = folder / "w.workshop.yaml"
    path.write_text(_dump(script), encoding="utf-8")
    _check_hostile(run(capsys, "validate", str(path)))
    out = folder / "batch"
    sheet = folder / "run-sheet.md"
    _check_hostile(
        run(
            capsys,
            *("workshop", "run", str(path), "--no-input", "--no-timer", "-o", str(out), "-f", "md,docx"),
            *("--notes", str(sheet)),
        )
    )
    if sheet.exists():
        _clean_text(sheet.read_text(encoding="utf-8"), "the facilitator's run sheet")
    monkeypatch.setenv("CONNACT_DATA_DIR", str(folder / "data"))
    shown = io.StringIO()
    console = Console(file=shown, width=100)
    prompter = QuestionaryPrompter(console)
    prompter._q = SkippingQuestionary()
    library = bundled_library()
    try:
        loaded = workshop_script.load(path, library)
        options = workshop.RunOptions(out_dir=folder / "live", timer=False)
        workshop.run_interactive(Context.from_environment(), loaded, library, options, console, prompter, "2027-01")
    except ConnactError:
        pass  # the script is invalid: the batch run above said so in one line
    _clean_text(shown.getvalue() + "".join(prompter._q.shown), "the facilitator's terminal")
