"""Provides the two worksheets a report derives from the data flows.

**Worksheet A**, for each flow leaving Morocco (the same test the engine's Moroccan gate uses): what
the transfer request to the CNDP (form F118) sets out, the particulars of Decree 2-09-165 Art. 46
(exporter, recipient, file and description, data categories, data subjects and their approximate
number, the recipient's purpose, mode and frequency, date of the first transfer), with, for a state
not on the CNDP list, the exact Art. 44 ground relied on (Art. 47) or the protection mechanism of
an authorisation (Art. 48); and where the request stands (``cndp.transfer``: status, filing and
decision dates, reference).

**Worksheet B**, for each flow the engine's GDPR gate applies to: the description of the transfer
that Annex I.B of the standard contractual clauses (Decision (EU) 2021/914) asks for.

A particular the assessment does not give is ``None``: the templates print it as "to complete",
never as an empty cell that could pass for an answer.

In Arabic the lists take the Arabic comma and semicolon, what the user typed (names, categories,
descriptions, the CNDP reference) and the flow ids are isolated (U+2068 FSI … U+2069 PDI) so that
their Latin letters keep their order, dates are written out, and the parties' arrow points from
the exporter when read from the right (ADR 0025).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from compliance import typography
from compliance.model.assessment import Flow
from compliance.model.reference import ReferenceData
from compliance.model.result import FlowResult
from compliance.report.bidi import ltr
from compliance.report.formatting import country, long_date
from compliance.report.strings import labels, strings

__all__ = ["Row", "Worksheet", "cndp_worksheets", "leaves_morocco", "scc_worksheets"]

MA = "MA"


@dataclass(frozen=True, slots=True)
class Row:
    """One particular: its label and value (``None`` when the assessment does not give it)."""

    label: str
    value: str | None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Worksheet:
    """The particulars of one flow."""

    flow_id: str
    flow_name: str
    rows: tuple[Row, ...]

    @property
    def missing(self) -> int:
        """How many particulars are still to complete."""
        return sum(1 for row in self.rows if row.value is None)


def leaves_morocco(flow: Flow) -> bool:
    """Whether data leaves Morocco in this flow (the engine's test, Law 09-08 Art. 43)."""
    return flow.origin == MA or (flow.origin is None and flow.exporter.country == MA)


def _places(flow: Flow) -> list[str]:
    seen: list[str] = []
    for code in (flow.destination, *flow.storage_locations, *flow.access_locations):
        if code is not None and code not in seen:
            seen.append(code)
    return seen


def _join(values: list[str], lang: str) -> str | None:
    """The items of a particular: ``a; b`` (no-break space in French), ``a؛ b`` in Arabic with
    each item isolated."""
    if not values:
        return None
    if lang == "ar":
        return "؛ ".join(ltr(value, lang) for value in values)
    return (f"{typography.NBSP}; " if lang == "fr" else "; ").join(values)


class _Context:
    def __init__(self, reference: ReferenceData, lang: str) -> None:
        self.reference = reference
        self.lang = lang
        self.s = strings(lang)
        self.names = reference.countries
        self.comma = "، " if lang == "ar" else ", "

    def iso(self, text: str) -> str:
        """What the user typed, or an id, isolated in Arabic."""
        return ltr(text, self.lang)

    def comma_join(self, values: list[str]) -> str:
        return self.comma.join(values)

    def country(self, code: str | None) -> str | None:
        return country(code, self.names, self.lang)

    def party(self, name: str, code: str) -> str:
        return f"{self.iso(name)}{self.comma}{self.country(code)}"

    def data(self, flow: Flow) -> str | None:
        special = labels("special", self.lang)
        items = list(flow.data_categories)
        items += [special[c] for c in flow.special_categories]
        if flow.criminal_data:
            items.append(self.s["criminal"])
        if flow.national_id:
            items.append(self.s["national_id"])
        return _join(items, self.lang)

    def subjects(self, flow: Flow) -> str | None:
        if not flow.subject_categories and flow.subjects_count is None:
            return None
        parts = list(flow.subject_categories) or [self.s["not_given"]]
        text = _join(parts, self.lang) or ""
        if flow.subjects_count is None:
            return f"{text} ({self.s['approx'].format(count=self.s['not_given'])})"
        count = typography.number(flow.subjects_count, self.lang, 0, group=True)
        return f"{text} ({self.s['approx'].format(count=count)})"

    def mode(self, flow: Flow) -> str | None:
        modes, frequencies = labels("mode", self.lang), labels("frequency", self.lang)
        parts = [
            modes[flow.mode] if flow.mode else None,
            frequencies[flow.frequency] if flow.frequency else None,
        ]
        if parts == [None, None]:
            return None
        return self.comma_join([part or self.s["not_given"] for part in parts])

    def measures(self, flow: Flow) -> str | None:
        names = labels("measure", self.lang)
        parts = []
        if flow.measures:
            in_place = self.comma_join([names[m] for m in flow.measures])
            parts.append(f"{self.s['measures']}{self.s['colon']}{in_place}")
        if flow.measures_planned:
            planned = self.comma_join([names[m] for m in flow.measures_planned])
            parts.append(f"{self.s['measures_planned']}{self.s['colon']}{planned}")
        return _join(parts, self.lang)

    def ground(self, code: str | None) -> str | None:
        if code is None:
            return None
        for ground in self.reference.ma_grounds:
            if ground.id == code:
                return typography.typeset(ground.title.get(self.lang), self.lang)
        return labels("mechanism", self.lang).get(code, code)

    def mechanism(self, code: str | None) -> str | None:
        if code is None:
            return None
        for module in self.reference.scc_modules:
            if module.id == code:
                return typography.typeset(module.title.get(self.lang), self.lang)
        for ground in self.reference.gdpr_derogations:
            if ground.id == code:
                return typography.typeset(ground.title.get(self.lang), self.lang)
        return labels("mechanism", self.lang).get(code, code)


def _listed(ctx: _Context, code: str) -> bool | None:
    listing = ctx.reference.cndp_adequate
    if listing is None:
        return None
    return listing.entry(code) is not None


def _listing_unverified(ctx: _Context, codes: list[str]) -> bool:
    """Whether the CNDP-list answer for ``codes`` rests on list data marked unverified."""
    listing = ctx.reference.cndp_adequate
    if listing is None or not codes:
        return False
    entries = [entry for entry in (listing.entry(c) for c in codes) if entry is not None]
    return not listing.verified or not all(listing.is_verified(e) for e in entries)


def _cndp(ctx: _Context, flow: Flow) -> Worksheet:
    s = ctx.s
    destinations = [c for c in _places(flow) if c != MA]
    listed = [_listed(ctx, c) for c in destinations]
    if not destinations or None in listed:
        listed_text = None if not destinations else s["w_listed_unknown"]
    else:
        answers = [s["w_listed_yes"] if yes else s["w_listed_no"] for yes in listed]
        listed_text = ctx.comma_join(
            [
                f"{ctx.country(code)}{s['colon']}{answer}"
                for code, answer in zip(destinations, answers, strict=True)
            ]
        )
    all_listed = bool(destinations) and all(value is True for value in listed)
    rows = [
        Row(
            s["w_exporter"], ctx.party(flow.exporter.name, flow.exporter.country), s["address_note"]
        ),
        Row(
            s["w_recipient"],
            ctx.party(flow.importer.name, flow.importer.country),
            s["address_note"],
        ),
        Row(
            s["w_file"],
            f"{ctx.iso(flow.name)}{s['colon']}{ctx.iso(flow.description)}"
            if flow.description
            else None,
        ),
        Row(s["w_data"], ctx.data(flow)),
        Row(s["w_subjects"], ctx.subjects(flow)),
        Row(s["w_purpose"], None if flow.purpose is None else ctx.iso(flow.purpose)),
        Row(s["w_mode"], ctx.mode(flow)),
        Row(
            s["w_first"],
            long_date(flow.first_transfer_date, ctx.lang) if flow.first_transfer_date else None,
        ),
        Row(s["w_destination"], _join([ctx.country(c) or c for c in destinations], ctx.lang)),
        Row(
            s["w_listed"],
            listed_text,
            s["w_listed_unverified"] if _listing_unverified(ctx, destinations) else None,
        ),
    ]
    if all_listed:
        rows.append(Row(s["w_ground"], s["w_not_needed"]))
    else:
        rows.append(Row(s["w_ground"], ctx.ground(flow.ma_basis)))
        if flow.ma_basis == "cndp_authorisation":
            rows.append(Row(s["w_mechanism"], ctx.measures(flow)))
    procedure = flow.cndp.transfer
    status, filed, decided = procedure.status, procedure.filed_on, procedure.decided_on
    f118 = labels("f118", ctx.lang)
    parts: list[str] = []
    if status == "filed" and filed is not None:
        parts.append(s["w_f118_pending"].format(date=long_date(filed, ctx.lang)))
    elif status is not None and decided is not None:
        day = long_date(decided, ctx.lang)
        parts.append(s["w_f118_decided"].format(status=f118[status], date=day))
    elif status is not None:
        parts.append(f118[status])
    if filed is not None and status != "filed":
        parts.append(s["w_f118_filed"].format(date=long_date(filed, ctx.lang)))
    if procedure.reference:
        parts.append(s["w_f118_reference"].format(reference=ctx.iso(procedure.reference)))
    rows.append(Row(s["w_f118"], ctx.comma_join(parts) or None))
    return Worksheet(flow.id, flow.name, tuple(rows))


def _scc(ctx: _Context, flow: Flow) -> Worksheet:
    s = ctx.s
    roles = labels("role", ctx.lang)

    def party(name: str, code: str, role: str | None) -> str:
        text = ctx.party(name, code)
        return f"{text} ({roles[role]})" if role else text

    special = labels("special", ctx.lang)
    sensitive = [special[c] for c in flow.special_categories]
    if flow.criminal_data:
        sensitive.append(s["criminal"])
    if sensitive:
        safeguards = ctx.measures(flow)
        sensitive_text: str | None = ctx.comma_join(sensitive)
        if safeguards:
            sensitive_text = f"{sensitive_text}. {safeguards}"
    elif flow.criminal_data is False and flow.special_categories == ():
        sensitive_text = s["scc_no_sensitive"]
    else:
        sensitive_text = None
    frequency = labels("frequency", ctx.lang)
    modes = labels("mode", ctx.lang)
    description = None if flow.description is None else ctx.iso(flow.description)
    nature = ctx.comma_join(
        [p for p in (modes[flow.mode] if flow.mode else None, description) if p]
    )
    processor = flow.importer.role in ("processor", "sub_processor")
    arrow = " ← " if ctx.lang == "ar" else " → "  # from the exporter, read from the right
    rows = [
        Row(s["scc_module"], ctx.mechanism(flow.gdpr_mechanism)),
        Row(
            s["scc_parties"],
            f"{party(flow.exporter.name, flow.exporter.country, flow.exporter.role)}{arrow}"
            f"{party(flow.importer.name, flow.importer.country, flow.importer.role)}",
        ),
        Row(s["scc_subjects"], _join(list(flow.subject_categories), ctx.lang)),
        Row(s["scc_data"], _join(list(flow.data_categories), ctx.lang)),
        Row(s["scc_sensitive"], sensitive_text),
        Row(s["scc_frequency"], frequency[flow.frequency] if flow.frequency else None),
        Row(s["scc_nature"], nature or None),
        Row(s["scc_purpose"], None if flow.purpose is None else ctx.iso(flow.purpose)),
        Row(s["scc_retention"], None),
    ]
    if processor:
        rows.append(Row(s["scc_processor"], description))
    return Worksheet(flow.id, flow.name, tuple(rows))


def cndp_worksheets(
    flows: tuple[Flow, ...], reference: ReferenceData, lang: str
) -> tuple[Worksheet, ...]:
    """Worksheet A: one per flow leaving Morocco, in the assessment's order."""
    ctx = _Context(reference, lang)
    return tuple(_cndp(ctx, flow) for flow in flows if leaves_morocco(flow))


def scc_worksheets(
    flows: tuple[Flow, ...],
    results: Mapping[str, FlowResult],
    reference: ReferenceData,
    lang: str,
) -> tuple[Worksheet, ...]:
    """Worksheet B: one per flow the GDPR gate applies to, in the assessment's order."""
    ctx = _Context(reference, lang)
    chosen = [
        flow
        for flow in flows
        if flow.id in results and results[flow.id].gdpr.status != "not_applicable"
    ]
    return tuple(_scc(ctx, flow) for flow in chosen)
