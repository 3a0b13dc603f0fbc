"""Provides what a result tells a manager to do: the remediation plan in the order its title
gives, why the rating is what it is, and the next step.

One module, called by the terminal UI, ``compliance score`` and the report, so that the three
show the same order, the same signs and the same sentences.

**The order.** An item's *impact* is the points of the overall score (out of 100) that closing
its gap recovers: the ``impact`` the engine records, the sum of the points its questions lose.
The plan lists the items by impact, highest first; equal impacts by control id. A control that
caps the rating is marked (``!``), a critical one too (``*``), but neither moves up: lifting a cap
is said on its own line (:func:`rating_why`), so the plan's order is exactly what its title says.
The result keeps the engine's own order (its bytes are signed); this is a view of it.

**The sign.** Points are recovered, so they are written with a plus: ``+0.70``, everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Final

from compliance.model.questionnaire import Questionnaire
from compliance.model.result import RemediationItem, Result
from compliance.typography import number, percent, typeset

__all__ = [
    "MARKERS",
    "NextStep",
    "RatingWhy",
    "gain",
    "mark",
    "marker",
    "marker_legend",
    "next_step",
    "next_step_lines",
    "ordered_plan",
    "plan_title",
    "rating_why",
    "unanswered",
    "words",
]

MARKERS: Final = ("!", "*")
"""``!``: closing this gap lifts a cap on the rating; ``*``: a critical control."""

_WORDS: Final[Mapping[str, tuple[str, str, str]]] = {
    "plan": (
        "Remediation plan",
        "Plan d'actions correctives",
        "خطة الإجراءات التصحيحية",
    ),
    "plan.order": (
        "most points recoverable first; equal points by control id",
        "le plus de points à regagner d'abord ; à égalité, par identifiant",
        "الأكثر نقاطا قابلة للاسترجاع أولا؛ وعند التساوي حسب معرف الضابط",
    ),
    "marker.caps": (
        "this gap caps the rating: close it to lift the cap",
        "cet écart plafonne le niveau : le combler lève le plafond",
        "هذه الثغرة تضع سقفا للتصنيف: سدها يرفع السقف",
    ),
    "marker.critical": (
        "a critical control: under {threshold} it caps the rating",
        "contrôle critique : sous {threshold}, il plafonne le niveau",
        "ضابط حاسم: دون {threshold} يضع سقفا للتصنيف",
    ),
    "points": (
        "points",
        "points",
        "نقاط",
    ),
    "why.capped": (
        "Why “{rating}”: the score alone, {score}, would rate “{band}”, but the rating is capped:",
        "Pourquoi « {rating} » : le score seul, {score}, vaudrait « {band} », mais le niveau est "
        "plafonné :",
        "لماذا «{rating}»: النتيجة وحدها، {score}، تستحق «{band}»، لكن التصنيف محدود بسقف:",
    ),
    "why.also_capped": (
        "Why “{rating}”: the score {score} is under {next_min}, the mark for “{next}”; "
        "and the rating is capped anyway:",
        "Pourquoi « {rating} » : le score {score} est sous {next_min}, le seuil de « {next} » ; "
        "et le niveau est plafonné de toute façon :",
        (
            "لماذا «{rating}»: النتيجة {score} دون {next_min}، وهي عتبة «{next}»؛ والتصنيف محدود "
            "بسقف على أي حال:"
        ),
    ),
    "why.top": (
        "Why “{rating}”: the score {score} is at or above {min}, the mark for “{rating}”.",
        "Pourquoi « {rating} » : le score {score} atteint {min}, le seuil de « {rating} ».",
        "لماذا «{rating}»: النتيجة {score} تبلغ {min} أو تتجاوزها، وهي عتبة «{rating}».",
    ),
    "why.band": (
        "Why “{rating}”: the score {score} is under {next_min}, the mark for “{next}” "
        "({gap} points to go).",
        "Pourquoi « {rating} » : le score {score} est sous {next_min}, le seuil de « {next} » "
        "(encore {gap} points).",
        "لماذا «{rating}»: النتيجة {score} دون {next_min}، وهي عتبة «{next}» (تنقص {gap} نقطة).",
    ),
    "why.none": (
        "No question applies yet, so there is no score: answer the profile first.",
        "Aucune question ne s'applique encore, donc pas de score : répondez d'abord au profil.",
        "لا ينطبق أي سؤال بعد، فلا توجد نتيجة: أجيبوا أولا عن أسئلة الملف التعريفي.",
    ),
    "why.provisional_one": (
        "The rating is provisional: 1 unanswered question counts as 0.",
        "Le niveau est provisoire : 1 question sans réponse compte pour 0.",
        "التصنيف مؤقت: يحتسب سؤال واحد لم يجب عنه صفرا.",
    ),
    "why.provisional": (
        "The rating is provisional: {count} unanswered questions count as 0.",
        "Le niveau est provisoire : {count} questions sans réponse comptent pour 0.",
        "التصنيف مؤقت: الأسئلة التي لم يجب عنها (عددها {count}) تحتسب صفرا.",
    ),
    "cap.control": (
        "{id} “{title}” is a critical control scoring {control_score}, under {threshold}. "
        "To lift the cap: {remediation}",
        "{id} « {title} » est un contrôle critique noté {control_score}, sous {threshold}. "
        "Pour lever le plafond : {remediation}",
        (
            "{id} «{title}» ضابط حاسم نتيجته {control_score}، أي دون {threshold}. لرفع السقف: "
            "{remediation}"
        ),
    ),
    "cap.flow": (
        "The data flow “{name}” is blocked: unlawful as things stand. "
        "To lift the cap: resolve its blocking findings (under Data flows).",
        "Le flux de données « {name} » est bloqué : illicite en l'état. "
        "Pour lever le plafond : traitez ses constats bloquants (sous Flux de données).",
        (
            "تدفق المعطيات «{name}» موقوف: غير مشروع في وضعه الحالي. لرفع السقف: عالجوا ملاحظاته "
            "الموقفة (ضمن تدفقات المعطيات)."
        ),
    ),
    "cap.more": (
        "Also under {threshold}: {ids}.",
        "Également sous {threshold} : {ids}.",
        "دون {threshold} أيضا: {ids}.",
    ),
    "cap.unanswered": (
        "Critical controls not answered yet, each counted as 0 and capping the rating until it is "
        "answered: {ids}.",
        "Contrôles critiques encore sans réponse, chacun compté pour 0 et plafonnant le niveau "
        "jusqu'à sa réponse : {ids}.",
        "ضوابط حاسمة لم يجب عنها بعد، يحتسب كل منها صفرا ويضع سقفا للتصنيف إلى أن يجاب عنه: {ids}.",
    ),
    "next.finish": (
        "Next: answer the {count} questions left ({coverage} answered). Until then they count as "
        "0, the plan is dominated by them and the rating is provisional.",
        "Ensuite : répondez aux {count} questions restantes ({coverage} de réponses). D'ici là, "
        "elles comptent pour 0, dominent le plan et le niveau reste provisoire.",
        (
            "الخطوة التالية: أجيبوا عن الأسئلة المتبقية (عددها {count}؛ نسبة الإجابة "
            "{coverage}). وإلى ذلك الحين تحتسب صفرا، وتطغى على الخطة، ويبقى التصنيف مؤقتا."
        ),
    ),
    "next.finish_one": (
        "Next: answer the last question left ({coverage} answered); the rating is provisional "
        "until then.",
        "Ensuite : répondez à la dernière question ({coverage} de réponses) ; le niveau reste "
        "provisoire d'ici là.",
        (
            "الخطوة التالية: أجيبوا عن السؤال الأخير المتبقي (نسبة الإجابة {coverage})؛ ويبقى "
            "التصنيف مؤقتا إلى ذلك الحين."
        ),
    ),
    "next.actions": (
        "Next, the actions worth the most points:",
        "Ensuite, les actions qui rapportent le plus de points :",
        "الخطوة التالية، الإجراءات الأكثر نقاطا:",
    ),
    "next.lift": (
        "Next: lift the cap first ({ids}, above); then the actions worth the most points:",
        "Ensuite : levez d'abord le plafond ({ids}, ci-dessus) ; puis les actions qui rapportent "
        "le plus de points :",
        "الخطوة التالية: ارفعوا السقف أولا ({ids}، أعلاه)؛ ثم الإجراءات الأكثر نقاطا:",
    ),
    "next.done": (
        "Nothing left to do: every gap is closed.",
        "Rien à faire : aucun écart.",
        "لا شيء متبق: سدت كل الثغرات.",
    ),
}


def words(key: str, lang: str, **values: str) -> str:
    """One sentence of this module's catalogue in ``lang``, its ``{placeholders}`` filled."""
    en, fr, ar = _WORDS[key]
    text = {"fr": typeset(fr, "fr"), "ar": ar}.get(lang, en)
    return text.format(**values)


