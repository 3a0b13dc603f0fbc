"""The verification lines of the detail view in English and French, from the domain catalogue."""

from __future__ import annotations

import dataclasses
import re
import string
from pathlib import Path

import pytest

from compliance.errors import ReviewError
from compliance.review.detail import checks, html_copy, open_verified
from compliance.review.inbox import Submission, read_submission
from compliance.review.strings import strings
from compliance.signing.keys import grouped
from compliance.signing.trust import TrustStore
from compliance.signing.words import SENTENCES
from compliance.typography import NBSP
from tests.review.conftest import NOW, Inbox
from tests.signing.conftest import Signer


def _submission(inbox: Inbox, name: str, trust: TrustStore, **options: bool) -> Submission:
    return read_submission(inbox.folder / name, trust, now=NOW, **options)[0]


def _french(submission: Submission) -> list[str]:
    """The French lines, checked for French typography (a no-break space before ``: ; ! ?``,
    never an ordinary one) and given back with ordinary spaces, to compare as text."""
    lines = checks(submission, lang="fr")
    for line in lines:
        assert not re.search(r" [:;!?](\s|$)", line), line
    return [line.replace(NBSP, " ") for line in lines]


def _literals(template: str) -> list[str]:
    """The fixed words of a catalogue line: the text between its placeholders."""
    return [text for text, _, _, _ in string.Formatter().parse(template) if text]


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


# --- the catalogue -------------------------------------------------------------------------------


def test_the_catalogue_has_the_same_lines_and_placeholders_in_every_language() -> None:
    english = strings("en")
    for lang in ("fr", "ar"):
        other = strings(lang)
        assert set(english) == set(other), lang
        for key in english:
            assert _fields(english[key]) == _fields(other[key]), (lang, key)
            assert other[key] and other[key] != english[key], (lang, key)
    assert strings("de") is english  # an unknown language falls back to English


def test_the_arabic_catalogue_keeps_latin_only_for_names() -> None:
    for key, line in strings("ar").items():
        words = re.findall(r"[A-Za-z][A-Za-z0-9.-]*", re.sub(r"{\w+}", "", line))
        assert set(words) <= {"SHA-256", "HTML", "PDF", "SIGNER.pub.pem", "t"}, (key, words)
        assert not re.search("[\u064b-\u065f\u0640\u2066-\u2069\u200e\u200f]", line), key


# --- English: the lines as before ----------------------------------------------------------------


def test_english_lines_of_a_valid_bundle_are_unchanged(inbox: Inbox, signer: Signer) -> None:
    submission = _submission(inbox, "a-first.zip", signer.trust)
    s = submission.summary
    assert s is not None
    expected = [
        f"signed by Alice, a key of the trust store ({grouped(s.key_id)[:39]}...)",
        f"the key was valid and not revoked when it signed, on {s.issued_at}",
        "every file matches the digest in the signed statement; no file added or missing",
        f"questionnaire {s.questionnaire_id} {s.questionnaire_version} is the published version",
        "the answers were re-scored: the signed result and scores follow from them exactly",
        "the HTML report was re-rendered from the signed data, byte for byte",
        f"valid until {s.valid_until}",
    ]
    assert checks(submission) == expected
    assert checks(submission, lang="en") == expected


def test_english_lines_of_an_expired_and_an_invalid_bundle(inbox: Inbox, signer: Signer) -> None:
    expired = _submission(inbox, "d-expired.zip", signer.trust)
    assert expired.summary is not None
    assert checks(expired)[-1] == (
        f"EXPIRED: the assessment was valid until {expired.summary.valid_until}"
    )
    tampered = _submission(inbox, "e-tampered.zip", signer.trust)
    claims = tampered.claims
    assert claims is not None
    assert checks(tampered) == [
        "verification failed (tampered): data/result.json was changed after it was signed "
        "(its SHA-256 no longer matches)",
        f"what it claims (unverified): organisation Atlas Contact (RC-1), report "
        f"{claims.report_id}, issued {claims.issued_at}",
    ]


# --- French --------------------------------------------------------------------------------------


