from __future__ import annotations

from pathlib import Path

import pytest

from compare.config import Config
from compare.errors import ConfigError


def test_a_toml_file_sets_fields_from_its_compare_table_or_its_top_level(tmp_path: Path) -> None:
    table, top = tmp_path / "table.toml", tmp_path / "top.toml"
    table.write_text("[compare]\nlink_threshold = 0.55\njoin_reach = 1\n")
    top.write_text("link_threshold = 0.6\n")
    assert (Config.from_toml(table).link_threshold, Config.from_toml(table).join_reach) == (0.55, 1)
    assert Config.from_toml(top).link_threshold == 0.6


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"link_treshold": 0.4}, "unknown config key 'link_treshold'"),
        ({"link_threshold": "high"}, "'link_threshold' must be float"),
        ({"link_threshold": 7}, "'link_threshold' must be between 0 and 1, not 7"),
        ({"support_cosine": -0.3}, "'support_cosine' must be between 0 and 1"),
        ({"join_reach": 0}, "'join_reach' must be between 1 and 10"),
    ],
)
def test_unknown_keys_wrong_types_and_values_out_of_range_are_errors(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Config().updated(**changes)


def test_the_verdict_weights_take_any_number() -> None:
    assert Config().updated(verdict_bias=-12.5).verdict_bias == -12.5
