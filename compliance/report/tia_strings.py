"""Provides the words of the transfer impact assessment (TIA) document, in English, French and
Arabic.

The TIA document (:mod:`compliance.report.tia`) is a document of its own and an annex of the
report; every word it prints that does not come from the assessment, the questionnaire or the
country sheets lives here, under the same keys in each language (a test checks that they match).
The Arabic uses the terms of the glossary (``questionnaires/glossary/ar.yaml``); the EDPB's
documents have no official Arabic, so their titles are described in Arabic, numbers kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from compliance.typography import french

__all__ = ["INPUT_NAMES", "LANGUAGES", "SOURCES", "USE_CASE_NAMES", "pick", "tia_strings"]

LANGUAGES = ("en", "fr", "ar")
"""The languages the TIA document is written in: those this catalogue has."""

_EN: dict[str, str] = {
    "title": "Transfer impact assessment",
    "colon": ": ",
    "subtitle": "EDPB Recommendations 01/2020, six steps · GDPR Art. 46 · SCC Clause 14",
    "annex": "Annex: transfer impact assessments",
    "annex_intro": "For each flow with a structured transfer impact assessment, the assessment "
    "laid out as the EDPB's six steps. Each one is also available as a document of its own "
    "(compliance tia).",
    "intro": "This document assesses, for one transfer, whether anything in the law or practice "
    "of the destination country may keep the transfer tool from protecting the data as EU law "
    "requires (GDPR Art. 46, SCC Clause 14). It follows the six steps of the EDPB's "
    "Recommendations 01/2020 and reads each legal basis for access by public authorities against "
    "the European Essential Guarantees (EDPB Recommendations 02/2020).",
    "facts": "The assessment at a glance",
    "flow": "Flow",
    "exporter": "Exporter",
    "importer": "Importer",
    "destination": "Destination assessed",
    "date": "Date of the TIA",
    "review_by": "Re-evaluate by",
    "assessor": "Assessor",
    "as_of": "Assessment date",
    "questionnaire": "Questionnaire",
    "reference": "Reference set (country sheets)",
    "engine": "Engine",
    "status": "Transfer readiness",
    "not_given": "not given",
    "not_assessed": "not assessed",
    "yes": "yes",
    "no": "no",
    "unknown": "unknown",
    "contents": "Contents",
    "storage": "Storage locations",
    "measures": "Measures in place",
    "criminal": "Criminal convictions and offences",
    "national_id": "National identification numbers",
    "frequency": "Frequency",
    "mode": "Mode",
    "route": "Route",
    "access": "Access locations",
    "scc_signed": "SCCs signed",
    "dpa_art28": "Contract under GDPR Art. 28",
    "conclusion": "Conclusion",
    "conclusion_p_within": "The estimated probability of at least one prohibited access over "
    "{years} years is {p}, within the exporter's tolerance of {tolerance}.",
    "conclusion_p_above": "The estimated probability of at least one prohibited access over "
    "{years} years is {p}, above the exporter's tolerance of {tolerance}.",
    "conclusion_asserted": "The assessor's own conclusion: {conclusion}.",
    "conclusion_findings": "What the transfer rules found for this flow:",
    "conclusion_no_findings": "The transfer rules found nothing to report on this flow's GDPR "
    "gate.",
    "concl_acceptable": "acceptable",
    "concl_measures_needed": "acceptable with supplementary measures",
    "concl_not_acceptable": "not acceptable",
    "step1": "Step 1: know the transfer",
    "step1_intro": "Taken from the flow as recorded in the assessment.",
    "step2": "Step 2: the transfer tool",
    "step3": "Step 3: law and practice of {country}",
    "step3_intro": "For each legal basis on which public authorities of {country} may reach the "
    "data, whether it applies to this importer and this data, and how it measures up to the four "
    "European Essential Guarantees: (A) clear, precise and accessible rules, (B) necessity and "
    "proportionality, (C) independent oversight, (D) effective remedies. A basis found not to "
    "apply is listed with its justification and sources only.",
    "step3_sheet": "Country sheet of {country}, as of {date}",
    "step3_verified": "{verified} of {count} legal bases on this sheet were checked against their "
    "primary text; the others are marked as not verified and are not worded as settled.",
    "step3_no_sheet": "The reference set used has no country sheet for {country}: the bases below "
    "are listed by their ids only.",
    "step3_none": "No legal basis has been assessed yet.",
    "step4": "Step 4: supplementary measures",
    "step4_use_case": "Use case (EDPB Recommendations 01/2020, Annex 2)",
    "step4_effective": "In this use case the EDPB found that technical measures can be effective.",
    "step4_not_effective": "In this use case the EDPB found no effective technical measure where "
    "the authorities' powers go beyond what is necessary and proportionate: the assessment rests "
    "on step 3 and on contractual and organisational measures.",
    "step4_none": "No supplementary measure is recorded.",
    "step4_no_use_case": "The use case is not given.",
    "calc": "Probability of a prohibited access",
    "calc_intro": "Per legal basis that applies, the yearly probability is the product of four "
    "estimates: the authorities target data of this kind at this importer, the importer can be "
    "compelled, the data is readable despite the measures, and a challenge or refusal fails. Over "
    "the period, P(at least one prohibited access) = 1 − Π over the bases of (1 − p)^years. This "
    "follows the idea of the quantitative method published by David Rosenthal; the formula is "
    "this tool's own.",
    "calc_period": "Period",
    "calc_years": "{years} years",
    "calc_tolerance": "Tolerance of the exporter",
    "calc_result": "Probability over the period",
    "calc_yearly": "Yearly",
    "calc_justification": "Justification",
    "calc_none": "No quantitative estimate is recorded.",
    "calc_not_computed": "The probability could not be computed: {reason}",
    "sensitivity": "Sensitivity",
    "sensitivity_intro": "How the probability over the period moves when each input is halved "
    "and doubled (capped at 1), the others unchanged.",
    "sens_input": "Input",
    "sens_value": "Value",
    "sens_halved": "Halved",
    "sens_doubled": "Doubled",
    "sens_dominant": "The dominating input is {input} of {basis}: changing it moves the result "
    "the most.",
    "chart_label": "Sensitivity of the probability to each input",
    "chart_halved": "input halved",
    "chart_doubled": "input doubled",
    "chart_result": "result {p}",
    "chart_tolerance": "tolerance {tolerance}",
    "basis": "Legal basis",
    "kind": "Kind",
    "applies": "Applies to this transfer",
    "applies_yes": "applies",
    "applies_no": "does not apply",
    "applies_unknown": "not assessed",
    "justification": "Justification",
    "allows": "What it allows",
    "compelled": "Who can be compelled",
    "oversight": "Oversight",
    "redress": "Redress",
    "eeg": "European Essential Guarantees",
    "eeg_sheet": "sheet",
    "eeg_assessor": "assessor",
    "source": "Sources",
    "primary": "primary text",
    "secondary": "secondary source",
    "verified": "Checked against the primary text",
    "unverified": "Not verified against the primary text",
    "not_on_sheet": "not on the country sheet",
    "measure": "Measure",
    "neutralises": "Claimed to neutralise",
    "warning": "Warning",
    "measure_ineffective": "It cannot neutralise {bases} in this flow's use case (EDPB "
    "Recommendations 01/2020, Annex 2: only a technical measure, and only in use cases 1 to 5, "
    "can): reported here, not counted.",
    "neutralised": "{value}, taken as 0: neutralised by an effective measure",
    "measure_no_basis": "This measure names no legal basis it neutralises.",
    "step5": "Step 5: procedural steps",
    "step5_none_needed": "No procedural step is needed.",
    "step5_not_assessed": "The procedural steps are not assessed.",
    "step_done": "done",
    "step_pending": "to do",
    "step6": "Step 6: re-evaluation",
    "step6_date": "Re-evaluate by",
    "step6_overdue": "This date has passed on the assessment date ({as_of}): the TIA must be "
    "re-evaluated before the transfer can rely on it.",
    "step6_triggers": "Events that call for re-evaluation before that date",
    "step6_no_triggers": "No trigger is recorded.",
    "sources": "Sources",
    "sources_method": "Method",
    "sources_country": "Country sheet of {country}",
    "verdict_met": "met",
    "verdict_partly_met": "partly met",
    "verdict_not_met": "not met",
    "verdict_unclear": "unclear",
    "kind_technical": "technical",
    "kind_contractual": "contractual",
    "kind_organisational": "organisational",
    "bkind_criminal_procedure": "criminal procedure",
    "bkind_intelligence": "intelligence",
    "bkind_counter_terrorism": "counter-terrorism",
    "bkind_regulatory": "regulatory powers",
    "bkind_reporting": "duty to report",
    "bkind_scope_exclusion": "exclusion from the data-protection law",
    "generated_by": "Produced by {engine} from the assessment of {org} ({questionnaire} "
    "{version}). The same assessment always gives the same document.",
    "unsigned_note": "This document is not signed. When it comes as the annex of a signed report "
    "bundle, verify the bundle before relying on it.",
}

_FR: dict[str, str] = {
    "title": "Analyse d'impact du transfert (AITD)",
    "colon": "\u00a0: ",
    "subtitle": "Recommandations 01/2020 du CEPD, six étapes · RGPD, art. 46 · CCT, clause 14",
    "annex": "Annexe : analyses d'impact des transferts",
    "annex_intro": "Pour chaque flux doté d'une analyse d'impact du transfert structurée, "
    "l'analyse présentée selon les six étapes du CEPD. Chacune existe aussi comme document "
    "distinct (compliance tia).",
    "intro": "Ce document examine, pour un transfert, si le droit ou la pratique du pays de "
    "destination peut empêcher l'outil de transfert de protéger les données comme l'exige le "
    "droit de l'Union (RGPD, art. 46 ; CCT, clause 14). Il suit les six étapes des "
    "recommandations 01/2020 du CEPD et confronte chaque base légale d'accès des autorités "
    "publiques aux garanties essentielles européennes (recommandations 02/2020 du CEPD).",
    "facts": "L'analyse en bref",
    "flow": "Flux",
    "exporter": "Exportateur",
    "importer": "Importateur",
    "destination": "Destination analysée",
    "date": "Date de l'AITD",
    "review_by": "À réévaluer avant le",
    "assessor": "Évaluateur",
    "as_of": "Date de l'évaluation",
    "questionnaire": "Questionnaire",
    "reference": "Jeu de référence (fiches pays)",
    "engine": "Moteur",
    "status": "Préparation du transfert",
    "not_given": "non renseigné",
    "not_assessed": "non évalué",
    "yes": "oui",
    "no": "non",
    "unknown": "inconnu",
    "contents": "Sommaire",
    "storage": "Lieux de stockage",
    "measures": "Mesures en place",
    "criminal": "Condamnations et infractions pénales",
    "national_id": "Numéros d'identification nationale",
    "frequency": "Fréquence",
    "mode": "Mode",
    "route": "Trajet",
    "access": "Lieux d'accès",
    "scc_signed": "CCT signées",
    "dpa_art28": "Contrat (RGPD, art. 28)",
    "conclusion": "Conclusion",
    "conclusion_p_within": "La probabilité estimée d'au moins un accès interdit sur {years} ans "
    "est de {p}, dans la tolérance de l'exportateur ({tolerance}).",
    "conclusion_p_above": "La probabilité estimée d'au moins un accès interdit sur {years} ans "
    "est de {p}, au-dessus de la tolérance de l'exportateur ({tolerance}).",
    "conclusion_asserted": "Conclusion de l'évaluateur : {conclusion}.",
    "conclusion_findings": "Ce que les règles de transfert relèvent pour ce flux :",
    "conclusion_no_findings": "Les règles de transfert ne relèvent rien sur le verrou RGPD de ce "
    "flux.",
    "concl_acceptable": "acceptable",
    "concl_measures_needed": "acceptable avec des mesures supplémentaires",
    "concl_not_acceptable": "non acceptable",
    "step1": "Étape 1 : connaître le transfert",
    "step1_intro": "Repris du flux tel qu'il est enregistré dans l'évaluation.",
    "step2": "Étape 2 : l'outil de transfert",
    "step3": "Étape 3 : droit et pratique du pays de destination, {country}",
    "step3_intro": "Pour chaque base légale qui permet aux autorités publiques du pays de "
    "destination ({country}) d'accéder aux données : s'applique-t-elle à cet importateur et à "
    "ces données, et comment "
    "se situe-t-elle au regard des quatre garanties essentielles européennes : (A) des règles "
    "claires, précises et accessibles, (B) nécessité et proportionnalité, (C) un contrôle "
    "indépendant, (D) des voies de recours effectives. Une base jugée inapplicable n'est citée "
    "qu'avec sa justification et ses sources.",
    "step3_sheet": "Fiche pays – {country}, à jour au {date}",
    "step3_verified": "{verified} des {count} bases légales de cette fiche ont été vérifiées sur "
    "leur texte officiel ; les autres sont signalées comme non vérifiées et ne sont pas "
    "présentées comme acquises.",
    "step3_no_sheet": "Le jeu de référence utilisé n'a pas de fiche pays pour {country} : les "
    "bases ci-dessous ne sont citées que par leur identifiant.",
    "step3_none": "Aucune base légale n'a encore été évaluée.",
    "step4": "Étape 4 : mesures supplémentaires",
    "step4_use_case": "Cas d'usage (recommandations 01/2020 du CEPD, annexe 2)",
    "step4_effective": "Dans ce cas d'usage, le CEPD a estimé que des mesures techniques peuvent "
    "être efficaces.",
    "step4_not_effective": "Dans ce cas d'usage, le CEPD n'a trouvé aucune mesure technique "
    "efficace lorsque les pouvoirs des autorités vont au-delà du nécessaire et du proportionné : "
    "l'analyse repose sur l'étape 3 et sur des mesures contractuelles et organisationnelles.",
    "step4_none": "Aucune mesure supplémentaire n'est enregistrée.",
    "step4_no_use_case": "Le cas d'usage n'est pas renseigné.",
    "calc": "Probabilité d'un accès interdit",
    "calc_intro": "Pour chaque base légale qui s'applique, la probabilité annuelle est le produit "
    "de quatre estimations : les autorités ciblent des données de ce type chez cet importateur, "
    "l'importateur peut être contraint, les données sont lisibles malgré les mesures, et une "
    "contestation ou un refus échoue. Sur la période, P(au moins un accès interdit) = 1 − Π sur "
    "les bases de (1 − p)^années. Cela suit l'idée de la méthode quantitative publiée par David "
    "Rosenthal ; la formule est propre à cet outil.",
    "calc_period": "Période",
    "calc_years": "{years} ans",
    "calc_tolerance": "Tolérance de l'exportateur",
    "calc_result": "Probabilité sur la période",
    "calc_yearly": "Annuelle",
    "calc_justification": "Justification",
    "calc_none": "Aucune estimation quantitative n'est enregistrée.",
    "calc_not_computed": "La probabilité n'a pas pu être calculée : {reason}",
    "sensitivity": "Sensibilité",
    "sensitivity_intro": "Comment la probabilité sur la période varie lorsque chaque donnée "
    "d'entrée est divisée par deux ou doublée (plafonnée à 1), les autres restant inchangées.",
    "sens_input": "Donnée d'entrée",
    "sens_value": "Valeur",
    "sens_halved": "Divisée par deux",
    "sens_doubled": "Doublée",
    "sens_dominant": "La donnée dominante est {input} pour {basis} : c'est elle qui fait le plus "
    "varier le résultat.",
    "chart_label": "Sensibilité de la probabilité à chaque donnée d'entrée",
    "chart_halved": "donnée divisée par deux",
    "chart_doubled": "donnée doublée",
    "chart_result": "résultat {p}",
    "chart_tolerance": "tolérance {tolerance}",
    "basis": "Base légale",
    "kind": "Nature",
    "applies": "S'applique à ce transfert",
    "applies_yes": "s'applique",
    "applies_no": "ne s'applique pas",
    "applies_unknown": "non évaluée",
    "justification": "Justification",
    "allows": "Ce qu'elle permet",
    "compelled": "Qui peut être contraint",
    "oversight": "Contrôle",
    "redress": "Recours",
    "eeg": "Garanties essentielles européennes",
    "eeg_sheet": "fiche",
    "eeg_assessor": "évaluateur",
    "source": "Sources",
    "primary": "texte officiel",
    "secondary": "source secondaire",
    "verified": "Vérifiée sur le texte officiel",
    "unverified": "Non vérifiée sur le texte officiel",
    "not_on_sheet": "absente de la fiche pays",
    "measure": "Mesure",
    "neutralises": "Censée neutraliser",
    "warning": "Avertissement",
    "measure_ineffective": "Elle ne peut pas neutraliser {bases} dans le cas d'usage de ce flux "
    "(recommandations 01/2020 du CEPD, annexe 2 : seule une mesure technique le peut, et "
    "seulement dans les cas 1 à 5) : signalée ici, non retenue.",
    "neutralised": "{value}, compté 0 : neutralisé par une mesure efficace",
    "measure_no_basis": "Cette mesure ne désigne aucune base légale qu'elle neutraliserait.",
    "step5": "Étape 5 : démarches formelles",
    "step5_none_needed": "Aucune démarche formelle n'est nécessaire.",
    "step5_not_assessed": "Les démarches formelles ne sont pas évaluées.",
    "step_done": "faite",
    "step_pending": "à faire",
    "step6": "Étape 6 : réévaluation",
    "step6_date": "À réévaluer avant le",
    "step6_overdue": "Cette date est dépassée à la date de l'évaluation ({as_of}) : l'AITD doit "
    "être réévaluée avant que le transfert puisse s'y appuyer.",
    "step6_triggers": "Événements qui imposent une réévaluation avant cette date",
    "step6_no_triggers": "Aucun événement déclencheur n'est enregistré.",
    "sources": "Sources",
    "sources_method": "Méthode",
    "sources_country": "Fiche pays – {country}",
    "verdict_met": "satisfaite",
    "verdict_partly_met": "en partie satisfaite",
    "verdict_not_met": "non satisfaite",
    "verdict_unclear": "incertaine",
    "kind_technical": "technique",
    "kind_contractual": "contractuelle",
    "kind_organisational": "organisationnelle",
    "bkind_criminal_procedure": "procédure pénale",
    "bkind_intelligence": "renseignement",
    "bkind_counter_terrorism": "lutte antiterroriste",
    "bkind_regulatory": "pouvoirs d'un régulateur",
    "bkind_reporting": "obligation de déclaration",
    "bkind_scope_exclusion": "exclusion du champ de la loi sur la protection des données",
    "generated_by": "Produit par {engine} à partir de l'évaluation de {org} ({questionnaire} "
    "{version}). La même évaluation donne toujours le même document.",
    "unsigned_note": "Ce document n'est pas signé. Lorsqu'il accompagne un rapport signé, "
    "vérifiez le paquet signé avant de vous y fier.",
}

_AR: dict[str, str] = {
    "title": "تقييم أثر النقل",
    "colon": ": ",
    "subtitle": "توصيات المجلس الأوروبي لحماية البيانات رقم 01/2020، المراحل الست · المادة 46 "
    "من اللائحة العامة لحماية البيانات · البند 14 من البنود التعاقدية النموذجية",
    "annex": "ملحق: تقييمات أثر النقل",
    "annex_intro": "لكل تدفق للمعطيات له تقييم أثر نقل مفصل، يعرض التقييم وفق المراحل الست "
    "للمجلس الأوروبي لحماية البيانات. ويتوفر كل تقييم أيضا في وثيقة مستقلة (compliance tia).",
    "intro": "تدرس هذه الوثيقة، بالنسبة إلى عملية نقل واحدة، ما إذا كان في قانون بلد الوجهة أو "
    "في ممارسته ما قد يمنع أداة النقل من حماية المعطيات ذات الطابع الشخصي كما يقتضي قانون "
    "الاتحاد الأوروبي (المادة 46 من اللائحة العامة لحماية البيانات، والبند 14 من البنود "
    "التعاقدية النموذجية). وهي تتبع المراحل الست لتوصيات المجلس الأوروبي لحماية البيانات رقم "
    "01/2020، وتقيس كل أساس قانوني لولوج السلطات العامة إلى المعطيات بالضمانات الأوروبية "
    "الأساسية (توصيات المجلس الأوروبي لحماية البيانات رقم 02/2020).",
    "facts": "التقييم في لمحة",
    "flow": "تدفق المعطيات",
    "exporter": "مصدر المعطيات",
    "importer": "مستورد المعطيات",
    "destination": "الوجهة موضوع التقييم",
    "date": "تاريخ تقييم أثر النقل",
    "review_by": "إعادة التقييم قبل",
    "assessor": "القائم بالتقييم",
    "as_of": "تاريخ التقييم",
    "questionnaire": "الاستبيان",
    "reference": "المجموعة المرجعية (بطاقات البلدان)",
    "engine": "محرك التنقيط",
    "status": "جاهزية النقل",
    "not_given": "غير مذكور",
    "not_assessed": "غير مقيم",
    "yes": "نعم",
    "no": "لا",
    "unknown": "غير معروف",
    "contents": "المحتويات",
    "storage": "أماكن التخزين",
    "measures": "الإجراءات المتخذة",
    "criminal": "المعطيات المتعلقة بالمخالفات والإدانات",
    "national_id": "أرقام بطاقة التعريف الوطنية",
    "frequency": "الوتيرة",
    "mode": "كيفية النقل",
    "route": "المسار",
    "access": "أماكن الولوج",
    "scc_signed": "البنود التعاقدية النموذجية موقعة",
    "dpa_art28": "عقد وفق المادة 28 من اللائحة العامة لحماية البيانات",
    "conclusion": "الخلاصة",
    "conclusion_p_within": "الاحتمال المقدر لوقوع ولوج محظور واحد على الأقل خلال {years} "
    "هو {p}، وهو "
    "في حدود ما يقبله مصدر المعطيات ({tolerance}).",
    "conclusion_p_above": "الاحتمال المقدر لوقوع ولوج محظور واحد على الأقل خلال {years} "
    "هو {p}، وهو "
    "يتجاوز ما يقبله مصدر المعطيات ({tolerance}).",
    "conclusion_asserted": "خلاصة القائم بالتقييم: {conclusion}.",
    "conclusion_findings": "ما سجلته قواعد النقل بشأن هذا التدفق:",
    "conclusion_no_findings": "لم تسجل قواعد النقل أي ملاحظة على شرط اللائحة العامة لحماية "
    "البيانات في هذا التدفق.",
    "concl_acceptable": "مقبول",
    "concl_measures_needed": "مقبول مع إجراءات تكميلية",
    "concl_not_acceptable": "غير مقبول",
    "step1": "المرحلة 1: معرفة النقل",
    "step1_intro": "مأخوذ من التدفق كما هو مسجل في التقييم.",
    "step2": "المرحلة 2: أداة النقل",
    "step3": "المرحلة 3: قانون بلد الوجهة وممارسته، {country}",
    "step3_intro": "لكل أساس قانوني يتيح للسلطات العامة في بلد الوجهة ({country}) الولوج إلى "
    "المعطيات: هل ينطبق على هذا المستورد وعلى هذه المعطيات، وكيف يقاس بالضمانات الأوروبية "
    "الأساسية الأربع: (أ) قواعد واضحة ودقيقة ومتاحة، (ب) الضرورة والتناسب، (ج) رقابة مستقلة، "
    "(د) سبل انتصاف فعالة. ويذكر الأساس الذي ثبت أنه لا ينطبق مع تعليله ومصادره فقط.",
    "step3_sheet": "بطاقة بلد {country}، محينة في {date}",
    "step3_verified": "تم التحقق من {verified} من أصل {count} من الأسس القانونية في هذه البطاقة "
    "بالرجوع إلى نصها الأصلي؛ أما الأسس الأخرى فموسومة بأنها غير متحقق منها ولا تقدم على أنها "
    "ثابتة.",
    "step3_no_sheet": "لا تتضمن المجموعة المرجعية المستعملة بطاقة لبلد {country}: تذكر الأسس "
    "أدناه بمعرفاتها فقط.",
    "step3_none": "لم يقيم أي أساس قانوني بعد.",
    "step4": "المرحلة 4: الإجراءات التكميلية",
    "step4_use_case": "حالة الاستخدام (توصيات المجلس الأوروبي لحماية البيانات رقم 01/2020، "
    "الملحق 2)",
    "step4_effective": "في حالة الاستخدام هذه، رأى المجلس الأوروبي لحماية البيانات أن الإجراءات "
    "التقنية يمكن أن تكون فعالة.",
    "step4_not_effective": "في حالة الاستخدام هذه، لم يجد المجلس الأوروبي لحماية البيانات أي "
    "إجراء تقني فعال حين تتجاوز صلاحيات السلطات ما هو ضروري ومتناسب: يقوم التقييم على المرحلة 3 "
    "وعلى الإجراءات التعاقدية والتنظيمية.",
    "step4_none": "لم يسجل أي إجراء تكميلي.",
    "step4_no_use_case": "حالة الاستخدام غير مذكورة.",
    "calc": "احتمال وقوع ولوج محظور",
    "calc_intro": "لكل أساس قانوني منطبق، الاحتمال السنوي هو حاصل ضرب أربعة تقديرات: أن "
    "تستهدف السلطات معطيات من هذا النوع لدى هذا المستورد، وأن يمكن إكراه المستورد، وأن تكون "
    "المعطيات مقروءة رغم الإجراءات، وأن يخفق الطعن أو الرفض. وعلى مدى الفترة، احتمال وقوع ولوج "
    "محظور واحد على الأقل هو {formula}، حيث p الاحتمال السنوي لكل أساس وn عدد السنوات. ويتبع "
    "هذا فكرة المنهج الكمي الذي نشره David Rosenthal؛ أما الصيغة فخاصة بهذه الأداة.",
    "calc_period": "الفترة",
    "calc_years": "{years}",
    "calc_tolerance": "ما يقبله مصدر المعطيات",
    "calc_result": "الاحتمال على مدى الفترة",
    "calc_yearly": "سنويا",
    "calc_justification": "التعليل",
    "calc_none": "لم يسجل أي تقدير كمي.",
    "calc_not_computed": "تعذر حساب الاحتمال: {reason}",
    "sensitivity": "الحساسية",
    "sensitivity_intro": "كيف يتغير الاحتمال على مدى الفترة حين يقسم كل مدخل على اثنين أو "
    "يضاعف (دون تجاوز 1)، مع بقاء المدخلات الأخرى على حالها.",
    "sens_input": "المدخل",
    "sens_value": "القيمة",
    "sens_halved": "مقسوما على اثنين",
    "sens_doubled": "مضاعفا",
    "sens_dominant": "المدخل الغالب هو {input} بالنسبة إلى {basis}: تغييره هو الأكثر تأثيرا في "
    "النتيجة.",
    "chart_label": "حساسية الاحتمال لكل مدخل",
    "chart_halved": "المدخل مقسوما على اثنين",
    "chart_doubled": "المدخل مضاعفا",
    "chart_result": "النتيجة {p}",
    "chart_tolerance": "الحد المقبول {tolerance}",
    "basis": "الأساس القانوني",
    "kind": "النوع",
    "applies": "ينطبق على هذا النقل",
    "applies_yes": "ينطبق",
    "applies_no": "لا ينطبق",
    "applies_unknown": "غير مقيم",
    "justification": "التعليل",
    "allows": "ما يتيحه",
    "compelled": "من يمكن إكراهه",
    "oversight": "الرقابة",
    "redress": "سبل الانتصاف",
    "eeg": "الضمانات الأوروبية الأساسية",
    "eeg_sheet": "البطاقة",
    "eeg_assessor": "القائم بالتقييم",
    "source": "المصادر",
    "primary": "نص أصلي",
    "secondary": "مصدر ثانوي",
    "verified": "متحقق منه بالرجوع إلى النص الأصلي",
    "unverified": "غير متحقق منه بالرجوع إلى النص الأصلي",
    "not_on_sheet": "غير وارد في بطاقة البلد",
    "measure": "الإجراء",
    "neutralises": "يفترض أنه يبطل أثر",
    "warning": "تنبيه",
    "measure_ineffective": "لا يمكنه إبطال أثر {bases} في حالة الاستخدام الخاصة بهذا التدفق "
    "(توصيات المجلس الأوروبي لحماية البيانات رقم 01/2020، الملحق 2: وحده الإجراء التقني يمكنه "
    "ذلك، وفي الحالات من 1 إلى 5 فقط): يذكر هنا ولا يحتسب.",
    "neutralised": "{value}، يحتسب 0: أبطل أثره إجراء فعال",
    "measure_no_basis": "لا يحدد هذا الإجراء أي أساس قانوني يبطل أثره.",
    "step5": "المرحلة 5: الخطوات الإجرائية",
    "step5_none_needed": "لا حاجة إلى أي خطوة إجرائية.",
    "step5_not_assessed": "الخطوات الإجرائية غير مقيمة.",
    "step_done": "منجزة",
    "step_pending": "للإنجاز",
    "step6": "المرحلة 6: إعادة التقييم",
    "step6_date": "إعادة التقييم قبل",
    "step6_overdue": "حل هذا التاريخ قبل تاريخ التقييم ({as_of}): يجب إعادة تقييم أثر النقل قبل "
    "أن يستند إليه النقل.",
    "step6_triggers": "الأحداث التي تستدعي إعادة التقييم قبل هذا التاريخ",
    "step6_no_triggers": "لم يسجل أي حدث يستدعي إعادة التقييم.",
    "sources": "المصادر",
    "sources_method": "المنهج",
    "sources_country": "بطاقة بلد {country}",
    "verdict_met": "مستوفاة",
    "verdict_partly_met": "مستوفاة جزئيا",
    "verdict_not_met": "غير مستوفاة",
    "verdict_unclear": "غير واضحة",
    "kind_technical": "تقني",
    "kind_contractual": "تعاقدي",
    "kind_organisational": "تنظيمي",
    "bkind_criminal_procedure": "المسطرة الجنائية",
    "bkind_intelligence": "الاستخبارات",
    "bkind_counter_terrorism": "مكافحة الإرهاب",
    "bkind_regulatory": "صلاحيات هيئة تنظيمية",
    "bkind_reporting": "واجب التبليغ",
    "bkind_scope_exclusion": "الاستثناء من نطاق قانون حماية المعطيات",
    "generated_by": "أعد هذه الوثيقة {engine} انطلاقا من تقييم {org} ({questionnaire} "
    "{version}). ويعطي التقييم نفسه الوثيقة نفسها دائما.",
    "unsigned_note": "هذه الوثيقة غير موقعة. وحين ترفق بحزمة تقرير موقعة، تحققوا من الحزمة قبل "
    "الاعتماد عليها.",
}

INPUT_NAMES: dict[str, tuple[str, str, str]] = {
    "p_target": ("P(target)", "P(ciblage)", "احتمال الاستهداف"),
    "p_compel": ("P(compelled)", "P(contrainte)", "احتمال الإكراه"),
    "p_readable": ("P(readable)", "P(lisible)", "احتمال المقروئية"),
    "p_challenge_fails": ("P(challenge fails)", "P(recours vain)", "احتمال إخفاق الطعن"),
}
"""The short names of the four yearly probabilities of a basis (English, French, Arabic: the
Arabic ones are words, as ``P(…)`` around Arabic would be reordered in a right-to-left line)."""

USE_CASE_NAMES: dict[str, tuple[str, str, str]] = {
    "storage_exporter_keys": (
        "1. storage needing no access in the clear, keys held by the exporter",
        "1. stockage sans accès en clair, clés détenues par l'exportateur",
        "الحالة 1: تخزين لا يستلزم الولوج إلى المعطيات غير مشفرة، والمفاتيح بيد مصدر المعطيات",
    ),
    "pseudonymised": (
        "2. pseudonymised data",
        "2. données pseudonymisées",
        "الحالة 2: معطيات معالجة بأسماء مستعارة",
    ),
    "encrypted_transit": (
        "3. encrypted data merely transiting",
        "3. données chiffrées en simple transit",
        "الحالة 3: معطيات مشفرة في حالة عبور فقط",
    ),
    "protected_recipient": (
        "4. a protected recipient",
        "4. un destinataire protégé",
        "الحالة 4: مرسل إليه محمي",
    ),
    "split_processing": (
        "5. split or multi-party processing",
        "5. traitement fractionné ou multipartite",
        "الحالة 5: معالجة مجزأة أو متعددة الأطراف",
    ),
    "cloud_in_clear": (
        "6. cloud or other processor needing the data in the clear",
        "6. nuage ou autre sous-traitant ayant besoin des données en clair",
        "الحالة 6: حوسبة سحابية أو معالج من الباطن آخر يحتاج إلى المعطيات غير مشفرة",
    ),
    "remote_access_business": (
        "7. remote access for business purposes, data in the clear",
        "7. accès à distance à des fins professionnelles, données en clair",
        "الحالة 7: ولوج عن بعد لأغراض مهنية، والمعطيات غير مشفرة",
    ),
}
"""The EDPB's Annex 2 use cases, numbered as in the recommendations."""

