"""Writes the JSON Schema of the questionnaire format, for editors that validate YAML.

Regenerate the committed copy with ``python -m compliance.model.schema``; a test fails when it
drifts from the model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from compliance.model.questionnaire import Questionnaire

__all__ = ["SCHEMA_FILE", "questionnaire_schema", "render"]

SCHEMA_FILE = "questionnaire.schema.json"


def questionnaire_schema() -> dict[str, Any]:
    """The JSON Schema of a questionnaire file, as validated (by alias)."""
    schema = Questionnaire.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "compliance.questionnaire/v1"
    return schema


def render() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(questionnaire_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    """Writes the schema into the bundled questionnaires folder."""
    from compliance.paths import questionnaires_dir

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else questionnaires_dir() / SCHEMA_FILE
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
