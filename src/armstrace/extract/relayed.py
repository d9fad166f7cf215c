"""Reports the author only relays: hedged, because no government stands behind them.

GUIDELINES (media and sources): "the Times reported", "local media said",
"according to reports" are the author's, with the outlet as speaker, and
hedged when the text only relays them; NGOs, monitors and analysts stating
in their own name assert. A headline tagged with its source ("...: report")
relays too.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..rules import Rules
from .document import Speaker


def relayed_report(rules: Rules, verb: Token, speaker: Speaker, subj: Token | None) -> bool:
    """'The Times reported that ...', 'local media reported': an outlet's report that the text only relays
    is hedged (GUIDELINES, media and sources); a person or body stating in its own name is not."""
    if speaker.claimants != ["author"] or not rules.is_cue("relay-verb", verb.lemma_.lower()):
        return False
    return subj is not None and _relays(rules, subj)


def _relays(rules: Rules, source: Token) -> bool:
    """An outlet or report that the text only relays, not a monitor, NGO or person speaking in its own name."""
    if rules.is_cue("author-speaker", source.lemma_.lower()) and not rules.is_cue("outlet-noun", source.lemma_.lower()):
        return False   # "the monitoring group reported": a monitor or NGO asserts in its own name
    return source.ent_type_ != "PERSON" and source.pos_ != "PRON"


def relayed_source(rules: Rules, sent: Span, speaker: Speaker) -> bool:
    """'according to a CNN investigation', '... made by a US firm: report': a report the author relays
    with no government behind it is hedged (GUIDELINES, media and sources)."""
    if speaker.claimants != ["author"]:
        return False
    words = [t for t in sent if not t.is_punct or t.text == ":"]
    if len(words) >= 2 and words[-2].text == ":" and rules.is_cue("relay-verb", words[-1].lemma_.lower()):
        return True   # a headline tagged with its source: "...: report"
    return any(t.lower_ == "according" and t.i + 1 < sent.end and t.nbor().lower_ == "to" and
               any(_media_source(rules, p) for p in t.nbor().children if p.dep_ == "pobj") for t in sent)


def _media_source(rules: Rules, source: Token) -> bool:
    """'according to reports', 'according to the newspaper', 'according to a CNN investigation': media
    or hearsay; officials, announcements and named bodies are not (they speak for themselves)."""
    lemma = source.lemma_.lower()
    if rules.is_cue("outlet-noun", lemma) or rules.is_cue("hearsay-noun", lemma):
        return True
    return rules.is_cue("finding-noun", lemma) and any(
        c.dep_ in ("compound", "poss") and c.ent_type_ == "ORG" for c in source.children)
