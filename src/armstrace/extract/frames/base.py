"""What every frame is handed: the verb's clause or the noun's phrase, read once.

A frame (rules/triggers.jsonl "frame") says how grammatical roles map to
event roles. Reading the grammar is the same for every frame (the subject,
objects, datives, "with" objects of a verb; the possessor, "by/from/of/to"
objects and light verb of a noun), so it is done here, once, into a
`VerbClause` or `NounClause`; each frame module then only maps those to
agents, recipients, weapons and places, and registers itself under its name.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...rules import Rules
from ..clauses import Roles, children, clause_weapons, contents, pobjs, subject, weapons_from
from ..coordination import participle_antecedent, trailing_members
from ..document import DocContext
from ..members import listed_after
from ..phrases import ActorRef, actors_in_phrase, is_weapon_phrase, weapons_in_phrase


@dataclass
class VerbClause:
    """A verbal trigger's clause as the parse gives it, before any frame reads it."""

    ctx: DocContext
    rules: Rules
    verb: Token
    subj: Token | None
    passive_theme: list[Token]      # "drones were supplied"
    objs: list[Token]               # direct objects, and counted objects the parser makes pobjs
    dative: list[Token]             # "sold Tehran jets", "gave them to"
    with_objs: list[Token]          # "supplied Russia with drones"
    rel_head: Token | None          # "drones that Russia launched", "UAVs used by Russia"
    agent: list[ActorRef]           # the actors the subject names (none when it names a weapon)

    @classmethod
    def read(cls, ctx: DocContext, rules: Rules, verb: Token, roles: Roles) -> VerbClause:
        """Read the clause; a pronoun subject of the verb itself is left on `roles` for the caller."""
        subj, _ = subject(ctx, rules, verb)
        modified = participle_antecedent(verb)
        if modified is not None:   # "drones built by Iran and supplied to X": not the main clause's subject
            subj = next(iter(pobjs(verb, {"by"})), None)   # (as agent, or as a plain "by" when misparsed)
        if subj is None and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":
            # "Denmark said it was ready to provide jets": a pronoun controlling the adjective is resolved
            # like the verb's own ("it" = the speaker); a named subject is a governing candidate.
            subj = next((c for c in verb.head.head.children if c.dep_ == "nsubj" and c.pos_ == "PRON"), None)
        objs = children(verb, "dobj")
        # "fired between 30 and 40 missiles": the parser makes the counted object a preposition's.
        objs += [p for p in pobjs(verb, rules.cue_words["quantity-prep"]) if any(c.dep_ == "nummod" for c in p.children)]
        dative = [p for p in children(verb, "dative") if p.pos_ in ("PROPN", "NOUN", "PRON")]
        dative += [c for d in children(verb, "dative") for c in d.children if c.dep_ == "pobj"]
        # "all types of Iranian UAVs that struck ...": a weapon phrase is no actor, whatever its demonym.
        # ("the Turkish drone maker Baykar" is a firm: its weapon word names its trade)
        subj_is_weapon = subj is not None and not rules.is_cue("firm-noun", subj.lemma_.lower()) and (
            is_weapon_phrase(ctx, subj) or (ctx.mention(subj) is None and bool(weapons_in_phrase(ctx, subj))))
        agent = actors_in_phrase(ctx, subj) if subj is not None and not subj_is_weapon else []
        if subj is not None and not agent and not subj_is_weapon:
            agent = trailing_members(ctx, verb, subj)
        if subj is not None and not agent and subj.pos_ == "PRON" and (
                subj.head.i == verb.i or (verb.dep_ in ("xcomp", "conj") and subj.head.i == verb.head.i) or
                (verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and subj.head.i == verb.head.head.i)):
            roles.pronoun = subj   # only the verb's own subject: "said it had seen no sign of X supplying"
        with_objs = pobjs(verb, {"with", "alongside"})   # "used cruise missiles alongside drones"
        with_objs += [p for a in verb.children if a.dep_ in ("prep", "advmod") and a.lower_ in ("along", "together")
                      for p in pobjs(a, {"with"})]        # "missiles, along with armoured vehicles"
        # "smuggling weapons to Russia, including anti-tank missiles": the list hangs on the recipient
        with_objs += [p for t in [verb, *pobjs(verb, {"to"})] for p in pobjs(t, {"including"}) if weapons_in_phrase(ctx, p)]
        return cls(ctx, rules, verb, subj, children(verb, "nsubjpass"), objs, dative, with_objs,
                   verb.head if verb.dep_ in ("relcl", "acl") else modified, agent)


