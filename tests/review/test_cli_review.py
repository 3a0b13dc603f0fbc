"""``compliance review``: the inbox, decide, compare and export forms on the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.commands.review import ProgressLine
from compliance.signing.trust import TrustStore
from tests.review.conftest import Inbox
from tests.signing.conftest import Signer


@pytest.fixture
def trust_dir(tmp_path: Path, signer: Signer) -> Path:
    folder = tmp_path / "trust"
    TrustStore(signer.trust.entries, folder).save()
    return folder


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_review_lists_every_bundle_with_its_verdict(
    capsys: pytest.CaptureFixture[str], inbox: Inbox, trust_dir: Path, tmp_path: Path
) -> None:
    ws = str(tmp_path / "ws.sqlite")
    args = ("review", str(inbox.folder), "--trust", str(trust_dir), "--workspace", ws)
    code, out, err = _run(capsys, *args, "--json")
    assert code == 1  # not every bundle is valid
    rows = json.loads(out)
    assert {r["file"]: (r["status"], r["reason"]) for r in rows} == inbox.expected
    assert [r["status"] for r in rows][:3] == ["INVALID"] * 3  # invalid first
    invalid = next(r for r in rows if r["file"] == "e-tampered.zip")
    assert invalid["submission"] is None
    code, out, err = _run(capsys, *args, "--filter", "valid", "--sort", "organisation")
    lines = out.splitlines()
    assert len(lines) == 4 and all(line.startswith("VALID") for line in lines)
    assert "\x1b" not in out and "\x07" not in out  # the hostile name is printed inert
    assert "[bold red]Evil[/]" in out
    assert "8 bundles: 5 verified, 3 invalid; 4 shown" in err


def test_decide_export_and_compare(
    capsys: pytest.CaptureFixture[str], inbox: Inbox, trust_dir: Path, tmp_path: Path
) -> None:
    ws = str(tmp_path / "ws.sqlite")
    common = ("--trust", str(trust_dir), "--workspace", ws)
    first = str(inbox.folder / "a-first.zip")
    second = str(inbox.folder / "b-second.zip")
    code, out, _ = _run(
        capsys, "review", "decide", first, "--status", "accepted", "--comment", "=1+1", *common
    )
    assert code == 0 and "recorded accepted for a-first.zip (VALID)" in out
    code, _, err = _run(
        capsys,
        "review",
        "decide",
        str(inbox.folder / "f-untrusted.zip"),
        "--status",
        "accepted",
        "--comment",
        "x",
        *common,
    )
    assert code == 1 and "cannot be accepted" in err
    target = tmp_path / "out.csv"
    code, out, _ = _run(capsys, "review", "export", "-o", str(target), "--workspace", ws)
    assert code == 0 and "wrote 1 decision to" in out
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig"))))
    assert [(r["file"], r["status"], r["comment"]) for r in rows] == [
        ("a-first.zip", "accepted", "'=1+1")
    ]
    code, out, _ = _run(capsys, "review", "compare", first, second, "--trust", str(trust_dir))
    assert code == 0
    assert "answers: 1 changed" in out and "gov01.lead: yes -> no" in out
    code, out, _ = _run(capsys, "review", "compare", second, first, "--trust", str(trust_dir))
    assert code == 1 and "flags: older-than-seen" in out
    code, _, err = _run(
        capsys,
        "review",
        "compare",
        first,
        str(inbox.folder / "e-tampered.zip"),
        "--trust",
        str(trust_dir),
    )
    assert code == 1 and "did not verify (digest-mismatch)" in err


def test_misuse_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], inbox: Inbox, tmp_path: Path
) -> None:
    code, _, err = _run(capsys, "review", "decide", "x.zip", "--status", "rejected")
    assert code == 2 and "needs --status and --comment" in err
    code, _, err = _run(capsys, "review", str(inbox.folder), "-o", "x.csv")
    assert code == 2 and "--output belongs to 'review export'" in err
    code, _, err = _run(capsys, "review", "compare", "a.zip")
    assert code == 2
    code, _, err = _run(capsys, "review", str(tmp_path / "nowhere"))
    assert code == 1 and "is not a folder" in err


def test_the_progress_line_is_throttled_and_erased() -> None:
    from compliance.review.inbox import Submission

    stream = io.StringIO()
    line = ProgressLine(stream, minimum=20)
    dummy: Submission = None  # type: ignore[assignment]  # the line ignores the submission
    for done in range(1, 101):
        line(done, 100, dummy)
    line.close()
    text = stream.getvalue()
    assert text.startswith("\rverifying 1/100 bundles")
    assert "\rverifying 100/100 bundles" in text
    assert text.count("\r") < 20  # throttled, not one write per bundle
    assert text.endswith("\r\x1b[K")
    quiet = io.StringIO()
    small = ProgressLine(quiet, minimum=20)
    small(1, 5, dummy)
    small.close()
    assert quiet.getvalue() == ""


def test_review_speaks_french_with_what_invalid_bundles_claim(
    capsys: pytest.CaptureFixture[str], inbox: Inbox, trust_dir: Path, tmp_path: Path
) -> None:
    from compliance.typography import NBSP

    ws = str(tmp_path / "ws.sqlite")
    args = ("--lang", "fr", "review", str(inbox.folder), "--trust", str(trust_dir))
    code, out, err = _run(capsys, *args, "--workspace", ws)
    assert code == 1
    assert " :" not in out + err and f"{NBSP}:" in out  # French spacing throughout
    out, err = out.replace(NBSP, " "), err.replace(NBSP, " ")
    tampered = next(line for line in out.splitlines() if "e-tampered.zip" in line)
    assert tampered.startswith("Invalide : altéré  e-tampered.zip : data/result.json a été modifié")
    assert "(affirme : Atlas Contact, non vérifié)" in tampered
    first = next(line for line in out.splitlines() if "a-first.zip" in line)
    assert first.startswith("Valide  a-first.zip  Atlas Contact (RC-1)  signé par Alice le ")
    assert "flux : " in first and "score " in first
    for english in ("INVALID", "VALID ", "signed by", "flows:", "digest-mismatch"):
        assert english not in out
    assert "paquets : 8 ; vérifiés : 5 ; invalides : 3 ; affichés : 8" in err


def test_review_speaks_arabic_with_latin_names_untouched(
    capsys: pytest.CaptureFixture[str], inbox: Inbox, trust_dir: Path, tmp_path: Path
) -> None:
    ws = str(tmp_path / "ws.sqlite")
    args = ("--lang", "ar", "review", str(inbox.folder), "--trust", str(trust_dir))
    code, out, err = _run(capsys, *args, "--workspace", ws)
    assert code == 1
    tampered = next(line for line in out.splitlines() if "e-tampered.zip" in line)
    assert tampered.startswith(
        "غير صالح: تم التلاعب به  e-tampered.zip: عدل data/result.json بعد توقيعه"
    )
    assert "(تدعي: Atlas Contact، غير متحقق منه)" in tampered
    first = next(line for line in out.splitlines() if "a-first.zip" in line)
    assert first.startswith("صالح  a-first.zip  Atlas Contact (RC-1)  وقعها Alice في ")
    assert "التدفقات: " in first and "النتيجة " in first
    for english in ("INVALID", "VALID ", "signed by", "flows:", "digest-mismatch", "score"):
        assert english not in out
    assert "الحزم: 8؛ تم التحقق منها: 5؛ غير صالحة: 3؛ المعروضة: 8" in err
