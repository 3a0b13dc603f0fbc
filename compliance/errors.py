"""Provides the one error hierarchy of the toolkit.

Every failure a user can cause (a bad file, a wrong passphrase, a busy workspace) is raised as a
subclass of :class:`ComplianceError` carrying a sentence written for that user: what went wrong,
where, and what to do. Only the command line decides how errors print and which exit code they give.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ComplianceError",
    "DecryptionError",
    "ExchangeError",
    "InputError",
    "InvalidAssessment",
    "LoadError",
    "OutputError",
    "Problem",
    "ReportError",
    "ReviewError",
    "SigningError",
    "TrustStoreError",
    "UsageError",
    "VerifyError",
    "VerifyReason",
    "WorkspaceBusy",
    "WorkspaceConflict",
    "WorkspaceDenied",
    "WorkspaceError",
    "WorkspaceFull",
    "WorkspaceReadOnly",
]


class ComplianceError(Exception):
    """The root of every error the toolkit raises on purpose."""

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidAssessment(ComplianceError):
    """An assessment does not fit its questionnaire (an unknown question, a wrong value...)."""


class InputError(ComplianceError):
    """A file the user named cannot be read as asked (missing, a folder, a FIFO, too large...).

    ``problem`` is the sentence without the path, for callers that name the file their own way.
    """

    def __init__(self, message: str, *, problem: str | None = None) -> None:
        super().__init__(message)
        self.problem = problem or message


class OutputError(ComplianceError):
    """A file the user asked for could not be written (nothing was changed)."""


class UsageError(ComplianceError):
    """The command was called in a way that cannot work (exit code 2)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in an input file, with where it is."""

    file: str
    line: int
    column: int
    message: str
    item: str | None = None
    """The id of the nearest enclosing item (question, control, domain), when there is one."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        if self.item:
            return f"{where}: {self.item}: {self.message}"
        return f"{where}: {self.message}"


class LoadError(ComplianceError):
    """A file could not be loaded; holds every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("LoadError needs at least one problem")
        self.problems = tuple(problems)
        first = str(problems[0])
        more = len(problems) - 1
        message = first if more == 0 else f"{first} (and {more} more problem{'s' * (more > 1)})"
        super().__init__(message)

    @classmethod
    def single(
        cls, file: str, message: str, *, line: int = 1, column: int = 1, item: str | None = None
    ) -> LoadError:
        """Builds an error with one problem."""
        return cls([Problem(file, line, column, message, item)])


class WorkspaceError(ComplianceError):
    """The workspace store cannot do what was asked (missing item, unreachable, too new...)."""


class WorkspaceBusy(WorkspaceError):
    """Another process holds the workspace longer than we are willing to wait."""


class WorkspaceReadOnly(WorkspaceError):
    """The workspace can be read but not written; nothing already saved is lost."""


class WorkspaceConflict(WorkspaceError):
    """A write was based on an old revision: someone else changed the item first.

    Nothing was written. The error carries what the store holds now, so that a screen can show
    "changed by NAME at TIME: keep theirs / use mine" with both values; writing again based on
    ``revision`` is "use mine".
    """

    def __init__(
        self, target: str, *, actor: str | None, at: str | None, theirs: object, revision: int
    ) -> None:
        who = actor or "someone"
        when = f" at {at[:19].replace('T', ' ')} UTC" if at else ""
        gone = " (it was deleted)" if revision == 0 else ""
        super().__init__(
            f"{target} was changed by {who}{when}{gone} after you read it, so your change was "
            "not saved; look at their version, then keep theirs or save yours again"
        )
        self.target = target
        self.actor = actor
        self.at = at
        self.theirs = theirs
        self.revision = revision


class WorkspaceDenied(WorkspaceError):
    """The acting user's role does not allow the change (or the database refused it)."""


class WorkspaceFull(WorkspaceError):
    """The disk or the database is full; the write was undone and nothing already saved is lost."""


class DecryptionError(ComplianceError):
    """An encrypted file could not be opened: wrong passphrase, altered, truncated or hostile.

    ``reason`` is a stable code for programs: ``not-encrypted``, ``truncated``, ``limits``,
    ``tampered-header``, ``wrong-passphrase``, ``tampered-data``, ``wrong-kind``.
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class ExchangeError(ComplianceError):
    """A file exchanged with another tool (a workbook, a library) cannot be read or written.

    ``problems`` lists every problem found, each with where it is (``Sheet!G7: message``); the
    message sums them up. Nothing was changed.
    """

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class ReportError(ComplianceError):
    """A report could not be produced (a missing extra, a template fault, a blocked fetch)."""


class SigningError(ComplianceError):
    """A key could not be made or loaded, or a bundle could not be signed."""


class TrustStoreError(ComplianceError):
    """The trust store cannot be read or changed as asked (damaged file, unknown key id...)."""


VerifyReason = Literal[
    "bundle-structure",
    "envelope",
    "payload-type",
    "untrusted-signer",
    "key-revoked",
    "key-outside-validity",
    "issued-in-future",
    "validity-too-long",
    "organisation-not-bound",
    "statement-schema",
    "signing-key-mismatch",
    "subject-mismatch",
    "digest-mismatch",
    "questionnaire-not-published",
    "reference-not-published",
    "cannot-rederive-score",
    "assessment-invalid",
    "statement-mismatch",
    "score-mismatch",
    "cannot-rerender-report",
    "report-mismatch",
    "expired",
    "unreadable",
    "internal-error",
]
"""Every reason a verdict can give (``docs/adr/0006-signing.md``); mypy refuses any other."""


class VerifyError(ComplianceError):
    """A signed bundle failed verification; ``reason`` is a stable code for programs.

    The codes are those of :data:`VerifyReason` (``bundle-structure``, ``untrusted-signer``,
    ``score-mismatch``...). Verification turns this error into a verdict; nothing else escapes it.
    """

    def __init__(
        self, reason: VerifyReason, message: str, *, facts: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.facts = dict(facts or {})
        """The particulars (a file, a key holder, a date) that
        :mod:`compliance.signing.words` fills into its sentences in each language."""


class ReviewError(ComplianceError):
    """A review step cannot be done as asked (two submissions of different organisations, an
    unverified bundle accepted, an unknown decision status...)."""