@dataclass
class NounClause:
    """A nominal trigger's phrase and the light verb that governs it ("imposed sanctions on")."""

    ctx: DocContext
    rules: Rules
    noun: Token
    poss: list[Token]
    by: list[Token]
    from_: list[Token]              # "from X", also under its "of" ("deliveries of drones from Iran")
    of: list[Token]
    to: list[Token]                 # "to/for X", also under its "of" ("deliveries of drones to Russia")
    on: list[Token]                 # "on/against X"
    mods: list[Token]               # amod, compound, nmod
    mod_actors: list[ActorRef]      # states, demonyms, bodies and organs among the modifiers
    light: Token | None             # "imposed sanctions", "received training", "approved a package of ..."
    light_subj: Token | None
    light_is_recipient: bool        # "received training": the light verb's subject receives
    light_actors: list[ActorRef]    # the light verb's subject, when that subject acts the noun
    weapon_phrases: list[Token]     # where a nominal trigger's weapons are named by default

    @classmethod
    def read(cls, ctx: DocContext, rules: Rules, noun: Token, roles: Roles) -> NounClause:
        """Read the phrase; a pronoun subject of an acting light verb is left on `roles` for the caller."""
        by, from_, of = pobjs(noun, {"by"}), pobjs(noun, {"from"}), pobjs(noun, {"of"})
        to = pobjs(noun, {"to", "for"}) + [p for o in of for p in pobjs(o, {"to"})]
        from_ += [p for o in of for p in pobjs(o, {"from"})]
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
        mod_actors = [a for m in mods for a in actors_in_phrase(ctx, m, follow_conj=False)
                      if a.label in ("DEMONYM", "STATE", "BODY", "ORGAN", "BODY_DEMONYM")]
        light = _light_verb(rules, noun)
        light_subj = subject(ctx, rules, light)[0] if light is not None else None
        light_is_recipient = light is not None and rules.is_cue("recipient-verb", light.lemma_.lower())
        if light_subj is not None and light_subj.i == noun.i:
            light_subj = None   # "Training of Ukrainian pilots began": the noun is its own verb's subject
        light_actors = actors_in_phrase(ctx, light_subj) if light_subj is not None else []
        acting = light is not None and rules.is_cue("light-agent-verb", light.lemma_.lower())
        if light_subj is not None and not light_actors and light_subj.pos_ == "PRON" and acting:
            roles.pronoun = light_subj   # "it has responded with air strikes": resolved by the caller
        if light is not None and not light_is_recipient and not acting:
            light_actors = []   # "pushing Guterres to investigate the drone use": the investigator did not use
        weapon_phrases = of + [m for m in mods if ctx.mention(m) is not None] + pobjs(noun, rules.cue_words["weapon-object-prep"])
        return cls(ctx, rules, noun, children(noun, "poss"), by, from_, of, to, pobjs(noun, {"on", "against"}),
                   mods, mod_actors, light, light_subj, light_is_recipient, light_actors, weapon_phrases)


def _light_verb(rules: Rules, noun: Token) -> Token | None:
    """The verb a nominal trigger is the object of, through 'of' and one other preposition:
    'imposed sanctions on', 'received training', 'approved a package of sanctions'."""
    light: Token | None = noun
    for _ in range(4):
        if light is None or light.dep_ not in ("dobj", "nsubjpass", "pobj", "attr", "conj", "prep") \
                or light.head.i == light.i:
            light = None
            break
        light = light.head
        if light.dep_ == "prep" and rules.is_cue("time-prep", light.lower_):
            light = None   # "sent munitions since the Hamas-led attack": the sending is no attack
            break
        if light.dep_ == "prep" and light.lower_ not in ("of",):
            light = light.head
            break
        if light.pos_ in ("VERB", "AUX"):
            break
    if light is not None and (light.pos_ not in ("VERB", "AUX") or light.i == noun.i):
        light = None
    if light is not None and not rules.is_cue("light-agent-verb", light.lemma_.lower()) and \
            any(rules.is_cue(k, light.lemma_.lower()) for k in ("report", "deny")):
        light = None     # "France classifies the deliveries as ...": the classifier did not deliver
    return light


