"""The JSON Schema of ``compare --format json`` (document ``compare/1``), shipped with the package.

>>> load_schema()["properties"]["schema"]["const"]
'compare/1'
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

#: The schema file's name inside this package.
SCHEMA_FILE = "compare.schema.json"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) as a dict, read from the installed package."""
    data: dict[str, Any] = json.loads(files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))
    return data
