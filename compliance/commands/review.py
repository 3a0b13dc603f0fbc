"""Provides ``review``: the regulator's inbox of signed bundles on the command line.

Four forms share one parser (the first word picks the form; a folder named like a form is written
``./decide``)::

    compliance review DIR [--sort verdict|rating|organisation|date] [--filter TERM]... [--json]
    compliance review decide BUNDLE --status STATUS --comment TEXT
    compliance review compare A B [--json]
    compliance review export -o FILE.csv

``review DIR`` verifies every bundle of the folder, records each as seen in the workspace, flags
replays and exits 0 only when every bundle is valid. Text from bundles is printed without control
characters. It never loads the terminal UI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from compliance.commands.output import print_json, unfiltered
from compliance.errors import ReviewError, UsageError

if TYPE_CHECKING:
    from compliance.review.compare import Comparison
    from compliance.review.inbox import Submission
    from compliance.signing.trust import TrustStore
    from compliance.store.workspace import Workspace

__all__ = ["ProgressLine", "register"]

FORMS = ("decide", "compare", "export")
_ONLY = {
    "status": "decide",
    "comment": "decide",
    "output": "export",
}


def register(commands: Any) -> None:
    """Adds ``review`` to the command line."""
    review = commands.add_parser(
        "review",
        allow_abbrev=False,
        help="triage a folder of signed bundles; decide, compare, export decisions",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "compliance review DIR          verify every bundle of DIR, one line each\n"
            "compliance review decide BUNDLE --status STATUS --comment TEXT\n"
            "compliance review compare A B  what changed between two cycles of one organisation\n"
            "compliance review export -o FILE.csv\n\n"
            "Exit 0 when every bundle is valid (DIR) or the step succeeded, 1 otherwise."
        ),
    )
    review.add_argument("words", nargs="+", metavar="DIR | decide BUNDLE | compare A B | export")
    review.add_argument("--trust", metavar="DIR", help="the trust store folder")
    review.add_argument(
        "--workspace",
        metavar="PATH_OR_URL",
        help="where seen bundles and decisions are kept (default: $COMPLIANCE_WORKSPACE, else "
        "workspace.sqlite in the user data folder)",
    )
    review.add_argument("--reviewer", metavar="NAME", help="who decides (default: the OS user)")
    review.add_argument("--json", action="store_true", help="print JSON")
    review.add_argument(
        "--sort", choices=("verdict", "rating", "organisation", "date"), default="verdict"
    )
    review.add_argument(
        "--filter",
        metavar="TERM",
        action="append",
        default=[],
        help="invalid, valid, expired, flagged, at-risk, rating=ID, reason=CODE or a word "
        "(repeat: all must match)",
    )
    review.add_argument(
        "--digest-only",
        action="store_true",
        help="check HTML reports by their signed digest instead of re-rendering them (faster)",
    )
    review.add_argument(
        "--status", choices=("accepted", "revision_requested", "rejected"), help="decide: status"
    )
    review.add_argument("--comment", help="decide: the reason for the decision")
    review.add_argument("-o", "--output", metavar="FILE.csv", help="export: the CSV file")
    review.set_defaults(handler=_review)


class ProgressLine:
    """A self-erasing ``verifying N/M`` line on a terminal, at most ten updates a second."""

    def __init__(self, stream: TextIO, *, minimum: int = 20) -> None:
        self.stream = stream
        self.minimum = minimum
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int, _submission: Submission) -> None:
        """Shows progress after one more bundle."""
        clock = time.monotonic()
        if total < self.minimum or (done < total and clock - self.last < 0.1):
            return
        self.last = clock
        self.stream.write(f"\rverifying {done:,}/{total:,} bundles")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Erases the line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _review(args: argparse.Namespace) -> int:
    form = args.words[0] if args.words[0] in FORMS else "inbox"
    expected = {"inbox": 1, "decide": 2, "compare": 3, "export": 1}[form]
    if len(args.words) != expected:
        raise UsageError(
            "review takes DIR, or decide BUNDLE, compare A B, or export; see "
            "'compliance review --help'"
        )
    for option, owner in _ONLY.items():
        if getattr(args, option) is not None and owner != form:
            raise UsageError(f"--{option} belongs to 'review {owner}'")
    handlers = {"inbox": _inbox, "decide": _decide, "compare": _compare, "export": _export}
    return handlers[form](args)


def _trust(args: argparse.Namespace) -> TrustStore:
    from compliance.signing.trust import TrustStore

    store = TrustStore.load(Path(args.trust) if args.trust else None)
    if not store.entries:
        from compliance.signing.words import LINES

        lang = getattr(args, "lang", "en")
        if lang in ("fr", "ar"):
            print(LINES[lang]["empty_store"], file=sys.stderr)
        else:
            print(
                "note: the trust store is empty, so no bundle can verify; add keys with "
                "'compliance trust add'",
                file=sys.stderr,
            )
    return store


def _workspace(args: argparse.Namespace) -> Workspace:
    from compliance.store.workspace import open_workspace

    return open_workspace(args.workspace, actor=args.reviewer)


def _line(submission: Submission, decision: str | None, lang: str = "en") -> str:
    """One submission on one line; English as it always was, French in the catalogue's words."""
    from compliance.review.text import clean

    if lang == "fr":
        return _line_fr(submission, decision)
    if lang == "ar":
        return _line_ar(submission, decision)
    flags = f"  [{', '.join(submission.flags)}]" if submission.flags else ""
    decided = f"  decision: {decision}" if decision else ""
    summary = submission.summary
    if summary is None:
        return (
            f"INVALID ({submission.verdict.reason})  {clean(submission.name)}: "
            f"{clean(submission.verdict.message)}{flags}{decided}"
        )
    reg = f" ({clean(summary.registration_id)})" if summary.registration_id else ""
    return (
        f"{submission.status}  {clean(submission.name)}  {clean(summary.organisation)}{reg}  "
        f"signed by {clean(summary.signer)} on {summary.issued_at}  "
        f"{clean(summary.questionnaire_id)} {clean(summary.questionnaire_version)}  "
        f"score {summary.score or '-'} ({clean(summary.rating)})  "
        f"flows: {summary.flows_blocked} blocked, {summary.flows_not_ready} not ready "
        f"of {summary.flows}{flags}{decided}"
    )


