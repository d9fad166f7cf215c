"""The agent a sentence leaves implicit, filled from data and never guessed.

A transfer with no supplier named comes from the weapon's origin ("Iranian
drones reached Russia") or, if bought, from the model's maker; an attack
with no attacker named comes from the target's one known adversary in the
conflicts data, else from the attacking weapon's nationality; a training
with no trainer is given by its host, else by the weapon's maker; a production (the noun)
with no maker named is the work of the state where it happens. Each
default is a rule in the record and lowers its confidence.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..gazetteer import Conflict
from ..rules import load_rules
from .arguments import Roles
from .document import DocContext
from .event import adversary
from .phrases import WeaponRef
from .targets import attacking_nationals


def implicit_agents(ctx: DocContext, conflicts: list[Conflict], roles: Roles, etype: str, group: list[WeaponRef],
                    makers_of: list[WeaponRef], recipients: list[str | None],
                    rule_ids: list[str]) -> tuple[list[str | None], list[str | None], float]:
    """(agents, recipients, confidence) once the defaults have run; `rule_ids` gains what was used."""
    agents: list[str | None] = [a.actor for a in roles.agents]
    confidence = 0.7
    found = None
    if not agents and etype == "transfer":
        found = _transfer_origin(ctx, roles, group, makers_of, recipients)
    targets_known = recipients or ([roles.place[0]] if roles.place else [])
    if "role/intercept/demonym-launcher" in roles.rules and targets_known and adversary(conflicts, targets_known[0]):
        agents = []   # the place's known adversary (below) beats the weapon's nationality
    if not agents and etype == "use" and targets_known:
        found = _attacker(ctx, conflicts, roles, group, targets_known)
    if not agents and etype == "training":
        found = _trainer(ctx, roles, group, recipients)
    if not agents and etype == "production" and roles.place and roles.place[0] and roles.trigger.pos_ == "NOUN":
        # "the deal includes the production of K9s in Egypt": that state makes them ("a missile made in
        # Iran" only says where a weapon came from: annotators leave that production optional)
        found = [roles.place[0]], "role/produce/place-state", 0.5
    if not agents and found:
        agents = found[0]
        rule_ids.append(found[1])
        confidence = found[2]
    if not agents and etype in ("transfer", "use") and recipients and not roles.source_named:
        agents = [None]   # filled from the document's other events (fill_from_partners)
    if not agents and not recipients and etype == "transfer" and roles.trigger.pos_ == "NOUN" and (any(
            load_rules().is_cue("given-det", c.lower_) for c in roles.trigger.children)
            or _dated(roles.trigger) or _in_a_deal(roles)) \
            and (not any(c.dep_ in ("amod", "compound", "nummod") and ctx.mention(c) is None
                         for c in roles.trigger.children)
                 or "role/halted/covered" in roles.rules):   # ("the licence suspension": the halt the article is about)
        # "France classifies the drone deliveries as a breach": the deliveries the article is about.
        agents, recipients = [None], [None]
        rule_ids.append("role/transfer/anaphoric")
    elif not agents and not recipients and etype == "transfer" and roles.rule.in_weapon_name and roles.weapons \
            and any(w.weapon_class != "arms" for w in roles.weapons):
        # "lethal aid could include anti-tank missiles": the aid the article is about, its contents named
        agents, recipients = [None], [None]
        rule_ids.append("role/transfer/aid-under-discussion")
    elif not agents and not recipients and etype == "transfer" and _part_of_the_deal(roles.trigger):
        agents, recipients = [None], [None]   # "the agreement covers technology transfer": the deal's parties
        rule_ids.append("role/transfer/part-of-deal")
    return agents, recipients, confidence


def _dated(trigger: Token) -> bool:
    """"Thursday's delivery included L-39s", "last week's shipment": a transfer named by its day is one the
    article has told of."""
    return any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in trigger.children)


def _part_of_the_deal(trigger: Token) -> bool:
    """'the agreement covers technology transfer', 'technology transfer is also part of the deal': a transfer
    the article's deal holds is between that deal's parties."""
    if trigger.pos_ != "NOUN" or trigger.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
        return False
    rules = load_rules()
    others = [c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c.i != trigger.i]
    held_by = others + [p for o in others for prep in o.children if prep.lower_ == "of"
                        for p in prep.children if p.dep_ == "pobj"]
    return any(rules.is_cue("agreement-noun", x.lemma_.lower()) and
               any(c.dep_ == "det" and (c.morph.get("Definite", []) == ["Def"] or c.morph.get("PronType", []) == ["Dem"])
                   for c in x.children) for x in held_by)


_Found = tuple[list[str | None], str, float]


def _in_a_deal(roles: Roles) -> bool:
    """'this deal includes the production of K9s in Egypt and a technology transfer': a transfer that a
    deal contains is between the deal's parties."""
    rules = load_rules()
    # (the object the deal contains, or a conjunct the parser hangs lower in it)
    obj = next((t for t in [roles.trigger, *roles.trigger.ancestors] if t.dep_ in ("dobj", "nsubj", "ROOT")), None)
    if obj is None or obj.dep_ != "dobj" or not rules.is_cue("contain", obj.head.lemma_.lower()):
        return False
    return any(c.dep_ == "nsubj" and rules.is_cue("agreement-noun", c.lemma_.lower()) for c in obj.head.children)


