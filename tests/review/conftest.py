"""Fixtures of the review suite: a signer, bundles of two cycles, and a folder mixing verdicts.

Bundles are issued relative to the real clock, because the command line and the screen verify at
the current time. The folder holds two valid cycles of one organisation, a valid bundle of another,
an expired one, a tampered one, one signed by an untrusted key, a malformed file and a hostile one.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static

from compliance.model.assessment import Assessment
from compliance.signing.bundle import RESULT, zip_files
from compliance.typography import NBSP
from tests.signing.conftest import Signer, example_assessment, make_signer, sign
from tests.store.conftest import postgres_url, workspace_url

__all__ = ["postgres_url", "workspace_url"]  # fixtures of the store suite, on both databases

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def shown_text(widget: Static) -> str:
    """What a Static shows, as plain text at 200 columns (Text and rich renderables alike).

    French typography is checked on the way (a no-break space before ``: ; ! ?``, never an
    ordinary one), and no-break spaces are given back as ordinary ones, to compare as text.
    """
    console = Console(width=200, file=io.StringIO(), color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(widget.content)
    text = "\n".join(line.rstrip() for line in capture.get().splitlines())
    bad = re.search(r"\S [:;!?](\s|$)", text)
    assert bad is None or NBSP not in text, f"an ordinary space before {bad.group()!r}: {text}"
    return text.replace(NBSP, " ")


HOSTILE = "[bold red]Evil[/] [@click=app.quit]x[/] \x1b[2J\x1b]8;;http://x\x07SARL"


def cycle(**organisation: str) -> Assessment:
    """The example assessment for another organisation."""
    return example_assessment(**organisation)


def second_cycle(assessment: Assessment) -> Assessment:
    """The same organisation a year on: one answer and one flow changed."""
    answers = dict(assessment.answers)
    lead = answers["gov01.lead"]
    answers["gov01.lead"] = lead.model_copy(update={"value": "no"})
    flows = list(assessment.flows)
    flows[0] = flows[0].model_copy(update={"name": "Renamed flow"})
    return assessment.model_copy(update={"answers": answers, "flows": tuple(flows)})


def tamper(bundle: bytes) -> bytes:
    """The bundle with its result file changed after signing."""
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    result = json.loads(files[RESULT])
    result["overall"]["score"] = "99.00"
    files[RESULT] = json.dumps(result).encode()
    return zip_files(files)


@dataclass(frozen=True)
class Inbox:
    """A folder of bundles and the verdict each must get."""

    folder: Path
    expected: dict[str, tuple[str, str | None]]


@pytest.fixture(scope="session")
def signer(tmp_path_factory: pytest.TempPathFactory) -> Signer:
    return make_signer(tmp_path_factory.mktemp("keys"), "alice")


@pytest.fixture(scope="session")
def stranger(tmp_path_factory: pytest.TempPathFactory) -> Signer:
    return make_signer(tmp_path_factory.mktemp("keys"), "mallory")


@pytest.fixture(scope="session")
def first(signer: Signer) -> bytes:
    """Cycle 1 of organisation RC-1, issued 40 days ago."""
    return sign(signer, cycle(registration_id="RC-1"), issued_at=NOW - dt.timedelta(days=40))


@pytest.fixture(scope="session")
def second(signer: Signer) -> bytes:
    """Cycle 2 of organisation RC-1, issued 2 days ago, with changed answers and flows."""
    return sign(
        signer,
        second_cycle(cycle(registration_id="RC-1")),
        issued_at=NOW - dt.timedelta(days=2),
    )


@pytest.fixture(scope="session")
def inbox(
    tmp_path_factory: pytest.TempPathFactory,
    signer: Signer,
    stranger: Signer,
    first: bytes,
    second: bytes,
) -> Inbox:
    folder = tmp_path_factory.mktemp("inbox")
    other = sign(signer, cycle(name="Other SA", registration_id="RC-2"), issued_at=NOW)
    files = {
        "a-first.zip": (first, ("VALID", None)),
        "b-second.zip": (second, ("VALID", None)),
        "c-other.zip": (other, ("VALID", None)),
        "d-expired.zip": (
            sign(signer, issued_at=NOW - dt.timedelta(days=30), valid_days=1),
            ("EXPIRED", "expired"),
        ),
        "e-tampered.zip": (tamper(first), ("INVALID", "digest-mismatch")),
        "f-untrusted.zip": (sign(stranger, issued_at=NOW), ("INVALID", "untrusted-signer")),
        "g-malformed.zip": (b"PK\x03\x04 this is not a zip", ("INVALID", "bundle-structure")),
        "h-hostile.zip": (
            sign(signer, cycle(name=HOSTILE, registration_id="RC-3"), issued_at=NOW),
            ("VALID", None),
        ),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    (folder / "notes.txt").write_text("not a bundle")
    return Inbox(folder, {name: verdict for name, (_, verdict) in files.items()})
