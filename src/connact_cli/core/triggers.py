"""Whether a planning rule applies to this organisation, and the words that say why.

A plan names what triggered each risk, section and budget line ("you serve asylum seekers"), so
evaluating a trigger returns its reasons rather than a bare yes or no. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from connact_cli import i18n
from connact_cli.core.answers import AnswerValue, Profile
from connact_cli.core.assessment import Assessment
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.matching import Matches, group_words, join_words
from connact_cli.core.models import Question
from connact_cli.core.rules import Flag, SizeClasses, Trigger
from connact_cli.core.vocabulary import QuestionKind, TargetGroup, organisation_word, scale_word, theme_word
from connact_cli.i18n import gettext as _
from connact_cli.i18n import ngettext

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
    choices: dict[str, dict[str, str]]  # question id -> choice id -> its label (scale answers in words)
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
            choices={item.question.id: _choice_words(item.question, language) for item in assessment.items},
            flags=_flags(assessment.profile, gaps, size_class(assessment.profile.budget_eur, sizes)),
        )

    def reasons(self, trigger: Trigger) -> list[str]:
        """Why `trigger` holds for this organisation; empty when it does not."""
        p = self.profile
        if any(flag in self.flags for flag in trigger.unless_flags):
            return []
        found = []
        # Translators: why a risk, section or budget line applies (a list item): it applies to every programme.
        every = _("every programme")
        if trigger.always:
            found.append(every)
        groups = [str(g) for g in trigger.target_groups if g in p.target_groups]
        if groups:
            # Translators: why a risk, section or budget line applies (a list item); {groups} are target groups.
            found.append(_("you serve {groups}").format(groups=group_words(groups)))
        themes = [theme_word(str(t)) for t in trigger.themes if t in p.themes]
        if themes:
            found.append(_("you work on {themes}").format(themes=join_words(themes)))
        if p.organisation_type in trigger.organisation_types:
            # Translators: {organisation} is a kind of organisation, e.g. "an NGO".
            found.append(_("you are {organisation}").format(organisation=organisation_word(str(p.organisation_type))))
        gaps = [self.gaps[g] for g in trigger.gaps if g in self.gaps]
        if gaps:
            found.append(_("your answers reveal a gap in {gaps}").format(gaps=join_words([g.lower() for g in gaps])))
        for question_id, values in trigger.answers.items():
            given = self.answers.get(question_id)
            chosen = given if isinstance(given, list) else [str(given)] if given is not None else []
            labels = self.choices.get(question_id, {})
            hit = [labels.get(v, v) for v in chosen if v in values]
            if hit:
                # Translators: {answers} are the answers given, {question} the checklist question.
                found.append(
                    _('you answered "{answers}" to "{question}"').format(
                        answers="; ".join(hit), question=self.questions.get(question_id, question_id)
                    )
                )
        found += [self.flags[flag] for flag in trigger.flags if flag in self.flags]
        if trigger.always and len(found) > 1:
            found.remove(every)
        return found

    def applies(self, trigger: Trigger | None) -> bool:
        return trigger is None or bool(self.reasons(trigger))


def _choice_words(question: Question, language: str) -> dict[str, str]:
    """Choice id -> its label; for a scale question, answer -> the answer in words."""
    if question.kind == QuestionKind.SCALE:
        return {answer: scale_word(answer) for answer in question.allowed_values()}
    return {c.id: c.label.get(language) for c in question.choices}


def _flags(profile: Profile, gaps: dict[str, str], size: str | None) -> dict[Flag, str]:
    """The flags that hold, each with the words that say why (list items in a plan)."""
    flags: dict[Flag, str] = {}
    if profile.languages:
        # Translators: {languages} are the participants' languages as the organisation typed them.
        flags["languages"] = _("participants speak {languages}").format(languages=", ".join(profile.language_names()))
    if profile.volunteer_run():
        flags["volunteer_run"] = _("{volunteers} volunteers and {staff} paid staff will run it").format(
            volunteers=profile.volunteers, staff=profile.staff
        )
    if profile.staff == 0:
        flags["no_paid_staff"] = _("you have no paid staff")
    if profile.volunteers:
        # Translators: the English says "volunteers" even for one.
        flags["has_volunteers"] = ngettext(
            "{count} volunteers take part in running it",
            "{count} volunteers take part in running it",
            profile.volunteers,
        ).format(count=profile.volunteers)
    if profile.funded_before is False:
        flags["first_funded_project"] = _("this is your first funded project")
    if TargetGroup.CHILDREN_AND_YOUTH in profile.target_groups:
        flags["children_present"] = _("children and young people take part")
    elif any(g in gaps for g in CHILDCARE_GAPS):
        flags["children_present"] = _("childcare is needed for parents to take part")
    if size == "small":
        # Translators: {amount} is the programme's budget in euro.
        flags["small_budget"] = _("the budget ({amount}) is small").format(amount=i18n.money(profile.budget_eur or 0))
    elif size == "large":
        flags["large_budget"] = _("the budget ({amount}) is large").format(amount=i18n.money(profile.budget_eur or 0))
    return flags
