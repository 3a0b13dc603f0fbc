"""Measures bundle verification against its budget (DESIGN section 12), as a ratio to a floor.

The floor for N bundles is, per bundle, the SHA-256 of its bytes + one Ed25519 verify + one
``score()`` of its assessment (questionnaire already loaded). The budget is 2x that floor for
verification with the HTML report checked by digest (``verify --digest-only``). Full verification
also re-renders the HTML report; it is reported against the floor plus one HTML render each.

Run from a checkout: ``python benchmarks/bench_verify.py [N]`` (default N = 1000). Prints one line
per figure; exits 1 when a budget is missed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compliance.filecrypt import MINIMUM_PARAMS  # noqa: E402
from compliance.loader import parse_assessment  # noqa: E402
from compliance.signing.archive import read_bundle  # noqa: E402
from compliance.signing.bundle import ENVELOPE, create_bundle  # noqa: E402
from compliance.signing.dsse import pae, parse_envelope  # noqa: E402
from compliance.signing.keys import generate_key, load_private_key  # noqa: E402
from compliance.signing.registry import find_published, load_published  # noqa: E402
from compliance.signing.trust import TrustEntry, TrustStore  # noqa: E402
from compliance.signing.verify import verify_bundle  # noqa: E402

BUDGET = 2.0
FIXTURES = sorted((REPO / "questionnaires").glob("*/fixtures/*.yaml"))


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    from compliance.engine.scoring import score
    from compliance.report import render

    folder = Path(tempfile.mkdtemp())
    private, public, key_id = generate_key("bench", folder, "pw", params=MINIMUM_PARAMS)
    key = load_private_key(private, "pw")
    now = dt.datetime.now(dt.UTC)
    trust = TrustStore((TrustEntry(key_id, "Bench", public.read_text(), now),))
    assessments = []
    for path in FIXTURES:
        if path.name.endswith(".expected.yaml"):
            continue
        assessment, _ = parse_assessment(path.read_bytes(), str(path))
        entry = find_published(assessment.questionnaire.id, assessment.questionnaire.version)
        if entry is not None:
            assessments.append((assessment, entry))
    start = time.perf_counter()
    bundles = []
    for i in range(count):
        assessment, entry = assessments[i % len(assessments)]
        issued = now - dt.timedelta(seconds=i)
        bundles.append(
            (
                create_bundle(assessment, entry, key, issued_at=issued, valid_days=30),
                assessment,
                entry,
            )
        )
    print(f"built {count} bundles in {time.perf_counter() - start:.1f} s")
    public_key = key.public_key
    prepared = []
    for data, assessment, entry in bundles:
        envelope = parse_envelope(read_bundle(data)[ENVELOPE])
        prepared.append(
            (
                data,
                pae(envelope.payload_type, envelope.payload),
                envelope.signatures[0].sig,
                load_published(entry),
                assessment,
            )
        )
    for _, _, _, questionnaire, assessment in prepared[:3]:
        render(questionnaire, assessment, score(questionnaire, assessment), lang="en", fmt="html")
        verify_bundle(bundles[0][0], trust, now=now)

    start = time.perf_counter()
    for data, message, signature, questionnaire, assessment in prepared:
        hashlib.sha256(data).digest()
        public_key.verify(signature, message)
        score(questionnaire, assessment)
    floor = time.perf_counter() - start

    start = time.perf_counter()
    for _, _, _, questionnaire, assessment in prepared:
        render(
            questionnaire,
            assessment,
            score(questionnaire, assessment),
            lang="en",
            fmt="html",
            signature=key_id,
        )
    render_floor = time.perf_counter() - start - floor

    start = time.perf_counter()
    digest_ok = all(verify_bundle(d, trust, now=now, render_check=False).ok for d, *_ in prepared)
    digest_time = time.perf_counter() - start

    start = time.perf_counter()
    full_ok = all(verify_bundle(d, trust, now=now).ok for d, *_ in prepared)
    full_time = time.perf_counter() - start

    if not (digest_ok and full_ok):
        raise SystemExit("a benchmark bundle did not verify")
    ratio = digest_time / floor
    full_ratio = full_time / (floor + render_floor)
    print(f"floor (sha256 + verify + score) x{count}: {floor:.2f} s")
    print(
        f"verify --digest-only x{count}: {digest_time:.2f} s = {ratio:.2f}x floor "
        f"(budget {BUDGET}x) {'ok' if ratio <= BUDGET else 'MISSED'}"
    )
    print(
        f"verify (re-render HTML) x{count}: {full_time:.2f} s = {full_ratio:.2f}x "
        f"(floor + one HTML render each, {render_floor:.2f} s; budget {BUDGET}x) "
        f"{'ok' if full_ratio <= BUDGET else 'MISSED'}; {full_time / floor:.2f}x the bare floor"
    )
    return 0 if ratio <= BUDGET and full_ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
