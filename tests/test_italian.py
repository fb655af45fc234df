"""connact in Italian: the same answers give an English or an Italian plan, and an Italian plan, handout,
spreadsheet or comparison keeps no English sentence of connact's own (catalogue or data)."""

import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from connact_cli.library.translations import catalogue_file
from helpers import EXAMPLES, bundled_data_dir, run

PLACEHOLDER = re.compile(r"\{[^{}]*\}|\[/?[a-z ]*\]|%\w|\n|\*\*|`")
EXAMPLE_ANSWERS = sorted(EXAMPLES.glob("*.answers.yaml"))


def fragments(english: str, italian: str) -> set[str]:
    """The pieces of an English text, between placeholders, long enough to be a sentence of their own."""
    if english.strip() == italian.strip():
        return set()
    pieces = (piece.strip(" .,:;()'\"-–—") for piece in PLACEHOLDER.split(english))
    return {piece for piece in pieces if len(piece.split()) >= 3 and len(piece) >= 16}


def catalogue_messages():
    """Each message of the Italian catalogue, with its English ids and Italian strings as tuples (plural
    forms have several)."""
    with catalogue_file("it").open("rb") as handle:
        for message in read_po(handle):
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            yield message, ids, strings


@cache
def catalogue_english() -> frozenset[str]:
    """connact's English interface sentences that have an Italian translation different from them."""
    found = set()
    for _message, ids, strings in catalogue_messages():
        for msgid in filter(None, ids):
            found |= fragments(msgid, strings[0] or msgid)
    return frozenset(found)


def local_texts(value):
    if isinstance(value, dict):
        if "en" in value and "it" in value and all(isinstance(v, str) for v in value.values()):
            yield value["en"], value["it"]
        else:
            for item in value.values():
                yield from local_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from local_texts(item)


def cited(value):
    """The titles of cited documents: a plan quotes them as published."""
    if isinstance(value, dict):
        if isinstance(value.get("document"), str):
            yield " ".join(value["document"].split())
        for item in value.values():
            yield from cited(item)
    elif isinstance(value, list):
        for item in value:
            yield from cited(item)


@cache
def data_english() -> frozenset[str]:
    """The English of every data text whose Italian differs, as whole texts (normalised spaces), but for
    the titles of cited documents."""
    found, titles = set(), set()
    for path in bundled_data_dir().rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        titles |= set(cited(data))
        for english, italian in local_texts(data):
            if english.strip() != italian.strip() and len(english.split()) >= 4:
                found.add(" ".join(english.split()))
    return frozenset(found - titles)


def english_left(text: str) -> list[str]:
    flat = " ".join(text.replace("\\", "").split())
    return sorted(s for s in catalogue_english() | data_english() if s in flat)


def plan(capsys, tmp_path, answers: Path, *options: str, fmt: str = "md") -> Path:
    out = tmp_path / f"plan-{answers.stem}-{'-'.join(options) or 'default'}.{fmt}"
    result = run(capsys, "plan", "--answers", str(answers), "--no-input", "-f", fmt, "-o", str(out), *options)
    assert result.code == 0, result.err
    return out


@pytest.mark.parametrize("answers", EXAMPLE_ANSWERS, ids=lambda p: p.stem)
def test_every_example_plan_in_italian_keeps_no_english_sentence(capsys, tmp_path, answers):
    text = plan(capsys, tmp_path, answers, "--lang", "it").read_text(encoding="utf-8")
    assert english_left(text) == []
    assert "Piano" in text or "piano" in text


def test_the_check_finds_english_when_there_is_some(capsys, tmp_path):
    english = plan(capsys, tmp_path, EXAMPLE_ANSWERS[0]).read_text(encoding="utf-8")
    assert len(english_left(english)) > 20


def with_language(tmp_path: Path, answers: Path, language: str) -> Path:
    text = answers.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    path = tmp_path / f"{answers.stem}.{language}.yaml"
    path.write_text(text.replace("\nlanguage: en\n", f"\nlanguage: {language}\n"), encoding="utf-8")
    return path


