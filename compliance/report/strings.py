"""Provides the one catalogue of report UI strings, in English and French.

Every word a report prints that does not come from the questionnaire, the reference data or the
assessment lives here, under the same keys in each language (a test checks that they match). The
scoring method is printed from :data:`METHOD`, the plain-words version of the engine's docstring.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from compliance.typography import french

__all__ = ["LABELS", "LANGUAGES", "METHOD", "labels", "method", "strings"]

LANGUAGES = ("en", "fr")

_EN: dict[str, str] = {
    "doc_title": "Data-protection readiness report",
    "colon": ": ",
    "list_separator": "; ",
    "doc_subtitle": "Law 09-08, Decree 2-09-165 and the GDPR",
    "contents": "Contents",
    "cover_organisation": "Organisation assessed",
    "cover_assessor": "Assessor",
    "cover_date": "Assessment date",
    "cover_questionnaire": "Questionnaire",
    "cover_version": "Version",
    "cover_digest": "Questionnaire digest (SHA-256)",
    "cover_engine": "Scoring engine",
    "cover_reference": "Reference set",
    "cover_reference_newest": "the newest installed; the assessment records none",
    "cover_signature": "Signature key",
    "registration": "Registration no.",
    "sector": "Sector",
    "unsigned": "unsigned",
    "unsigned_note": "This report is not signed. Its integrity cannot be verified.",
    "signed_note": "Verify the signed bundle before relying on this report.",
    "not_given": "not given",
    "to_complete": "Not given: to complete",
    "summary": "Executive summary",
    "summary_score": "{org} scores {score} out of 100 on “{questionnaire}” (version {version}).",
    "summary_rating": "Rating: {rating}.",
    "summary_incomplete": (
        "{coverage} of the applicable questions are answered: the rating is provisional "
        "until every question is answered."
    ),
    "summary_complete": "Every applicable question is answered.",
    "summary_flows": "{count} data flows assessed: {ready} ready, {conditional} conditional, "
    "{not_ready} not ready, {blocked} blocked.",
    "summary_no_flows": "No data flow is recorded in this assessment.",
    "summary_actions": "The actions that recover the most points",
    "summary_no_actions": "No gap to close.",
    "overall": "Overall score",
    "rating": "Rating",
    "coverage": "Coverage",
    "points_lost": "Points lost",
    "out_of_100": "out of 100",
    "method": "How the score is computed",
    "scores": "Scores by domain and control",
    "domain": "Domain",
    "control": "Control",
    "score": "Score",
    "critical": "critical",
    "not_applicable": "not applicable",
    "flows": "Data flows and transfer readiness",
    "flows_chart": "Flows by readiness",
    "flows_none": "No data flow is recorded.",
    "flow": "Flow",
    "status": "Status",
    "route": "Route",
    "exporter": "Exporter",
    "importer": "Importer",
    "regime": "Law of the exporter",
    "gate_gdpr": "GDPR gate",
    "gate_morocco": "Law 09-08 gate",
    "checks_passed": "checks passed: {passed} of {checks}",
    "findings": "Findings",
    "no_findings": "No finding.",
    "onward_flows": "Onward flows",
    "answers": "Answers",
    "profile": "Organisation profile",
    "question": "Question",
    "answer": "Answer",
    "comment": "Comment",
    "evidence": "Evidence",
    "evidence_note": "Note",
    "answered_by": "Answered by",
    "not_answered": "not answered",
    "answer_na": "not applicable (N/A)",
    "yes": "Yes",
    "no": "No",
    "remediation": "Remediation plan",
    "remediation_intro": "Gaps ordered by the points of the overall score that closing them "
    "recovers, most first; equal points by control id. Items marked “caps the rating” must be "
    "closed before the rating can rise, whatever their points.",
    "texts_cited": "Legal texts cited",
    "impact": "Points recovered",
    "action": "Action",
    "expected_evidence": "Expected evidence",
    "articles": "Articles",
    "caps_rating": "caps the rating",
    "worksheets": "Worksheets",
    "cndp_title": "Worksheet A: CNDP transfer request (form F118)",
    "cndp_intro": "For each flow leaving Morocco, what the transfer request to the CNDP (form "
    "F118) sets out: the particulars of Decree 2-09-165 Art. 46 and, for a state not on the CNDP "
    "list, the exact Art. 44 exception relied on (Art. 47) or the guarantees and measures that "
    "protect the data (Art. 48). Items marked “to complete” must be filled in before the request "
    "is filed.",
    "cndp_none": "No flow in this assessment leaves Morocco.",
    "scc_title": "Worksheet B: SCC Annex I.B, description of the transfer",
    "scc_intro": "For each transfer subject to the GDPR that leaves the EEA, the description "
    "Annex I.B of the standard contractual clauses (Decision (EU) 2021/914) asks for.",
    "scc_none": "No flow in this assessment is a transfer under GDPR Chapter V.",
    "w_exporter": "Exporter: name and address",
    "w_recipient": "Recipient: name and address",
    "w_file": "File or data set, and its description",
    "w_data": "Categories of personal data transferred",
    "w_subjects": "Data subjects and their approximate number",
    "w_purpose": "Purpose of the processing by the recipient",
    "w_mode": "Mode and frequency of the transfers",
    "w_first": "Date of the first transfer",
    "w_destination": "Country of destination",
    "w_listed": "On the CNDP list of states with sufficient protection",
    "w_ground": "Art. 44 ground relied on (Decree Art. 47)",
    "w_mechanism": "Protection mechanism and measures (Decree Art. 48)",
    "w_f118": "Transfer request (form F118)",
    "w_f118_pending": "filed on {date}, no decision yet",
    "w_f118_filed": "filed on {date}",
    "w_f118_decided": "{status} on {date}",
    "w_f118_reference": "reference {reference}",
    "w_not_needed": "not needed: the state is listed",
    "w_listed_yes": "yes",
    "w_listed_no": "no",
    "w_listed_unknown": "unknown (the CNDP list is not loaded)",
    "w_listed_unverified": "(the CNDP list shipped with this tool is not verified against the "
    "deliberation: check it before filing)",
    "address_note": "address to add",
    "approx": "about {count}",
    "scc_module": "Transfer tool (GDPR Chapter V)",
    "scc_parties": "Parties (Annex I.A)",
    "scc_subjects": "Categories of data subjects whose personal data is transferred",
    "scc_data": "Categories of personal data transferred",
    "scc_sensitive": "Sensitive data transferred, and the restrictions or safeguards applied",
    "scc_frequency": "Frequency of the transfer",
    "scc_nature": "Nature of the processing",
    "scc_purpose": "Purpose(s) of the data transfer and further processing",
    "scc_retention": "Retention period, or the criteria used to determine it",
    "scc_processor": "For transfers to (sub-)processors: subject matter, nature and duration",
    "scc_no_sensitive": "none",
    "criminal": "criminal convictions and offences",
    "national_id": "national identification numbers",
    "measures": "measures in place",
    "measures_planned": "measures planned",
    "signature": "Signature",
    "signature_key": "Signature key fingerprint",
    "generated_by": "Produced by {engine} from the questionnaire {id} {version}.",
    "page": "Page",
    "status_ready": "ready",
    "status_conditional": "conditional",
    "status_not_ready": "not ready",
    "status_blocked": "blocked",
    "status_not_applicable": "not applicable",
    "status_not_assessed": "not assessed",
    "qstatus_answered": "answered",
    "qstatus_na": "N/A",
    "qstatus_unanswered": "unanswered",
    "qstatus_not_applicable": "does not apply",
    "qstatus_informational": "not scored",
    "gate_tag_gdpr": "GDPR",
    "gate_tag_morocco": "Law 09-08",
    "gate_tag_onward": "onward",
    "gate_tag_general": "general",
}

_FR: dict[str, str] = {
    "doc_title": "Rapport de conformité à la protection des données",
    "colon": "\u00a0: ",
    "list_separator": "\u00a0; ",
    "doc_subtitle": "Loi 09-08, décret 2-09-165 et RGPD",
    "contents": "Sommaire",
    "cover_organisation": "Organisme évalué",
    "cover_assessor": "Évaluateur",
    "cover_date": "Date de l'évaluation",
    "cover_questionnaire": "Questionnaire",
    "cover_version": "Version",
    "cover_digest": "Empreinte du questionnaire (SHA-256)",
    "cover_engine": "Moteur de notation",
    "cover_reference": "Jeu de référence",
    "cover_reference_newest": "le plus récent installé ; l'évaluation n'en indique aucun",
    "cover_signature": "Clé de signature",
    "registration": "N° d'immatriculation",
    "sector": "Secteur",
    "unsigned": "non signé",
    "unsigned_note": "Ce rapport n'est pas signé : son intégrité ne peut pas être vérifiée.",
    "signed_note": "Vérifiez le paquet signé avant de vous fier à ce rapport.",
    "not_given": "non renseigné",
    "to_complete": "Non renseigné : à compléter",
    "summary": "Synthèse",
    "summary_score": "{org} obtient {score} sur 100 au questionnaire « {questionnaire} » (version "
    "{version}).",
    "summary_rating": "Niveau : {rating}.",
    "summary_incomplete": (
        "{coverage} des questions applicables ont une réponse : le niveau est provisoire "
        "tant que toutes les questions n'ont pas de réponse."
    ),
    "summary_complete": "Toutes les questions applicables ont une réponse.",
    "summary_flows": "{count} flux de données évalués. Prêts : {ready} ; sous conditions : "
    "{conditional} ; pas prêts : {not_ready} ; bloqués : {blocked}.",
    "summary_no_flows": "Aucun flux de données n'est enregistré dans cette évaluation.",
    "summary_actions": "Les actions qui rapportent le plus de points",
    "summary_no_actions": "Aucun écart à combler.",
    "overall": "Score global",
    "rating": "Niveau",
    "coverage": "Couverture",
    "points_lost": "Points perdus",
    "out_of_100": "sur 100",
    "method": "Comment le score est calculé",
    "scores": "Scores par domaine et par contrôle",
    "domain": "Domaine",
    "control": "Contrôle",
    "score": "Score",
    "critical": "critique",
    "not_applicable": "sans objet",
    "flows": "Flux de données et préparation des transferts",
    "flows_chart": "Flux par niveau de préparation",
    "flows_none": "Aucun flux de données n'est enregistré.",
    "flow": "Flux",
    "status": "Statut",
    "route": "Trajet",
    "exporter": "Exportateur",
    "importer": "Importateur",
    "regime": "Loi applicable à l'exportateur",
    "gate_gdpr": "Verrou RGPD",
    "gate_morocco": "Verrou loi 09-08",
    "checks_passed": "vérifications réussies : {passed} sur {checks}",
    "findings": "Constats",
    "no_findings": "Aucun constat.",
    "onward_flows": "Flux ultérieurs",
    "answers": "Réponses",
    "profile": "Profil de l'organisme",
    "question": "Question",
    "answer": "Réponse",
    "comment": "Commentaire",
    "evidence": "Preuves",
    "evidence_note": "Note",
    "answered_by": "Répondu par",
    "not_answered": "sans réponse",
    "answer_na": "sans objet (S.O.)",
    "yes": "Oui",
    "no": "Non",
    "remediation": "Plan d'actions correctives",
    "remediation_intro": "Écarts classés selon les points du score global que leur correction "
    "rapporte, le plus d'abord ; à égalité, par identifiant de contrôle. Les éléments marqués "
    "« plafonne le niveau » doivent être corrigés avant que le niveau puisse s'améliorer, quels "
    "que soient leurs points.",
    "texts_cited": "Textes cités",
    "impact": "Points regagnés",
    "action": "Action",
    "expected_evidence": "Preuves attendues",
    "articles": "Articles",
    "caps_rating": "plafonne le niveau",
    "worksheets": "Fiches de travail",
    "cndp_title": "Fiche A : demande de transfert à la CNDP (formulaire F118)",
    "cndp_intro": "Pour chaque flux qui quitte le Maroc, ce qu'expose la demande de transfert à "
    "la CNDP (formulaire F118) : les mentions de l'article 46 du décret 2-09-165 et, pour un État "
    "absent de la liste CNDP, l'exception précise de l'article 44 invoquée (art. 47) ou les "
    "garanties et mesures qui protègent les données (art. 48). Les éléments marqués « à "
    "compléter » doivent être renseignés avant le dépôt.",
    "cndp_none": "Aucun flux de cette évaluation ne quitte le Maroc.",
    "scc_title": "Fiche B : CCT, annexe I.B, description du transfert",
    "scc_intro": "Pour chaque transfert soumis au RGPD qui quitte l'EEE, la description que "
    "demande l'annexe I.B des clauses contractuelles types (décision (UE) 2021/914).",
    "scc_none": "Aucun flux de cette évaluation n'est un transfert au sens du chapitre V du RGPD.",
    "w_exporter": "Exportateur : nom et adresse",
    "w_recipient": "Destinataire : nom et adresse",
    "w_file": "Fichier ou ensemble de données, et sa description",
    "w_data": "Catégories de données personnelles transférées",
    "w_subjects": "Personnes concernées et leur nombre approximatif",
    "w_purpose": "Finalité du traitement par le destinataire",
    "w_mode": "Mode et fréquence des transferts",
    "w_first": "Date du premier transfert",
    "w_destination": "Pays de destination",
    "w_listed": "Sur la liste CNDP des États assurant une protection suffisante",
    "w_ground": "Exception de l'article 44 invoquée (décret, art. 47)",
    "w_mechanism": "Mécanisme et mesures de protection (décret, art. 48)",
    "w_f118": "Demande de transfert (formulaire F118)",
    "w_f118_pending": "déposée le {date}, sans décision à ce jour",
    "w_f118_filed": "déposée le {date}",
    "w_f118_decided": "{status} le {date}",
    "w_f118_reference": "référence {reference}",
    "w_not_needed": "inutile : l'État figure sur la liste",
    "w_listed_yes": "oui",
    "w_listed_no": "non",
    "w_listed_unknown": "inconnu (la liste CNDP n'est pas chargée)",
    "w_listed_unverified": "(la liste CNDP fournie avec cet outil n'est pas vérifiée sur la "
    "délibération : vérifiez-la avant le dépôt)",
    "address_note": "adresse à ajouter",
    "approx": "environ {count}",
    "scc_module": "Outil de transfert (RGPD, chapitre V)",
    "scc_parties": "Parties (annexe I.A)",
    "scc_subjects": "Catégories de personnes concernées dont les données sont transférées",
    "scc_data": "Catégories de données personnelles transférées",
    "scc_sensitive": "Données sensibles transférées, et restrictions ou garanties appliquées",
    "scc_frequency": "Fréquence du transfert",
    "scc_nature": "Nature du traitement",
    "scc_purpose": "Finalité(s) du transfert et du traitement ultérieur",
    "scc_retention": "Durée de conservation, ou critères pour la déterminer",
    "scc_processor": "Pour les transferts à des (sous-)traitants : objet, nature et durée",
    "scc_no_sensitive": "aucune",
    "criminal": "condamnations et infractions pénales",
    "national_id": "numéros d'identification nationale",
    "measures": "mesures en place",
    "measures_planned": "mesures prévues",
    "signature": "Signature",
    "signature_key": "Empreinte de la clé de signature",
    "generated_by": "Produit par {engine} à partir du questionnaire {id} {version}.",
    "page": "Page",
    "status_ready": "prêt",
    "status_conditional": "sous conditions",
    "status_not_ready": "pas prêt",
    "status_blocked": "bloqué",
    "status_not_applicable": "sans objet",
    "status_not_assessed": "non évalué",
    "qstatus_answered": "répondu",
    "qstatus_na": "S.O.",
    "qstatus_unanswered": "sans réponse",
    "qstatus_not_applicable": "ne s'applique pas",
    "qstatus_informational": "non noté",
    "gate_tag_gdpr": "RGPD",
    "gate_tag_morocco": "Loi 09-08",
    "gate_tag_onward": "ultérieur",
    "gate_tag_general": "général",
}

METHOD: dict[str, tuple[str, ...]] = {
    "en": (
        "Each question scores from 0 to 1: the score of the option chosen; for several options, "
        "the question's rule (the weakest, the average, or the sum capped at 1); for a scale, "
        "its position between the lowest and highest point; for a number, the step it reaches; "
        "for a date, 1 when it is recent enough.",
        "Questions answered “not applicable”, and questions that do not apply to this "
        "organisation, are left out of every calculation. A required question left unanswered "
        "scores 0 and lowers the coverage.",
        "A control scores the weighted average of its questions, a domain the weighted average "
        "of its controls, and the whole the weighted average of its domains, from 0 to 100, "
        "rounded to two decimals (half to even).",
        "The rating is the band the score falls in, lowered to the cap when a critical control "
        "scores below the gate threshold or when a data flow is blocked. Below 100 % coverage "
        "the rating is provisional.",
        "Every point lost is attributed to the question that lost it, so each figure of this "
        "report can be traced back to the answers behind it. The same answers always give the "
        "same score.",
        "Each data flow passes two gates: the GDPR (a transfer out of the EEA needs adequacy or "
        "an Art. 46 tool such as the SCCs, with a transfer impact assessment) and Law 09-08 "
        "(processing in Morocco declared or authorised; data leaving Morocco to a state on the "
        "CNDP list, or on an Art. 44 ground, or with a CNDP authorisation). A flow takes the "
        "worse of its gates and of its onward flows; anything not given counts as not met.",
    ),
    "fr": (
        "Chaque question est notée de 0 à 1 : la note de l'option choisie ; pour plusieurs "
        "options, la règle de la question (la plus faible, la moyenne, ou la somme plafonnée à "
        "1) ; pour une échelle, sa position entre le plus bas et le plus haut degré ; pour un "
        "nombre, le palier atteint ; pour une date, 1 si elle est assez récente.",
        "Les questions répondues « sans objet », et celles qui ne s'appliquent pas à cet "
        "organisme, sont exclues de tous les calculs. Une question obligatoire sans réponse vaut "
        "0 et diminue la couverture.",
        "Un contrôle vaut la moyenne pondérée de ses questions, un domaine celle de ses "
        "contrôles, et l'ensemble celle de ses domaines, de 0 à 100, arrondie à deux décimales "
        "(au pair le plus proche).",
        "Le niveau est la tranche où tombe le score, abaissée au plafond lorsqu'un contrôle "
        "critique est sous le seuil ou qu'un flux de données est bloqué. Sous 100 % de "
        "couverture, le niveau est provisoire.",
        "Chaque point perdu est attribué à la question qui l'a perdu : chaque chiffre de ce "
        "rapport se rattache aux réponses qui le fondent. Les mêmes réponses donnent toujours "
        "le même score.",
        "Chaque flux passe deux verrous : le RGPD (un transfert hors de l'EEE exige une "
        "adéquation ou un outil de l'article 46, comme les CCT, avec une analyse d'impact du "
        "transfert) et la loi 09-08 (traitement au Maroc déclaré ou autorisé ; données quittant "
        "le Maroc vers un État de la liste CNDP, ou sur une exception de l'article 44, ou avec "
        "une autorisation de la CNDP). Un flux prend le pire de ses verrous et de ses flux "
        "ultérieurs ; tout élément non renseigné compte comme non satisfait.",
    ),
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "mode": {
        "file_transfer": ("file transfer", "transfert de fichiers"),
        "api": ("API", "API"),
        "remote_access": ("remote access", "accès à distance"),
        "email": ("email", "courrier électronique"),
        "physical_media": ("physical media", "support physique"),
    },
    "frequency": {
        "one_off": ("one-off", "ponctuel"),
        "periodic": ("periodic", "périodique"),
        "continuous": ("continuous", "continu"),
    },
    "special": {
        "health": ("health", "santé"),
        "genetic": ("genetic", "génétiques"),
        "biometric": ("biometric", "biométriques"),
        "racial_ethnic": ("racial or ethnic origin", "origine raciale ou ethnique"),
        "political": ("political opinions", "opinions politiques"),
        "religious": ("religious beliefs", "convictions religieuses"),
        "union": ("trade-union membership", "appartenance syndicale"),
        "sex_life": ("sex life", "vie sexuelle"),
    },
    "measure": {
        "encryption_in_transit": ("encryption in transit", "chiffrement en transit"),
        "encryption_at_rest": ("encryption at rest", "chiffrement au repos"),
        "exporter_held_keys": ("keys held by the exporter", "clés détenues par l'exportateur"),
        "pseudonymisation": ("pseudonymisation", "pseudonymisation"),
        "data_minimisation": ("data minimisation", "minimisation des données"),
        "access_logging": ("access logging", "journalisation des accès"),
        "mfa": ("multi-factor authentication", "authentification multifacteur"),
        "no_download_access": ("access without download", "accès sans téléchargement"),
        "split_processing": ("split processing", "traitement fractionné"),
        "transparency_reporting": ("transparency reporting", "rapport de transparence"),
    },
    "role": {
        "controller": ("controller", "responsable du traitement"),
        "joint_controller": ("joint controller", "responsable conjoint"),
        "processor": ("processor", "sous-traitant"),
        "sub_processor": ("sub-processor", "sous-traitant ultérieur"),
        "representative": ("representative", "représentant"),
    },
    "mechanism": {
        "adequacy": ("adequacy decision (GDPR Art. 45)", "décision d'adéquation (RGPD, art. 45)"),
        "bcr": ("binding corporate rules (GDPR Art. 47)", "règles d'entreprise contraignantes"),
        "none": ("none", "aucun"),
        "listed_country": ("state on the CNDP list", "État de la liste CNDP"),
        "cndp_authorisation": ("CNDP authorisation (Art. 44)", "autorisation de la CNDP (art. 44)"),
    },
    "f118": {
        "not_filed": ("not filed", "non déposée"),
        "filed": ("filed, no decision yet", "déposée, sans décision à ce jour"),
        "granted": ("granted", "accordée"),
        "refused": ("refused", "refusée"),
    },
}


@cache
def _french() -> dict[str, str]:
    return {key: french(text) for key, text in _FR.items()}


def strings(lang: str) -> Mapping[str, str]:
    """The UI strings in ``lang`` (English for an unknown language); French ones typeset
    (:func:`compliance.typography.french`), so the catalogue may be written with ordinary spaces."""
    return _french() if lang == "fr" else _EN


def method(lang: str) -> tuple[str, ...]:
    """The scoring method in plain words, one paragraph per item (French typeset)."""
    if lang == "fr":
        return tuple(french(paragraph) for paragraph in METHOD["fr"])
    return METHOD["en"]


def labels(group: str, lang: str) -> dict[str, str]:
    """The labels of one group of codes (``mode``, ``frequency``...) in ``lang``."""
    index = 1 if lang == "fr" else 0
    return {code: pair[index] for code, pair in LABELS[group].items()}
