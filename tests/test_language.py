"""Which language a run speaks: --lang (anywhere on the line), then CONNACT_LANG, then the answers file's
language, then the system locale, then English; a language connact lacks gives English after one warning."""

import json

import pytest

from connact_cli.i18n import requested_language, system_language
from helpers import EXAMPLES, copy_bundled_data, run

WARNING = "Warning: connact has no '{}' texts yet (available: en, it); using English.\n"
ANSWERS = EXAMPLES / "malta-ngo-employment.answers.yaml"


@pytest.mark.parametrize("language", ["xx", "de"])
def test_a_language_connact_lacks_warns_once_and_gives_the_english_output(capsys, language):
    english = run(capsys, "checklists", "show", "employment")
    other = run(capsys, "--lang", language, "checklists", "show", "employment")
    assert other.code == 0 and other.out == english.out
    assert other.err == WARNING.format(language)


def plan_language(capsys, tmp_path, *args, answers=ANSWERS, language=None):
    if language is not None:
        text = answers.read_text(encoding="utf-8").replace("\nlanguage: en\n", f"\nlanguage: {language}\n")
        answers = tmp_path / "answers.yaml"
        answers.write_text(text, encoding="utf-8")
    out = tmp_path / "plan.json"
    result = run(
        capsys, *args, "plan", "--answers", str(answers), "--no-input", "-f", "json", "-o", str(out), "--force"
    )
    assert result.code == 0, result.err
    return json.loads(out.read_text(encoding="utf-8"))["language"], result.err


def test_the_fallback_is_what_the_plan_records(capsys, tmp_path):
    language, err = plan_language(capsys, tmp_path, "--lang", "de")
    assert language == "en" and err.count("Warning:") == 1


@pytest.mark.parametrize("language", ["en", "EN", "en-GB", "en_GB", "en_GB.UTF-8"])
def test_regional_and_capitalised_codes_are_read_by_their_language_silently(capsys, language):
    result = run(capsys, "--lang", language, "checklists", "list")
    assert result.code == 0 and result.err == ""


def test_the_environment_variable_is_checked_too(capsys, monkeypatch):
    monkeypatch.setenv("CONNACT_LANG", "fr-BE")
    result = run(capsys, "checklists", "list")
    assert result.code == 0 and result.err == WARNING.format("fr-BE")


def test_lang_may_follow_the_command(capsys, tmp_path):
    out = tmp_path / "plan.json"
    result = run(capsys, "plan", "--answers", str(ANSWERS), "--no-input", "-f", "json", "-o", str(out), "--lang", "it")
    assert result.code == 0, result.err
    assert json.loads(out.read_text(encoding="utf-8"))["language"] == "it"


@pytest.mark.parametrize(
    ("options", "environment", "answers_language", "expected"),
    [
        (["--lang", "it"], {"CONNACT_LANG": "en"}, "en", "it"),  # --lang first
        (["--lang", "en"], {}, "it", "en"),
        ([], {"CONNACT_LANG": "it"}, "en", "it"),  # then CONNACT_LANG
        ([], {"CONNACT_LANG": "en"}, "it", "en"),
        ([], {"LANG": "en_IE.UTF-8"}, "it", "it"),  # then the answers file, before the system locale
        ([], {"LANG": "it_IT.UTF-8"}, "en", "en"),
        ([], {"LC_ALL": "it_IT.UTF-8"}, "it", "it"),
        ([], {"LANG": "it_IT.UTF-8"}, None, "en"),  # the example's own language (en) before the system's
    ],
)
def test_the_order_of_precedence(capsys, monkeypatch, tmp_path, options, environment, answers_language, expected):
    monkeypatch.delenv("LC_ALL")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    language, err = plan_language(capsys, tmp_path, *options, language=answers_language)
    assert language == expected and err == ""


def test_the_system_locale_comes_before_english_and_a_missing_one_is_silent(capsys, monkeypatch):
    monkeypatch.delenv("LC_ALL")
    assert requested_language(None, {"LANG": "it_IT.UTF-8"}) == ("it", "system locale")
    assert requested_language(None, {"LANGUAGE": "it:en", "LANG": "de_DE"}) == ("it", "system locale")
    assert requested_language(None, {"LANG": "C.UTF-8"}) == ("en", "default")
    assert system_language({"LC_ALL": "POSIX"}) is None
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    result = run(capsys, "checklists", "list")
    assert result.code == 0 and result.err == ""


def test_the_languages_are_data_with_english_first(capsys, tmp_path):
    data = copy_bundled_data(tmp_path)
    framework = data / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    assert "\nlanguages: [en, it]\n" in text
    framework.write_text(text.replace("\nlanguages: [en, it]\n", "\nlanguages: [it]\n"), encoding="utf-8")
    result = run(capsys, "validate", str(data))
    assert result.code == 1 and "languages must start with en" in result.out
    framework.write_text(text.replace("\nlanguages: [en, it]\n", "\nlanguages: [en, it-IT]\n"), encoding="utf-8")
    result = run(capsys, "validate", str(data))
    assert result.code == 1 and "'it-IT' is regional" in result.out


@pytest.mark.parametrize("args", [["plan", "--lang"], ["--lang"]])
def test_lang_without_a_value_is_one_line(capsys, args):
    result = run(capsys, *args)
    assert result.code == 2 and result.err == "Error: --lang needs a language code, e.g. --lang it\n"
