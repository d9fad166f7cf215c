"""Attacks on real pages: whose target it is, and what the attack is made with when no weapon is named.

- A target that is a place or a thing belongs to whoever holds it:
  "struck an arms hub operated by Hezbollah" attacks Hezbollah; "hit a
  depot used by Iran-backed militias" attacks the militias (and "used by"
  there holds a depot, it fires nothing).
- "X was hit by an attack": X is the target.
- "Saudi and Emirati planes bombing Yemen": with no known adversary of the
  target, the nationality on the attacking weapon names who attacks.
- A state's forces attacking with no foreign target, in a sentence about
  its own opponents, civilians or villages, attack their own people
  (GUIDELINES: "a use by that state on itself").
- The means: the attacker's service ("the Ethiopian Air Force conducted
  targeted attacks" flies aircraft), the attack word ("a bombing" drops
  bombs: ammunition; "shelling" is artillery), else the air strikes the
  article speaks of ("Israel struck a hub" on a page about its air strikes).

Words are data: cues.jsonl kinds "hold-verb", "hit-verb", "own-people",
"attack-ammunition", "attack-artillery", "air-attack" and "service-<class>".
"""
from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from ..rules import Rules, load_rules
from .document import DocContext
from .phrases import ActorRef, _listed_actors, actors_in_phrase, is_weapon_phrase, weapons_in_phrase

OWN_PEOPLE = "role/use/own-people"   # the rule id of a state's attack on its own people
# The cue kinds that name a service and the weapon class it fights with (antecedents.py reads them too).
SERVICE_KINDS = (("service-aircraft", "aircraft"), ("service-naval", "naval"), ("service-artillery", "artillery"))


def holders_of(ctx: DocContext, rules: Rules, head: Token) -> list[ActorRef]:
    """'an arms hub operated by Hezbollah': who holds a target that names no actor itself."""
    out: list[ActorRef] = []
    for acl in head.children:
        if acl.dep_ not in ("acl", "relcl") or not rules.is_cue("hold-verb", acl.lemma_.lower()):
            continue
        for agent in acl.children:
            if agent.dep_ == "agent":
                out += [a for p in agent.children if p.dep_ == "pobj" for a in actors_in_phrase(ctx, p)]
    return out


def is_holding(ctx: DocContext, rules: Rules, trigger: Token) -> bool:
    """'a depot used by militias': a participle of holding on a thing that is no weapon fires nothing."""
    return (trigger.dep_ == "acl" and trigger.tag_ == "VBN" and rules.is_cue("hold-verb", trigger.lemma_.lower())
            and trigger.head.pos_ in ("NOUN", "PROPN") and not is_weapon_phrase(ctx, trigger.head))


def target_heads(trigger: Token) -> list[Token]:
    """The objects an attack is aimed at: the verb's object, 'on/against/at X' on the verb or noun,
    and for a noun, those on its light verb ("five strikes had hit a depot")."""
    heads = [c for c in trigger.children if c.dep_ == "dobj"]
    heads += [p for prep in trigger.children if prep.dep_ == "prep" and load_rules().is_cue("strike-prep", prep.lower_)
              for p in prep.children if p.dep_ == "pobj"]
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj",) and trigger.head.pos_ == "VERB":
        heads += [c for c in trigger.head.children if c.dep_ == "dobj"]
    return heads


def owned_targets(ctx: DocContext, rules: Rules, trigger: Token) -> list[ActorRef]:
    """The holders of the attack's targets, when the targets themselves name nobody."""
    out: list[ActorRef] = []
    for head in target_heads(trigger):
        if actors_in_phrase(ctx, head):
            continue
        out += [a for a in holders_of(ctx, rules, head) if all(o.actor != a.actor for o in out)]
    return out


