"""The give frame: 'X supplied Y to Z', 'X supplied Z with Y', 'X's deliveries of Y to Z'.

The subject or possessor supplies; "to/for Z", a dative or the object of a
"with" reading receives. Its own words: none beyond the shared grammar.
"""
from __future__ import annotations

from ..clauses import Roles, destinations, pobjs, pobjs_around, relative_antecedent, weapons_from
from ..phrases import ActorRef, actors_in_phrase, weapons_in_phrase
from .base import NounClause, VerbClause, clause_weapon_default, deniers, noun_weapons, possessive_pronoun
from .registry import noun_roles, verb_roles


@verb_roles("give")
def give_verb(c: VerbClause, roles: Roles) -> None:
    """'Iran supplied drones to Russia', 'supplied Russia with drones', 'sold Iran tanks'."""
    ctx, verb, objs = c.ctx, c.verb, c.objs
    roles.agents = c.agent
    with_objs = c.with_objs
    theme = c.passive_theme + objs
    # "sell Tehran 24 Su-35 jets": the parser may hang the weapons off the recipient.
    theme += [x for d in c.dative + objs for x in d.children if x.dep_ == "appos"]
    objs_are_weapons = any(weapons_in_phrase(ctx, o) for o in objs)
    if with_objs and objs_are_weapons:
        theme = theme + with_objs   # "delivered helicopters to Mali, together with weapons"
        with_objs = []
    if with_objs:     # "supplied Russia with drones": the object receives
        roles.recipients = [a for o in objs for a in actors_in_phrase(ctx, o)]
        theme = with_objs
    else:
        # "for" names a recipient only directly ("for Ukraine"), not "for use in Ukraine".
        direct_for = [o for o in pobjs(verb, {"for"}) if ctx.mention(o) is not None]
        roles.recipients = [a for o in pobjs_around(verb, {"to"}) + direct_for + c.dative
                            for a in actors_in_phrase(ctx, relative_antecedent(c.rules, o))]
        if not roles.recipients:
            _compound_recipients(c, roles)
    if c.rel_head is not None and not theme:
        theme = [c.rel_head]
    roles.weapons = weapons_from(ctx, theme)
    roles.theme = theme[0] if theme else None
    if not roles.weapons and not roles.recipients and not c.passive_theme and not c.dative:
        _supplied_group(c, roles)
    if not roles.agents:     # "ships carrying weapons from Iran to the Houthis"
        roles.agents = [a for o in pobjs_around(verb, {"from"}) for a in actors_in_phrase(ctx, o)]
    if not roles.recipients:
        roles.recipients = destinations(ctx, c.rules, verb.sent)
    clause_weapon_default(c, roles)


def _supplied_group(c: VerbClause, roles: Roles) -> None:
    """"Qatar has helped supply the RSF": an armed group supplied with nothing named is supplied arms
    (a state so named is as often a misparsed dative or a gapped clause: "and the Netherlands 24")."""
    objs = c.objs
    if len(objs) != 1 or any(x.dep_ == "prt" for x in c.verb.children) or \
            any(x.dep_ == "nummod" for x in objs[0].children):
        return
    # (a described group, "the pro-Kremlin separatists", is an armed group too)
    roles.recipients = [a for a in actors_in_phrase(c.ctx, objs[0]) if a.label in ("BODY", "BODY_DEMONYM", "GROUP")
                        and not (len(a.actor) == 3 and a.actor.isupper())]
    if roles.recipients:
        roles.rules.append("role/give/party-object")


def _compound_recipients(c: VerbClause, roles: Roles) -> None:
    """'sold Iran tanks': the parser makes the recipient a compound of the weapon."""
    for o in c.objs:
        for x in o.children:
            span = c.ctx.mention(x)
            if x.dep_ in ("compound", "nmod") and span is not None and span.label_ in ("STATE", "CAPITAL") \
                    and x.i < o.i and x.i == min(t.i for t in o.subtree):
                roles.recipients += actors_in_phrase(c.ctx, x, follow_conj=False)


@noun_roles("give")
def give_noun(c: NounClause, roles: Roles) -> None:
    """'Iran's deliveries of drones to Russia', 'drone sales by Iran', 'a US package for Ukraine'."""
    ctx = c.ctx
    possessive_pronoun(c, roles)
    supplier_side = actors_in_phrase(ctx, c.poss[0]) if c.poss else []
    roles.agents = (supplier_side or [a for o in c.by + c.from_ for a in actors_in_phrase(ctx, o)]
                    or [a for a in c.mod_actors if a.label != "DEMONYM" or not c.of])
    if not roles.agents and c.light_actors and not c.light_is_recipient:
        roles.agents = c.light_actors
    roles.recipients = [a for o in c.to + pobjs(c.noun, {"with"}) for a in actors_in_phrase(ctx, o)]
    if not roles.recipients and c.light_is_recipient:
        roles.recipients = c.light_actors
    denied_by = deniers(c) if not roles.agents else []
    if denied_by and not roles.recipients:   # ("denied the shipment of drones to Russia": "to" hangs on the verb)
        roles.recipients = [a for o in pobjs(c.noun.head, {"to"}) for a in actors_in_phrase(ctx, o)]
    if denied_by and roles.recipients:
        roles.agents = [a for a in denied_by if a.actor not in {r.actor for r in roles.recipients}]
        if roles.agents:
            roles.rules.append("role/give/denier")
    noun_weapons(c, roles, deep=True)
    if c.light is not None and c.noun.dep_ == "dobj" and not roles.recipients:
        # "sealed its first export deal to Egypt for 24 Rafales": the parser hangs the deal's 'to' and
        # 'for' on the verb that seals it
        roles.recipients = [a for o in pobjs(c.light, {"to"}) for a in actors_in_phrase(ctx, o)]
        if roles.recipients and not roles.weapons:   # ("signed a deal for the K9": the signer buys)
            roles.weapons = weapons_from(ctx, pobjs(c.light, {"for"}))
    _deal_for_foreign_model(c, roles)


def _deal_for_foreign_model(c: NounClause, roles: Roles) -> None:
    """'Australia signed a deal for the K9': a deal has two sides, and the one named as signing it,
    when it does not make the model the deal is for, is the buyer; the model's one maker sells."""
    if not roles.agents or roles.recipients or c.light is None or roles.agents != c.light_actors or \
            not c.rules.is_cue("agreement-noun", c.noun.lemma_.lower()):
        return
    ctx = c.ctx
    makers = [(maker, w) for w in roles.weapons for g in w.gazetteer_ids
              if g.startswith("weapon/") and g in ctx.referents
              for maker in [ctx.referents[g].producer] if maker]
    if len({m for m, _ in makers}) != 1 or any(m == a.actor for m, _ in makers for a in roles.agents):
        return
    maker, ref = makers[0]
    roles.recipients = roles.agents
    roles.agents = [ActorRef(maker, ref.span, "MAKER")]
    roles.rules.append("role/give/deal-buyer")
