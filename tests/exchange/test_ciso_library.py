"""CISO Assistant library import: a library becomes a valid questionnaire; what cannot be carried
is listed; a broken library is refused with the place of every problem."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from compliance.cli import main
from compliance.errors import LoadError
from compliance.exchange.ciso_library import import_library
from compliance.loader import load_questionnaire
from compliance.model.questionnaire import Questionnaire
from tests.exchange.libraries import URN, callcentre


def _write(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _imported(tmp_path: Path, data: dict[str, Any] | None = None) -> tuple[Questionnaire, Any]:
    library = _write(tmp_path / "library.yaml", data or callcentre())
    result, text = import_library(library)
    out = tmp_path / "questionnaire.yaml"
    out.write_bytes(text)
    return load_questionnaire(out, use_cache=False), result


def test_the_tree_becomes_domains_and_controls_with_their_urns(tmp_path: Path) -> None:
    q, result = _imported(tmp_path)
    assert (q.id, q.version) == ("callcentre-2026", "2.0.0")
    assert q.title.en == "Call centre: data protection"
    assert q.title.fr == "Centre d'appels : protection des données"
    assert [(d.id, d.title.fr) for d in q.domains] == [
        ("GOV", "Gouvernance"),
        ("SEC", "Sécurité"),
        ("GEN", "Général"),
    ]
    controls = {c.id: c for d in q.domains for c in d.controls}
    assert list(controls) == ["1.1", "1.2", "A.2.1", "Art.24"]
    assert controls["1.1"].source == f"{URN}:gov-lead"
    assert controls["A.2.1"].source == f"{URN}:sec-rec-enc"
    assert controls["1.1"].refs == {"callcentre-2026": ("1.1",)}
    assert controls["Art.24"].refs == {"callcentre-2026": ("24",)}
    assert controls["A.2.1"].refs == {"callcentre-2026": ("7 (A.2.1)",)}
    assert controls["1.1"].remediation.fr == "Désignez un référent par écrit."
    assert [e.fr for e in controls["1.1"].evidence] == ["Lettre de désignation"]
    assert controls["A.2.1"].description is not None
    assert controls["A.2.1"].description.fr.startswith("SEC › Enregistrements")
    assert result.source == "urn:test:risk:library:callcentre"


def test_questions_keep_types_scores_results_and_conditions(tmp_path: Path) -> None:
    q, _ = _imported(tmp_path)
    lead, channels, date = (q.questions_by_id[f"1.1.q{n}"] for n in (1, 2, 3))
    assert lead.kind == "single_choice"
    assert [(o.id, o.label.fr, str(o.score)) for o in lead.options] == [
        ("c1", "Oui", "1"),
        ("c2", "En cours", "0.5"),
        ("c3", "Non", "0"),
    ]
    assert channels.kind == "multi_choice" and channels.allow_na  # "Aucun" → N/A
    assert [(o.label.fr, str(o.score)) for o in channels.options] == [
        ("Courriel", "1"),
        ("Téléphone", "0.5"),
    ]
    assert channels.when is not None
    assert channels.when.model_dump(exclude_none=True) == {"answer": "1.1.q1", "in": ("c1", "c2")}
    assert date.kind == "date"
    encrypted, algorithm = q.questions_by_id["A.2.1.q1"], q.questions_by_id["A.2.1.q2"]
    assert (encrypted.kind, algorithm.kind) == ("yes_no", "text")
    # a choice question without scores describes the organisation: it goes to the profile
    assert [p.id for p in q.profile.questions] == ["1.2.q1"]
    # a requirement without a scored question gets the compliance-result question
    assert [x.id for x in q.domains[0].controls[1].questions] == ["1.2.q2", "1.2.result"]
    assert [x.id for x in q.domains[2].controls[0].questions] == ["Art.24.result"]


def test_what_is_not_carried_is_listed(tmp_path: Path) -> None:
    _, result = _imported(tmp_path)
    notes = "\n".join(result.notes)
    for expected in (
        "splash (introduction) pages are not carried",
        "framework.implementation_groups_definition is not carried",
        "requirement implementation groups are not carried",
        "choice select implementation groups are not carried",
        "choice color are not carried",
        "a choice whose result is not_applicable becomes the question's N/A",
        "become profile questions",
        "number questions are carried without scoring",
        "cited by their position in the library, ref_id in brackets",
    ):
        assert expected in notes
    text = (tmp_path / "questionnaire.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Imported by 'compliance library import'")
    assert "#  - splash (introduction) pages are not carried" in text


def test_a_scale_framework_gets_scale_questions(tmp_path: Path) -> None:
    data = callcentre()
    framework = data["objects"]["framework"]
    framework["min_score"], framework["max_score"] = 0, 5
    framework["scores_definition"] = [
        {"score": 0, "name": "Aucun"},
        {"score": 5, "name": "Optimisé"},
    ]
    q, _ = _imported(tmp_path, data)
    question = q.questions_by_id["Art.24.score"]
    assert question.kind == "scale"
    assert (question.min, question.max) == (0, 5)
    assert [(label.value, label.label.fr) for label in question.labels] == [
        (0, "Aucun"),
        (5, "Optimisé"),
    ]


def _nodes(data: dict[str, Any]) -> list[dict[str, Any]]:
    return data["objects"]["framework"]["requirement_nodes"]  # type: ignore[no-any-return]


def _cycle(data: dict[str, Any]) -> None:
    _nodes(data)[1]["parent_urn"] = f"{URN}:gov-lead"


def _unknown_type(data: dict[str, Any]) -> None:
    _nodes(data)[2]["questions"][f"{URN}:gov-lead:question:3"]["type"] = "slider"


def _unknown_parent(data: dict[str, Any]) -> None:
    _nodes(data)[3]["parent_urn"] = f"{URN}:nowhere"


def _bad_dependency(data: dict[str, Any]) -> None:
    question = _nodes(data)[2]["questions"][f"{URN}:gov-lead:question:2"]
    question["depends_on"]["answers"] = [f"{URN}:gov-lead:question:1:choice:9"]


def _twice(data: dict[str, Any]) -> None:
    _nodes(data).append(copy.deepcopy(_nodes(data)[2]))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_cycle, "parent_urn makes a cycle through"),
        (_unknown_type, "unknown question type 'slider'; known types are unique_choice"),
        (_unknown_parent, f"parent_urn {URN}:nowhere is not a node"),
        (_bad_dependency, "choice:9 is not a choice of"),
        (_twice, "is used twice"),
    ],
)
def test_a_broken_library_is_refused_with_the_place(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    data = callcentre()
    change(data)
    library = _write(tmp_path / "library.yaml", data)
    with pytest.raises(LoadError) as caught:
        import_library(library)
    problem = caught.value.problems[0]
    assert message in problem.message, caught.value.problems
    assert problem.file == str(library) and problem.line > 1


def test_cli_import_then_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = _write(tmp_path / "library.yaml", callcentre())
    out = tmp_path / "q.yaml"
    assert main(["library", "import", str(library), "-o", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1] == (
        f"wrote {out}: questionnaire callcentre-2026 2.0.0, 3 domains, 4 controls, "
        "9 questions, from urn:test:risk:library:callcentre"
    )
    assert any(line.startswith("note: ") for line in printed)
    assert main(["validate", str(out)]) == 0


def test_cli_refuses_a_cycle_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = callcentre()
    _cycle(data)
    library = _write(tmp_path / "library.yaml", data)
    out = tmp_path / "q.yaml"
    assert main(["library", "import", str(library), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"compliance: {library}:") and "cycle" in captured.err
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err and not out.exists()
    lines = captured.out.splitlines()  # every problem, each with its place
    assert len(lines) == 2 and all(line.startswith(f"{library}:") for line in lines)
