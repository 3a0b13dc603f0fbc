"""Provides the building blocks every model shares: strict frozen models, ids, text, numbers."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from compliance.languages import LANGUAGES

__all__ = [
    "ArticleRef",
    "CountryCode",
    "FrameworkId",
    "Frozen",
    "ItemId",
    "Language",
    "Refs",
    "Score01",
    "SemVer",
    "Slug",
    "Text",
    "Weight",
]

Language = Literal["en", "fr"]
"""The languages every text must have; Arabic (``ar``) is optional."""


class Frozen(BaseModel):
    """A strict, immutable model: unknown fields are errors, fields are written by their alias."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        serialize_by_alias=True,
        validate_by_alias=True,
        validate_by_name=True,
        ser_json_inf_nan="strings",
    )


NonEmpty = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
"""A lowercase slug such as ``ma-offshoring`` (questionnaires, frameworks)."""

ItemId = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$", max_length=64)
]
"""A stable id such as ``XFR-07`` or ``xfr07.scc``: never reused once published."""

FrameworkId = Slug

SemVer = Annotated[str, StringConstraints(pattern=r"^\d{1,6}\.\d{1,6}\.\d{1,6}$")]

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
"""An ISO 3166-1 alpha-2 code."""

ArticleRef = Annotated[
    str, StringConstraints(pattern=r"^[0-9]{1,3}[A-Za-z]?(?:[ (§.,;:-].{0,120})?$", max_length=128)
]
"""An article citation whose first token is the article number: ``43``, ``28(3)(a)``, ``24 §1``."""

Refs = dict[FrameworkId, tuple[ArticleRef, ...]]
"""Article citations per framework: ``{law-09-08: ["43", "44"], gdpr: ["28(3)(a)"]}``."""

Weight = Annotated[
    Decimal, Field(gt=0, le=1000, max_digits=12, decimal_places=6, allow_inf_nan=False)
]
"""A positive weight; questions, controls and domains default to 1."""

Score01 = Annotated[Decimal, Field(ge=0, le=1, max_digits=8, decimal_places=6, allow_inf_nan=False)]
"""A score between 0 and 1 inclusive."""


class Text(Frozen):
    """A text in English and French, and optionally Arabic."""

    en: NonEmpty
    fr: NonEmpty
    ar: NonEmpty | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to English when that language is missing."""
        value = getattr(self, lang, None) if lang in LANGUAGES else None
        return value if isinstance(value, str) else self.en