_DECISIONS_FR = {
    "accepted": "acceptée",
    "revision_requested": "révision demandée",
    "rejected": "rejetée",
}


def _line_fr(submission: Submission, decision: str | None) -> str:
    from compliance.review.text import clean
    from compliance.signing.words import explain, verdict_words
    from compliance.typography import colon, french, number

    flags = f"  [{', '.join(submission.flags)}]" if submission.flags else ""
    decided = french(f"  décision : {_DECISIONS_FR.get(decision, decision)}") if decision else ""
    summary = submission.summary
    name = clean(submission.name)
    if summary is None:
        claims = submission.claims
        claimed = ""
        if claims is not None and claims.organisation:
            claimed = french(f"  (affirme : {claims.organisation}, non vérifié)")
        why = clean(explain(submission.verdict, "fr"))
        verdict = verdict_words(submission.verdict, "fr")
        return f"{verdict}  {name}{colon('fr')}{why}{claimed}{flags}{decided}"
    reg = f" ({clean(summary.registration_id)})" if summary.registration_id else ""
    score = number(summary.score, "fr")
    return (
        f"{verdict_words(submission.verdict, 'fr')}  {name}  {clean(summary.organisation)}{reg}  "
        f"signé par {clean(summary.signer)} le {summary.issued_at}  "
        f"{clean(summary.questionnaire_id)} {clean(summary.questionnaire_version)}  "
        f"score {score} ({clean(summary.rating_label('fr'))})  "
        + french(
            f"flux : {summary.flows_blocked} bloqué(s), {summary.flows_not_ready} pas prêt(s) "
            f"sur {summary.flows}"
        )
        + f"{flags}{decided}"
    )


_DECISIONS_AR = {
    "accepted": "مقبولة",
    "revision_requested": "طلبت مراجعتها",
    "rejected": "مرفوضة",
}


def _line_ar(submission: Submission, decision: str | None) -> str:
    """One submission in Arabic; names, ids and dates from the bundle stay as they are."""
    from compliance.review.text import clean
    from compliance.signing.words import explain, verdict_words
    from compliance.typography import number

    flags = f"  [{', '.join(submission.flags)}]" if submission.flags else ""
    decided = f"  القرار: {_DECISIONS_AR.get(decision, decision)}" if decision else ""
    summary = submission.summary
    name = clean(submission.name)
    if summary is None:
        claims = submission.claims
        claimed = ""
        if claims is not None and claims.organisation:
            claimed = f"  (تدعي: {claims.organisation}، غير متحقق منه)"
        why = clean(explain(submission.verdict, "ar"))
        verdict = verdict_words(submission.verdict, "ar")
        return f"{verdict}  {name}: {why}{claimed}{flags}{decided}"
    reg = f" ({clean(summary.registration_id)})" if summary.registration_id else ""
    score = number(summary.score, "ar")
    return (
        f"{verdict_words(submission.verdict, 'ar')}  {name}  {clean(summary.organisation)}{reg}  "
        f"وقعها {clean(summary.signer)} في {summary.issued_at}  "
        f"{clean(summary.questionnaire_id)} {clean(summary.questionnaire_version)}  "
        f"النتيجة {score} ({clean(summary.rating_label('ar'))})  "
        f"التدفقات: {summary.flows_blocked} موقوفة، {summary.flows_not_ready} غير جاهزة "
        f"من أصل {summary.flows}{flags}{decided}"
    )


