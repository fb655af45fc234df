"""--lang: a language connact has, by its primary language, or English after one warning line."""

import json

import pytest

from helpers import EXAMPLES, copy_bundled_data, run

WARNING = "Warning: connact has no '{}' texts yet (available: en); using English.\n"


@pytest.mark.parametrize("language", ["xx", "de"])
def test_a_language_connact_lacks_warns_once_and_gives_the_english_output(capsys, language):
    english = run(capsys, "checklists", "show", "employment")
    other = run(capsys, "--lang", language, "checklists", "show", "employment")
    assert other.code == 0 and other.out == english.out
    assert other.err == WARNING.format(language)


def test_the_fallback_is_what_the_plan_records(capsys, tmp_path):
    out = tmp_path / "plan.json"
    path = EXAMPLES / "malta-ngo-employment.answers.yaml"
    result = run(capsys, "--lang", "de", "plan", "--answers", str(path), "--no-input", "-f", "json", "-o", str(out))
    assert result.code == 0 and result.err.count("Warning:") == 1
    assert json.loads(out.read_text(encoding="utf-8"))["language"] == "en"


@pytest.mark.parametrize("language", ["en", "EN", "en-GB", "en_GB", "en_GB.UTF-8"])
def test_regional_and_capitalised_codes_are_read_by_their_language_silently(capsys, language):
    result = run(capsys, "--lang", language, "checklists", "list")
    assert result.code == 0 and result.err == ""


def test_the_environment_variable_is_checked_too(capsys, monkeypatch):
    monkeypatch.setenv("CONNACT_LANG", "fr-BE")
    result = run(capsys, "checklists", "list")
    assert result.code == 0 and result.err == WARNING.format("fr-BE")


def test_the_languages_are_data_with_english_first(capsys, tmp_path):
    data = copy_bundled_data(tmp_path)
    framework = data / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    assert "\nlanguages: [en]\n" in text  # the one list issue 16 extends
    framework.write_text(text.replace("\nlanguages: [en]\n", "\nlanguages: [it]\n"), encoding="utf-8")
    result = run(capsys, "validate", str(data))
    assert result.code == 1 and "languages must start with en" in result.out
    framework.write_text(text.replace("\nlanguages: [en]\n", "\nlanguages: [en, it-IT]\n"), encoding="utf-8")
    result = run(capsys, "validate", str(data))
    assert result.code == 1 and "'it-IT' is regional" in result.out
