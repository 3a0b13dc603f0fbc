"""Provides ``keys``, ``sign``, ``trust`` and ``verify``: signed report bundles on the command line.

Passphrases come from ``--passphrase-file``, ``COMPLIANCE_PASSPHRASE`` or a prompt, never argv.
``verify`` prints one verdict per bundle (``--json``: a JSON array) and exits 0 only when every
bundle is valid; it never loads the terminal UI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from compliance.commands.output import print_json
from compliance.commands.passphrase import add_passphrase_file, read_passphrase
from compliance.errors import UsageError
from compliance.languages import LANGUAGES

__all__ = ["register"]


def _add_trust(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--trust", metavar="DIR", help="the trust store folder (default: the user config folder)"
    )


def register(commands: Any) -> None:
    """Adds ``keys``, ``sign``, ``trust`` and ``verify`` to the command line."""
    keys = commands.add_parser("keys", help="make and show signing keys")
    key_commands = keys.add_subparsers(title="commands", metavar="COMMAND", required=True)
    generate = key_commands.add_parser(
        "generate",
        allow_abbrev=False,
        help="make an Ed25519 key pair (private key encrypted with a passphrase)",
    )
    generate.add_argument(
        "--name",
        required=True,
        help="who holds the key, as people read it (e.g. 'Sud Contact DPO'): 1 to 64 characters, "
        "spaces and accents welcome, no '/'; the files are named after it "
        "(Sud-Contact-DPO.key and Sud-Contact-DPO.pub.pem) and printed",
    )
    generate.add_argument("-o", "--output", metavar="DIR", required=True, help="the folder")
    add_passphrase_file(generate)
    generate.set_defaults(handler=_generate)
    show = key_commands.add_parser(
        "show", allow_abbrev=False, help="print the key id of a public key (or key file)"
    )
    show.add_argument("key", metavar="KEY", help="NAME.pub.pem, or NAME.key (asks the passphrase)")
    add_passphrase_file(show)
    show.set_defaults(handler=_show)

    sign = commands.add_parser(
        "sign",
        allow_abbrev=False,
        help="score, render and sign an assessment into a bundle",
        description=(
            "Scores an assessment file against its published questionnaire, renders the report, "
            "signs everything into one zip and verifies it before writing it."
        ),
    )
    sign.add_argument("file", metavar="FILE", help="an assessment file")
    sign.add_argument("--key", metavar="KEY", required=True, help="the private key file")
    sign.add_argument("-o", "--output", metavar="BUNDLE.zip", required=True)
    sign.add_argument("--valid-days", type=int, default=365, help="validity (default: 365)")
    sign.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS)
    sign.add_argument("--no-pdf", action="store_true", help="leave the PDF report out")
    add_passphrase_file(sign)
    sign.set_defaults(handler=_sign)

    trust = commands.add_parser("trust", help="manage the keys that verification accepts")
    trust_commands = trust.add_subparsers(title="commands", metavar="COMMAND", required=True)
    add = trust_commands.add_parser("add", help="trust a public key (shows its key id)")
    add.add_argument("public_key", metavar="PUBKEY", help="a PEM public key file")
    add.add_argument("--name", required=True, help="who holds the key")
    add.add_argument("--valid-from", metavar="DATE", help="first day it may sign (YYYY-MM-DD)")
    add.add_argument("--valid-until", metavar="DATE", help="last day it may sign (YYYY-MM-DD)")
    add.add_argument(
        "--organisation",
        metavar="REGID",
        action="append",
        default=[],
        help="a registration id it may sign for (repeat; default: any)",
    )
    _add_trust(add)
    add.set_defaults(handler=_trust_add)
    listing = trust_commands.add_parser("list", help="list the trusted keys")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    _add_trust(listing)
    listing.set_defaults(handler=_trust_list)
    revoke = trust_commands.add_parser("revoke", help="revoke a key: nothing it signed verifies")
    revoke.add_argument("key_id", metavar="KEYID", help="the key id (or a unique prefix)")
    _add_trust(revoke)
    revoke.set_defaults(handler=_trust_revoke)

    verify = commands.add_parser(
        "verify",
        help="verify signed bundles, one verdict each",
        description="Verifies bundles offline. Exit 0 when all are valid, 1 otherwise.",
    )
    verify.add_argument(
        "bundles",
        nargs="+",
        metavar="BUNDLE",
        help="a bundle (.zip), or a folder: every *.zip in it (not its sub-folders), by name",
    )
    verify.add_argument("--json", action="store_true", help="print a JSON array of verdicts")
    verify.add_argument(
        "--digest-only",
        action="store_true",
        help="check the HTML report by its signed digest instead of re-rendering it",
    )
    verify.add_argument(
        "--pdf",
        action="store_true",
        help="also re-render the PDF report and compare the bytes (holds only on the signer's "
        "toolchain: fonts and libraries differ between machines)",
    )
    _add_trust(verify)
    verify.set_defaults(handler=_verify)


def _generate(args: argparse.Namespace) -> int:
    from compliance.signing.keys import generate_key, grouped

    passphrase = read_passphrase(args, confirm=True)
    private, public, key_id = generate_key(args.name, Path(args.output), passphrase)
    print(f"wrote {private} (encrypted, mode 0600) and {public}")
    print(f"key id {key_id}")
    print(f"       {grouped(key_id)}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from compliance.filecrypt import is_encrypted
    from compliance.signing.keys import (
        grouped,
        key_id,
        load_private_key,
        load_public_key,
        read_key_bytes,
    )

    path = Path(args.key)
    data = read_key_bytes(path)
    if is_encrypted(data):
        identifier = load_private_key(path, read_passphrase(args, confirm=False)).key_id
    else:
        identifier = key_id(load_public_key(data, str(path)))
    print(identifier)
    print(grouped(identifier))
    return 0


def _sign(args: argparse.Namespace) -> int:
    from compliance.catalog import load_assessment
    from compliance.signing.keys import load_private_key
    from compliance.signing.sign import sign_assessment

    output = Path(args.output)
    assessment, questionnaire = load_assessment(args.file)
    key = load_private_key(Path(args.key), read_passphrase(args, confirm=False))
    size, pdf, verdict = sign_assessment(
        assessment,
        questionnaire,
        key,
        output,
        valid_days=args.valid_days,
        lang=getattr(args, "lang", "en"),
        pdf=not args.no_pdf,
    )
    lang = getattr(args, "lang", "en")
    if lang == "ar":  # the verifier's own line, and the file written, in the report's language
        from compliance.typography import number

        written = number(size, "ar", 0, group=True)
        print(f"كتب {output} ({written} بايت{'، مع تقرير PDF' if pdf else ''})")
        print(verdict.line("ar"))
        return 0
    print(f"wrote {output} ({size:,} bytes{', with PDF' if pdf else ''})")
    print(verdict.line(lang))
    return 0


def _date(text: str | None, *, end: bool) -> dt.datetime | None:
    if text is None:
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"a date is written YYYY-MM-DD, not {text!r}") from None
    clock = dt.time(23, 59, 59) if end else dt.time(0, 0, 0)
    return dt.datetime.combine(day, clock, tzinfo=dt.UTC)


def _store(args: argparse.Namespace) -> Any:
    from compliance.signing.trust import TrustStore

    return TrustStore.load(Path(args.trust) if args.trust else None)


def _trust_add(args: argparse.Namespace) -> int:
    from compliance.signing.keys import grouped, key_id, load_public_key, read_key_bytes
    from compliance.signing.trust import TrustEntry

    path = Path(args.public_key)
    pem = read_key_bytes(path)
    identifier = key_id(load_public_key(pem, str(path)))
    entry = TrustEntry(
        key_id=identifier,
        name=args.name,
        public_pem=pem.decode("ascii"),
        added_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        valid_from=_date(args.valid_from, end=False),
        valid_until=_date(args.valid_until, end=True),
        organisations=tuple(args.organisation),
    )
    saved = _store(args).add(entry).save()
    if getattr(args, "lang", "en") == "fr":
        from compliance.typography import french

        print(french(f"clé approuvée pour {args.name} : identifiant {identifier}"))
        print(french(f"  vérifiez-le avec son détenteur : {grouped(identifier)}"))
        print(f"  dans {saved}")
        return 0
    if getattr(args, "lang", "en") == "ar":
        print(f"اعتمد مفتاح {args.name}: معرف المفتاح {identifier}")
        print(f"  تحققوا منه لدى صاحبه: {grouped(identifier)}")
        print(f"  في {saved}")
        return 0
    print(f"trusted {args.name}: key id {identifier}")
    print(f"  check it with the holder: {grouped(identifier)}")
    print(f"  in {saved}")
    return 0


def _trust_list(args: argparse.Namespace) -> int:
    store = _store(args)
    if args.json:
        rows = [e.to_json() for e in store.entries]
        print_json(rows)
        return 0
    if not store.entries:
        print("No trusted keys.")
        return 0
    for e in store.entries:
        status = "revoked" if e.revoked_at is not None else "active"
        orgs = f" for {', '.join(e.organisations)}" if e.organisations else ""
        print(f"{e.key_id}  {e.name}  {status}{orgs}")
    return 0


def _trust_revoke(args: argparse.Namespace) -> int:
    store, entry = _store(args).revoke(args.key_id, dt.datetime.now(dt.UTC).replace(microsecond=0))
    store.save()
    print(f"revoked {entry.name} ({entry.key_id}); nothing it signed verifies any more")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from compliance.errors import InputError
    from compliance.files import read_limited
    from compliance.signing.verify import Verdict, guarded, verify_bundle
    from compliance.signing.words import LINES, language
    from compliance.typography import colon

    lang = getattr(args, "lang", "en")
    store = _store(args)
    now = dt.datetime.now(dt.UTC)
    rows: list[dict[str, Any]] = []
    all_ok = True
    for name in _bundles(args.bundles):
        read: list[bytes] = []

        def check(name: str = name, read: list[bytes] = read) -> Verdict:
            try:
                data = read_limited(Path(name), "bundle")
            except InputError as error:
                return Verdict.invalid("unreadable", error.problem)
            read.append(data)
            return verify_bundle(
                data, store, now=now, render_check=not args.digest_only, pdf_check=args.pdf
            )

        verdict = guarded(check)
        all_ok = all_ok and verdict.ok
        if args.json:
            rows.append({"bundle": name, **verdict.to_json()})
        else:
            print(f"{name}{colon(lang)}{verdict.line(lang)}")
            for line in verdict.file_lines(lang):
                print(f"    {line}")
            if verdict.reason == "untrusted-signer" and read:
                for line in _trust_hint(read[0], Path(name), args.trust, lang):
                    print(f"    {line}")
    if args.json:
        print_json(rows)
    if not store.entries and not args.json:
        print(LINES[language(lang)]["empty_store"], file=sys.stderr)
    return 0 if all_ok else 1


def _trust_hint(data: bytes, bundle: Path, trust: str | None, lang: str) -> list[str]:
    """For a bundle signed by a key the store lacks: the key id it names and the trust add line
    (the public key file named when one with that id lies beside the bundle)."""
    from compliance.signing.claims import find_public_key, read_claims, trust_command
    from compliance.signing.keys import grouped
    from compliance.signing.words import LINES, language

    claims = read_claims(data)
    if claims is None or claims.key_id is None:
        return []
    words = LINES[language(lang)]
    key_file = find_public_key(bundle.parent, claims.key_id)
    command = trust_command(
        key_file, claims.organisation, claims.registration_id, Path(trust) if trust else None
    )
    return [
        words["untrusted_key"].format(key=grouped(claims.key_id)),
        words["trust_hint"].format(command=command),
    ]


def _bundles(names: list[str]) -> list[str]:
    """The bundles named, a folder standing for its ``*.zip`` files (in name order)."""
    from compliance.errors import InputError
    from compliance.review.inbox import bundle_paths

    found: list[str] = []
    for name in names:
        path = Path(name)
        if not path.is_dir() or path.is_symlink():
            found.append(name)
            continue
        inside = bundle_paths(path)
        if not inside:
            raise InputError(
                f"{name} is a folder with no bundle (*.zip) in it; give a folder of bundles or "
                "a bundle's path"
            )
        found += [str(p) for p in inside]
    return found
