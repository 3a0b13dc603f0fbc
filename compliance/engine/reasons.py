"""Provides the reason codes of transfer findings and their sentences in English, French and Arabic.

Every finding :mod:`compliance.engine.transfers` makes about a flow carries one
:class:`ReasonCode`; :data:`REASONS` holds, for each code, its sentence in each language (with
``{placeholders}`` filled from the flow) and the articles it rests on. :data:`FRAGMENTS` holds the
words put into those sentences (frequencies, roles, statuses...), so that a French or Arabic
sentence never carries an English word.

French sentences are written with ordinary spaces and set in French typography when the catalogue
is built: a non-breaking space (U+00A0) before ``:``, ``;``, ``!`` and ``?``. Arabic sentences
use the glossary's terms (``questionnaires/glossary/ar.yaml``), Arabic punctuation and article
references in Arabic order ("المادة 46 من المرسوم"); they carry no diacritics and no bidi
controls. The Arabic of a finding is shown, never signed: :class:`compliance.model.result.Reason`
leaves it out of the result's bytes (ADR 0026).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from compliance.model.base import Text

__all__ = ["FRAGMENTS", "NBSP", "REASONS", "ReasonCode", "ReasonText", "fragment", "french"]

NBSP: Final = "\u00a0"

_L = "law-09-08"
_D = "decree-2-09-165"
_G = "gdpr"


class ReasonCode(StrEnum):
    """Every finding the transfer rules can make; the value is the code written in results."""

    FLOW_DESTINATION_UNKNOWN = "FLOW_DESTINATION_UNKNOWN"
    GDPR_ADEQUATE = "GDPR_ADEQUATE"
    GDPR_ADEQUACY_UNVERIFIED = "GDPR_ADEQUACY_UNVERIFIED"
    GDPR_ADEQUACY_CONDITION_UNKNOWN = "GDPR_ADEQUACY_CONDITION_UNKNOWN"
    GDPR_MECHANISM_UNKNOWN = "GDPR_MECHANISM_UNKNOWN"
    GDPR_NO_MECHANISM = "GDPR_NO_MECHANISM"
    GDPR_NOT_ADEQUATE = "GDPR_NOT_ADEQUATE"
    GDPR_ART49_SYSTEMATIC = "GDPR_ART49_SYSTEMATIC"
    GDPR_FREQUENCY_UNKNOWN = "GDPR_FREQUENCY_UNKNOWN"
    GDPR_ROLES_UNKNOWN = "GDPR_ROLES_UNKNOWN"
    GDPR_SCC_MODULE_MISMATCH = "GDPR_SCC_MODULE_MISMATCH"
    GDPR_SCC_NOT_SIGNED = "GDPR_SCC_NOT_SIGNED"
    GDPR_SCC_SIGNATURE_UNKNOWN = "GDPR_SCC_SIGNATURE_UNKNOWN"
    GDPR_TIA_NOT_ACCEPTABLE = "GDPR_TIA_NOT_ACCEPTABLE"
    GDPR_TIA_MISSING = "GDPR_TIA_MISSING"
    GDPR_TIA_CONCLUSION_UNKNOWN = "GDPR_TIA_CONCLUSION_UNKNOWN"
    GDPR_TIA_REVIEW_DUE = "GDPR_TIA_REVIEW_DUE"
    GDPR_MEASURES_MISSING = "GDPR_MEASURES_MISSING"
    GDPR_MEASURES_PLANNED = "GDPR_MEASURES_PLANNED"
    GDPR_DPA_MISSING = "GDPR_DPA_MISSING"
    GDPR_DPA_UNKNOWN = "GDPR_DPA_UNKNOWN"
    GDPR_SUBPROCESSOR_NOT_AUTHORISED = "GDPR_SUBPROCESSOR_NOT_AUTHORISED"
    GDPR_SUBPROCESSOR_AUTHORISATION_UNKNOWN = "GDPR_SUBPROCESSOR_AUTHORISATION_UNKNOWN"
    REGIME_OUTSIDE_EU = "REGIME_OUTSIDE_EU"
    MA_DECLARATION_UNKNOWN = "MA_DECLARATION_UNKNOWN"
    MA_NOT_DECLARED = "MA_NOT_DECLARED"
    MA_SENSITIVITY_UNKNOWN = "MA_SENSITIVITY_UNKNOWN"
    MA_AUTHORISATION_STANDS_FOR_DECLARATION = "MA_AUTHORISATION_STANDS_FOR_DECLARATION"
    MA_AUTHORISATION_UNKNOWN = "MA_AUTHORISATION_UNKNOWN"
    MA_PROCESSING_NOT_AUTHORISED = "MA_PROCESSING_NOT_AUTHORISED"
    MA_LISTED = "MA_LISTED"
    MA_LIST_UNVERIFIED = "MA_LIST_UNVERIFIED"
    MA_BASIS_UNKNOWN = "MA_BASIS_UNKNOWN"
    MA_NO_BASIS = "MA_NO_BASIS"
    MA_NOT_LISTED = "MA_NOT_LISTED"
    MA_GROUND_UNVERIFIED = "MA_GROUND_UNVERIFIED"
    MA_F118_UNKNOWN = "MA_F118_UNKNOWN"
    MA_F118_NOT_FILED = "MA_F118_NOT_FILED"
    MA_F118_NOT_FILED_TRANSFERRING = "MA_F118_NOT_FILED_TRANSFERRING"
    MA_F118_FILED = "MA_F118_FILED"
    MA_F118_FILED_AFTER_FIRST_TRANSFER = "MA_F118_FILED_AFTER_FIRST_TRANSFER"
    MA_F118_GRANTED = "MA_F118_GRANTED"
    MA_F118_DATES_UNKNOWN = "MA_F118_DATES_UNKNOWN"
    MA_F118_GRANTED_AFTER_FIRST_TRANSFER = "MA_F118_GRANTED_AFTER_FIRST_TRANSFER"
    MA_F118_REFUSED = "MA_F118_REFUSED"
    ONWARD_GAP = "ONWARD_GAP"
    # dated reference entries (issue 13 point 2): notes on the entry a verdict rests on
    GDPR_ADEQUACY_EXPIRING = "GDPR_ADEQUACY_EXPIRING"
    GDPR_ADEQUACY_SCOPE = "GDPR_ADEQUACY_SCOPE"
    GDPR_ADEQUACY_REVIEW = "GDPR_ADEQUACY_REVIEW"
    MA_LISTING_EXPIRING = "MA_LISTING_EXPIRING"
    # structured transfer impact assessments (issue 15 point 4)
    GDPR_TIA_STEPS_MISSING = "GDPR_TIA_STEPS_MISSING"
    GDPR_TIA_COUNTRY_NOT_ASSESSED = "GDPR_TIA_COUNTRY_NOT_ASSESSED"
    GDPR_TIA_BASIS_NOT_NEUTRALISED = "GDPR_TIA_BASIS_NOT_NEUTRALISED"
    GDPR_TIA_MEASURE_INEFFECTIVE = "GDPR_TIA_MEASURE_INEFFECTIVE"
    GDPR_TIA_ABOVE_TOLERANCE = "GDPR_TIA_ABOVE_TOLERANCE"
    GDPR_TIA_WITHIN_TOLERANCE = "GDPR_TIA_WITHIN_TOLERANCE"
    GDPR_TIA_REVIEW_PASSED = "GDPR_TIA_REVIEW_PASSED"


@dataclass(frozen=True, slots=True)
class ReasonText:
    """A reason's sentence in each language and the articles it rests on."""

    en: str
    fr: str
    ar: str
    refs: Mapping[str, tuple[str, ...]]


