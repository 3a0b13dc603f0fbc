"""The hostile corpus: files an attacker or a hurried user hands to the toolkit, each with the
behaviour every command must show for it (issue 14, point 7).

Items are built into a folder at test time (a FIFO, a device link or a 9 MiB file cannot be
committed usefully), from the shipped example fixture and the signing code, so they follow the
formats as those change. Each :class:`Item` names its kind and, per command, the exit code and a
fragment the output must hold. Every run must also print no traceback, no "unexpected error",
and no raw control or bidi character (``tests/hostile/test_corpus.py``).
"""

from __future__ import annotations

import base64
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.filecrypt import MINIMUM_PARAMS, encrypt
from compliance.store.transfer import EXPORT_CONTEXT
from tests.helpers import REPO

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"
PASSPHRASE = "corpus pass phrase"
HOSTILE_TEXT = (
    "Evil\x1b[2J\x1b]52;c;ZXZpbA==\x07\x1b]8;;http://evil.test\x1b\\click\x1b]8;;\x1b\\"
    "\u202eRAS\x9b31m\r\x7f SARL"
)
"""A clear-screen, an OSC 52 clipboard write, an OSC 8 hyperlink, a bidi override, a C1 CSI,
a carriage return and a DEL."""


@dataclass(frozen=True)
class Expect:
    """What a command must do with an item: its exit code and a fragment of its output."""

    code: int
    says: str = ""


@dataclass(frozen=True)
class Item:
    """One hostile input and what every command it is given to must do with it."""

    name: str
    kind: str
    """``assessment``, ``questionnaire``, ``bundle``, ``key``, ``encrypted`` or ``passphrase``."""
    make: Callable[[Path], Path]
    expect: dict[str, Expect] = field(default_factory=dict)
    """By command name (see ``COMMANDS`` in the test)."""


def _example() -> dict[str, Any]:
    from compliance.safeyaml import parse_yaml

    document = parse_yaml(FIXTURE.read_bytes(), str(FIXTURE))
    data: dict[str, Any] = json.loads(json.dumps(document.data, default=str))
    return data


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def hostile_names(folder: Path) -> Path:
    data = _example()
    data["organisation"]["name"] = HOSTILE_TEXT
    data["flows"][0]["name"] = f"Flow {HOSTILE_TEXT}"
    data["answers"]["gov01.lead"] = {"value": "yes", "comment": HOSTILE_TEXT}
    return _write(folder, "hostile-names.json", json.dumps(data).encode())


def deep_chain(folder: Path) -> Path:
    """An onward chain as long as the model allows: it once raised RecursionError."""
    data = _example()
    first, second = data["flows"][0], data["flows"][1]
    flows = [{**first, "id": f"c{i:04d}", "onward": [f"c{i + 1:04d}"]} for i in range(1999)]
    flows.append({**second, "id": "c1999", "onward": []})
    data["flows"] = flows
    return _write(folder, "deep-chain.json", json.dumps(data).encode())


def onward_cycle(folder: Path) -> Path:
    data = _example()
    data["flows"][1]["onward"] = [data["flows"][0]["id"]]
    return _write(folder, "onward-cycle.json", json.dumps(data).encode())


def binary_junk(folder: Path) -> Path:
    return _write(folder, "junk.yaml", bytes(range(256)) * 4)


def billion_laughs(folder: Path) -> Path:
    lines = ['a0: &a0 ["lol"]']
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 10)]
    return _write(folder, "laughs.yaml", "\n".join(lines).encode())


def python_tag(folder: Path) -> Path:
    return _write(folder, "tag.yaml", b"schema: !!python/object/apply:os.system ['true']\n")


def duplicate_keys(folder: Path) -> Path:
    return _write(folder, "duplicate.yaml", FIXTURE.read_bytes() + b"as_of: 2020-01-01\n")


def huge(folder: Path) -> Path:
    path = folder / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: over every limit, costs no disk
    return path


def fifo(folder: Path) -> Path:
    path = folder / "pipe.yaml"
    os.mkfifo(path)
    return path


def device(folder: Path) -> Path:
    path = folder / "zero.yaml"
    path.symlink_to("/dev/zero")
    return path


def a_folder(folder: Path) -> Path:
    path = folder / "a-folder.zip"
    path.mkdir()
    return path


def not_a_zip(folder: Path) -> Path:
    return _write(folder, "not-a-zip.zip", b"PK\x03\x04" + b"\x00" * 40)


def zip_with_traversal(folder: Path) -> Path:
    path = folder / "traversal.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../etc/evil", b"x")
    return path


def hostile_bundle_name(folder: Path) -> Path:
    """A bundle whose file name holds an escape sequence (the verdict prints the name)."""
    return _write(folder, "evil\x1b[2J\u202e.zip", b"not a bundle")


def public_key_as_key(folder: Path) -> Path:
    from compliance.signing.keys import generate_key

    _, public, _ = generate_key("Corpus", folder / "keys", PASSPHRASE, params=MINIMUM_PARAMS)
    return public


