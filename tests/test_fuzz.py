"""Property-based fuzzing: no answers or practice file, however broken, makes connact crash.

Every case must end with exit 0, 1 or 2 and, when it fails, one line of explanation: never a
traceback (exit 3 means an unexpected exception). CI runs a small number of cases per property;
run thousands on demand with:  CONNACT_FUZZ_EXAMPLES=10000 pytest -m fuzz
"""

import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import EXAMPLES, PRACTICE, run

pytestmark = pytest.mark.fuzz

EXAMPLES_PER_PROPERTY = int(os.environ.get("CONNACT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES_PER_PROPERTY,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

VALID_ANSWERS = yaml.safe_load((EXAMPLES / "malta-ngo-employment.answers.yaml").read_text(encoding="utf-8"))
VALID_PRACTICE = yaml.safe_load(PRACTICE)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["yes", "no", "partly", "unsure", "ngo", "MT", "health", "2027-01", "", "~"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12,
)


def _paths(data, prefix=()):
    """Every path into a nested structure, to pick one to break."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


@st.composite
def mutated(draw, valid):
    """A valid document with a few parts replaced, deleted or added."""
    import copy

    data = copy.deepcopy(valid)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = draw(values)
        elif isinstance(parent, list):
            parent.append(draw(values))
    return data


def _dump(data) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except Exception:  # some generated keys or values PyYAML itself cannot write
        return yaml.safe_dump(str(data))


def _check(result):
    assert result.code in (0, 1, 2), result.err
    assert "Traceback" not in result.out + result.err
    if result.code:
        assert len(result.err.strip().splitlines()) >= 1
        assert result.err.startswith("Error: ") or "problem" in result.err


raw_texts = st.one_of(
    st.text(max_size=300),
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
    st.lists(
        st.sampled_from(
            [
                "connact: 1\n",
                "profile:\n",
                "  organisation: X\n",
                "answers:\n",
                "  - a\n",
                "&a [*a]\n",
                "{",
                "}",
                "- ",
                ": ",
                "\t",
                "!!python/object:os.system\n",
                "\ufeff",
            ]
        ),
        max_size=15,
    ).map("".join),
)


@FUZZ
@given(data=mutated(VALID_ANSWERS))
def test_mutated_answers_files(capsys, tmp_path, data):
    path = tmp_path / "fuzz.answers.yaml"
    path.write_text(_dump(data), encoding="utf-8")
    _check(run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "out.md"), "--force"))


@FUZZ
@given(text=raw_texts)
def test_raw_text_as_answers_file(capsys, tmp_path, text):
    path = tmp_path / "fuzz.answers.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    _check(run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "out.md"), "--force"))
    _check(run(capsys, "validate", str(path)))


@FUZZ
@given(data=mutated(VALID_PRACTICE))
def test_mutated_practice_files(capsys, tmp_path, data):
    library = tmp_path / "library"
    library.mkdir(exist_ok=True)
    (library / "practice.yaml").write_text(_dump(data), encoding="utf-8")
    _check(run(capsys, "validate", str(library)))
    _check(run(capsys, "practices", "list", "--library", str(library)))


@FUZZ
@given(data=mutated(VALID_ANSWERS))
def test_mutated_answers_files_compared(capsys, tmp_path, data):
    path = tmp_path / "fuzz.answers.yaml"
    path.write_text(_dump(data), encoding="utf-8")
    baseline = str(EXAMPLES / "malta-ngo-employment.answers.yaml")
    _check(run(capsys, "compare", baseline, str(path), "-f", "json"))
    _check(run(capsys, "compare", str(path), baseline))
