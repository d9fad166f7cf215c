"""How many: numbers on the weapon or the event noun, with their bounds.

"eight" -> 8/8; "at least 1,160" -> 1160/None; "more than a thousand" ->
1000/None; "up to 1,000" -> None/1000; "hundreds", "dozens" -> None (vague).
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..nlp.mentions import SPAN_KEY, WEAPON
from ..records import Quantity
from ..rules import load_rules

# The number lexicon stays here: numbers, not cues (spaCy's like_num recognises number words but gives no value).
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000,
}
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_YEARLIKE = re.compile(r"(1[89]|20)\d\d")


def _number(tokens: list[Token]) -> int | None:
    """Value of a run of number tokens: '1,160', 'eight', 'a thousand', '1.5 million'."""
    value: float | None = None
    for tok in tokens:
        text = tok.lower_.replace(",", "")
        if re.fullmatch(r"\d+(\.\d+)?", text):
            value = float(text) if value is None else value + float(text)
        elif text in _SCALE:
            value = (value or 1) * _SCALE[text]
        elif text in _WORDS:
            value = _WORDS[text] if value is None else value + _WORDS[text]
        elif text in ("a", "an") and value is None:
            continue
        else:
            return None
    return int(value) if value is not None else None


def _is_money(num: Token) -> bool:
    near = [t.lower_ for t in num.subtree] + [t.lower_ for t in num.doc[num.i + 1:num.i + 3]]
    return any(load_rules().is_cue("currency", w) for w in near)


def _in_weapon_name(tok: Token) -> bool:
    return any(span.label_ == WEAPON and span.start <= tok.i < span.end for span in tok.doc.spans.get(SPAN_KEY, []))


def quantity_of(noun: Token) -> tuple[Quantity | None, str | None]:
    """The quantity a noun carries (nummod), and the rule id that read it."""
    rules = load_rules()
    nums = [c for c in noun.children if c.dep_ == "nummod" and c.i < noun.i]
    if not nums and noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and not any(
            c.dep_ in ("det", "amod") and rules.is_cue("count-determiner", c.lower_) for c in noun.children):
        # "more than 300 drones and missiles": the count covers the coordinated weapons too.
        return quantity_of(noun.head)
    if not nums:
        # "63 of 79 drones": the number heads "of" with the noun as pobj;
        # "more than 1,000 containers of munitions": the containers are counted.
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.like_num:
            nums = [noun.head.head]
        elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
                rules.is_cue("quantity-container", noun.head.head.lemma_.lower()):
            return quantity_of(noun.head.head)
        else:
            # The parser sometimes detaches the count: "used eight Iranian-made drones".
            left = min(t.i for t in noun.subtree)
            detached = noun.doc[left - 1] if left > noun.sent.start else None
            if detached is not None and detached.like_num and not _YEARLIKE.fullmatch(detached.text):
                nums = [detached]
            else:
                return None, None
    nums = [n for n in nums if not _in_weapon_name(n)]   # "Leopard 2 tanks", "Su-35": part of the name
    if not nums:
        return None, None
    num = nums[0]
    if _is_money(num):
        return None, None   # "a $1 billion package": money, not a count
    if _YEARLIKE.fullmatch(num.text) and noun.tag_ != "NNS":
        return None, None   # "the 2015 nuclear deal": a year; "2000 drones" is a count
    lead_words = {t.lower_ for t in num.doc[max(num.sent.start, num.i - 2):num.i]}
    if lead_words & rules.cue_words["vague-quantity"] or rules.is_cue("vague-quantity", num.lower_):
        return None, "quantity/vague"
    run = [t for t in num.subtree if t.i <= num.i and (t.like_num or t.lower_ in _SCALE or t.lower_ in ("a", "an"))]
    value = _number(run or [num])
    if value is None:
        return None, None
    upper = next((c for c in num.children if c.dep_ == "conj" and c.like_num), None)
    if upper is not None and (any(c.lower_ == "between" for c in num.children) or
                              num.doc[max(num.sent.start, num.i - 1)].lower_ in ("between", "from")):
        high = _number([t for t in upper.subtree if t.like_num or t.lower_ in _SCALE])
        if high is not None and high > value:
            return Quantity(min=value, max=high), "quantity/range"   # "between 90 and 100 soldiers"
    lead = " ".join(t.lower_ for t in num.subtree if t.i < num.i and not t.like_num)
    context = (_bound_words_before(num) + " " + lead).strip()
    if any(context.endswith(p) or f"{p} " in context + " " for p in rules.cue_words["at-least"]):
        return Quantity(min=value, max=None), "quantity/at-least"
    if any(context.endswith(p) or f"{p} " in context + " " for p in rules.cue_words["at-most"]):
        return Quantity(min=None, max=value), "quantity/at-most"
    return Quantity(min=value, max=value), "quantity/exact"


def _bound_words_before(num: Token) -> str:
    """The words just before a count that may bound it ("at least", "up to"), back to the last particle,
    conjunction, punctuation or noun: in "hand over eight jets and two radars" neither count is 'over'."""
    first = min(t.i for t in num.subtree)
    window = list(num.doc[max(num.sent.start, first - 4):first])
    cut = max((k for k, t in enumerate(window)
               if t.dep_ in ("prt", "cc") or t.pos_ in ("PUNCT", "NOUN", "PROPN", "CCONJ")), default=-1)
    return " ".join(t.lower_ for t in window[cut + 1:])


def quantity_of_count(num: Token) -> tuple[Quantity | None, str | None]:
    """A bare count standing for a weapon named before ("Norway has promised six")."""
    if _YEARLIKE.fullmatch(num.text) or _is_money(num):
        return None, None
    value = _number([t for t in num.subtree if t.like_num or t.lower_ in _SCALE] or [num])
    return (Quantity(min=value, max=value), "quantity/exact") if value is not None else (None, None)
