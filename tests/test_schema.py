"""The shipped JSON Schema: valid itself, true to the records, and met by the JSON output."""

from __future__ import annotations

import copy
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest
from click.testing import CliRunner

from compare.cli import main
from compare.models import CHANGE_KINDS, ROLES, VERDICTS, FactKind
from compare.render.jsondoc import render_json
from compare.schema import load_schema
from tests.conftest import TEST_FIXTURES
from tests.report_data import storm, use_fake_model, with_findings, xss


def strict(schema: Any) -> Any:
    """The schema with no unlisted keys allowed, so the tests catch a key the schema lacks.

    The shipped schema allows extra keys (later versions add keys); tests must not.
    """
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(strict(schema), format_checker=jsonschema.FormatChecker())


def test_enums_match_the_records() -> None:
    defs = load_schema()["$defs"]
    assert tuple(defs["alignment"]["properties"]["verdict"]["enum"]) == VERDICTS
    assert tuple(defs["change"]["properties"]["kind"]["enum"]) == CHANGE_KINDS
    assert tuple(defs["sentence"]["properties"]["role"]["enum"]) == ROLES
    assert tuple(defs["fact"]["properties"]["kind"]["enum"]) == get_args(FactKind)


@pytest.mark.parametrize("make", [storm, xss, lambda: with_findings(storm())])
def test_json_output_validates(validator: jsonschema.Draft202012Validator, make) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(render_json(make()))
    validator.validate(doc)


def fact_json(fact: Any) -> dict[str, Any] | None:
    return None if fact is None else {**asdict(fact), "detail": [list(p) for p in fact.detail]}


def test_optional_facts_and_changes_validate(validator: jsonschema.Draft202012Validator) -> None:
    """The keys the facts stage adds: ``facts`` per sentence and ``changes``, typed after the records."""
    c = with_findings(storm())
    doc = json.loads(render_json(c))
    facts = [f for ch in c.changes for f in (ch.before, ch.after) if f is not None]
    for art in doc["articles"]:
        for s in art["sentences"]:
            s["facts"] = [fact_json(f) for f in facts if f.sentence == s["id"]]
    doc["changes"] = [{**asdict(ch), "before": fact_json(ch.before), "after": fact_json(ch.after)} for ch in c.changes]
    validator.validate(doc)
    # A fact's detail may also be written as an object of strings.
    doc["changes"][0]["before"]["detail"] = {"cue": "said", "speaker": "the regional council"}
    validator.validate(doc)


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.update(schema="compare/2"),
        lambda d: d["alignments"][0].update(verdict="moved"),
        lambda d: d["alignments"][0]["opcodes"].append(["swap", 0, 1, 0, 1]),
        lambda d: d["articles"][0]["sentences"][0].update(role="sidebar"),
        lambda d: d["articles"][0]["sentences"][0].update(start=-1),
        lambda d: d["summary"].pop("carried"),
        lambda d: d.update(changes=[{"kind": "fact_moved", "a_sentence": "A1", "b_sentence": None}]),
        lambda d: d["articles"][0].update(published="yesterday"),
        lambda d: d["alignments"][0]["tokens"]["a"].append(["word", 0]),
    ],
)
def test_broken_documents_are_rejected(validator: jsonschema.Draft202012Validator, breakage) -> None:  # type: ignore[no-untyped-def]
    doc = copy.deepcopy(json.loads(render_json(storm())))
    breakage(doc)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(doc)


def test_schema_ships_as_package_data() -> None:
    from importlib.resources import files

    assert files("compare.schema").joinpath("compare.schema.json").is_file()
    assert load_schema()["properties"]["schema"]["const"] == "compare/1"


def test_the_cli_json_validates(
    validator: jsonschema.Draft202012Validator, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Whatever stages the CLI runs (the facts stage included), its JSON meets the schema."""
    use_fake_model(monkeypatch)
    target = tmp_path / "r.json"
    args = [str(TEST_FIXTURES / "original.txt"), str(TEST_FIXTURES / "rewrite.txt"), "-f", "json", "-o", str(target)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    validator.validate(json.loads(target.read_text(encoding="utf-8")))
