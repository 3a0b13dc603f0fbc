"""Provides the catalogue of the review's verification lines, in English and French.

The lines :func:`compliance.review.detail.checks` prints come from here, under the same keys in
each language (a test checks that they match), the way :mod:`compliance.report.strings` keeps the
report's words. Values taken from a bundle (names, identifiers, ISO dates) are filled in as they
are. The verifier's own failure messages are English; :data:`REASONS_FR` explains each stable
reason code in French so that a French reader learns why a bundle failed.
"""

from __future__ import annotations

from collections.abc import Mapping

from compliance.errors import VerifyReason

__all__ = ["REASONS_FR", "strings"]

_EN: dict[str, str] = {
    "failed": "verification failed ({reason}): {message}",
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
    # English prints the verifier's message on the "failed" line itself; this line is for the
    # languages that explain the reason code there instead.
    "verifier_detail": "the verifier's detail: {message}",
}

_FR: dict[str, str] = {
    "failed": "échec de la vérification ({reason}) : {message}",
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
    "verifier_detail": "détail technique du vérificateur (en anglais) : {message}",
}

REASONS_FR: dict[VerifyReason, str] = {
    "bundle-structure": "le paquet n'est pas un rapport bien formé",
    "envelope": "l'enveloppe de signature est mal formée",
    "payload-type": "le contenu signé n'est pas du type attendu",
    "untrusted-signer": "aucune clé du magasin de confiance n'a produit cette signature, ou elle "
    "a été altérée",
    "key-revoked": "la clé du signataire a été révoquée ; chaque rapport qu'elle a signé doit être "
    "réémis",
    "key-outside-validity": "la clé n'était pas valide à la date de la signature",
    "issued-in-future": "le rapport prétend avoir été émis à une date future",
    "validity-too-long": "le rapport prétend rester valide plus de 3 660 jours après son émission",
    "organisation-not-bound": "la clé n'est pas habilitée à signer pour cette organisation",
    "statement-schema": "la déclaration signée n'est pas valide",
    "signing-key-mismatch": "la déclaration désigne une autre clé que celle qui l'a signée",
    "subject-mismatch": "la liste des fichiers signés et le contenu du paquet diffèrent",
    "digest-mismatch": "un fichier a été modifié après la signature (son empreinte SHA-256 ne "
    "correspond plus)",
    "questionnaire-not-published": "le questionnaire n'est pas une version publiée",
    "reference-not-published": "le jeu de données de référence n'est pas un jeu publié",
    "cannot-rederive-score": "ce vérificateur ne peut pas recalculer le score (autre version du "
    "moteur de notation)",
    "assessment-invalid": "l'évaluation n'est pas valide ou ne peut pas être notée",
    "statement-mismatch": "la déclaration signée ne correspond pas à l'évaluation",
    "score-mismatch": "le résultat signé ne découle pas des réponses",
    "cannot-rerender-report": "ce vérificateur ne peut pas régénérer le rapport",
    "report-mismatch": "le rapport n'est pas celui produit à partir des données signées",
    "expired": "la signature est bonne mais l'évaluation a expiré",
    "unreadable": "le fichier ne peut pas être lu",
    "internal-error": "ce paquet a fait échouer le vérificateur ; il n'est pas digne de confiance",
}
"""Each reason code of a failed verification explained in French (every code of
:data:`compliance.errors.VerifyReason`; a test keeps them in step)."""


def strings(lang: str) -> Mapping[str, str]:
    """The verification lines in ``lang`` (English for an unknown language)."""
    return _FR if lang == "fr" else _EN