def passive_victims(ctx: DocContext, trigger: Token) -> list[ActorRef]:
    """'the Iranian was hit by an ISIS mortar attack': the one hit is the target."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or trigger.head.dep_ != "agent":
        return []
    verb = trigger.head.head
    hit = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not hit and verb.dep_ == "conj":   # "the Iranian had been with a unit and was hit by an attack"
        hit = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [a for c in hit for a in actors_in_phrase(ctx, c)]


def passive_target(ctx: DocContext, trigger: Token) -> list[ActorRef]:
    """'Saudi Arabia was attacked by Houthi drones': the passive subject of an attack verb is its target."""
    if trigger.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "agent" for c in trigger.children):
        return []
    return [a for c in trigger.children if c.dep_ == "nsubjpass" and not is_weapon_phrase(ctx, c)
            for a in actors_in_phrase(ctx, c)]


def target_weapons_are_targets(rules: Rules, trigger: Token) -> bool:
    """'targeting weapons sent from Iran': what a hitting verb takes as object is hit, not fired."""
    return trigger.pos_ in ("VERB", "AUX") and rules.is_cue("hit-verb", trigger.lemma_.lower())


def _air_attacks_in(ctx: DocContext, rules: Rules, actors: set[str]) -> bool:
    """The article speaks of air strikes by these actors, or of air strikes by nobody named."""
    words = rules.cue_words.get("air-attack", set())
    for sent in ctx.sents or ctx.doc.sents:
        toks = list(sent)
        pairs = (f"{a.lower_} {b.lower_}" for a, b in pairwise(toks))
        if not (any(t.lower_ in words for t in toks) or any(p in words for p in pairs)):
            continue
        # (a state named only as a place, "east of the Syrian capital", is not who struck)
        named = {a for span in ctx.mentions_of(sent) for a in [ctx.actor_of(span)]
                 if a and not _only_a_place(rules, span.root)}
        if not named or named & actors:
            return True
    return False


def _only_a_place(rules: Rules, tok: Token) -> bool:
    """A mention that only says where: the object of a place preposition or of 'east/north... of'."""
    head = tok
    while head.dep_ in ("compound", "amod", "poss") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and (rules.is_cue("place-prep", head.head.lower_) or head.head.lower_ == "of")


def service_class(rules: Rules, agents: list[ActorRef]) -> str | None:
    """'the Ethiopian Air Force', 'the navy': the class the attacking service fights with."""
    for agent in agents:
        head = agent.span.root
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
            head = head.head   # "the Egyptian Air Force": the demonym is a modifier of the force
        words = " ".join(t.lower_ for t in head.subtree if t.i <= head.i)
        for kind, weapon_class in SERVICE_KINDS:
            if any(w in words.split() or (" " in w and w in words) for w in rules.cue_words.get(kind, ())):
                return weapon_class
    return None


def attack_class(ctx: DocContext, rules: Rules, trigger: Token, agents: list[ActorRef]) -> str | None:
    """The class of an attack that names no weapon: the service, the attack word, the article's air strikes."""
    found = service_class(rules, agents)
    if found:
        return found
    word = trigger.lemma_.lower()
    for kind, weapon_class in (("attack-ammunition", "ammunition"), ("attack-artillery", "artillery"),
                               ("attack-arms", "arms")):
        if rules.is_cue(kind, word) or rules.is_cue(kind, trigger.lower_):
            return weapon_class
    # ("Israel's strikes on Hezbollah" too: the noun of a hit verb)
    if agents and trigger.pos_ in ("VERB", "NOUN") and rules.is_cue("hit-verb", word) and not any(
            is_weapon_phrase(ctx, t) for t in trigger.sent if t.pos_ in ("NOUN", "PROPN")
            and t.dep_ not in ("compound", "amod", "nmod")) and \
            _air_attacks_in(ctx, rules, {a.actor for a in agents}):
        # ("a hit by Russia using drones", "launched an attack on Israel": the means are named or unknown)
        return "aircraft"
    return None