def _inbox(args: argparse.Namespace) -> int:
    from compliance.review.compare import flag_replays
    from compliance.review.decisions import latest_decisions, record_seen, seen_submissions
    from compliance.review.inbox import scan
    from compliance.review.triage import select, sort_submissions

    folder = Path(args.words[0])
    if not folder.is_dir():
        raise ReviewError(f"{folder} is not a folder; give the folder that holds the bundles")
    trust = _trust(args)
    progress = ProgressLine(unfiltered(sys.stderr)) if sys.stderr.isatty() else None
    try:
        found = scan(folder, trust, render_check=not args.digest_only, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    with _workspace(args) as ws:
        submissions = flag_replays(found, seen_submissions(ws), trust=trust)
        record_seen(ws, submissions)
        decisions = latest_decisions(ws)
    shown = sort_submissions(select(submissions, args.filter), args.sort)
    if args.json:
        rows = []
        for s in shown:
            decision = decisions.get(s.sha256)
            rows.append({**s.to_json(), "decision": decision.status if decision else None})
        print_json(rows)
    else:
        lang = getattr(args, "lang", "en")
        for s in shown:
            decision = decisions.get(s.sha256)
            print(_line(s, decision.status if decision else None, lang))
        invalid = sum(1 for s in submissions if s.summary is None)
        if lang == "fr":
            from compliance.typography import french

            print(
                french(
                    f"paquets : {len(submissions)} ; vérifiés : {len(submissions) - invalid} ; "
                    f"invalides : {invalid} ; affichés : {len(shown)}"
                ),
                file=sys.stderr,
            )
        elif lang == "ar":
            print(
                f"الحزم: {len(submissions)}؛ تم التحقق منها: {len(submissions) - invalid}؛ "
                f"غير صالحة: {invalid}؛ المعروضة: {len(shown)}",
                file=sys.stderr,
            )
        else:
            print(
                f"{len(submissions)} bundle{'' if len(submissions) == 1 else 's'}: "
                f"{len(submissions) - invalid} verified, "
                f"{invalid} invalid; {len(shown)} shown",
                file=sys.stderr,
            )
    return 0 if all(s.status == "VALID" for s in submissions) else 1


def _decide(args: argparse.Namespace) -> int:
    from compliance.review.decisions import decide
    from compliance.review.inbox import read_submission
    from compliance.review.text import clean

    if args.status is None or args.comment is None:
        raise UsageError("review decide needs --status and --comment")
    submission, _ = read_submission(Path(args.words[1]), _trust(args), now=dt.datetime.now(dt.UTC))
    if not submission.sha256:
        raise ReviewError(f"cannot read {args.words[1]}: {submission.verdict.message}")
    with _workspace(args) as ws:
        decision = decide(ws, submission, args.status, args.comment)
    print(
        f"recorded {decision.status} for {clean(submission.name)} "
        f"({submission.status}{'' if submission.summary else ', ' + str(submission.verdict.reason)}"
        f") by {clean(decision.reviewer)} at {decision.at}"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from compliance.review.decisions import list_decisions
    from compliance.review.export import write_csv

    if not args.output:
        raise UsageError("review export needs -o FILE.csv")
    with _workspace(args) as ws:
        count = write_csv(list_decisions(ws), Path(args.output))
    print(f"wrote {count} decision{'s' * (count != 1)} to {args.output}")
    return 0


def _print_comparison(comparison: Comparison) -> None:
    from compliance.review.text import clean

    a, b = comparison.before, comparison.after
    print(f"organisation {clean(b.organisation)} ({clean(comparison.registration_id)})")
    print(f"  before: report {a.report_id} issued {a.issued_at}, score {a.score} ({a.rating})")
    print(f"  after:  report {b.report_id} issued {b.issued_at}, score {b.score} ({b.rating})")
    if comparison.flags:
        print(f"  flags: {', '.join(comparison.flags)}")
    sections = (
        ("ratings", comparison.ratings),
        ("scores", comparison.scores),
        ("flows", comparison.flows),
        ("answers", comparison.answers),
    )
    for title, changes in sections:
        print(f"{title}: {len(changes)} changed")
        for change in changes:
            before = "-" if change.before is None else clean(change.before, limit=120)
            after = "-" if change.after is None else clean(change.after, limit=120)
            print(f"  {clean(change.item)}: {before} -> {after}")


def _compare(args: argparse.Namespace) -> int:
    from compliance.review.compare import compare
    from compliance.review.detail import open_verified
    from compliance.review.text import clean

    trust = _trust(args)
    now = dt.datetime.now(dt.UTC)
    opened = []
    for name in args.words[1:]:
        submission, verified = open_verified(Path(name), trust, now=now)
        if verified is None:
            raise ReviewError(
                f"{clean(name)} did not verify ({submission.verdict.reason}); only verified "
                "submissions can be compared"
            )
        opened.append(verified)
    comparison = compare(opened[0], opened[1])
    if args.json:
        print_json(comparison.to_json())
    else:
        _print_comparison(comparison)
    return 1 if comparison.flags else 0
