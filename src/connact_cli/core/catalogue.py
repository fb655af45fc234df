"""What connact knows, as data: checklists, lessons, gap tags, funding, framework facts, practice index.

Pure: a Catalogue is built by the library from files; the core reads it and never loads anything.
Practices are present as index records (enough to rank and list them); whole practices are loaded by
the library only for those a plan shows, and handed to plan assembly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from connact_cli.core.countries import CountryName
from connact_cli.core.index import EntryIndex
from connact_cli.core.models import Checklist, Framework, FundingProgramme, GapTag, Lesson
from connact_cli.core.rules import PlanningRules
from connact_cli.core.values import DEFAULT_LANGUAGE, LocalText


def addressed_gap_tags(records: Iterable[EntryIndex], lessons: Iterable[Lesson]) -> set[str]:
    """Gap tags some practice or lesson addresses (resources and EU actions do not count)."""
    found = {tag for record in records if record.kind == "practice" for tag in record.gap_tags}
    return found | {tag for lesson in lessons for tag in lesson.gap_tags}


@dataclass
class Catalogue:
    checklists: list[Checklist] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    gaps: list[GapTag] = field(default_factory=list)
    funding: list[FundingProgramme] = field(default_factory=list)
    index: list[EntryIndex] = field(default_factory=list)
    framework: Framework | None = None
    planning: PlanningRules | None = None  # connact's planning guidance: budget lines, risks, funders' sections
    countries: list[CountryName] = field(default_factory=list)  # names for the ISO codes, for hints

    def languages(self) -> tuple[str, ...]:
        """The languages connact has texts in (the framework's list; English first)."""
        return tuple(self.framework.languages) if self.framework else (DEFAULT_LANGUAGE,)

    def country_names(self, codes: Iterable[str], language: str) -> dict[str, str]:
        """Code -> the country's name in `language`, for text a reader reads ("Malta", not "MT");
        a code the names lack stays a code."""
        wanted = set(codes)
        names = {c.id: c.name.get(language) for c in self.countries if c.id in wanted}
        return {code: names.get(code, code) for code in sorted(wanted)}

    def country_in_sentence(self, code: str, language: str) -> str:
        """The country as running text names it after a preposition ("in the Netherlands"); the code if unknown."""
        return next((c.in_sentence(language) for c in self.countries if c.id == code), code)

    def checklist(self, checklist_id: str) -> Checklist | None:
        return next((c for c in self.checklists if c.id == checklist_id), None)

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def gap(self, gap_id: str) -> GapTag | None:
        return next((gap for gap in self.gaps if gap.id == gap_id), None)

    def record(self, entry_id: str) -> EntryIndex | None:
        return next((r for r in self.index if r.id == entry_id), None)

    def broader_groups(self) -> dict[str, frozenset[str]]:
        """Target group -> the groups a practice designed for it also fits."""
        if self.framework is None:
            return {}
        return {str(g): frozenset(map(str, narrower)) for g, narrower in self.framework.broader_groups.items()}

    def cross_cutting_activities(self) -> frozenset[str]:
        """Activity types that serve every theme (working groups, forums, training of trainers)."""
        return frozenset(map(str, self.framework.cross_cutting_activities)) if self.framework else frozenset()

    def own_stakeholder(self, organisation_type: str, label: str, language: str = DEFAULT_LANGUAGE) -> str | None:
        """Whom to name instead of `label` (English) for an organisation of this type, in `language` (None: keep
        `label`)."""
        for own in self.framework.own_stakeholders if self.framework else []:
            if own.organisation_type == organisation_type and own.label == label:
                return own.instead.get(language)
        return None

    def replaced_by(self) -> dict[str, str]:
        """Earlier question id -> the question that now asks it (renamed, merged or split)."""
        return {old: q.id for c in self.checklists for q in c.questions() for old in q.replaces}

    def retired_questions(self) -> frozenset[str]:
        """Question ids no checklist asks any more: old answers to them are ignored."""
        return frozenset(self.framework.retired_questions) if self.framework else frozenset()

    def gap_themes(self) -> dict[str, str]:
        """Gap tag -> its theme (or "cross_cutting")."""
        return {gap.id: str(gap.theme) for gap in self.gaps}

    def costly_activities(self) -> frozenset[str]:
        """Activity types that need buildings or homes a small programme rarely has (connact's guidance)."""
        return frozenset(map(str, self.framework.costly_activities)) if self.framework else frozenset()

    def sustained_activities(self) -> frozenset[str]:
        """Activity types the sources ran as sustained, regular work (a small programme pilots them first)."""
        return frozenset(map(str, self.framework.sustained_activities)) if self.framework else frozenset()

    def working_group_gap(self) -> str | None:
        """The gap tag that says the organisation is in no local Integration Working Group."""
        facts = self.framework.working_group if self.framework else None
        return facts.gap_tag if facts else None

    def working_group_objective_to_join(self) -> LocalText | None:
        """The working-group gap's objective worded for an organisation that should join one, not found one."""
        facts = self.framework.working_group if self.framework else None
        return facts.objective_to_join if facts else None

    def working_group_models(self) -> list[str]:
        """Practices that show how a local Integration Working Group was built."""
        facts = self.framework.working_group if self.framework else None
        return list(facts.model_practices) if facts else []

    def checklist_sort_key(self, checklist: Checklist) -> tuple[bool, int, str]:
        """Thematic checklists in the framework's order, then the cross-cutting ones."""
        order = self.framework.checklist_order if self.framework else []
        position = order.index(checklist.id) if checklist.id in order else 99
        return (checklist.cross_cutting, position, checklist.id)
