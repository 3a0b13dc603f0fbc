"""The command line of signing: keys, trust, sign and verify, and the registry (K5, exit codes)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.signing.keys import grouped
from compliance.signing.registry import bundled_problems
from compliance.typography import NBSP
from tests.signing.conftest import FIXTURE, Signer, sign

CANARY = "canary-passphrase-5521"


def test_the_registry_matches_the_bundled_questionnaires() -> None:
    assert bundled_problems() == [], "run: python -m compliance.signing.registry"


@pytest.fixture
def env_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPLIANCE_PASSPHRASE", CANARY)
    from compliance import filecrypt

    monkeypatch.setattr(filecrypt, "DEFAULT_PARAMS", filecrypt.MINIMUM_PARAMS)
    from compliance.signing import keys

    original = keys.generate_key

    def cheap(*args: object, **kwargs: object) -> object:
        kwargs["params"] = filecrypt.MINIMUM_PARAMS
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(keys, "generate_key", cheap)


def test_keys_trust_sign_verify_revoke(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], env_passphrase: None
) -> None:
    keys = tmp_path / "keys"
    assert main(["keys", "generate", "--name", "alice", "-o", str(keys)]) == 0
    assert main(["keys", "show", str(keys / "alice.pub.pem")]) == 0
    key_id = capsys.readouterr().out.splitlines()[-2]
    trust = str(tmp_path / "trust")
    assert (
        main(["trust", "add", str(keys / "alice.pub.pem"), "--name", "Alice", "--trust", trust])
        == 0
    )
    assert key_id in capsys.readouterr().out
    out = tmp_path / "b.zip"
    argv = ["sign", str(FIXTURE), "--key", str(keys / "alice.key"), "-o", str(out), "--no-pdf"]
    assert main(argv) == 0
    assert main(["verify", str(out), "--trust", trust]) == 0
    line = capsys.readouterr().out
    assert "VALID" in line and "signed by Alice" in line
    assert main(["verify", "--json", str(out), str(FIXTURE), "--trust", trust]) == 1
    verdicts = json.loads(capsys.readouterr().out)
    assert [v["status"] for v in verdicts] == ["VALID", "INVALID"]
    assert verdicts[1]["reason"] == "bundle-structure"
    assert main(["trust", "revoke", key_id[:12], "--trust", trust]) == 0
    assert main(["verify", str(out), "--trust", trust]) == 1
    assert "key-revoked" in capsys.readouterr().out
    assert main(["trust", "list", "--json", "--trust", trust]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["keyId"] == key_id and listed[0]["revokedAt"] is not None
    assert main(["keys", "show", str(keys / "alice.key")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == key_id


def test_the_passphrase_never_shows(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    env_passphrase: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = tmp_path / "keys"
    assert main(["keys", "generate", "--name", "k", "-o", str(keys)]) == 0
    monkeypatch.setenv("COMPLIANCE_PASSPHRASE", CANARY + "-wrong")
    out = tmp_path / "b.zip"
    assert main(["sign", str(FIXTURE), "--key", str(keys / "k.key"), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "wrong passphrase" in captured.err
    assert CANARY not in captured.out + captured.err + caplog.text
    assert not out.exists()
    assert main(["keys", "generate", "--name", "x", "-o", str(keys), "--passphrase", CANARY]) == 2
    captured = capsys.readouterr()
    assert "never taken on the command line" in captured.err
    assert CANARY not in captured.out + captured.err + caplog.text
    assert not (keys / "x.key").exists()


def test_verify_with_json_never_imports_textual(tmp_path: Path, env_passphrase: None) -> None:
    keys = tmp_path / "keys"
    main(["keys", "generate", "--name", "k", "-o", str(keys)])
    trust = str(tmp_path / "trust")
    main(["trust", "add", str(keys / "k.pub.pem"), "--name", "K", "--trust", trust])
    out = tmp_path / "b.zip"
    main(["sign", str(FIXTURE), "--key", str(keys / "k.key"), "-o", str(out), "--no-pdf"])
    probe = (
        "import sys\nfrom compliance.cli import main\n"
        f"code = main(['verify', '--json', {str(out)!r}, '--trust', {trust!r}])\n"
        "print(code, sorted(m for m in ('textual', 'rich', 'compliance.tui') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
        check=False,
    )
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stdout + result.stderr


@pytest.mark.parametrize("command", [["keys", "show"], ["trust", "add"]])
def test_a_key_path_that_is_a_pipe_or_too_big_is_refused_at_once(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Reading a FIFO would block for ever, and a huge file would be read whole."""
    pipe = tmp_path / "key.pem"
    os.mkfifo(pipe)
    big = tmp_path / "big.pem"
    big.write_bytes(b"x" * (64 * 1024 + 1))
    extra = ["--name", "K", "--trust", str(tmp_path / "trust")] if command[0] == "trust" else []
    assert main([*command, str(pipe), *extra]) == 1
    assert "is not a regular file" in capsys.readouterr().err
    assert main([*command, str(big), *extra]) == 1
    assert "too large to be a key file" in capsys.readouterr().err


