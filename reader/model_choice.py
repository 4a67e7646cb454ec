"""Which spaCy pipeline extracts entities: `--model`, `DATELINE_NER_MODEL` or config.toml's
`[entities] model`, settled once, by the commands that extract entities.

One rule for all three (QA 6): the first that is set wins (`--model`, then the environment,
then the config file); a name that is not installed is one warning that names where it came
from, what is installed and how to install it, and the pinned default is used, so a typo
never stops an add. Commands that extract no entities (search, show, entities, feeds …) never
read the setting, so a stale one cannot stop them either. Only when no English pipeline is
installed at all is there nothing to fall back to (`ModelError` from `settle_model`).

The choice reaches the ingestion process through the environment (`ner.MODEL_ENV`): a
spawned child inherits that and nothing else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from index.entities.ner import MODEL_ENV, ModelError, use_model


@dataclass(frozen=True)
class ModelChoice:
    #: The import name entities are extracted with.
    name: str
    #: At most one warning: the setting that named a missing pipeline, and what is used.
    warnings: tuple[str, ...] = ()


def settle_model(
    option: str | None,
    configured: str | None,
    *,
    required: bool = True,
    origin: str = "config.toml",
) -> ModelChoice:
    """Apply the model setting to this process (and those it spawns) and say what went wrong.

    `option` is `--model`, `configured` the `[entities] model` of the file `origin`. When not even
    the default is installed: ModelError if `required` (a command that extracts entities),
    else one more warning (the reader reads and searches without a model).
    """
    try:
        return _settle(option, configured, origin)
    except ModelError as exc:
        if required:
            raise
        return ModelChoice("", (str(exc),))


def _settle(option: str | None, configured: str | None, origin: str) -> ModelChoice:
    sources = (
        ("--model", option),
        (MODEL_ENV, os.environ.get(MODEL_ENV)),
        (f"{origin}: [entities] model", configured),
    )
    for source, value in sources:
        if value and value.strip():
            try:
                return ModelChoice(use_model(value))
            except ModelError as exc:
                default = use_model(None)  # clears the bad name for the child process too
                return ModelChoice(default, (f"{source}: {exc}; using the default, {default}",))
    return ModelChoice(use_model(None))
