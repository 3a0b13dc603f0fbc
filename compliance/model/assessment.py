"""Provides the assessment model, schema ``compliance.assessment/v1``: what a user fills in.

An assessment names the questionnaire it answers (id, version, and its digest when known), the date
it speaks for (``as_of``: every rule about time uses it, never the clock), the organisation, the
profile answers, the answers by question id and the data flows.

A field a user leaves out is *unknown* (``None``) and is never taken as compliant. Whether answers
fit their questions (an option that exists, a number in range) is checked against the questionnaire
by :func:`compliance.engine.validation.check_assessment`, since the model alone cannot know.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    field_validator,
    model_validator,
)

from compliance.model.base import CountryCode, Frozen, ItemId, SemVer, Slug
from compliance.model.reference import OrganisationId
from compliance.model.reference_set import ReferenceStamp
from compliance.model.tia import Tia

__all__ = [
    "ASSESSMENT_SCHEMA",
    "FLOW_SCHEMA",
    "Answer",
    "AnswerValue",
    "Assessment",
    "Assessor",
    "CndpRecord",
    "Contract",
    "Evidence",
    "Flow",
    "Measure",
    "Organisation",
    "Party",
    "QuestionnaireRef",
    "SpecialCategory",
    "Tia",
    "TransferAuthorisation",
    "flow_leaves_morocco",
    "followed_place",
    "leaves_morocco",
]

ASSESSMENT_SCHEMA = "compliance.assessment/v1"
FLOW_SCHEMA = "compliance.flow/v1"

MAX_FLOWS = 2_000
MAX_ANSWERS = 50_000

Name = Annotated[str, StringConstraints(min_length=1, max_length=300)]
ShortText = Annotated[str, StringConstraints(max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=20_000)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Category = Annotated[str, StringConstraints(min_length=1, max_length=100)]


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


_MAX_NUMBER = Decimal("1e15")


def _answer_value(value: object) -> object:
    """Accepts what an answer may be, with one clear message for anything else."""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite() or abs(number) > _MAX_NUMBER:
            raise ValueError("a number answer must be finite and at most 10^15 in size")
        return int(number) if isinstance(value, int) else number
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        if len(value) > 500:
            raise ValueError("a list answer holds at most 500 options")
        return tuple(value)
    raise ValueError(
        "an answer is an option id, a list of option ids, a number, a date, text, a country "
        "code, or na"
    )


def _answer_json(value: object) -> object:
    return _json_number(value) if isinstance(value, Decimal) else value


AnswerValue = Annotated[
    bool | int | Decimal | tuple[str, ...] | str,
    PlainValidator(_answer_value),
    PlainSerializer(_answer_json, when_used="json"),
]
"""A bare answer: an option id (or ``yes``/``no``), a list of option ids, a number, text, an ISO
date, a country code, or ``na`` for not applicable."""

NA = "na"


class Evidence(Frozen):
    """A file offered as evidence: hashed, never trusted by name alone."""

    path: Annotated[str, StringConstraints(min_length=1, max_length=4096)]
    sha256: Sha256
    note: LongText | None = None


class Answer(Frozen):
    """An answer with what backs it.

    ``value`` is None when the question is not answered (yet) but has something to say: a
    migration leaves a question unanswered this way when the old answer no longer fits it, and
    keeps that answer in the comment. Such an answer counts as unanswered everywhere.
    """

    value: AnswerValue | None = None
    comment: LongText | None = None
    evidence: tuple[Evidence, ...] = Field(default=(), max_length=100)
    answered_by: ShortText | None = None
    answered_at: dt.datetime | None = None

    @property
    def is_answered(self) -> bool:
        """Whether a value is given (N/A included)."""
        return self.value is not None

    @property
    def is_na(self) -> bool:
        """Whether the answer is "not applicable"."""
        return self.value == NA


class QuestionnaireRef(Frozen):
    """Which questionnaire an assessment answers."""

    id: Slug
    version: SemVer
    digest: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None


class Organisation(Frozen):
    """The organisation assessed."""

    name: Name
    country: CountryCode
    registration_id: ShortText | None = None
    """A registration number such as the Moroccan ICE."""
    city: ShortText | None = None
    sector: ShortText | None = None


class Assessor(Frozen):
    """Who carried out the assessment."""

    name: Name
    organisation: ShortText | None = None


GdprRole = Literal["controller", "joint_controller", "processor", "sub_processor"]
MaRole = Literal["controller", "processor", "representative"]
Regime = Literal["eu_gdpr", "uk_gdpr", "ch_fadp", "ma_0908", "other"]
SpecialCategory = Literal[
    "health", "genetic", "biometric", "racial_ethnic", "political", "religious", "union", "sex_life"
]
Measure = Literal[
    "encryption_in_transit",
    "encryption_at_rest",
    "exporter_held_keys",
    "pseudonymisation",
    "data_minimisation",
    "access_logging",
    "mfa",
    "no_download_access",
    "split_processing",
    "transparency_reporting",
]


class Party(Frozen):
    """The exporter or the importer of a flow."""

    name: Name
    country: CountryCode
    role: GdprRole | None = None
    """Role under the GDPR."""
    ma_role: MaRole | None = None
    """Role under Law 09-08."""
    dpf_certified: bool | None = None
    """Certified under the EU-US Data Privacy Framework (matters for a US importer)."""
    commercial_org: bool | None = None
    """A commercial organisation (matters for Canada's partial adequacy)."""


class Contract(Frozen):
    """The contracts in place for a flow."""

    dpa_art28: bool | None = None
    scc_signed: bool | None = None
    subprocessors_authorised: bool | None = None


class TransferAuthorisation(Frozen):
    """The older form of a CNDP transfer authorisation (before :class:`TransferProcedure`).

    Still read from older files, so that the frozen rules of engine ``compliance-engine/0.1.0``
    (:mod:`compliance.engine.transfers_0_1_0`) re-score them as they did; never written.
    """

    status: Literal["granted", "pending", "refused", "none"] | None = None
    date: dt.date | None = None
    reference: ShortText | None = None


TransferStatus = Literal["not_filed", "filed", "granted", "refused"]


class TransferProcedure(Frozen):
    """The CNDP transfer procedure of a flow: form F118, "demande de transfert".

    The CNDP handles every transfer abroad through this one form, as a request: ``not_filed``,
    ``filed`` (no decision yet), ``granted`` or ``refused``, with the dates it was filed and decided
    and the CNDP's reference. A status left out is unknown.
    """

    status: TransferStatus | None = None
    filed_on: dt.date | None = None
    decided_on: dt.date | None = None
    reference: ShortText | None = None

    @model_validator(mode="after")
    def _dates_fit_the_status(self) -> TransferProcedure:
        filed, decided = self.filed_on, self.decided_on
        if filed is not None and decided is not None and decided < filed:
            raise ValueError(
                f"the F118 was decided on {decided.isoformat()}, before it was filed on "
                f"{filed.isoformat()}: correct filed_on or decided_on"
            )
        if decided is not None and self.status in ("not_filed", "filed"):
            raise ValueError(
                f"the F118 has a decision date but its status is {self.status}: set the status to "
                "granted or refused, or remove decided_on"
            )
        if filed is not None and self.status == "not_filed":
            raise ValueError(
                "the F118 has a filing date but its status is not_filed: set the status to filed, "
                "or remove filed_on"
            )
        return self


def _legacy_transfer(declaration: object, authorisation: object) -> dict[str, object]:
    """The F118 record an older file's ``transfer_declaration`` and ``transfer_authorisation`` say.

    A transfer declaration reference reads as ``filed``; an authorisation granted or refused reads
    as that decision on its date; a pending one as ``filed``; ``none`` as ``not_filed``.
    """
    auth = authorisation if isinstance(authorisation, dict) else {}
    status, date, reference = auth.get("status"), auth.get("date"), auth.get("reference")
    declared = declaration if isinstance(declaration, str) else None
    filed_ref = declared if declared is not None and declared.strip().lower() != "none" else None
    if status in ("granted", "refused"):
        return {"status": status, "decided_on": date, "reference": reference or filed_ref}
    if status == "pending" or filed_ref is not None:
        return {"status": "filed", "reference": reference or filed_ref}
    if status == "none" or declared is not None:
        return {"status": "not_filed"}
    return {}


class CndpRecord(Frozen):
    """The CNDP formalities behind a flow, as references (receipt and decision numbers).

    A reference left out is unknown; ``"none"`` says there is none. ``transfer`` is the F118
    procedure; older files gave ``transfer_declaration`` and ``transfer_authorisation`` instead,
    which still load (read into ``transfer``, and kept, unwritten, for the engine version that
    scored them).
    """

    declaration_receipt: ShortText | None = None
    authorisation: ShortText | None = None
    transfer: TransferProcedure = TransferProcedure()
    transfer_declaration: ShortText | None = Field(default=None, exclude=True)
    """Older form (read, never written); see :class:`TransferProcedure`."""
    transfer_authorisation: TransferAuthorisation = Field(
        default=TransferAuthorisation(), exclude=True
    )
    """Older form (read, never written); see :class:`TransferProcedure`."""

    @model_validator(mode="before")
    @classmethod
    def _older_transfer_fields(cls, value: object) -> object:
        if not isinstance(value, dict):
            return value
        older = {"transfer_declaration", "transfer_authorisation"} & set(value)
        if not older:
            return value
        if "transfer" in value:
            raise ValueError(
                "give the F118 procedure as 'transfer' only: 'transfer_declaration' and "
                "'transfer_authorisation' are its older form"
            )
        return {
            **value,
            "transfer": _legacy_transfer(
                value.get("transfer_declaration"), value.get("transfer_authorisation")
            ),
        }


class Flow(Frozen):
    """One data set moving between two parties for one purpose (``compliance.flow/v1``)."""

    id: ItemId
    name: Name
    description: LongText | None = None
    purpose: LongText | None = None
    exporter: Party
    importer: Party
    origin: CountryCode | None = None
    destination: CountryCode | OrganisationId | None = None
    """Where the data goes: a country, or an international organisation (``org:epo``)."""
    regime: Regime | None = None
    """The law the exporter's processing is subject to; inferred when left out."""
    storage_locations: tuple[CountryCode, ...] = Field(default=(), max_length=250)
    access_locations: tuple[CountryCode, ...] = Field(default=(), max_length=250)
    subject_categories: tuple[Category, ...] = Field(default=(), max_length=100)
    data_categories: tuple[Category, ...] = Field(default=(), max_length=100)
    special_categories: tuple[SpecialCategory, ...] = ()
    criminal_data: bool | None = None
    national_id: bool | None = None
    subjects_count: int | None = Field(default=None, ge=0, le=10_000_000_000)
    frequency: Literal["one_off", "periodic", "continuous"] | None = None
    mode: Literal["file_transfer", "api", "remote_access", "email", "physical_media"] | None = None
    contract: Contract = Contract()
    gdpr_mechanism: ItemId | None = None
    """``adequacy``, ``scc_module_1`` .. ``scc_module_4``, ``bcr``, an Art. 49 derogation id, or
    ``none``; checked against the reference data."""
    tia: Tia = Tia()
    """The transfer impact assessment: the older three fields, or the EDPB's six steps
    (:mod:`compliance.model.tia`)."""
    measures: tuple[Measure, ...] = ()
    measures_planned: tuple[Measure, ...] = ()
    ma_basis: ItemId | None = None
    """``listed_country``, an Art. 44 ground id of the reference data, or ``none``."""
    cndp: CndpRecord = CndpRecord()
    first_transfer_date: dt.date | None = None
    onward: tuple[ItemId, ...] = Field(default=(), max_length=100)


class Assessment(Frozen):
    """A filled-in assessment."""

    schema_id: Literal["compliance.assessment/v1"] = Field(
        default="compliance.assessment/v1", alias="schema"
    )
    flow_schema: Literal["compliance.flow/v1"] = "compliance.flow/v1"
    questionnaire: QuestionnaireRef
    reference: ReferenceStamp | None = None
    """The reference set the assessment is scored with, for a questionnaire naming a
    ``reference_set``; when left out, the newest installed set at scoring time (the result says
    which). A questionnaire that embeds its lists (1.0.0) takes none."""
    as_of: dt.date | None = None
    """The date the assessment speaks for; the loader sets it to the file's date when left out."""
    organisation: Organisation
    assessor: Assessor | None = None
    profile: dict[ItemId, AnswerValue] = Field(default_factory=dict, max_length=1_000)
    answers: dict[ItemId, Answer] = Field(default_factory=dict, max_length=MAX_ANSWERS)
    flows: tuple[Flow, ...] = Field(default=(), max_length=MAX_FLOWS)

    @field_validator("answers", mode="before")
    @classmethod
    def _bare_answers(cls, value: object) -> object:
        if not isinstance(value, dict):
            return value
        return {
            key: item if isinstance(item, dict | Answer) else {"value": item}
            for key, item in value.items()
        }

    @model_validator(mode="after")
    def _flow_ids_unique(self) -> Assessment:
        seen: set[str] = set()
        for flow in self.flows:
            if flow.id in seen:
                raise ValueError(f"two flows have the id {flow.id!r}")
            seen.add(flow.id)
        return self

    def flow(self, flow_id: str) -> Flow | None:
        """The flow with this id."""
        for flow in self.flows:
            if flow.id == flow_id:
                return flow
        return None


def followed_place(place: str | None, old_country: str, new_country: str) -> str | None:
    """A flow's origin (or destination) after its exporter (or importer) moved country.

    The place follows its party: unset, or the party's old country, it becomes the new country; a
    country it named apart from the party's is kept, and nothing changes while the party stays.
    """
    if new_country == old_country or place not in (None, old_country):
        return place
    return new_country


MOROCCO = "MA"


def leaves_morocco(
    origin: str | None, exporter_country: str | None, places: Iterable[str | None]
) -> bool:
    """Whether data leaves Morocco, as the Law 09-08 transfer rules (Arts. 43-44) read a flow: it
    starts in Morocco (its origin, or the exporter's country when no origin is given) and goes to,
    is stored in or is reached from another country. Only such a flow needs a Moroccan transfer
    basis; an inbound flow (France to Morocco) does not."""
    starts = origin == MOROCCO or (origin is None and exporter_country == MOROCCO)
    return starts and any(place is not None and place != MOROCCO for place in places)


def flow_leaves_morocco(flow: Flow) -> bool:
    """:func:`leaves_morocco` for a flow: its destination, storage and access locations."""
    places = (flow.destination, *flow.storage_locations, *flow.access_locations)
    return leaves_morocco(flow.origin, flow.exporter.country, places)
