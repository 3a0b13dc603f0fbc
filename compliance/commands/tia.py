"""Provides ``compliance tia``: transfer impact assessments on the command line.

``compliance tia sheet CC [--json]`` prints the country sheet of a destination: the legal bases
for public-authority access, each with its id (which a flow's TIA cites), what it allows, who can
be compelled, oversight and redress, its sources, whether it was checked against its primary
text, and its reading against the four European Essential Guarantees.

The first positional argument chooses the action: the word ``sheet``, or (the TIA document) an
assessment file or workspace id, so that ``compliance tia FILE|ID --flow FLOW`` and
``compliance tia sheet CC`` share one command.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compliance.model.country_sheet import CountrySheet, LegalBasis
    from compliance.model.reference_set import ReferenceSet

__all__ = ["register", "sheet_document", "sheet_lines"]

SHEET = "sheet"
"""The first argument that asks for a country sheet."""

_WIDTH = 100


def register(commands: Any) -> None:
    """Adds ``tia`` to the command line."""
    parser = commands.add_parser(
        "tia",
        help="transfer impact assessments: country sheets, and the TIA document of a flow",
        usage=(
            "compliance tia sheet CC [--json] [--lang en|fr]\n"
            "       compliance tia FILE|ID --flow FLOW [--country CC] "
            "[--format html|md|pdf] [--lang en|fr|ar] -o OUT"
        ),
        description=(
            "compliance tia sheet CC prints the country sheet of CC (an ISO country code): "
            "the legal bases for public-authority access, each with its id, what it allows, "
            "who can be compelled, oversight and redress, sources, whether it was verified "
            "against its primary text, and its reading against the European Essential "
            "Guarantees A-D. --json prints the sheet with its bases as JSON. An unknown "
            "country exits 1 naming the countries that have a sheet. "
            "compliance tia FILE|ID --flow FLOW -o OUT writes the transfer impact assessment of "
            "one flow of an assessment file (or of an assessment of the workspace) as a document "
            "of its own, laid out as the EDPB's six steps, for the EU client's DPO: the transfer, "
            "the tool, the country sheet with the assessment of each legal basis, the measures, "
            "the calculation with its sensitivity (a chart in HTML and PDF), the conclusion, the "
            "re-evaluation and the sources."
        ),
    )
    parser.add_argument(
        "action",
        metavar="sheet|FILE|ID",
        help="'sheet' to print a country sheet; an assessment file or workspace id for the TIA "
        "document of one of its flows",
    )
    parser.add_argument(
        "country", metavar="CC", nargs="?", help="the ISO 3166-1 country code (MA, US, IN...)"
    )
    parser.add_argument("--json", action="store_true", help="print the sheet as JSON")
    from compliance.commands.tia_document import add_arguments

    add_arguments(parser)
    parser.set_defaults(handler=_tia)


def _tia(args: argparse.Namespace) -> int:
    from compliance.errors import UsageError

    if args.action != SHEET:
        from pathlib import Path

        from compliance.commands.tia_document import write_document

        if not args.action.isdigit() and not Path(args.action).exists():
            raise UsageError(
                f"unknown tia action {args.action[:40]!r} (no such assessment file either); use: "
                "compliance tia sheet CC [--json], or compliance tia FILE|ID --flow FLOW -o OUT"
            )
        if args.json:
            raise UsageError("--json is for country sheets; the TIA document takes --format")
        if args.country is not None:
            raise UsageError(
                f"unexpected {args.country[:40]!r}: the TIA document takes --flow FLOW, and "
                "--country CC for the destination (compliance tia FILE|ID --flow FLOW -o OUT)"
            )
        return write_document(args)
    if args.flow or args.output:
        raise UsageError(
            "--flow and -o are for the TIA document: compliance tia FILE|ID --flow FLOW -o OUT"
        )
    if not args.country:
        from compliance.loader.country_sheets import sheet_countries, sheets_set

        known = ", ".join(sheet_countries(sheets_set())) or "none"
        raise UsageError(
            f"name the country: compliance tia sheet CC (countries with a sheet: {known})"
        )
    return _sheet(args.country, as_json=args.json, lang=args.lang)


def _sheet(country: str, *, as_json: bool, lang: str) -> int:
    from compliance.loader.country_sheets import find_sheet

    sheet, reference_set = find_sheet(country)
    if as_json:
        from compliance.commands.output import print_json

        print_json(sheet_document(sheet, reference_set))
        return 0
    for line in sheet_lines(sheet, reference_set, lang):
        print(line)
    return 0


def sheet_document(sheet: CountrySheet, reference_set: ReferenceSet) -> dict[str, Any]:
    """The sheet as JSON data: every field, the country's name and the set it comes from."""
    document: dict[str, Any] = sheet.model_dump(mode="json", exclude_none=True)
    name = reference_set.lists.countries.get(sheet.country)
    if name is not None:
        document["name"] = name.model_dump(exclude_none=True)
    document["reference_set"] = reference_set.stamp().model_dump(exclude_none=True)
    document["verified_bases"] = sheet.verified_count()
    return document


