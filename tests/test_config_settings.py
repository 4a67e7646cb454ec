"""config.toml's [reading] and [refresh] tables."""

from __future__ import annotations

from reader.config import DEFAULT_REFRESH_MINUTES, parse_config


def test_reading_and_refresh_settings() -> None:
    config = parse_config("[reading]\nread_on_open = false\n[refresh]\nevery_minutes = 5\n")
    assert config.read_on_open is False and config.refresh_minutes == 5 and not config.warnings
    off = parse_config("[refresh]\nevery_minutes = 0\n")
    assert off.refresh_minutes == 0 and not off.warnings


def test_defaults_and_bad_values_are_warnings() -> None:
    assert parse_config("").read_on_open is True
    assert parse_config("").refresh_minutes == DEFAULT_REFRESH_MINUTES
    bad = parse_config(
        '[reading]\nread_on_open = "yes"\n[refresh]\nevery_minutes = -3\n[keys]\nstar = "S"\n'
    )
    assert bad.read_on_open is True and bad.refresh_minutes == DEFAULT_REFRESH_MINUTES
    assert len(bad.warnings) == 2 and bad.keymap == {"star": "S"}
    assert parse_config("[refresh]\nevery_minutes = true\n").warnings
