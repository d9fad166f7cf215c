"""Who a speaker phrase stands for: a state, a body, a person's state, or the author.

Split from attribution.py (which finds *which* phrase speaks) so that each
stays readable: this module turns the phrase into claimants through the
gazetteers (people, organs, demonyms), pronouns, surnames and role nouns
that point back ("the ministry added", "Izoria said", "he said").
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ..gazetteer import load_gazetteers
from ..nlp.mentions import PERSON
from ..rules import Rules, load_rules
from .described import POINT_BACK_CHARS, described_state, report_author
from .document import DocContext, Speaker
from .clauses import partitive_relative
from .phrases import actors_in_phrase

_SUBJ = ("nsubj", "nsubjpass")
# "The ministry added": only as far back as a reader would look (about three sentences).
_POINT_BACK_CHARS = POINT_BACK_CHARS


def _speaker_phrase(head: Token) -> str:
    """The speaker as written: the subject phrase, without trailing clauses, at most 12 words."""
    cut = {c.i for t in head.subtree if t.i != head.i and t.dep_ in ("relcl", "acl", "advcl") for c in t.subtree}
    toks = [t for t in head.subtree if (t.dep_ != "punct" and t.i not in cut) or t.i == head.i]
    left = min(t.i for t in toks)
    right = max(t.i for t in toks)
    span = head.doc[left:right + 1]
    if len(span) > 12:
        span = head.doc[max(left, head.i - 6):min(right, head.i + 6) + 1]
    return span.text.strip(" ,")


def resolve_speaker(ctx: DocContext, rules: Rules, head: Token) -> Speaker:
    """Turn a speaker phrase into claimants: a state or body, or the author."""
    if rules.is_cue("relative-pronoun", head.lower_) and head.head.dep_ == "relcl" and head.head.head.i != head.i:
        # "the deputy minister of Armenia, who said ...": the relative pronoun is the noun it hangs on.
        head = head.head.head
    head = partitive_relative(head) or head   # "the US and France, all of whom have said ..."
    text = _speaker_phrase(head)
    back = _pronoun_or_name(ctx, head, text)
    if back is not None:
        return back
    # A subject is the first of its conjuncts; one hung as a later conjunct by a misparse ("... against
    # rebel forces, Human Rights Watch said") names only itself.
    refs = actors_in_phrase(ctx, head, follow_conj=head.dep_ != "conj")
    refs = [r for r in refs if not _against_the_state(rules, r.span)]
    official = head.ent_type_ == "PERSON" and any(rules.is_cue("official-title", t.lemma_.lower()) for t in head.subtree)
    if refs and head.pos_ == "PROPN" and ctx.mention(head) is None and not official \
            and all(r.label == "DEMONYM" for r in refs) and not rules.is_cue("state-organ", head.lemma_.lower()):
        # "the British Guardian", "Austrian expert X": a nationality does not make one the state's voice;
        # "Danish Prime Minister Mette Frederiksen" does, and so does a state organ ("the Swiss State
        # Secretariat for Economic Affairs").
        refs = []
    if refs and _independent_voice(rules, head) and all(
            r.label == "DEMONYM" or (r.span.end <= head.i and r.span.root.dep_ in ("amod", "compound")) for r in refs):
        refs = []   # "Iranian analysts", "a Russian newspaper", "the Belarusian monitoring group Hajun"
    # Appositions name the same person: "Robert Wood, a US ambassador"; so does "known as":
    # "the monitors, known as the Panel of Experts".
    if not refs:
        for child in head.children:
            if child.dep_ == "appos":
                refs = actors_in_phrase(ctx, child)
                break
            if child.dep_ == "acl" and rules.is_cue("naming-verb", child.lemma_.lower()):
                refs = [r for p in child.children if p.dep_ == "prep" and p.lower_ == "as"
                        for o in p.children if o.dep_ == "pobj" for r in actors_in_phrase(ctx, o)]
                if refs:
                    break
    if refs and all(r.span.kb_id_ in _firm_ids() and r.span.root.i == head.i for r in refs):
        # "Rheinmetall said it delivered ...": a firm is its state as a party, but its own statements are
        # the author's to relay, with the firm as speaker (GUIDELINES, real DECISIONS). Its officers named as
        # people ("the company's chief executive, X, said") are left to the gazetteer.
        return Speaker(["author"], text, rules=["attribution/firm-speaker"], gazetteer_ids=[r.span.kb_id_ for r in refs])
    if refs:
        speaker = Speaker([r.actor for r in refs], text, rules=["attribution/gazetteer"],
                          gazetteer_ids=[r.span.kb_id_ for r in refs])
        if _stateless_modifier(ctx, head):
            # "Western and South Korean officials": the Western ones name no state, so the author relays them
            speaker.claimants, speaker.rules = [*speaker.claimants, "author"], [*speaker.rules, "attribution/stateless-part"]
        if any(r.label == PERSON for r in refs) or head.ent_type_ == "PERSON":
            ctx.last_person = speaker
        ctx.last_speaker, ctx.last_speaker_at = speaker, head.idx
        _remember_name(ctx, head, speaker)
        return speaker
    described = report_author(ctx, rules, head, text, resolve_speaker) or described_state(ctx, rules, head, text)
    if described is not None:
        return described
    if rules.is_cue("statement-noun", head.lemma_.lower()) and any(c.lower_ == "the" for c in head.children) \
            and not any(c.pos_ == "PROPN" and c.ent_type_ != "DATE" for c in head.children) and ctx.last_speaker is not None:
        # "the statement said", "the February 13 statement said": a statement stays its issuer's for the
        # whole article, however far back the issuer was named.
        back = ctx.last_speaker
        return Speaker(back.claimants, text, rules=["attribution/statement-back"], gazetteer_ids=back.gazetteer_ids)
    titled = _titled_back(ctx, head)
    if titled is not None:
        return titled
    # "The ministry added", "the official said": a definite role noun points back to the last
    # state or body that spoke.
    if rules.is_cue("role-noun", head.lemma_.lower()) and any(c.lower_ == "the" for c in head.children) \
            and not any(c.pos_ == "PROPN" for c in head.children) \
            and ctx.last_speaker is not None and head.idx - ctx.last_speaker_at < _POINT_BACK_CHARS:
        back = ctx.last_speaker
        return Speaker(back.claimants, text, rules=["attribution/role-noun-back"], gazetteer_ids=back.gazetteer_ids)
    speaker = Speaker(["author"], text, rules=["attribution/non-state-speaker"])
    if head.ent_type_ == "PERSON":
        ctx.last_person = speaker
    return speaker


def _independent_voice(rules: Rules, head: Token) -> bool:
    """Analysts, newspapers, monitors and the like speak for themselves whatever their nationality
    (GUIDELINES), unless marked as the state's ('state media', 'an official newspaper')."""
    if not rules.is_cue("author-speaker", head.lemma_.lower()) and not rules.is_cue("author-speaker", head.lower_):
        return False
    return not any(rules.is_cue("state-marker", t.lower_) for t in head.subtree if t.i < head.i)