def on_own_people(ctx: DocContext, rules: Rules, trigger: Token, actor: str | None) -> bool:
    """A state's attack in a sentence that names no other party and speaks of the state's own people:
    its opponents rising ('opponents ... have taken up arms, and the military has responded with air
    strikes') or its own people and places as what is hit ('strikes on villages'). Not the people an
    attack kills ('launched a missile, killing civilians')."""
    for tok in trigger.sent:
        span = ctx.mention(tok)
        other = ctx.actor_of(span) if span is not None else None
        if other and other != actor:
            return False
    for tok in trigger.sent:
        if not (rules.is_cue("own-people", tok.lower_) or rules.is_cue("own-people", tok.lemma_.lower())):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != trigger.i:
            return True
        noun = tok.head if tok.dep_ == "amod" else tok   # "air strikes on residential areas"
        if noun.dep_ == "pobj" and rules.is_cue("target-place-prep", noun.head.lower_):
            return True
    return False


def civilian_target(rules: Rules, trigger: Token) -> bool:
    """'airstrikes against civilian vehicles and buses', 'strikes on villages': what the attack is aimed at
    are people and places of a country, not the armed group the attacker fights."""
    # (on the attack word, or on what a verb launches: "launched 55 airstrikes against civilian buses")
    for prep in [*trigger.children, *(p for o in trigger.children if o.dep_ == "dobj" for p in o.children)]:
        if prep.dep_ == "prep" and rules.is_cue("strike-prep", prep.lower_):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                words = [obj, *obj.conjuncts, *(c for c in obj.children if c.dep_ in ("amod", "compound"))]
                if any(rules.is_cue("own-people", w.lower_) or rules.is_cue("own-people", w.lemma_.lower())
                       for w in words):
                    return True
    return False


def attacking_nationals(ctx: DocContext, trigger: Token, group: list) -> list[str]:  # type: ignore[type-arg]
    """'Saudi and Emirati warplanes bombed Yemen': the demonyms on the weapon that is the attack's subject
    (not a maker's '-made', not a supplier's '-supplied')."""
    out: list[str] = []
    for ref in group:
        # the attack's subject, or its passive agent ("Saudi Arabia was attacked by Houthi drones")
        subject = ref.head.dep_ == "nsubj" and ref.head.head.i == trigger.i
        agent = ref.head.dep_ == "pobj" and ref.head.head.dep_ == "agent" and ref.head.head.head.i == trigger.i
        if ref.made_suffix or ref.supplier or not (subject or agent):
            continue
        for mod in ref.head.children:
            if mod.dep_ not in ("amod", "compound", "nmod"):
                continue
            for tok in [mod, *mod.conjuncts]:
                span = ctx.mention(tok)
                actor = ctx.actor_of(span) if span is not None and span.label_ in ("DEMONYM", "BODY_DEMONYM") else None
                if actor and actor not in out:
                    out.append(actor)
    return out


