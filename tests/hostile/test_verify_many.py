"""One bundle that makes the verifier fail is that bundle's verdict; the others are still verified
(issue 14, point 1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.cli import main
from compliance.engine import scoring
from compliance.signing.trust import TrustStore
from tests.signing.conftest import Signer, example_assessment, make_signer, sign


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Signer]:
    folder = tmp_path_factory.mktemp("inbox")
    signer = make_signer(tmp_path_factory.mktemp("keys"), "many")
    for name, organisation in (("a", "Atlas"), ("b", "Broken"), ("c", "Casa")):
        bundle = sign(signer, example_assessment(name=organisation))
        (folder / f"{name}.zip").write_bytes(bundle)
    trust = tmp_path_factory.mktemp("trust")
    TrustStore(signer.trust.entries, trust).save()
    return folder, trust, signer


@pytest.fixture
def fails_on_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    original = scoring.score

    def score(questionnaire: Any, assessment: Any, **kwargs: Any) -> Any:
        if assessment.organisation.name == "Broken":
            raise RecursionError("maximum recursion depth exceeded")
        return original(questionnaire, assessment, **kwargs)

    monkeypatch.setattr(scoring, "score", score)


@pytest.mark.usefixtures("fails_on_broken")
def test_verify_prints_every_verdict(
    inbox: tuple[Path, Path, Signer], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, trust, _ = inbox
    names = [str(folder / f"{n}.zip") for n in "abc"]
    assert main(["verify", "--json", "--trust", str(trust), *names]) == 1
    verdicts = json.loads(capsys.readouterr().out)
    assert [(v["bundle"], v["status"], v["reason"]) for v in verdicts] == [
        (names[0], "VALID", None),
        (names[1], "INVALID", "internal-error"),
        (names[2], "VALID", None),
    ]
    assert "RecursionError" in verdicts[1]["message"]
    assert main(["verify", "--trust", str(trust), *names]) == 1
    out = capsys.readouterr().out
    assert f"{names[1]}: INVALID (internal-error): this bundle made the verifier fail" in out
    assert f"{names[2]}: VALID" in out


@pytest.mark.usefixtures("fails_on_broken")
def test_review_keeps_the_whole_inbox(
    inbox: tuple[Path, Path, Signer], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, trust, _ = inbox
    ws = tmp_path / "ws.sqlite"
    assert (
        main(["review", str(folder), "--json", "--trust", str(trust), "--workspace", str(ws)]) == 1
    )
    rows = {row["file"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["b.zip"]["reason"] == "internal-error" and rows["b.zip"]["submission"] is None
    assert rows["a.zip"]["status"] == rows["c.zip"]["status"] == "VALID"
