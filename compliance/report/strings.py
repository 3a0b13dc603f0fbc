"""Provides the one catalogue of report UI strings, in English, French and Arabic.

Every word a report prints that does not come from the questionnaire, the reference data or the
assessment lives here, under the same keys in each language (a test checks that they match). The
scoring method is printed from :data:`METHOD`, the plain-words version of the engine's docstring.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from compliance.typography import french

__all__ = ["LABELS", "LANGUAGES", "METHOD", "labels", "method", "strings"]

LANGUAGES = ("en", "fr", "ar")

_EN: dict[str, str] = {
    "doc_title": "Data-protection readiness report",
    "colon": ": ",
    "list_separator": "; ",
    "list_comma": ", ",
    "doc_subtitle": "Law 09-08, Decree 2-09-165 and the GDPR",
    "contents": "Contents",
    "cover_organisation": "Organisation assessed",
    "cover_assessor": "Assessor",
    "cover_place": "Place",
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
    "w_listed_unverified": "the CNDP list shipped with this tool is not verified against the "
    "deliberation: check it before filing",
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
    "list_comma": ", ",
    "doc_subtitle": "Loi 09-08, décret 2-09-165 et RGPD",
    "contents": "Sommaire",
    "cover_organisation": "Organisme évalué",
    "cover_assessor": "Évaluateur",
    "cover_place": "Lieu",
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
    "w_listed_unverified": "la liste CNDP fournie avec cet outil n'est pas vérifiée sur la "
    "délibération : vérifiez-la avant le dépôt",
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

_AR: dict[str, str] = {
    "doc_title": "تقرير الجاهزية لحماية المعطيات ذات الطابع الشخصي",
    "colon": ": ",
    "list_separator": "؛ ",
    "list_comma": "، ",
    "doc_subtitle": "القانون رقم 09.08 والمرسوم رقم 2.09.165 واللائحة العامة لحماية البيانات",
    "contents": "المحتويات",
    "cover_organisation": "الهيئة موضوع التقييم",
    "cover_assessor": "القائم بالتقييم",
    "cover_place": "المكان",
    "cover_date": "تاريخ التقييم",
    "cover_questionnaire": "الاستبيان",
    "cover_version": "الإصدار",
    "cover_digest": "بصمة الاستبيان (SHA-256)",
    "cover_engine": "محرك التنقيط",
    "cover_reference": "مجموعة المراجع",
    "cover_reference_newest": "أحدث مجموعة مثبتة؛ لا يحدد التقييم أي مجموعة",
    "cover_signature": "مفتاح التوقيع",
    "registration": "رقم التسجيل",
    "sector": "القطاع",
    "unsigned": "غير موقع",
    "unsigned_note": "هذا التقرير غير موقع، ولا يمكن التحقق من سلامته.",
    "signed_note": "تحققوا من الحزمة الموقعة قبل الاعتماد على هذا التقرير.",
    "not_given": "غير مذكور",
    "to_complete": "غير مذكور: يتعين استكماله",
    "summary": "الملخص التنفيذي",
    "summary_score": "نتيجة {org}: {score} من 100 في الاستبيان «{questionnaire}» "
    "(الإصدار {version}).",
    "summary_rating": "التصنيف: {rating}.",
    "summary_incomplete": (
        "أجيب عن {coverage} من الأسئلة المنطبقة: يبقى التصنيف مؤقتا إلى أن يجاب عن كل الأسئلة."
    ),
    "summary_complete": "أجيب عن كل الأسئلة المنطبقة.",
    "summary_flows": "تدفقات المعطيات المقيمة: {count} (جاهز: {ready}؛ جاهز بشروط: {conditional}؛ "
    "غير جاهز: {not_ready}؛ موقوف: {blocked}).",
    "summary_no_flows": "لا يسجل هذا التقييم أي تدفق للمعطيات.",
    "summary_actions": "الإجراءات التي تسترجع أكبر عدد من النقاط",
    "summary_no_actions": "لا توجد ثغرة يتعين سدها.",
    "overall": "النتيجة الإجمالية",
    "rating": "التصنيف",
    "coverage": "التغطية",
    "points_lost": "النقاط المفقودة",
    "out_of_100": "من 100",
    "method": "كيف تحسب النتيجة",
    "scores": "النتائج حسب المجال والضابط",
    "domain": "المجال",
    "control": "الضابط",
    "score": "النتيجة",
    "critical": "حاسم",
    "not_applicable": "لا ينطبق",
    "flows": "تدفقات المعطيات والجاهزية لنقلها",
    "flows_chart": "التدفقات حسب الجاهزية",
    "flows_none": "لا يسجل أي تدفق للمعطيات.",
    "flow": "التدفق",
    "status": "الحالة",
    "route": "المسار",
    "exporter": "الجهة المصدرة",
    "importer": "الجهة المستوردة",
    "regime": "القانون المطبق على الجهة المصدرة",
    "gate_gdpr": "اختبار اللائحة العامة لحماية البيانات",
    "gate_morocco": "اختبار القانون رقم 09.08",
    "checks_passed": "الفحوص الناجحة: {passed} من {checks}",
    "findings": "الملاحظات",
    "no_findings": "لا توجد ملاحظات.",
    "onward_flows": "التدفقات اللاحقة",
    "answers": "الإجابات",
    "profile": "ملف الهيئة",
    "question": "السؤال",
    "answer": "الإجابة",
    "comment": "تعليق",
    "evidence": "الأدلة",
    "evidence_note": "ملاحظة",
    "answered_by": "أجاب",
    "not_answered": "بلا إجابة",
    "answer_na": "لا ينطبق",
    "yes": "نعم",
    "no": "لا",
    "remediation": "خطة الإجراءات التصحيحية",
    "remediation_intro": "الثغرات مرتبة حسب نقاط النتيجة الإجمالية التي يسترجعها سدها، من الأكثر "
    "إلى الأقل؛ وعند التساوي حسب معرف الضابط. ويجب سد البنود الموسومة «يحد من التصنيف» قبل أن "
    "يرتفع التصنيف، أيا كانت نقاطها.",
    "texts_cited": "النصوص القانونية المستشهد بها",
    "impact": "النقاط المسترجعة",
    "action": "الإجراء",
    "expected_evidence": "الأدلة المنتظرة",
    "articles": "المواد",
    "caps_rating": "يحد من التصنيف",
    "worksheets": "أوراق العمل",
    "cndp_title": "ورقة العمل أ: طلب نقل المعطيات لدى اللجنة الوطنية (الاستمارة F118)",
    "cndp_intro": "لكل تدفق يغادر المغرب، ما يتضمنه طلب نقل المعطيات المقدم إلى اللجنة الوطنية "
    "(الاستمارة F118): العناصر المنصوص عليها في المادة 46 من المرسوم رقم 2.09.165، وبالنسبة لدولة "
    "غير مدرجة في لائحة اللجنة الوطنية، الاستثناء المحدد من المادة 44 من القانون رقم 09.08 المعتمد "
    "عليه (المادة 47 من المرسوم) أو الضمانات والإجراءات التي تحمي المعطيات (المادة 48 من المرسوم). "
    "ويجب ملء البنود الموسومة «يتعين استكماله» قبل إيداع الطلب.",
    "cndp_none": "لا يغادر أي تدفق في هذا التقييم المغرب.",
    "scc_title": "ورقة العمل ب: الملحق I.B للبنود التعاقدية النموذجية، وصف النقل",
    "scc_intro": "لكل نقل يغادر المنطقة الاقتصادية الأوروبية ويخضع لأحكام اللائحة العامة لحماية "
    "البيانات، الوصف الذي يطلبه الملحق I.B من البنود التعاقدية النموذجية (قرار الاتحاد الأوروبي "
    "2021/914).",
    "scc_none": "لا يعد أي تدفق في هذا التقييم نقلا بمفهوم الفصل الخامس من اللائحة العامة لحماية "
    "البيانات.",
    "w_exporter": "الجهة المصدرة: الاسم والعنوان",
    "w_recipient": "المرسل إليه: الاسم والعنوان",
    "w_file": "الملف أو مجموعة المعطيات، ووصفه",
    "w_data": "فئات المعطيات ذات الطابع الشخصي موضوع النقل",
    "w_subjects": "الأشخاص المعنيون وعددهم التقريبي",
    "w_purpose": "غاية المعالجة لدى المرسل إليه",
    "w_mode": "طريقة عمليات النقل ووتيرتها",
    "w_first": "تاريخ أول نقل",
    "w_destination": "بلد الوجهة",
    "w_listed": "مدرج في لائحة اللجنة الوطنية للدول التي توفر مستوى حماية كاف",
    "w_ground": "الاستثناء المعتمد عليه من المادة 44 من القانون رقم 09.08 (المادة 47 من المرسوم)",
    "w_mechanism": "آلية الحماية والإجراءات المتخذة (المادة 48 من المرسوم)",
    "w_f118": "طلب نقل المعطيات (الاستمارة F118)",
    "w_f118_pending": "أودع في {date}، ولم يصدر قرار بعد",
    "w_f118_filed": "أودع في {date}",
    "w_f118_decided": "{status} في {date}",
    "w_f118_reference": "المرجع {reference}",
    "w_not_needed": "غير لازم: الدولة مدرجة في اللائحة",
    "w_listed_yes": "نعم",
    "w_listed_no": "لا",
    "w_listed_unknown": "غير معروف (لائحة اللجنة الوطنية غير محملة)",
    "w_listed_unverified": "لائحة اللجنة الوطنية المرفقة بهذه الأداة لم يتحقق منها بمقارنتها "
    "بالمداولة: تحققوا منها قبل الإيداع",
    "address_note": "عنوان يتعين إضافته",
    "approx": "حوالي {count}",
    "scc_module": "أداة النقل (الفصل الخامس من اللائحة العامة لحماية البيانات)",
    "scc_parties": "الأطراف (الملحق I.A)",
    "scc_subjects": "فئات الأشخاص المعنيين الذين تنقل معطياتهم ذات الطابع الشخصي",
    "scc_data": "فئات المعطيات ذات الطابع الشخصي موضوع النقل",
    "scc_sensitive": "المعطيات الحساسة موضوع النقل، والقيود أو الضمانات المطبقة",
    "scc_frequency": "وتيرة النقل",
    "scc_nature": "طبيعة المعالجة",
    "scc_purpose": "غاية أو غايات نقل المعطيات والمعالجة اللاحقة",
    "scc_retention": "مدة الحفظ، أو المعايير المعتمدة لتحديدها",
    "scc_processor": "بالنسبة لعمليات النقل إلى المعالجين من الباطن أو المعالجين من الباطن "
    "اللاحقين: الموضوع والطبيعة والمدة",
    "scc_no_sensitive": "لا شيء",
    "criminal": "الإدانات والمخالفات الجنائية",
    "national_id": "أرقام التعريف الوطنية",
    "measures": "الإجراءات المتخذة",
    "measures_planned": "الإجراءات المبرمجة",
    "signature": "التوقيع",
    "signature_key": "بصمة مفتاح التوقيع",
    "generated_by": "أعده {engine} انطلاقا من الاستبيان {id} {version}.",
    "page": "الصفحة",
    "status_ready": "جاهز",
    "status_conditional": "جاهز بشروط",
    "status_not_ready": "غير جاهز",
    "status_blocked": "موقوف",
    "status_not_applicable": "لا ينطبق",
    "status_not_assessed": "غير مقيم",
    "qstatus_answered": "أجيب عنه",
    "qstatus_na": "لا ينطبق",
    "qstatus_unanswered": "بلا إجابة",
    "qstatus_not_applicable": "غير منطبق",
    "qstatus_informational": "لا يدخل في التنقيط",
    "gate_tag_gdpr": "اللائحة العامة لحماية البيانات",
    "gate_tag_morocco": "القانون رقم 09.08",
    "gate_tag_onward": "لاحق",
    "gate_tag_general": "عام",
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
    "ar": (
        "ينقط كل سؤال من 0 إلى 1: نقطة الخيار المختار؛ وعند اختيار عدة خيارات، قاعدة السؤال "
        "(الأضعف، أو المتوسط، أو المجموع في حدود 1)؛ وبالنسبة لسلم، موقع الإجابة بين أدنى درجة "
        "وأعلاها؛ وبالنسبة لعدد، العتبة التي يبلغها؛ وبالنسبة لتاريخ، 1 إذا كان حديثا بما يكفي.",
        "تستبعد من كل حساب الأسئلة التي أجيب عنها بعبارة «لا ينطبق» والأسئلة التي لا تنطبق على "
        "هذه الهيئة. ويحصل السؤال الإلزامي الذي بقي بلا إجابة على 0 ويخفض التغطية.",
        "نتيجة الضابط هي المتوسط المرجح لأسئلته، ونتيجة المجال المتوسط المرجح لضوابطه، والنتيجة "
        "الإجمالية المتوسط المرجح لمجالاته، من 0 إلى 100، مقربة إلى رقمين عشريين (النصف إلى أقرب "
        "عدد زوجي).",
        "التصنيف هو الشريحة التي تقع فيها النتيجة، ويخفض إلى الحد المقرر عندما تقل نتيجة ضابط "
        "حاسم عن العتبة أو عندما يكون تدفق للمعطيات موقوفا. وما دامت التغطية دون 100% يبقى "
        "التصنيف مؤقتا.",
        "تنسب كل نقطة مفقودة إلى السؤال الذي فقدها، فيمكن إرجاع كل رقم في هذا التقرير إلى "
        "الإجابات التي يستند إليها. وتعطي الإجابات نفسها دائما النتيجة نفسها.",
        "يخضع كل تدفق للمعطيات لاختبارين: اللائحة العامة لحماية البيانات (يستلزم النقل خارج "
        "المنطقة الاقتصادية الأوروبية قرار الكفاية أو أداة من أدوات المادة 46 من اللائحة، مثل "
        "البنود التعاقدية النموذجية، مع تقييم أثر النقل) والقانون رقم 09.08 (معالجة بالمغرب موضوع "
        "تصريح أو إذن؛ ومعطيات تغادر المغرب نحو دولة مدرجة في لائحة اللجنة الوطنية، أو استنادا إلى "
        "استثناء من المادة 44، أو بإذن من اللجنة الوطنية). ويأخذ التدفق أسوأ نتيجة بين اختباريه "
        "وتدفقاته اللاحقة؛ وكل عنصر غير مذكور يعد غير مستوفى.",
    ),
}

LABELS: dict[str, dict[str, tuple[str, str, str]]] = {
    "mode": {
        "file_transfer": (
            "file transfer",
            "transfert de fichiers",
            "نقل الملفات",
        ),
        "api": (
            "API",
            "API",
            "واجهة برمجة التطبيقات",
        ),
        "remote_access": (
            "remote access",
            "accès à distance",
            "الولوج عن بعد",
        ),
        "email": (
            "email",
            "courrier électronique",
            "البريد الإلكتروني",
        ),
        "physical_media": (
            "physical media",
            "support physique",
            "دعامة مادية",
        ),
    },
    "frequency": {
        "one_off": (
            "one-off",
            "ponctuel",
            "مرة واحدة",
        ),
        "periodic": (
            "periodic",
            "périodique",
            "دوري",
        ),
        "continuous": (
            "continuous",
            "continu",
            "مستمر",
        ),
    },
    "special": {
        "health": (
            "health",
            "santé",
            "الصحة",
        ),
        "genetic": (
            "genetic",
            "génétiques",
            "المعطيات الجينية",
        ),
        "biometric": (
            "biometric",
            "biométriques",
            "المعطيات البيومترية",
        ),
        "racial_ethnic": (
            "racial or ethnic origin",
            "origine raciale ou ethnique",
            "الأصل العرقي أو الإثني",
        ),
        "political": (
            "political opinions",
            "opinions politiques",
            "الآراء السياسية",
        ),
        "religious": (
            "religious beliefs",
            "convictions religieuses",
            "المعتقدات الدينية",
        ),
        "union": (
            "trade-union membership",
            "appartenance syndicale",
            "الانتماء النقابي",
        ),
        "sex_life": (
            "sex life",
            "vie sexuelle",
            "الحياة الجنسية",
        ),
    },
    "measure": {
        "encryption_in_transit": (
            "encryption in transit",
            "chiffrement en transit",
            "التشفير أثناء النقل",
        ),
        "encryption_at_rest": (
            "encryption at rest",
            "chiffrement au repos",
            "التشفير أثناء التخزين",
        ),
        "exporter_held_keys": (
            "keys held by the exporter",
            "clés détenues par l'exportateur",
            "مفاتيح تحتفظ بها الجهة المصدرة",
        ),
        "pseudonymisation": (
            "pseudonymisation",
            "pseudonymisation",
            "الترميز بأسماء مستعارة",
        ),
        "data_minimisation": (
            "data minimisation",
            "minimisation des données",
            "تقليل المعطيات إلى الحد الأدنى",
        ),
        "access_logging": (
            "access logging",
            "journalisation des accès",
            "تسجيل عمليات الولوج",
        ),
        "mfa": (
            "multi-factor authentication",
            "authentification multifacteur",
            "المصادقة متعددة العوامل",
        ),
        "no_download_access": (
            "access without download",
            "accès sans téléchargement",
            "ولوج دون تنزيل",
        ),
        "split_processing": (
            "split processing",
            "traitement fractionné",
            "معالجة مجزأة",
        ),
        "transparency_reporting": (
            "transparency reporting",
            "rapport de transparence",
            "تقارير الشفافية",
        ),
    },
    "role": {
        "controller": (
            "controller",
            "responsable du traitement",
            "المسؤول عن المعالجة",
        ),
        "joint_controller": (
            "joint controller",
            "responsable conjoint",
            "مسؤول عن المعالجة بشكل مشترك",
        ),
        "processor": (
            "processor",
            "sous-traitant",
            "المعالج من الباطن",
        ),
        "sub_processor": (
            "sub-processor",
            "sous-traitant ultérieur",
            "المعالج من الباطن اللاحق",
        ),
        "representative": (
            "representative",
            "représentant",
            "ممثل",
        ),
    },
    "mechanism": {
        "adequacy": (
            "adequacy decision (GDPR Art. 45)",
            "décision d'adéquation (RGPD, art. 45)",
            "قرار الكفاية (المادة 45 من اللائحة العامة لحماية البيانات)",
        ),
        "bcr": (
            "binding corporate rules (GDPR Art. 47)",
            "règles d'entreprise contraignantes",
            "قواعد الشركات الملزمة (المادة 47 من اللائحة العامة لحماية البيانات)",
        ),
        "none": (
            "none",
            "aucun",
            "لا شيء",
        ),
        "listed_country": (
            "state on the CNDP list",
            "État de la liste CNDP",
            "دولة مدرجة في لائحة اللجنة الوطنية",
        ),
        "cndp_authorisation": (
            "CNDP authorisation (Art. 44)",
            "autorisation de la CNDP (art. 44)",
            "إذن اللجنة الوطنية (المادة 44)",
        ),
    },
    "f118": {
        "not_filed": (
            "not filed",
            "non déposée",
            "لم يودع",
        ),
        "filed": (
            "filed, no decision yet",
            "déposée, sans décision à ce jour",
            "أودع، ولم يصدر قرار بعد",
        ),
        "granted": (
            "granted",
            "accordée",
            "مقبول",
        ),
        "refused": (
            "refused",
            "refusée",
            "مرفوض",
        ),
    },
}


@cache
def _french() -> dict[str, str]:
    return {key: french(text) for key, text in _FR.items()}


def strings(lang: str) -> Mapping[str, str]:
    """The UI strings in ``lang`` (English for an unknown language); French ones typeset
    (:func:`compliance.typography.french`), so the catalogue may be written with ordinary spaces.
    Arabic ones are written as printed: Western digits, Arabic punctuation, the glossary's terms
    (``questionnaires/glossary/ar.yaml``), no diacritics and no bidi controls (ADR 0025)."""
    if lang == "fr":
        return _french()
    return _AR if lang == "ar" else _EN


def method(lang: str) -> tuple[str, ...]:
    """The scoring method in plain words, one paragraph per item (French typeset)."""
    if lang == "fr":
        return tuple(french(paragraph) for paragraph in METHOD["fr"])
    return METHOD["ar"] if lang == "ar" else METHOD["en"]


def labels(group: str, lang: str) -> dict[str, str]:
    """The labels of one group of codes (``mode``, ``frequency``...) in ``lang``."""
    index = LANGUAGES.index(lang) if lang in LANGUAGES else 0
    return {code: pair[index] for code, pair in LABELS[group].items()}