def _stateless_modifier(ctx: DocContext, head: Token) -> bool:
    """A nationality-like modifier that names no state, coordinated with one that does ('Western and
    Israeli officials')."""
    for mod in head.children:
        if mod.dep_ != "amod" or not mod.conjuncts:
            continue
        group = [mod, *mod.conjuncts]
        named = [m for m in group if (span := ctx.mention(m)) is not None and ctx.actor_of(span)]
        if named and any(m not in named and m.text[:1].isupper() and m.pos_ in ("ADJ", "PROPN") for m in group):
            return True
    return False


def _remember_name(ctx: DocContext, head: Token, speaker: Speaker) -> None:
    """Register the speaker's surname (and any apposed name) for later 'Wood said'."""
    names = [head] + [c for c in head.children if c.dep_ == "appos"]
    for tok in names:
        if tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON":
            ctx.people[tok.text] = speaker
        span = ctx.mention(tok)
        if span is not None and span.label_ == PERSON:
            ctx.people[span[-1].text] = speaker
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ != "B":
            # "Shin Won-sik ... Shin said": the family name may come first.
            first = next((e for e in ctx.ents_of(tok.sent) if e.start <= tok.i < e.end), None)
            if first is not None and len(first) > 1 and first[0].text not in ctx.people:
                ctx.people[first[0].text] = speaker




