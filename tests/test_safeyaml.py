"""The safe YAML reader: core-schema scalars, positions, and everything it refuses."""

from __future__ import annotations

import pytest

from compliance.errors import LoadError
from compliance.safeyaml import MAX_DEPTH, parse_yaml, read_bytes


def parse(text: str) -> object:
    return parse_yaml(text.encode(), "t.yaml").data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: yes", {"a": "yes"}),
        ("a: no", {"a": "no"}),
        ("a: NO", {"a": "NO"}),
        ("a: on", {"a": "on"}),
        ("a: true", {"a": True}),
        ("a: False", {"a": False}),
        ("a: ~", {"a": None}),
        ("a: null", {"a": None}),
        ("a:", {"a": None}),
        ("a: 12", {"a": 12}),
        ("a: -3", {"a": -3}),
        ("a: 0x1f", {"a": 31}),
        ("a: 0o17", {"a": 15}),
        ("a: 0.5", {"a": 0.5}),
        ("a: 1e3", {"a": 1000.0}),
        ("a: 2026-01-31", {"a": "2026-01-31"}),
        ("a: '12'", {"a": "12"}),
        ('a: "true"', {"a": "true"}),
        ("1: x", {"1": "x"}),
        ("true: x", {"true": "x"}),
        ("a: [1, b, {c: d}]", {"a": [1, "b", {"c": "d"}]}),
        ('{"json": [1, 2.5, null]}', {"json": [1, 2.5, None]}),
    ],
)
def test_scalars_follow_the_yaml_1_2_core_schema(text: str, expected: object) -> None:
    assert parse(text) == expected


def test_marks_point_at_each_value() -> None:
    document = parse_yaml(b"top:\n  items:\n    - id: q1\n      kind: x\n", "t.yaml")
    assert document.locate(("top", "items", 0, "kind")) == ((4, 13), "q1")
    assert document.locate(("top", "items", 0)) == ((3, 7), "q1")


def test_locate_skips_steps_that_are_not_in_the_data() -> None:
    document = parse_yaml(b"items:\n  - id: q1\n    text: {en: a}\n", "t.yaml")
    # a union tag ("yes_no") and a missing field ("fr") are not in the data
    assert document.locate(("items", 0, "yes_no", "text", "fr")) == ((3, 11), "q1")


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        ("a: &x 1\nb: 2\n", "anchors", 1),
        ("a: 1\nb: *x\n", "", 2),  # an undefined alias is a parse error in libyaml
        ("a: !!str 1\n", "tags", 1),
        ("a: !custom 1\n", "tags", 1),
        ("a: !!python/object:os.system [ls]\n", "tags", 1),
        ("a: 1\nb: 2\na: 3\n", "duplicate key 'a'", 3),
        ("? [a, b]\n: 1\n", "plain text", 1),
        ("a: 1\n---\nb: 2\n", "more than one YAML document", 2),
        ("a: [1, 2\n", "not valid YAML", 2),
        ("a: 1\n b: 2\n", "not valid YAML", 2),
        ("", "empty", 1),
        ("   \n# only a comment\n", "empty", 1),
        ("~\n", "empty", 1),
        ("a: " + "9" * 100 + "\n", "too long", 1),
    ],
)
def test_refusals_name_their_line(text: str, fragment: str, line: int) -> None:
    with pytest.raises(LoadError) as caught:
        parse(text)
    problem = caught.value.problems[0]
    assert fragment in problem.message
    assert problem.line == line


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    laughs = ['lol0: &l0 "lol"']
    laughs += [f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 10)]
    with pytest.raises(LoadError, match="anchors"):
        parse("\n".join(laughs))


def test_deep_nesting_is_capped() -> None:
    parse("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    with pytest.raises(LoadError, match="deeper than"):
        parse("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))


def test_invalid_utf8_is_reported_with_its_position() -> None:
    with pytest.raises(LoadError) as caught:
        parse_yaml(b"a: 1\nb: caf\xe9\n", "t.yaml")
    problem = caught.value.problems[0]
    assert "UTF-8" in problem.message
    assert (problem.line, problem.column) == (2, 7)


def test_a_byte_order_mark_is_accepted() -> None:
    assert parse_yaml("\ufeffa: 1\n".encode(), "t.yaml").data == {"a": 1}


def test_read_bytes_refuses_folders_missing_and_oversized_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LoadError, match="is a folder"):
        read_bytes(tmp_path, max_bytes=10)
    with pytest.raises(LoadError, match="no such file"):
        read_bytes(tmp_path / "missing.yaml", max_bytes=10)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a" * 11)
    with pytest.raises(LoadError, match="over the 10-byte limit"):
        read_bytes(big, max_bytes=10)
    assert read_bytes(big, max_bytes=11) == b"a" * 11
