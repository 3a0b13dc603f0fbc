"""Country sheets (issue 15 point 3): the model, the shipped sheets, their loader inside the
reference set, the published set carrying them, and ``compliance tia sheet``."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from compliance.errors import LoadError
from compliance.loader.country_sheets import UnknownCountrySheet, find_sheet
from compliance.loader.reference import MAX_REFERENCE_BYTES, load_reference_set
from compliance.loader.reference_sets import check_source, find_set, newest_set
from compliance.model.country_sheet import CountrySheet, LegalBasis
from compliance.model.reference import ReferenceData
from compliance.safeyaml import parse_yaml
from tests.helpers import REPO, write_yaml

SOURCE = REPO / "questionnaires" / "reference"
CURRENT = "2026.12.5"
"""The newest published version of ``ma-eu``, which carries every sheet."""
SHEETS = SOURCE / "sheets"
MOROCCO = SHEETS / "ma.yaml"

MOROCCO_IDS = {
    "ma-ccp-interception",
    "ma-ccp-covert-data-access",
    "ma-ccp-search-seizure",
    "ma-terrorism-03-03",
    "ma-0908-state-security-exclusion",
    "ma-intelligence-services",
    "ma-cybersecurity-05-20",
    "ma-telecom-24-96",
    "ma-aml-43-05",
}
"""The Morocco basis ids published in ma-eu 2026.12.1: a flow's TIA cites them, so they stay."""


