"""The JSON Schemas of ``compare --format json`` (document ``compare/1``) and of ``compare many``
(document ``compare-provenance/1``), shipped with the package.

>>> load_schema()["properties"]["schema"]["const"]
'compare/1'
>>> load_schema(PROVENANCE_SCHEMA_FILE)["properties"]["schema"]["const"]
'compare-provenance/1'
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

#: The schema file's name inside this package.
SCHEMA_FILE = "compare.schema.json"
#: The schema of ``compare many``'s JSON document.
PROVENANCE_SCHEMA_FILE = "provenance.schema.json"


def load_schema(name: str = SCHEMA_FILE) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) as a dict, read from the installed package."""
    data: dict[str, Any] = json.loads(files(__package__).joinpath(name).read_text(encoding="utf-8"))
    return data
