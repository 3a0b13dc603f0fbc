"""Measures what a hostile encrypted file costs before its passphrase is refused (issue 14).

A file may ask for Argon2id parameters up to the caps of :mod:`compliance.filecrypt` (twice what
this tool writes); the reader derives the key before it can tell the passphrase is wrong. This
writes a file at the caps and times three wrong-passphrase reads, beside three reads of a file
with the tool's own parameters. The issue's limit is 3 s on the project's 2-core machine. Run
from a checkout: ``python benchmarks/bench_kdf_cap.py``; exits 1 over the limit.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compliance.errors import DecryptionError  # noqa: E402
from compliance.filecrypt import (  # noqa: E402
    DEFAULT_PARAMS,
    MAX_ITERATIONS,
    MAX_LANES,
    MAX_MEMORY_KIB,
    MAX_WORK,
    KdfParams,
    decrypt,
    encrypt,
)

LIMIT_SECONDS = 3.0


def _refusal_seconds(params: KdfParams) -> float:
    blob = encrypt(b"{}", "the right one", context="bench", params=params)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        try:
            decrypt(blob, "a wrong one", context="bench")
        except DecryptionError as error:
            if error.reason != "wrong-passphrase":
                raise
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    caps = [
        KdfParams(MAX_MEMORY_KIB, MAX_WORK // MAX_MEMORY_KIB, MAX_LANES),
        KdfParams(MAX_WORK // MAX_ITERATIONS, MAX_ITERATIONS, MAX_LANES),
    ]
    own = _refusal_seconds(DEFAULT_PARAMS)
    print(f"tool's own parameters {DEFAULT_PARAMS}: {own:.2f} s to refuse a wrong passphrase")
    worst = 0.0
    for cap in caps:
        assert cap.problem() is None, cap
        hostile = _refusal_seconds(cap)
        worst = max(worst, hostile)
        print(f"hostile header at the caps {cap}: {hostile:.2f} s (limit {LIMIT_SECONDS:.0f} s)")
    return 0 if worst <= LIMIT_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
