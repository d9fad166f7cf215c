"""The market frame: 'Iran has found markets for its drones in Russia and countries like Ethiopia';
'the TB2's customers include Poland and Qatar': the seller, and one recipient per market named."""
from __future__ import annotations

from spacy.tokens import Token

from ..clauses import Roles, pobjs, predicated_of, ranked_after, subject, weapons_from
from ..phrases import ActorRef, _listed_actors, actors_in_phrase, is_weapon_phrase, weapons_in_phrase
from .base import NounClause
from .registry import noun_roles


@noun_roles("market")
def market_noun(c: NounClause, roles: Roles) -> None:
    """The light verb's subject (or the possessor that is no weapon) sells; every market listed buys."""
    ctx, rules, noun = c.ctx, c.rules, c.noun
    light = noun.head if noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB" else None
    light_subj = subject(ctx, rules, light)[0] if light is not None else None
    roles.weapons = weapons_from(ctx, pobjs(noun, {"for", "of"})) or weapons_in_phrase(ctx, noun)
    if not roles.weapons:
        for x in noun.children:
            if x.dep_ == "poss":
                roles.weapons = weapons_in_phrase(ctx, x)
    if light is not None and light_subj is not None:
        roles.agents = actors_in_phrase(ctx, light_subj)
        if not roles.agents and light_subj.pos_ == "PRON":
            roles.pronoun = light_subj
    if not roles.agents:
        roles.agents = [a for x in noun.children if x.dep_ == "poss" for a in actors_in_phrase(ctx, x)
                        if not is_weapon_phrase(ctx, x)]
    places: list[Token] = []
    holders = list(noun.subtree) + ([x for x in light.children if x.dep_ in ("prep", "conj")] if light is not None else [])
    for prep in holders:
        if prep.dep_ in ("prep", "conj") and c.rules.is_cue("market-place-prep", prep.lower_):
            places += [p for p in prep.children if p.dep_ == "pobj"]
            for more in prep.conjuncts:   # "not only in Russia but also in countries like ..."
                places += [p for p in more.children if p.dep_ == "pobj"]
    if noun.dep_ == "nsubj" and rules.is_cue("listing-verb", noun.head.lemma_.lower()):
        places += [x for x in noun.head.children if x.dep_ in ("dobj", "attr")]
    found: list[ActorRef] = []
    for place in places:
        for ref in actors_in_phrase(ctx, place) + _listed_actors(ctx, place):
            if ref.actor not in {f.actor for f in found}:
                found.append(ref)
    roles.recipients = found
    roles.rules.append("role/market/noun")
    _ranked_client(c, roles)


def _ranked_client(c: NounClause, roles: Roles) -> None:
    """'sent arms to Chile, its second biggest client after Peru'; 'Chile is Spain's biggest customer
    after Peru': the client the noun is said of buys, and so does every party ranked above it; 'its' is
    the seller the governing clause names as subject."""
    ctx, noun = c.ctx, c.noun
    above = ranked_after(ctx, noun)
    if not above:
        return
    said_of = noun.head if noun.dep_ == "appos" else predicated_of(c.rules, noun)
    if said_of is None:
        return
    roles.recipients = [*actors_in_phrase(ctx, said_of, follow_conj=False), *above]
    own = [p for p in c.poss if p.pos_ == "PRON"]
    if own and not roles.agents:
        # ("was due to deliver arms to Chile, its ...": the nearest clause above with a subject)
        seller = next((s for a in said_of.ancestors for s in a.children if s.dep_ == "nsubj"), None)
        roles.agents = actors_in_phrase(ctx, seller) if seller is not None else []
    roles.rules.append("role/market/ranked-after")