def test_an_english_answers_file_gives_an_italian_plan_and_the_other_way_round(capsys, tmp_path):
    english_file = EXAMPLES / "malta-ngo-employment.answers.yaml"
    italian_file = with_language(tmp_path, english_file, "it")
    english = plan(capsys, tmp_path, english_file).read_text(encoding="utf-8")
    italian = plan(capsys, tmp_path, italian_file).read_text(encoding="utf-8")
    assert italian != english and english_left(italian) == []
    assert plan(capsys, tmp_path, english_file, "--lang", "it").read_text(encoding="utf-8") == italian
    assert plan(capsys, tmp_path, italian_file, "--lang", "en").read_text(encoding="utf-8") == english
    data = json.loads(plan(capsys, tmp_path, english_file, "--lang", "it", fmt="json").read_text(encoding="utf-8"))
    assert data["language"] == "it"


def test_languages_are_named_in_the_plan_language(capsys, tmp_path):
    source = EXAMPLES / "malta-ngo-employment.answers.yaml"
    assert "languages: [Arabic, Tigrinya, English]" in source.read_text(encoding="utf-8")
    italian = plan(capsys, tmp_path, source, "--lang", "it").read_text(encoding="utf-8")
    english = plan(capsys, tmp_path, source).read_text(encoding="utf-8")
    assert "arabo, tigrino, inglese" in italian and "Arabic, Tigrinya, English" in english


def test_the_handout_in_italian(capsys, tmp_path):
    out = tmp_path / "employment-checklist.md"
    result = run(capsys, "checklists", "print", "employment", "--lang", "it", "-o", str(out))
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    checklist = yaml.safe_load((bundled_data_dir() / "checklists" / "employment.yaml").read_text(encoding="utf-8"))
    first = checklist["pillars"][0]["questions"][0]
    assert " ".join(first["text"]["it"].split()) in " ".join(text.split())
    assert english_left(text) == []


def test_the_spreadsheet_in_italian(capsys, tmp_path):
    from openpyxl import load_workbook

    path = plan(capsys, tmp_path, EXAMPLES / "italy-municipality-cohesion.answers.yaml", "--lang", "it", fmt="xlsx")
    book = load_workbook(path)
    cells = [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value]
    assert english_left("\n".join([*book.sheetnames, *cells])) == []


def test_the_comparison_in_italian(capsys, tmp_path):
    out = tmp_path / "compare.md"
    result = run(
        capsys,
        "compare",
        str(EXAMPLES / "malta-ngo-employment.answers.yaml"),
        str(EXAMPLES / "malta-ngo-employment-after.answers.yaml"),
        "-o",
        str(out),
        "--lang",
        "it",
    )
    assert result.code == 0, result.err
    assert english_left(out.read_text(encoding="utf-8")) == []


def test_browsing_in_italian(capsys):
    result = run(capsys, "--lang", "it", "checklists", "list")
    assert result.code == 0 and english_left(result.out) == []
    result = run(capsys, "--lang", "it", "practices", "show", "iwg-varese-it")
    assert result.code == 0 and "Tavolo di lavoro per l'integrazione di Varese" in result.out
    assert english_left(result.out) == []


def italian_left(text: str) -> list[str]:
    """connact's Italian sentences (catalogue) found in `text`: none belongs in an English document."""
    with catalogue_file("it").open("rb") as handle:
        italian = set()
        for message in read_po(handle):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            if message.id and strings[0]:
                italian |= fragments(strings[0], ids[0])
    flat = " ".join(text.replace("\\", "").split())
    return sorted(s for s in italian if s in flat)


def mixed_workshop(tmp_path: Path, explicit: bool = False) -> Path:
    """The example workshop with group B working in Italian: by its answers file, or by the script."""
    folder = tmp_path / "workshop"
    folder.mkdir(parents=True)
    for source in (EXAMPLES / "workshop").iterdir():
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    if explicit:
        script = folder / "training-day.workshop.yaml"
        text = script.read_text(encoding="utf-8")
        script.write_text(
            text.replace(
                "    answers: group-b.answers.yaml\n", "    answers: group-b.answers.yaml\n    language: it\n"
            ),
            encoding="utf-8",
        )
    else:
        answers = folder / "group-b.answers.yaml"
        answers.write_text("language: it\n" + answers.read_text(encoding="utf-8"), encoding="utf-8")
    return folder / "training-day.workshop.yaml"