@lru_cache(maxsize=1)
def _firm_ids() -> frozenset[str]:
    """Gazetteer ids of firms (organs of kind 'company'): they speak as themselves, not as their state."""
    return frozenset(o.id for o in load_gazetteers().organs if o.kind == "company")


@lru_cache(maxsize=1)
def _surnames() -> dict[str, object]:
    """Surname -> gazetteer person, for surnames that name one person only ("Hollande said")."""
    seen: dict[str, list] = {}
    for person in load_gazetteers().people:
        for name in {person.name, *person.aliases}:
            last = name.split()[-1]
            if len(last) >= 4 and person not in seen.setdefault(last, []):
                seen[last].append(person)
    return {last: found[0] for last, found in seen.items() if len(found) == 1}


def _known_surname(head: Token):  # type: ignore[no-untyped-def]
    """A bare surname that only one leader in the gazetteer bears: the leader, though the text never
    gave the full name ("Hollande said" in an article that calls him "the French president")."""
    if any(c.dep_ in ("compound", "amod", "det", "poss") for c in head.children) or not head.text[:1].isupper():
        return None
    return _surnames().get(head.text)


def _titled_back(ctx: DocContext, head: Token) -> Speaker | None:
    """'The minister stated ...' after 'Georgia's Defence Minister X said': a definite title points back
    to the last person named with that title (as written, or as the gazetteer gives the role)."""
    title = head.lemma_.lower()
    back = ctx.last_person
    if not load_rules().is_cue("official-title", title) or back is None or back.claimants == ["author"] or \
            not any(c.lower_ == "the" for c in head.children) or \
            any(c.pos_ == "PROPN" or c.dep_ in ("amod", "compound") for c in head.children):
        return None
    roles = [p.role.lower() for p in load_gazetteers().people if p.id in back.gazetteer_ids]
    if title not in (back.text or "").lower().split() and not any(title in r.split() for r in roles):
        return None
    return Speaker(back.claimants, _speaker_phrase(head), rules=["attribution/title-back"], gazetteer_ids=back.gazetteer_ids)


def _against_the_state(rules: Rules, span) -> bool:  # type: ignore[no-untyped-def]
    """'Syrian rebel sources', 'Iranian opposition activists': a nationality before people who stand
    against or outside its state does not make them the state's voice."""
    if span.label_ != "DEMONYM" or span.end >= len(span.doc):
        return False
    nxt = span.doc[span.end]
    return rules.is_cue("non-state-people", nxt.lower_) or rules.is_cue("non-state-people", nxt.lemma_.lower())


def _subject_state(ctx: DocContext, trigger: Token) -> tuple[str, Span] | None:
    """The state that is the subject of the clause stating the event ("Greece has received jets ..."),
    if a state (a firm is its state only as a party, not as a voice)."""
    clause = trigger
    while not any(c.dep_ in _SUBJ for c in clause.children) and clause.dep_ not in ("ROOT", "ccomp", "parataxis") \
            and clause.head.i != clause.i:
        clause = clause.head
    subj = next((c for c in clause.children if c.dep_ in _SUBJ), None)
    span = ctx.mention(subj) if subj is not None else None
    if span is None and subj is not None and subj.pos_ == "NOUN":
        # "Algeria's air force fired ...": the owner of an unlisted force or organ
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        span = ctx.mention(owner) if owner is not None else None
    actor = ctx.actor_of(span) if span is not None else None
    if span is None or not actor or not (len(actor) == 3 and actor.isupper()) or span.kb_id_ in _firm_ids():
        return None
    return actor, span


def _organ_states(ctx: DocContext, trigger: Token, agent_actors: list[str]) -> list[str]:
    """Whose organ 'the government said' is: the subject state of the clause it reports ("Greece has
    received jets from France, the government said" is Greece's), else the acting states."""
    found = _subject_state(ctx, trigger)
    if found is not None:
        return [found[0]]
    return [a for a in dict.fromkeys(agent_actors) if len(a) == 3 and a.isupper()]


