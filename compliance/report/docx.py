"""Provides :func:`render_docx`: the report as a Word document a consultant can edit.

The same view as the HTML report (:mod:`compliance.report.view`), written with python-docx (the
``docx`` extra) in Word's own styles: Title, Heading 1-3, List Bullet, a table style, a table of
contents field (Word fills it when the document is opened or on F9), and the domain scores as a
chart image drawn with Pillow. A brand (:mod:`compliance.report.brand`) puts its logo and firm
name in the page header, its footer line in the page footer, and its primary colour on the
headings. All text is the report's text as data; nothing in it is interpreted.

In Arabic the document is right to left in Word's own terms (:mod:`compliance.report.docx_bidi`):
bidi paragraphs, tables and section, Arabic runs marked right to left with the complex-script
font, Latin identifiers kept in their own runs and isolated; the chart is mirrored (bars grow
from the right, under their labels on the right).
"""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from compliance.errors import ReportError
from compliance.report.bidi import RTL, ltr
from compliance.report.docx_bidi import (
    BIDI_LANG,
    add_text,
    prepare,
    rtl_paragraph,
    rtl_table,
)

if TYPE_CHECKING:
    from compliance.model.assessment import Assessment
    from compliance.model.questionnaire import Questionnaire
    from compliance.model.result import Result
    from compliance.report.brand import Brand
    from compliance.report.view import Document

__all__ = ["domain_chart", "render_docx"]

TABLE_STYLE = "Table Grid"
_ILLEGAL = {c for c in range(32) if c not in (9, 10, 13)}


def _clean(text: object) -> str:
    """Text as Word can hold it: control characters XML refuses are dropped."""
    return "".join(ch for ch in str(text) if ord(ch) not in _ILLEGAL)


def _number(text: str) -> float | None:
    try:
        return float(Decimal(text.replace(",", ".").replace("\u202f", "").replace(" ", "")))
    except (InvalidOperation, ValueError):
        return None


def domain_chart(
    bars: list[tuple[str, float | None]], colour: str = "#1f3a5f", *, rtl: bool = False
) -> bytes:
    """A horizontal bar chart of scores out of 100, as PNG bytes (Pillow).

    ``rtl`` mirrors it for an Arabic document: labels on the right, bars growing leftwards, the
    labels laid out right to left (Pillow's Raqm layout shapes and orders Arabic; DejaVu Sans
    has both the Arabic and the Latin letters a label may mix)."""
    from PIL import Image, ImageDraw, ImageFont

    width, row, left = 1200, 56, 420
    height = 40 + row * max(1, len(bars))
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font: Any
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 24)
    except OSError:
        font = ImageFont.load_default()
    fill = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    span = width - left - 120
    ink = (29, 42, 58)
    for index, (label, value) in enumerate(bars):
        top = 20 + index * row
        short = label if len(label) <= 30 else label[:29] + "…"
        length = 0 if value is None else int(span * max(0.0, min(value, 100.0)) / 100)
        shown = "—" if value is None else f"{value:.0f}"
        if rtl:  # mirrored: x runs from the right edge
            right = width - left
            draw.text((width - 16, top + 10), short, fill=ink, font=font, anchor="ra",
                      direction="rtl")  # fmt: skip
            draw.rectangle((right - span, top + 8, right, top + row - 16), fill=(235, 238, 243))
            if value is not None:
                draw.rectangle((right - length, top + 8, right, top + row - 16), fill=fill)
            draw.text((right - span - 14, top + 10), shown, fill=ink, font=font, anchor="ra")
            continue
        draw.text((16, top + 10), short, fill=ink, font=font)
        draw.rectangle((left, top + 8, left + span, top + row - 16), fill=(235, 238, 243))
        if value is not None:
            draw.rectangle((left, top + 8, left + length, top + row - 16), fill=fill)
        draw.text((left + span + 14, top + 10), shown, fill=ink, font=font)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue()