SOURCES: tuple[tuple[str, str, str], ...] = (
    (
        "EDPB, Recommendations 01/2020 on measures that supplement transfer tools to ensure "
        "compliance with the EU level of protection of personal data, version 2.0, adopted on "
        "18 June 2021",
        "CEPD, Recommandations 01/2020 sur les mesures qui complètent les instruments de "
        "transfert destinés à garantir le respect du niveau de protection des données à "
        "caractère personnel de l'UE, version 2.0, adoptées le 18 juin 2021",
        "المجلس الأوروبي لحماية البيانات، التوصيات رقم 01/2020 بشأن الإجراءات المكملة لأدوات "
        "النقل لضمان الامتثال لمستوى حماية المعطيات ذات الطابع الشخصي في الاتحاد الأوروبي، الصيغة "
        "2.0، المعتمدة في 18 يونيو 2021",
    ),
    (
        "EDPB, Recommendations 02/2020 on the European Essential Guarantees for surveillance "
        "measures, adopted on 10 November 2020",
        "CEPD, Recommandations 02/2020 sur les garanties essentielles européennes pour les "
        "mesures de surveillance, adoptées le 10 novembre 2020",
        "المجلس الأوروبي لحماية البيانات، التوصيات رقم 02/2020 بشأن الضمانات الأوروبية الأساسية "
        "لتدابير المراقبة، المعتمدة في 10 نونبر 2020",
    ),
    (
        "Commission Implementing Decision (EU) 2021/914 of 4 June 2021 (standard contractual "
        "clauses), Clause 14",
        "Décision d'exécution (UE) 2021/914 de la Commission du 4 juin 2021 (clauses "
        "contractuelles types), clause 14",
        "قرار التنفيذ (الاتحاد الأوروبي) 2021/914 للمفوضية الأوروبية المؤرخ في 4 يونيو 2021 "
        "(البنود التعاقدية النموذجية)، البند 14",
    ),
    (
        "Regulation (EU) 2016/679 (GDPR), Art. 44 and 46",
        "Règlement (UE) 2016/679 (RGPD), art. 44 et 46",
        "اللائحة (الاتحاد الأوروبي) 2016/679 (اللائحة العامة لحماية البيانات)، المادتان 44 و46",
    ),
    (
        "D. Rosenthal (VISCHER), published method and forms for a quantitative transfer impact "
        "assessment (the idea followed here; not its forms)",
        "D. Rosenthal (VISCHER), méthode et formulaires publiés pour une analyse d'impact du "
        "transfert quantitative (l'idée suivie ici, non ses formulaires)",
        "D. Rosenthal (VISCHER)، المنهج والاستمارات المنشورة لتقييم كمي لأثر النقل (الفكرة المتبعة "
        "هنا، لا استماراته)",
    ),
)
"""The method's sources, cited on every TIA document."""


@cache
def _french() -> dict[str, str]:
    return {key: french(text) for key, text in _FR.items()}


_INDEX = {"en": 0, "fr": 1, "ar": 2}


def pick(texts: tuple[str, str, str], lang: str) -> str:
    """The text of ``lang`` from an (English, French, Arabic) triple (English for another)."""
    return texts[_INDEX.get(lang, 0)]


def tia_strings(lang: str) -> Mapping[str, str]:
    """The TIA document's words in ``lang`` (English for an unknown language); French ones
    typeset (:func:`compliance.typography.french`: a no-break space before ``: ; ! ? %``)."""
    if lang == "ar":
        return _AR
    return _french() if lang == "fr" else _EN
