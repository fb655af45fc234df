"""Plans an experienced programme officer would sign off: realistic organisations, expectations written
by an expert before looking at connact's output (tests/personas.yaml), checked on the plan itself."""

import json
from pathlib import Path

import pytest
import yaml

from helpers import run

PERSONAS = yaml.safe_load((Path(__file__).parent / "personas.yaml").read_text(encoding="utf-8"))


def plan_for(capsys, tmp_path: Path, persona: dict) -> tuple[dict, str]:
    """The persona's plan as JSON data and as Markdown text, written through the real command."""
    answers = {
        "connact": 1,
        "language": "en",
        "profile": persona["profile"],
        "answers": persona.get("answers") or {},
        "notes": persona.get("notes") or {},
    }
    path = tmp_path / f"{persona['id']}.answers.yaml"
    path.write_text(yaml.safe_dump(answers, sort_keys=False, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "plan.md"
    result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(out), "--format", "md,json")
    assert result.code == 0, result.err
    return json.loads(out.with_suffix(".json").read_text(encoding="utf-8")), out.read_text(encoding="utf-8")


@pytest.mark.parametrize("persona", PERSONAS, ids=[p["id"] for p in PERSONAS])
def test_persona_gets_what_an_officer_expects(capsys, tmp_path, persona):
    plan, text = plan_for(capsys, tmp_path, persona)
    practices = [rec["practice_id"] for rec in plan["recommendations"]]
    shown = set(practices) | {r["entry_id"] for r in plan["resources"]} | {a["practice_id"] for a in plan["eu_actions"]}
    for expected in persona.get("expect_top") or []:
        assert expected in practices[:5], f"{expected} not in the top five: {practices}"
    for expected in persona.get("expect_present") or []:
        assert expected in shown, f"{expected} not shown: {sorted(shown)}"
    for excluded in persona.get("exclude") or []:
        assert excluded not in practices, f"{excluded} recommended as a practice to run"
    uncovered = {row["id"] for row in plan["uncovered"]}
    for gap in persona.get("uncovered") or []:
        assert gap in uncovered, f"uncovered gap {gap} not named: {sorted(uncovered)}"
    folded = text.casefold()
    for words in persona.get("must_say") or []:
        assert words.casefold() in folded, f"the plan does not say {words!r}"
    for words in persona.get("must_not_say") or []:
        assert words.casefold() not in folded, f"the plan says {words!r}"


@pytest.mark.parametrize("persona", PERSONAS, ids=[p["id"] for p in PERSONAS])
def test_every_pick_follows_the_themes_and_the_answers(capsys, tmp_path, persona):
    """Every recommendation shares a chosen theme or names the principle gap it closes; nothing the
    organisation said it has is proposed again; every uncovered priority gap is named in the text."""
    plan, text = plan_for(capsys, tmp_path, persona)
    themes = {t.replace("_", " ") for t in persona["profile"]["themes"]}
    for rec in plan["recommendations"]:
        theme_reason = any(r.startswith("It works on ") and any(t in r for t in themes) for r in rec["reasons"])
        principle_reason = any("closes a gap in the principles of integration" in r for r in rec["reasons"])
        assert theme_reason or principle_reason, (rec["practice_id"], rec["reasons"])
    answers = persona.get("answers") or {}
    if any(answers.get(q) == "yes" for q in ("principles.partnership.working_group",)):
        assert "where there is none, form one" not in text
        assert "where there is none, build one" not in text
    for row in plan["uncovered"]:
        assert f"### {row['label']}" in text
    priority = {gap["id"] for gap in plan["gaps"]}
    covered = {tag for rec in plan["recommendations"] for tag in rec["addresses"]}
    assert priority - covered == {row["id"] for row in plan["uncovered"]}