_BEFORE_PUNCTUATION = re.compile(r"[ \u00a0\u202f]*([:;!?])(?=\s|$)")


def french(text: str) -> str:
    """``text`` in French typography: one non-breaking space before ``:``, ``;``, ``!``, ``?``.

    Only a mark followed by a space or the end counts, so ``https://`` or ``{a:b}`` stay as they
    are.
    """
    return _BEFORE_PUNCTUATION.sub(lambda m: NBSP + m.group(1), text)


def _r(en: str, fr: str, ar: str, refs: Mapping[str, tuple[str, ...]]) -> ReasonText:
    return ReasonText(en, french(fr), ar, refs)


REASONS: Final[Mapping[ReasonCode, ReasonText]] = {
    ReasonCode.FLOW_DESTINATION_UNKNOWN: _r(
        "The destination of the flow is not given, so no transfer rule can be checked.",
        (
            "La destination du flux n'est pas indiquée : aucune règle de transfert ne peut être "
            "vérifiée."
        ),
        "وجهة التدفق غير محددة، فلا يمكن التحقق من أي قاعدة من قواعد نقل المعطيات.",
        {_L: ("43",), _G: ("44",)},
    ),
    ReasonCode.GDPR_ADEQUATE: _r(
        "{country} benefits from an EU adequacy decision ({decision}).",
        "{country} bénéficie d'une décision d'adéquation de l'UE ({decision}).",
        "يشمل قرار كفاية صادر عن الاتحاد الأوروبي {country} ({decision}).",
        {_G: ("45",)},
    ),
    ReasonCode.GDPR_ADEQUACY_UNVERIFIED: _r(
        "The adequacy of {country} rests on a reference list marked unverified; check it.",
        "L'adéquation de {country} repose sur une liste de référence non vérifiée ; à contrôler.",
        "تستند كفاية {country} إلى قائمة مرجعية موسومة بأنها غير متحقق منها؛ يتعين التحقق منها.",
        {_G: ("45",)},
    ),
    ReasonCode.GDPR_ADEQUACY_CONDITION_UNKNOWN: _r(
        (
            "The adequacy decision for {country} covers only {condition}; whether the importer "
            "qualifies is not given."
        ),
        (
            "La décision d'adéquation pour {country} ne couvre que {condition} ; on ignore si "
            "l'importateur en relève."
        ),
        "لا يشمل قرار الكفاية بشأن {country} إلا {condition}؛ ولم يحدد هل المستورد منها.",
        {_G: ("45",)},
    ),
    ReasonCode.GDPR_MECHANISM_UNKNOWN: _r(
        "No transfer mechanism is given for the transfer to {country}.",
        "Aucun mécanisme de transfert n'est indiqué pour le transfert vers {country}.",
        "لم تحدد أي آلية لنقل المعطيات نحو {country}.",
        {_G: ("44", "46")},
    ),
    ReasonCode.GDPR_NO_MECHANISM: _r(
        "Personal data subject to the GDPR goes to {country} without adequacy or an Art. 46 tool.",
        (
            "Des données soumises au RGPD vont vers {country} sans adéquation ni garantie de "
            "l'art. 46."
        ),
        (
            "تنقل معطيات ذات طابع شخصي خاضعة لأحكام اللائحة العامة لحماية البيانات نحو {country} "
            "دون قرار كفاية ولا ضمانة من ضمانات المادة 46."
        ),
        {_G: ("44", "46")},
    ),
    ReasonCode.GDPR_NOT_ADEQUATE: _r(
        "Adequacy is claimed for {country}, but no adequacy decision covers this flow.",
        (
            "L'adéquation est invoquée pour {country}, mais aucune décision d'adéquation ne "
            "couvre ce flux."
        ),
        "يحتج بالكفاية بالنسبة إلى {country}، لكن لا يشمل هذا التدفق أي قرار كفاية.",
        {_G: ("45",)},
    ),
    ReasonCode.GDPR_ART49_SYSTEMATIC: _r(
        (
            "An Art. 49 derogation is used for a {frequency} flow; derogations only fit "
            "occasional transfers."
        ),
        (
            "Une dérogation de l'art. 49 est utilisée pour un flux {frequency} ; elle ne vaut que "
            "pour des transferts occasionnels."
        ),
        (
            "يستعمل استثناء من استثناءات المادة 49 لتدفق {frequency}؛ ولا تصلح هذه الاستثناءات "
            "إلا لعمليات النقل العرضية."
        ),
        {_G: ("49(1)",)},
    ),
    ReasonCode.GDPR_FREQUENCY_UNKNOWN: _r(
        "An Art. 49 derogation is used but the frequency of the flow is not given.",
        "Une dérogation de l'art. 49 est utilisée mais la fréquence du flux n'est pas indiquée.",
        "يستعمل استثناء من استثناءات المادة 49، لكن وتيرة التدفق غير محددة.",
        {_G: ("49(1)",)},
    ),
    ReasonCode.GDPR_ROLES_UNKNOWN: _r(
        "The GDPR roles of exporter and importer are needed to check the SCC module.",
        (
            "Les rôles RGPD de l'exportateur et de l'importateur sont nécessaires pour vérifier "
            "le module des CCT."
        ),
        (
            "يلزم تحديد دوري المصدر والمستورد بمفهوم اللائحة العامة لحماية البيانات للتحقق من "
            "وحدة البنود التعاقدية النموذجية."
        ),
        {_G: ("46(2)(c)",)},
    ),
    ReasonCode.GDPR_SCC_MODULE_MISMATCH: _r(
        "{module} does not fit a {exporter_role} exporting to a {importer_role}; use {expected}.",
        (
            "{module} ne convient pas à un transfert d'un {exporter_role} vers un "
            "{importer_role} ; utilisez {expected}."
        ),
        "لا تلائم {module} نقلا من {exporter_role} إلى {importer_role}؛ استعملوا {expected}.",
        {_G: ("46(2)(c)",)},
    ),
    ReasonCode.GDPR_SCC_NOT_SIGNED: _r(
        "The standard contractual clauses are not signed.",
        "Les clauses contractuelles types ne sont pas signées.",
        "البنود التعاقدية النموذجية غير موقعة.",
        {_G: ("46(2)(c)",)},
    ),
    ReasonCode.GDPR_SCC_SIGNATURE_UNKNOWN: _r(
        "Whether the standard contractual clauses are signed is not given.",
        "On ignore si les clauses contractuelles types sont signées.",
        "لم يحدد هل البنود التعاقدية النموذجية موقعة.",
        {_G: ("46(2)(c)",)},
    ),
    ReasonCode.GDPR_TIA_NOT_ACCEPTABLE: _r(
        "The transfer impact assessment concludes the transfer is not acceptable.",
        "L'analyse d'impact du transfert conclut que le transfert n'est pas acceptable.",
        "يخلص تقييم أثر النقل إلى أن النقل غير مقبول.",
        {_G: ("44", "46(1)")},
    ),
    ReasonCode.GDPR_TIA_MISSING: _r(
        "No transfer impact assessment is recorded for this flow.",
        "Aucune analyse d'impact du transfert n'est enregistrée pour ce flux.",
        "لم يسجل لهذا التدفق تقييم أثر النقل.",
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_TIA_CONCLUSION_UNKNOWN: _r(
        "The conclusion of the transfer impact assessment is not given.",
        "La conclusion de l'analyse d'impact du transfert n'est pas indiquée.",
        "خلاصة تقييم أثر النقل غير محددة.",
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_TIA_REVIEW_DUE: _r(
        "The transfer impact assessment is undated or more than a year old on {as_of}; review it.",
        (
            "L'analyse d'impact du transfert n'est pas datée ou date de plus d'un an au {as_of} ; "
            "révisez-la."
        ),
        "تقييم أثر النقل غير مؤرخ أو مضت عليه أكثر من سنة في {as_of}؛ راجعوه.",
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_MEASURES_MISSING: _r(
        "The transfer impact assessment calls for supplementary measures and none is in place.",
        (
            "L'analyse d'impact du transfert exige des mesures supplémentaires et aucune n'est en "
            "place."
        ),
        "يستلزم تقييم أثر النقل تدابير تكميلية، ولا يطبق أي منها.",
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_MEASURES_PLANNED: _r(
        "Supplementary measures are promised but not yet in place.",
        "Des mesures supplémentaires sont prévues mais pas encore en place.",
        "التدابير التكميلية موعود بها لكنها غير مطبقة بعد.",
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_DPA_MISSING: _r(
        "No Art. 28 data processing agreement binds the importing processor.",
        "Aucun contrat de sous-traitance (art. 28) ne lie le sous-traitant importateur.",
        "لا يلزم المعالج من الباطن المستورد أي عقد لمعالجة المعطيات وفق المادة 28.",
        {_G: ("28(3)",), _L: ("23",)},
    ),
    ReasonCode.GDPR_DPA_UNKNOWN: _r(
        "Whether an Art. 28 data processing agreement is signed is not given.",
        "On ignore si un contrat de sous-traitance (art. 28) est signé.",
        "لم يحدد هل وقع عقد لمعالجة المعطيات وفق المادة 28.",
        {_G: ("28(3)",), _L: ("23",)},
    ),
    ReasonCode.GDPR_SUBPROCESSOR_NOT_AUTHORISED: _r(
        "The sub-processor is not authorised by the controller.",
        "Le sous-traitant ultérieur n'est pas autorisé par le responsable du traitement.",
        "لم يأذن المسؤول عن المعالجة للمعالج من الباطن اللاحق.",
        {_G: ("28(2)", "28(4)")},
    ),
    ReasonCode.GDPR_SUBPROCESSOR_AUTHORISATION_UNKNOWN: _r(
        "Whether the controller authorised this sub-processor is not given.",
        "On ignore si le responsable du traitement a autorisé ce sous-traitant ultérieur.",
        "لم يحدد هل أذن المسؤول عن المعالجة لهذا المعالج من الباطن اللاحق.",
        {_G: ("28(2)", "28(4)")},
    ),
    ReasonCode.REGIME_OUTSIDE_EU: _r(
        (
            "The exporter is subject to {regime}, outside the EU rules' scope: assess it under "
            "that law."
        ),
        (
            "L'exportateur relève de {regime}, hors du champ des règles de l'UE : évaluez le flux "
            "selon ce droit."
        ),
        (
            "يخضع المصدر لأحكام {regime}، خارج نطاق قواعد الاتحاد الأوروبي: قيموا التدفق وفق ذلك "
            "القانون."
        ),
        {},
    ),
    ReasonCode.MA_DECLARATION_UNKNOWN: _r(
        "Neither the CNDP declaration receipt nor an authorisation of this processing is given.",
        "Ni le récépissé de déclaration CNDP ni une autorisation de ce traitement n'est indiqué.",
        "لم يحدد وصل التصريح لدى اللجنة الوطنية ولا إذن بهذه المعالجة.",
        {_L: ("12", "13")},
    ),
    ReasonCode.MA_NOT_DECLARED: _r(
        (
            "The processing in Morocco is not declared to the CNDP, and no authorisation of it is "
            "given."
        ),
        (
            "Le traitement au Maroc n'est pas déclaré à la CNDP, et aucune autorisation n'en est "
            "indiquée."
        ),
        "لم يودع لدى اللجنة الوطنية تصريح بالمعالجة بالمغرب، ولم يحدد أي إذن بها.",
        {_L: ("12", "13")},
    ),
    ReasonCode.MA_AUTHORISATION_STANDS_FOR_DECLARATION: _r(
        (
            "The processing holds a CNDP authorisation ({reference}), which stands in for its "
            "declaration: Art. 12 asks for one or the other."
        ),
        (
            "Le traitement bénéficie d'une autorisation de la CNDP ({reference}), qui tient lieu "
            "de déclaration : l'art. 12 exige l'une ou l'autre."
        ),
        (
            "تتوفر المعالجة على إذن من اللجنة الوطنية ({reference})، يقوم مقام التصريح بها: "
            "فالمادة 12 تستلزم أحدهما."
        ),
        {_L: ("12",)},
    ),
    ReasonCode.MA_SENSITIVITY_UNKNOWN: _r(
        (
            "Whether the flow carries criminal data or national ID numbers is not given, so the "
            "need for a CNDP authorisation cannot be ruled out."
        ),
        (
            "On ignore si le flux contient des données pénales ou des numéros d'identité "
            "nationale : le besoin d'une autorisation CNDP ne peut être écarté."
        ),
        (
            "لم يحدد هل يتضمن التدفق معطيات متعلقة بالمخالفات أو أرقام بطاقة التعريف الوطنية، "
            "فلا يمكن استبعاد الحاجة إلى إذن من اللجنة الوطنية."
        ),
        {_L: ("12",)},
    ),
    ReasonCode.MA_AUTHORISATION_UNKNOWN: _r(
        "The processing needs a CNDP authorisation ({why}); its reference is not given.",
        "Le traitement exige une autorisation CNDP ({why}) ; sa référence n'est pas indiquée.",
        "تستلزم المعالجة إذنا من اللجنة الوطنية ({why})؛ ومرجعه غير محدد.",
        {_L: ("12", "21")},
    ),
    ReasonCode.MA_PROCESSING_NOT_AUTHORISED: _r(
        "The processing needs a CNDP authorisation ({why}) and has none.",
        "Le traitement exige une autorisation CNDP ({why}) et n'en a pas.",
        "تستلزم المعالجة إذنا من اللجنة الوطنية ({why}) ولا تتوفر عليه.",
        {_L: ("12", "21")},
    ),
    ReasonCode.MA_LISTED: _r(
        "{country} is on the CNDP list of states with adequate protection.",
        "{country} figure sur la liste CNDP des États assurant une protection suffisante.",
        "يرد {country} في قائمة اللجنة الوطنية للدول التي يتوفر فيها مستوى حماية كاف.",
        {_L: ("43",)},
    ),
    ReasonCode.MA_LIST_UNVERIFIED: _r(
        (
            "Whether {country} is on the CNDP list rests on reference data marked unverified; "
            "check the deliberation."
        ),
        (
            "L'inscription de {country} sur la liste CNDP repose sur des données non vérifiées ; "
            "vérifiez la délibération."
        ),
        (
            "يستند ورود {country} في قائمة اللجنة الوطنية إلى معطيات مرجعية موسومة بأنها غير "
            "متحقق منها؛ تحققوا من المداولة."
        ),
        {_L: ("43",)},
    ),
    ReasonCode.MA_BASIS_UNKNOWN: _r(
        "{country} is not on the CNDP list and no Art. 44 ground or authorisation is given.",
        (
            "{country} ne figure pas sur la liste CNDP et aucun motif de l'art. 44 ni "
            "autorisation n'est indiqué."
        ),
        "لا يرد {country} في قائمة اللجنة الوطنية، ولم يحدد أي سبب من أسباب المادة 44 ولا أي إذن.",
        {_L: ("44",), _D: ("47", "48")},
    ),
    ReasonCode.MA_NO_BASIS: _r(
        (
            "Data leaves Morocco for {country}, not on the CNDP list, with no Art. 44 ground and "
            "no CNDP authorisation."
        ),
        (
            "Des données quittent le Maroc vers {country}, hors liste CNDP, sans motif de l'art. "
            "44 ni autorisation de la CNDP."
        ),
        (
            "تغادر المعطيات المغرب نحو {country}، غير الوارد في قائمة اللجنة الوطنية، دون أي سبب "
            "من أسباب المادة 44 ولا إذن من اللجنة الوطنية."
        ),
        {_L: ("43", "44")},
    ),
    ReasonCode.MA_NOT_LISTED: _r(
        "The flow relies on the CNDP list, but {country} is not on it as recorded.",
        (
            "Le flux s'appuie sur la liste CNDP, mais {country} n'y figure pas selon les données "
            "enregistrées."
        ),
        "يستند التدفق إلى قائمة اللجنة الوطنية، لكن {country} لا يرد فيها حسب المعطيات المسجلة.",
        {_L: ("43",)},
    ),
    ReasonCode.MA_GROUND_UNVERIFIED: _r(
        "The Art. 44 ground relied on is marked unverified in the reference data.",
        "Le motif de l'art. 44 invoqué est marqué non vérifié dans les données de référence.",
        "السبب المحتج به من أسباب المادة 44 موسوم في المعطيات المرجعية بأنه غير متحقق منه.",
        {_L: ("44",), _D: ("47",)},
    ),
    ReasonCode.MA_F118_UNKNOWN: _r(
        (
            "Whether a transfer request (CNDP form F118) is filed for the transfer to {country} is "
            "not given; it must set out {content}."
        ),
        (
            "On ignore si une demande de transfert (formulaire F118 de la CNDP) est déposée pour "
            "le transfert vers {country} ; elle doit exposer {content}."
        ),
        (
            "لم يحدد هل أودع طلب النقل (النموذج F118 لدى اللجنة الوطنية) بشأن النقل نحو "
            "{country}؛ ويجب أن يتضمن {content}."
        ),
        {_L: ("28(11)",)},
    ),
    ReasonCode.MA_F118_NOT_FILED: _r(
        (
            "No transfer request (CNDP form F118) is filed for the transfer to {country}; it must "
            "set out {content}."
        ),
        (
            "Aucune demande de transfert (formulaire F118 de la CNDP) n'est déposée pour le "
            "transfert vers {country} ; elle doit exposer {content}."
        ),
        (
            "لم يودع أي طلب نقل (النموذج F118 لدى اللجنة الوطنية) بشأن النقل نحو {country}؛ ويجب "
            "أن يتضمن {content}."
        ),
        {_L: ("28(11)",)},
    ),
    ReasonCode.MA_F118_NOT_FILED_TRANSFERRING: _r(
        (
            "Data has been leaving Morocco for {country}, not on the CNDP list, since {first} "
            "with no transfer request (CNDP form F118) filed."
        ),
        (
            "Des données quittent le Maroc vers {country}, hors liste CNDP, depuis le {first} "
            "sans qu'aucune demande de transfert (formulaire F118 de la CNDP) soit déposée."
        ),
        (
            "تغادر المعطيات المغرب نحو {country}، غير الوارد في قائمة اللجنة الوطنية، منذ "
            "{first} دون إيداع أي طلب نقل (النموذج F118 لدى اللجنة الوطنية)."
        ),
        {_L: ("28(11)",)},
    ),
    ReasonCode.MA_F118_FILED: _r(
        (
            "The transfer request (CNDP form F118) for {country} is filed{filed} and not yet "
            "decided. The CNDP treats F118 as a request for its authorisation. Decree Art. 28 "
            "counts an authorisation request left undecided for two months (extendable once) as "
            "granted; whether the CNDP applies this to transfer requests is unverified, so do not "
            "rely on its silence."
        ),
        (
            "La demande de transfert (formulaire F118 de la CNDP) vers {country} est déposée"
            "{filed} et n'a pas encore reçu de décision. La CNDP traite le F118 comme une demande "
            "d'autorisation. L'art. 28 du décret tient pour accordée une demande d'autorisation "
            "restée sans décision pendant deux mois (délai prorogeable une fois) ; que la CNDP "
            "l'applique aux demandes de transfert n'est pas vérifié : ne vous fiez pas à son "
            "silence."
        ),
        (
            "أودع طلب النقل (النموذج F118 لدى اللجنة الوطنية) نحو {country}{filed} ولم يبت فيه "
            "بعد. وتعامل اللجنة الوطنية النموذج F118 باعتباره طلب إذن. وتعد المادة 28 من المرسوم "
            "طلب الإذن الذي لم يبت فيه داخل شهرين (قابلين للتمديد مرة واحدة) مقبولا؛ ولم يتحقق "
            "من أن اللجنة الوطنية تطبق ذلك على طلبات النقل، فلا تعولوا على سكوتها."
        ),
        {_L: ("28(11)",), _D: ("28",)},
    ),
    ReasonCode.MA_F118_FILED_AFTER_FIRST_TRANSFER: _r(
        (
            "The first transfer to {country} ({first}) came before the transfer request (CNDP "
            "form F118) was filed ({filed})."
        ),
        (
            "Le premier transfert vers {country} ({first}) a précédé le dépôt de la demande de "
            "transfert (formulaire F118 de la CNDP) ({filed})."
        ),
        (
            "سبق أول نقل نحو {country} ({first}) إيداع طلب النقل (النموذج F118 لدى اللجنة "
            "الوطنية) ({filed})."
        ),
        {_L: ("28(11)",)},
    ),
    ReasonCode.MA_F118_GRANTED: _r(
        (
            "The CNDP granted the transfer request (form F118) for {country} on {decided}, before "
            "the first transfer."
        ),
        (
            "La CNDP a accordé la demande de transfert (formulaire F118) vers {country} le "
            "{decided}, avant le premier transfert."
        ),
        (
            "وافقت اللجنة الوطنية على طلب النقل (النموذج F118) نحو {country} في {decided}، قبل "
            "أول نقل."
        ),
        {_L: ("28(11)",)},
    ),
    ReasonCode.MA_F118_DATES_UNKNOWN: _r(
        (
            "The CNDP granted the transfer request (form F118) for {country}, but the date of its "
            "decision or of the first transfer is not given, so their order cannot be checked."
        ),
        (
            "La CNDP a accordé la demande de transfert (formulaire F118) vers {country}, mais la "
            "date de sa décision ou du premier transfert n'est pas indiquée : leur ordre ne peut "
            "être vérifié."
        ),
        (
            "وافقت اللجنة الوطنية على طلب النقل (النموذج F118) نحو {country}، لكن تاريخ قرارها "
            "أو تاريخ أول نقل غير محدد، فلا يمكن التحقق من ترتيبهما."
        ),
        {_L: ("28(11)",)},
    ),
    ReasonCode.MA_F118_GRANTED_AFTER_FIRST_TRANSFER: _r(
        (
            "The first transfer to {country} ({first}) came before the CNDP granted the transfer "
            "request (form F118) on {decided}."
        ),
        (
            "Le premier transfert vers {country} ({first}) a précédé la décision de la CNDP "
            "accordant la demande de transfert (formulaire F118), le {decided}."
        ),
        (
            "سبق أول نقل نحو {country} ({first}) موافقة اللجنة الوطنية على طلب النقل (النموذج "
            "F118) في {decided}."
        ),
        {_L: ("28(11)",)},
    ),
    ReasonCode.MA_F118_REFUSED: _r(
        "The CNDP refused the transfer request (form F118) for {country}{decided}.",
        "La CNDP a refusé la demande de transfert (formulaire F118) vers {country}{decided}.",
        "رفضت اللجنة الوطنية طلب النقل (النموذج F118) نحو {country}{decided}.",
        {_L: ("28(11)",)},
    ),
    ReasonCode.GDPR_ADEQUACY_EXPIRING: _r(
        (
            "The adequacy decision for {country} ({decision}) expires on {expires}, within six "
            "months of {as_of}; check whether it is renewed, or prepare another transfer tool."
        ),
        (
            "La décision d'adéquation pour {country} ({decision}) expire le {expires}, moins de "
            "six mois après le {as_of} ; vérifier son renouvellement ou préparer un autre outil de "
            "transfert."
        ),
        (
            "ينتهي قرار الكفاية بشأن {country} ({decision}) في {expires}، أي خلال ستة أشهر من "
            "{as_of}؛ تحققوا من تجديده أو أعدوا أداة نقل أخرى."
        ),
        {_G: ("45",)},
    ),
    ReasonCode.GDPR_ADEQUACY_SCOPE: _r(
        "The adequacy decision for {country} covers: {scope}",
        "La décision d'adéquation pour {country} couvre : {scope}",
        "يشمل قرار الكفاية بشأن {country}: {scope}",
        {_G: ("45",)},
    ),
    ReasonCode.GDPR_ADEQUACY_REVIEW: _r(
        "On the adequacy decision for {country}: {review}",
        "Sur la décision d'adéquation pour {country} : {review}",
        "عن قرار الكفاية بشأن {country}: {review}",
        {_G: ("45",)},
    ),
    ReasonCode.MA_LISTING_EXPIRING: _r(
        (
            "The CNDP listing of {country} ends on {expires}, within six months of {as_of}; "
            "check with the CNDP before relying on it."
        ),
        (
            "L'inscription de {country} sur la liste CNDP prend fin le {expires}, moins de six "
            "mois après le {as_of} ; vérifier auprès de la CNDP avant de s'y fonder."
        ),
        (
            "ينتهي ورود {country} في قائمة اللجنة الوطنية في {expires}، أي خلال ستة أشهر من "
            "{as_of}؛ تحققوا لدى اللجنة الوطنية قبل الاستناد إليه."
        ),
        {_L: ("43",)},
    ),
    ReasonCode.GDPR_TIA_STEPS_MISSING: _r(
        (
            "The transfer impact assessment for {country} does not complete {steps} of the "
            "EDPB's six; SCC Clause 14 and GDPR Art. 46 call for the whole assessment before "
            "relying on the clauses."
        ),
        (
            "L'analyse d'impact du transfert vers {country} ne complète pas {steps} parmi les six "
            "de l'EDPB ; la clause 14 des CCT et l'art. 46 du RGPD exigent l'analyse entière avant "
            "de se fonder sur les clauses."
        ),
        (
            "لا يستكمل تقييم أثر النقل بشأن {country} {steps} من الخطوات الست للمجلس الأوروبي "
            "لحماية البيانات؛ ويستلزم البند 14 من البنود التعاقدية النموذجية والمادة 46 من "
            "اللائحة العامة لحماية البيانات التقييم كاملا قبل الاستناد إلى البنود."
        ),
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_TIA_COUNTRY_NOT_ASSESSED: _r(
        (
            "The transfer impact assessment covers {assessed}, but the data also reaches "
            "{country}, which it does not assess (EDPB step 1; SCC Clause 14; GDPR Art. 46)."
        ),
        (
            "L'analyse d'impact du transfert porte sur {assessed}, mais les données atteignent "
            "aussi {country}, qu'elle n'évalue pas (étape 1 de l'EDPB ; clause 14 des CCT ; "
            "art. 46 du RGPD)."
        ),
        (
            "يتناول تقييم أثر النقل {assessed}، لكن المعطيات تصل أيضا إلى {country} دون أن يقيمه "
            "(الخطوة 1 للمجلس الأوروبي لحماية البيانات؛ البند 14 من البنود التعاقدية النموذجية؛ "
            "المادة 46 من اللائحة العامة لحماية البيانات)."
        ),
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_TIA_BASIS_NOT_NEUTRALISED: _r(
        (
            "{basis} in {country} reaches this transfer, and no supplementary measure effective "
            "for {use_case} neutralises it, nor does an estimate within tolerance cover it (EDPB "
            "steps 3 and 4; SCC Clause 14; GDPR Art. 46)."
        ),
        (
            "{basis} ({country}) atteint ce transfert, et aucune mesure supplémentaire efficace "
            "pour {use_case} ne le neutralise, ni aucune estimation dans la tolérance ne le "
            "couvre (étapes 3 et 4 de l'EDPB ; clause 14 des CCT ; art. 46 du RGPD)."
        ),
        (
            "يطال {basis} ({country}) هذا النقل، ولا يحيده أي تدبير تكميلي فعال في حالة "
            "{use_case}، ولا يغطيه أي تقدير داخل حد التحمل (الخطوتان 3 و4 للمجلس الأوروبي لحماية "
            "البيانات؛ البند 14 من البنود التعاقدية النموذجية؛ المادة 46 من اللائحة العامة "
            "لحماية البيانات)."
        ),
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_TIA_MEASURE_INEFFECTIVE: _r(
        (
            'Warning: the {kind} measure "{measure}" is claimed against {basis}, but cannot '
            "neutralise it for {use_case} (EDPB step 4 and Annex 2; SCC Clause 14; GDPR "
            "Art. 46); it is not counted."
        ),
        (
            "Attention : la mesure {kind} « {measure} » est invoquée contre {basis}, mais ne "
            "peut le neutraliser pour {use_case} (étape 4 et annexe 2 de l'EDPB ; clause 14 des "
            "CCT ; art. 46 du RGPD) ; elle n'est pas prise en compte."
        ),
        (
            "تنبيه: يحتج بالتدبير {kind} «{measure}» في مواجهة {basis}، لكنه لا يستطيع تحييده في "
            "حالة {use_case} (الخطوة 4 والملحق 2 للمجلس الأوروبي لحماية البيانات؛ البند 14 من "
            "البنود التعاقدية النموذجية؛ المادة 46 من اللائحة العامة لحماية البيانات)؛ فلا "
            "يحتسب."
        ),
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_TIA_ABOVE_TOLERANCE: _r(
        (
            "The estimated probability of at least one prohibited access in {country} over "
            "{years} years, {probability}, is above the exporter's tolerance of {tolerance} (EDPB "
            "step 4; SCC Clause 14; GDPR Art. 46)."
        ),
        (
            "La probabilité estimée d'au moins un accès prohibé ({country}) sur {years} ans, "
            "{probability}, dépasse la tolérance de l'exportateur, {tolerance} (étape 4 de "
            "l'EDPB ; clause 14 des CCT ; art. 46 du RGPD)."
        ),
        (
            "الاحتمال المقدر لولوج محظور واحد على الأقل ({country}) خلال {years} سنوات، أي "
            "{probability}، يتجاوز حد التحمل لدى المصدر، وهو {tolerance} (الخطوة 4 للمجلس "
            "الأوروبي لحماية البيانات؛ البند 14 من البنود التعاقدية النموذجية؛ المادة 46 من "
            "اللائحة العامة لحماية البيانات)."
        ),
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_TIA_WITHIN_TOLERANCE: _r(
        (
            "The estimated probability of at least one prohibited access in {country} over "
            "{years} years, {probability}, is within the exporter's tolerance of {tolerance} "
            "(EDPB step 4; SCC Clause 14; GDPR Art. 46)."
        ),
        (
            "La probabilité estimée d'au moins un accès prohibé ({country}) sur {years} ans, "
            "{probability}, reste dans la tolérance de l'exportateur, {tolerance} (étape 4 de "
            "l'EDPB ; clause 14 des CCT ; art. 46 du RGPD)."
        ),
        (
            "الاحتمال المقدر لولوج محظور واحد على الأقل ({country}) خلال {years} سنوات، أي "
            "{probability}، يبقى داخل حد التحمل لدى المصدر، وهو {tolerance} (الخطوة 4 للمجلس "
            "الأوروبي لحماية البيانات؛ البند 14 من البنود التعاقدية النموذجية؛ المادة 46 من "
            "اللائحة العامة لحماية البيانات)."
        ),
        {_G: ("46(1)",)},
    ),
    ReasonCode.GDPR_TIA_REVIEW_PASSED: _r(
        (
            "The transfer impact assessment was to be re-evaluated by {review_by}, which is past "
            "on {as_of}; re-evaluate it (EDPB step 6; SCC Clause 14; GDPR Art. 46)."
        ),
        (
            "L'analyse d'impact du transfert devait être réévaluée au plus tard le {review_by}, "
            "date dépassée au {as_of} ; réévaluez-la (étape 6 de l'EDPB ; clause 14 des CCT ; "
            "art. 46 du RGPD)."
        ),
        (
            "كان يتعين إعادة تقييم أثر النقل في أجل أقصاه {review_by}، وقد انقضى هذا الأجل في "
            "{as_of}؛ أعيدوا تقييمه (الخطوة 6 للمجلس الأوروبي لحماية البيانات؛ البند 14 من "
            "البنود التعاقدية النموذجية؛ المادة 46 من اللائحة العامة لحماية البيانات)."
        ),
        {_G: ("46(1)",)},
    ),
    ReasonCode.ONWARD_GAP: _r(
        "Onward flow {child} {child_status}.",
        "Le flux ultérieur {child} {child_status}.",
        "التدفق اللاحق {child} {child_status}.",
        {_G: ("44",), _L: ("44",)},
    ),
}


FRAGMENTS: Final[Mapping[str, tuple[str, str, str]]] = {
    # how often a flow runs (GDPR_ART49_SYSTEMATIC)
    "frequency.one_off": ("one-off", "ponctuel", "لمرة واحدة"),
    "frequency.periodic": ("periodic", "périodique", "دوري"),
    "frequency.continuous": ("continuous", "continu", "مستمر"),
    # whom a partial adequacy decision covers (GDPR_ADEQUACY_CONDITION_UNKNOWN)
    "condition.dpf_certified": (
        "organisations certified under the EU-US Data Privacy Framework",
        "les organisations certifiées au titre du cadre de protection des données UE-États-Unis",
        (
            "المنظمات المعتمدة في إطار حماية البيانات والحياة الخاصة بين الاتحاد الأوروبي "
            "والولايات المتحدة"
        ),
    ),
    "condition.commercial_org": (
        "commercial organisations",
        "les organisations commerciales",
        "المنظمات التجارية",
    ),
    # GDPR roles (GDPR_SCC_MODULE_MISMATCH)
    "role.controller": ("controller", "responsable du traitement", "مسؤول عن المعالجة"),
    "role.joint_controller": (
        "joint controller",
        "responsable conjoint du traitement",
        "مسؤول مشترك عن المعالجة",
    ),
    "role.processor": ("processor", "sous-traitant", "معالج من الباطن"),
    "role.sub_processor": ("sub-processor", "sous-traitant ultérieur", "معالج من الباطن لاحق"),
    "or": (" or ", " ou ", " أو "),
    "another_tool": ("another tool", "un autre outil", "أداة أخرى"),
    # why a processing needs a CNDP authorisation (Law 09-08 Art. 12, 21)
    "sensitive.health": ("health data", "données de santé", "معطيات متعلقة بالصحة"),
    "sensitive.genetic": ("genetic data", "données génétiques", "معطيات جينية"),
    "sensitive.racial_ethnic": (
        "racial or ethnic origin",
        "origine raciale ou ethnique",
        "الأصل العرقي أو الإثني",
    ),
    "sensitive.political": ("political opinions", "opinions politiques", "الآراء السياسية"),
    "sensitive.religious": ("religious beliefs", "convictions religieuses", "القناعات الدينية"),
    "sensitive.union": ("union membership", "appartenance syndicale", "الانتماء النقابي"),
    "sensitive.criminal": ("criminal data", "données pénales", "معطيات متعلقة بالمخالفات"),
    "sensitive.national_id": (
        "national ID numbers",
        "numéros d'identité nationale",
        "أرقام بطاقة التعريف الوطنية",
    ),
    "list.separator": (", ", ", ", "، "),
    # what an F118 must set out, by the country's case (Decree Art. 46, 47, 48)
    "f118.listed": (
        "the Decree Art. 46 particulars (the parties, the file, the data and data subjects with "
        "their approximate number, the recipient's purpose, the mode and frequency, the date of "
        "the first transfer)",
        "les mentions de l'art. 46 du décret (les parties, le fichier, les données et les "
        "personnes concernées avec leur nombre approximatif, la finalité chez le destinataire, le "
        "mode et la fréquence, la date du premier transfert)",
        (
            "البيانات المنصوص عليها في المادة 46 من المرسوم (الأطراف، والملف، والمعطيات والأشخاص "
            "المعنيون مع عددهم التقريبي، والغاية لدى المرسل إليه، وكيفية النقل ووتيرته، وتاريخ "
            "أول نقل)"
        ),
    ),
    "f118.exception": (
        "the Decree Art. 46 particulars and the exact Art. 44 exception relied on (Decree Art. 47)",
        "les mentions de l'art. 46 du décret et l'exception précise de l'art. 44 invoquée "
        "(art. 47 du décret)",
        (
            "البيانات المنصوص عليها في المادة 46 من المرسوم والاستثناء المحدد المحتج به من "
            "استثناءات المادة 44 (المادة 47 من المرسوم)"
        ),
    ),
    "f118.authorisation": (
        "the Decree Art. 46 particulars and the guarantees and measures that ensure adequate "
        "protection, such as contract clauses or internal rules (Decree Art. 48)",
        "les mentions de l'art. 46 du décret et les garanties et mesures assurant une protection "
        "suffisante, telles que des clauses contractuelles ou des règles internes (art. 48 du "
        "décret)",
        (
            "البيانات المنصوص عليها في المادة 46 من المرسوم والضمانات والتدابير التي تكفل مستوى "
            "حماية كاف، مثل البنود التعاقدية أو القواعد الداخلية (المادة 48 من المرسوم)"
        ),
    ),
    "f118.unlisted": (
        "the Decree Art. 46 particulars and either the exact Art. 44 exception relied on (Decree "
        "Art. 47) or the guarantees and measures that ensure adequate protection (Decree Art. 48)",
        "les mentions de l'art. 46 du décret et soit l'exception précise de l'art. 44 invoquée "
        "(art. 47 du décret), soit les garanties et mesures assurant une protection suffisante "
        "(art. 48 du décret)",
        (
            "البيانات المنصوص عليها في المادة 46 من المرسوم، وإما الاستثناء المحدد المحتج به من "
            "استثناءات المادة 44 (المادة 47 من المرسوم) وإما الضمانات والتدابير التي تكفل مستوى "
            "حماية كاف (المادة 48 من المرسوم)"
        ),
    ),
    # the EDPB use cases (GDPR_TIA_BASIS_NOT_NEUTRALISED, GDPR_TIA_MEASURE_INEFFECTIVE)
    "use_case.storage_exporter_keys": (
        "storage with keys held only by the exporter (EDPB use case 1)",
        "un stockage aux clés détenues par le seul exportateur (cas d'usage 1 de l'EDPB)",
        "تخزين بمفاتيح يحتفظ بها المصدر وحده (حالة الاستعمال 1 للمجلس الأوروبي لحماية البيانات)",
    ),
    "use_case.pseudonymised": (
        "pseudonymised data (EDPB use case 2)",
        "des données pseudonymisées (cas d'usage 2 de l'EDPB)",
        "معطيات مستعارة الهوية (حالة الاستعمال 2 للمجلس الأوروبي لحماية البيانات)",
    ),
    "use_case.encrypted_transit": (
        "encrypted data in transit (EDPB use case 3)",
        "des données chiffrées en transit (cas d'usage 3 de l'EDPB)",
        "معطيات مشفرة أثناء النقل (حالة الاستعمال 3 للمجلس الأوروبي لحماية البيانات)",
    ),
    "use_case.protected_recipient": (
        "a protected recipient (EDPB use case 4)",
        "un destinataire protégé (cas d'usage 4 de l'EDPB)",
        "مرسل إليه محمي (حالة الاستعمال 4 للمجلس الأوروبي لحماية البيانات)",
    ),
    "use_case.split_processing": (
        "split or multi-party processing (EDPB use case 5)",
        "un traitement fractionné ou multipartite (cas d'usage 5 de l'EDPB)",
        "معالجة مجزأة أو متعددة الأطراف (حالة الاستعمال 5 للمجلس الأوروبي لحماية البيانات)",
    ),
    "use_case.cloud_in_clear": (
        "a processor needing the data in the clear (EDPB use case 6)",
        "un sous-traitant ayant besoin des données en clair (cas d'usage 6 de l'EDPB)",
        (
            "معالج من الباطن يحتاج إلى المعطيات غير مشفرة (حالة الاستعمال 6 للمجلس الأوروبي "
            "لحماية البيانات)"
        ),
    ),
    "use_case.remote_access_business": (
        "remote access for business purposes with the data in the clear (EDPB use case 7)",
        "un accès à distance à des fins professionnelles, données en clair (cas d'usage 7 de "
        "l'EDPB)",
        (
            "ولوج عن بعد لغايات مهنية مع معطيات غير مشفرة (حالة الاستعمال 7 للمجلس الأوروبي "
            "لحماية البيانات)"
        ),
    ),
    "use_case.unknown": (
        "the flow's use case, which the TIA does not give",
        "le cas d'usage du flux, que l'analyse n'indique pas",
        "حالة استعمال التدفق، التي لا يحددها تقييم أثر النقل",
    ),
    # the kinds of supplementary measure (GDPR_TIA_MEASURE_INEFFECTIVE)
    "measure.technical": ("technical", "technique", "التقني"),
    "measure.contractual": ("contractual", "contractuelle", "التعاقدي"),
    "measure.organisational": ("organisational", "organisationnelle", "التنظيمي"),
    # what an onward flow is (ONWARD_GAP): the verb goes with the status
    "onward.conditional": (
        "is ready only under conditions",
        "n'est prêt que sous conditions",
        "جاهز بشروط فقط",
    ),
    "onward.not_ready": ("is not ready", "n'est pas prêt", "غير جاهز"),
    "onward.blocked": ("is blocked", "est bloqué", "موقوف"),
}
"""Words put into reason sentences, by key: (English, French, Arabic)."""


def fragment(key: str) -> Text:
    """The fragment ``key`` in each language (a missing key is a bug, so it raises)."""
    en, fr, ar = FRAGMENTS[key]
    return Text(en=en, fr=fr, ar=ar)
