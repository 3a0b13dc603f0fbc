"""The engine in Arabic: every reason, fragment and plan sentence has Arabic with the same
placeholders, the glossary's terms and no English word; citations in Arabic order; the Arabic of
a finding is shown but never enters the result's bytes."""

from __future__ import annotations

import json
import re

import pytest

from compliance.canonical import canonical_bytes
from compliance.catalog import load_assessment
from compliance.engine import plan
from compliance.engine.citations import cite, legend, short_name
from compliance.engine.reasons import FRAGMENTS, REASONS, ReasonCode, fragment
from compliance.engine.scoring import score
from compliance.engine.summary import _STATUS, _WORDS, summary_lines
from compliance.glossary import load_glossary
from compliance.model.base import Text
from compliance.model.result import Reason
from tests.engine.test_plan import sample
from tests.helpers import REPO

FIELDS = re.compile(r"{(\w+)}")
LATIN = re.compile(r"[A-Za-z]")
KEPT_LATIN = re.compile(r"\bF118\b")
"""The CNDP's form number is a name, the same in every language."""
MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Harakat, the dagger alef, tatweel and the bidi controls: none in a catalogue string."""
NBSP = "\u00a0"
SCREENING = REPO / "questionnaires" / "ma-screening" / "1.2.0" / "fixtures"
OFFSHORING = REPO / "questionnaires" / "ma-offshoring" / "1.1.0" / "fixtures"


def english_left(arabic: str) -> list[str]:
    """The Latin words of an Arabic sentence, once its placeholders and names are taken out."""
    text = KEPT_LATIN.sub("", FIELDS.sub("", arabic))
    return re.findall(r"[A-Za-z]+", text)


NOT_THE_TERM = {
    ("GDPR_NO_MECHANISM", "data-subject"),  # "personal data subject to the GDPR"
    ("role.joint_controller", "controller"),  # the glossary's own المسؤول المشترك عن المعالجة
}
"""Where an English form matches words that are not the term."""


def glossary_misses(pairs: dict[str, tuple[str, str]]) -> list[str]:
    glossary = load_glossary("ar")
    found = []
    for key, (en, ar) in pairs.items():
        english = " ".join(FIELDS.sub(" ", en).lower().replace("-", " ").split())
        for term in glossary.terms:
            pattern = term.pattern
            if (key, term.id) in NOT_THE_TERM:
                continue
            if pattern is not None and pattern.search(english) and not term.applied_in(ar):
                found.append(f"{key}: {term.en!r} is not {term.ar!r} in {ar!r}")
    return found


@pytest.mark.parametrize("code", list(ReasonCode))
def test_every_reason_has_arabic_with_the_same_placeholders_and_no_english(
    code: ReasonCode,
) -> None:
    text = REASONS[code]
    assert text.ar.strip()
    assert sorted(FIELDS.findall(text.ar)) == sorted(FIELDS.findall(text.en))
    assert english_left(text.ar) == [], text.ar
    assert not MARKS.search(text.ar)


def test_the_reasons_and_fragments_use_the_glossarys_terms() -> None:
    pairs = {code.value: (text.en, text.ar) for code, text in REASONS.items()}
    pairs |= {key: (en, ar) for key, (en, _, ar) in FRAGMENTS.items()}
    assert glossary_misses(pairs) == []


def test_a_sentence_without_the_term_is_caught() -> None:
    assert glossary_misses({"x": ("The CNDP list", "قائمة الهيئة")}) != []


@pytest.mark.parametrize("key", sorted(FRAGMENTS))
def test_every_fragment_has_arabic_and_no_english(key: str) -> None:
    words = fragment(key)
    assert words.ar
    assert words.ar.strip(" ،") or key == "list.separator"
    assert english_left(words.get("ar")) == []
    assert not MARKS.search(words.get("ar"))


def test_structured_tia_reasons_cite_in_arabic_order() -> None:
    for code in ReasonCode:
        if "GDPR Art. 46" in REASONS[code].en:
            assert "المادة 46 من اللائحة العامة لحماية البيانات" in REASONS[code].ar
        if "SCC Clause 14" in REASONS[code].en:
            assert "البند 14 من البنود التعاقدية النموذجية" in REASONS[code].ar


@pytest.mark.parametrize("key", sorted(plan._WORDS))
def test_every_plan_sentence_has_arabic_with_the_same_placeholders(key: str) -> None:
    en, _, ar = plan._WORDS[key]
    assert sorted(FIELDS.findall(ar)) == sorted(FIELDS.findall(en))
    assert english_left(ar) == []
    assert not MARKS.search(ar)
    assert plan.words(key, "ar", **dict.fromkeys(FIELDS.findall(en), "X")) == ar.replace(
        "{", ""
    ).replace("}", "") or FIELDS.search(ar)


def test_the_summary_has_every_word_in_arabic() -> None:
    assert set(_WORDS["ar"]) == set(_WORDS["en"])
    assert set(_STATUS["ar"]) == set(_STATUS["en"])
    for text in (*_WORDS["ar"].values(), *_STATUS["ar"].values()):
        assert not LATIN.search(text) and not MARKS.search(text)


def test_citations_are_in_arabic_order() -> None:
    questionnaire, _ = sample()

    def said(refs: dict[str, tuple[str, ...]]) -> str:
        return cite(refs, questionnaire, "ar").replace(NBSP, " ")

    assert said({"law-09-08": ("43",)}) == "المادة 43 من القانون رقم 09.08"
    assert said({"decree-2-09-165": ("46",)}) == "المادة 46 من المرسوم رقم 2.09.165"
    assert said({"gdpr": ("46(2)(c)",)}) == "المادة 46(2)(c) من اللائحة العامة لحماية البيانات"
    assert said({"law-09-08": ("43", "44")}) == "المادتان 43 و44 من القانون رقم 09.08"
    assert said({"law-09-08": ("12", "21", "43")}) == "المواد 12 و21 و43 من القانون رقم 09.08"
    assert short_name("gdpr", questionnaire, "ar") == "اللائحة العامة لحماية البيانات"
    assert short_name("law-09-08", questionnaire, "ar") == "القانون رقم 09.08"


def test_an_arabic_citation_never_breaks_inside_the_article_or_the_name() -> None:
    questionnaire, _ = sample()
    said = cite({"law-09-08": ("43",)}, questionnaire, "ar")
    assert said == f"المادة{NBSP}43 من{NBSP}القانون{NBSP}رقم{NBSP}09.08"


def test_the_arabic_legend_gives_the_full_arabic_title() -> None:
    _, questionnaire = load_assessment(SCREENING / "typical-first-meeting.yaml")
    cited = legend([{"law-09-08": ("43",)}], questionnaire, "ar")
    assert [entry.short for entry in cited] == ["القانون رقم 09.08"]
    assert cited[0].title.startswith("القانون رقم 09.08 المتعلق بحماية الأشخاص الذاتيين")


def test_findings_carry_arabic_in_memory_but_the_result_bytes_are_unchanged() -> None:
    loaded, questionnaire = load_assessment(OFFSHORING / "nonlisted-transfer.yaml")
    result = score(questionnaire, loaded)
    reasons = [reason for flow in result.flows for reason in flow.reasons]
    assert reasons and all(reason.message.ar for reason in reasons)
    said = [reason.message.get("ar") for reason in reasons]
    assert any(line.startswith("تغادر المعطيات المغرب نحو ") for line in said)
    assert "التدفق اللاحق f2-ticketing-us موقوف." in said
    dumped = json.loads(result.model_dump_json())
    messages = [r["message"] for flow in dumped["flows"] for r in flow["reasons"]]
    assert all(message["ar"] is None for message in messages)
    signed = json.loads(canonical_bytes(result))
    assert all(
        set(r["message"]) == {"en", "fr"} for flow in signed["flows"] for r in flow["reasons"]
    )
    expected = (OFFSHORING / "nonlisted-transfer.expected.yaml").read_text(encoding="utf-8")
    assert "تغادر" not in expected


def test_a_reason_read_back_from_json_shows_english_where_arabic_is_asked() -> None:
    reason = Reason(
        code="ONWARD_GAP",
        status="blocked",
        gate="onward",
        message=Text(
            en="Onward flow f2 is blocked.", fr="Le flux ultérieur f2 est bloqué.", ar="س"
        ),
    )
    again = Reason.model_validate_json(reason.model_dump_json())
    assert again.message.ar is None
    assert again.message.get("ar") == "Onward flow f2 is blocked."


def test_the_summary_in_arabic() -> None:
    loaded, questionnaire = load_assessment(SCREENING / "typical-first-meeting.yaml")
    lines = summary_lines(questionnaire, loaded, score(questionnaire, loaded), "ar")
    assert lines[1] == "النتيجة الإجمالية: 61,67/100  غير جاهز  (التغطية 100,00%)"
    assert lines[3].startswith("  لماذا «غير جاهز»: النتيجة وحدها، 61,67، تستحق «جاهز بشروط»")
    assert "المجالات:" in lines
    assert any(line.startswith("خطة الإجراءات التصحيحية (") for line in lines)


def test_the_summary_of_flows_in_arabic_cites_in_arabic() -> None:
    loaded, questionnaire = load_assessment(OFFSHORING / "nonlisted-transfer.yaml")
    lines = summary_lines(questionnaire, loaded, score(questionnaire, loaded), "ar")
    finding = next(line for line in lines if "تغادر المعطيات المغرب نحو" in line)
    assert finding.replace(NBSP, " ").endswith("[المادتان 43 و44 من القانون رقم 09.08]")
    assert "تدفقات المعطيات:" in lines