_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Country sheet",
        "set": "reference set",
        "as_of": "as of",
        "count": "{verified} of {total} legal bases verified against their primary text.",
        "context": "Context",
        "verified": "[verified]",
        "unverified": "[NOT verified]",
        "category": "Kind",
        "allows": "Allows",
        "compelled": "Who can be compelled",
        "oversight": "Oversight",
        "redress": "Redress",
        "eeg": "European Essential Guarantees",
        "caveat": "Not checked / uncertain",
        "sources": "Sources",
        "primary": "primary text",
        "secondary": "secondary",
        "met": "met",
        "partly_met": "partly met",
        "not_met": "not met",
        "unclear": "unclear",
        "criminal_procedure": "criminal procedure",
        "intelligence": "intelligence",
        "counter_terrorism": "counter-terrorism",
        "regulatory": "regulatory powers",
        "reporting": "duty to report",
        "scope_exclusion": "exclusion from the data-protection law",
    },
    "fr": {
        "title": "Fiche pays",
        "set": "jeu de référence",
        "as_of": "à jour au",
        "count": ("{verified} fondement(s) sur {total} vérifié(s) dans leur texte officiel."),
        "context": "Contexte",
        "verified": "[vérifié]",
        "unverified": "[NON vérifié]",
        "category": "Nature",
        "allows": "Permet",
        "compelled": "Qui peut être contraint",
        "oversight": "Contrôle",
        "redress": "Recours",
        "eeg": "Garanties essentielles européennes",
        "caveat": "Non vérifié / incertain",
        "sources": "Sources",
        "primary": "texte officiel",
        "secondary": "source secondaire",
        "met": "satisfaite",
        "partly_met": "partiellement satisfaite",
        "not_met": "non satisfaite",
        "unclear": "incertaine",
        "criminal_procedure": "procédure pénale",
        "intelligence": "renseignement",
        "counter_terrorism": "lutte antiterroriste",
        "regulatory": "pouvoirs réglementaires",
        "reporting": "obligation de déclaration",
        "scope_exclusion": "exclusion du champ de la loi sur les données",
    },
    "ar": {
        "title": "البطاقة القطرية",
        "set": "المجموعة المرجعية",
        "as_of": "محينة في",
        "count": "{verified} من أصل {total} من الأسس القانونية تم التحقق منها في نصها الأصلي.",
        "context": "السياق",
        "verified": "[متحقق منه]",
        "unverified": "[غير متحقق منه]",
        "category": "النوع",
        "allows": "ما يتيحه",
        "compelled": "من يمكن إلزامه",
        "oversight": "الرقابة",
        "redress": "سبل الانتصاف",
        "eeg": "الضمانات الأوروبية الأساسية",
        "caveat": "غير متحقق منه أو غير مؤكد",
        "sources": "المصادر",
        "primary": "النص الأصلي",
        "secondary": "مصدر ثانوي",
        "met": "مستوفاة",
        "partly_met": "مستوفاة جزئيا",
        "not_met": "غير مستوفاة",
        "unclear": "غير واضحة",
        "criminal_procedure": "المسطرة الجنائية",
        "intelligence": "الاستخبارات",
        "counter_terrorism": "مكافحة الإرهاب",
        "regulatory": "سلطات تنظيمية",
        "reporting": "واجب التصريح",
        "scope_exclusion": "استثناء من نطاق قانون حماية المعطيات",
    },
}