def morocco_data() -> dict[str, Any]:
    data = parse_yaml(MOROCCO.read_bytes(), str(MOROCCO)).data
    assert isinstance(data, dict)
    return data


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A writable copy of the reference-set source folder, sheets included."""
    target = tmp_path / "reference"
    shutil.copytree(SOURCE, target, ignore=shutil.ignore_patterns("embedded"))
    return target


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


# --- the shipped sheets ---------------------------------------------------------------------


def shipped() -> tuple[CountrySheet, ...]:
    sheets = load_reference_set()[0].lists.country_sheets
    assert sheets is not None
    return sheets


def test_every_shipped_sheet_loads_and_morocco_keeps_its_ids() -> None:
    sheets = shipped()
    assert [s.country for s in sheets] == sorted(s.country for s in sheets)
    assert {p.stem.upper() for p in SHEETS.glob("*.yaml")} == {s.country for s in sheets}
    morocco = next(s for s in sheets if s.country == "MA")
    assert set(morocco.basis_ids()) >= MOROCCO_IDS


def test_basis_ids_are_unique_across_every_sheet() -> None:
    ids = [basis_id for sheet in shipped() for basis_id in sheet.basis_ids()]
    assert len(ids) == len(set(ids))
    for sheet in shipped():
        assert all(i.startswith(sheet.country.lower() + "-") for i in sheet.basis_ids())


def test_every_basis_cites_a_findable_source_and_flags_what_was_not_read() -> None:
    for sheet in shipped():
        for basis in sheet.bases:
            assert basis.sources, basis.id
            assert all(s.url or s.official for s in basis.sources), basis.id
            if basis.verified:
                assert any(s.primary for s in basis.sources), basis.id
            else:
                assert basis.caveat is not None, basis.id
            assert {letter for letter, _ in basis.eeg.items()} == {"a", "b", "c", "d"}


def test_no_shipped_source_points_at_a_local_path() -> None:
    for path in SHEETS.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "shared/reference" not in text and "/work/" not in text, path


def test_the_state_security_exclusion_is_verified_in_the_official_text() -> None:
    morocco = next(s for s in shipped() if s.country == "MA")
    exclusion = morocco.basis("ma-0908-state-security-exclusion")
    assert exclusion is not None and exclusion.verified
    assert exclusion.category == "scope_exclusion"
    assert any("5711" in (s.official or "") for s in exclusion.sources)
    intelligence = morocco.basis("ma-intelligence-services")
    assert intelligence is not None and not intelligence.verified
    assert {g.verdict for _, g in intelligence.eeg.items()} == {"unclear"}


# --- the model refuses what would be worded as settled -------------------------------------


def basis_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(morocco_data()["bases"][0])
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {
                "sources": [
                    {"citation": "A commentary", "url": "https://example.org/x", "primary": False}
                ]
            },
            "marked verified but cites no primary source",
        ),
        ({"verified": False, "caveat": None}, "needs a 'caveat'"),
        ({"sources": [{"citation": "Law", "primary": True}]}, "needs a 'url' or an 'official'"),
        (
            {"sources": [{"citation": "Law", "url": "http://example.org", "primary": True}]},
            "should match pattern",
        ),
        ({"sources": []}, "at least 1 item"),
        ({"id": "MA-Interception"}, "should match pattern"),
        ({"eeg": {"a": {"verdict": "fine", "assessment": {"en": "x", "fr": "x"}}}}, "verdict"),
    ],
)
def test_a_basis_that_overstates_or_hides_its_source_is_refused(
    changes: dict[str, Any], expected: str
) -> None:
    data = basis_data(**changes)
    data = {k: v for k, v in data.items() if v is not None}
    with pytest.raises(ValidationError, match=expected):
        LegalBasis.model_validate(data)


def test_a_sheet_needs_ids_of_its_own_country_given_once() -> None:
    data = morocco_data()
    foreign = copy.deepcopy(data)
    foreign["bases"][0]["id"] = "us-ccp-interception"
    with pytest.raises(ValidationError, match="must start with 'ma-'"):
        CountrySheet.model_validate(foreign)
    twice = copy.deepcopy(data)
    twice["bases"].append(copy.deepcopy(data["bases"][0]))
    with pytest.raises(ValidationError, match="given twice"):
        CountrySheet.model_validate(twice)
    sheet = CountrySheet.model_validate(data)
    with pytest.raises(ValidationError, match="more than one country sheet for MA"):
        ReferenceData(country_sheets=(sheet, sheet))
    assert ReferenceData(country_sheets=(sheet,)).sheet("MA") == sheet
    assert ReferenceData().sheet("MA") is None


# --- the loader: one file per country, problems at their line -------------------------------


def test_a_bad_field_is_reported_at_its_line_in_the_sheet_file(source: Path) -> None:
    sheet = source / "sheets" / "ma.yaml"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text.replace("verdict: partly_met", "verdict: settled", 1), encoding="utf-8")
    with pytest.raises(LoadError) as error:
        load_reference_set(source)
    [problem] = error.value.problems
    assert problem.file == str(sheet)
    assert problem.line == line_of(sheet, "verdict: settled")


def test_a_sheet_named_after_another_country_is_refused(source: Path) -> None:
    moved = source / "sheets" / "tn.yaml"
    (source / "sheets" / "ma.yaml").rename(moved)
    with pytest.raises(LoadError) as error:
        load_reference_set(source)
    [problem] = error.value.problems
    assert problem.file == str(moved) and problem.line == line_of(moved, "country: MA")
    assert "must be named ma.yaml" in problem.message


def test_sheets_given_in_a_list_file_are_refused(source: Path) -> None:
    extra = write_yaml(source / "extra.yaml", {"country_sheets": [morocco_data()]})
    with pytest.raises(LoadError) as error:
        load_reference_set(source)
    assert any(p.file == str(extra) and "one per file" in p.message for p in error.value.problems)


HOSTILE = {
    "alias": b"country: &c MA\nas_of: *c\n",
    "duplicate-key": b"country: MA\ncountry: US\n",
    "python-tag": b"country: !!python/object/apply:os.system ['true']\n",
    "not-a-mapping": b"- MA\n- US\n",
    "two-documents": b"country: MA\n---\ncountry: US\n",
    "bad-utf8": b"country: \xff\xfe\n",
    "deep": b"a: " + b"[" * 200 + b"]" * 200 + b"\n",
    "empty": b"",
}


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_sheet_is_a_clear_load_error(source: Path, content: bytes) -> None:
    target = source / "sheets" / "zz.yaml"
    target.write_bytes(content)
    with pytest.raises(LoadError) as error:
        load_reference_set(source)
    assert all(p.file == str(target) for p in error.value.problems)
    assert "\n" not in str(error.value)


def test_an_oversized_sheet_is_refused_before_it_is_parsed(source: Path) -> None:
    target = source / "sheets" / "zz.yaml"
    target.write_bytes(b"#" * (MAX_REFERENCE_BYTES + 1))
    with pytest.raises(LoadError, match=r"zz\.yaml"):
        load_reference_set(source)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=st.binary(max_size=300))
def test_junk_in_a_sheet_file_never_escapes_as_another_error(source: Path, junk: bytes) -> None:
    (source / "sheets" / "zz.yaml").write_bytes(junk)
    with pytest.raises(LoadError) as error:
        load_reference_set(source)
    assert all(p.file.endswith("zz.yaml") for p in error.value.problems)


def test_a_sheet_edited_after_publication_is_placed_in_its_file(source: Path) -> None:
    sheet = source / "sheets" / "ma.yaml"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text.replace("verdict: partly_met", "verdict: not_met", 1), encoding="utf-8")
    with pytest.raises(LoadError) as error:
        check_source(source)
    [problem] = error.value.problems
    assert problem.file == str(sheet)
    assert "differs from the published reference set" in problem.message


# --- publication ----------------------------------------------------------------------------


def test_the_sheets_are_published_in_a_new_set_and_the_old_one_is_unchanged() -> None:
    newest = newest_set("ma-eu")
    assert newest is not None and newest.version == CURRENT
    assert newest.load().lists.sheet("MA") is not None
    older = find_set("ma-eu", "2026.12.0")
    assert older is not None
    assert older.digest == "211bec36a58be86a1418251a8e6bb6ee33cf85691126c03b07fa1d2ccc954db0"
    assert older.load().lists.country_sheets is None
    assert b"country_sheets" not in older.read()
    first = find_set("ma-eu", "2026.12.1")  # Morocco alone: its ids are the ones still published
    assert first is not None
    assert first.digest == "723f8338bcdbcf9aee3ecf2eaa523cb28f46e60fc0f22ef10bb1da1c726e5572"
    morocco = first.load().lists.sheet("MA")
    assert morocco is not None and set(morocco.basis_ids()) == MOROCCO_IDS
    assert [s.country for s in first.load().lists.country_sheets or ()] == ["MA"]


def test_find_sheet_reads_the_published_set_in_any_case() -> None:
    sheet, reference_set = find_sheet(" ma ")
    assert sheet.country == "MA" and reference_set.version == CURRENT
    with pytest.raises(
        UnknownCountrySheet, match=r"no country sheet for 'XX'.*: GB, IN, MA, PH, US$"
    ):
        find_sheet("XX")


# --- compliance tia sheet -------------------------------------------------------------------


def test_the_sheet_as_json_has_its_bases_with_ids(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli import main

    assert main(["tia", "sheet", "MA", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["country"] == "MA" and document["name"]["fr"] == "Maroc"
    assert {b["id"] for b in document["bases"]} >= MOROCCO_IDS
    assert document["reference_set"]["version"] == CURRENT
    assert document["verified_bases"] == sum(1 for b in document["bases"] if b["verified"])
    first = document["bases"][0]
    assert set(first["eeg"]) == {"a", "b", "c", "d"} and first["sources"][0]["citation"]


def test_the_sheet_in_words_shows_every_verified_flag(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli import main

    assert main(["tia", "sheet", "ma"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Country sheet: Morocco (MA)\n")
    sheet = find_sheet("MA")[0]
    for basis in sheet.bases:
        flag = "[verified]" if basis.verified else "[NOT verified]"
        assert f". {basis.id}  {flag}\n" in out
    assert "A. Clear, precise and accessible rules: partly met." in out
    long = [line for line in out.splitlines() if len(line) > 100]
    assert all(len(line.split()) == 1 and "https://" in line for line in long)  # one long URL


def test_the_sheet_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli import main

    assert main(["--lang", "fr", "tia", "sheet", "MA"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Fiche pays\u00a0: Maroc (MA)\n")  # French typography
    assert "[NON vérifié]" in out and "Garanties essentielles européennes" in out


def test_the_sheet_in_arabic_names_the_country_and_bases_in_arabic(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from compliance.cli import main

    assert main(["--lang", "ar", "tia", "sheet", "MA"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "البطاقة القطرية: المغرب (MA)"
    assert lines[1].startswith(f"المجموعة المرجعية ma-eu {CURRENT}، محينة في ")
    assert "1. ma-ccp-interception  [متحقق منه]" in lines
    assert (
        "   قانون المسطرة الجنائية (القانون رقم 22.01)، المواد من 108 إلى 116: التقاط المكالمات"
        in out
    )
    assert "الضمانات الأوروبية الأساسية" in out and "Who can be compelled" not in out


def test_an_unknown_country_is_one_sentence_listing_the_sheets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from compliance.cli import main

    assert main(["tia", "sheet", "ZZ"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert "no country sheet for 'ZZ'" in line
    assert line.endswith("countries with a sheet: GB, IN, MA, PH, US")


def test_a_missing_country_or_unknown_action_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from compliance.cli import main

    assert main(["tia", "sheet"]) == 2
    assert "name the country: compliance tia sheet CC" in capsys.readouterr().err
    assert main(["tia", "sheets", "MA"]) == 2
    assert "unknown tia action 'sheets'" in capsys.readouterr().err


PUBLISHED_IDS = {
    "US": {"us-fisa-702", "us-eo-12333", "us-sca-cloud-act", "us-nsl"},
    "IN": {"in-it-act-69", "in-telecom-act-20", "in-dpdp-17"},
    "GB": {"gb-ipa-targeted", "gb-ipa-bulk", "gb-ipa-notices"},
    "PH": {"ph-ata-surveillance", "ph-cybercrime-10175"},
}
"""The basis ids of the other sheets, first published in ma-eu 2026.12.2."""


@pytest.mark.parametrize("country", sorted(PUBLISHED_IDS))
def test_each_onward_destination_prints_with_its_ids_and_flags(
    country: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from compliance.cli import main

    assert main(["tia", "sheet", country.lower(), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {b["id"] for b in document["bases"]} >= PUBLISHED_IDS[country]
    assert all(b["verified"] or b["caveat"]["en"] for b in document["bases"])
    assert main(["--lang", "fr", "tia", "sheet", country]) == 0
    out = capsys.readouterr().out
    assert out.count("[NON vérifié]") == sum(1 for b in document["bases"] if not b["verified"])


def test_the_us_sheet_does_not_present_section_702_as_settled() -> None:
    sheet = find_sheet("US")[0]
    fisa = sheet.basis("us-fisa-702")
    assert fisa is not None and not fisa.verified
    assert fisa.caveat is not None and "April 2026" in fisa.caveat.en
    assert sheet.context is not None and "2023/1795" in sheet.context.en


def test_no_published_basis_id_disappears_from_a_later_set() -> None:
    from compliance.loader.reference_sets import installed_sets

    versions = [entry.load() for entry in installed_sets() if entry.id == "ma-eu"]
    newest = {i for sheet in versions[-1].lists.country_sheets or () for i in sheet.basis_ids()}
    for older in versions[:-1]:
        ids = {i for sheet in older.lists.country_sheets or () for i in sheet.basis_ids()}
        assert ids <= newest, (older.version, sorted(ids - newest))
    assert newest >= MOROCCO_IDS.union(*PUBLISHED_IDS.values())


def test_a_sheet_reading_compares_with_an_assessors_reading_by_name() -> None:
    from compliance.model.tia import EegReading as AssessorReading

    basis = find_sheet("MA")[0].basis("ma-ccp-interception")
    assert basis is not None
    named = basis.eeg.by_name()
    assert set(named) == set(AssessorReading.model_fields)
    assert named["clear_rules"] == basis.eeg.a and named["remedies"] == basis.eeg.d