def _ids(ids: Sequence[str], lang: str) -> str:
    """Ids listed with the language's comma (the Arabic comma in Arabic)."""
    return ("، " if lang == "ar" else ", ").join(ids)


def _number(value: Decimal, lang: str) -> str:
    return number(value, lang)


def mark(value: Decimal, lang: str) -> str:
    """A band's mark or the gate's threshold: ``50`` when whole, else two decimals."""
    return number(value, lang, 0 if value == value.to_integral_value() else 2)


def _percent(value: Decimal, lang: str) -> str:
    """A coverage as a whole percentage rounded down (99.57 is ``99``, never a false ``100``)."""
    return percent(int(value.to_integral_value(rounding=ROUND_FLOOR)), lang)


def gain(points: Decimal, lang: str = "en") -> str:
    """Points recovered, always with their plus sign: ``+0.70`` (``+0,70`` in French)."""
    return f"+{number(abs(points), lang)}"


def ordered_plan(result: Result) -> tuple[RemediationItem, ...]:
    """The remediation plan by points recoverable, highest first; equal points by control id."""
    return tuple(sorted(result.remediation, key=lambda item: (-item.impact, item.control)))


def marker(item: RemediationItem) -> str:
    """``!`` for a gap that caps the rating, ``*`` for another critical control, else a space."""
    if item.caps_rating:
        return MARKERS[0]
    return MARKERS[1] if item.critical else " "


