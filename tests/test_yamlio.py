"""Reading YAML: lines are remembered, and unsafe or malformed files are refused clearly."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from connact_cli.errors import InputFileError
from connact_cli.library import yamlio
from helpers import write


def test_lines_of_keys_and_items(tmp_path):
    doc = yamlio.load(
        write(
            tmp_path / "a.yaml",
            """
        kind: practice
        themes:
          - health
          - employment
    """,
        )
    )
    assert doc.data == {"kind": "practice", "themes": ["health", "employment"]}
    assert doc.line_of(("kind",)) == 1
    assert doc.line_of(("themes", 1)) == 4
    assert doc.line_of(("themes", 1, "deeper")) == 4


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: 1\na: 2\n", "appears twice"),
        ("", "is empty"),
        ("# only a comment\n", "holds no data"),
        ("a: [1, 2\n", "not valid YAML"),
        ("a: 1\n---\nb: 2\n", "more than one YAML document"),
        ("a: !!python/object:os.system ls\n", "not valid YAML"),
    ],
)
def test_refused_with_message(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError, match=message) as caught:
        yamlio.load(path)
    assert str(path) in str(caught.value)


def test_billion_laughs_fails_fast(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="aliases"):
        yamlio.load(path)


def test_not_utf8_names_line(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: ok\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputFileError, match="not UTF-8") as caught:
        yamlio.load(path)
    assert caught.value.problem.line == 2


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfkind: practice\n")
    assert yamlio.load(path).data == {"kind": "practice"}


def test_folder_and_missing_file(tmp_path):
    with pytest.raises(InputFileError, match="is a folder"):
        yamlio.load(tmp_path)
    with pytest.raises(InputFileError, match="no such file"):
        yamlio.load(tmp_path / "nope.yaml")


def test_deep_nesting_refused(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="nesting deeper"):
        yamlio.load(path)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "a: &x [1]\nb: *x\n",  # anchors and aliases
        "\ufeffa: 1\n",  # byte-order mark
        "1: one\n",  # a key that is not a word
        "<<: {a: 1}\n",  # merge key
        "- a\n- b\n",  # not a mapping
    ],
)
def test_fast_path_leaves_unusual_files_to_the_careful_one(tmp_path, text):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    assert yamlio.fast_load(path) is None


def test_fast_path_reads_plain_files_like_the_careful_one(tmp_path):
    path = write(
        tmp_path / "p.yaml",
        """
        kind: practice
        themes: [health, employment]
        figures:
          - {value: 60, label: sessions, qualifier: over}
    """,
    )
    assert yamlio.fast_load(path) == yamlio.load(path).data


@pytest.mark.parametrize(
    "value, message",
    [
        (".nan", "'.nan' is not a number connact can use; write a number, or quote it"),
        ("-.inf", "'-.inf' is not a number connact can use"),
        ("!!float .NaN", "'.NaN' is not a number connact can use"),
        ("0120000", "'0120000' reads as the octal number 40960; quote it (\"0120000\") if you meant text"),
        ("1:30", "'1:30' reads as the number 90 (YAML 1.1 base 60); quote it (\"1:30\") if you meant text"),
    ],
)
def test_surprising_yaml_11_numbers_are_refused_on_both_paths(tmp_path, value, message):
    """The fast loader must not accept what the careful one refuses: it hands such files over."""
    path = write(tmp_path / "a.yaml", f"kind: practice\nfigure:\n  value: {value}\n")
    assert yamlio.fast_load(path) is None
    with pytest.raises(InputFileError) as caught:
        yamlio.load(path)
    assert message in caught.value.problem.message and caught.value.problem.line == 3


@pytest.mark.parametrize(
    "value, read",
    [
        ("'0120000'", "0120000"),
        ('"1:30"', "1:30"),
        ("0", 0),
        ("12", 12),
        ("0.5", 0.5),
        ("0x1F", 31),
        ("'.nan'", ".nan"),
    ],
)
def test_numbers_that_mean_what_they_look_like_are_kept(tmp_path, value, read):
    path = write(tmp_path / "a.yaml", f"kind: practice\nvalue: {value}\n")
    assert yamlio.fast_load(path) == yamlio.load(path).data == {"kind": "practice", "value": read}


def test_nan_partners_are_refused_in_one_line(capsys, tmp_path):
    from helpers import answers_file, run

    path = answers_file(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "answers: {}", "answers:\n  principles.partnership.partner_count: .nan"
        ),
        encoding="utf-8",
    )
    result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "p.md"))
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and "'.nan' is not a number" in result.err
    assert "quote it" in result.err


def test_a_typed_nan_or_infinity_is_not_a_number_answer():
    from connact_cli.interview import questions
    from helpers import bundled_library

    count = next(
        q for c in bundled_library().checklists for q in c.questions() if q.id == "principles.partnership.partner_count"
    )
    for typed in ("nan", "inf", "-inf", "NaN"):
        assert questions.check_typed(count, typed) is not None, typed


def test_country_no_says_to_quote_it(capsys, tmp_path):
    from helpers import answers_file, run

    path = answers_file(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("country: MT", "country: NO"), encoding="utf-8")
    result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "p.md"))
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        f"Error: {path}:6 [profile.country]: input should be a valid string; YAML reads an unquoted yes, no, on, "
        'off, true or false as false: quote it if you meant the text (e.g. country: "NO")'
    ]


def test_line_breaks_yaml_folds_are_written_so_they_read_back(tmp_path):
    """NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR read back as themselves, not as a space: an organisation
    name pasted with one keeps its exact text in the answers file, and the replayed plan is the same plan."""
    for text in ["| --- |\x85\u202e", "Harbour\u2028Steps", "note\u2029", "é\x85"]:
        path = write(tmp_path / "a.yaml", yamlio.dump({"organisation": text}))
        assert yamlio.load(path).data == {"organisation": text}


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=12), st.one_of(st.text(), st.lists(st.text(), max_size=3)), max_size=4))
def test_what_connact_writes_reads_back_unchanged(data):
    assert yaml.safe_load(yamlio.dump(data)) == data
