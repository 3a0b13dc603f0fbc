"""Provides ``compliance pack`` and ``compliance unpack``: XLSX answer packs for colleagues and
sub-processors (the ``xlsx`` extra)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from compliance.commands.ids import record_id
from compliance.commands.options import add_workspace
from compliance.commands.output import print_json
from compliance.errors import ExchangeError
from compliance.languages import LANGUAGES

__all__ = ["register"]


def register(commands: Any) -> None:
    """Adds ``pack`` and ``unpack`` to the command line."""
    pack = commands.add_parser(
        "pack",
        help="write an XLSX answer pack of an assessment's questions for someone to fill in",
        description=(
            "Writes the applicable questions of the chosen domains of an assessment as an XLSX "
            "workbook: one sheet per domain, help and articles beside each question, choices as "
            "drop-down lists, the current answers and comments filled in. Only the answer and "
            "comment columns can be edited. Read it back with 'compliance unpack'."
        ),
    )
    pack.add_argument("assessment_id", metavar="ASSESSMENT_ID", type=record_id)
    pack.add_argument(
        "--domain",
        dest="domains",
        metavar="DOMAIN",
        nargs="+",
        help="the domains to ask about, by id (default: every domain)",
    )
    pack.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of the pack (default: en)",
    )
    pack.add_argument("-o", "--output", metavar="PACK.xlsx", required=True)
    add_workspace(pack)
    pack.set_defaults(handler=_pack)

    unpack = commands.add_parser(
        "unpack",
        help="read an answer pack back into its assessment",
        description=(
            "Reads an answer pack made by 'compliance pack', checks every cell, and saves the "
            "answers and comments that were changed in one transaction. Every problem is listed "
            "as Sheet!Cell: message, and nothing is saved unless all cells are valid (or "
            "--partial). An answer changed in the workspace since the pack was made is reported "
            "as a conflict and kept. Exit 0 when every change was saved, 1 otherwise."
        ),
    )
    unpack.add_argument("file", metavar="PACK.xlsx")
    unpack.add_argument(
        "--into",
        metavar="ASSESSMENT_ID",
        type=record_id,
        help="the assessment to read it into (default: the one the pack was made from)",
    )
    unpack.add_argument(
        "--partial", action="store_true", help="save the valid rows even when others have problems"
    )
    unpack.add_argument("--json", action="store_true", help="print what was done as JSON")
    add_workspace(unpack)
    unpack.set_defaults(handler=_unpack)

    library = commands.add_parser(
        "library", help="convert CISO Assistant libraries", description="CISO Assistant libraries."
    )
    actions = library.add_subparsers(title="actions", metavar="ACTION", required=True)
    imported = actions.add_parser(
        "import",
        help="convert a CISO Assistant framework library into a questionnaire",
        description=(
            "Converts a CISO Assistant framework library (YAML) into a questionnaire of this "
            "toolkit: sections from the requirement tree, assessable requirements as controls "
            "(their URN kept), their questions with choices, scores and conditions. Everything "
            "that cannot be carried is listed. The result is checked by the questionnaire "
            "loader before it is written."
        ),
    )
    imported.add_argument("file", metavar="LIBRARY.yaml")
    imported.add_argument("-o", "--output", metavar="QUESTIONNAIRE.yaml", required=True)
    imported.set_defaults(handler=_library_import)

    crosswalk = commands.add_parser(
        "crosswalk", help="the Law 09-08 / GDPR crosswalk", description="The crosswalk."
    )
    steps = crosswalk.add_subparsers(title="actions", metavar="ACTION", required=True)
    exported = steps.add_parser(
        "export",
        help="write the crosswalk for another tool",
        description=(
            "Writes the Law 09-08 / Decree 2-09-165 ↔ GDPR crosswalk as a CISO Assistant mapping "
            "library (--format ciso-mapping), relationship words mapped from NIST OLIR's."
        ),
    )
    exported.add_argument("--format", dest="fmt", choices=("ciso-mapping",), required=True)
    exported.add_argument("-o", "--output", metavar="MAPPING.yaml", required=True)
    exported.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of the notes"
    )
    exported.set_defaults(handler=_crosswalk_export)


def _pack(args: argparse.Namespace) -> int:
    from compliance.exchange.pack import make_pack
    from compliance.exchange.workbook import require_openpyxl
    from compliance.files import write_atomically
    from compliance.store.workspace import open_workspace

    require_openpyxl()
    output = Path(args.output)
    lang = args.lang
    with open_workspace(args.workspace) as workspace:
        data, summary = make_pack(workspace, args.assessment_id, domains=args.domains, lang=lang)
    write_atomically(output, data)
    for name, count in summary.sheets:
        print(f"  {name}: {count} question{'s' * (count != 1)}")
    print(
        f"wrote {output}: {summary.questions} questions ({summary.answered} answered) of "
        f"assessment {args.assessment_id} in {len(summary.sheets)} sheet"
        f"{'s' * (len(summary.sheets) != 1)}, pack {summary.pack_id}"
    )
    return 0


def _shown(value: Any) -> str:
    if isinstance(value, tuple | list):
        return "[" + ", ".join(str(item) for item in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def _unpack(args: argparse.Namespace) -> int:
    from compliance.exchange.unpack import apply_pack
    from compliance.store.workspace import open_workspace

    path = Path(args.file)
    try:
        with open_workspace(args.workspace) as workspace:
            report = apply_pack(workspace, path, into=args.into, partial=args.partial)
            if report.applied:
                from compliance.store.scores import refresh_scores

                refresh_scores(workspace, [report.assessment_id])
    except ExchangeError as error:
        if args.json and error.problems:
            print_json({"saved": [], "conflicts": [], "problems": list(error.problems)})
        else:
            for problem in error.problems:
                print(problem)
        raise
    if args.json:
        print_json(
            {
                "assessment": report.assessment_id,
                "saved": [{"cell": c.cell, "question": c.question_id} for c in report.applied],
                "conflicts": [
                    {"cell": c.cell, "question": c.question_id} for c in report.conflicts
                ],
                "problems": report.problems,
                "unchanged": report.unchanged,
            }
        )
    else:
        for change in report.applied:
            said = " with comment" if change.comment is not None else ""
            print(f"{change.cell}: {change.question_id} = {_shown(change.value)}{said}")
        for change in report.conflicts:
            print(
                f"{change.cell}: conflict: {change.question_id} was changed in the workspace "
                "since the pack was made; the workspace's answer was kept"
            )
        for problem in report.problems:
            print(f"{problem} (skipped)")
    conflicts = len(report.conflicts)
    skipped = len(report.problems)
    print(
        f"unpacked {path} into assessment {report.assessment_id}: {len(report.applied)} "
        f"saved, {conflicts} conflict{'s' * (conflicts != 1)}, {skipped} problem"
        f"{'s' * (skipped != 1)} skipped, {report.unchanged} unchanged",
        file=sys.stderr,
    )
    return 0 if not conflicts and not skipped else 1


def _library_import(args: argparse.Namespace) -> int:
    from compliance.errors import LoadError
    from compliance.exchange.ciso_library import import_library
    from compliance.files import write_atomically

    try:
        result, text = import_library(Path(args.file))
    except LoadError as error:
        if len(error.problems) > 1:  # every problem, one a line, as 'validate' prints them
            for problem in error.problems:
                print(problem)
        raise
    output = Path(args.output)
    write_atomically(output, text)
    for note in result.notes:
        print(f"note: {note}")
    data = result.data
    print(
        f"wrote {output}: questionnaire {data['id']} {data['version']}, "
        f"{len(data['domains'])} domain{'s' * (len(data['domains']) != 1)}, "
        f"{result.controls} controls, {result.questions} questions, from {result.source}"
    )
    return 0


def _assessment_of(args: argparse.Namespace) -> Any:
    """The assessment and questionnaire an export names: a workspace id or a file."""
    from compliance.catalog import find, load_assessment

    source = args.assessment_id
    if source.isdigit():
        from compliance.store.assessments import load_assessment as stored
        from compliance.store.workspace import open_workspace

        with open_workspace(args.workspace) as workspace:
            assessment = stored(workspace, int(source))
        ref = assessment.questionnaire
        return assessment, find(ref.id, ref.version).questionnaire
    return load_assessment(source)


def export_other(args: argparse.Namespace, output: Path) -> int:
    """``compliance export --format ciso-xlsx|oscal``: the assessment's results for another
    tool."""
    from compliance.engine.scoring import score
    from compliance.files import write_atomically

    if args.key and args.fmt != "oscal":
        raise ExchangeError("--key signs OSCAL documents only; use it with --format oscal")
    key = None
    if args.key:
        from compliance.commands.passphrase import read_passphrase
        from compliance.signing.keys import load_private_key

        key = load_private_key(Path(args.key), read_passphrase(args, confirm=False))
    assessment, questionnaire = _assessment_of(args)
    result = score(questionnaire, assessment)
    if args.fmt == "oscal":
        return _export_oscal(args, output, (questionnaire, assessment, result), key=key)
    from compliance.exchange.ciso_audit import audit_rows, audit_workbook

    data = audit_workbook(questionnaire, assessment, result, lang=args.lang)
    write_atomically(output, data)
    rows = [
        row for row in audit_rows(questionnaire, assessment, result, args.lang) if row["assessable"]
    ]
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["compliance_result"]] = counts.get(row["compliance_result"], 0) + 1
    summary = ", ".join(f"{count} {name}" for name, count in sorted(counts.items()))
    print(
        f"wrote {output}: CISO Assistant audit of {questionnaire.id} {questionnaire.version}, "
        f"{len(rows)} requirements ({summary})"
    )
    return 0


def _crosswalk_export(args: argparse.Namespace) -> int:
    from compliance.exchange.ciso_library import dump_yaml
    from compliance.exchange.ciso_mapping import mapping_library
    from compliance.files import write_atomically
    from compliance.loader.reference import default_reference_dir, load_reference

    reference = load_reference(default_reference_dir())
    export = mapping_library(reference.crosswalk, lang=args.lang)
    output = Path(args.output)
    head = (
        "# Written by 'compliance crosswalk export --format ciso-mapping': the Law 09-08 / Decree\n"
        "# 2-09-165 <-> GDPR crosswalk as a CISO Assistant mapping library.\n"
    )
    write_atomically(output, (head + dump_yaml(export.data)).encode("utf-8"))
    if export.left_out:
        print("left out (one side only, a mapping needs both): " + ", ".join(export.left_out))
    sets = export.data["objects"]["requirement_mapping_sets"]
    print(
        f"wrote {output}: {export.mappings} mappings in {len(sets)} mapping set"
        f"{'s' * (len(sets) != 1)} from {len(reference.crosswalk)} crosswalk entries"
    )
    return 0


def _export_oscal(args: argparse.Namespace, output: Path, scored: Any, *, key: Any) -> int:
    questionnaire, assessment, result = scored
    from compliance.exchange.oscal import OSCAL_VERSION, assessment_results, document_bytes
    from compliance.files import write_atomically

    document = assessment_results(questionnaire, assessment, result, lang=args.lang)
    data = document_bytes(document)
    write_atomically(output, data)
    body = document["assessment-results"]["results"][0]
    findings = body.get("findings", [])
    unmet = sum(f["target"]["status"]["state"] == "not-satisfied" for f in findings)
    print(
        f"wrote {output}: OSCAL {OSCAL_VERSION} assessment results, {len(findings)} findings "
        f"({unmet} not satisfied), {len(body.get('observations', []))} observations"
    )
    if key is not None:
        from compliance.exchange.oscal import sign_detached

        signature = output.with_name(output.name + ".dsse.json")
        write_atomically(signature, sign_detached(data, output.name, key))
        print(f"wrote {signature}: detached DSSE signature by key {key.key_id[:16]}…")
    return 0
