"""Measures bundle verification against its budget (DESIGN section 12), as a ratio to a floor.

The floor for N bundles is, per bundle, the SHA-256 of its bytes + one Ed25519 verify + one
``score()`` of its assessment (questionnaire already loaded). The budget is 2x that floor for
verification with the HTML report checked by digest (``verify --digest-only``). Full verification
also re-renders the HTML report; it is reported against the floor plus one HTML render each.

Each figure is the median of several passes taken in turns with its floor. Run from a checkout:
``python benchmarks/bench_verify.py [N]`` (default N = 1000). Prints one line per figure; exits 1
when a budget is missed.
"""

from __future__ import annotations

import gc
import hashlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.signed import Signer  # noqa: E402
from benchmarks.signed import bundles as signed_bundles  # noqa: E402
from compliance.signing.archive import read_bundle  # noqa: E402
from compliance.signing.bundle import ENVELOPE  # noqa: E402
from compliance.signing.dsse import pae, parse_envelope  # noqa: E402
from compliance.signing.reference import for_verifying  # noqa: E402
from compliance.signing.registry import load_published  # noqa: E402
from compliance.signing.verify import verify_bundle  # noqa: E402

BUDGET = 2.0
ROUNDS = 5
FULL_ROUNDS = 3
FIXTURES = sorted((REPO / "questionnaires").glob("**/fixtures/*.yaml"))


def timed(action: Callable[[], bool]) -> tuple[float, bool]:
    """Seconds one pass of ``action`` takes, from a collected heap with the cyclic GC paused (as
    ``timeit`` does and ``benchmarks/run.py`` does: a full collection triggered by the bundles
    already in memory would otherwise land at random in one pass or another)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        ok = action()
        return time.perf_counter() - start, ok
    finally:
        gc.enable()


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    from compliance.engine.scoring import score
    from compliance.report import render

    folder = Path(tempfile.mkdtemp())
    signer = Signer.make(folder)
    key, trust, now = signer.key, signer.trust, signer.now
    start = time.perf_counter()
    bundles = list(signed_bundles(signer, count))
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
                # Bound to the bundle's reference set, as verify binds it (outside the timing:
                # the floor is one score() per bundle).
                for_verifying(read_bundle(data), load_published(entry), assessment),
                assessment,
            )
        )
    for _, _, _, questionnaire, assessment in prepared[:3]:
        render(questionnaire, assessment, score(questionnaire, assessment), lang="en", fmt="html")
        verify_bundle(bundles[0][0], trust, now=now)

    def floor_pass() -> bool:
        for data, message, signature, questionnaire, assessment in prepared:
            hashlib.sha256(data).digest()
            public_key.verify(signature, message)
            score(questionnaire, assessment)
        return True

    def render_pass() -> bool:
        for _, _, _, questionnaire, assessment in prepared:
            result = score(questionnaire, assessment)
            render(questionnaire, assessment, result, lang="en", fmt="html", signature=key.key_id)
        return True

    def digest_pass() -> bool:
        return all(verify_bundle(d, trust, now=now, render_check=False).ok for d, *_ in prepared)

    def full_pass() -> bool:
        return all(verify_bundle(d, trust, now=now).ok for d, *_ in prepared)

    # Each figure is the median of ROUNDS passes taken in turns with its floor, so a change in
    # the machine's load weighs on both (one pass each swung the ratio by half on a busy machine).
    floors: list[float] = []
    digests: list[float] = []
    for _ in range(ROUNDS):
        floors.append(timed(floor_pass)[0])
        seconds, ok = timed(digest_pass)
        if not ok:
            raise SystemExit("a benchmark bundle did not verify")
        digests.append(seconds)
    renders: list[float] = []
    fulls: list[float] = []
    for _ in range(FULL_ROUNDS):
        renders.append(timed(render_pass)[0])
        seconds, ok = timed(full_pass)
        if not ok:
            raise SystemExit("a benchmark bundle did not verify")
        fulls.append(seconds)
    floor = statistics.median(floors)
    digest_time = statistics.median(digests)
    render_floor = statistics.median(renders) - floor
    full_time = statistics.median(fulls)
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
