"""Provides :func:`import_library`: a CISO Assistant framework library as a questionnaire of ours.

The library is a file a user supplies (CISO Assistant's libraries are AGPL; none ships here). Its
format, as CISO Assistant's own loader reads it: a top level with ``urn``, ``locale``, ``ref_id``,
``name``, ``version``, ``provider``, ``packager`` and ``objects.framework``; the framework's
``requirement_nodes`` form a tree through ``parent_urn``; assessable nodes may carry
``questions`` keyed by question URN, each with a ``type`` (``unique_choice``,
``multiple_choice``, ``boolean``, ``text``, ``number``, ``date``), ``choices`` (``urn``,
``value``, ``add_score``, ``compute_result``...) and ``depends_on``.

How it maps (each departure is listed in the import's notes, never dropped silently):

- each top-level heading becomes a domain (assessable nodes at the top go to a "General"
  domain), each assessable node a control keeping its URN as ``source``; intermediate headings
  are named in the control's description;
- questions keep their type, choices and conditions; a choice's score is its ``add_score`` over
  the question's highest, else its ``compute_result`` (compliant 1, partially compliant 0.5, non
  compliant 0; not applicable becomes the question's N/A);
- choice questions that carry no score at all (they pick implementation groups, or describe the
  organisation) become profile questions, as they decide what applies without scoring;
- a control left without a scored question gets one: the framework's score scale when it has one,
  else the compliance result (compliant, partially compliant, non compliant, N/A).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.errors import LoadError, Problem
from compliance.safeyaml import Document

__all__ = ["LibraryImport", "dump_yaml", "import_library", "library_bytes"]

MAX_LIBRARY_BYTES = 20 * 1024 * 1024
_TYPES = {
    "unique_choice": "single_choice",
    "multiple_choice": "multi_choice",
    "boolean": "yes_no",
    "text": "text",
    "number": "number",
    "date": "date",
}
_RESULT_SCORES = {"compliant": 1, "partially_compliant": 0.5, "non_compliant": 0}
_RESULT_LABELS = {
    "compliant": ("Compliant", "Conforme"),
    "partially_compliant": ("Partially compliant", "Partiellement conforme"),
    "non_compliant": ("Non compliant", "Non conforme"),
}
_ID_BAD = re.compile(r"[^A-Za-z0-9._-]+")
_ID_RUNS = re.compile(r"([._-])[._-]+")
_MAX_TEXT = 20_000


@dataclass
class LibraryImport:
    """A library converted: the questionnaire as plain data, and what could not be carried."""

    source: str
    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    controls: int = 0
    questions: int = 0


def _slug(text: str, fallback: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:64].strip("-")
    return slug or fallback


def _item_id(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = _ID_RUNS.sub(r"\1", _ID_BAD.sub("-", plain))
    return cleaned[:56].strip("._-")


def _tail(urn: str) -> str:
    return urn.rsplit(":", 1)[-1]


class _Converter:
    """Walks one library document; collects problems (errors) and notes (not carried)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.ids: set[str] = set()
        self.question_ids: dict[str, tuple[str, dict[str, str], bool]] = {}
        """question URN → (our id, choice URN → option id, is a profile question)."""
        self.profile: list[dict[str, Any]] = []
        self.locale = "en"
        self.translations: dict[str, Any] = {}
        self.pending: list[tuple[dict[str, Any], Any, tuple[Any, ...]]] = []

    def problem(self, loc: tuple[Any, ...], message: str) -> None:
        self.problems.append(self.document.problem(loc, message))

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    # --- text ----------------------------------------------------------------------------

    def text(self, value: Any, loc: tuple[Any, ...], fallback: str | None = None) -> Any:
        """A bilingual text from a library string (its locale's text in both languages)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if fallback is None:
                return None
            value = fallback
        if not isinstance(value, str | int | float):
            self.problem(loc, "expected text here")
            return None
        text = unicodedata.normalize("NFC", str(value)).strip()
        if len(text) > _MAX_TEXT:
            self.note(f"texts longer than {_MAX_TEXT} characters were cut")
            text = text[:_MAX_TEXT]
        return {"en": text, "fr": text}

    def unique(self, wanted: str, fallback: str) -> str:
        base = _item_id(wanted) or fallback
        candidate, n = base, 2
        while candidate.casefold() in self.ids:
            candidate, n = f"{base}-{n}", n + 1
        self.ids.add(candidate.casefold())
        return candidate

    # --- the library -----------------------------------------------------------------------

    def convert(self) -> LibraryImport:
        top = self.document.data
        if not isinstance(top, dict):
            self.problem((), "expected a CISO Assistant library (a mapping at the top)")
            raise LoadError(self.problems)
        for key in ("urn", "ref_id", "name", "objects"):
            if key not in top:
                self.problem((), f"a library needs {key!r}; is this a CISO Assistant library?")
        objects = top.get("objects")
        framework = objects.get("framework") if isinstance(objects, dict) else None
        if not isinstance(framework, dict):
            self.problem(("objects",), "the library has no 'framework' to import")
        if self.problems or not isinstance(objects, dict) or not isinstance(framework, dict):
            raise LoadError(self.problems)
        for other in sorted(set(objects) - {"framework"}):
            self.note(f"objects.{other} is not imported (only the framework is)")
        self.locale = str(top.get("locale", "en"))
        if self.locale not in ("en", "fr"):
            self.note(f"the library is in {self.locale!r}: its text is used for English and French")
        self.translations = top.get("translations") or {}
        for key in ("implementation_groups_definition", "field_visibility"):
            if framework.get(key):
                self.note(f"framework.{key} is not carried (implementation groups are not scored)")
        version = top.get("version", 1)
        if not isinstance(version, int) or isinstance(version, bool) or not 0 <= version < 10**6:
            self.problem(("version",), "the library version must be a whole number")
            version = 1
        name = str(top.get("name") or top.get("ref_id"))
        framework_id = _slug(str(framework.get("ref_id") or top.get("ref_id")), "framework")
        self.framework_id = framework_id
        self.scale = self.scale_of(framework)
        domains = self.domains(framework)
        data: dict[str, Any] = {
            "schema": "compliance.questionnaire/v1",
            "id": _slug(str(top.get("ref_id")), "library"),
            "version": f"{version}.0.0",
            "title": self.bilingual(name, "name", ("name",)),
            "description": self.bilingual(top.get("description"), "description", ("description",)),
            "frameworks": [
                {
                    "id": framework_id,
                    "title": self.text(framework.get("name") or name, ("objects", "framework")),
                }
            ],
            "scoring": {
                "bands": [
                    {"id": "compliant", "label": {"en": "Compliant", "fr": "Conforme"}, "min": 80},
                    {
                        "id": "partially_compliant",
                        "label": {"en": "Partially compliant", "fr": "Partiellement conforme"},
                        "min": 50,
                    },
                    {
                        "id": "non_compliant",
                        "label": {"en": "Non compliant", "fr": "Non conforme"},
                        "min": 0,
                    },
                ],
                "gate": {"threshold": 50, "cap": "non_compliant"},
            },
        }
        if data["description"] is None:
            del data["description"]
        if self.profile:
            data["profile"] = {"questions": self.profile}
        data["domains"] = domains
        self.note(
            "scoring bands are this toolkit's defaults (compliant from 80, partially compliant "
            "from 50); the library defines none"
        )
        if not domains:
            self.problem(("objects", "framework"), "the framework has no assessable requirement")
        if self.problems:
            raise LoadError(self.problems)
        return LibraryImport(str(top["urn"]), data, self.notes)

    def bilingual(self, value: Any, key: str, loc: tuple[Any, ...]) -> Any:
        text = self.text(value, loc)
        if text is None:
            return None
        for lang in ("en", "fr"):
            other = self.translations.get(lang) if isinstance(self.translations, dict) else None
            if isinstance(other, dict) and isinstance(other.get(key), str) and other[key].strip():
                text[lang] = unicodedata.normalize("NFC", other[key]).strip()
        return text

    def scale_of(self, framework: dict[str, Any]) -> dict[str, Any] | None:
        low, high = framework.get("min_score"), framework.get("max_score")
        if low is None and high is None:
            return None
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high)) or not (
            -1000 <= low < high <= 1000  # type: ignore[operator]
        ):
            self.problem(
                ("objects", "framework", "min_score"),
                "min_score and max_score must be whole numbers with min_score below max_score",
            )
            return None
        scale: dict[str, Any] = {"kind": "scale", "min": low, "max": high}
        definitions = framework.get("scores_definition")
        if isinstance(definitions, dict):
            definitions = definitions.get("scale")
        if isinstance(definitions, list):
            labels = []
            for item in definitions:
                if (
                    isinstance(item, dict)
                    and isinstance(item.get("score"), int)
                    and low <= item["score"] <= high
                    and item.get("name")
                ):
                    labels.append({"value": item["score"], "label": self.text(item["name"], ())})
            if labels:
                scale["labels"] = labels
        return scale

    # --- the tree -----------------------------------------------------------------------------

    def domains(self, framework: dict[str, Any]) -> list[dict[str, Any]]:
        nodes = framework.get("requirement_nodes")
        base = ("objects", "framework", "requirement_nodes")
        if not isinstance(nodes, list) or not nodes:
            self.problem(base[:2], "the framework has no requirement_nodes")
            return []
        by_urn = self.index(nodes, base)
        if self.problems:
            return []

        def root_of(urn: str) -> str:
            while (parent := by_urn[urn][1].get("parent_urn")) is not None:
                urn = parent
            return urn

        def path_of(urn: str) -> list[str]:
            names = []
            parent = by_urn[urn][1].get("parent_urn")
            while parent is not None:
                node = by_urn[parent][1]
                names.append(str(node.get("ref_id") or node.get("name") or _tail(parent)))
                parent = node.get("parent_urn")
            return names[::-1]

        domains: dict[str, dict[str, Any]] = {}
        general = "__general__"
        # first pass: map every question URN to an id, so conditions may point forward
        controls: list[tuple[str, int, dict[str, Any], str]] = []
        for urn, (index, node) in by_urn.items():
            if node.get("display_mode") == "splash":
                self.note("splash (introduction) pages are not carried")
            if not node.get("assessable"):
                continue
            root = root_of(urn)
            key = general if root == urn or by_urn[root][1].get("assessable") else root
            ref = str(node.get("ref_id") or "")
            control_id = self.unique(ref or _tail(urn), f"R{index + 1}")
            controls.append((key, index, node, control_id))
            self.map_questions(control_id, node, (*base, index))
        for key, index, node, control_id in controls:
            loc = (*base, index)
            if key not in domains:
                domains[key] = self.domain(key, by_urn, base)
            domains[key]["controls"].append(
                self.control(control_id, node, loc, path_of(node["urn"]))
            )
        under: set[str] = set()
        for _, _, node, _ in controls:
            parent = node.get("parent_urn")
            while parent is not None and parent not in under:
                under.add(parent)
                parent = by_urn[parent][1].get("parent_urn")
        if any(
            not node.get("assessable") and urn not in under and node.get("display_mode") != "splash"
            for urn, (_, node) in by_urn.items()
        ):
            self.note("headings without assessable requirements under them are not carried")
        return list(domains.values())

    def index(
        self, nodes: list[Any], base: tuple[Any, ...]
    ) -> dict[str, tuple[int, dict[str, Any]]]:
        """The nodes by URN; a missing or repeated URN, an unknown parent or a cycle is a
        problem."""
        by_urn: dict[str, tuple[int, dict[str, Any]]] = {}
        for index, node in enumerate(nodes):
            if not isinstance(node, dict) or not isinstance(node.get("urn"), str):
                self.problem((*base, index), "a requirement node needs a 'urn'")
                continue
            if node["urn"] in by_urn:
                self.problem((*base, index, "urn"), f"the URN {node['urn']} is used twice")
                continue
            by_urn[node["urn"]] = (index, node)
        for index, node in by_urn.values():
            parent = node.get("parent_urn")
            if parent is not None and parent not in by_urn:
                self.problem((*base, index, "parent_urn"), f"parent_urn {parent} is not a node")
        if not self.problems:
            self.cycles(by_urn, base)
        return by_urn

    def domain(
        self, key: str, by_urn: dict[str, tuple[int, dict[str, Any]]], base: tuple[Any, ...]
    ) -> dict[str, Any]:
        """A domain for a top-level heading (``key``: its URN, or ``__general__``)."""
        if key == "__general__":
            return {
                "id": self.unique("GEN", "GEN"),
                "title": {"en": "General", "fr": "Général"},
                "controls": [],
            }
        index, root = by_urn[key]
        domain: dict[str, Any] = {
            "id": self.unique(str(root.get("ref_id") or _tail(key)), f"D{index}"),
            "title": self.text(
                root.get("name") or root.get("ref_id"), (*base, index), fallback=_tail(key)
            ),
            "controls": [],
        }
        if root.get("description"):
            domain["description"] = self.text(root["description"], (*base, index))
        return domain

    def cycles(self, by_urn: dict[str, tuple[int, dict[str, Any]]], base: tuple[Any, ...]) -> None:
        state: dict[str, int] = {}
        for start in by_urn:
            trail = []
            urn: str | None = start
            while urn is not None and state.get(urn, 0) == 0:
                state[urn] = 1
                trail.append(urn)
                urn = by_urn[urn][1].get("parent_urn")
            if urn is not None and state.get(urn) == 1:
                index = by_urn[urn][0]
                self.problem(
                    (*base, index, "parent_urn"),
                    f"parent_urn makes a cycle through {urn}; a requirement cannot be its own "
                    "ancestor",
                )
            for item in trail:
                state[item] = 2

    # --- controls and questions ----------------------------------------------------------------

    def map_questions(self, control_id: str, node: dict[str, Any], loc: tuple[Any, ...]) -> None:
        questions = node.get("questions") or {}
        if not isinstance(questions, dict):
            self.problem((*loc, "questions"), "questions must be a mapping keyed by question URN")
            return
        for n, (urn, question) in enumerate(questions.items(), start=1):
            if not isinstance(question, dict):
                self.problem((*loc, "questions", urn), "a question must be a mapping")
                continue
            choices = question.get("choices") or []
            options: dict[str, str] = {}
            if isinstance(choices, list):
                for c, choice in enumerate(choices, start=1):
                    if isinstance(choice, dict) and isinstance(choice.get("urn"), str):
                        tail = _tail(choice["urn"])
                        options[choice["urn"]] = f"c{tail}" if tail.isdigit() else f"c{c}"
            scored = question.get("type") in ("unique_choice", "multiple_choice") and any(
                isinstance(choice, dict)
                and (choice.get("add_score") is not None or choice.get("compute_result"))
                for choice in (choices if isinstance(choices, list) else [])
            )
            profile = question.get("type") in ("unique_choice", "multiple_choice") and not scored
            self.question_ids[urn] = (f"{control_id}.q{n}", options, profile)

    def control(
        self, control_id: str, node: dict[str, Any], loc: tuple[Any, ...], path: list[str]
    ) -> dict[str, Any]:
        ref = str(node.get("ref_id") or "")
        name = node.get("name") or ref or node.get("description") or _tail(node["urn"])
        title = self.text(str(name)[:300] if not node.get("name") else name, (*loc, "name"))
        description_parts = []
        if path:
            description_parts.append(" › ".join(path))
        if node.get("description") and node.get("name"):
            description_parts.append(str(node["description"]))
        control: dict[str, Any] = {"id": control_id, "title": title}
        if description_parts:
            control["description"] = self.text("\n\n".join(description_parts), (*loc,))
        control["source"] = node["urn"]
        position = int(loc[-1]) + 1
        control["refs"] = {self.framework_id: [self.article(ref, position)]}
        weight = node.get("weight")
        if weight is not None:
            if isinstance(weight, int | float) and not isinstance(weight, bool) and weight > 0:
                control["weight"] = weight
            else:
                self.note("weights that are not positive numbers are left at 1")
        annotation = node.get("annotation")
        control["remediation"] = self.text(
            annotation,
            (*loc, "annotation"),
            fallback=f"Meet the requirement {ref or control_id}: {name}"[:_MAX_TEXT],
        )
        if not annotation:
            self.note(
                "controls without an annotation get a remediation sentence naming the requirement"
            )
        evidence = node.get("typical_evidence")
        if evidence:
            control["evidence"] = [self.text(evidence, (*loc, "typical_evidence"))]
        for key in ("implementation_groups", "reference_controls", "threats", "importance"):
            if node.get(key):
                self.note(f"requirement {key.replace('_', ' ')} are not carried")
        questions = self.questions(control_id, node, loc)
        if not any(
            q["kind"] in ("single_choice", "multi_choice", "yes_no", "scale") for q in questions
        ):
            questions.append(self.default_question(control_id))
        control["questions"] = questions
        return control

    def article(self, ref: str, position: int) -> str:
        """A citation of the requirement in the library: its ref_id when it starts with a
        number (``5.1``, ``Art. 43`` as ``43``), else its position in the library's list of
        requirements with the ref_id beside it (``7 (A.2.1)``)."""
        text = re.sub(r"^(?:art(?:icle)?\.?\s*)", "", ref.strip(), flags=re.IGNORECASE)
        if re.match(r"^[1-9][0-9]{0,2}[A-Za-z]?(?:$|[ (§.,;:-])", text):
            return text[:128]
        self.note(
            "requirements whose ref_id does not start with a number are cited by their position "
            "in the library, ref_id in brackets (this toolkit's citations start with a number)"
        )
        return f"{position} ({ref})"[:128] if ref else str(position)

    def default_question(self, control_id: str) -> dict[str, Any]:
        if self.scale is not None:
            self.note(
                "requirements without scored questions get one question on the "
                "framework's score scale"
            )
            return {
                "id": f"{control_id}.score",
                "text": {
                    "en": "How far is this requirement met?",
                    "fr": "Dans quelle mesure cette exigence est-elle satisfaite ?",
                },
                "allow_na": True,
                **self.scale,
            }
        self.note(
            "requirements without scored questions get one question on their compliance "
            "result (compliant, partially compliant, non compliant, N/A)"
        )
        return {
            "id": f"{control_id}.result",
            "kind": "single_choice",
            "text": {
                "en": "Is this requirement met?",
                "fr": "Cette exigence est-elle satisfaite ?",
            },
            "allow_na": True,
            "options": [
                {"id": key, "label": {"en": en, "fr": fr}, "score": _RESULT_SCORES[key]}
                for key, (en, fr) in _RESULT_LABELS.items()
            ],
        }

    def questions(
        self, control_id: str, node: dict[str, Any], loc: tuple[Any, ...]
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        questions = node.get("questions") or {}
        if not isinstance(questions, dict):
            return out
        for urn, question in questions.items():
            if urn not in self.question_ids:
                continue
            qloc = (*loc, "questions", urn)
            converted = self.question(urn, question, qloc)
            if converted is None:
                continue
            if self.question_ids[urn][2]:
                self.note(
                    "choice questions without any score (they pick implementation groups "
                    "or describe the organisation) become profile questions"
                )
                self.profile.append(converted)
            else:
                out.append(converted)
        return out

    def question(self, urn: str, question: dict[str, Any], loc: tuple[Any, ...]) -> Any:
        kind = _TYPES.get(str(question.get("type")))
        if kind is None:
            self.problem(
                (*loc, "type"),
                f"unknown question type {question.get('type')!r}; known types are "
                f"{', '.join(_TYPES)}",
            )
            return None
        qid, options, profile = self.question_ids[urn]
        out: dict[str, Any] = {
            "id": qid,
            "kind": kind,
            "text": self.text(question.get("text"), (*loc, "text"), fallback=_tail(urn)),
        }
        help_lines: list[str] = []
        if kind in ("single_choice", "multi_choice"):
            made = self.options(question.get("choices"), options, (*loc, "choices"), profile)
            if made is None:
                return None
            out["options"], allow_na, help_lines = made
            if allow_na:
                out["allow_na"] = True
            if len(out["options"]) < 2:
                self.problem((*loc, "choices"), "a choice question needs at least two choices")
                return None
        elif question.get("choices"):
            self.note(f"choices of {question.get('type')} questions are not carried")
        if kind == "number":
            self.note(
                "number questions are carried without scoring (CISO Assistant does not "
                "score them either)"
            )
        if help_lines:
            out["help"] = {"en": "\n".join(help_lines), "fr": "\n".join(help_lines)}
        depends = question.get("depends_on")
        if depends:
            when = self.condition(depends, (*loc, "depends_on"))
            if when is not None:
                out["when"] = when
        for key in ("weight", "annotation", "config"):
            if question.get(key) is not None:
                self.note(f"question {key} is not carried")
        return out

    def options(
        self, choices: Any, ids: dict[str, str], loc: tuple[Any, ...], profile: bool
    ) -> tuple[list[dict[str, Any]], bool, list[str]] | None:
        if not isinstance(choices, list):
            self.problem(loc, "a choice question needs a list of choices")
            return None
        adds = [c.get("add_score") for c in choices if isinstance(c, dict)]
        numbers = [a for a in adds if isinstance(a, int | float) and not isinstance(a, bool)]
        top = max(numbers, default=0)
        if any(a < 0 for a in numbers):
            self.note("negative add_score values count as 0")
        options: list[dict[str, Any]] = []
        help_lines: list[str] = []
        allow_na = False
        for index, choice in enumerate(choices):
            if not isinstance(choice, dict) or not isinstance(choice.get("urn"), str):
                self.problem((*loc, index), "a choice needs a 'urn' and a 'value'")
                continue
            result = choice.get("compute_result")
            if result is not None and result not in (*_RESULT_SCORES, "not_applicable"):
                self.problem((*loc, index, "compute_result"), f"unknown compute_result {result!r}")
                continue
            if result == "not_applicable" and choice.get("add_score") is None:
                allow_na = True
                self.note("a choice whose result is not_applicable becomes the question's N/A")
                continue
            option: dict[str, Any] = {
                "id": ids[choice["urn"]],
                "label": self.text(choice.get("value"), (*loc, index, "value"), fallback="—"),
            }
            if not profile:
                add = choice.get("add_score")
                if isinstance(add, int | float) and not isinstance(add, bool):
                    ratio = round(max(add, 0) / top, 6) if top > 0 else 0
                    option["score"] = int(ratio) if ratio == int(ratio) else ratio
                else:
                    option["score"] = _RESULT_SCORES.get(str(result), 0)
            options.append(option)
            if choice.get("description"):
                help_lines.append(f"{choice.get('value')}: {choice['description']}")
            for key in ("select_implementation_groups", "color"):
                if choice.get(key):
                    self.note(f"choice {key.replace('_', ' ')} are not carried")
        if numbers and not profile:
            self.note(
                "add_score values become option scores from 0 to 1 (each over the "
                "question's highest)"
            )
        return options, allow_na, help_lines

    def condition(self, depends: Any, loc: tuple[Any, ...]) -> Any:
        if not isinstance(depends, dict) or not isinstance(depends.get("question"), str):
            self.problem(loc, "depends_on needs a 'question' URN")
            return None
        target = self.question_ids.get(depends["question"])
        if target is None:
            self.problem(
                (*loc, "question"), f"depends_on names an unknown question {depends['question']}"
            )
            return None
        qid, options, profile = target
        answers = depends.get("answers") or []
        if not isinstance(answers, list) or not answers:
            self.problem((*loc, "answers"), "depends_on needs the list of answers it waits for")
            return None
        wanted = []
        for answer in answers:
            if answer not in options:
                self.problem(
                    (*loc, "answers"), f"{answer} is not a choice of {depends['question']}"
                )
                return None
            wanted.append(options[answer])
        key = "profile" if profile else "answer"
        condition = depends.get("condition", "any")
        if condition not in ("any", "all"):
            self.problem((*loc, "condition"), f"condition must be any or all, not {condition!r}")
            return None
        if condition == "all" and len(wanted) > 1:
            return {"all": [{key: qid, "equals": w} for w in wanted]}
        return {key: qid, "in": wanted}


def dump_yaml(data: Any) -> str:
    """Plain data as YAML with every value written out (this toolkit's loader refuses anchors)."""
    import yaml

    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class NoAliases(base):  # type: ignore[misc,valid-type]
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return str(yaml.dump(data, Dumper=NoAliases, sort_keys=False, allow_unicode=True, width=100))


def library_bytes(result: LibraryImport) -> bytes:
    """The questionnaire YAML, headed by where it came from and what was not carried."""
    head = [
        "# Imported by 'compliance library import' from the CISO Assistant library",
        f"# {result.source}.",
        "# Check the questions, scores and texts before you rely on it; the library's own licence",
        "# applies to its content.",
    ]
    if result.notes:
        head.append("# Not carried as such:")
        head += [f"#  - {note}" for note in result.notes]
    return ("\n".join(head) + "\n" + dump_yaml(result.data)).encode("utf-8")


def import_library(path: Path) -> tuple[LibraryImport, bytes]:
    """Converts a CISO Assistant framework library file into questionnaire YAML.

    What is written is checked by the questionnaire loader's own validation and cross-reference
    checks first (on the data the YAML is dumped from), so it is a valid questionnaire. Raises
    :class:`LoadError` listing every problem of the library.
    """
    from compliance.loader.checks import check_questionnaire
    from compliance.loader.validation import validate_document
    from compliance.model.questionnaire import Questionnaire
    from compliance.safeyaml import parse_yaml, read_bytes

    data = read_bytes(path, max_bytes=MAX_LIBRARY_BYTES, what="library")
    document = parse_yaml(data, str(path))
    result = _Converter(document).convert()
    name = f"{path} (as imported)"
    converted = Document(name, result.data)
    questionnaire = validate_document(converted, Questionnaire)
    problems = check_questionnaire(questionnaire, converted, name)
    if problems:
        raise LoadError(problems)
    result.controls = questionnaire.control_count
    result.questions = questionnaire.question_count + len(questionnaire.profile.questions)
    return result, library_bytes(result)
