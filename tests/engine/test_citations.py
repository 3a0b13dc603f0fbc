"""Short citations (``Law 09-08 Art. 43``) with the full titles once, in a legend."""

from __future__ import annotations

from compliance.engine.citations import cite, legend, short_name
from compliance.model.base import Text
from compliance.model.questionnaire import Framework, Questionnaire
from tests.engine.test_plan import sample

NBSP = "\u00a0"


def test_citations_use_the_short_name_in_each_language() -> None:
    questionnaire, _ = sample()
    refs = {"law-09-08": ("43",), "gdpr": ("44", "46(2)(c)"), "decree-2-09-165": ()}
    assert cite(refs, questionnaire, "en").replace(NBSP, " ") == (
        "Law 09-08 Art. 43 · GDPR Art. 44, 46(2)(c)"
    )
    assert cite(refs, questionnaire, "fr").replace(NBSP, " ") == (
        "Loi 09-08 art. 43 · RGPD art. 44, 46(2)(c)"
    )
    assert "Law 09-08 on the protection" not in cite(refs, questionnaire, "en")


def test_a_citation_never_breaks_between_the_text_and_its_first_article() -> None:
    questionnaire, _ = sample()
    assert cite({"law-09-08": ("43",)}, questionnaire, "en") == f"Law{NBSP}09-08{NBSP}Art.{NBSP}43"


def test_the_legend_gives_each_cited_text_once_in_the_questionnaires_order() -> None:
    questionnaire, _ = sample()
    cited: list[dict[str, tuple[str, ...]]] = [
        {"gdpr": ("44",)},
        {"law-09-08": ("43",), "gdpr": ("46",)},
        {"decree-2-09-165": ()},
    ]
    entries = legend(cited, questionnaire, "en")
    assert [e.short for e in entries] == ["Law 09-08", "GDPR"]  # the decree cites no article
    assert entries[0].title.startswith("Law 09-08 on the protection of individuals")
    assert [e.short for e in legend(cited, questionnaire, "fr")] == ["Loi 09-08", "RGPD"]


def test_another_text_is_cited_by_its_title_and_needs_no_legend(example: Questionnaire) -> None:
    iso = Framework(id="iso-27001", title=Text(en="ISO/IEC 27001", fr="ISO/CEI 27001"))
    questionnaire = example.model_copy(update={"frameworks": (*example.frameworks, iso)})
    assert cite({"iso-27001": ("5",)}, questionnaire, "fr") == f"ISO/CEI 27001{NBSP}art.{NBSP}5"
    assert short_name("unheard-of", questionnaire, "en") == "unheard-of"
    # the example titles its texts "Law 09-08" and "GDPR" already: nothing to explain either
    assert legend([{"iso-27001": ("5",), "law-09-08": ("1",)}], questionnaire, "en") == ()
