"""Countries: a name or a lower-case code where a code is wanted gets "did you mean DE?", never a silent change."""

import shutil

import pytest

from connact_cli.core.countries import likely_code
from connact_cli.core.vocabulary import COUNTRIES
from connact_cli.interview import questions as interview
from helpers import EXAMPLES, ScriptedPrompter, answers_file, bundled_library, copy_bundled_data, run


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Germany", "DE"),
        ("germany", "DE"),
        ("Germania", "DE"),  # the Italian name
        ("de", "DE"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Holland", "NL"),
        ("the Netherlands", "NL"),
        ("Cote d'Ivoire", "CI"),  # accents do not count
        ("TURKIYE", "TR"),
        ("UK", "GB"),  # the codes EU documents use
        ("EL", "GR"),
        ("Germny", "DE"),  # a near miss
        ("Atlantis", None),
        ("IRL", None),
        ("", None),
    ],
)
def test_the_code_a_value_points_to(typed, code):
    assert likely_code(typed, bundled_library().countries) == code


def test_every_code_has_an_english_and_an_italian_name():
    countries = bundled_library().countries
    assert {c.id for c in countries} == COUNTRIES
    assert all(c.name.root.get("en") and c.name.root.get("it") for c in countries)


@pytest.mark.parametrize("given", ["Germany", "de"])
def test_an_answers_file_with_a_country_name_is_refused_with_the_code(capsys, tmp_path, given):
    path = answers_file(tmp_path, profile={"country": given})
    before = path.read_bytes()
    result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "plan.md"))
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert result.err.strip().endswith("did you mean DE?")
    assert "[profile.country]" in result.err
    assert path.read_bytes() == before and not (tmp_path / "plan.md").exists()


def test_a_workshop_script_with_a_country_name_points_at_the_script(capsys, tmp_path):
    folder = shutil.copytree(EXAMPLES / "workshop", tmp_path / "workshop")
    script = folder / "training-day.workshop.yaml"
    script.write_text(script.read_text(encoding="utf-8").replace("country: MT", "country: Malta"), encoding="utf-8")
    result = run(capsys, "workshop", "run", str(script), "--no-input", "-o", str(tmp_path / "out"))
    assert result.code == 2
    line = result.err.strip()
    assert line.startswith(f"Error: {script}:") and "[profile.country]" in line
    assert line.endswith("did you mean MT?")


def test_practices_list_country_names_get_the_code(capsys):
    result = run(capsys, "practices", "list", "--country", "Ireland")
    assert result.code == 2
    assert result.err.strip() == "Error: --country 'Ireland' is not a two-letter ISO country code; did you mean IE?"
    lower, upper = (run(capsys, "practices", "list", "--country", code) for code in ("ie", "IE"))
    assert lower.code == 0 and lower.out == upper.out
    unknown = run(capsys, "practices", "list", "--country", "XQ")
    assert unknown.code == 2 and "use a code such as IE, IT or MT" in unknown.err


def test_the_interview_refuses_a_country_name_with_the_code():
    countries = bundled_library().countries
    checks = {}

    class Recording(ScriptedPrompter):
        def text(self, message, default="", validate=None, instruction="", back=False):
            checks.update({typed: validate(typed) for typed in ("Germany", "Germny", "Atlantis", "MT", "mt")})
            return super().text(message, default, validate, instruction, back)

    prompter = Recording({"Country": ["de"]})
    assert interview.ask_country(prompter, "Country:", "", countries) == "DE"
    assert prompter.said == ["Read as DE (Germany)."]  # a lower-case code is taken, and shown back
    assert checks == {
        "Germany": "Type a two-letter ISO country code, e.g. MT; did you mean DE?",
        "Germny": "Type a two-letter ISO country code, e.g. MT; did you mean DE?",
        "Atlantis": "Type a two-letter ISO country code, e.g. MT",
        "MT": None,
        "mt": None,
    }


def test_a_name_shared_by_two_countries_is_a_data_problem(capsys, tmp_path):
    data = copy_bundled_data(tmp_path)
    path = data / "countries.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{en: Ireland, it: Irlanda}", "{en: Ireland, it: Holland}"), encoding="utf-8")
    result = run(capsys, "validate", str(data))
    assert result.code == 1
    assert "'Holland' names both" in result.out and "a name must name one" in result.out


def test_a_code_left_out_is_a_data_problem(capsys, tmp_path):
    data = copy_bundled_data(tmp_path)
    path = data / "countries.yaml"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "{id: MT," not in line]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(capsys, "validate", str(data))
    assert result.code == 1
    assert "no entry for MT; every ISO 3166-1 code needs its names" in result.out
