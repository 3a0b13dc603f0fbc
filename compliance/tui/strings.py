"""Provides the catalogue of UI strings in English and French, and :func:`tr` to look them up.

Every word the interface shows (titles, buttons, bindings, notices) comes from here; questionnaire
text comes from the questionnaire itself. A key missing from the catalogue is a bug, so it raises.
French entries are typeset on the way out (:func:`compliance.typography.french`: a no-break space
before ``: ; ! ? %``, « quotes »), before their values are put in, so an entry may be written with
an ordinary space and a value a user typed is never touched.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from compliance.typography import french

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
    "key.delete": ("Delete", "Supprimer"),
    "audit.title_client": ("Audit log of {name}", "Journal d'audit de {name}"),
    "audit.title_all": ("Audit log of every client", "Journal d'audit de tous les clients"),
    "audit.when": ("When (UTC)", "Quand (UTC)"),
    "audit.who": ("Who", "Qui"),
    "audit.what": ("What", "Quoi"),
    "audit.change": ("Old → new", "Avant → après"),
    "audit.loading": ("Reading the audit log…", "Lecture du journal d'audit…"),
    "audit.none": ("No audit entries.", "Aucune entrée d'audit."),
    "audit.count": ("{count} entries, newest first", "{count} entrées, les plus récentes d'abord"),
    "audit.keys": (
        "t: this client / every client · Escape: back",
        "t : ce client / tous les clients · Échap : retour",
    ),
    # steps of long work (the line above the footer)
    "work.loading": ("Loading the program", "Chargement du programme"),
    "work.reading_assessment": ("Reading the assessment", "Lecture de l'évaluation"),
    "work.questionnaires": (
        "Reading the installed questionnaires",
        "Lecture des questionnaires installés",
    ),
    "work.opening_store": ("Opening the workspace", "Ouverture de l'espace de travail"),
    "work.reading_file": (
        "Reading and checking {name} (decrypting it takes a few seconds)",
        "Lecture et contrôle de {name} (le déchiffrement prend quelques secondes)",
    ),
    "work.hashing": ("Hashing {name} (SHA-256)", "Calcul de l'empreinte de {name} (SHA-256)"),
    "work.packing": ("Writing the answer pack {name}", "Écriture du dossier de réponses {name}"),
    "work.unpacking": (
        "Reading the answer pack {name} back",
        "Relecture du dossier de réponses {name}",
    ),
    "work.saving": ("Saving to the workspace", "Enregistrement dans l'espace de travail"),
    "work.scoring": ("Scoring", "Calcul du score"),
    "work.scoring_n": (
        "Scoring assessment {n} of {count}",
        "Score de l'évaluation {n} sur {count}",
    ),
    "work.exporting": ("Reading the assessment from the store", "Lecture de l'évaluation"),
    "work.encrypting": (
        "Encrypting (deriving the key takes a few seconds)",
        "Chiffrement (la dérivation de la clé prend quelques secondes)",
    ),
    "work.writing": ("Writing {name}", "Écriture de {name}"),
    "work.rendering": ("Rendering the {fmt} report", "Mise en forme du rapport {fmt}"),
    "work.unlocking_key": (
        "Unlocking the signing key (a few seconds)",
        "Déverrouillage de la clé de signature (quelques secondes)",
    ),
    "work.signing": (
        "Signing, then verifying the bundle",
        "Signature, puis vérification du paquet",
    ),
    "ask.review_folder": (
        "Folder of signed bundles to review",
        "Dossier de paquets signés à examiner",
    ),
    "key.next": ("Next", "Suivante"),
    "key.previous": ("Previous", "Précédente"),
    "key.unanswered": ("Unanswered", "Sans réponse"),
    "key.flows": ("Flows", "Flux"),
    "key.results": ("Results", "Résultats"),
    "key.refresh": ("Refresh", "Actualiser"),
    "key.jump": ("Jump", "Aller à"),
    "key.na": ("N/A", "S.O."),
    "key.evidence": ("Evidence", "Preuve"),
    "key.comment": ("Comment", "Commentaire"),
    "key.pack": ("Answer pack", "Dossier de réponses"),
    "key.unpack": ("Read an answer pack back", "Relire un dossier de réponses"),
    "key.tree": ("Tree", "Arbre"),
    "key.add": ("Add", "Ajouter"),
    "key.edit": ("Edit", "Modifier"),
    "key.report": ("Report", "Rapport"),
    "key.sign": ("Sign", "Signer"),
    "key.save": ("Save", "Enregistrer"),
    "key.cancel": ("Cancel", "Annuler"),
    "key.clients": ("Clients", "Clients"),
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
    "ws.cannot_score": ("cannot be scored: {reason}", "ne peut pas être noté : {reason}"),
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
    "label.older_version": ("; an older version", " ; version antérieure"),
    "ask.delete_client": (
        "Delete client {name} and all of its assessments? This cannot be undone. "
        "Type the client's name to confirm.",
        "Supprimer le client {name} et toutes ses évaluations ? C'est irréversible. "
        "Tapez le nom du client pour confirmer.",
    ),
    "ask.export_path": ("File to write", "Fichier à écrire"),
    "ask.passphrase": ("Passphrase of the encrypted file", "Phrase secrète du fichier chiffré"),
    "ask.unpack": (
        "Answer pack to read back (.xlsx)",
        "Dossier de réponses à relire (.xlsx)",
    ),
    "pk.title": (
        "Answer pack: the domains to ask about",
        "Dossier de réponses : les domaines à poser",
    ),
    "pk.language": ("Language of the pack", "Langue du dossier"),
    "pk.output": ("File to write", "Fichier à écrire"),
    "pk.write": ("Write", "Écrire"),
    "pk.cancel": ("Cancel", "Annuler"),
    "pk.no_domain": ("Tick at least one domain.", "Cochez au moins un domaine."),
    "pk.no_output": ("Give the file to write.", "Indiquez le fichier à écrire."),
    "pk.written": (
        "Wrote {path}: {questions} questions ({answered} answered) in {sheets} sheet(s).",
        "{path} écrit : {questions} questions ({answered} répondues), {sheets} feuille(s).",
    ),
    "pk.read": (
        "Read {path}: {saved} saved, {conflicts} conflict(s), {unchanged} unchanged.",
        "{path} relu : {saved} enregistrées, {conflicts} conflit(s), {unchanged} inchangées.",
    ),
    "pk.conflict": (
        "{cell}: {question} was changed in the workspace since the pack was made; "
        "the workspace's answer was kept",
        "{cell} : {question} a été modifiée dans l'espace de travail depuis la création du "
        "dossier ; la réponse de l'espace de travail est conservée",
    ),
    "pk.problems": (
        "{path} has problems; nothing was changed:",
        "{path} contient des problèmes ; rien n'a été modifié :",
    ),
    "pk.apply_valid": (
        "Apply the valid rows anyway (the rows with a problem are skipped)?",
        "Appliquer quand même les lignes valides (celles en erreur sont ignorées) ?",
    ),
    "pk.skipped": ("{problem} (skipped)", "{problem} (ignorée)"),
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
    "done.migrated": (
        "Assessment {id}: new cycle on version {version}; {carried} answers carried, {kept} kept "
        "in comments to answer again, {lost} to re-enter; score {before} → {after}",
        "Évaluation {id} : nouveau cycle sur la version {version} ; {carried} réponses reprises, "
        "{kept} conservées en commentaire à ressaisir, {lost} à saisir à nouveau ; score "
        "{before} → {after}",
    ),
    "cycle.on_version": (
        "{name} {version}: carry the answers over, changes listed",
        "{name} {version} : reprendre les réponses, modifications listées",
    ),
    "cycle.same_version": (
        "{name} {version}: a copy on the same version",
        "{name} {version} : une copie sur la même version",
    ),
    "done.renamed": ("Client renamed", "Client renommé"),
    "done.deleted": ("Client deleted", "Client supprimé"),
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
    "as.comment_unsaved": (
        "✗ comment not saved: retrying",
        "✗ commentaire non enregistré : nouvel essai",
    ),
    "as.answered_by": ("Answered by {who} at {when} UTC", "Répondu par {who} le {when} UTC"),
    "as.saving": ("… saving", "… enregistrement"),
    "as.not_answering": (
        "✗ the workspace is not answering: saving waits",
        "✗ l'espace de travail ne répond pas : l'enregistrement attend",
    ),
    "as.refreshed": ("Changes by others shown", "Modifications des autres affichées"),
    "as.conflict_kept": ("Their version kept", "Leur version conservée"),
    "cf.changed": (
        "{what} was changed by {who} at {when} UTC after you read it.",
        "{what} a été modifié par {who} le {when} UTC après votre lecture.",
    ),
    "cf.theirs": ("Theirs", "Leur version"),
    "cf.mine": ("Yours", "Votre version"),
    "cf.keep_theirs": ("Keep theirs", "Garder la leur"),
    "cf.use_mine": ("Use mine", "Utiliser la mienne"),
    "as.help": ("Help", "Aide"),
    "as.refs": ("Legal references", "Références juridiques"),
    "as.crosswalk": ("Crosswalk", "Correspondance"),
    "as.comment": ("Comment", "Commentaire"),
    "as.evidence": ("Evidence", "Preuves"),
    "as.no_evidence": ("no file attached", "aucun fichier joint"),
    "as.na": ("Not applicable", "Sans objet"),
    "as.profile_no_evidence": (
        "Profile answers describe the firm and take no evidence; attach files to the questions of"
        " the domains",
        "Les réponses du profil décrivent l'entreprise et ne reçoivent pas de preuve ; joignez les"
        " fichiers aux questions des domaines",
    ),
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
    "as.date_hint": (
        "a date: DD/MM/YYYY or YYYY-MM-DD",
        "une date : JJ/MM/AAAA ou AAAA-MM-JJ",
    ),
    "as.text_hint": ("your answer", "votre réponse"),
    "as.country_hint": (
        "country code, e.g. MA (several: MA, FR)",
        "code pays, p. ex. MA (plusieurs : MA, FR)",
    ),
    # several countries (the country-set picker)
    "cs.chosen": ("Chosen ({count}): ", "Choisis ({count}) : "),
    "cs.none": ("No country chosen", "Aucun pays choisi"),
    "cs.clear": ("Clear all", "Tout retirer"),
    "cs.keys": (
        "↓ list · Enter/Space tick or untick · Del remove · Ctrl+L clear all",
        "↓ liste · Entrée/Espace cocher ou décocher · Suppr retirer · Ctrl+L tout retirer",
    ),
    "as.invalid": ("✗ {problem}", "✗ {problem}"),
    # tui-answer: typed answers that cannot be saved stay, with why (issue 16)
    "as.bad_date": (
        '"{text}" is not a date: write it DD/MM/YYYY (12/03/2024) or YYYY-MM-DD (2024-03-12)',
        "« {text} » n'est pas une date : écrivez-la JJ/MM/AAAA (12/03/2024) ou AAAA-MM-JJ"
        " (2024-03-12)",
    ),
    "as.fix_first": (
        "Not saved: fix the value, or press Escape to put back the saved one",
        "Non enregistré : corrigez la valeur, ou Échap pour remettre celle enregistrée",
    ),
    "as.draft_kept": (
        '{id}: "{text}" is not saved ({why}); it stays in its field, marked ✗, until you fix it'
        " or press Escape there",
        "{id} : « {text} » n'est pas enregistré ({why}) ; la saisie reste dans son champ, marquée"
        " ✗, jusqu'à ce que vous la corrigiez ou appuyiez sur Échap",
    ),
    "as.profile_count": (
        "Profile question {n} of {total}",
        "Question de profil {n} sur {total}",
    ),
    "as.question_count": (
        "Question {n} of {total}, {applicable} apply to you",
        "Question {n} sur {total}, {applicable} vous concernent",
    ),
    "as.wrapped": (
        "Past the last question: searched from the start ({id})",
        "Après la dernière question : recherche reprise du début ({id})",
    ),
    "as.revealed": (
        "Your answer brings {count} more question(s) into play; Ctrl+N reaches them",
        "Votre réponse ajoute {count} question(s) ; Ctrl+N y mène",
    ),
    "as.revealed_earlier": (
        "Some come before this one: {ids}.",
        "Certaines viennent avant celle-ci : {ids}.",
    ),
    "as.restored": ("↺ saved value restored", "↺ valeur enregistrée rétablie"),
    "as.quit_drafts": (
        "These typed answers are not saved: {ids}. Quit and lose them?",
        "Ces réponses saisies ne sont pas enregistrées : {ids}. Quitter et les perdre ?",
    ),
    "as.leave_drafts": (
        "These typed answers are not saved: {ids}. Leave and lose them?",
        "Ces réponses saisies ne sont pas enregistrées : {ids}. Partir et les perdre ?",
    ),
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
    # transfer tools and bases the reference data does not title (see flow_form.plain_label)
    "fl.plain.adequacy": ("Adequacy decision (Art. 45)", "Décision d'adéquation (art. 45)"),
    "fl.plain.bcr": (
        "Binding corporate rules (Art. 47)",
        "Règles d'entreprise contraignantes (art. 47)",
    ),
    "fl.plain.none": ("None", "Aucun"),
    "fl.plain.listed_country": (
        "Country on the CNDP list (Art. 43)",
        "Pays de la liste CNDP (art. 43)",
    ),
    "fl.contract": ("Contract", "Contrat"),
    "fl.dpa": ("Art. 28 contract signed", "Contrat art. 28 signé"),
    "fl.scc": ("SCCs signed", "CCT signées"),
    "fl.tia": ("Transfer impact assessment done", "Analyse d'impact des transferts faite"),
    "fl.search": ("type to search countries", "tapez pour chercher un pays"),
    "fl.unknown": ("(unknown)", "(inconnu)"),
    "fl.need": ("Give an id, a name and both countries", "Donnez un id, un nom et les deux pays"),
    "fl.added": ("Flow {name} saved", "Flux {name} enregistré"),
    "fl.deleted": ("Flow deleted", "Flux supprimé"),
    # the flow form: every field the transfer rules read
    "fl.hint": (
        "Ticks: ? not known yet · ✓ yes · blank no (Space). Dates YYYY-MM-DD. "
        "Ctrl+S save · Esc cancel",
        "Cases : ? pas encore connu · ✓ oui · vide non (Espace). Dates AAAA-MM-JJ. "
        "Ctrl+S enregistrer · Échap annuler",
    ),
    "fl.gdpr_role.controller": ("controller", "responsable du traitement"),
    "fl.gdpr_role.joint_controller": ("joint controller", "responsable conjoint"),
    "fl.gdpr_role.processor": ("processor", "sous-traitant"),
    "fl.gdpr_role.sub_processor": ("sub-processor", "sous-traitant ultérieur"),
    "fl.ma_role": ("Law 09-08 role", "Rôle loi 09-08"),
    "fl.ma_role.controller": ("controller", "responsable du traitement"),
    "fl.ma_role.processor": ("processor", "sous-traitant"),
    "fl.ma_role.representative": ("representative", "représentant"),
    "fl.dpf": (
        "Certified under the EU-US Data Privacy Framework",
        "Certifié au titre du cadre UE-États-Unis (DPF)",
    ),
    "fl.commercial": (
        "A commercial organisation (Canada's adequacy)",
        "Organisation commerciale (adéquation du Canada)",
    ),
    "fl.data": ("Data", "Données"),
    "fl.special": ("Special categories", "Catégories particulières"),
    "fl.sc.health": ("health", "santé"),
    "fl.sc.genetic": ("genetic data", "données génétiques"),
    "fl.sc.biometric": ("biometric data", "données biométriques"),
    "fl.sc.racial_ethnic": ("racial or ethnic origin", "origine raciale ou ethnique"),
    "fl.sc.political": ("political opinions", "opinions politiques"),
    "fl.sc.religious": (
        "religious or philosophical beliefs",
        "convictions religieuses ou philosophiques",
    ),
    "fl.sc.union": ("trade-union membership", "appartenance syndicale"),
    "fl.sc.sex_life": ("sex life or sexual orientation", "vie sexuelle ou orientation sexuelle"),
    "fl.national_id": (
        "National ID numbers (CIN/CNIE or foreign ID numbers)",
        "Numéros d'identité nationale (CIN/CNIE ou étrangers)",
    ),
    "fl.criminal": (
        "Criminal data (offences, convictions, security measures)",
        "Données pénales (infractions, condamnations, mesures de sûreté)",
    ),
    "fl.frequency": ("Frequency", "Fréquence"),
    "fl.freq.one_off": ("one-off", "ponctuel"),
    "fl.freq.periodic": ("periodic", "périodique"),
    "fl.freq.continuous": ("continuous", "continu"),
    "fl.subjects": ("Data subjects (number)", "Personnes concernées (nombre)"),
    "fl.optional": ("optional", "facultatif"),
    "fl.subprocessors": (
        "Sub-processor authorised by the controller",
        "Sous-traitant ultérieur autorisé par le responsable",
    ),
    "fl.tia_section": ("Transfer impact assessment", "Analyse d'impact des transferts"),
    "fl.tia_date": ("Date of the TIA", "Date de l'analyse"),
    "fl.conclusion": ("Conclusion", "Conclusion"),
    "fl.concl.acceptable": ("acceptable", "acceptable"),
    "fl.concl.measures_needed": (
        "acceptable with supplementary measures",
        "acceptable avec des mesures supplémentaires",
    ),
    "fl.concl.not_acceptable": ("not acceptable", "non acceptable"),
    "fl.measures": ("Supplementary measures in place", "Mesures supplémentaires en place"),
    "fl.planned": ("Supplementary measures planned", "Mesures supplémentaires prévues"),
    "fl.m.encryption_in_transit": ("encryption in transit", "chiffrement en transit"),
    "fl.m.encryption_at_rest": ("encryption at rest", "chiffrement au repos"),
    "fl.m.exporter_held_keys": ("keys held by the exporter", "clés détenues par l'exportateur"),
    "fl.m.pseudonymisation": (
        "pseudonymisation before transfer",
        "pseudonymisation avant transfert",
    ),
    "fl.m.data_minimisation": ("data minimisation", "minimisation des données"),
    "fl.m.access_logging": ("access logging", "journalisation des accès"),
    "fl.m.mfa": ("multi-factor authentication", "authentification multifacteur"),
    "fl.m.no_download_access": (
        "access without download (e.g. virtual desktop)",
        "accès sans téléchargement (p. ex. poste virtuel)",
    ),
    "fl.m.split_processing": ("split processing", "traitement fractionné"),
    "fl.m.transparency_reporting": ("transparency reporting", "rapports de transparence"),
    "fl.cndp": ("CNDP formalities (Law 09-08)", "Formalités CNDP (loi 09-08)"),
    "fl.cndp_hint": (
        "References as the CNDP gave them; type 'none' if there is none. The processing needs a "
        "declaration or an authorisation, and the authorisation for sensitive data, national ID "
        "numbers or criminal data. Data leaving Morocco goes through the CNDP's transfer request, "
        "form F118.",
        "Références telles que la CNDP les a données ; tapez « none » s'il n'y en a pas. Le "
        "traitement exige une déclaration ou une autorisation, et l'autorisation pour les données "
        "sensibles, les numéros d'identité nationale ou les données pénales. Les données qui "
        "quittent le Maroc passent par la demande de transfert de la CNDP, formulaire F118.",
    ),
    "fl.receipt": ("Declaration receipt", "Récépissé de déclaration"),
    "fl.authorisation": ("Processing authorisation", "Autorisation du traitement"),
    "fl.f118_status": ("Transfer request (F118)", "Demande de transfert (F118)"),
    "fl.f118.not_filed": ("not filed", "non déposée"),
    "fl.f118.filed": ("filed, no decision", "déposée, sans décision"),
    "fl.f118.granted": ("granted", "accordée"),
    "fl.f118.refused": ("refused", "refusée"),
    "fl.f118_filed": ("Filed on", "Déposée le"),
    "fl.f118_decided": ("Decided on", "Décidée le"),
    "fl.f118_reference": ("F118 reference", "Référence F118"),
    "fl.first_transfer": ("First transfer date", "Date du 1er transfert"),
    "fl.need_party": (
        "Give the name and the country of the {party}",
        "Donnez le nom et le pays de l'{party}",
    ),
    "fl.ref_hint": ("number, or 'none'", "numéro, ou « none »"),
    "fl.bad_date": (
        "{field}: give a date as DD/MM/YYYY or YYYY-MM-DD",
        "{field} : donnez une date JJ/MM/AAAA ou AAAA-MM-JJ",
    ),
    "fl.bad_count": (
        "{field}: give a whole number from 0 to 10,000,000,000",
        "{field} : donnez un nombre entier de 0 à 10 000 000 000",
    ),
    # results
    "rs.title": ("Results", "Résultats"),
    # results (tui-results: issue 16 point 2)
    "rs.overall": ("Overall", "Score global"),
    "rs.answered": ("{percent} answered", "{percent} de réponses"),
    "rs.provisional": ("provisional rating", "niveau provisoire"),
    "rs.finish_hint": (
        "In the assessment, Ctrl+N goes to the next unanswered question.",
        "Dans l'évaluation, Ctrl+N va à la prochaine question sans réponse.",
    ),
    "rs.domains": ("Domains", "Domaines"),
    "rs.col.domain": ("Domain", "Domaine"),
    "rs.col.score": ("Score /100", "Score /100"),
    "rs.col.answered": ("Answered", "Réponses"),
    "rs.col.band": ("Band", "Niveau"),
    "rs.band_from": ("{band} from {min}", "{band} dès {min}"),
    "rs.band_below": ("{band} below {min}", "{band} sous {min}"),
    "rs.not_started": ("not started", "pas commencé"),
    "rs.not_applicable": ("does not apply", "sans objet"),
    "rs.domains_note": (
        "An unanswered question counts as 0 in its domain's score.",
        "Une question sans réponse compte pour 0 dans le score de son domaine.",
    ),
    "rs.flows": ("Data flows", "Flux de données"),
    "rs.no_flows": ("No data flows recorded.", "Aucun flux enregistré."),
    "rs.no_plan": ("Nothing to remediate.", "Rien à corriger."),
    "rs.col.points": ("Points", "Points"),
    "rs.col.action": ("Control, and what to do", "Contrôle, et que faire"),
    "rs.legend": ("Legal texts cited", "Textes cités"),
    "ask.sign_path": (
        "Where to write the signed bundle (.zip)",
        "Où écrire le paquet signé (.zip)",
    ),
    "rs.sign_kind": ("Give a path ending in .zip", "Donnez un chemin finissant par .zip"),
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
    # review (the regulator's inbox of signed bundles)
    "rv.col.verdict": ("Verdict", "Verdict"),
    "rv.col.organisation": ("Organisation", "Organisation"),
    "rv.col.signer": ("Signer", "Signataire"),
    "rv.col.date": ("Date", "Date"),
    "rv.col.questionnaire": ("Questionnaire", "Questionnaire"),
    "rv.col.score": ("Score", "Score"),
    "rv.col.rating": ("Rating", "Niveau"),
    "rv.col.flows_at_risk": ("Flows at risk", "Flux à risque"),
    "rv.col.flags": ("Flags", "Alertes"),
    "rv.col.decision": ("Decision", "Décision"),
    "rv.col.file": ("File", "Fichier"),
    "rv.key.open_folder": ("Open folder", "Ouvrir"),
    "rv.key.sort": ("Sort", "Trier"),
    "rv.key.filter": ("Filter", "Filtrer"),
    "rv.key.compare": ("Compare", "Comparer"),
    "rv.key.decide": ("Decide", "Décider"),
    "rv.key.open_html": ("Open HTML in browser", "Ouvrir le HTML dans le navigateur"),
    "rv.key.reload_trust": ("Re-verify", "Revérifier"),
    "rv.unverified": (" (unverified)", " (non vérifié)"),
    "rv.unknown_key": ("unknown key {id}", "clé inconnue {id}"),
    "rv.sort.verdict": ("verdict", "verdict"),
    "rv.sort.rating": ("rating", "niveau"),
    "rv.sort.organisation": ("organisation", "organisation"),
    "rv.sort.date": ("date", "date"),
    "rv.decision.accepted": ("Accepted", "Acceptée"),
    "rv.decision.revision_requested": ("Revision requested", "Révision demandée"),
    "rv.decision.rejected": ("Rejected", "Rejetée"),
    "rv.idle": ("Open a folder of signed bundles (o).", "Ouvrez un dossier de paquets signés (o)."),
    "rv.filter_hint": (
        "Filter: invalid, flagged, at-risk, rating=ID, a name...",
        "Filtre : invalide, signalé, à-risque, niveau=ID, un nom…",
    ),
    "rv.loading": ("Verifying the bundles of {folder}...", "Vérification des paquets de {folder}…"),
    "rv.progress": (
        "Verifying {done}/{total} bundles...",
        "Vérification de {done}/{total} paquets…",
    ),
    "rv.summary": (
        "bundles: {count}, invalid: {invalid}; shown: {shown}, sorted by {sort}",
        "paquets : {count}, invalides : {invalid} ; affichés : {shown}, tri : {sort}",
    ),
    "rv.summary_marked": ("; marked {name}", " ; marqué : {name}"),
    "rv.marked": (
        "Marked {name}; press c on another row to compare.",
        "{name} marqué ; appuyez sur c sur une autre ligne pour comparer.",
    ),
    "rv.recorded": (
        "Recorded {status} for {name}.",
        "Décision « {status} » enregistrée pour {name}.",
    ),
    "rv.folder": ("Folder of signed bundles to review:", "Dossier de paquets signés à examiner :"),
    "rv.decide_on": ("Decision on {about}", "Décision sur {about}"),
    "rv.status": ("Status", "Statut"),
    "rv.comment": ("Comment (why)", "Commentaire (motif)"),
    "rv.record": ("Record decision", "Enregistrer la décision"),
    "rv.need_status": ("Choose a status.", "Choisissez un statut."),
    "rv.need_comment": (
        "Write a comment: the organisation will read it.",
        "Écrivez un commentaire : l'organisme le lira.",
    ),
    "rv.verifying_one": ("{name} - verifying...", "{name} - vérification…"),
    "rv.head_report": (
        " - {organisation} - report {report_id}",
        " - {organisation} - rapport {report_id}",
    ),
    "rv.verification": ("Verification", "Vérification"),
    "rv.results": ("Results", "Résultats"),
    "rv.report": ("Report", "Rapport"),
    "rv.overall": (
        "Overall score {score} - rating {rating} - coverage {coverage} %",
        "Score global {score} - niveau {rating} - couverture {coverage} %",
    ),
    "rv.provisional": (" (provisional)", " (provisoire)"),
    "rv.domain": (
        "  domain {id}: {score} (coverage {coverage} %)",
        "  domaine {id} : {score} (couverture {coverage} %)",
    ),
    "rv.flow": (
        "  flow {id} ({name}): {status}, score {score}",
        "  flux {id} ({name}) : {status}, score {score}",
    ),
    "rv.html_unverified": (
        "Only the report of a bundle that verified can be opened.",
        "Seul le rapport d'un paquet vérifié peut être ouvert.",
    ),
    "rv.html_opened": (
        "Opened the verified HTML report in the browser.",
        "Rapport HTML vérifié ouvert dans le navigateur.",
    ),
    "rv.comparing": ("Comparing...", "Comparaison…"),
    "rv.cannot_compare": ("Cannot compare", "Comparaison impossible"),
    "rv.not_verified": (
        "{name} did not verify ({reason})",
        "{name} n'a pas été vérifié ({reason})",
    ),
    "rv.cmp_org": ("Organisation {id}: {organisation}", "Organisation {id} : {organisation}"),
    "rv.cmp_before": (
        "  before: report {report_id}, issued {issued_at}, score {score} ({rating})",
        "  avant : rapport {report_id}, émis le {issued_at}, score {score} ({rating})",
    ),
    "rv.cmp_after": (
        "  after:  report {report_id}, issued {issued_at}, score {score} ({rating})",
        "  après : rapport {report_id}, émis le {issued_at}, score {score} ({rating})",
    ),
    "rv.cmp_flags": ("  FLAGS: {flags}", "  ALERTES : {flags}"),
    "rv.cmp_ratings": ("Ratings", "Niveaux"),
    "rv.cmp_scores": ("Scores", "Scores"),
    "rv.cmp_flows": ("Flows", "Flux"),
    "rv.cmp_answers": ("Answers", "Réponses"),
    "rv.cmp_changed": ("{title}: {count} changed", "{title} : {count} modifié(s)"),
    # status words (never colour alone)
    "st.ready": ("✓ ready", "✓ prêt"),
    "st.conditional": ("~ conditional", "~ sous conditions"),
    "st.not_ready": ("✗ not ready", "✗ pas prêt"),
    "st.blocked": ("⛔ blocked", "⛔ bloqué"),
    # help (tui-polish): F1, grouped by task, in plain words, with the signs explained
    "help.title": ("Help: keys and signs", "Aide : touches et signes"),
    "help.close": ("Esc or F1: close", "Échap ou F1 : fermer"),
    "help.more": (
        "↓ more below: ↓, PgDn or the mouse wheel",
        "↓ suite plus bas : ↓, Pg suiv ou la molette",
    ),
    "help.end": ("(end of the help)", "(fin de l'aide)"),
    "help.signs": ("What the signs mean", "Ce que signifient les signes"),
    "help.g.answer": ("Answering", "Répondre"),
    "help.g.move": ("Moving around", "Se déplacer"),
    "help.g.flows": ("Flows and results", "Flux et résultats"),
    "help.g.workspace": ("Workspace", "Espace de travail"),
    "help.g.share": ("Sharing and signing", "Partager et signer"),
    "help.g.review": ("Reviewing signed bundles", "Examiner des paquets signés"),
    "help.g.general": ("Everywhere", "Partout"),
    "help.k.space_enter": ("Space, Enter", "Espace, Entrée"),
    "help.k.space": ("Space", "Espace"),
    "help.k.arrows": ("↑ ↓", "↑ ↓"),
    "help.k.tab": ("Tab, Shift+Tab", "Tab, Maj+Tab"),
    "help.d.choose": (
        "Tick or choose the highlighted option (saved at once)",
        "Cocher ou choisir l'option en surbrillance (enregistré aussitôt)",
    ),
    "help.d.tick": (
        "Change a tick: not known yet, yes, no",
        "Changer une case : pas encore connu, oui, non",
    ),
    "help.d.pick_flow": ("Highlight a flow", "Mettre un flux en surbrillance"),
    "help.d.pick_row": (
        "Highlight a client or an assessment",
        "Mettre un client ou une évaluation en surbrillance",
    ),
    "help.d.pick_bundle": ("Highlight a bundle", "Mettre un paquet en surbrillance"),
    "help.d.tab": ("Go to the next or previous area", "Aller à la zone suivante ou précédente"),
    "help.d.palette": ("Find a command by name", "Trouver une commande par son nom"),
    "help.d.palette_questions": (
        "Find a question or a control by id or words",
        "Trouver une question ou un contrôle par identifiant ou par mots",
    ),
    "help.d.back": ("Go back to the previous screen", "Revenir à l'écran précédent"),
    "help.d.leave": ("Go back to the previous screen", "Revenir à l'écran précédent"),
    "help.d.dismiss_view": ("Close this view", "Fermer cette vue"),
    "help.d.cancel": ("Close without saving", "Fermer sans enregistrer"),
    "help.d.close": ("Close", "Fermer"),
    "help.d.next": ("Next question", "Question suivante"),
    "help.d.previous": ("Previous question", "Question précédente"),
    "help.d.next_unanswered": (
        "Next question not answered yet",
        "Prochaine question sans réponse",
    ),
    "help.d.jump": (
        "Jump to a question: type its id or words",
        "Aller à une question : tapez son identifiant ou des mots",
    ),
    "help.d.slash_jump": (
        "Jump to a question: type its id or words",
        "Aller à une question : tapez son identifiant ou des mots",
    ),
    "help.d.tree": ("Go to the list of sections", "Aller à la liste des sections"),
    "help.d.toggle_na": (
        "Mark the question not applicable, or undo it",
        "Marquer la question sans objet, ou l'annuler",
    ),
    "help.d.comment": ("Write a comment on the answer", "Écrire un commentaire sur la réponse"),
    "help.d.evidence": (
        "Attach an evidence file (its fingerprint is recorded)",
        "Joindre un fichier de preuve (son empreinte est enregistrée)",
    ),
    "help.d.flows": ("Data flows of this assessment", "Flux de données de cette évaluation"),
    "help.d.results": (
        "Results: scores, flow readiness, action plan",
        "Résultats : scores, flux, plan d'actions",
    ),
    "help.d.add": ("Add a data flow", "Ajouter un flux de données"),
    "help.d.edit": ("Edit the highlighted flow", "Modifier le flux en surbrillance"),
    "help.d.save": ("Save", "Enregistrer"),
    "help.d.delete": (
        "Delete what is highlighted (asks first)",
        "Supprimer ce qui est en surbrillance (demande d'abord)",
    ),
    "help.d.new_client": ("Add a client", "Ajouter un client"),
    "help.d.start": (
        "Start an assessment for the highlighted client",
        "Démarrer une évaluation pour le client en surbrillance",
    ),
    "help.d.open": ("Open the highlighted assessment", "Ouvrir l'évaluation en surbrillance"),
    "help.d.duplicate": (
        "New cycle: a copy of the highlighted assessment to update",
        "Nouveau cycle : une copie de l'évaluation en surbrillance, à mettre à jour",
    ),
    "help.d.rename": ("Rename the highlighted client", "Renommer le client en surbrillance"),
    "help.d.audit": (
        "Audit log: who changed what, and when",
        "Journal d'audit : qui a changé quoi, et quand",
    ),
    "help.d.import": ("Import an assessment file", "Importer un fichier d'évaluation"),
    "help.d.export": (
        "Export the highlighted assessment to a file (encrypted if you wish)",
        "Exporter l'évaluation en surbrillance dans un fichier (chiffré si vous le souhaitez)",
    ),
    "help.d.answer_pack": (
        "Write an answer pack: a workbook others fill in",
        "Écrire un dossier de réponses : un classeur que d'autres remplissent",
    ),
    "help.d.read_pack": (
        "Read a filled-in answer pack back",
        "Relire un dossier de réponses rempli",
    ),
    "help.d.report": (
        "Write the report (HTML, Markdown, PDF)",
        "Écrire le rapport (HTML, Markdown, PDF)",
    ),
    "help.d.sign": (
        "Sign the report into a bundle with your key",
        "Signer le rapport dans un paquet avec votre clé",
    ),
    "help.d.review": (
        "Review signed bundles you received",
        "Examiner des paquets signés reçus",
    ),
    "help.d.open_folder": (
        "Open a folder of signed bundles",
        "Ouvrir un dossier de paquets signés",
    ),
    "help.d.cycle_sort": ("Change the order of the list", "Changer l'ordre de la liste"),
    "help.d.focus_filter": ("Filter the list", "Filtrer la liste"),
    "help.d.compare": (
        "Mark a bundle, then compare it with another",
        "Marquer un paquet, puis le comparer à un autre",
    ),
    "help.d.decide": (
        "Record a decision with a comment",
        "Enregistrer une décision avec un commentaire",
    ),
    "help.d.open_html": ("Open the report in the browser", "Ouvrir le rapport dans le navigateur"),
    "help.d.parent": ("Go to the parent folder", "Aller au dossier parent"),
    "help.d.toggle_hidden": (
        "Show or hide hidden files",
        "Afficher ou masquer les fichiers cachés",
    ),
    "help.d.focus_path": ("Type a path", "Saisir un chemin"),
    "help.d.help": ("Show this help", "Afficher cette aide"),
    "help.d.toggle_language": ("Français / English", "English / Français"),
    "help.d.toggle_theme": ("Dark or light colours", "Couleurs sombres ou claires"),
    "help.d.quit": (
        "Quit (answers are already saved)",
        "Quitter (les réponses sont déjà enregistrées)",
    ),
    "help.d.refresh": (
        "Read the workspace again (others' changes)",
        "Relire l'espace de travail (les changements des autres)",
    ),
    "help.sg.tree": ("In the list of questions", "Dans la liste des questions"),
    "help.sg.ticks": ("Ticks in the flow form", "Cases du formulaire de flux"),
    "help.sg.rating": ("Ratings", "Niveaux"),
    "help.sg.status": ("Flow readiness", "État des flux"),
    "help.sg.plan": ("Action plan", "Plan d'actions"),
    "help.s.answered": ("answered", "répondue"),
    "help.s.unanswered": ("not answered yet", "pas encore répondue"),
    "help.s.na": ("not applicable (N/A)", "sans objet"),
    "help.s.draft": (  # tui-answer
        "typed but not saved (not valid yet): fix it, or Esc there",
        "saisie non enregistrée (pas encore valide) : corrigez-la, ou Échap",
    ),
    "help.s.blank": ("(blank)", "(vide)"),
    "help.s.tick_unknown": ("not known yet", "pas encore connu"),
    "help.s.tick_yes": ("yes", "oui"),
    "help.s.tick_no": ("no", "non"),
    "help.s.rating_top": ("the best band (ready)", "la meilleure tranche (prêt)"),
    "help.s.rating_middle": (
        "a middle band (conditional)",
        "une tranche intermédiaire (sous conditions)",
    ),
    "help.s.rating_bottom": ("the lowest band (not ready)", "la tranche la plus basse (pas prêt)"),
    "help.s.ready": ("ready: the transfer may go ahead", "prêt : le transfert peut avoir lieu"),
    "help.s.conditional": (
        "conditional: rests on pending items or unverified lists",
        "sous conditions : repose sur des éléments en attente ou des listes non vérifiées",
    ),
    "help.s.not_ready": (
        "not ready: something required is missing",
        "pas prêt : il manque un élément requis",
    ),
    "help.s.blocked": ("blocked: unlawful as things stand", "bloqué : illicite en l'état"),
    "help.s.caps": (
        "this gap caps the rating: fix it first",
        "cette lacune plafonne le niveau : à corriger d'abord",
    ),
    "help.s.critical": ("a critical control", "un contrôle critique"),
    "help.s.warning": ("a warning to read", "un avertissement à lire"),
    # tia-doc: the transfer impact assessment screen (t on a flow)
    "key.tia": ("TIA", "AITD"),
    "help.d.tia": (
        "Open the transfer impact assessment of the flow",
        "Ouvrir l'analyse d'impact du transfert du flux",
    ),
    "tia.title": ("Transfer impact assessment", "Analyse d'impact du transfert"),
    "tia.heading": ("TIA · {flow} → {country}", "AITD · {flow} → {country}"),
    "tia.step1": ("1 · The transfer", "1 · Le transfert"),
    "tia.step2": ("2 · The transfer tool", "2 · L'outil de transfert"),
    "tia.step3": ("3 · Law and practice: {country}", "3 · Droit et pratique : {country}"),
    "tia.step4": ("4 · Supplementary measures", "4 · Mesures supplémentaires"),
    "tia.calc": ("Probability of a prohibited access", "Probabilité d'un accès interdit"),
    "tia.step5": ("5 · Procedural steps", "5 · Démarches formelles"),
    "tia.step6": ("6 · Re-evaluation", "6 · Réévaluation"),
    "tia.purpose": ("Purpose", "Finalité"),
    "tia.data": ("Data", "Données"),
    "tia.subjects": ("Data subjects", "Personnes concernées"),
    "tia.volume": ("Number of subjects", "Nombre de personnes"),
    "tia.frequency": ("Frequency", "Fréquence"),
    "tia.mode": ("Mode", "Mode"),
    "tia.mode.file_transfer": ("file transfer", "transfert de fichiers"),
    "tia.mode.api": ("API", "API"),
    "tia.mode.remote_access": ("remote access", "accès à distance"),
    "tia.mode.email": ("email", "courrier électronique"),
    "tia.mode.physical_media": ("physical media", "support physique"),
    "tia.storage": ("Stored in", "Stockées à"),
    "tia.access": ("Accessed from", "Accessibles depuis"),
    "tia.onward": ("Onward flows", "Flux ultérieurs"),
    "tia.mechanism": ("Tool", "Outil"),
    "tia.scc_signed": ("SCCs signed", "CCT signées"),
    "tia.unknown": ("unknown", "inconnu"),
    "tia.none": ("none", "aucun"),
    "tia.yes": ("yes", "oui"),
    "tia.no": ("no", "non"),
    "tia.sheet_of": (
        "Country sheet of {country} ({date}): {verified} of {count} bases checked against the "
        "primary text.",
        "Fiche pays {country} ({date}) : {verified} bases sur {count} vérifiées sur le texte "
        "officiel.",
    ),
    "tia.no_sheet": (
        "The reference set has no country sheet for {country}: the bases are shown by id.",
        "Le jeu de référence n'a pas de fiche pays pour {country} : les bases sont citées par "
        "leur identifiant.",
    ),
    "tia.no_bases": ("No legal basis to show.", "Aucune base légale à afficher."),
    "tia.applies.yes": ("✗ applies", "✗ s'applique"),
    "tia.applies.no": ("✓ does not apply", "✓ ne s'applique pas"),
    "tia.applies.unknown": ("? not assessed", "? non évaluée"),
    "tia.verified": ("✓ checked against the primary text", "✓ vérifiée sur le texte officiel"),
    "tia.unverified": ("? not verified: {caveat}", "? non vérifiée : {caveat}"),
    "tia.not_on_sheet": ("not on the country sheet", "absente de la fiche pays"),
    "tia.allows": ("Allows", "Permet"),
    "tia.compelled": ("Who can be compelled", "Qui peut être contraint"),
    "tia.oversight": ("Oversight", "Contrôle"),
    "tia.redress": ("Redress", "Recours"),
    "tia.eeg": ("European Essential Guarantees", "Garanties essentielles européennes"),
    "tia.verdict.met": ("met", "satisfaite"),
    "tia.verdict.partly_met": ("partly met", "en partie satisfaite"),
    "tia.verdict.not_met": ("not met", "non satisfaite"),
    "tia.verdict.unclear": ("unclear", "incertaine"),
    "tia.why": ("Why", "Pourquoi"),
    "tia.sources": ("Sources", "Sources"),
    "tia.use_case": ("Use case: {name}", "Cas d'usage : {name}"),
    "tia.no_use_case": ("Use case: not given", "Cas d'usage : non renseigné"),
    "tia.effective": (
        "The EDPB found technical measures can be effective here.",
        "Le CEPD estime que des mesures techniques peuvent être efficaces ici.",
    ),
    "tia.not_effective": (
        "The EDPB found no effective technical measure here: the data is readable in the "
        "destination.",
        "Le CEPD n'a trouvé aucune mesure technique efficace ici : les données sont lisibles à "
        "destination.",
    ),
    "tia.no_measures": ("No supplementary measure recorded.", "Aucune mesure supplémentaire."),
    "tia.measure_against": ("against {bases}", "contre {bases}"),
    "tia.measure_warning": (
        "⚠ cannot neutralise these bases in this use case: reported, not counted",
        "⚠ ne peut pas neutraliser ces bases dans ce cas d'usage : signalée, non retenue",
    ),
    "tia.period": ("Period (years)", "Période (années)"),
    "tia.tolerance": ("Tolerance (0 to 1)", "Tolérance (de 0 à 1)"),
    "tia.justification": ("Justification", "Justification"),
    "tia.per_input": (
        "one justification per input (kept as it is)",
        "une justification par donnée (conservée telle quelle)",
    ),
    "tia.result": (
        "P over {years} years: {p} · tolerance {tolerance} · {verdict}",
        "P sur {years} ans : {p} · tolérance {tolerance} · {verdict}",
    ),
    "tia.within": ("✓ within", "✓ dans la tolérance"),
    "tia.above": ("✗ above", "✗ au-dessus"),
    "tia.no_result": (
        "No estimate yet: give the tolerance and, per basis, four probabilities and a "
        "justification.",
        "Pas encore d'estimation : donnez la tolérance et, par base, quatre probabilités et une "
        "justification.",
    ),
    "tia.no_rows": (
        "No basis to estimate: the estimate has a row for each basis step 3 finds applying "
        "(in step 3, a on a basis marks it applying).",
        "Aucune base à estimer : l'estimation a une ligne par base que l'étape 3 juge applicable "
        "(à l'étape 3, a sur une base la marque applicable).",
    ),
    "tia.problem": ("✗ {field}: {problem}", "✗ {field} : {problem}"),
    "tia.p_missing": ("give a number from 0 to 1", "donnez un nombre de 0 à 1"),
    "tia.nan": (
        "{text} is not a number: write digits with a decimal point or comma",
        "{text} n'est pas un nombre : écrivez des chiffres avec une virgule ou un point",
    ),
    "tia.range": (
        "{text} is outside 0..1: a probability is from 0 to 1",
        "{text} est hors de 0..1 : une probabilité va de 0 à 1",
    ),
    "tia.why_missing": (
        "say in words why these figures (a justification is required)",
        "dites pourquoi ces chiffres (une justification est requise)",
    ),
    "tia.period_range": (
        "{text} is not a whole number of years from 1 to {most}",
        "{text} n'est pas un nombre entier d'années de 1 à {most}",
    ),
    "tia.sensitivity": (
        "Halved → doubled, per input (dominant first):",
        "Divisée par deux → doublée, par donnée (la dominante d'abord) :",
    ),
    "tia.dominant": ("dominant: {input} of {basis}", "dominante : {input} pour {basis}"),
    "tia.procedural_none": ("No procedural step is needed.", "Aucune démarche n'est nécessaire."),
    "tia.procedural_unknown": ("Not assessed.", "Non évaluées."),
    "tia.done": ("done", "faite"),
    "tia.pending": ("to do", "à faire"),
    "tia.review_by": ("Re-evaluate by {date}", "À réévaluer avant le {date}"),
    "tia.review_unknown": ("Re-evaluation date: not given", "Date de réévaluation : non donnée"),
    "tia.overdue": ("⚠ past on the assessment date", "⚠ dépassée à la date de l'évaluation"),
    "tia.triggers": ("Triggers: {items}", "Déclencheurs : {items}"),
    "tia.saved": ("TIA saved.", "AITD enregistrée."),
    "tia.no_flow": ("No flow is highlighted.", "Aucun flux n'est sélectionné."),
    "tia.leave_invalid": (
        "An input does not read ({problem}). Leave without saving it?",
        "Une donnée n'est pas lisible ({problem}). Quitter sans l'enregistrer ?",
    ),
    # tia-tui: creating the TIA on its screen (steps 3, 4 and 6 editable)
    "key.tia_applies": ("Applies y/n", "S'applique o/n"),
    "key.tia_remove": ("Remove measure", "Retirer la mesure"),
    "tia.law_hint": (
        "a: the highlighted basis applies or not; then say why below.",
        "a : la base en surbrillance s'applique ou non ; puis dites pourquoi ci-dessous.",
    ),
    "tia.law_why": (
        "Why it applies or not (required)",
        "Pourquoi elle s'applique ou non (requis)",
    ),
    "tia.law_why_missing": (
        "say in words why it applies or not (a justification is required)",
        "dites pourquoi elle s'applique ou non (une justification est requise)",
    ),
    "tia.use_case_prompt": ("EDPB use case: choose one", "Cas d'usage du CEPD : choisissez-en un"),
    "tia.uc.storage_exporter_keys": (
        "1. Storage only, keys kept by the exporter",
        "1. Simple stockage, clés gardées par l'exportateur",
    ),
    "tia.uc.pseudonymised": ("2. Pseudonymised data", "2. Données pseudonymisées"),
    "tia.uc.encrypted_transit": (
        "3. Encrypted data passing through",
        "3. Données chiffrées en transit",
    ),
    "tia.uc.protected_recipient": (
        "4. Recipient protected by its own law",
        "4. Destinataire protégé par sa propre loi",
    ),
    "tia.uc.split_processing": (
        "5. Processing split between parties",
        "5. Traitement réparti entre plusieurs parties",
    ),
    "tia.uc.cloud_in_clear": (
        "6. Cloud or processor sees the data in clear",
        "6. Cloud ou sous-traitant qui voit les données en clair",
    ),
    "tia.uc.remote_access_business": (
        "7. Remote access to data in clear for business",
        "7. Accès à distance en clair pour l'activité",
    ),
    "tia.kind.technical": ("Technical", "Technique"),
    "tia.kind.contractual": ("Contractual", "Contractuelle"),
    "tia.kind.organisational": ("Organisational", "Organisationnelle"),
    "tia.measure_text": (
        "New measure: what it does (Enter adds it)",
        "Nouvelle mesure : ce qu'elle fait (Entrée l'ajoute)",
    ),
    "tia.measure_bases": (
        "Bases it neutralises: ids, commas between",
        "Bases qu'elle neutralise : identifiants, virgules entre",
    ),
    "tia.measures_hint": (
        "Del on the list removes the highlighted measure.",
        "Suppr sur la liste retire la mesure en surbrillance.",
    ),
    "tia.measure_no_text": (
        "Describe the measure, then press Enter to add it.",
        "Décrivez la mesure, puis appuyez sur Entrée pour l'ajouter.",
    ),
    "tia.measure_unknown_basis": (
        "{basis} is not a basis on this country's sheet: give one of {ids}.",
        "{basis} n'est pas une base de la fiche de ce pays : donnez l'une de {ids}.",
    ),
    "tia.date": ("TIA date", "Date de l'AITD"),
    "tia.review": ("Re-evaluate by", "À réévaluer avant le"),
    "tia.date_hint": ("DD/MM/YYYY", "JJ/MM/AAAA"),
    "tia.not_date": (
        "{text} is not a date: type DD/MM/YYYY or YYYY-MM-DD",
        "{text} n'est pas une date : tapez JJ/MM/AAAA ou AAAA-MM-JJ",
    ),
    "tia.review_needs_date": (
        "give the TIA's date first: the re-evaluation date counts from it",
        "donnez d'abord la date de l'AITD : la réévaluation se compte à partir d'elle",
    ),
    "tia.review_before": (
        "{review} is before the TIA's date {date}: give a later date",
        "{review} précède la date de l'AITD, {date} : donnez une date plus tardive",
    ),
    "tia.review_too_late": (
        "{review} is more than a year after the TIA's date: re-evaluate by {limit} at the latest",
        "{review} est plus d'un an après la date de l'AITD : réévaluez au plus tard le {limit}",
    ),
    # flow form (tui-polish): categories, SCC modules by name, the basis only where data leaves
    "fl.data_categories": ("Data categories", "Catégories de données"),
    "fl.data_categories_hint": (
        "commas between: identity, contact, …",
        "virgules entre : identité, coordonnées, …",
    ),
    "fl.subject_categories": ("Data subjects", "Personnes concernées"),
    "fl.subject_categories_hint": (
        "commas between: customers, staff, …",
        "virgules entre : clients, salariés, …",
    ),
    "fl.bad_list": (
        "{field}: at most {count} entries of {length} characters each",
        "{field} : au plus {count} entrées de {length} caractères chacune",
    ),
    "fl.basis_not_needed": ("— not needed", "— sans objet"),
    "fl.scc.scc_module_1": (
        "SCC module 1 (controller to controller)",
        "CCT, module 1 (responsable à responsable)",
    ),
    "fl.scc.scc_module_2": (
        "SCC module 2 (controller to processor)",
        "CCT, module 2 (responsable à sous-traitant)",
    ),
    "fl.scc.scc_module_3": (
        "SCC module 3 (processor to processor)",
        "CCT, module 3 (sous-traitant à sous-traitant)",
    ),
    "fl.scc.scc_module_4": (
        "SCC module 4 (processor to controller)",
        "CCT, module 4 (sous-traitant à responsable)",
    ),
    # file picker
    "fp.title": ("Pick a file", "Choisir un fichier"),
    "fp.placeholder": ("Path of a file or folder", "Chemin d'un fichier ou d'un dossier"),
    "fp.hint": (
        "Enter: pick or open · Backspace: parent folder · Ctrl+H or .: hidden files"
        " · Ctrl+L: type a path · Esc: cancel",
        "Entrée : choisir ou ouvrir · Retour arrière : dossier parent"
        " · Ctrl+H ou . : fichiers cachés · Ctrl+L : saisir un chemin · Échap : annuler",
    ),
    "fp.key.parent": ("Parent folder", "Dossier parent"),
    "fp.key.hidden": ("Hidden files", "Fichiers cachés"),
    "fp.key.path": ("Type a path", "Saisir un chemin"),
    "fp.missing": ("{path}: no such file or folder", "{path} : fichier ou dossier introuvable"),
    "fp.unreadable": ("{path} cannot be read.", "{path} ne peut pas être lu."),
    "fp.folder_unreadable": (
        "The folder {path} cannot be opened.",
        "Le dossier {path} ne peut pas être ouvert.",
    ),
    "fp.not_regular": (
        "{path} is not a regular file (a folder, device, socket or pipe cannot be attached).",
        "{path} n'est pas un fichier ordinaire (ni dossier, ni périphérique, ni socket, ni tube).",
    ),
    # --- tui-workspace: the consultant's workspace, keys, passphrases, exports -----------------
    "ws.key.open": ("Open", "Ouvrir"),
    "ws.key.new_client": ("New client", "Nouveau client"),
    "ws.key.start": ("Start", "Démarrer"),
    "ws.key.new_cycle": ("New cycle", "Nouveau cycle"),
    "ws.key.rename": ("Rename client", "Renommer le client"),
    "ws.key.delete": ("Delete client", "Supprimer le client"),
    "ws.key.import": ("Import", "Importer"),
    "ws.key.export": ("Export", "Exporter"),
    "ws.key.review": ("Review signed bundles", "Examiner des paquets signés"),
    "ws.key.audit": ("Audit log", "Journal d'audit"),
    "ws.key.new_key": ("New signing key", "Nouvelle clé de signature"),
    "help.d.new_key": (
        "Make a signing key pair (as 'compliance keys generate'), the passphrase asked twice",
        "Créer une paire de clés de signature (comme 'compliance keys generate'), la phrase "
        "secrète demandée deux fois",
    ),
    "ws.clients_title": ("Clients ({count})", "Clients ({count})"),
    "ws.assessments_of": ("Assessments of {name}", "Évaluations du client {name}"),
    "ws.assessments_none": ("Assessments", "Évaluations"),
    "ws.no_assessment_of": (
        "{name} has no assessment yet: press s to start one.",
        "{name} n'a pas encore d'évaluation : appuyez sur s pour en démarrer une.",
    ),
    "ws.ask_cycle": (
        "Start a new cycle of {client}?\n\nAssessment {id} ({questionnaire}, cycle {cycle}) is "
        "copied with its answers into cycle {next}; assessment {id} stays as it is.",
        "Démarrer un nouveau cycle pour {client} ?\n\nL'évaluation {id} ({questionnaire}, cycle "
        "{cycle}) est copiée avec ses réponses dans le cycle {next} ; l'évaluation {id} reste "
        "telle quelle.",
    ),
    "ws.ask_cycle_version": (
        "Start a new cycle of {client} from assessment {id} (cycle {cycle}). A newer version of "
        "the questionnaire is installed: on which version?",
        "Nouveau cycle pour {client} à partir de l'évaluation {id} (cycle {cycle}). Une version "
        "plus récente du questionnaire est installée : sur quelle version ?",
    ),
    "ws.made_cycle": (
        "Cycle {cycle} of {client} made: assessment {id}, a copy of assessment {source}",
        "Cycle {cycle} du client {client} créé : évaluation {id}, copie de l'évaluation {source}",
    ),
    "ws.export_how": (
        "Export assessment {id} of {client}",
        "Exporter l'évaluation {id} du client {client}",
    ),
    "ws.export_encrypted": (
        "Encrypted (.cmpl): a passphrase, asked twice, protects it; for sending",
        "Chiffrée (.cmpl) : une phrase secrète, demandée deux fois, la protège ; pour l'envoi",
    ),
    "ws.export_plain": (
        "Plain (.json): readable by anyone who gets the file",
        "En clair (.json) : lisible par quiconque obtient le fichier",
    ),
    "ws.export_where": (
        "File to write (in {folder} unless you type another folder)",
        "Fichier à écrire (dans {folder} sauf si vous tapez un autre dossier)",
    ),
    "ws.export_passphrase": (
        "Passphrase to encrypt {name}; whoever imports it needs it",
        "Phrase secrète pour chiffrer {name} ; elle sera demandée pour l'importer",
    ),
    "ws.import_where": (
        "File to import (.cmpl encrypted, or .json / .yaml); from {folder} unless you type "
        "another folder",
        "Fichier à importer (.cmpl chiffré, ou .json / .yaml) ; depuis {folder} sauf si vous "
        "tapez un autre dossier",
    ),
    "ws.ask_replace": (
        "{path} already exists. Replace it?",
        "{path} existe déjà. Le remplacer ?",
    ),
    "ws.exported_encrypted": (
        "Encrypted export written to {path}",
        "Export chiffré écrit dans {path}",
    ),
    "ws.imported": (
        "{name} imported as assessment {id} of client {client}",
        "{name} importé comme évaluation {id} du client {client}",
    ),
    "ws.name_encrypted": (
        "An encrypted export is not JSON: name it {name}, so that it is known as encrypted.",
        "Un export chiffré n'est pas du JSON : nommez-le {name}, pour qu'il soit reconnu comme "
        "chiffré.",
    ),
    "ws.name_plain": (
        "A .cmpl file is an encrypted export: name this plain one {name}.",
        "Un fichier .cmpl est un export chiffré : nommez celui-ci, en clair, {name}.",
    ),
    "ws.folder_missing": ("{folder}: no such folder", "{folder} : dossier introuvable"),
    "ws.is_folder": (
        "{path} is a folder; give a file name",
        "{path} est un dossier ; donnez un nom de fichier",
    ),
    "ws.no_file": ("{path}: no such file", "{path} : fichier introuvable"),
    "ws.key_made": (
        "Key {name} made. Private: {private} (keep it and its passphrase). Public: {public} "
        '(give it to those who verify: compliance trust add {public} --name "{name}"). '
        "Key id {key_id}",
        "Clé {name} créée. Privée : {private} (gardez-la avec sa phrase secrète). Publique : "
        '{public} (à remettre à qui vérifie : compliance trust add {public} --name "{name}"). '
        "Identifiant {key_id}",
    ),
    "welcome.keys": (
        "Enter: choose · Tab: the other button · F2: en français",
        "Entrée : choisir · Tab : l'autre bouton · F2 : in English",
    ),
    "pp.first": ("Passphrase", "Phrase secrète"),
    "pp.second": ("The same passphrase again", "La même phrase secrète, à nouveau"),
    "pp.empty": ("Type a passphrase.", "Tapez une phrase secrète."),
    "pp.differ": (
        "The two passphrases differ; type them again.",
        "Les deux phrases secrètes diffèrent ; tapez-les à nouveau.",
    ),
    "pp.keys": (
        "Enter: next box, then accept · Escape: cancel",
        "Entrée : case suivante, puis valider · Échap : annuler",
    ),
    "nk.title": ("A new signing key", "Une nouvelle clé de signature"),
    "nk.about": (
        "As 'compliance keys generate': a private key, locked by the passphrase, to sign "
        "reports; a public key to give to those who verify them.",
        "Comme 'compliance keys generate' : une clé privée, verrouillée par la phrase secrète, "
        "pour signer les rapports ; une clé publique pour ceux qui les vérifient.",
    ),
    "nk.name": (
        "Who holds the key (e.g. Sud Contact DPO)",
        "Titulaire de la clé (ex. DPO Sud Contact)",
    ),
    "nk.name_example": ("Sud Contact DPO", "DPO Sud Contact"),
    "nk.folder": ("Folder to write the two files in", "Dossier où écrire les deux fichiers"),
    "nk.making": ("Making the key (a few seconds)…", "Création de la clé (quelques secondes)…"),
    "nk.keys": (
        "Enter: next box, then make the key · Escape: cancel",
        "Entrée : case suivante, puis créer la clé · Échap : annuler",
    ),
    "uk.title": ("Sign with which key?", "Signer avec quelle clé ?"),
    "uk.path": ("Private key file (.key)", "Fichier de clé privée (.key)"),
    "uk.passphrase": ("Its passphrase", "Sa phrase secrète"),
    "uk.unlocking": ("Unlocking the key…", "Déverrouillage de la clé…"),
    "uk.keys": (
        "Enter: next box, then unlock · Escape: cancel",
        "Entrée : case suivante, puis déverrouiller · Échap : annuler",
    ),
    "out.where": (
        "Written in {folder} unless you type another folder.",
        "Écrit dans {folder} sauf si vous tapez un autre dossier.",
    ),
}


@cache
def _french(key: str) -> str:
    return french(STRINGS[key][1])


def tr(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (French for ``fr``, typeset; English otherwise), formatted."""
    text = _french(key) if lang == "fr" else STRINGS[key][0]
    return text.format(**values) if values else text
