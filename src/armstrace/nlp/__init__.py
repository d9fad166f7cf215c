"""The spaCy pipeline: the configured model plus armstrace's components."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelNotInstalled
from . import headline_case, line_breaks  # noqa: F401  (registers the components)
from .mentions import SPAN_KEY, MentionMatcher  # noqa: F401  (registers the factory)

__all__ = ["SPAN_KEY", "load_pipeline"]


@lru_cache(maxsize=2)
def load_pipeline(model: str) -> Language:
    """Load `model` once per process and add the mention matcher after its parser."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed (run `make install`, or pip install it and "
            f"pass --model / set ARMSTRACE_MODEL)"
        ) from exc
    _split_double_hyphens(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("armstrace_line_breaks_v1", before="parser")
    nlp.add_pipe("armstrace_mentions_v1", last=True)
    # Title Case lines are parsed in sentence case; the page's own words come back at the end.
    nlp.add_pipe("armstrace_headline_case_v1", first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("armstrace_headline_infinitive_v1", last=True)
    nlp.add_pipe("armstrace_headline_restore_v1", last=True)
    return nlp


def _split_double_hyphens(nlp: Language) -> None:
    """'(TBILISI)--Georgia's Defence Minister', 'the deal--worth $5bn--was': a double hyphen stands for a
    dash, so it splits words as a dash does (the default tokenizer keeps 'TBILISI)--Georgia' as one token)."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[A-Za-z0-9)\]])--(?=[A-Za-z0-9(\[])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
