"""Measures the review inbox against its budget: 1,000 bundles triaged within 2x the floor.

The floor is that of ``bench_verify.py`` (per bundle: SHA-256 of its bytes + one Ed25519 verify +
one ``score()``), plus one HTML render each for the default triage, which re-renders every report
as ``compliance verify`` does; ``--digest-only`` triage is held to the bare floor. The triage is
``compliance.review.inbox.scan`` of a folder: reading each file, verifying it and building the
summary. Responsiveness: the Review screen verifies the folder in its worker while keys are
pressed; the time each key takes to be handled is compared with the same key on an idle screen.

Run from a checkout: ``python benchmarks/bench_review.py [N]`` (default 1000). Exits 1 when a
budget is missed.
"""

from __future__ import annotations

import asyncio
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.signed import Signer  # noqa: E402
from benchmarks.signed import bundles as signed_bundles  # noqa: E402
from compliance.signing.archive import read_bundle  # noqa: E402
from compliance.signing.bundle import ENVELOPE  # noqa: E402
from compliance.signing.dsse import pae, parse_envelope  # noqa: E402
from compliance.signing.reference import for_verifying  # noqa: E402
from compliance.signing.registry import load_published  # noqa: E402
from compliance.signing.trust import TrustStore  # noqa: E402

BUDGET = 2.0
KEY_BUDGET = 0.1
"""A key handled within 100 ms while the worker verifies reads as instant."""
FIXTURES = sorted((REPO / "questionnaires").glob("**/fixtures/*.yaml"))


def _build(count: int, folder: Path) -> tuple[TrustStore, list[tuple[bytes, Any, Any]]]:
    signer = Signer.make(folder)
    inbox = folder / "inbox"
    inbox.mkdir()
    made = []
    for i, (data, assessment, entry) in enumerate(signed_bundles(signer, count)):
        (inbox / f"bundle-{i:05d}.zip").write_bytes(data)
        # Bound to the bundle's reference set, as verify binds it (as bench_verify does).
        made.append(
            (data, for_verifying(read_bundle(data), load_published(entry), assessment), assessment)
        )
    return signer.trust, made


def _floors(made: list[tuple[bytes, Any, Any]], trust: TrustStore) -> tuple[float, float]:
    from compliance.engine.scoring import score
    from compliance.report import render

    public = trust.entries[0].checker()
    prepared = []
    for data, questionnaire, assessment in made:
        envelope = parse_envelope(read_bundle(data)[ENVELOPE])
        message = pae(envelope.payload_type, envelope.payload)
        prepared.append((data, message, envelope.signatures[0].sig, questionnaire, assessment))
    start = time.perf_counter()
    for data, message, signature, questionnaire, assessment in prepared:
        hashlib.sha256(data).digest()
        public(signature, message)
        score(questionnaire, assessment)
    floor = time.perf_counter() - start
    start = time.perf_counter()
    for _, _, _, questionnaire, assessment in prepared:
        result = score(questionnaire, assessment)
        render(questionnaire, assessment, result, lang="en", fmt="html")
    render_floor = time.perf_counter() - start - floor
    return floor, render_floor


async def _key_latency(folder: Path, trust: TrustStore, presses: int) -> tuple[float, float]:
    """Median seconds from a key event posted to the screen's key handler, idle and busy."""
    from textual import events
    from textual.app import App

    from compliance.tui.screens.review import ReviewScreen

    async def press(screen: ReviewScreen) -> float:
        before = screen.handled_keys
        start = time.perf_counter()
        screen.post_message(events.Key("down", None))
        while screen.handled_keys == before:
            await asyncio.sleep(0.0005)
        return time.perf_counter() - start

    async def measure(screen: ReviewScreen, busy: bool) -> list[float]:
        class Host(App[None]):
            def on_mount(self) -> None:
                self.push_screen(screen)

        app = Host()
        times: list[float] = []
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.pause()
            if not busy:
                await app.workers.wait_for_complete()
                await pilot.pause()
            for _ in range(presses):
                if busy and not any(w.is_running for w in app.workers):
                    break
                times.append(await press(screen))
                await asyncio.sleep(0.02)
            await app.workers.wait_for_complete()
        return times

    workspace = str(folder.parent / "ws.sqlite")
    idle = await measure(ReviewScreen(trust, workspace=workspace, folder=folder), busy=False)
    busy = await measure(ReviewScreen(trust, workspace=workspace, folder=folder), busy=True)
    print(f"  {len(busy)} keys while verifying; slowest {max(busy, default=0) * 1000:.0f} ms")
    return statistics.median(idle), statistics.median(busy) if busy else 0.0


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    from compliance.review.inbox import scan
    from compliance.signing.verify import verify_bundle

    folder = Path(tempfile.mkdtemp())
    start = time.perf_counter()
    trust, made = _build(count, folder)
    print(f"built {count} bundles in {time.perf_counter() - start:.1f} s")
    inbox = folder / "inbox"
    scan(inbox, trust)  # warm caches (templates, questionnaires)
    floor, render_floor = _floors(made, trust)

    start = time.perf_counter()
    assert all(verify_bundle(data, trust).ok for data, _, _ in made)
    verify_time = time.perf_counter() - start
    start = time.perf_counter()
    assert all(verify_bundle(data, trust, render_check=False).ok for data, _, _ in made)
    verify_digest_time = time.perf_counter() - start
    start = time.perf_counter()
    found = scan(inbox, trust)
    full = time.perf_counter() - start
    start = time.perf_counter()
    digest = scan(inbox, trust, render_check=False)
    digest_time = time.perf_counter() - start
    start = time.perf_counter()
    threaded = scan(inbox, trust, workers=2)
    threaded_time = time.perf_counter() - start
    if not all(s.status == "VALID" for s in (*found, *digest, *threaded)):
        raise SystemExit("a benchmark bundle did not verify")

    full_ratio = full / (floor + render_floor)
    digest_ratio = digest_time / floor
    print(f"floor (sha256 + Ed25519 verify + score) x{count}: {floor:.2f} s")
    print(f"one HTML render each: {render_floor:.2f} s")
    print(f"verify_bundle x{count} (bytes in memory): {verify_time:.2f} s")
    print(
        f"triage (scan, re-render) x{count}: {full:.2f} s = {full_ratio:.2f}x floor + render "
        f"(budget {BUDGET}x) {'ok' if full_ratio <= BUDGET else 'MISSED'}; "
        f"{full / verify_time:.2f}x verify_bundle alone"
    )
    print(
        f"triage --digest-only x{count}: {digest_time:.2f} s = {digest_ratio:.2f}x floor; "
        f"{digest_time / verify_digest_time:.2f}x verify_bundle --digest-only alone "
        f"({verify_digest_time:.2f} s: the signing module's own ratio to the floor is "
        f"{verify_digest_time / floor:.2f}x)"
    )
    print(f"triage with 2 threads x{count}: {threaded_time:.2f} s")
    idle, busy = asyncio.run(_key_latency(inbox, trust, presses=40))
    key_ok = busy <= KEY_BUDGET
    print(
        f"key handled (posted to handler, median): idle {idle * 1000:.0f} ms, while verifying "
        f"{busy * 1000:.0f} ms (budget {KEY_BUDGET * 1000:.0f} ms) {'ok' if key_ok else 'MISSED'}"
    )
    overhead_ok = full / verify_time <= 1.1 and digest_time / verify_digest_time <= 1.1
    ok = full_ratio <= BUDGET and key_ok
    print(f"scan overhead over verify_bundle within 1.1x: {overhead_ok} (information)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
