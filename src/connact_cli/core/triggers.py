"""Whether a planning rule applies to this organisation, and the words that say why.

A plan names what triggered each risk, section and budget line ("you serve asylum seekers"), so
evaluating a trigger returns its reasons rather than a bare yes or no. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from connact_cli.core.answers import AnswerValue, Profile
from connact_cli.core.assessment import Assessment
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.matching import Matches, group_words, join_words
from connact_cli.core.rules import Flag, SizeClasses, Trigger
from connact_cli.core.vocabulary import ORGANISATION_WORDS, TargetGroup

CHILDCARE_GAPS = ("childcare", "child_friendly_spaces")


def size_class(budget: int | None, sizes: SizeClasses | None) -> str | None:
    """small | medium | large, or None without a budget."""
    if budget is None or sizes is None:
        return None
    if budget < sizes.small_below:
        return "small"
    return "large" if budget >= sizes.large_from else "medium"


@dataclass(frozen=True)
class Facts:
    """What triggers test: the profile, the answers and the gaps they reveal, and the derived flags."""

    profile: Profile
    answers: dict[str, AnswerValue]
    gaps: dict[str, str]  # revealed gap id -> label
    questions: dict[str, str]  # question id -> its text
    choices: dict[str, dict[str, str]]  # question id -> choice id -> its label
    flags: dict[Flag, str]  # flag -> the words that say why it holds

    @classmethod
    def of(cls, assessment: Assessment, matches: Matches, catalogue: Catalogue) -> Facts:
        language = assessment.language
        answers = {item.question.id: item.value for item in assessment.answered() if item.value is not None}
        gaps = {gap.tag.id: gap.tag.label.get(language) for gap in matches.gaps}
        sizes = catalogue.planning.size_classes if catalogue.planning else None
        return cls(
            profile=assessment.profile,
            answers=answers,
            gaps=gaps,
            questions={item.question.id: item.question.text.get(language) for item in assessment.items},
            choices={
                item.question.id: {c.id: c.label.get(language) for c in item.question.choices}
                for item in assessment.items
            },
            flags=_flags(assessment.profile, gaps, size_class(assessment.profile.budget_eur, sizes)),
        )

    def reasons(self, trigger: Trigger) -> list[str]:
        """Why `trigger` holds for this organisation; empty when it does not."""
        p = self.profile
        if any(flag in self.flags for flag in trigger.unless_flags):
            return []
        found = []
        if trigger.always:
            found.append("every programme")
        groups = [str(g) for g in trigger.target_groups if g in p.target_groups]
        if groups:
            found.append(f"you serve {group_words(groups)}")
        themes = [str(t).replace("_", " ") for t in trigger.themes if t in p.themes]
        if themes:
            found.append(f"you work on {join_words(themes)}")
        if p.organisation_type in trigger.organisation_types:
            found.append(f"you are {ORGANISATION_WORDS[str(p.organisation_type)]}")
        gaps = [self.gaps[g] for g in trigger.gaps if g in self.gaps]
        if gaps:
            found.append(f"your answers reveal a gap in {join_words([g.lower() for g in gaps])}")
        for question_id, values in trigger.answers.items():
            given = self.answers.get(question_id)
            chosen = given if isinstance(given, list) else [str(given)] if given is not None else []
            labels = self.choices.get(question_id, {})
            hit = [labels.get(v, v) for v in chosen if v in values]
            if hit:
                found.append(f'you answered "{"; ".join(hit)}" to "{self.questions.get(question_id, question_id)}"')
        found += [self.flags[flag] for flag in trigger.flags if flag in self.flags]
        if trigger.always and len(found) > 1:
            found.remove("every programme")
        return found

    def applies(self, trigger: Trigger | None) -> bool:
        return trigger is None or bool(self.reasons(trigger))


def _flags(profile: Profile, gaps: dict[str, str], size: str | None) -> dict[Flag, str]:
    flags: dict[Flag, str] = {}
    if profile.languages:
        flags["languages"] = f"participants speak {', '.join(profile.languages)}"
    if profile.volunteer_run():
        flags["volunteer_run"] = f"{profile.volunteers} volunteers and {profile.staff} paid staff will run it"
    if profile.staff == 0:
        flags["no_paid_staff"] = "you have no paid staff"
    if profile.volunteers:
        flags["has_volunteers"] = f"{profile.volunteers} volunteers take part in running it"
    if profile.funded_before is False:
        flags["first_funded_project"] = "this is your first funded project"
    if TargetGroup.CHILDREN_AND_YOUTH in profile.target_groups:
        flags["children_present"] = "children and young people take part"
    elif any(g in gaps for g in CHILDCARE_GAPS):
        flags["children_present"] = "childcare is needed for parents to take part"
    if size == "small":
        flags["small_budget"] = f"the budget (€{profile.budget_eur:,}) is small"
    elif size == "large":
        flags["large_budget"] = f"the budget (€{profile.budget_eur:,}) is large"
    return flags
