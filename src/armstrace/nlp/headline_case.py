"""Title Case lines are parsed in sentence case, and the Doc keeps the page's own words.

"Egypt to Buy More Rafale Fighter Jets": the sm model reads every capitalised
word as a proper noun, so a headline in Title Case comes out as one long
name with no verb. Headlines carry claims (GUIDELINES; the real pages' gold
annotates them), so before the model runs, `armstrace_headline_case_v1`
rewrites such a line in sentence case ("Egypt to buy more Rafale fighter
jets"), keeping the first word, acronyms, words with digits and gazetteer
names (states, groups, models) as written. Only letters change case, so
every token keeps its offsets. After the mention matcher,
`armstrace_headline_restore_v1` puts the page's own words back under the
same parse, so token texts, `doc.text` and evidence stay exact substrings of
the page. Headlines also write "and" as a comma between two names ("gets
warplanes, drones from Russia, Turkey"); such a comma is read as "and" the
same way. A Doc without such a line passes through untouched.
"""
from __future__ import annotations

from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from .mentions import CLASS, MentionMatcher

USER_KEY = "armstrace_title_case"   # doc.user_data: [[token index, word as written, space before], ...]
_MAX_LINE_TOKENS = 30
_MIN_CONTENT_WORDS = 2
_SHORT = 3   # "to", "of", "the", "for", "and": Title Case styles often leave short words in lower case
_COPIED = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE, ENT_KB_ID]


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the text's lines (tokens holding a newline end a line)."""
    out, start = [], 0
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            out.append((start, tok.i + 1))
            start = tok.i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def _words_of_line(doc: Doc, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if doc[i].is_alpha]


def sentence_case_indices(doc: Doc, start: int, end: int, named: set[int]) -> list[int]:
    """The tokens of a Title Case line to write in lower case; [] when the line is not Title Case.

    A line is Title Case when at least two of its longer words outside names
    and after the first word are capitalised and none is in lower case.
    """
    words = _words_of_line(doc, start, end)
    if not words or end - start > _MAX_LINE_TOKENS:
        return []
    content = [i for i in words[1:] if i not in named and len(doc[i].text) > _SHORT and not doc[i].is_upper]
    if len(content) < _MIN_CONTENT_WORDS or any(not doc[i].text.istitle() for i in content):
        return []
    return [i for i in words[1:] if i not in named and doc[i].text.istitle()]


