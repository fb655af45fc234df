"""The interface catalogues: every string the code marks for translation is translated in each language
connact ships, none is fuzzy, every placeholder survives, and the compiled catalogue is the .po file's."""

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from connact_cli import i18n
from connact_cli.library.translations import catalogue_file, missing_in_catalogue
from helpers import PRACTICE, run

SOURCE = Path(i18n.__file__).parent
LANGUAGES = [code for code in i18n.catalogue_languages() if code != i18n.ENGLISH]
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def marked() -> dict[str, str]:
    """Every msgid the code and the templates mark, with where the first one is."""
    method_map = [("**.py", "python"), ("**/templates/**.j2", "jinja2")]
    found: dict[str, str] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        str(SOURCE), method_map, keywords=DEFAULT_KEYWORDS
    ):
        for msgid in message if isinstance(message, tuple) else (message,):
            if msgid:
                found.setdefault(msgid, f"{filename}:{line}")
    return found


def catalogue(language: str):
    with catalogue_file(language).open("rb") as handle:
        return read_po(handle)


def test_italian_ships():
    assert "it" in LANGUAGES


def test_the_code_marks_its_strings():
    found = marked()
    assert len(found) > 500
    assert "Plan written to {path}" in found and "Examples:" in found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    translated = {}
    for message in po:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            translated[msgid] = all(strings) and not message.fuzzy
    lacking = {msgid: where for msgid, where in marked().items() if not translated.get(msgid)}
    assert not lacking, f"{len(lacking)} strings lack a {language} translation, e.g. {list(lacking.items())[:5]}"
    assert missing_in_catalogue(language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_keeps_the_placeholders(language):
    wrong = []
    for message in catalogue(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        named = [set(PLACEHOLDER.findall(msgid)) for msgid in ids]
        for string in filter(None, strings):
            shown = set(PLACEHOLDER.findall(string))
            # a plural form may leave out the count ("un file"), never add a name
            if (shown != named[0]) if len(ids) == 1 else not shown <= set().union(*named):
                wrong.append((ids[0], string))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_po_file(language):
    compiled = catalogue_file(language).with_suffix(".mo")
    with compiled.open("rb") as handle:
        mo = gettext.GNUTranslations(handle)
    stale = []
    for message in catalogue(language):
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            if mo.ngettext(message.id[0], message.id[1], 1) != message.string[0]:
                stale.append(message.id[0])
        else:
            found = mo.pgettext(message.context, message.id) if message.context else mo.gettext(message.id)
            if found != message.string:
                stale.append(message.id)
    assert not stale, f"compile the catalogue again (pybabel compile, see CONTRIBUTING.md): {stale[:5]}"


def test_the_missing_translation_report_is_empty_for_italian(capsys):
    result = run(capsys, "validate", "--lang", "it")
    assert result.code == 0, result.out[-2000:]
    assert "no 'it' text" not in result.out and "traduzione" not in result.out


def test_the_report_names_file_and_field_of_each_missing_text(capsys, tmp_path):
    practice = tmp_path / "practices" / "test-practice.yaml"
    practice.parent.mkdir()
    practice.write_text(
        PRACTICE.replace("title: A test practice", "title: {en: A test practice, it: Una pratica di prova}"),
        encoding="utf-8",
    )
    result = run(capsys, "validate", str(tmp_path), "--lang", "it")
    assert result.code == 1
    line = PRACTICE.splitlines().index("summary: A practice written for the tests.") + 1
    assert f"{practice}:{line} [summary]: no 'it' text" in result.out and "[title]" not in result.out
    english = run(capsys, "validate", str(tmp_path))
    assert english.code == 0