def test_french_lines_of_a_valid_bundle(inbox: Inbox, signer: Signer) -> None:
    submission = _submission(inbox, "a-first.zip", signer.trust)
    s = submission.summary
    assert s is not None
    assert _french(submission) == [
        f"signé par Alice, avec une clé du magasin de confiance ({grouped(s.key_id)[:39]}…)",
        "la clé était valide et non révoquée au moment de la signature, le " + s.issued_at,
        "chaque fichier correspond à son empreinte SHA-256 dans la déclaration signée ; "
        "aucun fichier ajouté ni manquant",
        f"le questionnaire {s.questionnaire_id} {s.questionnaire_version} est la version publiée",
        "le score a été recalculé à partir des réponses : le résultat et les scores signés en "
        "découlent exactement",
        "le rapport HTML a été régénéré à partir des données signées : identique octet pour octet",
        f"valide jusqu'au {s.valid_until}",
    ]


def test_french_dates_stay_iso(inbox: Inbox, signer: Signer) -> None:
    lines = _french(_submission(inbox, "a-first.zip", signer.trust))
    iso = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
    assert iso.search(lines[1]) and iso.search(lines[-1])


def test_french_lines_of_a_bundle_checked_by_digest_only(inbox: Inbox, signer: Signer) -> None:
    submission = _submission(inbox, "a-first.zip", signer.trust, render_check=False)
    assert checks(submission)[5] == "the HTML report was checked by its signed digest only"
    assert _french(submission)[5] == (
        "le rapport HTML a été vérifié par son empreinte signée uniquement"
    )


def test_french_lines_of_an_expired_bundle(inbox: Inbox, signer: Signer) -> None:
    submission = _submission(inbox, "d-expired.zip", signer.trust)
    assert submission.status == "EXPIRED" and submission.summary is not None
    lines = _french(submission)
    assert lines[-1] == (
        f"EXPIRÉ : l'évaluation était valide jusqu'au {submission.summary.valid_until}"
    )
    assert len(lines) == len(checks(submission))


def test_french_lines_of_a_tampered_bundle_explain_the_reason(inbox: Inbox, signer: Signer) -> None:
    submission = _submission(inbox, "e-tampered.zip", signer.trust)
    message = submission.verdict.message
    assert message == "data/result.json was changed after it was signed"
    claims = submission.claims
    assert claims is not None
    assert _french(submission) == [
        "échec de la vérification (altéré) : data/result.json a été modifié après la "
        "signature (son empreinte SHA-256 ne correspond plus)",
        f"ce qu'il affirme (non vérifié) : organisme Atlas Contact (RC-1), rapport "
        f"{claims.report_id}, émis le {claims.issued_at}",
    ]


def test_french_lines_of_a_bundle_signed_by_a_revoked_key(inbox: Inbox, signer: Signer) -> None:
    revoked = signer.store(revoked_at=NOW)
    submission = _submission(inbox, "a-first.zip", revoked)
    assert (submission.status, submission.verdict.reason) == ("INVALID", "key-revoked")
    first, claimed = _french(submission)
    revoked_on = NOW.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert first == (
        f"échec de la vérification (clé révoquée) : la clé de Alice a été révoquée le "
        f"{revoked_on} ; chaque rapport qu'elle a signé doit être réémis"
    )
    assert claimed.startswith("ce qu'il affirme (non vérifié) : organisme ")
    assert checks(submission)[0] == (
        f"verification failed (key revoked): {submission.verdict.message}"
    )


@pytest.mark.parametrize(
    ("name", "reason"),
    [("f-untrusted.zip", "untrusted-signer"), ("g-malformed.zip", "bundle-structure")],
)
def test_french_lines_of_other_invalid_bundles(
    inbox: Inbox, signer: Signer, name: str, reason: str
) -> None:
    submission = _submission(inbox, name, signer.trust)
    assert submission.verdict.reason == reason
    label = {"untrusted-signer": "clé non approuvée", "bundle-structure": "pas un paquet"}
    assert _french(submission)[0] == (
        f"échec de la vérification ({label[reason]}) : {SENTENCES['fr'][reason]}".replace(NBSP, " ")
    )