def _three_bundles(tmp_path: Path, signer: Signer, other: Signer) -> tuple[Path, Path, list[str]]:
    """A trust store knowing ``signer``, and an inbox with a good, a tampered and a stranger's
    bundle (with the stranger's public key beside it); returns the store, the inbox and the three
    bundles' paths in that order."""
    from compliance.signing.trust import TrustStore
    from tests.review.conftest import tamper

    trust = tmp_path / "trust"
    TrustStore(signer.trust.entries, trust).save()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = sign(signer, issued_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    (inbox / "good.zip").write_bytes(good)
    (inbox / "tampered.zip").write_bytes(tamper(good))
    (inbox / "stranger.zip").write_bytes(
        sign(other, issued_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    )
    (inbox / "stranger.pub.pem").write_bytes(other.public_path.read_bytes())
    names = [str(inbox / n) for n in ("good.zip", "tampered.zip", "stranger.zip")]
    return trust, inbox, names


def test_verify_speaks_french_and_says_how_to_trust_an_unknown_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], signer: Signer, other: Signer
) -> None:
    import shlex

    trust, inbox, names = _three_bundles(tmp_path, signer, other)
    assert main(["--lang", "fr", "verify", *names, "--trust", str(trust)]) == 1
    out = capsys.readouterr().out
    assert f"{NBSP}: " in out and " : " not in out  # French typography
    out = out.replace(NBSP, " ")
    lines = out.splitlines()
    assert lines[0].startswith(f"{names[0]} : VALIDE : rapport ")
    assert "signé par Alice" in lines[0] and "réponses recalculées" in lines[0]
    assert f"{names[1]} : INVALIDE (altéré) : data/result.json a été modifié" in out
    assert f"{names[2]} : INVALIDE (clé non approuvée) : aucune clé" in out
    for english in ("INVALID (", "VALID:", "signed by", "re-derived", "digest-mismatch"):
        assert english not in out
    assert f"(non vérifié) : {grouped(other.key.key_id)}" in out
    hint = next(line for line in lines if "compliance trust add" in line)
    command = shlex.split(hint[hint.index("compliance trust add") :])
    assert command[:4] == ["compliance", "trust", "add", str(inbox / "stranger.pub.pem")]
    assert command[-2:] == ["--trust", str(trust)]
    # The line runs as printed (less the program name), and then the bundle verifies.
    assert main(["--lang", "fr", *command[1:]]) == 0
    said = capsys.readouterr().out
    assert f"clé approuvée pour Atlas Contact{NBSP}: identifiant {other.key.key_id}" in said
    assert main(["--lang", "fr", "verify", names[2], "--trust", str(trust)]) == 0
    assert f"VALIDE{NBSP}: rapport" in capsys.readouterr().out
    # A folder stands for its bundles, in name order; one with none is one clear sentence.
    assert main(["--lang", "fr", "verify", str(inbox), "--trust", str(trust)]) == 1
    heads = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert [line.split(NBSP)[0] for line in heads] == sorted(names)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["verify", str(empty), "--trust", str(trust)]) == 1
    assert "is a folder with no bundle (*.zip) in it" in capsys.readouterr().err


def test_verify_speaks_arabic_and_leaves_latin_names_as_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], signer: Signer, other: Signer
) -> None:
    import shlex

    trust, inbox, names = _three_bundles(tmp_path, signer, other)
    assert main(["--lang", "ar", "verify", str(inbox), "--trust", str(trust)]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith(f"{names[0]}: صالح: التقرير ")
    assert "وقعه Alice" in lines[0] and "أعيد احتساب الإجابات" in lines[0]
    assert "    data/result.json: أعيد اشتقاقه" in lines
    assert f"{names[1]}: غير صالح (تم التلاعب به): عدل data/result.json بعد توقيعه" in out
    assert f"{names[2]}: غير صالح (مفتاح غير معتمد): لم ينتج هذا التوقيع" in out
    for english in ("INVALID (", "VALID:", "signed by", "re-derived", "digest-mismatch"):
        assert english not in out
    assert f"(غير متحقق منه): {grouped(other.key.key_id)}" in out
    hint = next(line for line in lines if "compliance trust add" in line)
    command = shlex.split(hint[hint.index("compliance trust add") :])
    assert command[:4] == ["compliance", "trust", "add", str(inbox / "stranger.pub.pem")]
    assert main(["--lang", "ar", *command[1:]]) == 0
    said = capsys.readouterr().out
    assert f"اعتمد مفتاح Atlas Contact: معرف المفتاح {other.key.key_id}" in said
    assert main(["--lang", "ar", "verify", names[2], "--trust", str(trust)]) == 0
    assert f"{names[2]}: صالح: التقرير" in capsys.readouterr().out


@pytest.mark.usefixtures("env_passphrase")
def test_sign_in_arabic_says_what_it_wrote_and_its_verdict_in_arabic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "keys"
    assert main(["keys", "generate", "--name", "alice", "-o", str(keys)]) == 0
    out = tmp_path / "b.zip"
    argv = ["sign", str(FIXTURE), "--key", str(keys / "alice.key"), "-o", str(out), "--no-pdf"]
    capsys.readouterr()
    assert main(["--lang", "ar", *argv]) == 0
    wrote, line = capsys.readouterr().out.splitlines()
    assert re.fullmatch(rf"كتب {re.escape(str(out))} \(\d{{1,3}}(\.\d{{3}})* بايت\)", wrote)
    assert line.startswith("صالح: التقرير ") and "وقعه alice" in line
    assert "signed by" not in line
