"""The verification catalogue: every reason code in both languages; the CLI lines in French."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from compliance.errors import VerifyError
from compliance.signing.verify import REASONS, Verdict, guarded, verify_bundle
from compliance.signing.words import (
    LABELS,
    LANGUAGES,
    LINES,
    PARTICULARS,
    SENTENCES,
    VERDICTS,
    explain,
    file_line,
    verdict_line,
    verdict_words,
)
from compliance.typography import NBSP, french
from tests.signing.conftest import NOW, Signer, sign


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def test_every_reason_code_has_a_label_and_a_sentence_in_every_language() -> None:
    assert LANGUAGES == ("en", "fr", "ar")
    for table in (LABELS, SENTENCES):
        for lang in LANGUAGES:
            assert set(table[lang]) == set(REASONS), lang  # unreadable and internal-error too
            assert all(text and not text[0].isupper() for text in table[lang].values())
    for lang in ("fr", "ar"):
        assert [r for r in REASONS if SENTENCES[lang][r] == SENTENCES["en"][r]] == []
        assert [r for r in REASONS if LABELS[lang][r] == LABELS["en"][r]] == []


LATIN_NAMES = {"SHA-256", "HTML", "PDF", "verify", "--pdf", "compliance", "trust", "add"}
"""What Arabic lines keep in Latin letters: names and the words of a command to type."""


def _english_in(arabic: str) -> set[str]:
    text = re.sub(r"{\w+}", "", arabic)
    return set(re.findall(r"-*[A-Za-z][A-Za-z0-9-]*", text)) - LATIN_NAMES


def test_the_arabic_catalogue_has_no_english_word_and_no_diacritics() -> None:
    for table in (VERDICTS, LABELS, SENTENCES, PARTICULARS, LINES):
        for key, text in table["ar"].items():
            assert _english_in(text) == set(), (key, text)
            assert not re.search("[\u064b-\u065f\u0640\u2066-\u2069\u200e\u200f]", text)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_particulars_have_the_same_placeholders_in_every_language(lang: str) -> None:
    assert set(PARTICULARS["en"]) == set(PARTICULARS[lang])
    assert set(PARTICULARS["en"]) <= set(REASONS)
    for reason, english in PARTICULARS["en"].items():
        assert _fields(english) == _fields(PARTICULARS[lang][reason]), reason
        assert _fields(english), reason  # a particular sentence has particulars
    assert set(LINES["en"]) == set(LINES[lang])
    for key, english in LINES["en"].items():
        assert _fields(english) == _fields(LINES[lang][key]), key
    assert set(VERDICTS["en"]) == set(VERDICTS[lang]) == {"VALID", "EXPIRED", "INVALID"}


def test_a_verifier_failure_carries_its_particulars_into_both_languages() -> None:
    def tampered() -> Verdict:
        raise VerifyError(
            "digest-mismatch", "data/result.json was changed", facts={"file": "data/result.json"}
        )

    verdict = guarded(tampered)
    assert verdict.facts == {"file": "data/result.json"}
    assert verdict_words(verdict, "en") == "Invalid: tampered"
    assert verdict_words(verdict, "fr") == f"Invalide{NBSP}: altéré"
    assert explain(verdict, "fr") == (
        "data/result.json a été modifié après la signature (son empreinte SHA-256 ne correspond "
        "plus)"
    )
    assert verdict_line(verdict, "fr") == (
        f"INVALIDE (altéré){NBSP}: data/result.json a été modifié après la signature (son "
        "empreinte SHA-256 ne correspond plus)"
    )
    # English keeps the code and the verifier's message, as scripts have read them.
    assert verdict_line(verdict, "en") == (
        "INVALID (digest-mismatch): data/result.json was changed"
    )


@pytest.mark.parametrize("reason", REASONS)
def test_without_particulars_every_code_falls_back_to_its_sentence(reason: str) -> None:
    verdict = Verdict.invalid(reason, "")  # type: ignore[arg-type]
    assert explain(verdict, "fr") == SENTENCES["fr"][reason]  # type: ignore[index]
    assert SENTENCES["fr"][reason] == french(SENTENCES["fr"][reason])  # type: ignore[index]
    assert explain(verdict, "en") == SENTENCES["en"][reason]  # type: ignore[index]
    label = LABELS["fr"][reason]  # type: ignore[index]
    assert verdict_line(verdict, "fr").startswith(f"INVALIDE ({label}){NBSP}: ")


def test_an_unknown_language_speaks_english() -> None:
    verdict = Verdict.invalid("unreadable", "cannot read it")
    assert verdict_words(verdict, "de") == "Invalid: unreadable"
    assert file_line("data/result.json", "re-derived", "de") == "data/result.json: re-derived"


def test_a_verifier_failure_in_arabic_keeps_the_file_name_in_latin() -> None:
    def tampered() -> Verdict:
        raise VerifyError(
            "digest-mismatch", "data/result.json was changed", facts={"file": "data/result.json"}
        )

    verdict = guarded(tampered)
    assert verdict_words(verdict, "ar") == "غير صالح: تم التلاعب به"
    assert verdict_line(verdict, "ar") == (
        "غير صالح (تم التلاعب به): عدل data/result.json بعد توقيعه (لم تعد بصمته SHA-256 مطابقة)"
    )
    assert file_line("data/result.json", "re-derived", "ar") == "data/result.json: أعيد اشتقاقه"


def test_the_arabic_line_of_a_valid_bundle_has_no_english(signer: Signer) -> None:
    verdict = verify_bundle(sign(signer), signer.trust, now=NOW)
    assert verdict.ok
    line = verdict_line(verdict, "ar")
    assert line.startswith("صالح: التقرير ")
    assert re.search(r"النتيجة \d+,\d\d ", line)  # a decimal comma
    assert "وقعه Alice" in line and "صالح إلى غاية" in line
    assert line.endswith("أعيد احتساب الإجابات، وأعيد إنتاج تقرير HTML مطابقا")
    for english in ("signed by", "valid until", "re-scored", "report ", "...", "score"):
        assert english not in line
    lines = verdict.file_lines("ar")
    assert "data/result.json: أعيد اشتقاقه" in lines
    assert "data/assessment.json: البصمة" in lines


def test_the_french_line_of_a_valid_bundle_has_no_english(signer: Signer) -> None:
    verdict = verify_bundle(sign(signer), signer.trust, now=NOW)
    assert verdict.ok
    line = verdict_line(verdict, "fr")
    assert line.startswith(f"VALIDE{NBSP}: rapport ")
    assert re.search(r"score \d+,\d\d ", line)  # a decimal comma
    assert "signé par Alice" in line and "valide jusqu'au" in line
    assert "réponses recalculées, rapport HTML régénéré à l'identique" in line
    assert "(Pas prêt)" in line or "(Prêt)" in line or "(Sous conditions)" in line
    for english in ("signed by", "valid until", "re-scored", "report ", "..."):
        assert english not in line
    lines = verdict.file_lines("fr")
    assert f"data/result.json{NBSP}: reproduit" in lines
    assert f"data/assessment.json{NBSP}: empreinte" in lines
    assert verdict.line() == verdict_line(verdict, "en")
    assert "signed by Alice" in verdict.line()


def test_expiry_and_revocation_carry_their_dates(signer: Signer, tmp_path: Path) -> None:
    expired = verify_bundle(sign(signer, valid_days=1), signer.trust, now=NOW)
    assert expired.status == "EXPIRED"
    assert explain(expired, "fr").startswith(
        "la signature est bonne mais l'évaluation a expiré le "
    )
    revoked = verify_bundle(sign(signer), signer.store(revoked_at=NOW), now=NOW)
    assert revoked.reason == "key-revoked"
    assert explain(revoked, "fr").startswith("la clé de Alice a été révoquée le 2026-12-01")