def deniers(c: NounClause) -> list[ActorRef]:
    """'Iran denied the shipment of drones to Russia', 'Israel denied the strike': an event noun with no
    agent of its own, denied outright, is denied by the one accused of it."""
    if c.noun.dep_ != "dobj" or not c.rules.is_cue("deny", c.noun.head.lemma_.lower()):
        return []
    subj, _ = subject(c.ctx, c.rules, c.noun.head)
    return actors_in_phrase(c.ctx, subj) if subj is not None else []


def possessive_pronoun(c: NounClause, roles: Roles) -> None:
    """'its shipment of drones': the possessor pronoun is resolved like a subject pronoun."""
    if c.poss and c.poss[0].pos_ == "PRON" and c.poss[0].lower_ in ("its", "their"):
        roles.pronoun = c.poss[0]


def noun_weapons(c: NounClause, roles: Roles, *, deep: bool = False) -> None:
    """A nominal trigger's weapons and theme: 'deliveries of drones', 'drone deliveries', 'the shipment
    included missiles', else the light verb's object. `deep`: also a 'for' or 'including' lower in the
    phrase ('a contract worth $370 million for TB2 drones')."""
    ctx = c.ctx
    # "responded with air strikes and heavy weapons": a trigger that names its own weapon keeps the
    # weapons listed beside it.
    beside = [t for t in c.noun.conjuncts if is_weapon_phrase(ctx, t)] if is_weapon_phrase(ctx, c.noun) else []
    roles.weapons = weapons_from(ctx, c.weapon_phrases + beside) or weapons_in_phrase(ctx, c.noun) or roles.weapons
    if not roles.weapons or all(w.weapon_class == "arms" and c.noun.i in (w.head.i, w.head.head.i)
                                                for w in roles.weapons):
        # "the shipment included missiles"; "the arms package excludes Meteor missiles" (what it holds
        # names the arms)
        roles.weapons = weapons_from(ctx, contents(c.rules, c.noun)) or roles.weapons
    if not roles.weapons and deep:
        listed = [h for t in c.noun.subtree if t.dep_ == "prep" and t.lower_ == "including" for h in listed_after(ctx, t)]
        roles.weapons = weapons_from(ctx, [p for t in c.noun.subtree if t.i != c.noun.i
                                           for p in pobjs(t, {"for", "including"})] + listed)
    roles.theme = c.of[0] if c.of else None
    if c.light is not None and not roles.weapons:
        # ("placed an order worth $1 billion for 200 howitzers": the parser hangs the "for" on the light verb)
        objects = children(c.light, "dobj", "nsubjpass") + pobjs(c.light, c.rules.cue_words["weapon-object-prep"])
        roles.weapons = weapons_from(ctx, objects)


def plain_noun_roles(c: NounClause, roles: Roles) -> None:
    """A frame with no nominal reading of its own: the possessor pronoun and the phrase's weapons."""
    possessive_pronoun(c, roles)
    noun_weapons(c, roles)


def no_verb_roles(c: VerbClause, roles: Roles) -> None:
    """A frame with no verbal reading: the trigger keeps only its rule id."""


def clause_weapon_default(c: VerbClause, roles: Roles) -> None:
    """'have not supplied any of the countries at war with weapons': the parser hangs the weapon off a
    neighbour; with no weapon found, take weapons anywhere in the trigger's own clause, unless an object
    names some other thing."""
    objects = [o for o in c.verb.children if o.dep_ in ("dobj", "nsubjpass")]
    names_other_thing = any(o.pos_ in ("NOUN", "PROPN") and c.ctx.mention(o) is None for o in objects)
    if not roles.weapons and not names_other_thing:
        roles.weapons = clause_weapons(c.ctx, c.verb)
        if roles.weapons:
            roles.rules.append(f"role/{roles.rule.frame}/clause-weapon")
