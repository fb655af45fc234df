"""Scripted workshops: a script (agenda and groups), each group's answers, plans and a report.

The script is a YAML file validated by WorkshopScript. Groups' answers start from the script's
profile defaults and their own prepared answers file; the report compares the groups.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator

from connact_cli import answers as answers_mod
from connact_cli import yamlio
from connact_cli.errors import DataError, InputFileError, Problem
from connact_cli.library import Library, _describe, _field_name, _suggest
from connact_cli.matching import Matches, match
from connact_cli.models import Id, Model, Question
from connact_cli.plan import Plan, assemble

SCRIPT_KIND = "workshop"


class Step(Model):
    """One agenda step: what the facilitator says, which checklist sections the groups answer, how long."""

    id: Id
    title: str = Field(min_length=1, max_length=200)
    briefing: str = ""
    sections: list[str] = []  # a checklist id (all its pillars) or "<checklist>.<pillar>"
    minutes: int = Field(ge=1, le=480)
    prompts: list[str] = []
    facilitator_notes: str = ""


class Group(Model):
    name: str = Field(min_length=1, max_length=100)
    answers: str | None = None  # a prepared answers file, relative to the script


class WorkshopScript(Model):
    kind: Literal["workshop"]
    title: str = Field(min_length=1, max_length=200)
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    facilitator: str = Field(min_length=1, max_length=200)
    language: str = "en"
    profile: dict[str, Any] = {}  # defaults every group's profile starts from
    agenda: list[Step] = Field(min_length=1)
    groups: list[Group] = Field(min_length=1, max_length=20)

    @model_validator(mode="after")
    def _unique(self) -> WorkshopScript:
        from connact_cli.output import slug

        # group names become file names: two names with the same file name would overwrite each other
        named = [slug(g.name) for g in self.groups]
        for label, values in (("step id", [s.id for s in self.agenda]), ("group name", [g.name for g in self.groups]),
                              ("group file name", named)):
            repeated = [v for v, n in Counter(values).items() if n > 1]
            if repeated:
                raise ValueError(f"{label} '{repeated[0]}' is used twice; each must be unique")
        return self


@dataclass(frozen=True)
class LoadedScript:
    script: WorkshopScript
    path: Path
    source: yamlio.YamlDocument


def _problem(source: yamlio.YamlDocument, loc: tuple, message: str) -> Problem:
    return Problem(str(source.path), source.line_of(loc), _field_name(loc), message)


def parse(source: yamlio.YamlDocument, library: Library) -> LoadedScript:
    """Validate a script: its schema, its sections against the checklists, and each group's answers."""
    try:
        script = WorkshopScript.model_validate(source.data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = tuple(item["loc"])
            message = _describe(item, source.data)
            if item["type"] == "extra_forbidden":
                model = {"agenda": Step, "groups": Group}.get(str(loc[0]), WorkshopScript) if len(loc) > 1 else WorkshopScript
                message = f"unknown key '{loc[-1]}'{_suggest(str(loc[-1]), model.model_fields)}; remove or rename it"
            problems.append(_problem(source, loc, message))
        raise DataError(problems) from None
    problems = []
    known = section_ids(library)
    for s, step in enumerate(script.agenda):
        for i, section in enumerate(step.sections):
            if section not in known:
                problems.append(_problem(source, ("agenda", s, "sections", i),
                                         f"unknown checklist section '{section}'{_suggest(section, known)}; use a "
                                         "checklist id or <checklist>.<pillar>, see 'connact checklists show'"))
    loaded = LoadedScript(script, source.path, source)
    for g, group in enumerate(script.groups):
        try:
            group_answers(loaded, g, library)
        except DataError as error:
            problems.extend(error.problems)
        except InputFileError as error:
            problems.append(_problem(source, ("groups", g, "answers"), f"{group.answers} {error.problem.message}"))
    if problems:
        raise DataError(problems)
    return loaded


def load(path: Path, library: Library) -> LoadedScript:
    source = yamlio.load(path)
    if not isinstance(source.data, dict) or source.data.get("kind") != SCRIPT_KIND:
        raise DataError([Problem(str(path), source.line_of(()), "kind", "not a workshop script: it needs "
                                                                         "'kind: workshop'")])
    return parse(source, library)


def section_ids(library: Library) -> list[str]:
    ids = []
    for checklist in library.checklists:
        ids.append(checklist.id)
        ids.extend(f"{checklist.id}.{pillar.id}" for pillar in checklist.pillars)
    return ids


def step_questions(step: Step, library: Library) -> list[Question]:
    """The questions a step covers, in checklist order."""
    chosen = set(step.sections)
    found = []
    for checklist in library.checklists:
        for pillar in checklist.pillars:
            if checklist.id in chosen or f"{checklist.id}.{pillar.id}" in chosen:
                found.extend(pillar.questions)
    return found


def group_data(loaded: LoadedScript, index: int) -> dict[str, Any]:
    """A group's answers-file data: the script's profile defaults overlaid with its prepared file."""
    script, group = loaded.script, loaded.script.groups[index]
    data: dict[str, Any] = {"connact": 1, "language": script.language, "profile": dict(script.profile),
                            "answers": {}, "notes": {}}
    data["profile"].setdefault("organisation", group.name)
    if group.answers:
        prepared = yamlio.load(loaded.path.parent / group.answers)
        if isinstance(prepared.data, dict):
            data["profile"].update(prepared.data.get("profile") or {})
            data["answers"] = dict(prepared.data.get("answers") or {})
            data["notes"] = dict(prepared.data.get("notes") or {})
            data["language"] = prepared.data.get("language", data["language"])
    return data


def group_answers(loaded: LoadedScript, index: int, library: Library, data: dict | None = None):
    """A group's validated AnswersFile; problems point at the group's file (or the script)."""
    group = loaded.script.groups[index]
    path = loaded.path.parent / group.answers if group.answers else loaded.path
    data = data if data is not None else group_data(loaded, index)
    lines = yamlio.load(path).lines if group.answers else {}
    return answers_mod.parse(yamlio.YamlDocument(path, data, lines), library)


# The report ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupResult:
    name: str
    answers_file: Any
    plan: Plan
    matches: Matches


@dataclass(frozen=True)
class Comparison:
    question: Question
    answers: dict[str, str]  # group name -> answer label ("not assessed" included)

    @property
    def agreed(self) -> bool:
        return len(set(self.answers.values())) == 1


def build_group(loaded: LoadedScript, index: int, answers_file, library: Library, top: int,
                start_default: str) -> GroupResult:
    assessment = answers_mod.resolve(library, answers_file)
    matches = match(assessment, library)
    plan = assemble(assessment, matches, library, top=top,
                    start_month=answers_file.profile.start_month or start_default)
    return GroupResult(loaded.script.groups[index].name, answers_file, plan, matches)


def compare(loaded: LoadedScript, results: list[GroupResult], library: Library) -> list[Comparison]:
    """Every question of the agenda that at least one group answered, with each group's answer."""
    language = loaded.script.language
    comparisons = []
    seen = set()
    for step in loaded.script.agenda:
        for question in step_questions(step, library):
            if question.id in seen:
                continue
            seen.add(question.id)
            given = {r.name: r.answers_file.answers.get(question.id) for r in results}
            if all(v is None for v in given.values()):
                continue
            labels = {c.id: c.label.get(language) for c in question.choices}
            comparisons.append(Comparison(question, {
                name: "not assessed" if v is None else
                "; ".join(labels.get(x, str(x)) for x in v) if isinstance(v, list) else labels.get(v, str(v))
                for name, v in given.items()}))
    return comparisons


def report_document(loaded: LoadedScript, results: list[GroupResult], library: Library, generator: str):
    """The workshop report: where groups agree and differ, common gaps, shared recommendations, next steps."""
    from connact_cli.document import Document, Heading, Rule, bold, bullets, code, italic, para, table, text

    script = loaded.script
    language = script.language
    comparisons = compare(loaded, results, library)
    agreed = [c for c in comparisons if c.agreed]
    differ = sorted((c for c in comparisons if not c.agreed), key=lambda c: -c.question.weight)
    gap_sets = [{g.tag.id for g in r.matches.gaps} for r in results]
    common = set.intersection(*gap_sets) if gap_sets else set()
    common_gaps = [g for g in results[0].matches.gaps if g.tag.id in common] if results else []
    counts = Counter(rec.practice_id for r in results for rec in r.plan.recommendations)
    titles = {rec.practice_id: rec.title for r in results for rec in r.plan.recommendations}
    recommended_by = {pid: [r.name for r in results if any(rec.practice_id == pid for rec in r.plan.recommendations)]
                      for pid in counts}

    blocks = [Heading(level=1, text=f"Workshop report: {script.title}"),
              table(["", ""], [["Date", script.date], ["Facilitator", script.facilitator],
                               ["Groups", ", ".join(r.name for r in results)],
                               ["Agenda", "; ".join(f"{s.title} ({s.minutes} min)" for s in script.agenda)]])]
    blocks.append(Heading(level=2, text="Where the groups differ"))
    if differ:
        blocks.append(para("These questions got different answers: use them as discussion points."))
        blocks.append(table(["Question", *[r.name for r in results]],
                            [[[code(c.question.id), text(" " + c.question.text.get(language))],
                              *[c.answers[r.name] for r in results]] for c in differ]))
    else:
        blocks.append(para("The groups answered every shared question alike."))
    blocks.append(Heading(level=2, text="Where the groups agree"))
    if agreed:
        blocks.append(table(["Question", "Answer of every group"],
                            [[[code(c.question.id), text(" " + c.question.text.get(language))],
                              next(iter(c.answers.values()))] for c in agreed]))
    else:
        blocks.append(para("No question got the same answer from every group."))
    blocks.append(Heading(level=2, text="Gaps common to all groups"))
    if common_gaps:
        blocks.append(bullets([[bold(g.tag.label.get(language)), text(f": {g.tag.objective.get(language)}")]
                               for g in common_gaps]))
    else:
        blocks.append(para("No gap is shared by every group."))
    blocks.append(Heading(level=2, text="Practices recommended across groups"))
    if counts:
        ranked = sorted(counts, key=lambda pid: (-counts[pid], pid))
        blocks.append(table(["Practice", "Groups", "Recommended to"],
                            [[[text(titles[pid] + " "), code(pid)], f"{counts[pid]} of {len(results)}",
                              ", ".join(recommended_by[pid])] for pid in ranked], numeric=[False, True, False]))
    else:
        blocks.append(para("No practice was recommended to any group."))
    blocks.append(Heading(level=2, text="Next steps"))
    steps = []
    if differ:
        steps.append(f"Discuss the {len(differ)} question{'s' if len(differ) != 1 else ''} where the groups differ, "
                     "starting with those of the highest weight.")
    if common_gaps:
        steps.append(f"Agree a shared objective for {common_gaps[0].tag.label.get(language).lower()}, "
                     "the first gap every group has.")
    if counts:
        top = sorted(counts, key=lambda pid: (-counts[pid], pid))[0]
        steps.append(f"Look together at {titles[top]}, recommended to {counts[top]} of {len(results)} groups.")
    if "working_group" in common:
        steps.append("Invite the groups' organisations into a local Integration Working Group.")
    steps.append("Each group reviews its own plan and answers file, and reruns connact plan after changes.")
    blocks.append(bullets(steps))
    blocks += [Rule(), para(italic(f"Written by {generator}. Plans and answers of each group are in this folder."))]
    return Document(title=f"Workshop report: {script.title}", blocks=blocks)
