"""Who says so: claimant and speaker of a claim.

Attribution comes, in order, from a reporting verb that governs the event
("the US said Iran supplied ..."; of nested reports, a trailing outer one:
"X said ..., an Estonian diplomat said"), a reporting noun, "according to
X", a reporting verb elsewhere in the sentence, the attribution of the
quotation the sentence sits in (quotes span sentences), reported speech
running on, and finally the author. An outlet that cites a state ("citing",
"according to", "which cited") gives that state; one reporting on its own is
relayed, so hedged. Speakers resolve to claimants in speakers.py.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..rules import Rules, load_rules
from .document import DocContext, Speaker
from .stands import stance_taker
from .relayed import relayed_report, relayed_source
from .speakers import (
    _SUBJ,
    _citation,
    _misparsed_trailing_subject,
    _official_of_subject,
    _organ_states,
    _subject_state,
    according_to,
    resolve_speaker,
)

__all__ = ["according_to", "attribute", "quote_speaker", "reporting_verbs", "resolve_speaker"]


def _is_reporting(rules: Rules, tok: Token) -> str | None:
    """'report', 'deny' or 'belief' when the token is a reporting verb (whatever the tagger says)."""
    if rules.is_cue("label-verb", tok.lemma_.lower()) and any(
            rules.is_cue("dismissive", c.lemma_.lower()) or rules.is_cue("dismissive", c.lower_)
            for c in tok.subtree if c.i > tok.i):
        return "deny"   # "called the reports baseless", "described the claims as lies"
    kinds = rules.derived("reporting-kinds", _reporting_kinds)
    return kinds.get(tok.lemma_.lower()) or kinds.get(tok.lower_)


def _reporting_kinds(rules: Rules) -> dict[str, str]:
    """Word -> 'deny', 'belief' or 'report', in that order of precedence (a word in two lists)."""
    kinds: dict[str, str] = {}
    for kind, cue in (("report", "report"), ("belief", "belief-verb"), ("deny", "deny")):
        kinds.update(dict.fromkeys(rules.cue_words.get(cue, ()), kind))
    return kinds


def reporting_verbs(ctx: DocContext, rules: Rules, sent: Span) -> list[tuple[Token, str]]:
    """Reporting verbs of a sentence that have a subject, and their kind (read once per sentence: every
    trigger of the sentence asks)."""
    found = ctx.sentence_verbs.get(sent.start)
    if found is None:
        found = ctx.sentence_verbs[sent.start] = _reporting_verbs(rules, sent)
    return list(found)


def _reporting_verbs(rules: Rules, sent: Span) -> list[tuple[Token, str]]:
    """The reading `reporting_verbs` keeps: reporting words with a subject (theirs or a conjunct's) or under a preposition."""
    out = []
    for tok in sent:
        kind = _is_reporting(rules, tok)
        if kind is None:
            continue
        if any(c.dep_ in _SUBJ for c in tok.children) or tok.dep_ == "pobj" or _conj_subject(tok) is not None:
            out.append((tok, kind))
    return out


def _governs(rules: Rules, verb: Token, target: Token) -> bool:
    """Whether the verb reports the target: a clause-reporting verb ("found") only through its clause."""
    if target.i == verb.i or verb.i not in {a.i for a in target.ancestors}:
        return False
    if rules.is_cue("clause-report-verb", verb.lemma_.lower()):
        step = target
        while step.head.i != verb.i:
            step = step.head
        # "found no evidence (that) China supplied ...": the finding reports through its object.
        return step.dep_ in ("ccomp", "xcomp", "parataxis", "advcl") or (
            step.dep_ == "dobj" and rules.is_cue("evidence-noun", step.lemma_.lower()))
    return True


def _in_subject(verb: Token, target: Token) -> bool:
    for child in verb.children:
        if child.dep_ in _SUBJ and (target.i == child.i or child.i in {a.i for a in target.ancestors}):
            return True
    return False


def _conj_subject(verb: Token) -> Token | None:
    """The subject a conjoined verb shares with the first: "Iran denied it, and says the group ..."."""
    if verb.dep_ in ("advcl", "parataxis") and verb.tag_ in ("VBD", "VBZ", "VBP") and \
            not any(c.dep_ in _SUBJ for c in verb.children):
        return _misparsed_trailing_subject(verb)   # "..., Armenia's deputy minister told Reuters."
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX") or any(c.dep_ in _SUBJ for c in verb.children):
        return None
    trailing = _misparsed_trailing_subject(verb)
    if trailing is not None:
        return trailing
    if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children) and \
            verb.nbor(-1).is_punct:
        return None   # "..., said to be the biggest deal": a hearsay participle, not a second verb of the subject
    return next((c for c in verb.head.children if c.dep_ in _SUBJ), None)


