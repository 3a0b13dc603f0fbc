"""The dated-entry and reference-set models (issue 13 points 1 and 2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from compliance.canonical import canonical_bytes, digest
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.model.reference import CountryList, ListEntry, ReferenceData, add_months
from compliance.model.reference_set import ReferenceSet, version_key
from compliance.signing.registry import load_published, published
from tests.helpers import example_data

TEXT = {"en": "x", "fr": "x"}


def dated(subject: str = "GB", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "subject": subject,
        "decision": "Commission Implementing Decision (EU) 2021/1772",
        "adopted": "2021-06-28",
        "applies_from": "2021-06-28",
        "source": "OJ L 360, 11.10.2021",
        "verified": True,
    }
    base.update(fields)
    return base


def country_list(*entries: dict[str, Any], **fields: Any) -> CountryList:
    data: dict[str, Any] = {
        "id": "eu-adequacy",
        "title": TEXT,
        "source": "European Commission",
        "as_of": "2026-12-01",
        "verified": True,
        "entries": list(entries),
    }
    data.update(fields)
    return CountryList.model_validate(data)


def reference_set(**lists: Any) -> dict[str, Any]:
    return {
        "schema": "compliance.reference/v1",
        "id": "ma-eu",
        "version": "2026.12.0",
        "date": "2026-12-04",
        "title": TEXT,
        "sources": {"countries": {"source": "ISO 3166-1", "verified": True}},
        "lists": {"countries": {"GB": TEXT}, **lists},
    }


# --- dated entries --------------------------------------------------------------------------


def test_a_dated_entry_is_in_force_from_applies_from_to_expires_inclusive() -> None:
    entry = ListEntry.model_validate(dated(applies_from="2021-06-28", expires="2025-12-27"))
    assert not entry.in_force(dt.date(2021, 6, 27))
    assert entry.in_force(dt.date(2021, 6, 28))
    assert entry.in_force(dt.date(2025, 12, 27))
    assert not entry.in_force(dt.date(2025, 12, 28))


def test_an_undated_entry_of_a_published_questionnaire_is_always_in_force() -> None:
    entry = ListEntry.model_validate({"country": "GB", "since": "2021-06-28"})
    assert entry.in_force(dt.date(1990, 1, 1)) and entry.in_force(dt.date(2040, 1, 1))
    assert entry.code == "GB" and not entry.dated


def test_an_entry_applying_after_its_expiry_is_refused_with_both_dates() -> None:
    with pytest.raises(ValidationError) as error:
        ListEntry.model_validate(dated(applies_from="2026-01-02", expires="2026-01-01"))
    message = str(error.value)
    assert "applies from 2026-01-02, after its expiry on 2026-01-01" in message


def test_an_entry_names_a_country_or_a_subject_never_both_or_neither() -> None:
    with pytest.raises(ValidationError, match="exactly one"):
        ListEntry.model_validate({"country": "GB", "subject": "GB"})
    with pytest.raises(ValidationError, match="exactly one"):
        ListEntry.model_validate({"decision": "x"})


@pytest.mark.parametrize("subject", ["org:epo", "org:european-patent-org", "BR"])
def test_a_subject_is_a_country_code_or_an_organisation_id(subject: str) -> None:
    assert ListEntry.model_validate(dated(subject)).code == subject


@pytest.mark.parametrize("subject", ["org:", "ORG:EPO", "org:epo!", "gb", "GBR", "org:-x"])
def test_a_malformed_subject_is_refused(subject: str) -> None:
    with pytest.raises(ValidationError):
        ListEntry.model_validate(dated(subject))


def test_expiring_within_six_months_counts_calendar_months() -> None:
    entry = ListEntry.model_validate(dated(expires="2025-12-27"))
    assert entry.expires_within(dt.date(2025, 6, 28), 6)
    assert not entry.expires_within(dt.date(2025, 6, 27), 6)
    assert not ListEntry.model_validate(dated()).expires_within(dt.date(2025, 6, 28), 6)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)), st.integers(0, 60))
def test_adding_months_never_fails_and_lands_in_the_right_month(day: dt.date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day and later >= day


# --- lists ----------------------------------------------------------------------------------


def test_the_entry_in_force_is_chosen_by_date() -> None:
    old = dated(expires="2025-12-27")
    new = dated(
        decision="Commission Implementing Decision of 19 December 2025",
        adopted="2025-12-19",
        applies_from="2025-12-28",
        expires="2031-12-27",
    )
    listing = country_list(old, new)
    assert listing.entry_at("GB", dt.date(2025, 12, 27)).decision.endswith("2021/1772")  # type: ignore[union-attr]
    assert "19 December 2025" in listing.entry_at("GB", dt.date(2026, 1, 5)).decision  # type: ignore[union-attr,operator]
    assert listing.entry_at("GB", dt.date(2032, 1, 1)) is None
    assert listing.entry_at("FR", dt.date(2026, 1, 5)) is None


def test_two_entries_for_one_subject_may_not_overlap() -> None:
    with pytest.raises(ValidationError, match="two entries for GB apply on the same day"):
        country_list(dated(expires="2026-01-01"), dated(applies_from="2026-01-01"))
    with pytest.raises(ValidationError, match="two entries for GB"):
        country_list(dated(), dated(applies_from="2030-01-01"))


def test_an_undated_list_may_not_name_a_country_twice() -> None:
    with pytest.raises(ValidationError, match="GB is listed twice"):
        country_list({"country": "GB"}, {"country": "GB"})


def test_verified_counts_use_the_entry_flag_over_the_list_flag() -> None:
    listing = country_list(
        dated("GB"), dated("BR", verified=False), {"country": "CH"}, verified=True
    )
    assert listing.verified_count() == 2


# --- reference sets -------------------------------------------------------------------------


def test_a_reference_set_has_a_stable_digest_and_stamp() -> None:
    one = ReferenceSet.model_validate(reference_set())
    two = ReferenceSet.model_validate_json(canonical_bytes(one))
    assert one.digest == two.digest == digest(one)
    assert one.stamp().model_dump() == {"id": "ma-eu", "version": "2026.12.0", "digest": one.digest}
    assert one.used("newest").chosen == "newest"


def test_a_reference_set_dates_every_adequacy_entry() -> None:
    undated = country_list({"country": "GB"}).model_dump(mode="json", exclude_none=True)
    with pytest.raises(ValidationError, match="eu_adequacy entry GB needs subject"):
        ReferenceSet.model_validate(reference_set(eu_adequacy=undated))
    no_source = dated()
    del no_source["source"]
    listing = country_list(no_source).model_dump(mode="json", exclude_none=True)
    with pytest.raises(ValidationError, match="needs source"):
        ReferenceSet.model_validate(reference_set(cndp_adequate=listing))


def test_a_list_without_its_own_source_needs_one_in_sources() -> None:
    data = reference_set()
    data["sources"] = {}
    with pytest.raises(ValidationError, match="'countries' needs a source"):
        ReferenceSet.model_validate(data)
    data["sources"] = {"eea": {"source": "x", "verified": True}, **reference_set()["sources"]}
    with pytest.raises(ValidationError, match="carries its own source"):
        ReferenceSet.model_validate(data)


@pytest.mark.parametrize("version", ["2026.12", "2026.13.0", "2026.0.1", "26.12.0", "2026.12.01"])
def test_a_reference_set_version_is_year_month_serial(version: str) -> None:
    with pytest.raises(ValidationError):
        ReferenceSet.model_validate({**reference_set(), "version": version})


def test_versions_sort_numerically() -> None:
    assert sorted(["2026.12.0", "2026.9.3", "2027.1.0"], key=version_key) == [
        "2026.9.3",
        "2026.12.0",
        "2027.1.0",
    ]


def test_the_summary_counts_entries_verified_entries_and_sources() -> None:
    listing = country_list(dated("GB"), dated("BR", verified=False))
    data = reference_set(eu_adequacy=listing.model_dump(mode="json", exclude_none=True))
    rows = {row.name: row for row in ReferenceSet.model_validate(data).summaries()}
    assert (rows["eu_adequacy"].entries, rows["eu_adequacy"].verified) == (2, 1)
    assert rows["countries"].source == "ISO 3166-1" and rows["countries"].verified == 1


# --- questionnaires and assessments ---------------------------------------------------------


def test_a_questionnaire_naming_a_set_leaves_bound_lists_out_of_its_digest() -> None:
    data = example_data()
    data["reference_set"] = "ma-eu"
    bare = Questionnaire.model_validate(data)
    bound = bare.with_reference(ReferenceData(countries={"GB": TEXT}))
    assert bound.reference is not None
    assert digest(bound) == digest(bare)
    assert b'"reference"' not in canonical_bytes(bound)


def test_binding_a_set_keeps_the_cached_digest_true() -> None:
    """The digest cached before binding is carried to the bound copy; it must equal the digest
    computed afresh (an embedding questionnaire recomputes it: see test_cache_and_digest)."""
    data = example_data()
    data["reference_set"] = "ma-eu"
    bare = Questionnaire.model_validate(data)
    cached = bare.digest
    bound = bare.with_reference(ReferenceData(countries={"GB": TEXT}))
    assert bound.digest == cached == digest(bound)


def test_a_questionnaire_naming_a_set_may_not_embed_lists() -> None:
    data = example_data()
    data["reference_set"] = "ma-eu"
    data["reference"] = {"countries": {"GB": TEXT}}
    with pytest.raises(ValidationError, match="remove the 'reference' block"):
        Questionnaire.model_validate(data)


def test_an_embedding_questionnaire_keeps_its_lists_in_its_digest() -> None:
    bare = Questionnaire.model_validate(example_data())
    bound = bare.with_reference(ReferenceData(countries={"GB": TEXT}))
    assert digest(bound) != digest(bare)


@pytest.mark.parametrize("entry", published(), ids=lambda e: f"{e.id}@{e.version}")
def test_published_questionnaires_keep_their_exact_bytes(entry: Any) -> None:
    assert canonical_bytes(load_published(entry)) == entry.read()


def test_an_assessment_records_its_reference_set_and_old_files_are_unchanged() -> None:
    base: dict[str, Any] = {
        "questionnaire": {"id": "example", "version": "1.0.0"},
        "organisation": {"name": "A", "country": "MA"},
    }
    old = Assessment.model_validate(base)
    assert b"reference" not in canonical_bytes(old)
    new = Assessment.model_validate({**base, "reference": {"id": "ma-eu", "version": "2026.12.0"}})
    assert new.reference is not None and new.reference.digest is None
    with pytest.raises(ValidationError):
        Assessment.model_validate({**base, "reference": {"id": "ma-eu", "version": "12"}})


DAYS = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2060, 1, 1))


@given(DAYS, st.one_of(st.none(), DAYS), DAYS)
def test_a_dated_entry_is_refused_or_in_force_exactly_on_its_window(
    starts: dt.date, expires: dt.date | None, on: dt.date
) -> None:
    data = dated(applies_from=starts.isoformat(), expires=expires and expires.isoformat())
    if expires is not None and starts > expires:
        with pytest.raises(ValidationError, match="after its expiry"):
            ListEntry.model_validate(data)
        return
    entry = ListEntry.model_validate(data)
    assert entry.in_force(on) == (starts <= on and (expires is None or on <= expires))
    listing = country_list(data)
    assert (listing.entry_at("GB", on) is not None) == entry.in_force(on)
