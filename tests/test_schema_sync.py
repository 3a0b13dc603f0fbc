"""The committed JSON Schema matches the model."""

from __future__ import annotations

import json

from compliance.model.schema import SCHEMA_FILE, render
from tests.helpers import REPO


def test_the_committed_json_schema_is_up_to_date() -> None:
    committed = (REPO / "questionnaires" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == render(), (
        "questionnaires/questionnaire.schema.json is out of date; "
        "regenerate it with: python -m compliance.model.schema"
    )


def test_the_schema_forbids_unknown_fields_and_names_every_kind() -> None:
    schema = json.loads(render())
    assert schema["additionalProperties"] is False
    kinds = {
        definition["properties"]["kind"]["const"]
        for definition in schema["$defs"].values()
        if "kind" in definition.get("properties", {})
    }
    assert kinds == {
        "yes_no",
        "single_choice",
        "multi_choice",
        "scale",
        "number",
        "date",
        "text",
        "country",
    }