def _official_of_subject(ctx: DocContext, trigger: Token, speaker: Speaker) -> Speaker | None:
    """'Serbia has received jets from Belarus, Defence Minister X said': an official whose state the
    text does not name speaks for the state that is the subject of what he reports (officials report
    their own state's doings), as "the government said" does for the acting state."""
    words = [w.strip(",.").lower() for w in (speaker.text or "").split()]
    rules = load_rules()
    if not any(rules.is_cue("official-title", w) for w in words) or any(rules.is_cue("not-in-office", w) for w in words) or \
            any(rules_non_state(w) for w in words):
        return None   # (a former minister, a rebel commander: nobody's official)
    found = _subject_state(ctx, trigger)
    rule = "attribution/official-of-subject"
    if found is None:
        # "South Africa's defence ministry said ... . Spokesman X said the ministry had not sold ...": an
        # untied official after a state's statement is that state's (as "the spokesman said" would be).
        back = ctx.last_speaker
        if back is None or len(back.claimants) != 1 or not _is_state_id(back.claimants[0]) or \
                trigger.idx - ctx.last_speaker_at > _POINT_BACK_CHARS:
            return None
        actor, kb_id, rule = back.claimants[0], (back.gazetteer_ids or [""])[0], "attribution/official-back"
    else:
        actor, kb_id = found[0], found[1].kb_id_
    own = Speaker([actor], speaker.text, speaker.deny, speaker.hedge, [*speaker.rules, rule], [kb_id])
    name = (speaker.text or "").split()[-1].strip(",.")
    if name[:1].isupper() and not rules.is_cue("official-title", name.lower()) and (
            name not in ctx.people or ctx.people[name].claimants == ["author"]):
        # "... , Defence Minister X Y said. ... Y added": the surname keeps the state from now on.
        ctx.people[name] = Speaker([actor], speaker.text, rules=[rule], gazetteer_ids=[kb_id])
        ctx.last_person = ctx.people[name]
    return own


def _is_state_id(actor: str) -> bool:
    return len(actor) == 3 and actor.isupper()


def rules_non_state(word: str) -> bool:
    """'rebel commander', 'opposition leader': people who do not speak for the state."""
    return load_rules().is_cue("non-state-people", word)


def _misparsed_trailing_subject(verb: Token) -> Token | None:
    """'The coalition used cluster munitions against rebels, Human Rights Watch has revealed': with no 'and'
    before it, a reporting verb that closes the sentence after a comma has the noun just before it as
    subject, though the parser hung that noun elsewhere and made the verb a second verb of the first."""
    if any(c.dep_ == "cc" for c in verb.head.children if c.i < verb.i) or \
            any(c.dep_ in ("ccomp", "xcomp", "advcl", "conj") for c in verb.children):
        return None   # the reporting verb must close the sentence, its content before it
    i = verb.i - 1
    while i > verb.sent.start and verb.doc[i].dep_ in ("aux", "neg", "advmod"):
        i -= 1
    if verb.doc[i].text in (")", ","):
        i -= 1   # "Human Rights Watch (HRW) said", "the chief executive, X Y, said"
        while i > verb.sent.start and verb.doc[i].text not in ("(", ","):
            i -= 1
        i -= 1
    if i < verb.sent.start:
        return None
    tok = verb.doc[i]
    if tok.pos_ not in ("PROPN", "NOUN") or not any(t.text == "," for t in verb.doc[verb.sent.start:tok.i]):
        return None
    while tok.head.i != tok.i and tok.dep_ in ("compound", "flat") and tok.head.i < verb.i:
        tok = tok.head
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head   # "Kenya's ambassador to Turkey, John Mwangi, said": the ambassador speaks
    return tok