def hostile_kdf_key(folder: Path) -> Path:
    """A key file whose header asks Argon2id for 16 GiB: refused before any derivation."""
    blob = bytearray(encrypt(b"{}", PASSPHRASE, context="compliance.signing-key/v1"))
    blob[9:13] = (2**24).to_bytes(4, "big")
    path = _write(folder, "hostile.key", bytes(blob))
    path.chmod(0o600)
    return path


def wrong_passphrase_export(folder: Path) -> Path:
    data = encrypt(
        FIXTURE.read_bytes(), "another pass phrase", context=EXPORT_CONTEXT, params=MINIMUM_PARAMS
    )
    return _write(folder, "wrong.enc", data)


def truncated_export(folder: Path) -> Path:
    data = encrypt(FIXTURE.read_bytes(), PASSPHRASE, context=EXPORT_CONTEXT, params=MINIMUM_PARAMS)
    return _write(folder, "truncated.enc", data[: len(data) // 2])


def huge_passphrase_file(folder: Path) -> Path:
    return _write(folder, "passphrase.txt", b"x" * 5000)


def zero_passphrase_file(folder: Path) -> Path:
    path = folder / "passphrase-zero"
    path.symlink_to("/dev/zero")
    return path


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


OK = Expect(0)
REFUSED = Expect(1)
NOT_REGULAR = Expect(1, "is not a regular file")

ITEMS: tuple[Item, ...] = (
    Item(
        "hostile-names",
        "assessment",
        hostile_names,
        {"score": OK, "score-json": Expect(0, "\\u202e"), "report": OK, "sign": OK, "import": OK},
    ),
    Item("deep-chain", "assessment", deep_chain, {"score": OK, "import": OK}),
    Item(
        "onward-cycle",
        "assessment",
        onward_cycle,
        {"score": Expect(1, "onward flows form a cycle"), "import": Expect(1, "cycle")},
    ),
    Item(
        "binary-junk",
        "assessment",
        binary_junk,
        {"score": REFUSED, "report": REFUSED, "import": REFUSED, "validate": REFUSED},
    ),
    Item(
        "billion-laughs",
        "assessment",
        billion_laughs,
        {"score": Expect(1, "anchor"), "validate": Expect(1, "anchor")},
    ),
    Item(
        "python-tag",
        "assessment",
        python_tag,
        {"score": REFUSED, "validate": REFUSED, "import": REFUSED},
    ),
    Item(
        "duplicate-keys",
        "assessment",
        duplicate_keys,
        {"score": Expect(1, "duplicate"), "import": Expect(1, "duplicate")},
    ),
    Item(
        "huge",
        "assessment",
        huge,
        {
            "score": Expect(1, "limit"),
            "import": Expect(1, "limit"),
            "validate": Expect(1, "limit"),
            "verify": Expect(1, "limit"),
        },
    ),
    Item(
        "fifo",
        "assessment",
        fifo,
        {
            "score": NOT_REGULAR,
            "report": NOT_REGULAR,
            "import": NOT_REGULAR,
            "validate": NOT_REGULAR,
            "verify": Expect(1, "not a regular file"),
            "sign-key": NOT_REGULAR,
            "passphrase-file": NOT_REGULAR,
        },
    ),
    Item(
        "device",
        "assessment",
        device,
        {
            "score": NOT_REGULAR,
            "import": NOT_REGULAR,
            "verify": Expect(1, "a device"),
            "passphrase-file": NOT_REGULAR,
        },
    ),
    Item(
        "folder",
        "bundle",
        a_folder,
        {
            "score": Expect(1, "is a folder, not an assessment"),
            "verify": Expect(1, "is a folder"),
            "import": Expect(1, "is a folder"),
        },
    ),
    Item(
        "not-a-zip",
        "bundle",
        not_a_zip,
        {
            "verify": Expect(1, "INVALID (bundle-structure)"),
            "review": Expect(1, "bundle-structure"),
        },
    ),
    Item(
        "traversal",
        "bundle",
        zip_with_traversal,
        {
            "verify": Expect(1, "INVALID (bundle-structure)"),
            "review": Expect(1, "bundle-structure"),
        },
    ),
    Item(
        "hostile-name",
        "bundle",
        hostile_bundle_name,
        {"verify": Expect(1, "evil\\x1b[2J\\u202e.zip"), "review": Expect(1, "\\x1b[2J")},
    ),
    Item(
        "public-key-as-key",
        "key",
        public_key_as_key,
        {"sign-key": Expect(1, "is the public key, which only verifies")},
    ),
    Item("hostile-kdf", "key", hostile_kdf_key, {"sign-key": Expect(1, "cannot unlock the key")}),
    Item(
        "wrong-passphrase",
        "encrypted",
        wrong_passphrase_export,
        {"import": Expect(1, "wrong passphrase")},
    ),
    Item("truncated", "encrypted", truncated_export, {"import": REFUSED}),
    Item(
        "huge-passphrase",
        "passphrase",
        huge_passphrase_file,
        {"passphrase-file": Expect(1, "over the 4,096-byte limit")},
    ),
    Item("zero-passphrase", "passphrase", zero_passphrase_file, {"passphrase-file": NOT_REGULAR}),
)