class HeadlineCase:
    """Rewrites Title Case lines in sentence case before the model runs; see the module docstring."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def _named(self, doc: Doc) -> tuple[set[int], set[int]]:
        """Tokens inside gazetteer names other than class words ("Rafale", "Saudi Arabia", "Hezbollah"),
        and the first and last tokens of every name, class words included."""
        matcher = next((p for _, p in self.nlp.pipeline if isinstance(p, MentionMatcher)), None)
        if matcher is None:
            return set(), set()
        named: set[int] = set()
        edges: set[int] = set()
        for match_id, start, end in matcher.matcher(doc):
            if not doc.vocab.strings[match_id].startswith(CLASS + "|"):
                named.update(range(start, end))
            edges.update((start, end - 1))
        return named, edges

    def __call__(self, doc: Doc) -> Doc:
        found: tuple[set[int], set[int]] | None = None
        lower: list[int] = []
        commas: list[int] = []
        for start, end in _lines(doc):
            if end - start > _MAX_LINE_TOKENS:
                continue
            title = any(doc[i].is_title for i in range(start + 1, end))
            if not title and not any(doc[i].text == "," for i in range(start, end)):
                continue
            found = found or self._named(doc)
            lower += sentence_case_indices(doc, start, end, found[0]) if title else []
            commas += headline_commas(doc, start, end, found[1])
        if not lower and not commas:
            return doc
        words, spaces = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
        for i in lower:
            words[i] = words[i].lower()
        for i in commas:
            words[i], spaces[i - 1] = "and", True
        out = Doc(doc.vocab, words=words, spaces=spaces)
        out.user_data[USER_KEY] = [[i, doc[i].text, bool(doc[i - 1].whitespace_)] for i in sorted(lower + commas)]
        return _carry_over(doc, out)


def headline_commas(doc: Doc, start: int, end: int, edges: set[int]) -> list[int]:
    """'UAE says missiles, drones used in attack', 'junta gets warplanes, drones from Russia, Turkey':
    a headline writes "and" as a comma between two names; the parser reads the comma as a clause break.
    Only in a line without final punctuation and without an "and" of its own."""
    last = next((doc[i] for i in range(end - 1, start - 1, -1) if not doc[i].is_space), None)
    if last is None or last.text in (".", "!", "?", '"', "\u201d") or any(
            doc[i].lower_ in ("and", "&") for i in range(start, end)):
        return []
    return [i for i in range(start + 1, end - 1) if doc[i].text == "," and i - 1 in edges and i + 1 in edges
            and not _reported_by(doc, i + 1, end)]


def _reported_by(doc: Doc, i: int, end: int) -> bool:
    """'... bound for Houthis, CENTCOM says': the comma brings in who says so, not another party."""
    from ..rules import load_rules   # (the rules import the gazetteer loader; keep the import lazy)

    report = load_rules().cue_words.get("report", set())
    for tok in doc[i + 1:min(end, i + 4)]:
        word = tok.lower_
        if word in report or word[:-1] in report or word[:-2] in report:   # "says", "claims", "reported"
            return True
    return False


def _carry_over(doc: Doc, out: Doc, drop: str | None = None) -> Doc:
    """What travels with a Doc besides its tokens: user data and `nlp.pipe(as_tuples=True)` context."""
    out.user_data.update({k: v for k, v in doc.user_data.items() if k != drop})
    out._context = doc._context
    return out


def restore_words(doc: Doc) -> Doc:
    """The Doc with the page's own words back, under the parse, entities and spans of the rewritten one."""
    changed = doc.user_data.get(USER_KEY)
    if not changed:
        return doc
    words, spaces = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
    for i, word, space_before in changed:
        words[i] = word
        if i > 0:
            spaces[i - 1] = space_before
    out = Doc(doc.vocab, words=words, spaces=spaces)
    out.from_array(_COPIED, doc.to_array(_COPIED))  # type: ignore[arg-type]
    for key, group in doc.spans.items():
        out.spans[key] = [Span(out, s.start, s.end, label=s.label_, kb_id=s.kb_id_) for s in group]
    return _carry_over(doc, out, drop=USER_KEY)


def headline_infinitive(doc: Doc) -> Doc:
    """'Chile to acquire tanks from Germany': a headline's 'X to <verb>' is 'X will <verb>'.

    The parser makes the noun the root and the verb a clause on it ("Chile" ROOT, "acquire" acl),
    so the verb finds no subject. In a sentence whose root is a noun and that has no finite verb,
    the infinitive becomes the root and the noun its subject.
    """
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("PROPN", "NOUN") or any(t.pos_ in ("VERB", "AUX") and t.tag_ in (
                "VBD", "VBZ", "VBP", "MD") for t in sent):
            continue
        verb = next((c for c in root.rights if c.dep_ == "acl" and c.pos_ == "VERB" and c.tag_ == "VB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == c.i - 1 for a in c.children)), None)
        if verb is None:
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
    return doc


@Language.factory("armstrace_headline_case_v1")
def make_headline_case(nlp: Language, name: str) -> HeadlineCase:
    """spaCy factory: Title Case lines in sentence case, before the model's own components."""
    return HeadlineCase(nlp)


@Language.component("armstrace_headline_infinitive_v1")
def headline_infinitive_component(doc: Doc) -> Doc:
    """spaCy component: 'X to <verb>' headlines take X as the verb's subject."""
    return headline_infinitive(doc)


@Language.component("armstrace_headline_restore_v1")
def headline_restore(doc: Doc) -> Doc:
    """spaCy component: the page's own words back, last in the pipeline."""
    return restore_words(doc)