def _citation(ctx: DocContext, rules: Rules, verb: Token) -> Speaker | None:
    """'CNN reported, citing US officials': the cited government is the claimant."""
    for tok in verb.sent:
        if tok.lemma_ == "cite" or tok.lower_ == "citing":
            for child in tok.children:
                if child.dep_ in ("dobj", "pobj"):
                    cited = actors_in_phrase(ctx, child)
                    if cited:
                        return Speaker([r.actor for r in cited], None, rules=["attribution/citing"],
                                       gazetteer_ids=[r.span.kb_id_ for r in cited])
    return None


def according_to(ctx: DocContext, rules: Rules, sent: Span, relay: bool = True) -> Speaker | None:
    """'according to X' anywhere in the sentence; "according to Le Monde, which cited French
    intelligence" is the cited state's claim."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            for child in tok.nbor().children:
                if child.dep_ == "pobj":
                    speaker = resolve_speaker(ctx, rules, child)
                    if speaker.claimants == ["author"] and relay:
                        cited = _citation(ctx, rules, child)
                        if cited is not None:
                            cited.text = speaker.text
                            speaker = cited
                    speaker.rules = [*speaker.rules, "attribution/according-to"]
                    return speaker
    return None


def _pronoun_or_name(ctx: DocContext, head: Token, text: str) -> Speaker | None:
    """Speakers that point back: pronouns ("we", "they", "he", "it"), "its spokesman", and surnames
    met before or known from the gazetteer ("Wood said", "Hollande said")."""
    if load_rules().is_cue("first-person-plural", head.lower_) and ctx.last_person is not None:
        return Speaker(ctx.last_person.claimants, ctx.last_person.text, rules=["attribution/first-person"])
    if head.lower_ == "they" and ctx.last_speaker is not None and head.idx - ctx.last_speaker_at < _POINT_BACK_CHARS \
            and (ctx.last_person is None or ctx.last_speaker.claimants != ctx.last_person.claimants):
        # "US officials said ... . They also said ...": the officials, not the last person named.
        back = ctx.last_speaker
        return Speaker(back.claimants, back.text, rules=["attribution/pronoun-speaker"], gazetteer_ids=back.gazetteer_ids)
    if load_rules().is_cue("third-person", head.lower_) and ctx.last_person is not None:
        return Speaker(ctx.last_person.claimants, ctx.last_person.text, rules=["attribution/pronoun"])
    if head.lower_ == "it":
        # "The Treasury designated firms that it said sold engines": the subject of a clause above.
        for anc in head.ancestors:
            subj = next((c for c in anc.children if c.dep_ == "nsubj" and c.i != head.i and c.lower_ != "it"), None)
            refs = actors_in_phrase(ctx, subj) if subj is not None else []
            if refs:
                return Speaker([r.actor for r in refs], text, rules=["attribution/it-subject"],
                               gazetteer_ids=[r.span.kb_id_ for r in refs])
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    head_span = ctx.mention(head)
    if owner is not None and (head_span is None or ctx.actor_of(head_span) is None or head_span.start > owner.i):
        # "Its spokesman, Nasser Kanaani": the state or body named just before speaks; "its Defense
        # Department" is the owner's, whatever state the bare organ name would default to. A subject
        # is the likelier owner than a noun nearer by ("The Philippines signed a deal with India. Its ...").
        for subjects_only in (True, False):
            for i in range(owner.i - 1, max(-1, owner.i - 80), -1):
                span = ctx.mention(ctx.doc[i])
                actor = ctx.actor_of(span) if span is not None else None
                if span is not None and actor and (not subjects_only or span.root.dep_ in _SUBJ):
                    return Speaker([actor], text, rules=["attribution/possessive-owner"], gazetteer_ids=[span.kb_id_])
    if head.pos_ == "PROPN" and ctx.mention(head) is None and head.text in ctx.people:
        known = ctx.people[head.text]
        ctx.last_person = known
        return Speaker(known.claimants, text, rules=["attribution/surname"], gazetteer_ids=known.gazetteer_ids)
    famous = _known_surname(head) if head.pos_ == "PROPN" and ctx.mention(head) is None else None
    if famous is not None:
        speaker = Speaker([famous.actor], text, rules=["attribution/gazetteer-surname"], gazetteer_ids=[famous.id])
        ctx.last_person = ctx.people[head.text] = speaker
        return speaker
    return None