def plan_title(lang: str) -> str:
    """``Remediation plan (most points recoverable first; equal points by control id)``."""
    return f"{words('plan', lang)} ({words('plan.order', lang)})"


def marker_legend(
    questionnaire: Questionnaire, result: Result, lang: str
) -> tuple[tuple[str, str], ...]:
    """The markers the plan shows, each with what it means: ``("!", "this gap caps...")``."""
    shown = {marker(item) for item in result.remediation}
    threshold = mark(questionnaire.scoring.gate.threshold, lang)
    legend = []
    if MARKERS[0] in shown:
        legend.append((MARKERS[0], words("marker.caps", lang)))
    if MARKERS[1] in shown:
        legend.append((MARKERS[1], words("marker.critical", lang, threshold=threshold)))
    return tuple(legend)


def unanswered(result: Result) -> int:
    """How many applicable questions have no answer."""
    return sum(
        1 for control in result.controls for q in control.questions if q.status == "unanswered"
    )


_GIVEN: Final = ("answered", "na")

CAPS_IN_FULL: Final = 3
"""How many capping controls :func:`rating_lines` gives a full sentence; the rest by id."""


def _cap_lines(questionnaire: Questionnaire, result: Result, lang: str) -> list[str]:
    """One sentence per cap (its control's title, score and remediation, or the blocked flow);
    critical controls nobody has answered yet in one line, and beyond :data:`CAPS_IN_FULL`
    the others by id."""
    controls = {c.id: c for d in questionnaire.domains for c in d.controls}
    outcomes = {c.id: c for c in result.controls}
    flows = {f.id: f.name for f in result.flows}
    threshold = mark(questionnaire.scoring.gate.threshold, lang)
    lines: list[str] = []
    untouched: list[str] = []
    more: list[str] = []
    for cap in result.overall.caps:
        if cap.kind != "critical_control" or cap.id not in controls:
            lines.append(words("cap.flow", lang, name=flows.get(cap.id, cap.id)))
            continue
        outcome = outcomes.get(cap.id)
        if outcome is not None and not any(q.status in _GIVEN for q in outcome.questions):
            untouched.append(cap.id)
            continue
        if len(lines) >= CAPS_IN_FULL:
            more.append(cap.id)
            continue
        control = controls[cap.id]
        score = outcome.score if outcome is not None and outcome.score is not None else Decimal(0)
        lines.append(
            words(
                "cap.control",
                lang,
                id=cap.id,
                title=control.title.get(lang),
                control_score=_number(score, lang),
                threshold=threshold,
                remediation=control.remediation.get(lang),
            )
        )
    if more:
        lines.append(words("cap.more", lang, ids=_ids(more, lang), threshold=threshold))
    if untouched:
        lines.append(words("cap.unanswered", lang, ids=_ids(untouched, lang)))
    return lines


