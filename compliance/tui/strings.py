"""Provides the catalogue of UI strings in English and French, and :func:`tr` to look them up.

Every word the interface shows (titles, buttons, bindings, notices) comes from here; questionnaire
text comes from the questionnaire itself. A key missing from the catalogue is a bug, so it raises.
"""

from __future__ import annotations

from typing import Final

__all__ = ["LANGUAGES", "STRINGS", "tr"]

LANGUAGES: Final = ("en", "fr")

STRINGS: Final[dict[str, tuple[str, str]]] = {
    # app and bindings
    "app.title": ("Compliance — Law 09-08 / GDPR", "Conformité — Loi 09-08 / RGPD"),
    "key.quit": ("Quit", "Quitter"),
    "key.help": ("Help", "Aide"),
    "key.lang": ("FR", "EN"),
    "key.theme": ("Theme", "Thème"),
    "key.back": ("Back", "Retour"),
    "key.new_client": ("New client", "Client +"),
    "key.start": ("Start", "Démarrer"),
    "key.open": ("Open", "Ouvrir"),
    "key.duplicate": ("Cycle+", "Cycle+"),
    "key.rename": ("Rename", "Renommer"),
    "key.delete": ("Delete", "Supprimer"),
    "key.import": ("Import", "Importer"),
    "key.export": ("Export", "Exporter"),
    "key.review": ("Review bundles", "Examiner des paquets"),
    "note.opening": ("Opening the assessment…", "Ouverture de l'évaluation…"),
    "note.importing": ("Importing {name}…", "Import de {name}…"),
    "ask.review_folder": (
        "Folder of signed bundles to review",
        "Dossier de paquets signés à examiner",
    ),
    "key.next": ("Next", "Suivante"),
    "key.previous": ("Previous", "Précédente"),
    "key.unanswered": ("Unanswered", "Sans réponse"),
    "key.flows": ("Flows", "Flux"),
    "key.results": ("Results", "Résultats"),
    "key.jump": ("Jump", "Aller à"),
    "key.na": ("N/A", "S.O."),
    "key.evidence": ("Evidence", "Preuve"),
    "key.comment": ("Comment", "Commentaire"),
    "key.tree": ("Tree", "Arbre"),
    "key.add": ("Add", "Ajouter"),
    "key.edit": ("Edit", "Modifier"),
    "key.report": ("Report", "Rapport"),
    "key.sign": ("Sign", "Signer"),
    "key.save": ("Save", "Enregistrer"),
    "key.cancel": ("Cancel", "Annuler"),
    "key.clients": ("Clients", "Clients"),
    "key.assessments": ("Assessments", "Évaluations"),
    # welcome
    "welcome.title": ("Welcome", "Bienvenue"),
    "welcome.line1": (
        "This tool checks how ready a firm is for Moroccan Law 09-08 and the GDPR.",
        "Cet outil mesure la préparation d'une entreprise à la loi 09-08 et au RGPD.",
    ),
    "welcome.line2": (
        "Answer a questionnaire, map your data flows, and see a score with the law behind it.",
        "Répondez au questionnaire, décrivez vos flux et obtenez un score justifié par la loi.",
    ),
    "welcome.line3": (
        "Everything is saved as you type, in a workspace on this computer.",
        "Tout est enregistré à la frappe, dans un espace de travail sur cet ordinateur.",
    ),
    "welcome.sample": ("Create a sample client", "Créer un client d'exemple"),
    "welcome.empty": ("Start empty", "Commencer à vide"),
    # workspace
    "ws.loading": ("Opening the workspace…", "Ouverture de l'espace de travail…"),
    "ws.where": ("Workspace: {where}", "Espace de travail : {where}"),
    "ws.no_clients": (
        "No clients yet: press n to create one.",
        "Aucun client : appuyez sur n pour en créer un.",
    ),
    "ws.no_assessments": (
        "No assessment for this client: press s to start one.",
        "Aucune évaluation pour ce client : appuyez sur s pour en démarrer une.",
    ),
    "col.client": ("Client", "Client"),
    "col.count": ("#", "#"),
    "col.id": ("#", "#"),
    "col.questionnaire": ("Questionnaire", "Questionnaire"),
    "col.cycle": ("Cycle", "Cycle"),
    "col.progress": ("Done", "Fait"),
    "col.score": ("Score", "Score"),
    "col.rating": ("Rating", "Niveau"),
    "col.status": ("Status", "Statut"),
    "col.flow": ("Flow", "Flux"),
    "col.route": ("Route", "Trajet"),
    "col.mechanism": ("GDPR tool", "Outil RGPD"),
    "col.basis": ("Law 09-08 basis", "Base loi 09-08"),
    "ask.client_name": ("Name of the new client", "Nom du nouveau client"),
    "ask.rename": ("New name of the client", "Nouveau nom du client"),
    "ask.questionnaire": ("Which questionnaire?", "Quel questionnaire ?"),
    "ask.delete_client": (
        "Delete client {name} and all of its assessments? This cannot be undone.",
        "Supprimer le client {name} et toutes ses évaluations ? C'est irréversible.",
    ),
    "ask.import_path": ("File to import", "Fichier à importer"),
    "ask.export_path": ("File to write", "Fichier à écrire"),
    "ask.encrypt": (
        "Passphrase to encrypt the file (leave empty for a plain file)",
        "Phrase secrète pour chiffrer (vide pour un fichier en clair)",
    ),
    "ask.passphrase": ("Passphrase of the encrypted file", "Phrase secrète du fichier chiffré"),
    "ask.evidence": ("Evidence file (it will be hashed)", "Fichier de preuve (il sera haché)"),
    "ask.delete_flow": ("Delete flow {name}?", "Supprimer le flux {name} ?"),
    "ask.report_path": (
        "Report file (.html, .md or .pdf)",
        "Fichier du rapport (.html, .md, .pdf)",
    ),
    "yes": ("Yes", "Oui"),
    "no": ("No", "Non"),
    "ok": ("OK", "OK"),
    "done.created": ("Client {name} created", "Client {name} créé"),
    "done.started": ("Assessment {id} started", "Évaluation {id} démarrée"),
    "done.duplicated": ("Assessment {id}: new cycle", "Évaluation {id} : nouveau cycle"),
    "done.renamed": ("Client renamed", "Client renommé"),
    "done.deleted": ("Client deleted", "Client supprimé"),
    "done.imported": ("Imported as assessment {id}", "Importé comme évaluation {id}"),
    "done.exported": ("Written to {path}", "Écrit dans {path}"),
    "done.sample": ("Sample client {name} created", "Client d'exemple {name} créé"),
    "need.client": ("Select a client first", "Choisissez d'abord un client"),
    "need.assessment": ("Select an assessment first", "Choisissez d'abord une évaluation"),
    "error": ("Error", "Erreur"),
    # assessment
    "as.profile": ("Profile", "Profil"),
    "as.saved": ("✓ saved", "✓ enregistré"),
    "as.unsaved": ("· not answered", "· sans réponse"),
    "as.saving_failed": ("✗ not saved", "✗ non enregistré"),
    "as.help": ("Help", "Aide"),
    "as.refs": ("Legal references", "Références juridiques"),
    "as.crosswalk": ("Crosswalk", "Correspondance"),
    "as.comment": ("Comment", "Commentaire"),
    "as.evidence": ("Evidence", "Preuves"),
    "as.no_evidence": ("no file attached", "aucun fichier joint"),
    "as.na": ("Not applicable", "Sans objet"),
    "as.answer_first": (
        "Answer the question before attaching evidence",
        "Répondez avant de joindre une preuve",
    ),
    "as.na_not_allowed": (
        "N/A is not allowed for this question",
        "« Sans objet » n'est pas permis pour cette question",
    ),
    "as.all_answered": (
        "Every question that applies is answered",
        "Toutes les questions ont une réponse",
    ),
    "as.question_of": ("Question {n} of {total}", "Question {n} sur {total}"),
    "as.hidden": (
        "This question no longer applies after your last answer.",
        "Cette question ne s'applique plus après votre dernière réponse.",
    ),
    "as.number_hint": ("a number", "un nombre"),
    "as.date_hint": ("a date YYYY-MM-DD", "une date AAAA-MM-JJ"),
    "as.text_hint": ("your answer", "votre réponse"),
    "as.country_hint": (
        "country code, e.g. MA (several: MA, FR)",
        "code pays, p. ex. MA (plusieurs : MA, FR)",
    ),
    "as.invalid": ("✗ {problem}", "✗ {problem}"),
    "as.score": ("Score {score}", "Score {score}"),
    "as.coverage": ("{coverage}% answered", "{coverage} % répondu"),
    "as.scoring": ("Scoring…", "Calcul…"),
    # flows
    "fl.title": ("Data flows", "Flux de données"),
    "fl.none": (
        "No flows yet: press a to add one.",
        "Aucun flux : appuyez sur a pour en ajouter un.",
    ),
    "fl.form": ("Data flow", "Flux de données"),
    "fl.id": ("Id", "Identifiant"),
    "fl.name": ("Name", "Nom"),
    "fl.purpose": ("Purpose", "Finalité"),
    "fl.exporter": ("Exporter", "Exportateur"),
    "fl.importer": ("Importer", "Importateur"),
    "fl.country": ("Country", "Pays"),
    "fl.role": ("GDPR role", "Rôle RGPD"),
    "fl.mechanism": ("GDPR transfer tool", "Outil de transfert RGPD"),
    "fl.basis": ("Law 09-08 basis (Art. 43/44)", "Base loi 09-08 (art. 43/44)"),
    "fl.onward": ("Onward flows", "Flux ultérieurs"),
    "fl.contract": ("Contract", "Contrat"),
    "fl.dpa": ("Art. 28 contract signed", "Contrat art. 28 signé"),
    "fl.scc": ("SCCs signed", "CCT signées"),
    "fl.tia": ("Transfer impact assessment done", "Analyse d'impact des transferts faite"),
    "fl.search": ("type to search countries", "tapez pour chercher un pays"),
    "fl.unknown": ("(unknown)", "(inconnu)"),
    "fl.need": ("Give an id, a name and both countries", "Donnez un id, un nom et les deux pays"),
    "fl.added": ("Flow {name} saved", "Flux {name} enregistré"),
    "fl.deleted": ("Flow deleted", "Flux supprimé"),
    # results
    "rs.title": ("Results", "Résultats"),
    "rs.overall": ("Overall", "Global"),
    "rs.coverage": ("Coverage", "Couverture"),
    "rs.incomplete": ("incomplete", "incomplet"),
    "rs.capped": ("rating capped by {ids}", "niveau plafonné par {ids}"),
    "rs.domains": ("Domains", "Domaines"),
    "rs.flows": ("Flows", "Flux"),
    "rs.plan": ("Remediation plan", "Plan de remédiation"),
    "rs.no_flows": ("No data flows recorded.", "Aucun flux enregistré."),
    "rs.no_plan": ("Nothing to remediate.", "Rien à corriger."),
    "rs.impact": ("+{impact} pts", "+{impact} pts"),
    "rs.critical": ("critical", "critique"),
    "rs.not_scored": ("not scored", "non noté"),
    "ask.sign_key": (
        "Private key file to sign with (made by 'compliance keys generate')",
        "Fichier de clé privée pour signer (créé par « compliance keys generate »)",
    ),
    "ask.sign_passphrase": ("Passphrase of the key", "Phrase secrète de la clé"),
    "ask.sign_path": (
        "Where to write the signed bundle (.zip)",
        "Où écrire le paquet signé (.zip)",
    ),
    "rs.sign_kind": ("Give a path ending in .zip", "Donnez un chemin finissant par .zip"),
    "rs.no_file": ("No such file", "Fichier introuvable"),
    "rs.signing": ("Signing…", "Signature en cours…"),
    "rs.signed": (
        "Signed bundle written to {path} (key {key_id})",
        "Paquet signé écrit dans {path} (clé {key_id})",
    ),
    "rs.coming_report": (
        "Reports come with the [report] module",
        "Les rapports arrivent avec le module [report]",
    ),
    "rs.report_written": ("Report written to {path}", "Rapport écrit dans {path}"),
    "rs.report_kind": (
        "Give a path ending in .html, .md or .pdf",
        "Donnez un chemin finissant par .html, .md ou .pdf",
    ),
    # status words (never colour alone)
    "st.ready": ("✓ ready", "✓ prêt"),
    "st.conditional": ("~ conditional", "~ sous conditions"),
    "st.not_ready": ("✗ not ready", "✗ pas prêt"),
    "st.blocked": ("⛔ blocked", "⛔ bloqué"),
    # help
    "help.title": ("Keys", "Touches"),
    "help.global": ("Everywhere", "Partout"),
    "help.screen": ("On this screen", "Sur cet écran"),
    "help.close": ("Press Escape to close.", "Échap pour fermer."),
    "help.palette": (
        "Command palette: jump to a question or control",
        "Palette : aller à une question ou un contrôle",
    ),
}


def tr(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (French for ``fr``, English otherwise), formatted."""
    en, fr = STRINGS[key]
    text = fr if lang == "fr" else en
    return text.format(**values) if values else text
