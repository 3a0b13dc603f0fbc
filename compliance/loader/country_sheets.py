"""Provides the country sheets of the newest installed reference set, looked up by country code.

Country sheets (:mod:`compliance.model.country_sheet`) travel in the reference set, so they are
read from the published registry like every list, never from the editable source folder: what
``compliance tia sheet`` prints is what a verifier has. The engine reads them from the set a
questionnaire is bound to (``questionnaire.reference.sheet(cc)``); this module serves the command
line and documents that name a country without an assessment.
"""

from __future__ import annotations

from compliance.errors import ComplianceError
from compliance.model.country_sheet import CountrySheet
from compliance.model.reference_set import ReferenceSet

__all__ = ["DEFAULT_SET", "UnknownCountrySheet", "find_sheet", "sheet_countries", "sheets_set"]

DEFAULT_SET = "ma-eu"
"""The reference set whose country sheets are shown when none is named."""


class UnknownCountrySheet(ComplianceError):
    """No country sheet for the country asked (the message lists those there are)."""


def sheets_set(set_id: str = DEFAULT_SET) -> ReferenceSet:
    """The newest installed reference set ``set_id``."""
    from compliance.loader.reference_sets import choose_set

    return choose_set(set_id).load()


def sheet_countries(reference_set: ReferenceSet) -> tuple[str, ...]:
    """The country codes with a sheet in ``reference_set``, in order."""
    return tuple(sheet.country for sheet in reference_set.lists.country_sheets or ())


def find_sheet(country: str, set_id: str = DEFAULT_SET) -> tuple[CountrySheet, ReferenceSet]:
    """The sheet of ``country`` (an ISO code, any case) in the newest installed set ``set_id``.

    Raises :class:`UnknownCountrySheet` with one sentence naming the countries that have one."""
    reference_set = sheets_set(set_id)
    code = country.strip().upper()
    sheet = reference_set.lists.sheet(code)
    if sheet is not None:
        return sheet, reference_set
    known = sheet_countries(reference_set)
    listed = ", ".join(known) if known else "none"
    asked = country.strip()[:12] or "(empty)"
    raise UnknownCountrySheet(
        f"there is no country sheet for {asked!r} in reference set {reference_set.id} "
        f"{reference_set.version}; countries with a sheet: {listed}"
    )