def workshop(capsys, script: Path, out: Path, *options: str) -> dict[str, str]:
    result = run(capsys, "workshop", "run", str(script), "--no-input", "-o", str(out), *options)
    assert result.code == 0, result.err
    return {path.name: path.read_text(encoding="utf-8") for path in out.glob("*.md")}


def test_a_workshop_whose_groups_work_in_english_and_italian_gives_one_report(capsys, tmp_path):
    files = workshop(capsys, mixed_workshop(tmp_path), tmp_path / "out")
    english_a = files["group-a-ngo-caseworkers-plan.md"]
    italian_b = files["group-b-local-council-plan.md"]
    report = files["workshop-report.md"]
    assert english_left(italian_b) == [] and italian_left(english_a) == []
    assert "Tavolo" in italian_b or "piano" in italian_b.lower()
    assert italian_left(report) == []
    for group in ("Group A – NGO caseworkers", "Group B – Local council", "Group C – Adult educators"):
        assert group in report
    saved = yaml.safe_load((tmp_path / "out" / "group-b-local-council.answers.yaml").read_text(encoding="utf-8"))
    assert saved["language"] == "it"


def test_the_report_follows_lang_and_a_group_the_script_sets_keeps_its_language(capsys, tmp_path):
    files = workshop(capsys, mixed_workshop(tmp_path, explicit=True), tmp_path / "out", "--lang", "en")
    assert english_left(files["group-b-local-council-plan.md"]) == []
    assert italian_left(files["workshop-report.md"]) == []
    script = mixed_workshop(tmp_path / "it", explicit=True)
    files = workshop(capsys, script, tmp_path / "out-it", "--lang", "it")
    written = " ".join(script.read_text(encoding="utf-8").split())  # the trainer's own words stay as written
    assert [s for s in english_left(files["workshop-report.md"]) if s not in written] == []
    assert english_left(files["group-a-ngo-caseworkers-plan.md"]) == []


def test_the_italian_example_plan_is_in_step(capsys, tmp_path):
    """examples/italy-municipality-cohesion.piano.md is what the current code writes in Italian."""
    name = "italy-municipality-cohesion"
    written = plan(capsys, tmp_path, EXAMPLES / f"{name}.answers.yaml", "--lang", "it").read_text(encoding="utf-8")
    assert written == (EXAMPLES / f"{name}.piano.md").read_text(encoding="utf-8"), (
        f"examples/{name}.piano.md is out of date: regenerate it with connact plan --answers "
        f"examples/{name}.answers.yaml --no-input --lang it -o examples/{name}.piano.md --force"
    )


# An organisation's name is whatever the user typed ("Comune di Esempio", "Associazione X"), so an
# Italian preposition (or "soltanto") cannot agree with it: "presso Comune di Esempio" reads as a mistake.
BARE_PREPOSITION = re.compile(
    r"\b(?:di|a|da|in|con|su|per|tra|fra|presso|soltanto|solo)\s+\{organisation\}", re.IGNORECASE
)


def italian_texts():
    for path in bundled_data_dir().rglob("*.yaml"):
        for _english, italian in local_texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield path.name, italian
    for message, ids, strings in catalogue_messages():
        # Where {organisation} stands for a kind of organisation ("un'ONG"), the preposition agrees with it.
        if "organisation" in " ".join(filter(None, ids)) and "kind of" not in " ".join(message.auto_comments):
            yield "connact.po", " ".join(filter(None, strings))


def test_no_italian_text_puts_a_preposition_straight_before_the_organisations_name():
    found = [(where, " ".join(text.split())) for where, text in italian_texts() if BARE_PREPOSITION.search(text)]
    assert found == []


def test_the_preposition_check_finds_one():
    assert BARE_PREPOSITION.search("Nominare presso {organisation} un referente")
    assert not BARE_PREPOSITION.search("Nominare presso l'ente {organisation} un referente")
