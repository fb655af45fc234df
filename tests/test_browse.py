"""The browsing commands print what the library holds."""

from helpers import PRACTICE, bundled_library, run, write


def test_checklists_list(capsys):
    result = run(capsys, "checklists", "list")
    assert result.code == 0
    for checklist_id in ("health", "employment", "social_cohesion", "principles"):
        assert checklist_id in result.out
    assert "cross-cutting" in result.out


def test_checklists_show_prints_pillars_and_questions(capsys):

    checklist = bundled_library().checklist("health")
    result = run(capsys, "checklists", "show", "health")
    assert result.code == 0
    for number, pillar in enumerate(checklist.pillars, 1):
        assert f"Pillar {number}: {pillar.title}" in result.out
    for question in checklist.questions():
        assert question.id in result.out


def test_checklists_show_unknown(capsys):
    result = run(capsys, "checklists", "show", "housing")
    assert result.code == 2
    assert (
        result.err.strip()
        == "Error: no checklist 'housing'; use one of: health, employment, social_cohesion, principles"
    )


def test_practices_list_by_country(capsys):
    result = run(capsys, "practices", "list", "--country", "IE")
    assert result.code == 0
    for practice_id in (
        "integreat-employment-hub-ie",
        "integreat-migrant-forum-ie",
        "iwg-limerick-ie",
        "doras-train-the-trainer-anti-racism-ie",
    ):
        assert practice_id in result.out
    assert "integreat-language-courses-cy" not in result.out
    from helpers import bundled_library

    irish = sum("IE" in record.countries for record in bundled_library().index)
    assert irish >= 5 and f"{irish} practices and actions" in result.out


def test_practices_list_filters_combine(capsys):
    result = run(capsys, "practices", "list", "--theme", "health", "--country", "IT")
    assert "integreat-mental-health-gbv-sessions-it" in result.out
    assert "iwg-varese-it" not in result.out
    none = run(capsys, "practices", "list", "--target-group", "older_people", "--country", "CY")
    assert none.code == 0 and "No practice matches" in none.out


def test_practices_list_bad_filter(capsys):
    result = run(capsys, "practices", "list", "--theme", "housing")
    assert result.code == 2
    assert "--theme 'housing' is not known; use one of: health, employment, training, social_cohesion" in result.err


def test_practices_show_figures_and_source(capsys):
    result = run(capsys, "practices", "show", "integreat-employment-hub-ie")
    assert result.code == 0
    assert "540 participants" in result.out
    assert "over 60 sessions" in result.out
    assert "Source: INTEgreat toolkit" in result.out


def test_practices_show_eu_action(capsys):
    result = run(capsys, "practices", "show", "eu-action-05-urban-agenda-partnership")
    assert result.code == 0
    assert "pending" in result.out
    assert "not stated in the source" in result.out


def test_practices_show_unknown_suggests(capsys):
    result = run(capsys, "practices", "show", "integreat-employment-hub")
    assert result.code == 2
    assert "did you mean 'integreat-employment-hub-ie'?" in result.err


def test_practices_search(capsys):
    result = run(capsys, "practices", "search", "cultural mediator")
    assert result.code == 0
    assert "synthesis-cultural-mediator-trafficking-cy" in result.out
    assert "eu-action-01-european-integration-network" not in result.out
    assert "No practice mentions" in run(capsys, "practices", "search", "zeppelin").out


def test_practices_search_takes_several_words(capsys):
    quoted = run(capsys, "practices", "search", "cultural mediator")
    words = run(capsys, "practices", "search", "cultural", "mediator")
    assert words.code == 0 and words.out == quoted.out
    narrower = run(capsys, "practices", "search", "cultural", "mediator", "trafficking")
    assert "synthesis-cultural-mediator-trafficking-cy" in narrower.out and "ballafon" not in narrower.out
    dashed = run(capsys, "practices", "search", "--", "-to-one")
    assert dashed.code == 0 and "found for '-to-one'" in dashed.out
    assert run(capsys, "practices", "search").code == 2  # at least one word


def test_extra_library_is_listed_and_validated(capsys, tmp_path):
    write(tmp_path / "lib" / "p.yaml", PRACTICE)
    result = run(capsys, "practices", "list", "--country", "MT", "--library", str(tmp_path / "lib"))
    assert "test-practice" in result.out
    write(tmp_path / "bad" / "p.yaml", PRACTICE.replace("level: local", "level: galactic"))
    bad = run(capsys, "practices", "list", "--library", str(tmp_path / "bad"))
    assert bad.code == 2
    assert "[level]: 'galactic' is not allowed" in bad.err
    assert "Traceback" not in bad.err