def sheet_lines(sheet: CountrySheet, reference_set: ReferenceSet, lang: str) -> list[str]:
    """The sheet as text lines for a terminal, in ``lang`` (en, fr in French typography, or ar:
    the labels and basis names in Arabic, the sheets' legal prose in English), wrapped to 100
    columns."""
    from compliance.typography import label

    labels = _LABELS.get(lang, _LABELS["en"])
    name = reference_set.lists.countries.get(sheet.country)
    country = f"{name.get(lang)} ({sheet.country})" if name is not None else sheet.country
    lines = [
        f"{label(labels['title'], lang)} {country}",
        f"{labels['set']} {reference_set.id} {reference_set.version}{'،' if lang == 'ar' else ','} "
        f"{labels['as_of']} {sheet.as_of.isoformat()}",
        labels["count"].format(verified=sheet.verified_count(), total=len(sheet.bases)),
        "",
        *_wrap(sheet.summary.get(lang), "", lang),
    ]
    if sheet.context is not None:
        lines += ["", *_wrap(f"{labels['context']}: {sheet.context.get(lang)}", "", lang)]
    for number, basis in enumerate(sheet.bases, start=1):
        lines += ["", *_basis_lines(number, basis, labels, lang)]
    return lines


def _basis_lines(number: int, basis: LegalBasis, labels: dict[str, str], lang: str) -> list[str]:
    from compliance.model.country_sheet import GUARANTEES
    from compliance.typography import label

    flag = labels["verified"] if basis.verified else labels["unverified"]
    lines = [f"{number}. {basis.id}  {flag}", *_wrap(basis.name.get(lang), "   ", lang)]
    lines.append(f"   {label(labels['category'], lang)} {labels[basis.category]}")
    for key in ("allows", "compelled", "oversight", "redress"):
        text = getattr(basis, key).get(lang)
        lines += _wrap(f"{labels[key]}: {text}", "   ", lang)
    lines.append(f"   {label(labels['eeg'], lang)}")
    for letter, reading in basis.eeg.items():
        head = f"{letter.upper()}. {GUARANTEES[letter].get(lang)}: {labels[reading.verdict]}"
        lines += _wrap(f"{head}. {reading.assessment.get(lang)}", "     ", lang, hang="        ")
    if basis.caveat is not None:
        lines += _wrap(f"{labels['caveat']}: {basis.caveat.get(lang)}", "   ", lang)
    lines.append(f"   {label(labels['sources'], lang)}")
    for source in basis.sources:
        kind = labels["primary"] if source.primary else labels["secondary"]
        where = "; ".join(part for part in (source.official, source.url) if part)
        lines += _wrap(f"- {source.citation} ({kind}; {where})", "     ", lang, hang="       ")
    return lines


def _wrap(text: str, indent: str, lang: str, *, hang: str | None = None) -> list[str]:
    """``text`` (our own wording) in the typography of ``lang``, wrapped to 100 columns (a
    no-break space holds a French colon to its word)."""
    import textwrap

    from compliance.typography import typeset

    return textwrap.wrap(
        typeset(" ".join(text.split()), lang),
        width=_WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if hang is None else hang,
        break_on_hyphens=False,
        break_long_words=False,
    ) or [indent.rstrip()]