def test_an_unreadable_file_is_explained_in_french(tmp_path: Path, signer: Signer) -> None:
    folder = tmp_path / "a-folder.zip"
    folder.mkdir()
    submission = read_submission(folder, signer.trust, now=NOW)[0]
    assert submission.verdict.reason == "unreadable"
    assert _french(submission)[0] == (
        "échec de la vérification (illisible) : le fichier ne peut pas être lu"
    )


def test_the_french_lines_have_no_english_left(inbox: Inbox, signer: Signer) -> None:
    english = strings("en")
    phrases = {
        fixed.strip(" .:;,()") for key, template in english.items() for fixed in _literals(template)
    }
    phrases = {p for p in phrases if " " in p}  # whole phrases, not a shared word
    assert "signed by" in phrases and "EXPIRED: the assessment was valid until" in phrases
    names = sorted(inbox.expected)
    stores = [signer.trust, signer.store(revoked_at=NOW)]
    seen = 0
    for trust in stores:
        for name in names:
            for render_check in (True, False):
                submission = _submission(inbox, name, trust, render_check=render_check)
                french = _french(submission)
                for line in french:
                    seen += 1
                    assert "EXPIRED" not in line and "..." not in line
                    leftovers = [p for p in phrases if p in line]
                    assert not leftovers, (name, line, leftovers)
                key_id = re.compile(r"\s*([0-9a-f]{4} ?)+\Z")  # the same in every language
                same = set(french) & set(checks(submission))
                assert all(key_id.match(line) for line in same), same
    assert seen > 40


def test_the_html_copy_refuses_in_the_reviewers_language(inbox: Inbox, signer: Signer) -> None:
    submission, verified = open_verified(inbox.folder / "a-first.zip", signer.trust, now=NOW)
    assert verified is not None and submission.summary is not None
    digest_only = dataclasses.replace(
        submission,
        summary=dataclasses.replace(submission.summary, report_check="digest"),
    )
    partial = dataclasses.replace(verified, submission=digest_only)
    with pytest.raises(ReviewError) as english:
        html_copy(partial)
    assert english.value.message == (
        "only the report of a bundle that verified in full can be opened"
    )
    with pytest.raises(ReviewError) as french:
        html_copy(partial, lang="fr")
    assert french.value.message == (
        "seul le rapport d'un paquet entièrement vérifié peut être ouvert"
    )


# --- Arabic --------------------------------------------------------------------------------------


def test_arabic_lines_of_a_valid_bundle(inbox: Inbox, signer: Signer) -> None:
    submission = _submission(inbox, "a-first.zip", signer.trust)
    s = submission.summary
    assert s is not None
    assert checks(submission, lang="ar") == [
        f"وقعها Alice، بمفتاح من مخزن الثقة ({grouped(s.key_id)[:39]}…)",
        f"كان المفتاح صالحا وغير ملغى حين وقع، في {s.issued_at}",
        "كل ملف يطابق بصمته SHA-256 في البيان الموقع؛ لا ملف مضاف ولا ناقص",
        f"الاستبيان {s.questionnaire_id} {s.questionnaire_version} هو النسخة المنشورة",
        "أعيد احتساب الإجابات: النتيجة والنقط الموقعة تنبثق منها تماما",
        "أعيد إنتاج تقرير HTML من المعطيات الموقعة، مطابقا بايتا ببايت",
        f"صالح إلى غاية {s.valid_until}",
    ]


def test_arabic_lines_of_a_tampered_bundle_explain_the_reason(inbox: Inbox, signer: Signer) -> None:
    submission = _submission(inbox, "e-tampered.zip", signer.trust)
    claims = submission.claims
    assert claims is not None
    assert checks(submission, lang="ar") == [
        "فشل التحقق (تم التلاعب به): عدل data/result.json بعد توقيعه (لم تعد بصمته SHA-256 مطابقة)",
        f"ما تدعيه (غير متحقق منه): المؤسسة Atlas Contact (RC-1), التقرير "
        f"{claims.report_id}, صدر في {claims.issued_at}",
    ]
