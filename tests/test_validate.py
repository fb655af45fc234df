"""`connact validate`: the bundled data passes; every class of fault is named with file, line and field."""

from pathlib import Path

import pytest

from helpers import PRACTICE, copy_bundled_data, run, write


def test_bundled_data_is_valid(capsys):
    result = run(capsys, "validate")
    assert result.code == 0, result.out
    assert result.out.splitlines()[-1].startswith("OK: ")


def test_gap_tags_no_practice_addresses_are_warnings(capsys, tmp_path):
    """A gap with nothing in the library for it is worth knowing (plans say so), never an error."""
    data = copy_bundled_data(tmp_path)
    gaps = data / "gaps.yaml"
    tag = "employer_links"
    import yaml

    for path in [*(data / "practices").glob("*.yaml"), *(data / "lessons").glob("*.yaml")]:
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        if tag in entry["gap_tags"]:
            others = [t for t in entry["gap_tags"] if t != tag] or ["co_design"]
            entry |= {"gap_tags": others, "relies_on": [t for t in entry.get("relies_on", []) if t != tag]}
            path.write_text(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run(capsys, "validate", str(data))
    assert result.code == 0, result.out
    warning = (
        f"warning: {gaps}:{_line_of(gaps, f'id: {tag}')} [gaps[{_index_of(gaps, tag)}].id]: no practice or lesson "
        f"addresses gap tag '{tag}' yet"
    )
    assert warning in result.out.splitlines()
    assert result.out.splitlines()[-1].endswith("(1 warning above)")


def _index_of(gaps: Path, tag: str) -> int:
    ids = [line.split("id:", 1)[1].strip() for line in gaps.read_text().splitlines() if line.startswith("  - id:")]
    return ids.index(tag)


def test_missing_path_is_usage_error(capsys, tmp_path):
    result = run(capsys, "validate", str(tmp_path / "nowhere"))
    assert result.code == 2
    assert "no such file or folder" in result.err
    assert "Traceback" not in result.err


def _problems(capsys, *paths: Path) -> list[str]:
    result = run(capsys, "validate", *map(str, paths))
    assert result.code == 1, result.out
    assert "Traceback" not in result.out + result.err
    return [line for line in result.out.splitlines() if not line.startswith("warning: ")]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_broken_copy_names_file_line_field_for_each_fault(capsys, tmp_path):
    data = copy_bundled_data(tmp_path)
    hub = data / "practices" / "integreat-employment-hub-ie.yaml"
    forum = data / "practices" / "integreat-migrant-forum-ie.yaml"
    lesson = data / "lessons" / "lesson-trust.yaml"
    _edit(hub, "countries: [IE]", "countries: [IRL]")
    _edit(forum, "  - migrant_voice", "  - migrant_voices")
    _edit(lesson, "kind: lesson", "kind: lesson\nwhy: typo key")

    lines = _problems(capsys, data)
    assert len(lines) == 3
    assert f"{hub}:{_line_of(hub, 'countries:')} [countries[0]]: 'IRL' is not an ISO 3166-1" in lines[0] or any(
        f"{hub}:{_line_of(hub, 'countries:')} [countries[0]]" in line and "ISO 3166-1" in line for line in lines
    )
    assert any(
        line.startswith(f"{forum}:{_line_of(forum, 'migrant_voices')} [gap_tags[0]]")
        and "unknown gap tag 'migrant_voices' (did you mean 'migrant_voice'?)" in line
        for line in lines
    ), lines
    assert any(f"{lesson}:2 [why]: unknown key 'why'" in line for line in lines), lines


def test_missing_field_and_bad_enum(capsys, tmp_path):
    path = write(tmp_path / "p.yaml", PRACTICE.replace("level: local\n", "").replace("[employment]", "[housing]"))
    lines = _problems(capsys, path)
    assert any("[level]: this required field is missing" in line for line in lines), lines
    assert any("[themes[0]]: 'housing' is not allowed; use one of" in line for line in lines), lines


def test_unknown_key_suggests_closest(capsys, tmp_path):
    path = write(tmp_path / "p.yaml", PRACTICE.replace("summary:", "sumary:"))
    lines = _problems(capsys, path)
    assert any("[sumary]: unknown key 'sumary' (did you mean 'summary'?)" in line for line in lines), lines


def test_duplicate_ids_within_given_files(capsys, tmp_path):
    write(tmp_path / "lib" / "a.yaml", PRACTICE)
    write(tmp_path / "lib" / "b.yaml", PRACTICE)
    lines = _problems(capsys, tmp_path / "lib")
    assert any("b.yaml:2 [id]: id 'test-practice' is already used in a.yaml" in line for line in lines), lines


def test_duplicate_of_bundled_id(capsys, tmp_path):
    path = write(tmp_path / "p.yaml", PRACTICE.replace("id: test-practice", "id: integreat-employment-hub-ie"))
    lines = _problems(capsys, path)
    assert any("id 'integreat-employment-hub-ie' is already used" in line for line in lines), lines


def test_unknown_lesson_and_kind(capsys, tmp_path):
    a = write(tmp_path / "a.yaml", PRACTICE + "lessons: [lesson-trusst]\n")
    b = write(tmp_path / "b.yaml", "kind: recipe\nid: x\n")
    lines = _problems(capsys, a, b)
    assert any("unknown lesson 'lesson-trusst' (did you mean 'lesson-trust'?)" in line for line in lines), lines
    assert any(line.startswith(f"{b}") and "kind 'recipe' is unknown" in line for line in lines), lines


CHECKLIST = """
kind: checklist
id: test-list
title: Test checklist
description: For the tests.
themes: [health]
source: {document: Test}
pillars:
  - id: only
    title: Only pillar
    questions:
      - id: test.only.first
        text: First?
        help: Why first.
        gap_tags: [trust]
        relevant_if: {question: test.only.second, equals: "yes"}
      - id: test.only.second
        text: Second?
        help: Why second.
        gap_tags: [trust]
        relevant_if: {question: test.only.nothing, equals: "yes"}
      - id: test.only.third
        text: Third?
        help: Why third.
        gap_tags: [trust]
        relevant_if: {question: test.only.first, equals: "maybe"}
"""


def test_skip_logic_cross_references(capsys, tmp_path):
    path = write(tmp_path / "c.yaml", CHECKLIST)
    lines = _problems(capsys, path)
    assert any(
        ":15 [pillars[0].questions[0].relevant_if.question]: 'test.only.second' comes later" in line for line in lines
    ), lines
    assert any(
        ":20 [pillars[0].questions[1].relevant_if.question]: unknown question 'test.only.nothing'" in line
        for line in lines
    ), lines
    assert any("'maybe' is not an answer of 'test.only.first'" in line for line in lines), lines


def test_unreadable_files_are_problems_not_crashes(capsys, tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "latin.yaml").write_bytes(b"kind: practice\ntitle: caf\xe9\n")
    (tmp_path / "lib" / "dup.yaml").write_text("kind: practice\nkind: lesson\n", encoding="utf-8")
    lines = _problems(capsys, tmp_path / "lib")
    assert any("latin.yaml:2: is not UTF-8" in line for line in lines), lines
    assert any("dup.yaml:2: key 'kind' appears twice (first on line 1)" in line for line in lines), lines


@pytest.mark.parametrize("extra", ["", "\nlessons: [lesson-trust]\n"])
def test_valid_extension_library(capsys, tmp_path, extra):
    path = write(tmp_path / "p.yaml", PRACTICE + extra)
    result = run(capsys, "validate", str(path))
    assert result.code == 0, result.out
    assert "OK: 1 files valid" in result.out


def test_framework_facts_are_checked_like_any_data(capsys, tmp_path):
    """data/framework.yaml names gap tags and practices: an unknown one is a problem with its line."""
    data = copy_bundled_data(tmp_path)
    framework = data / "framework.yaml"
    _edit(framework, "gap_tag: working_group", "gap_tag: working_groups")
    _edit(framework, "model_practices: [iwg-limerick-ie]", "model_practices: [iwg-limerik-ie]")
    problems = _problems(capsys, data)
    assert (
        f"{framework}:{_line_of(framework, 'gap_tag:')} [working_group.gap_tag]: unknown gap tag "
        "'working_groups' (did you mean 'working_group'?); use an id from gaps.yaml"
    ) in problems
    assert (
        f"{framework}:{_line_of(framework, 'model_practices:')} [working_group.model_practices[0]]: "
        "unknown practice 'iwg-limerik-ie' (did you mean 'iwg-limerick-ie'?)"
    ) in problems


def test_framework_target_groups_come_from_the_vocabulary(capsys, tmp_path):
    data = copy_bundled_data(tmp_path)
    framework = data / "framework.yaml"
    _edit(framework, "    - refugees\n", "    - refugee\n")
    problems = _problems(capsys, data)
    assert len(problems) == 1
    assert problems[0].startswith(f"{framework}:{_line_of(framework, '- refugee')} [broader_groups.")
    assert "'refugee' is not allowed; use one of" in problems[0]


def test_a_second_framework_file_is_a_duplicate(capsys, tmp_path):
    extra = write(tmp_path / "extra" / "framework.yaml", "kind: framework\nchecklist_order: [health]\n")
    problems = _problems(capsys, extra.parent)
    assert problems == [f"{extra}:1 [kind]: id 'framework' is already used in framework.yaml; ids must be unique"]


def test_every_gap_tag_has_two_entries_and_the_readme_says_so(capsys):
    """`connact validate` warns of no uncovered gap tag; every tag has at least two practices, resources or
    EU actions, from two countries at least; the README's account of the library says as much."""
    from helpers import bundled_library

    result = run(capsys, "validate")
    assert result.code == 0 and "warning" not in result.out, result.out
    library = bundled_library()
    for gap in library.gaps:
        entries = [r for r in library.index if gap.id in r.gap_tags]
        assert len(entries) >= 2, (gap.id, [r.id for r in entries])
        assert len({c for r in entries for c in r.countries}) >= 2, gap.id
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "every gap tag is addressed by at least two entries" in " ".join(readme.split())


def test_every_bundled_entry_cites_address_publisher_and_year():
    """The library's provenance: every practice, resource and EU action names the address, publisher and
    year of its facts, says what its source reports as evidence, and every figure has a source."""
    from helpers import bundled_library

    library = bundled_library()
    entries = [library.entry(record.id) for record in library.index]
    assert len(entries) == len(library.index) > 0
    for entry in entries:
        source = entry.source
        assert source.url and source.url.startswith(("https://", "http://")), entry.id
        assert source.publisher and source.year, entry.id
        assert entry.evidence in ("outcome", "output", "none"), entry.id
        for figure in entry.figures:
            cited = figure.source or source
            assert cited.url and cited.publisher and cited.year, (entry.id, figure.describe())


@pytest.mark.parametrize("missing", ["url", "publisher", "year"])
def test_validate_refuses_an_entry_without_a_full_source(capsys, tmp_path, missing):
    import yaml

    data = yaml.safe_load(PRACTICE)
    del data["source"][missing]
    write(tmp_path / "lib" / "p.yaml", yaml.safe_dump(data))
    result = run(capsys, "validate", str(tmp_path / "lib"))
    assert result.code == 1
    assert f"source needs {missing}" in result.out + result.err


def test_practices_list_separates_seed_from_public(capsys, tmp_path):

    write(tmp_path / "lib" / "p.yaml", PRACTICE)  # origin left out: a public source
    public = run(capsys, "practices", "list", "--source", "public", "--library", str(tmp_path / "lib"))
    seed = run(capsys, "practices", "list", "--source", "SEED", "--library", str(tmp_path / "lib"))
    assert public.code == seed.code == 0
    assert "test-practice" in public.out and "test-practice" not in seed.out
    assert "iwg-limerick-ie" in seed.out and "iwg-limerick-ie" not in public.out
    wrong = run(capsys, "practices", "list", "--source", "Other")
    assert wrong.code == 2 and "--source 'Other' is not known; use one of: seed, public" in wrong.err