@dataclass(frozen=True, slots=True)
class RatingWhy:
    """Why the rating is what it is: a ``sentence``, then one line per ``cap`` (what holds the
    rating down and what to do), then ``notes`` (the rating is provisional)."""

    sentence: str
    caps: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def lines(self) -> tuple[str, ...]:
        """Everything, one line each."""
        return (self.sentence, *self.caps, *self.notes)


def rating_why(questionnaire: Questionnaire, result: Result, lang: str) -> RatingWhy:
    """Why the rating is what it is: the band the score falls in and the mark of the next one
    up, or the caps that hold it down, each with its control's title and what to do; and whether
    it is provisional."""
    overall = result.overall
    if overall.score is None:
        return RatingWhy(words("why.none", lang))
    bands = list(questionnaire.scoring.bands)
    labels = {band.id: band.label.get(lang) for band in bands}
    rating, band = (
        labels.get(overall.rating, overall.rating),
        labels.get(overall.band, overall.band),
    )
    score = _number(overall.score, lang)
    index = next((i for i, b in enumerate(bands) if b.id == overall.band), len(bands) - 1)
    above = bands[index - 1] if index > 0 else None
    lines: list[str] = []
    if overall.caps and overall.rating != overall.band:
        lines.append(words("why.capped", lang, rating=rating, score=score, band=band))
    elif overall.caps and above is not None:
        lines.append(
            words(
                "why.also_capped",
                lang,
                rating=rating,
                score=score,
                next_min=mark(above.min, lang),
                next=above.label.get(lang),
            )
        )
    elif above is None:
        lines.append(
            words("why.top", lang, rating=rating, score=score, min=mark(bands[0].min, lang))
        )
    else:
        lines.append(
            words(
                "why.band",
                lang,
                rating=rating,
                score=score,
                next_min=mark(above.min, lang),
                next=above.label.get(lang),
                gap=_number(above.min - overall.score, lang),
            )
        )
    caps = _cap_lines(questionnaire, result, lang) if overall.caps else []
    notes = []
    if overall.incomplete:
        left = unanswered(result)
        key = "why.provisional_one" if left == 1 else "why.provisional"
        notes.append(words(key, lang, count=str(left)))
    return RatingWhy(lines[0], tuple(caps), tuple(notes))


@dataclass(frozen=True, slots=True)
class NextStep:
    """What to do next: ``finish`` the questionnaire (``remaining`` questions), take the
    ``actions`` worth the most points, or nothing (``done``)."""

    kind: str
    remaining: int = 0
    actions: tuple[RemediationItem, ...] = ()
    caps: tuple[str, ...] = ()
    """What holds the rating below the score's band (control or flow ids): lifted first."""


def next_step(result: Result, count: int = 3) -> NextStep:
    """Finish first while questions are unanswered (they count as 0 and would fill the plan);
    then lift the caps that hold the rating below the score's band, and take the ``count``
    actions worth the most points."""
    left = unanswered(result)
    if result.overall.incomplete and left:
        return NextStep(kind="finish", remaining=left)
    overall = result.overall
    caps = tuple(cap.id for cap in overall.caps) if overall.rating != overall.band else ()
    actions = ordered_plan(result)[:count]
    if not actions and not caps:
        return NextStep(kind="done")
    return NextStep(kind="actions", actions=actions, caps=caps)


def next_step_lines(result: Result, lang: str, count: int = 3) -> tuple[str, tuple[str, ...]]:
    """The next step as a sentence and, for actions, one line each: ``+1.47  RET-01 title``."""
    step = next_step(result, count)
    if step.kind == "finish":
        coverage = _percent(result.overall.coverage, lang)
        key = "next.finish_one" if step.remaining == 1 else "next.finish"
        return words(key, lang, count=str(step.remaining), coverage=coverage), ()
    if step.kind == "done":
        return words("next.done", lang), ()
    key, ids = ("next.lift", _ids(step.caps, lang)) if step.caps else ("next.actions", "")
    return words(key, lang, ids=ids), tuple(
        f"{gain(item.impact, lang)}  {item.control} {item.title.get(lang)}" for item in step.actions
    )
