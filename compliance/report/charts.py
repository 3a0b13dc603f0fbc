"""Provides the report's charts as inline SVG: the overall gauge, score bars and flow readiness.

Every value put into the SVG goes through :meth:`markupsafe.Markup.format`, which escapes it, and
numbers are formatted before they are placed, so nothing from an assessment can open a tag or an
attribute. The SVG has no links, scripts, styles or external references.

Right to left (``rtl``, an Arabic report): a bar fills from the right and the flow chart stacks
from the right, like the text around them; the flow chart's legend is then an HTML list after the
``svg``, not SVG text, because WeasyPrint draws SVG text glyph by glyph, without Arabic shaping or
bidi (letters came out reversed and unjoined). The gauge is a dial from 0 to 100 and keeps its
left-to-right axis in every language (its text is digits only). Every ``svg`` says
``direction="ltr"`` in a right-to-left report, so coordinates and anchors mean the same in every
renderer whatever the page's direction.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal

from markupsafe import Markup

__all__ = ["STATUS_COLOURS", "band_colour", "bar", "flow_readiness", "gauge"]

STATUS_COLOURS: Mapping[str, str] = {
    "ready": "#2e7d32",
    "conditional": "#b7791f",
    "not_ready": "#c2410c",
    "blocked": "#8b1a1a",
}
_PALETTE = ("#2e7d32", "#7c8b1e", "#b7791f", "#c2410c", "#8b1a1a")
_TRACK = "#e5e8ee"
_INK = "#1d2a3a"
_LTR = Markup(' direction="ltr"')


def _n(value: float) -> str:
    return f"{value:.2f}"


def band_colour(score: Decimal | None, band_mins: Sequence[Decimal]) -> str:
    """The colour of the band ``score`` falls in; bands listed from the highest ``min`` down."""
    if score is None:
        return "#8a94a6"
    count = len(band_mins)
    for index, minimum in enumerate(band_mins):
        if score >= minimum:
            position = 0 if count == 1 else round(index * (len(_PALETTE) - 1) / (count - 1))
            return _PALETTE[position]
    return _PALETTE[-1]


def _point(cx: float, cy: float, r: float, value: float) -> tuple[float, float]:
    angle = math.pi * (1 - value / 100)
    return cx + r * math.cos(angle), cy - r * math.sin(angle)


def _arc(cx: float, cy: float, r: float, start: float, end: float) -> str:
    x1, y1 = _point(cx, cy, r, start)
    x2, y2 = _point(cx, cy, r, end)
    return f"M {_n(x1)} {_n(y1)} A {_n(r)} {_n(r)} 0 0 1 {_n(x2)} {_n(y2)}"


def gauge(
    score: Decimal | None,
    band_mins: Sequence[Decimal],
    shown: str,
    label: str,
    *,
    rtl: bool = False,
) -> Markup:
    """A half-circle gauge of a score out of 100, the bands drawn as a thin outer ring.

    ``shown`` is the score as the report writes it, ``label`` the accessible name.
    """
    cx, cy = 130.0, 122.0
    parts: list[Markup] = []
    edges = [float(m) for m in band_mins]
    uppers = [100.0, *edges[:-1]] if edges else []
    for index, (low, high) in enumerate(zip(edges, uppers, strict=True)):
        if high > low:
            colour = band_colour(Decimal(str(low)), band_mins)
            parts.append(
                Markup(
                    '<path d="{d}" fill="none" stroke="{c}" stroke-width="5" opacity="0.55"/>'
                ).format(d=_arc(cx, cy, 112, low, high), c=colour)
            )
        if index and 0 < low < 100:
            x1, y1 = _point(cx, cy, 107, low)
            x2, y2 = _point(cx, cy, 117, low)
            parts.append(
                Markup('<line x1="{a}" y1="{b}" x2="{c}" y2="{d}" stroke="#ffffff"/>').format(
                    a=_n(x1), b=_n(y1), c=_n(x2), d=_n(y2)
                )
            )
    parts.append(
        Markup('<path d="{d}" fill="none" stroke="{c}" stroke-width="16"/>').format(
            d=_arc(cx, cy, 94, 0, 100), c=_TRACK
        )
    )
    value = 0.0 if score is None else max(0.0, min(100.0, float(score)))
    if value > 0:
        parts.append(
            Markup('<path d="{d}" fill="none" stroke="{c}" stroke-width="16"/>').format(
                d=_arc(cx, cy, 94, 0, value), c=band_colour(score, band_mins)
            )
        )
    parts.append(
        Markup(
            '<text x="{x}" y="{y}" text-anchor="middle" font-size="28" font-weight="700" '
            'fill="{ink}">{s}</text>'
        ).format(x=_n(cx), y=_n(cy - 8), ink=_INK, s=shown)
    )
    parts.append(
        Markup(
            '<text x="{x}" y="{y}" text-anchor="middle" font-size="12" fill="#5b6576">0</text>'
            '<text x="{x2}" y="{y}" text-anchor="middle" font-size="12" fill="#5b6576">100</text>'
        ).format(x=_n(cx - 94), x2=_n(cx + 94), y=_n(cy + 16))
    )
    return Markup(
        '<svg class="gauge" viewBox="0 0 260 142" '
        'width="260" height="142"{d} role="img" aria-label="{label}"><title>{label}</title>{body}'
        "</svg>"
    ).format(label=label, body=Markup("").join(parts), d=_LTR if rtl else Markup(""))


def bar(
    score: Decimal | None, band_mins: Sequence[Decimal], *, width: int = 160, rtl: bool = False
) -> Markup:
    """A thin horizontal bar of a score out of 100 (filled from the right when ``rtl``)."""
    value = 0.0 if score is None else max(0.0, min(100.0, float(score)))
    filled = width * value / 100
    size, colour = int(width), band_colour(score, band_mins)
    start, direction = (_n(size - filled), ' direction="ltr"') if rtl else ("0", "")
    # Numbers and the palette's colours only, nothing from an assessment: an f-string is safe here
    # and costs a fraction of Markup.format, which the report calls once per control.
    return Markup(  # noqa: S704
        f'<svg class="bar" viewBox="0 0 {size} 10" width="{size}" height="10"{direction} '
        f'aria-hidden="true"><rect x="0" y="0" width="{size}" height="10" rx="2" '
        f'fill="{_TRACK}"/><rect x="{start}" y="0" width="{_n(filled)}" height="10" rx="2" '
        f'fill="{colour}"/></svg>'
    )


def flow_readiness(
    counts: Mapping[str, int], names: Mapping[str, str], label: str, *, rtl: bool = False
) -> Markup:
    """A stacked bar of the flows by status, worst last, with a legend (mirrored when ``rtl``)."""
    order = ("ready", "conditional", "not_ready", "blocked")
    total = sum(counts.get(status, 0) for status in order)
    width, height = 560.0, 26.0
    parts: list[Markup] = []
    x = 0.0
    for status in order:
        count = counts.get(status, 0)
        if not count or not total:
            continue
        share = width * count / total
        left = width - x - share if rtl else x
        parts.append(
            Markup('<rect x="{x}" y="0" width="{w}" height="{h}" fill="{c}"/>').format(
                x=_n(left), w=_n(share), h=_n(height), c=STATUS_COLOURS[status]
            )
        )
        if share >= 22:
            parts.append(
                Markup(
                    '<text x="{x}" y="18" text-anchor="middle" font-size="13" font-weight="700" '
                    'fill="#ffffff">{n}</text>'
                ).format(x=_n(left + share / 2), n=count)
            )
        x += share
    if rtl:
        return Markup(
            '<svg class="flowchart" viewBox="0 0 560 26" width="560" height="26" '
            'direction="ltr" role="img" aria-label="{label}"><title>{label}</title>{body}</svg>'
            '<ul class="legend">{items}</ul>'
        ).format(
            label=label,
            body=Markup("").join(parts),
            items=Markup("").join(
                Markup('<li><span class="swatch {s}"></span>{t} ({n})</li>').format(
                    s=status, t=names[status], n=counts.get(status, 0)
                )
                for status in order
            ),
        )
    legend_x = 0.0
    for status in order:
        name = f"{names[status]} ({counts.get(status, 0)})"
        parts.append(
            Markup(
                '<rect x="{x}" y="38" width="11" height="11" fill="{c}"/>'
                '<text x="{tx}" y="48" font-size="12" fill="{ink}">{t}</text>'
            ).format(
                x=_n(legend_x), c=STATUS_COLOURS[status], tx=_n(legend_x + 16), ink=_INK, t=name
            )
        )
        legend_x += 36 + 7.2 * len(name)
    return Markup(
        '<svg class="flowchart" viewBox="0 0 560 56" '
        'width="560" height="56" role="img" aria-label="{label}"><title>{label}</title>{body}</svg>'
    ).format(label=label, body=Markup("").join(parts))