class _Writer:
    def __init__(self, view: Document, brand: Brand | None) -> None:
        try:
            import docx
        except ImportError:
            raise ReportError(
                "Word reports need python-docx; install the 'docx' extra "
                "(pip install 'compliance-ma[docx]')"
            ) from None
        self.view = view
        self.s = view.s
        self.brand = brand
        self.rtl = view.lang in RTL
        self.doc: Any = docx.Document()
        self.core()

    def core(self) -> None:
        from docx.shared import Pt, RGBColor

        properties = self.doc.core_properties
        properties.title = _clean(self.view.title)
        properties.author = _clean(self.brand.firm if self.brand else "compliance")
        properties.language = BIDI_LANG if self.rtl else self.view.lang
        if self.brand is not None:
            colour = RGBColor.from_string(self.brand.primary[1:].upper())
            for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
                self.doc.styles[name].font.color.rgb = colour
        self.doc.styles["Normal"].font.size = Pt(10)
        if self.rtl:
            prepare(self.doc)

    # --- building blocks ----------------------------------------------------------------

    def id(self, text: str) -> str:
        """An identifier inside composed text: isolated in a right-to-left document."""
        return ltr(text, self.view.lang)

    def write_text(self, paragraph: Any, text: str, *, bold: bool = False) -> None:
        """``text`` into ``paragraph``: one run, or runs by direction in a right-to-left one."""
        if self.rtl:
            add_text(paragraph, _clean(text), bold=bold)
        else:
            paragraph.add_run(_clean(text)).bold = bold

    def paragraph(self, style: str | None = None) -> Any:
        paragraph = self.doc.add_paragraph(style=style)
        if self.rtl:
            rtl_paragraph(paragraph)
        return paragraph

    def heading(self, text: str, level: int) -> None:
        if not self.rtl:
            self.doc.add_heading(_clean(text), level=level)
            return
        self.write_text(self.doc.add_heading("", level=level), text)

    def para(self, text: str, style: str | None = None, *, bold: bool = False) -> None:
        self.write_text(self.doc.add_paragraph(style=style), text, bold=bold)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.doc.styles[TABLE_STYLE]
        if self.rtl:
            rtl_table(table)
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            self.write_text(cell.paragraphs[0], text, bold=True)
        for values in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                if self.rtl:
                    self.write_text(cell.paragraphs[0], text)
                else:
                    cell.text = _clean(text)
        self.paragraph()

    def toc(self) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        paragraph = self.paragraph()
        begin = OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        begin.set(qn("w:dirty"), "true")
        instruction = OxmlElement("w:instrText")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = 'TOC \\o "1-3" \\h \\z \\u'
        separate = OxmlElement("w:fldChar")
        separate.set(qn("w:fldCharType"), "separate")
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        # One run per part of the field, as Word writes it; the placeholder (shown until the
        # field is updated) is text of the document's language.
        for element in (begin, instruction, separate):
            paragraph.add_run()._r.append(element)
        self.write_text(paragraph, self.s["contents"])
        paragraph.add_run()._r.append(end)
        settings = self.doc.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)

    def header_footer(self) -> None:
        from docx.shared import Cm

        if self.brand is None:
            return
        section = self.doc.sections[0]
        top = section.header.paragraphs[0]
        if self.rtl:
            rtl_paragraph(top)
        if self.brand.logo is not None:
            top.add_run().add_picture(io.BytesIO(self.brand.logo), height=Cm(1.2))
            top.add_run("  ")
        self.write_text(top, self.brand.firm, bold=True)
        if self.brand.footer:
            self.write_text(section.footer.paragraphs[0], self.brand.footer)

    # --- the sections ---------------------------------------------------------------------

    def write(self) -> bytes:
        view, s = self.view, self.s
        self.header_footer()
        self.heading(view.title, 0)
        cover = view.cover
        # The city and the country have no label of their own (the HTML cover writes them on
        # one line under the name): here they share one "place" row rather than two blank labels.
        place = [value for label, value in cover.details if not label]
        rows = [[s["cover_place"], " · ".join(place)]] if place else []
        rows += [[label, value] for label, value in cover.details if label]
        rows += [
            [s["cover_date"], cover.date],
            [
                s["cover_questionnaire"],
                f"{cover.questionnaire} ({self.id(cover.questionnaire_id)})",
            ],
            [s["cover_version"], self.id(cover.version)],
            [s["cover_digest"], self.id(cover.digest)],
        ]
        if cover.assessor:
            rows.insert(0, [s["cover_assessor"], cover.assessor])
        self.table([s["cover_organisation"], cover.organisation], rows)
        self.para(s["contents"], bold=True)
        self.toc()
        from docx.enum.text import WD_BREAK

        self.paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.summary()
        self.heading(s["method"], 1)
        for line in view.method:
            self.para(line)
        if view.texts:
            self.heading(s["texts_cited"], 2)
            for text in view.texts:
                self.para(f"{text.short}{s['colon']}{text.title}")
        self.scores()
        self.flows()
        self.answers()
        self.remediation()
        self.worksheets()
        self.heading(s["signature"], 1)
        self.para(view.signature if view.signature is not None else s["unsigned"])
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def summary(self) -> None:
        from docx.shared import Cm

        view, s = self.view, self.s
        self.heading(s["summary"], 1)
        summary = view.summary
        self.table(
            [s["score"], s["rating"], s["coverage"]],
            [[summary.score, summary.rating, summary.coverage]],
        )
        for sentence in summary.sentences:
            self.para(sentence)
        bars = [(f"{d.id} {d.title}", _number(d.score)) for d in view.domains]
        colour = self.brand.primary if self.brand else "#1f3a5f"
        chart = domain_chart(bars, colour, rtl=self.rtl)
        self.paragraph().add_run().add_picture(io.BytesIO(chart), width=Cm(16))
        self.heading(s["summary_actions"], 2)
        if not summary.actions:
            self.para(s["summary_no_actions"])
        for action in summary.actions:
            self.para(
                f"{self.id(action.control)} — {action.title} ({action.impact})", "List Bullet"
            )

    def scores(self) -> None:
        s = self.s
        self.heading(s["scores"], 1)
        self.table(
            [s["domain"], s["score"], s["coverage"], s["points_lost"]],
            [
                [f"{self.id(d.id)} {d.title}", d.score, d.coverage, d.lost]
                for d in self.view.domains
            ],
        )
        for domain in self.view.domains:
            self.heading(f"{self.id(domain.id)} {domain.title}", 2)
            self.table(
                [s["control"], s["score"], s["points_lost"], s["articles"]],
                [
                    [
                        f"{self.id(c.id)} {c.title}"
                        + (f" ({s['critical']})" if c.critical else ""),
                        c.score,
                        c.lost,
                        c.refs,
                    ]
                    for c in domain.controls
                ],
            )

    def flows(self) -> None:
        s = self.s
        self.heading(s["flows"], 1)
        if not self.view.flows:
            self.para(s["flows_none"])
        for flow in self.view.flows:
            self.heading(f"{flow.name} ({self.id(flow.id)}){s['colon']}{flow.status_label}", 2)
            self.table(
                [s["route"], s["exporter"], s["importer"], s["regime"], s["score"]],
                [[flow.route, flow.exporter, flow.importer, flow.regime, flow.score]],
            )
            for gate in flow.gates:
                self.para(
                    f"{gate.name}{s['colon']}{gate.status_label} ({gate.checks})", "List Bullet"
                )
            for reason in flow.reasons:
                refs = f" [{reason.refs}]" if reason.refs else ""
                self.para(f"{reason.status_label}{s['colon']}{reason.message}{refs}", "List Bullet")

    def answers(self) -> None:
        s = self.s
        self.heading(s["answers"], 1)
        if self.view.profile:
            self.heading(s["profile"], 2)
            self.table(
                [s["question"], s["answer"]], [[a.text, a.answer] for a in self.view.profile]
            )
        for domain in self.view.domains:
            self.heading(f"{self.id(domain.id)} {domain.title}", 2)
            for control in domain.controls:
                if not control.questions:
                    continue
                self.heading(f"{self.id(control.id)} {control.title}", 3)
                rows = []
                for answer in control.questions:
                    notes = [answer.comment or ""]
                    notes += [
                        f"{self.id(e.path)} ({self.id(f'SHA-256 {e.sha256}')})"
                        for e in answer.evidence
                    ]
                    rows.append(
                        [answer.text, answer.answer, answer.score, "\n".join(n for n in notes if n)]
                    )
                self.table([s["question"], s["answer"], s["score"], s["comment"]], rows)

    def remediation(self) -> None:
        s = self.s
        self.heading(s["remediation"], 1)
        self.para(s["remediation_intro"])
        if not self.view.remediation:
            self.para(s["no_findings"])
            return
        self.table(
            ["#", s["control"], s["impact"], s["action"], s["articles"]],
            [
                [str(a.rank), f"{self.id(a.control)} {a.title}", a.impact, a.action, a.refs]
                for a in self.view.remediation
            ],
        )

    def worksheets(self) -> None:
        s = self.s
        for title, intro, empty, sheets in (
            (s["cndp_title"], s["cndp_intro"], s["cndp_none"], self.view.cndp),
            (s["scc_title"], s["scc_intro"], s["scc_none"], self.view.scc),
        ):
            self.heading(title, 1)
            self.para(intro)
            if not sheets:
                self.para(empty)
            for sheet in sheets:
                self.heading(f"{sheet.flow_name} ({self.id(sheet.flow_id)})", 2)
                self.table(
                    ["", ""],
                    [[row.label, row.value or s["to_complete"]] for row in sheet.rows],
                )


def render_docx(
    questionnaire: Questionnaire,
    assessment: Assessment,
    result: Result,
    *,
    lang: str,
    brand: Brand | None = None,
    signature: str | None = None,
) -> bytes:
    """The Word (DOCX) report."""
    from compliance.languages import LANGUAGES
    from compliance.report.view import build

    if lang not in LANGUAGES:
        raise ReportError(f"reports are written in {' or '.join(LANGUAGES)}, not {lang!r}")
    view = build(
        questionnaire, assessment, result, lang=lang, signature=signature, with_charts=False
    )
    return _Writer(view, brand).write()