def _after_relative_word(verb: Token) -> bool:
    """'... that it said ...', '... which Ukraine says ...': the reporting verb opens a relative clause."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subj is None:
        return False
    left = subj.left_edge.i - 1
    return left >= verb.sent.start and load_rules().is_cue("relative-opener", verb.doc[left].lower_)


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJ), None) or _conj_subject(verb)


def _speaker_of_verb(ctx: DocContext, rules: Rules, verb: Token, kind: str) -> Speaker | None:
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None) or _conj_subject(verb)
    if subj is None and verb.dep_ == "pobj":
        # the tagger made "allege" a noun: "..., the US and some of its allies allege"
        subj = verb.head.head if verb.head.dep_ == "prep" else None
    if subj is None:
        return None
    if subj.dep_ == "nsubjpass" and subj.head.i == verb.i:
        # "Turkey is accused of supplying ...", "X is said to have sent ...": the subject is what is
        # reported on; the reporter is the agent ("by the UN"), else nobody named: the author relays it.
        agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        if agent is None:
            return Speaker(["author"], None, hedge=True, rules=["attribution/passive-report"])
        subj = agent
    cited = _citation(ctx, rules, verb)
    speaker = resolve_speaker(ctx, rules, subj)
    if kind == "report" and any(c.dep_ == "neg" for c in verb.children):
        # "Russia has not confirmed the sale": a non-denial is nobody's claim.
        return Speaker([], speaker.text, rules=[*speaker.rules, "attribution/non-confirmation"])
    if speaker.claimants == ["author"] and cited is None:
        # "Riyadh bought missiles according to US intelligence, CNN reported": the outlet relays a state.
        source = according_to(ctx, rules, verb.sent, relay=False)
        if source is not None and source.claimants != ["author"]:
            cited = source
    if cited is not None and speaker.claimants == ["author"]:
        cited.text = speaker.text
        speaker = cited
    speaker.deny = kind == "deny"
    speaker.hedge = kind == "belief"
    speaker.rules = [*speaker.rules, rules.cue_ids.get("deny" if kind == "deny" else "report", "cue/report")]
    return speaker


def _reporting_noun(ctx: DocContext, rules: Rules, trigger: Token) -> Speaker | None:
    for anc in trigger.ancestors:
        if anc.pos_ != "NOUN" or not rules.is_cue("report-noun", anc.lemma_.lower()):
            continue
        speaker = _holder_of(ctx, rules, anc)
        if speaker is not None:
            return speaker
    return None


def _holder_of(ctx: DocContext, rules: Rules, noun: Token) -> Speaker | None:
    """Who holds a reporting noun: "Britain's statement", "a statement from Britain"."""
    holders = [c for c in noun.children if c.dep_ == "poss"]
    holders += [p for prep in noun.children if prep.dep_ == "prep" and rules.is_cue("holder-prep", prep.lower_)
                for p in prep.children if p.dep_ == "pobj"]
    for holder in holders:
        speaker = resolve_speaker(ctx, rules, holder)
        if speaker.claimants != ["author"]:
            speaker.deny = noun.lemma_.lower() == "denial"
            speaker.hedge = rules.is_cue("hedge-noun", noun.lemma_.lower())
            speaker.rules = [*speaker.rules, "attribution/reporting-noun"]
            return speaker
    return None


def _detached_content_clause(ctx: DocContext, rules: Rules, trigger: Token) -> Speaker | None:
    """'The move followed a statement from Britain that Iran is helping ...': the parser often hangs
    the that-clause on the verb; it still says what the noun's holder stated."""
    clause = next((a for a in [trigger, *trigger.ancestors] if a.dep_ == "ccomp" and
                   any(c.dep_ == "mark" and c.lower_ == "that" for c in a.children)), None)
    if clause is None or _is_reporting(rules, clause.head) is not None:
        return None
    nouns = [c for c in clause.head.children if c.dep_ in ("dobj", "nsubj", "attr")]
    nouns += [p for prep in clause.head.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj"]
    for noun in nouns:
        if rules.is_cue("report-noun", noun.lemma_.lower()) and noun.i < clause.i:
            return _holder_of(ctx, rules, noun)
    return None


def attribute(ctx: DocContext, rules: Rules, trigger: Token, agents: set[int],
              agent_actors: list[str] | None = None) -> Speaker:
    """The speaker of the claim that `trigger` states (see module docstring)."""
    speaker = _attribute(ctx, rules, trigger, agents)
    if "attribution/described-state" in speaker.rules:
        found = _subject_state(ctx, trigger)
        if found is not None and found[0] not in speaker.claimants:
            # "Algeria struck camps in Mali, the North African country's minister said": officials
            # report their own state's doings, so the subject state is the one described.
            return Speaker([found[0]], speaker.text, speaker.deny, speaker.hedge,
                           [*speaker.rules, "attribution/official-of-subject"], [found[1].kb_id_])
    if "attribution/possessive-owner" in speaker.rules and agent_actors and set(speaker.claimants) & set(agent_actors):
        # "Denmark and the Netherlands will give ..., their leaders said": the actors, not the last name.
        return Speaker(list(dict.fromkeys(agent_actors)), speaker.text, speaker.deny, speaker.hedge,
                       [*speaker.rules, "attribution/possessive-back", "attribution/self"], speaker.gazetteer_ids)
    if speaker.text and speaker.text.split() and agent_actors and "attribution/gazetteer" in speaker.rules and \
            speaker.text.lower().split()[0] == "the" and rules.is_cue("own-organ", speaker.text.lower().split()[-1]) and \
            len(speaker.text.split()) <= 3 and not set(speaker.claimants) & set(agent_actors):
        states = _organ_states(ctx, trigger, agent_actors)
        if states and not any(ctx.mention(t) is not None for t in trigger.sent if t.text in speaker.text.split()[1:]):
            # "the government" pointed back to another state, but the sentence's own actor is meant.
            return Speaker(states, speaker.text, speaker.deny, speaker.hedge,
                           [*speaker.rules, "attribution/organ-of-actor", "attribution/self"], speaker.gazetteer_ids)
    if speaker.claimants == ["author"] and "attribution/non-state-speaker" in speaker.rules:
        own = _official_of_subject(ctx, trigger, speaker)
        if own is not None:
            return own
    if speaker.claimants != ["author"] or not (speaker.text or "").split() or not agent_actors:
        return speaker
    words = (speaker.text or "").lower().split()
    states = _organ_states(ctx, trigger, agent_actors)
    # "Denmark and the Netherlands will give ..., their leaders said": each actor speaks for itself.
    if words[0] in ("their", "its"):
        return Speaker(list(dict.fromkeys(agent_actors)), speaker.text, speaker.deny, speaker.hedge,
                       [*speaker.rules, "attribution/possessive-back", "attribution/self"], speaker.gazetteer_ids)
    # "Germany will send ..., the government said": an unnamed organ of the acting state.
    if words[0] == "the" and rules.is_cue("own-organ", words[-1]) and states and len(words) <= 3:
        return Speaker(states, speaker.text, speaker.deny, speaker.hedge,
                       [*speaker.rules, "attribution/organ-of-actor", "attribution/self"], speaker.gazetteer_ids)
    return speaker


def _outer_state(ctx: DocContext, rules: Rules, verb: Token, outer: list[tuple[Token, str]]) -> Speaker | None:
    """'The army said an examination of debris indicated that ...': a finding (no person) reported by a
    state or body is that state's claim."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subj is None or subj.ent_type_ == "PERSON" or subj.pos_ in ("PROPN", "PRON"):
        return None
    for over, kind in outer:
        speaker = _speaker_of_verb(ctx, rules, over, kind)
        if speaker is not None and speaker.claimants and speaker.claimants != ["author"]:
            speaker.rules = [*speaker.rules, "attribution/outer-state"]
            return speaker
    return None


def _trailing_attribution(ctx: DocContext, rules: Rules, trigger: Token,
                          governing: list[tuple[Token, str]]) -> Speaker | None:
    """'Finland said Sweden sold tanks to Latvia, an Estonian diplomat said': when one report is set inside
    another that trails the sentence after a comma, the outermost speaker makes the claim (if a state or
    body; an outlet outside only relays the state within)."""
    if len(governing) < 2:
        return None
    verb, kind = governing[-1]
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subj is None or verb.i < trigger.i or subj.left_edge.i == 0 or \
            verb.doc[subj.left_edge.i - 1].text not in (",", "”", '"'):
        return None
    step = governing[0][0]
    while step.i != verb.i:
        if step.dep_ not in ("ccomp", "parataxis") or any(
                c.dep_ == "mark" and c.lower_ not in ("that", "whether") for c in step.children):
            return None   # "after US officials said ..., Pyongyang said ...": the inner report is no quote of the outer
        step = step.head
    speaker = _speaker_of_verb(ctx, rules, verb, kind)
    if speaker is None or speaker.claimants == ["author"] or not speaker.claimants:
        return None
    speaker.rules = [*speaker.rules, "attribution/outermost"]
    return speaker


def _attribute(ctx: DocContext, rules: Rules, trigger: Token, agents: set[int]) -> Speaker:
    sent = trigger.sent
    verbs = [(v, k) for v, k in reporting_verbs(ctx, rules, sent) if v.i != trigger.i and v.i not in agents]
    # 1. A reporting verb that governs the trigger, nearest first.
    governing = [(v, k) for v, k in verbs if _governs(rules, v, trigger) and not _in_subject(v, trigger)]
    governing.sort(key=lambda vk: -len(list(vk[0].ancestors)))
    outer = _trailing_attribution(ctx, rules, trigger, governing)
    if outer is not None:
        return outer
    for n, (verb, kind) in enumerate(governing):
        speaker = _speaker_of_verb(ctx, rules, verb, kind)
        if speaker is not None and speaker.claimants == ["author"] and "attribution/non-state-speaker" in speaker.rules:
            speaker = _outer_state(ctx, rules, verb, governing[n + 1:]) or speaker
        if speaker is not None:
            speaker.hedge = speaker.hedge or relayed_report(rules, verb, speaker, _subject_of(verb))
            if rules.is_cue("presupposing", verb.lemma_.lower()) and "author" not in speaker.claimants and \
                    speaker.claimants and not any(a.dep_ == "ccomp" for a in trigger.ancestors if verb.i in
                                                  {b.i for b in a.ancestors}):
                # "Canberra praised Congress for authorising the sale": the praise is Australia's, the
                # authorising is also told in the author's own voice.
                speaker.claimants = [*speaker.claimants, "author"]
                speaker.rules = [*speaker.rules, "attribution/presupposed"]
            return speaker
    # 2. A reporting noun over the event: "a statement from X that ...", "X's claim that ...".
    speaker = _reporting_noun(ctx, rules, trigger) or _detached_content_clause(ctx, rules, trigger) or \
        stance_taker(ctx, rules, trigger, agents)
    if speaker is not None:
        return speaker
    # 3. "according to X"
    speaker = according_to(ctx, rules, sent)
    if speaker is not None:
        speaker.hedge = speaker.hedge or relayed_source(rules, sent, speaker)
        return speaker
    # 3. A reporting verb elsewhere in the sentence, outside any quote: "X, the US alleges."
    quote = ctx.quote_of(trigger.idx)
    for verb, kind in verbs:
        if ctx.quote_of(verb.idx) == quote and quote is not None:
            continue
        if any(a.dep_ in ("relcl", "acl", "pcomp", "pobj") for a in [verb, *verb.ancestors]):
            continue   # "a cooperation that opponents say violates ...", "in what it says is support": not the sentence's speaker
        if _in_subject(verb, trigger):
            continue
        if trigger.i in {a.i for a in verb.ancestors} and _after_relative_word(verb):
            continue   # "designated entities that it said were involved": a clause below the event, not its source
        if verb.dep_ == "conj" and verb.head.i in {trigger.i, *(a.i for a in trigger.ancestors)} and \
                any(c.dep_ == "cc" for c in verb.head.children if c.i < verb.i):
            continue   # "Russia has supplied Belarus ..., and said in June that ...": the saying is its own clause
        # (a parenthetical report hung on the event's clause may stand anywhere: "Belarus, the agency
        # believes, may be receiving ...")
        aside = verb.dep_ == "parataxis" and verb.head.i in {trigger.i, *(a.i for a in trigger.ancestors)}
        if verb.i > trigger.i or quote is not None or aside:
            speaker = _speaker_of_verb(ctx, rules, verb, kind)
            if speaker is not None:
                return speaker
    # 5. The quotation the trigger sits in, attributed in a neighbouring sentence.
    if quote is not None:
        speaker = quote_speaker(ctx, rules, quote)
        if speaker is not None:
            return speaker
    # 6. Reported speech running on: "X said Iran would ... . Iran will also train ..."
    prev = ctx.prev_speaker
    # (a noun event takes the modal of the verb it is the object of: "... could also tighten sanctions")
    host = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass") else trigger
    if prev is not None and any(c.dep_ == "aux" and rules.is_cue("run-on-modal", c.lower_) for c in host.children):
        return Speaker(prev.claimants, prev.text, hedge=prev.hedge, rules=[*prev.rules, "attribution/run-on"],
                       gazetteer_ids=prev.gazetteer_ids)
    author = Speaker(["author"], None, rules=["attribution/author"])
    author.hedge = relayed_source(rules, sent, author)
    return author


def quote_speaker(ctx: DocContext, rules: Rules, quote: tuple[int, int]) -> Speaker | None:
    """Who speaks a quotation: a reporting verb outside it, in the sentences it touches or next to it."""
    if quote[0] in ctx.quote_speakers:
        return ctx.quote_speakers[quote[0]]
    doc = ctx.doc
    first = doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand")
    last = doc.char_span(max(quote[1] - 1, quote[0]), quote[1], alignment_mode="expand")
    if first is None or last is None:
        return None
    sents = [first.sent]
    if last.sent.start != first.sent.start:
        sents.append(last.sent)
    # The sentence after the quote, if in the same paragraph ("Wood added.").
    nxt = last.sent.end
    if nxt < len(doc) and "\n" not in doc[last.sent.end - 1:nxt + 1].text_with_ws[:-1]:
        sents.append(doc[nxt].sent)
    # The sentence before, when it introduces the quote ("Thomas-Greenfield disagrees, saying,").
    prev = first.sent.start - 1
    if prev >= 0 and doc[prev].sent.text.rstrip().endswith((":", ",")):
        sents.append(doc[prev].sent)
    speaker = None
    for sent in sents:
        for verb, kind in reporting_verbs(ctx, rules, sent):
            if quote[0] <= verb.idx < quote[1]:
                continue
            speaker = _speaker_of_verb(ctx, rules, verb, kind)
            if speaker is not None:
                speaker.rules = [*speaker.rules, "attribution/quote"]
                break
        if speaker is not None:
            break
    if speaker is not None:
        ctx.quote_speakers[quote[0]] = speaker
    return speaker
