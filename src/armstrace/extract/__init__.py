"""Extraction: an article in, claim records out.

Pure: no database and no state beyond the loaded pipeline, so the same code
runs in `nlp.pipe` worker processes and on Ray workers.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..gazetteer import load_gazetteers
from ..nlp import load_pipeline
from ..nlp.mentions import gazetteer_referents
from ..records import Article, Record
from ..rules import load_rules
from ..version import EXTRACTOR_VERSION
from .document import DocContext, Speaker
from .events import Event, events_of_sentence, fill_from_partners
from .partners import specific_deals
from .phrases import WeaponRef, weapons_in_phrase
from .pointed import bare_attribution

__all__ = ["extract_article", "extract_doc"]

_DENIAL_OBJECTS_MAX_TOKENS = 12
# Rules that fill an actor the text does not name (a model's maker), so no pronoun can point back to it.
_INFERRED_ACTOR = {"role/transfer/model-producer", "role/transfer/weapon-origin", "role/give/deal-buyer"}


def _bare_denial(ctx: DocContext, sent, rules) -> Speaker | None:  # type: ignore[no-untyped-def]
    """'Iran denied that.' / 'Moscow rejected the allegations.': a denial of what was just said (the
    sentences before in the paragraph, or the last paragraph's accusations when the denial stands alone);
    'Both governments deny the trade': each party to it denies it."""
    if len(sent) > _DENIAL_OBJECTS_MAX_TOKENS + 10:
        return None
    from .attribution import resolve_speaker

    for tok in sent:
        if not rules.is_cue("deny", tok.lemma_.lower()):
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp")), None)
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if obj is None or subj is None:
            continue
        if obj.lower_ in rules.cue_words.get("denial-object", set()) or obj.lemma_.lower() in rules.cue_words.get(
                "denial-object", set()):
            if ctx.mention(subj) is None and subj.pos_ != "PROPN" and (subj.lower_ in ("both", "all") or (
                    rules.is_cue("party-plural", subj.lower_) and any(c.lower_ in ("both", "two") for c in subj.children))):
                # "Both governments deny the trade": the parties to what was just said, each for itself.
                return Speaker([], subj.text, deny=True, rules=["stance/bare-denial", "attribution/parties"])
            speaker = resolve_speaker(ctx, rules, subj)
            speaker.deny = True
            speaker.rules = [*speaker.rules, "stance/bare-denial"]
            return speaker
    return None


def extract_doc(doc: Doc, article: Article) -> list[Record]:
    """Claim records from an article already run through the armstrace pipeline."""
    gaz = load_gazetteers()
    rules = load_rules()
    referents, _ = gazetteer_referents()
    ctx = DocContext.build(doc, referents, article.skip_spans, article.published)
    text = doc.text   # (spaCy rebuilds Doc.text from its tokens on every access: read it once)
    events: list[Event] = []
    prev_events: list[Event] = []
    prev_weapons: list[WeaponRef] = []
    quiet = 0   # sentences since the last one with events
    earlier_events: list[Event] = []
    weapon_age = 0
    before_prose = True   # lines above the first sentence that ends like prose
    last_par_events: list[Event] = []   # the events of the last paragraph that had any
    last_par_start = par_start = -1
    for sent in ctx.sents or doc.sents:
        if ctx.is_chrome(sent) or len(sent) < 3 or sent.text.strip() == (article.title or "").strip():
            continue
        headline = False
        if before_prose:
            stripped = sent.text.rstrip()
            ends_line = "\n" in sent.text[len(stripped):] or "\n" in text[sent.end_char:sent.end_char + 3]
            # A headline or sub-headline above the body states claims too (menus are chrome, dropped above).
            headline = not stripped.endswith((".", "!", "”", '"', ":")) and ends_line
            before_prose = headline
        new_paragraph = "\n" in text[max(0, sent.start_char - 2):sent.start_char]
        if new_paragraph:
            ctx.prev_speaker = None   # reported speech does not run across paragraphs
            par_start = sent.start
        found = events_of_sentence(ctx, rules, gaz.conflicts, sent, prev_weapons)
        if new_paragraph:
            earlier_events = []   # "Iran denied that" reaches back two sentences, within a paragraph
        if not found and ((prev_events and quiet <= 1) or (new_paragraph and last_par_events)):
            recent = prev_events + earlier_events if prev_events and quiet <= 1 else None
            found = _denials(ctx, rules, sent, recent, last_par_events)
        if not found and prev_events and quiet == 0:
            source = bare_attribution(ctx, rules, sent)   # "This was stated by the deputy minister."
            for ev in prev_events:
                if source is not None and ev.speaker.claimants == ["author"]:
                    ev.speaker, ev.rules = source, [*ev.rules, *source.rules]
        events += found
        if headline:
            for ev in found:
                ev.headline = True
        if found:
            if new_paragraph or par_start != last_par_start:
                last_par_events, last_par_start = [], par_start
            last_par_events += [ev for ev in found if ev.stance != "denied"]
        if found:
            earlier_events = prev_events if quiet == 0 else []
            prev_events, quiet = found, 0
        else:
            quiet += 1
        # Reported speech runs on through sentences with events, and through modal ones without
        # ("X said aid could include missiles. Other options could involve training. ...").
        ctx.prev_speaker = _sentence_speaker(ctx, rules, sent) or (
            ctx.prev_speaker if found or _modal_root(sent) else None)
        sent_weapons = [w for t in sent if t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
                        for w in weapons_in_phrase(ctx, t)]
        # The weapons (and models) last named stay in mind for three sentences ("... the missiles.").
        if sent_weapons:
            prev_weapons, weapon_age = sent_weapons, 0
            ctx.last_models = {ref.weapon_class: ref for ref in sent_weapons if ref.model}
        else:
            weapon_age += 1
            if weapon_age > 3:
                prev_weapons, ctx.last_models = [], {}
        _remember_people(ctx, sent)
        _remember_actor(ctx, sent, found)
    events = _defer_headlines(specific_deals(fill_from_partners(events, ctx.actor_counts, ctx.referents)))
    return _records(article, events, gaz.version)


def _denials(ctx: DocContext, rules, sent, recent: list[Event] | None,  # type: ignore[no-untyped-def]
             last_par_events: list[Event]) -> list[Event]:
    """A bare denial ('Iran denied that.') of the events just said, or, as a paragraph of its own ("Moscow
    and Pyongyang have rejected the accusations as groundless."), of the last paragraph's accusations
    where the deniers are parties."""
    denier = _bare_denial(ctx, sent, rules)
    if denier is None:
        return []
    denied = recent if recent is not None else [
        ev for ev in last_par_events
        if "attribution/parties" in denier.rules or {ev.actor, ev.recipient} & set(denier.claimants)]
    found = []
    for ev in denied:
        if "attribution/parties" in denier.rules:
            parties = [p for p in (ev.actor, ev.recipient) if p]
            found.append(_as_denial(ev, Speaker(parties, denier.text, deny=True, rules=denier.rules), sent))
            continue
        for claimant in denier.claimants:
            if claimant == ev.actor or ev.speaker.claimants != [claimant]:
                found.append(_as_denial(ev, denier, sent))
                break
    return found


def _defer_headlines(events: list[Event]) -> list[Event]:
    """A headline states in the outlet's voice what the body says again with its source ("Seoul says
    ..."): where the body attributes the same event to a party, the headline's bare author claim goes."""
    attributed = {(ev.type, ev.actor, ev.recipient, ev.weapon_class) for ev in events
                  if not ev.headline and set(ev.speaker.claimants) - {"author"}}
    return [ev for ev in events if not ev.headline or ev.speaker.claimants != ["author"] or
            (ev.type, ev.actor, ev.recipient, ev.weapon_class) not in attributed]


def _modal_root(sent) -> bool:  # type: ignore[no-untyped-def]
    """The sentence's main verb carries a modal ('Other options could involve ...')."""
    return any(c.dep_ == "aux" and load_rules().is_cue("run-on-modal", c.lower_) for c in sent.root.children)


def _sentence_speaker(ctx: DocContext, rules, sent) -> Speaker | None:  # type: ignore[no-untyped-def]
    """The speaker of a sentence's main reporting verb, if not the author ('Sullivan said ...')."""
    from .attribution import _speaker_of_verb, reporting_verbs

    for verb, kind in reporting_verbs(ctx, rules, sent):
        if verb.dep_ == "ROOT" and kind != "deny":
            speaker = _speaker_of_verb(ctx, rules, verb, kind)
            if speaker is not None and speaker.claimants != ["author"]:
                return speaker
    return None


def _remember_actor(ctx: DocContext, sent, found: list[Event]) -> None:  # type: ignore[no-untyped-def]
    """The actor 'it' will mean next: the last event's actor, else the sentence's first subject actor.
    An actor only inferred (a model's maker: "The UAE acquired Wing Loong drones") is no antecedent:
    "they" points back to a party the text names."""
    said = [ev for ev in found if not _INFERRED_ACTOR & set(ev.rules)]
    if said and said[-1].actor:
        ctx.last_actor = said[-1].actor
        return
    for tok in sent:
        if tok.dep_ == "nsubj":
            span = ctx.mention(tok)
            actor = ctx.actor_of(span) if span is not None else None
            if actor:
                ctx.last_actor = actor
                return


def _remember_people(ctx: DocContext, sent) -> None:  # type: ignore[no-untyped-def]
    """Keep the last named person who spoke for an actor, for 'he said' later on."""
    from .attribution import resolve_speaker

    rules = load_rules()
    for ent in ctx.ents_of(sent):
        if ent.label_ == "PERSON" and ent.root.dep_ in ("nsubj",) and \
                ent.root.head.lemma_.lower() in rules.cue_words.get("report", set()):
            resolve_speaker(ctx, rules, ent.root)
    # "he said" in a later sentence means the last person named, speaker or not.
    for span in ctx.mentions_of(sent):
        if span.label_ == "PERSON":
            actor = ctx.actor_of(span)
            if actor:
                ctx.last_person = Speaker([actor], span.text, rules=["attribution/last-person"],
                                          gazetteer_ids=[span.kb_id_])


def _as_denial(ev: Event, denier: Speaker, sent) -> Event:  # type: ignore[no-untyped-def]
    return Event(ev.type, ev.actor, ev.recipient, ev.location, ev.place, ev.weapon_class, ev.weapons, ev.quantity,
                 denier, "denied", ev.time, ev.time_precision, [], sent, ev.trigger,
                 [*ev.rules, *denier.rules], ev.gazetteer_ids + denier.gazetteer_ids, ev.confidence - 0.1)


def _records(article: Article, events: list[Event], data_version: str) -> list[Record]:
    out: dict[tuple, Record] = {}
    text = article.text
    for ev in events:
        sent = ev.sent
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        claimants = ev.speaker.claimants
        if "attribution/self" in ev.speaker.rules and ev.actor in claimants:
            claimants = [ev.actor]   # each of "Denmark and the Netherlands" claims its own gift
        for claimant in claimants:
            key = (ev.type, ev.actor, ev.recipient, ev.location, ev.weapon_class, claimant, ev.stance, start)
            if key in out:
                rec = out[key]
                rec.weapons = sorted(set(rec.weapons) | set(ev.weapons))
                if rec.quantity is None and ev.quantity is not None:
                    rec.quantity = ev.quantity
                continue
            out[key] = Record(
                doc_id=article.doc_id, type=ev.type, actor=ev.actor, recipient=ev.recipient,  # type: ignore[arg-type]
                location=ev.location, place=ev.place, weapon_class=ev.weapon_class,  # type: ignore[arg-type]
                weapons=ev.weapons, quantity=ev.quantity, claimant=claimant, speaker=ev.speaker.text,
                stance=ev.stance, time=ev.time, time_precision=ev.time_precision,  # type: ignore[arg-type]
                violates=ev.violates, evidence=text[start:end], evidence_start=start, evidence_end=end,
                trigger=ev.trigger, rules=list(dict.fromkeys(ev.rules)),
                gazetteer_ids=list(dict.fromkeys(ev.gazetteer_ids)), confidence=round(ev.confidence, 2),
                extractor_version=EXTRACTOR_VERSION, data_version=data_version, published=article.published,
            )
    return list(out.values())


def extract_article(article: Article, model: str) -> list[Record]:
    """Claim records from one article (loads the pipeline once per process)."""
    nlp = load_pipeline(model)
    return extract_doc(nlp(article.text), article)