def _transfer_origin(ctx: DocContext, roles: Roles, group: list[WeaponRef], makers_of: list[WeaponRef],
                     recipients: list[str | None]) -> _Found | None:
    """Fill what the sentence leaves implicit from the weapon's origin."""
    # ("received the Storm Shadow from the UK and the French-made SCALP": each origin sent its own)
    origins = list(dict.fromkeys(w.supplier or w.producer for w in group
                                 if w.supplier or (w.producer and not _designed(w))))
    if origins:
        return origins, "role/transfer/weapon-origin", 0.5
    # "150 Dehlavieh missiles and three Iranian surface-to-air missiles were seized": a model whose maker
    # is the origin the sentence gives its other weapons came from there too.
    siblings = {w.supplier or w.producer for w in roles.weapons if w.supplier or w.producer}
    if len(siblings) == 1 and model_makers(ctx, group) == siblings:
        return [siblings.pop()], "role/transfer/sibling-origin", 0.45
    if recipients and not roles.source_named and load_rules().is_cue("purchase", roles.trigger.lemma_.lower()):
        # "Poland bought TB2s": a model bought with no seller named is bought from its maker (a model
        # received may come from any of its users: "Ukraine received F-16s" from Denmark).
        makers = model_makers(ctx, makers_of)
        if len(makers) == 1:
            return [makers.pop()], "role/transfer/model-producer", 0.4
    return None


def _designed(ref: WeaponRef) -> bool:
    """'Czech-designed L-39s', 'US-designed aircraft': the designer need not be who supplies them (real
    DECISIONS 245: L-39s delivered by Russia are no Czech transfer)."""
    return any(c.dep_ == "amod" and load_rules().is_cue("design-suffix", c.lower_) for c in ref.head.children)


def _attacker(ctx: DocContext, conflicts: list[Conflict], roles: Roles, group: list[WeaponRef],
              targets_known: list) -> _Found | None:
    """'Iranian drones struck Kyiv', 'Ukraine shot down 30 drones': the target's adversary launched them."""
    if not load_rules().is_cue("ambiguous-use", roles.trigger.lemma_.lower()):
        foe = adversary(conflicts, targets_known[0])
        if foe:
            return [foe], "role/use/conflict-adversary", 0.5
    # "Saudi and Emirati warplanes bombed Yemen": no known adversary; the attacking weapon's nationality
    agents: list[str | None] = [a for a in attacking_nationals(ctx, roles.trigger, group) if a not in targets_known]
    return (agents, "role/use/weapon-nationality", 0.4) if agents else None


def _trainer(ctx: DocContext, roles: Roles, group: list[WeaponRef], recipients: list[str | None]) -> _Found | None:
    """'Ukrainian crews will be trained on the Leopards in Germany': the host trains, else the maker."""
    hosts = [code for code, _ in (roles.hosts or ([roles.place] if roles.place else [])) if code not in recipients]
    origin = next((w.producer for w in group if w.producer and w.producer not in recipients), None)
    origin = origin or next((m for m in model_makers(ctx, group) if m not in recipients), None)
    if hosts:
        # "trained on the F-16 in Denmark, in Romania and in the United States": each host trains.
        return list(dict.fromkeys(hosts)), "role/training/host", 0.5
    return ([origin], "role/training/weapon-origin", 0.5) if origin else None


def model_makers(ctx: DocContext, group: list[WeaponRef]) -> set[str]:
    """The states that make the named models, from the weapons gazetteer ("TB2" -> TUR)."""
    makers = {ctx.referents[g].producer for w in group for g in w.gazetteer_ids
              if g.startswith("weapon/") and g in ctx.referents}
    return {m for m in makers if m}
