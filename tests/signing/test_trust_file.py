"""The trust store on disk: written atomically, readable by its owner only, never over a folder."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from compliance.errors import TrustStoreError
from compliance.signing.keys import key_id, load_public_key
from compliance.signing.trust import TRUST_FILE, TrustEntry, TrustStore

PEM = (
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
    "-----END PUBLIC KEY-----\n"
)


def _store(folder: Path) -> TrustStore:
    identifier = key_id(load_public_key(PEM.encode(), "alice.pub.pem"))
    entry = TrustEntry(identifier, "Alice", PEM, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    return TrustStore((entry,), folder)


def test_a_saved_store_reads_back_and_only_its_owner_can_read_it(tmp_path: Path) -> None:
    folder = tmp_path / "trust"
    path = _store(folder).save()
    assert path == folder / TRUST_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert TrustStore.load(folder).entries == _store(folder).entries
    assert [p.name for p in folder.iterdir()] == [TRUST_FILE]  # no temporary file left


def test_a_folder_in_the_way_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "trust"
    (folder / TRUST_FILE).mkdir(parents=True)
    with pytest.raises(TrustStoreError, match="not a regular file"):
        _store(folder).save()
    assert (folder / TRUST_FILE).is_dir()
