"""The domain model accepts what the data format allows and refuses the rest."""

import pytest
import yaml
from pydantic import ValidationError

from connact_cli.core.models import Checklist, Condition, Practice, Question
from connact_cli.core.values import Figure, LocalText
from connact_cli.core.vocabulary import COUNTRIES
from helpers import PRACTICE


def practice(**changes):
    data = yaml.safe_load(PRACTICE)
    data.update(changes)
    return Practice.model_validate(data)


def question(**changes):
    data = {"id": "q.one", "text": "Do you?", "help": "Because.", "gap_tags": ["trust"]}
    data.update(changes)
    return Question.model_validate(data)


class TestLocalText:
    def test_plain_string_is_english(self):
        assert LocalText.model_validate("Hello").root == {"en": "Hello"}

    def test_falls_back_to_english(self):
        text = LocalText.model_validate({"en": "Hello", "it": "Ciao"})
        assert text.get("it") == "Ciao"
        assert text.get("fi") == "Hello"

    def test_english_is_required(self):
        with pytest.raises(ValidationError, match="English text"):
            LocalText.model_validate({"it": "Ciao"})

    @pytest.mark.parametrize("texts", [{"en": "x", "Italian": "y"}, {"en": "x", "it": "  "}])
    def test_bad_language_code_or_empty_text(self, texts):
        with pytest.raises(ValidationError):
            LocalText.model_validate(texts)


class TestQuestion:
    def test_defaults_to_scale_with_weight_one(self):
        q = question()
        assert q.kind == "scale" and q.weight == 1
        assert q.allowed_values() == ["yes", "partly", "no", "unsure"]

    def test_scale_needs_gap_tags(self):
        with pytest.raises(ValidationError, match="gap_tags"):
            question(gap_tags=[])

    def test_choice_question_needs_two_choices(self):
        with pytest.raises(ValidationError, match="at least two choices"):
            question(kind="single", gap_tags=[], choices=[{"id": "a", "label": "A"}])

    def test_choice_gaps_count_as_revealed(self):
        q = question(
            kind="multiple",
            gap_tags=[],
            choices=[{"id": "a", "label": "A", "gap_tags": ["trust"]}, {"id": "b", "label": "B"}],
        )
        assert q.revealed_gaps() == ["trust"]
        assert q.allowed_values() == ["a", "b"]

    def test_duplicate_choice_ids(self):
        with pytest.raises(ValidationError, match="unique"):
            question(kind="single", gap_tags=[], choices=[{"id": "a", "label": "A"}, {"id": "a", "label": "B"}])

    def test_weight_bounds(self):
        with pytest.raises(ValidationError):
            question(weight=4)

    def test_unknown_key_rejected(self):
        with pytest.raises(ValidationError, match="Extra inputs"):
            question(helptext="typo")

    def test_bad_id(self):
        with pytest.raises(ValidationError, match="not a valid id"):
            question(id="Has Spaces")


class TestCondition:
    def test_exactly_one_test(self):
        with pytest.raises(ValidationError, match="exactly one"):
            Condition(question="q.one", equals="yes", any_of=["no"])

    def test_holds_on_scalars_and_lists(self):
        cond = Condition(question="profile.target_groups", any_of=["women", "single_mothers"])
        assert cond.holds(["refugees", "women"])
        assert not cond.holds(["refugees"])
        assert not cond.holds(None)
        assert Condition(question="q.one", none_of=["no"]).holds("yes")
        assert not Condition(question="q.one", none_of=["no"]).holds("no")

    def test_unknown_profile_field(self):
        with pytest.raises(ValidationError, match="not a profile field"):
            Condition(question="profile.shoe_size", equals=42)


class TestPractice:
    def test_valid(self):
        assert practice().countries == ["MT"]

    def test_country_must_be_iso(self):
        with pytest.raises(ValidationError, match="ISO 3166-1"):
            practice(countries=["XX"])

    def test_theme_must_be_known(self):
        with pytest.raises(ValidationError):
            practice(themes=["housing"])

    def test_gap_tags_required(self):
        with pytest.raises(ValidationError):
            practice(gap_tags=[])


def test_figure_describes_itself():
    assert Figure(value=60, label="sessions", qualifier="over").describe() == "over 60 sessions"
    assert Figure(value=540, label="participants").describe() == "540 participants"
    assert Figure(value=1500, label="people").describe() == "1,500 people"


def test_country_list_is_iso_alpha2():
    assert len(COUNTRIES) == 249
    assert {"MT", "IT", "BE", "FI", "IE", "CY", "GR", "ES"} <= COUNTRIES


def test_checklist_without_themes_is_cross_cutting():
    checklist = Checklist.model_validate(
        {
            "kind": "checklist",
            "id": "c",
            "title": "C",
            "description": "D",
            "source": {"document": "S"},
            "pillars": [
                {
                    "id": "p",
                    "title": "P",
                    "questions": [{"id": "c.p.q", "text": "Q?", "help": "H", "gap_tags": ["trust"]}],
                }
            ],
        }
    )
    assert checklist.cross_cutting
    assert [q.id for q in checklist.questions()] == ["c.p.q"]


class TestFundingCountryNotes:
    """A note on how a route works in one country is a fact like any other: every source dated and
    addressed, and one note per country so that a plan never shows two."""

    @staticmethod
    def programme(notes):
        from pathlib import Path

        from connact_cli.core.models import FundingProgramme

        data = yaml.safe_load((Path(__file__).parents[1] / "data" / "funding" / "amif.yaml").read_text())
        data["in_countries"] = notes
        return FundingProgramme.model_validate(data)

    NOTE = {
        "country": "IT",
        "text": "The national programme is called FAMI.",
        "sources": [{"document": "A page", "publisher": "A ministry", "year": 2022, "url": "https://example.org/a"}],
    }

    def test_a_dated_note_is_found_by_its_country(self):
        programme = self.programme([self.NOTE])
        assert programme.note_for("IT").text.get("en") == "The national programme is called FAMI."
        assert programme.note_for("MT") is None

    def test_a_source_without_a_year_is_refused(self):
        undated = dict(self.NOTE, sources=[{"document": "A page", "publisher": "A ministry", "url": "https://x.org"}])
        with pytest.raises(ValidationError, match="the note for IT cites 'A page' without year"):
            self.programme([undated])

    def test_two_notes_for_one_country_are_refused(self):
        with pytest.raises(ValidationError, match="more than one note for IT"):
            self.programme([self.NOTE, self.NOTE])

    def test_a_note_needs_a_source_and_a_known_country(self):
        with pytest.raises(ValidationError):
            self.programme([dict(self.NOTE, sources=[])])
        with pytest.raises(ValidationError):
            self.programme([dict(self.NOTE, country="XX")])
