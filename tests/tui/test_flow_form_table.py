"""The flow form's field table: every row names a real place in the flow and a catalogue label,
no widget id twice, and every field of the model is either on the form or left out on purpose."""

from __future__ import annotations

from typing import Any, get_args, get_origin

from pydantic import BaseModel

from compliance.loader import load_questionnaire
from compliance.model.assessment import Flow
from compliance.tui.dialogs.flow_form import (
    FIELDS,
    Caption,
    FormField,
    basis_choices,
    mechanism_choices,
)
from compliance.tui.strings import STRINGS
from tests.helpers import REPO

EXAMPLE = REPO / "questionnaires" / "example" / "questionnaire.yaml"

NOT_ON_THE_FORM = {
    "description",
    "regime",
    "storage_locations",
    "access_locations",
    "mode",
    "origin",  # follows the exporter's country (followed_place)
    "destination",  # follows the importer's country
    "exporter.dpf_certified",  # adequacy conditions matter for the importer only
    "exporter.commercial_org",
    # the older form of cndp.transfer (the F118 record): read from older files, never written
    "cndp.transfer_declaration",
    "cndp.transfer_authorisation.status",
    "cndp.transfer_authorisation.date",
    "cndp.transfer_authorisation.reference",
    # the structured TIA (EDPB steps 3 to 6 and the estimate): edited in the TIA screen (t)
    "tia.country",
    "tia.law.basis",
    "tia.law.applies",
    "tia.law.justification",
    "tia.law.eeg.clear_rules",
    "tia.law.eeg.necessity",
    "tia.law.eeg.oversight",
    "tia.law.eeg.remedies",
    "tia.use_case",
    "tia.supplementary.kind",
    "tia.supplementary.description",
    "tia.supplementary.neutralises",
    "tia.procedural.step",
    "tia.procedural.done",
    "tia.review_by",
    "tia.triggers",
    "tia.quantitative.period_years",
    "tia.quantitative.tolerance",
    "tia.quantitative.bases.basis",
    "tia.quantitative.bases.p_target",
    "tia.quantitative.bases.p_compel",
    "tia.quantitative.bases.p_readable",
    "tia.quantitative.bases.p_challenge_fails",
    "tia.quantitative.bases.justification.p_target",
    "tia.quantitative.bases.justification.p_compel",
    "tia.quantitative.bases.justification.p_readable",
    "tia.quantitative.bases.justification.p_challenge_fails",
}
"""Fields of a flow the form keeps as stored and does not show."""

FIELDS_ONLY = [item for item in FIELDS if isinstance(item, FormField)]


def _model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) is not None:
        models = [m for m in map(_model, get_args(annotation)) if m is not None]
        return models[0] if len(models) == 1 else None
    return None


def _leaves(model: type[BaseModel], prefix: str = "") -> set[str]:
    """The dotted paths of a model's fields, nested records opened."""
    found: set[str] = set()
    for name, info in model.model_fields.items():
        inner = _model(info.annotation)
        if inner is not None:
            found |= _leaves(inner, f"{prefix}{name}.")
        else:
            found.add(f"{prefix}{name}")
    return found


def test_every_field_of_a_flow_is_on_the_form_or_left_out_on_purpose() -> None:
    on_form = {field.path for field in FIELDS_ONLY}
    leaves = _leaves(Flow)
    assert on_form <= leaves, f"not in the model: {sorted(on_form - leaves)}"
    missing = leaves - on_form - NOT_ON_THE_FORM
    assert not missing, f"neither on the form nor left out on purpose: {sorted(missing)}"
    assert not on_form & NOT_ON_THE_FORM


def test_each_widget_id_and_each_path_is_written_once() -> None:
    ids = [field.id for field in FIELDS_ONLY] + [c.id for c in FIELDS if isinstance(c, Caption)]
    ids = [i for i in ids if i is not None]
    assert len(ids) == len(set(ids))
    paths = [field.path for field in FIELDS_ONLY]
    assert len(paths) == len(set(paths))


def test_every_label_hint_and_caption_is_in_the_catalogue() -> None:
    keys = {item.key for item in FIELDS if isinstance(item, Caption)}
    keys |= {field.label for field in FIELDS_ONLY}
    keys |= {field.hint for field in FIELDS_ONLY if field.hint is not None}
    assert not keys - STRINGS.keys(), sorted(keys - STRINGS.keys())


def test_choices_and_ticks_have_options_and_only_they_do() -> None:
    for field in FIELDS_ONLY:
        assert (field.options is not None) == (field.kind in ("choice", "ticks")), field.path


def test_a_conditional_field_names_a_party_with_a_country() -> None:
    paths = {field.path for field in FIELDS_ONLY}
    for field in FIELDS_ONLY:
        if field.only_if is not None:
            assert f"{field.party}.country" in paths


def test_tools_and_bases_without_a_title_are_named_from_the_catalogue() -> None:
    questionnaire = load_questionnaire(EXAMPLE, use_cache=False)
    for lang, index in (("en", 0), ("fr", 1)):
        tools = dict(mechanism_choices(questionnaire, lang))
        assert tools["adequacy"] == STRINGS["fl.plain.adequacy"][index]
        assert tools["bcr"] == STRINGS["fl.plain.bcr"][index]
        assert tools["none"] == STRINGS["fl.plain.none"][index]
        bases = dict(basis_choices(questionnaire, lang))
        assert bases["listed_country"] == STRINGS["fl.plain.listed_country"][index]
