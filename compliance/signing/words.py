"""Provides the words of verification in English, French and Arabic: verdicts, reasons, CLI lines.

Every reason code of :data:`~compliance.errors.VerifyReason` has, in each language, a short label
(for a table cell: ``tampered``), a sentence (what it means for the reader) and, where the
verifier knows the particulars (which file changed, which key, which date), a sentence with them
filled in from the verdict's ``facts``. The command line (``compliance --lang fr verify``), the
review's detail and the inbox all take their words from here, so a French or Arabic reader never
meets the verifier's English (Arabic keeps Latin only for names: file names, ids, SHA-256, HTML,
PDF, the commands to type). Reason codes stay in ``--json`` output for programs. French wording
is typeset by :func:`compliance.typography.french` (no-break spaces before ``: ; ! ? %``) and
scores are written by :func:`compliance.typography.number`. Values from a bundle (names,
identifiers, ISO dates) are filled in as they are; callers that print them to a terminal
pass them through :func:`compliance.text.shown` first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, TypeVar

from compliance.errors import VerifyReason
from compliance.typography import colon, french, number

__all__ = [
    "LABELS",
    "LANGUAGES",
    "LINES",
    "PARTICULARS",
    "SENTENCES",
    "VERDICTS",
    "explain",
    "file_line",
    "language",
    "rating_label",
    "reason_label",
    "verdict_line",
    "verdict_words",
]

LANGUAGES = ("en", "fr", "ar")
_K = TypeVar("_K", bound=str)


class Verdict(Protocol):
    """What this catalogue reads of a :class:`compliance.signing.verify.Verdict` (a protocol, so
    that the verifier, which calls in here for its lines, is not imported back)."""

    @property
    def status(self) -> str: ...
    @property
    def reason(self) -> VerifyReason | None: ...
    @property
    def message(self) -> str: ...
    @property
    def details(self) -> dict[str, Any]: ...
    @property
    def facts(self) -> dict[str, str]: ...


VERDICTS: dict[str, dict[str, str]] = {
    "en": {"VALID": "Valid", "EXPIRED": "Expired", "INVALID": "Invalid"},
    "fr": {"VALID": "Valide", "EXPIRED": "Expiré", "INVALID": "Invalide"},
    "ar": {"VALID": "صالح", "EXPIRED": "منتهي الصلاحية", "INVALID": "غير صالح"},
}
"""The three verdicts as words."""

LABELS: dict[str, dict[VerifyReason, str]] = {
    "en": {
        "bundle-structure": "not a bundle",
        "envelope": "bad signature envelope",
        "payload-type": "wrong signed content",
        "untrusted-signer": "untrusted key",
        "key-revoked": "key revoked",
        "key-outside-validity": "key not valid then",
        "issued-in-future": "dated in the future",
        "validity-too-long": "validity too long",
        "organisation-not-bound": "key not for this organisation",
        "statement-schema": "bad signed statement",
        "signing-key-mismatch": "names another key",
        "subject-mismatch": "files added or missing",
        "digest-mismatch": "tampered",
        "questionnaire-not-published": "unpublished questionnaire",
        "reference-not-published": "unpublished reference data",
        "cannot-rederive-score": "cannot re-score",
        "assessment-invalid": "invalid assessment",
        "statement-mismatch": "statement differs",
        "score-mismatch": "score does not follow",
        "cannot-rerender-report": "cannot re-render report",
        "report-mismatch": "report altered",
        "expired": "expired",
        "unreadable": "unreadable",
        "internal-error": "verifier failed",
    },
    "fr": {
        "bundle-structure": "pas un paquet",
        "envelope": "enveloppe mal formée",
        "payload-type": "contenu signé inattendu",
        "untrusted-signer": "clé non approuvée",
        "key-revoked": "clé révoquée",
        "key-outside-validity": "clé hors validité",
        "issued-in-future": "daté dans le futur",
        "validity-too-long": "validité trop longue",
        "organisation-not-bound": "clé non habilitée pour l'organisation",
        "statement-schema": "déclaration signée invalide",
        "signing-key-mismatch": "désigne une autre clé",
        "subject-mismatch": "fichiers ajoutés ou manquants",
        "digest-mismatch": "altéré",
        "questionnaire-not-published": "questionnaire non publié",
        "reference-not-published": "référentiel non publié",
        "cannot-rederive-score": "recalcul impossible",
        "assessment-invalid": "évaluation invalide",
        "statement-mismatch": "déclaration incohérente",
        "score-mismatch": "score non conforme",
        "cannot-rerender-report": "rapport non régénérable",
        "report-mismatch": "rapport modifié",
        "expired": "expiré",
        "unreadable": "illisible",
        "internal-error": "échec du vérificateur",
    },
    "ar": {
        "bundle-structure": "ليس حزمة",
        "envelope": "غلاف توقيع معيب",
        "payload-type": "محتوى موقع غير منتظر",
        "untrusted-signer": "مفتاح غير معتمد",
        "key-revoked": "مفتاح ملغى",
        "key-outside-validity": "مفتاح خارج مدة صلاحيته",
        "issued-in-future": "مؤرخ في المستقبل",
        "validity-too-long": "صلاحية مفرطة الطول",
        "organisation-not-bound": "مفتاح غير مخول لهذه المؤسسة",
        "statement-schema": "بيان موقع غير صالح",
        "signing-key-mismatch": "يسمي مفتاحا آخر",
        "subject-mismatch": "ملفات مضافة أو ناقصة",
        "digest-mismatch": "تم التلاعب به",
        "questionnaire-not-published": "استبيان غير منشور",
        "reference-not-published": "معطيات مرجعية غير منشورة",
        "cannot-rederive-score": "تعذر إعادة الاحتساب",
        "assessment-invalid": "تقييم غير صالح",
        "statement-mismatch": "بيان غير مطابق",
        "score-mismatch": "نتيجة غير مطابقة",
        "cannot-rerender-report": "تعذر إعادة إنتاج التقرير",
        "report-mismatch": "تقرير معدل",
        "expired": "منتهي الصلاحية",
        "unreadable": "غير مقروء",
        "internal-error": "تعطل أداة التحقق",
    },
}
"""Each reason code as a few words, for a table cell."""

SENTENCES: dict[str, dict[VerifyReason, str]] = {
    "en": {
        "bundle-structure": "the file is not a well-formed report bundle",
        "envelope": "the signature envelope is malformed",
        "payload-type": "the signed content is not of the expected type",
        "untrusted-signer": "no key of the trust store made this signature, or it was altered",
        "key-revoked": "the signer's key was revoked; every report it signed must be re-issued",
        "key-outside-validity": "the key was not valid on the day it signed",
        "issued-in-future": "the report claims to be issued in the future",
        "validity-too-long": "the report claims to stay valid over 3,660 days after it was issued",
        "organisation-not-bound": "the key may not sign for this organisation",
        "statement-schema": "the signed statement is not valid",
        "signing-key-mismatch": "the statement names another key than the one that signed it",
        "subject-mismatch": "the list of signed files and the bundle's files differ",
        "digest-mismatch": "a file was changed after it was signed (its SHA-256 no longer matches)",
        "questionnaire-not-published": "the questionnaire is not a published version",
        "reference-not-published": "the reference data set is not a published one",
        "cannot-rederive-score": "this verifier cannot re-score it (another scoring engine "
        "version)",
        "assessment-invalid": "the assessment is not valid or cannot be scored",
        "statement-mismatch": "the signed statement does not match the assessment",
        "score-mismatch": "the signed result does not follow from the answers",
        "cannot-rerender-report": "this verifier cannot re-render the report",
        "report-mismatch": "the report is not the one rendered from the signed data",
        "expired": "the signature is good but the assessment has expired",
        "unreadable": "the file cannot be read",
        "internal-error": "this bundle made the verifier fail; it is not trusted",
    },
    "fr": {
        "bundle-structure": "le fichier n'est pas un paquet de rapport bien formé",
        "envelope": "l'enveloppe de signature est mal formée",
        "payload-type": "le contenu signé n'est pas du type attendu",
        "untrusted-signer": "aucune clé du magasin de confiance n'a produit cette signature, ou "
        "elle a été altérée",
        "key-revoked": "la clé du signataire a été révoquée ; chaque rapport qu'elle a signé doit "
        "être réémis",
        "key-outside-validity": "la clé n'était pas valide à la date de la signature",
        "issued-in-future": "le rapport prétend avoir été émis à une date future",
        "validity-too-long": "le rapport prétend rester valide plus de 3 660 jours après son "
        "émission",
        "organisation-not-bound": "la clé n'est pas habilitée à signer pour cette organisation",
        "statement-schema": "la déclaration signée n'est pas valide",
        "signing-key-mismatch": "la déclaration désigne une autre clé que celle qui l'a signée",
        "subject-mismatch": "la liste des fichiers signés et le contenu du paquet diffèrent",
        "digest-mismatch": "un fichier a été modifié après la signature (son empreinte SHA-256 ne "
        "correspond plus)",
        "questionnaire-not-published": "le questionnaire n'est pas une version publiée",
        "reference-not-published": "le jeu de données de référence n'est pas un jeu publié",
        "cannot-rederive-score": "ce vérificateur ne peut pas recalculer le score (autre version "
        "du moteur de notation)",
        "assessment-invalid": "l'évaluation n'est pas valide ou ne peut pas être notée",
        "statement-mismatch": "la déclaration signée ne correspond pas à l'évaluation",
        "score-mismatch": "le résultat signé ne découle pas des réponses",
        "cannot-rerender-report": "ce vérificateur ne peut pas régénérer le rapport",
        "report-mismatch": "le rapport n'est pas celui produit à partir des données signées",
        "expired": "la signature est bonne mais l'évaluation a expiré",
        "unreadable": "le fichier ne peut pas être lu",
        "internal-error": "ce paquet a fait échouer le vérificateur ; il n'est pas digne de "
        "confiance",
    },
    "ar": {
        "bundle-structure": "الملف ليس حزمة تقرير سليمة البنية",
        "envelope": "غلاف التوقيع معيب البنية",
        "payload-type": "المحتوى الموقع ليس من النوع المنتظر",
        "untrusted-signer": "لم ينتج هذا التوقيع أي مفتاح من مخزن الثقة، أو تم التلاعب به",
        "key-revoked": "ألغي مفتاح الموقع؛ ويجب إعادة إصدار كل تقرير وقعه",
        "key-outside-validity": "لم يكن المفتاح صالحا يوم التوقيع",
        "issued-in-future": "يدعي التقرير أنه صادر في تاريخ مستقبلي",
        "validity-too-long": "يدعي التقرير أنه يبقى صالحا أكثر من 3.660 يوما بعد إصداره",
        "organisation-not-bound": "لا يجوز للمفتاح التوقيع باسم هذه المؤسسة",
        "statement-schema": "البيان الموقع غير صالح",
        "signing-key-mismatch": "يسمي البيان مفتاحا غير المفتاح الذي وقعه",
        "subject-mismatch": "تختلف قائمة الملفات الموقعة عن ملفات الحزمة",
        "digest-mismatch": "عدل ملف بعد توقيعه (لم تعد بصمته SHA-256 مطابقة)",
        "questionnaire-not-published": "الاستبيان ليس نسخة منشورة",
        "reference-not-published": "مجموعة المعطيات المرجعية ليست مجموعة منشورة",
        "cannot-rederive-score": (
            "لا تستطيع أداة التحقق هذه إعادة احتساب النتيجة (إصدار آخر من محرك التنقيط)"
        ),
        "assessment-invalid": "التقييم غير صالح أو لا يمكن تنقيطه",
        "statement-mismatch": "البيان الموقع لا يطابق التقييم",
        "score-mismatch": "النتيجة الموقعة لا تنبثق من الإجابات",
        "cannot-rerender-report": "لا تستطيع أداة التحقق هذه إعادة إنتاج التقرير",
        "report-mismatch": "التقرير ليس الذي أنتج من المعطيات الموقعة",
        "expired": "التوقيع سليم لكن صلاحية التقييم انتهت",
        "unreadable": "لا يمكن قراءة الملف",
        "internal-error": "تسببت هذه الحزمة في تعطل أداة التحقق؛ فهي غير جديرة بالثقة",
    },
}
"""Each reason code as a sentence a reader understands (lower case, no final full stop)."""

PARTICULARS: dict[str, dict[VerifyReason, str]] = {
    "en": {
        "digest-mismatch": "{file} was changed after it was signed (its SHA-256 no longer matches)",
        "subject-mismatch": "the signed file list and the bundle differ ({files})",
        "key-revoked": "the key of {signer} was revoked on {date}; every report it signed must "
        "be re-issued",
        "key-outside-validity": "the key of {signer} was not valid on {date}, when it signed",
        "organisation-not-bound": "the key of {signer} may not sign for organisation "
        "{organisation}",
        "issued-in-future": "the report claims to be issued in the future ({date})",
        "validity-too-long": "the report claims to stay valid until {date}, over 3,660 days "
        "after it was issued",
        "score-mismatch": "the signed result does not follow from the answers (re-scored: "
        "{score}, {rating})",
        "questionnaire-not-published": "questionnaire {questionnaire} is not a published version",
        "expired": "the signature is good but the assessment expired on {date}",
    },
    "fr": {
        "digest-mismatch": "{file} a été modifié après la signature (son empreinte SHA-256 ne "
        "correspond plus)",
        "subject-mismatch": "la liste des fichiers signés et le contenu du paquet diffèrent "
        "({files})",
        "key-revoked": "la clé de {signer} a été révoquée le {date} ; chaque rapport qu'elle a "
        "signé doit être réémis",
        "key-outside-validity": "la clé de {signer} n'était pas valide le {date}, quand elle a "
        "signé",
        "organisation-not-bound": "la clé de {signer} n'est pas habilitée à signer pour "
        "l'organisation {organisation}",
        "issued-in-future": "le rapport prétend avoir été émis à une date future ({date})",
        "validity-too-long": "le rapport prétend rester valide jusqu'au {date}, plus de "
        "3 660 jours après son émission",
        "score-mismatch": "le résultat signé ne découle pas des réponses (score recalculé : "
        "{score}, {rating})",
        "questionnaire-not-published": "le questionnaire {questionnaire} n'est pas une version "
        "publiée",
        "expired": "la signature est bonne mais l'évaluation a expiré le {date}",
    },
    "ar": {
        "digest-mismatch": "عدل {file} بعد توقيعه (لم تعد بصمته SHA-256 مطابقة)",
        "subject-mismatch": "تختلف قائمة الملفات الموقعة عن الحزمة ({files})",
        "key-revoked": "ألغي مفتاح {signer} في {date}؛ ويجب إعادة إصدار كل تقرير وقعه",
        "key-outside-validity": "لم يكن مفتاح {signer} صالحا في {date}، حين وقع",
        "organisation-not-bound": "لا يجوز لمفتاح {signer} التوقيع باسم المؤسسة {organisation}",
        "issued-in-future": "يدعي التقرير أنه صادر في تاريخ مستقبلي ({date})",
        "validity-too-long": (
            "يدعي التقرير أنه يبقى صالحا إلى غاية {date}، أي أكثر من 3.660 يوما بعد إصداره"
        ),
        "score-mismatch": (
            "النتيجة الموقعة لا تنبثق من الإجابات (النتيجة المعاد احتسابها: {score}، {rating})"
        ),
        "questionnaire-not-published": "الاستبيان {questionnaire} ليس نسخة منشورة",
        "expired": "التوقيع سليم لكن صلاحية التقييم انتهت في {date}",
    },
}
"""Sentences with the particulars the verifier knows (its verdict's ``facts``)."""

LINES: dict[str, dict[str, str]] = {
    "en": {
        "invalid": "{verdict} ({reason}): {message}",
        "verified": "{verdict}: report {report_id} for {organisation}{registration}, score "
        "{score} ({rating}), {questionnaire} {version}; signed by {signer} (key {key}...) on "
        "{issued_at}, valid until {valid_until}; answers re-scored, {report}{pdf}",
        "registration": " ({registration})",
        "no_score": "no score",
        "report.re-rendered": "HTML report re-rendered identically",
        "report.digest": "HTML report checked by digest only",
        "report.earlier-release": "HTML report made by an earlier published release, checked "
        "by its digest",
        "pdf.re-derived": ", PDF report re-rendered identically",
        "pdf.digest": ", PDF checked by its digest only (verify --pdf re-renders it)",
        "check.re-derived": "re-derived",
        "check.digest": "digest",
        "file": "{path}: {check}",
        "empty_store": "note: the trust store is empty; add keys with 'compliance trust add'",
        "untrusted_key": "key id it names (unverified): {key}",
        "trust_hint": "to trust it, check that key id with its holder, then run: {command}",
    },
    "fr": {
        "invalid": "{verdict} ({reason}) : {message}",
        "verified": "{verdict} : rapport {report_id} pour {organisation}{registration}, score "
        "{score} ({rating}), {questionnaire} {version} ; signé par {signer} (clé {key}…) le "
        "{issued_at}, valide jusqu'au {valid_until} ; réponses recalculées, {report}{pdf}",
        "registration": " ({registration})",
        "no_score": "pas de score",
        "report.re-rendered": "rapport HTML régénéré à l'identique",
        "report.digest": "rapport HTML vérifié par son empreinte seulement",
        "report.earlier-release": "rapport HTML produit par une version publiée antérieure, "
        "vérifié par son empreinte",
        "pdf.re-derived": ", rapport PDF régénéré à l'identique",
        "pdf.digest": ", PDF vérifié par son empreinte seulement (verify --pdf le régénère)",
        "check.re-derived": "reproduit",
        "check.digest": "empreinte",
        "file": "{path} : {check}",
        "empty_store": "remarque : le magasin de confiance est vide ; ajoutez des clés avec "
        "« compliance trust add »",
        "untrusted_key": "identifiant de clé qu'il désigne (non vérifié) : {key}",
        "trust_hint": "pour l'approuver, vérifiez cet identifiant auprès de son détenteur, puis "
        "lancez : {command}",
    },
    "ar": {
        "invalid": "{verdict} ({reason}): {message}",
        "verified": (
            "{verdict}: التقرير {report_id} لفائدة {organisation}{registration}، النتيجة {score} "
            "({rating})، {questionnaire} {version}؛ وقعه {signer} (المفتاح {key}…) في "
            "{issued_at}، صالح إلى غاية {valid_until}؛ أعيد احتساب الإجابات، {report}{pdf}"
        ),
        "registration": " ({registration})",
        "no_score": "دون نتيجة",
        "report.re-rendered": "وأعيد إنتاج تقرير HTML مطابقا",
        "report.digest": "وتم التحقق من تقرير HTML ببصمته فقط",
        "report.earlier-release": "وتم التحقق ببصمته من تقرير HTML أنتجه إصدار منشور سابق",
        "pdf.re-derived": "، وأعيد إنتاج تقرير PDF مطابقا",
        "pdf.digest": "، وتم التحقق من PDF ببصمته فقط (الأمر verify --pdf يعيد إنتاجه)",
        "check.re-derived": "أعيد اشتقاقه",
        "check.digest": "البصمة",
        "file": "{path}: {check}",
        "empty_store": "ملاحظة: مخزن الثقة فارغ؛ أضيفوا مفاتيح بالأمر «compliance trust add»",
        "untrusted_key": "معرف المفتاح الذي يسميه (غير متحقق منه): {key}",
        "trust_hint": "لاعتماده، تحققوا من معرف المفتاح هذا لدى صاحبه، ثم نفذوا: {command}",
    },
}
"""The command line's verification lines (``compliance verify``)."""


def _typeset(table: dict[_K, str]) -> dict[_K, str]:
    return {key: french(text) for key, text in table.items()}


for _reasons in (LABELS, SENTENCES, PARTICULARS):
    _reasons["fr"] = _typeset(_reasons["fr"])
LINES["fr"] = _typeset(LINES["fr"])


def language(lang: str) -> str:
    """``lang`` when this catalogue has it, else English."""
    return lang if lang in LANGUAGES else "en"


def reason_label(reason: VerifyReason, lang: str = "en") -> str:
    """A reason code in a few words."""
    return LABELS[language(lang)][reason]


def verdict_words(verdict: Verdict, lang: str = "en") -> str:
    """The verdict as words: ``Valid``, ``Expired``, ``Invalid: tampered``."""
    lang = language(lang)
    word = VERDICTS[lang].get(verdict.status, verdict.status)
    if verdict.status == "INVALID" and verdict.reason is not None:
        return f"{word}{colon(lang)}{LABELS[lang][verdict.reason]}"
    return word


def explain(verdict: Verdict, lang: str = "en") -> str:
    """Why a verdict is not VALID, as a sentence in ``lang`` (with its particulars when known).

    English falls back to the verifier's own message, which already names the particulars.
    """
    lang = language(lang)
    reason = verdict.reason
    if reason is None:
        return verdict.message
    template = PARTICULARS[lang].get(reason)
    if template is not None:
        try:
            return template.format(**verdict.facts)
        except (KeyError, IndexError):
            pass
    if lang == "en" and verdict.message:
        return verdict.message
    return SENTENCES[lang][reason]


def rating_label(questionnaire: Mapping[str, Any], rating: str, lang: str = "en") -> str:
    """The label of a band of a published questionnaire (the id itself when it is unknown)."""
    from compliance.signing.registry import find_published, load_published

    entry = find_published(str(questionnaire.get("id")), str(questionnaire.get("version")))
    if entry is None:
        return rating
    for band in load_published(entry).scoring.bands:
        if band.id == rating:
            return band.label.get(language(lang))
    return rating


def verdict_line(verdict: Verdict, lang: str = "en") -> str:
    """One line for people: what was verified and who signed it, in ``lang``.

    In English an invalid verdict keeps its reason code (scripts have read it for long); in
    French the code is replaced by its label and the message by the French sentence.
    """
    from compliance.signing.keys import grouped

    lang = language(lang)
    words = LINES[lang]
    status = verdict.status if lang == "en" else VERDICTS[lang][verdict.status].upper()
    if verdict.status == "INVALID":
        if lang == "en":
            return words["invalid"].format(
                verdict=status, reason=verdict.reason, message=verdict.message
            )
        reason = "" if verdict.reason is None else LABELS[lang][verdict.reason]
        return words["invalid"].format(
            verdict=status, reason=reason, message=explain(verdict, lang)
        )
    d = verdict.details
    org = d["organisation"]
    registration = org.get("registrationId")
    pdf = next((f["check"] for f in d.get("files", []) if f["path"] == "report/report.pdf"), None)
    rating = d["rating"] if lang == "en" else rating_label(d["questionnaire"], d["rating"], lang)
    return words["verified"].format(
        verdict=status,
        report_id=d["reportId"],
        organisation=org["name"],
        registration=words["registration"].format(registration=registration)
        if registration
        else "",
        score=number(d["score"], lang) if d["score"] is not None else words["no_score"],
        rating=rating,
        questionnaire=d["questionnaire"]["id"],
        version=d["questionnaire"]["version"],
        signer=d["signer"],
        key=grouped(d["keyId"])[:19],
        issued_at=d["issuedAt"],
        valid_until=d["validUntil"],
        report=words[f"report.{d['reportCheck']}"],
        pdf="" if pdf is None else words[f"pdf.{pdf}"],
    )


def file_line(path: str, check: str, lang: str = "en") -> str:
    """One signed file with how it was checked."""
    words = LINES[language(lang)]
    return words["file"].format(path=path, check=words.get(f"check.{check}", check))
