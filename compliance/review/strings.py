"""Provides the catalogue of the review's verification lines, in English, French and Arabic.

The lines :func:`compliance.review.detail.checks` prints come from here, under the same keys in
each language (a test checks that they match), the way :mod:`compliance.report.strings` keeps the
report's words. Values taken from a bundle (names, identifiers, ISO dates) are filled in as they
are. Why a bundle failed comes from the verification catalogue :mod:`compliance.signing.words`
(a label and a sentence per reason code, in each language), never from the verifier's English.
"""

from __future__ import annotations

from collections.abc import Mapping

from compliance.typography import french

__all__ = ["strings"]

_EN: dict[str, str] = {
    "failed": "verification failed ({reason}): {message}",
    "claimed": "what it claims (unverified): {claims}",
    "claimed_organisation": "organisation {organisation}",
    "claimed_report": "report {report_id}",
    "claimed_issued": "issued {issued_at}",
    "untrusted_key": "it was signed by a key your trust store does not hold, key id:",
    "trust_check": "check this key id with its holder (by phone, say), then trust the key with:",
    "trust_file": "(SIGNER.pub.pem: the public key file the signer sent you)",
    "trust_then": "then press t: the trust store is read again and the bundles verified again",
    "signed_by": "signed by {signer}, a key of the trust store ({key}...)",
    "key_valid": "the key was valid and not revoked when it signed, on {issued_at}",
    "digests": "every file matches the digest in the signed statement; no file added or missing",
    "published": "questionnaire {id} {version} is the published version",
    "rescored": "the answers were re-scored: the signed result and scores follow from them exactly",
    "report_rerendered": "the HTML report was re-rendered from the signed data, byte for byte",
    "report_digest": "the HTML report was checked by its signed digest only",
    "pdf_rerendered": "the PDF report was re-rendered from the signed data, byte for byte",
    "pdf_digest": "PDF checked by its digest only (not re-rendered: fonts and libraries differ "
    "between machines)",
    "expired": "EXPIRED: the assessment was valid until {valid_until}",
    "valid_until": "valid until {valid_until}",
    "html_unverified": "only the report of a bundle that verified in full can be opened",
}

_FR: dict[str, str] = {
    "failed": "échec de la vérification ({reason}) : {message}",
    "claimed": "ce qu'il affirme (non vérifié) : {claims}",
    "claimed_organisation": "organisme {organisation}",
    "claimed_report": "rapport {report_id}",
    "claimed_issued": "émis le {issued_at}",
    "untrusted_key": "il a été signé par une clé absente de votre magasin de confiance, "
    "identifiant :",
    "trust_check": "vérifiez cet identifiant auprès de son détenteur (par téléphone, par "
    "exemple), puis approuvez la clé avec :",
    "trust_file": "(SIGNER.pub.pem : le fichier de clé publique que le signataire vous a envoyé)",
    "trust_then": "puis appuyez sur t : le magasin de confiance est relu et les paquets "
    "vérifiés à nouveau",
    "signed_by": "signé par {signer}, avec une clé du magasin de confiance ({key}…)",
    "key_valid": "la clé était valide et non révoquée au moment de la signature, le {issued_at}",
    "digests": "chaque fichier correspond à son empreinte SHA-256 dans la déclaration signée ; "
    "aucun fichier ajouté ni manquant",
    "published": "le questionnaire {id} {version} est la version publiée",
    "rescored": "le score a été recalculé à partir des réponses : le résultat et les scores "
    "signés en découlent exactement",
    "report_rerendered": "le rapport HTML a été régénéré à partir des données signées : "
    "identique octet pour octet",
    "report_digest": "le rapport HTML a été vérifié par son empreinte signée uniquement",
    "pdf_rerendered": "le rapport PDF a été régénéré à partir des données signées : identique "
    "octet pour octet",
    "pdf_digest": "PDF vérifié par son empreinte seulement (non régénéré : polices et "
    "bibliothèques diffèrent d'une machine à l'autre)",
    "expired": "EXPIRÉ : l'évaluation était valide jusqu'au {valid_until}",
    "valid_until": "valide jusqu'au {valid_until}",
    "html_unverified": "seul le rapport d'un paquet entièrement vérifié peut être ouvert",
}

_AR: dict[str, str] = {
    "failed": "فشل التحقق ({reason}): {message}",
    "claimed": "ما تدعيه (غير متحقق منه): {claims}",
    "claimed_organisation": "المؤسسة {organisation}",
    "claimed_report": "التقرير {report_id}",
    "claimed_issued": "صدر في {issued_at}",
    "untrusted_key": "وقعت بمفتاح لا يتضمنه مخزن الثقة لديكم، ومعرفه:",
    "trust_check": (
        "تحققوا من معرف المفتاح هذا لدى صاحبه (بالهاتف مثلا)، ثم اعتمدوا المفتاح بالأمر:"
    ),
    "trust_file": "(SIGNER.pub.pem: ملف المفتاح العمومي الذي أرسله إليكم الموقع)",
    "trust_then": "ثم اضغطوا t: يعاد قراءة مخزن الثقة والتحقق من الحزم من جديد",
    "signed_by": "وقعها {signer}، بمفتاح من مخزن الثقة ({key}…)",
    "key_valid": "كان المفتاح صالحا وغير ملغى حين وقع، في {issued_at}",
    "digests": "كل ملف يطابق بصمته SHA-256 في البيان الموقع؛ لا ملف مضاف ولا ناقص",
    "published": "الاستبيان {id} {version} هو النسخة المنشورة",
    "rescored": "أعيد احتساب الإجابات: النتيجة والنقط الموقعة تنبثق منها تماما",
    "report_rerendered": "أعيد إنتاج تقرير HTML من المعطيات الموقعة، مطابقا بايتا ببايت",
    "report_digest": "تم التحقق من تقرير HTML ببصمته الموقعة فقط",
    "pdf_rerendered": "أعيد إنتاج تقرير PDF من المعطيات الموقعة، مطابقا بايتا ببايت",
    "pdf_digest": (
        "تم التحقق من PDF ببصمته فقط (لم يعد إنتاجه: الخطوط والمكتبات تختلف من جهاز إلى آخر)"
    ),
    "expired": "منتهي الصلاحية: كان التقييم صالحا إلى غاية {valid_until}",
    "valid_until": "صالح إلى غاية {valid_until}",
    "html_unverified": "لا يمكن فتح تقرير حزمة إلا إذا تم التحقق منها كاملة",
}


_FR = {key: french(text) for key, text in _FR.items()}


def strings(lang: str) -> Mapping[str, str]:
    """The verification lines in ``lang`` (English for an unknown language)."""
    return {"fr": _FR, "ar": _AR}.get(lang, _EN)