def war_enemies(ctx: DocContext, rules: Rules, trigger: Token) -> list[ActorRef]:
    """'in the war against various militant groups, including the Houthis': the enemy of the war an
    attack is made in."""
    out: list[ActorRef] = []
    # ("used the drones to conduct operations in the war against ...": the purpose clause's war)
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("xcomp", "advcl"))]
    for prep in (p for h in heads for p in h.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for war in prep.children:
            if war.dep_ != "pobj" or not rules.is_cue("combat", war.lemma_.lower()):
                continue
            # ("used missiles in Monday's strike on the Emirates": the strike's target)
            # ("during its fight with ISIS": a war "with" X is against X; a strike "with" X is made with X)
            hit = rules.is_cue("hit-verb", war.lemma_.lower())
            preps = [p for p in war.children if p.dep_ == "prep" and (p.lower_ == "against" or (
                p.lower_ == "with" and not hit))]
            if not preps and hit:
                preps = [p for p in war.children if p.dep_ == "prep" and p.lower_ == "on"]
            for p in (p for against in preps for p in against.children if p.dep_ == "pobj"):
                found = actors_in_phrase(ctx, p) or _listed_actors(ctx, p)
                out += [a for a in found if all(o.actor != a.actor for o in out)]
    return out


def involved(ctx: DocContext, rules: Rules, trigger: Token) -> list[ActorRef]:
    """'The UAE is suspected of involvement in a bombing', 'denied any role in the attack', 'the coalition
    responsible for the bombing', 'claimed responsibility for the attack': the party tied to the attack."""
    from .clauses import subject as _subject

    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or trigger.head.lower_ not in ("in", "for"):
        return []
    tie = trigger.head.head
    if not rules.is_cue("involvement", tie.lemma_.lower()):
        return []
    if tie.pos_ == "ADJ":   # "the coalition responsible for", "X is responsible for"
        holder = tie.head if tie.dep_ == "amod" else next((c for c in tie.head.children if c.dep_ == "nsubj"), None)
        return actors_in_phrase(ctx, holder) if holder is not None else []
    poss = [c for c in tie.children if c.dep_ == "poss"]
    if poss:
        return actors_in_phrase(ctx, poss[0])
    verb = tie.head.head if tie.dep_ == "pobj" and tie.head.dep_ == "prep" else tie.head
    if verb.pos_ not in ("VERB", "AUX") or tie.dep_ not in ("dobj", "pobj"):
        return []
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        return actors_in_phrase(ctx, passive[0])
    subj, _ = _subject(ctx, rules, verb)
    return actors_in_phrase(ctx, subj) if subj is not None else []


def complete(ctx: DocContext, rules: Rules, trigger: Token, roles) -> None:  # type: ignore[no-untyped-def]
    """Fill an attack's target from the one hit or the holder of what is hit; drop hit weapons as means."""
    if target_weapons_are_targets(rules, trigger) and roles.weapons:
        objects = {t.i for o in trigger.children if o.dep_ == "dobj" for t in o.subtree}
        kept = [w for w in roles.weapons if w.head.i not in objects]
        if len(kept) < len(roles.weapons):
            roles.weapons = kept
            roles.rules.append("role/use/hit-weapon-is-target")
    along = [p for h in [trigger, *(o for o in trigger.children if o.dep_ == "dobj")] for prep in h.children
             if prep.dep_ == "prep" and rules.is_cue("alongside", prep.lower_) for p in prep.children if p.dep_ == "pobj"]
    have = {w.weapon_class for w in roles.weapons}   # (a model beside one of its own class is no other event)
    extra = [w for p in along for w in weapons_in_phrase(ctx, p) if w.weapon_class not in have]
    if extra and roles.weapons:   # "used cruise missiles alongside drones": both are fired
        roles.weapons = roles.weapons + extra
        roles.rules.append("weapon/alongside")
    direct = [a for h in target_heads(trigger) for a in actors_in_phrase(ctx, h)]
    enemies = war_enemies(ctx, rules, trigger)
    if enemies and not direct:   # "used the drones in Syria in the war against the PKK": the enemy, not the place
        roles.recipients = enemies
        roles.rules.append("role/use/war-enemy")
    if trigger.pos_ == "NOUN" and roles.agents:
        # "the Yemen school bus attack": Yemen names where the bus was, not who attacked
        left = trigger.left_edge.i
        roles.agents = [a for a in roles.agents if not (left <= a.span.start and a.span.end < trigger.i and any(
            t.pos_ == "NOUN" and t.dep_ == "compound" and ctx.mention(t) is None and not is_weapon_phrase(ctx, t)
            for t in trigger.doc[a.span.end:trigger.i]))]
    if not roles.agents:
        roles.agents = involved(ctx, rules, trigger)
        if roles.agents:
            roles.rules.append("role/use/involved")
    if roles.recipients:
        return
    roles.recipients = passive_victims(ctx, trigger) or owned_targets(ctx, rules, trigger) or passive_target(ctx, trigger)
    if roles.recipients:
        roles.rules.append("role/use/target-holder")
