"""The grammar every frame reads: subjects, prepositional objects, destinations, weapons in a clause.

Frames (extract/frames/) differ in how grammatical roles map to event roles,
not in how the roles are found in the parse; what they share lives here, once:
the subject of a verb through conjunctions, control, relative clauses and
plans ("Germany's decision to send tanks"), the objects of prepositions, the
places and destinations a phrase names. The words these helpers test are data
(rules/cues.jsonl), read through `Rules`.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..nlp.mentions import INSTRUMENT
from ..rules import Rules, TriggerRule, load_rules
from .document import DocContext
from .phrases import ActorRef, WeaponRef, actors_in_phrase, place_in_phrase, weapons_in_phrase


@dataclass
class Roles:
    """The arguments of one trigger."""

    rule: TriggerRule
    trigger: Token
    agents: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    weapons: list[WeaponRef] = field(default_factory=list)
    place: tuple[str, str] | None = None
    theme: Token | None = None
    rules: list[str] = field(default_factory=list)
    helper: list[ActorRef] = field(default_factory=list)   # "Iran helps Russia produce": Iran
    pronoun: Token | None = None     # the agent is a pronoun ("we", "it"): resolved by the caller
    witness: list[ActorRef] = field(default_factory=list)   # who seized a shipment
    source_named: bool = False       # "from X" / "by X" was written but X is not in the gazetteers
    purpose: bool = False            # a use "to attack/disrupt ...": combat even with no target named
    hosts: list[tuple[str, str]] = field(default_factory=list)   # every place a training is held
    candidates: list = field(default_factory=list)   # agents proposed from outside the clause (candidates.py)

    @property
    def agent_tokens(self) -> set[int]:
        return {i for a in self.agents for i in range(a.span.start, a.span.end)}


def children(tok: Token, *deps: str) -> list[Token]:
    """The token's children with these dependency labels, in order."""
    return [c for c in tok.children if c.dep_ in deps]


def pobjs(tok: Token, preps: Collection[str]) -> list[Token]:
    """Objects of these prepositions (or of a dative or passive agent) attached to the token."""
    out: list[Token] = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ in preps:
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def pobjs_around(verb: Token, preps: Collection[str]) -> list[Token]:
    """Objects of these prepositions on the verb or on its direct object ("bought drones from Turkey")."""
    out = pobjs(verb, preps)
    for obj in verb.children:
        if obj.dep_ in ("dobj", "nsubjpass"):
            out += [p for p in pobjs(obj, preps) if p not in out]
    return out


def destinations(ctx: DocContext, rules: Rules, sent: Span) -> list[ActorRef]:
    """'bound for the Houthis', 'destined for Yemen', 'en route to Russia': where a shipment was going."""
    out: list[ActorRef] = []
    for tok in sent:
        if not rules.is_cue("destination", tok.lower_):
            continue
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out += [a for a in actors_in_phrase(ctx, pobj) if a.actor not in {o.actor for o in out}]
        nxt = tok.nbor() if tok.i + 1 < sent.end else None
        if not out and nxt is not None and nxt.lower_ in ("for", "to"):
            for pobj in (c for c in nxt.children if c.dep_ == "pobj"):
                out += actors_in_phrase(ctx, pobj)
    return out


def first_state(ctx: DocContext, head: Token) -> ActorRef | None:
    """The first state or group named anywhere in a phrase, clauses included: 'Ivan Maslov, whom it
    described as the head of Wagner in Mali' is Wagner's man; Mali is only where he works."""
    for tok in head.subtree:
        span = ctx.mention(tok)
        if span is None or tok.i != span.start or span.label_ not in ("STATE", "DEMONYM", "ORGAN", "CAPITAL", "BODY"):
            continue
        if span.root.dep_ == "pobj" and load_rules().is_cue("site-prep", span.root.head.lower_) and span.root.i != head.i:
            continue
        actor = ctx.actor_of(span)
        if actor:
            return ActorRef(actor, span, span.label_)
    return None


def first_place(ctx: DocContext, heads: list[Token]) -> tuple[str, str] | None:
    """The first of these phrases that names a place (state, capital), as (ISO3, text)."""
    for head in heads:
        found = place_in_phrase(ctx, head)
        if found:
            return found
    return None


def partitive_relative(tok: Token) -> Token | None:
    """'France and Italy, all of whom have said ...', 'two firms, both of which sold ...': a quantifier
    over a relative pronoun stands for the relative clause's antecedent (with its conjuncts), like
    the pronoun itself. None when `tok` is no such quantifier."""
    if tok.head.dep_ != "relcl" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.head.i == tok.head.i:
        return None
    if any(p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and o.tag_ in ("WP", "WDT")
                                                         for o in p.children) for p in tok.children):
        return tok.head.head
    return None


def relative_antecedent(rules: Rules, tok: Token) -> Token:
    """'the first nation to which India will export missiles': a relative pronoun the preposition takes
    is the noun the clause hangs on, or what that noun is said of ('the Philippines has become the
    first nation'). Any other token is itself."""
    if tok.tag_ not in ("WDT", "WP") or tok.dep_ != "pobj":
        return tok
    clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
    if clause is None or clause.head.i == clause.i:
        return tok
    noun = clause.head
    return predicated_of(rules, noun) or (noun.head if noun.dep_ == "appos" else noun)   # "Chile, a country to which"


def subject(ctx: DocContext, rules: Rules, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """(subject token, is_passive_theme). Follows conjunctions, control and relative clauses."""
    for c in verb.children:
        if c.dep_ == "nsubj" and partitive_relative(c) is not None:
            return partitive_relative(c), False
        if c.dep_ == "nsubj":
            if rules.is_cue("relative-pronoun", c.lower_) and verb.dep_ == "relcl":
                # "Baykar, which is building a factory"; "Ethiopia is among the countries that bought TB2s"
                return predicated_of(rules, verb.head) or verb.head, False
            if rules.is_cue("relative-pronoun", c.lower_) and c.tag_ in ("WDT", "IN", "WP"):
                # "The shipment, which CENTCOM said came from Iran": the relative clause is higher up.
                rel = next((a for a in verb.ancestors if a.dep_ == "relcl"), None)
                if rel is not None:
                    return rel.head, False
            return c, False
    for c in verb.children:
        if c.dep_ == "agent":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, False
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        # "suppliers that it said sold engines to Iran": the gap is the relative clause's antecedent.
        return predicated_of(rules, verb.head.head) or verb.head.head, False
    if depth > 3 or verb.head.i == verb.i:
        return None, False
    head = verb.head
    if verb.dep_ == "conj":
        return subject(ctx, rules, head, depth + 1)
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and head.pos_ in ("VERB", "AUX"):
        if rules.is_cue("object-control", head.lemma_.lower()):
            obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None:
                return obj, False
        if verb.dep_ == "xcomp" and head.dep_ == "acl" and head.tag_ == "VBN" and \
                not any(c.dep_ in ("aux", "nsubj") for c in head.children):
            # "one of the countries known to use Harop drones": the raising participle's noun acts
            return predicated_of(rules, head.head) or head.head, False
        if verb.dep_ in ("xcomp", "advcl"):
            return subject(ctx, rules, head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.dep_ in ("dobj", "attr") and \
            head.head.head.pos_ in ("VERB", "AUX"):
        # "nations have expressed interest in buying it": who holds the interest would buy; "its policy
        # of not sending weapons": the noun's own holder
        poss = next((c for c in head.head.children if c.dep_ == "poss"), None)
        return (poss, False) if poss is not None else subject(ctx, rules, head.head.head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        # "prevented Israel from launching": the object of the governing verb acts.
        obj = next((c for c in head.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        penalised = pobjs(obj, {"on", "against"}) if obj is not None and head.lower_ == "for" else []
        if penalised:
            return penalised[0], False   # "imposed sanctions on Iranian firms for supplying": the firms did
        if obj is not None:   # (passive: "Iran was accused by the US of sending": Iran, not the accuser)
            return obj, False
        if head.head.dep_ == "acl" and head.head.tag_ == "VBN":
            return head.head.head, False   # "Chinese firms accused of supplying": the firms are accused
        return subject(ctx, rules, head.head, depth + 1)
    if verb.dep_ == "pcomp" and head.lower_ == "for" and head.head.pos_ == "NOUN":
        # "sanctions on Chinese firms for supplying drone parts": the one penalised did it
        target = next(iter(pobjs(head.head, {"on", "against"})), None)
        if target is not None:
            return target, False
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        return head, False   # "Russia, using Iranian drones, ..."
    if verb.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
            predicated_of(rules, head) is not None:
        return predicated_of(rules, head), False   # "Britain was the first country to give Ukraine missiles"
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
            rules.is_cue("intent-noun", head.lemma_.lower()):
        return _plan_holder(ctx, rules, head, depth)
    return None, False


def _plan_holder(ctx: DocContext, rules: Rules, plan: Token, depth: int) -> tuple[Token | None, bool]:
    """'Germany's decision to send tanks', 'Washington held off on plans to send drones': whoever
    holds the plan would act on it; 'asked about Iran's plans to supply': the asker holds no plan."""
    poss = next((c for c in plan.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss, False
    gov = plan
    while gov.dep_ in ("dobj", "pobj", "prep") and gov.head.i != gov.i:
        gov = gov.head
        if gov.pos_ in ("VERB", "AUX"):
            if rules.is_cue("plan-holder", gov.lemma_.lower()):
                return subject(ctx, rules, gov, depth + 1)
            break
    return None, False


def bodies_in(ctx: DocContext, head: Token) -> list[ActorRef]:
    """The body behind an instrument phrase: 'UN Security Council resolutions', 'Resolution 1718'."""
    out: list[ActorRef] = []
    for tok in head.subtree:
        span = ctx.mention(tok)
        if span is None or tok.i != span.start:
            continue
        if span.label_ == "BODY":
            out.append(ActorRef(ctx.actor_of(span) or "", span, span.label_))
        elif span.label_ == INSTRUMENT and (ctx.referent(span).instrument or "").startswith("UNSCR"):
            out.append(ActorRef("un", span, span.label_))
    return [a for a in out if a.actor]


def possessive_owner(ctx: DocContext, obj: Token, exclude: list[ActorRef]) -> list[ActorRef]:
    """'its soldiers', 'their forces': the nearest actor named before, other than the event's agents."""
    poss = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if poss is None:
        return []
    skip = {a.actor for a in exclude}
    for i in range(poss.i - 1, max(-1, poss.sent.start - 1), -1):
        span = ctx.mention(ctx.doc[i])
        actor = ctx.actor_of(span) if span is not None else None
        if span is not None and actor and actor not in skip:
            return [ActorRef(actor, span, span.label_)]
    return []


def predicated_of(rules: Rules, noun: Token) -> Token | None:
    """The subject a generic noun is said of: 'Britain was the first country ...', 'Ethiopia and
    Morocco are among the countries ...'. None when the noun is not predicated of anything."""
    step = noun
    if step.dep_ == "pobj" and step.head.lower_ == "of" and step.head.head.lower_ == "one":
        step = step.head.head   # "Azerbaijan is one of the three countries ..."
    elif step.dep_ == "pobj" and rules.is_cue("predicate-prep", step.head.lower_) and step.head.head.pos_ in ("AUX", "VERB"):
        step = step.head
    if step.dep_ not in ("attr", "prep") or not rules.is_cue("copula", step.head.lemma_):
        return None
    return next((c for c in step.head.children if c.dep_ == "nsubj"), None)


_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "nsubj", "nsubjpass", "csubj", "xcomp"}


def clause_weapons(ctx: DocContext, verb: Token) -> list[WeaponRef]:
    """Weapons in the verb's clause, not in its subject or in clauses of their own."""
    tokens: list[Token] = []
    stack = [c for c in verb.children if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        tokens.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSE_DEPS)
    heads = [t for t in tokens if ctx.mention(t) is not None and t.pos_ in ("NOUN", "PROPN")]
    return weapons_from(ctx, heads)


def contents(rules: Rules, noun: Token) -> list[Token]:
    """What a shipment is said to hold: 'The shipment ... included components for missiles'."""
    if noun.dep_ != "nsubj":
        return []
    # ("components seized aboard the dhow were of Iranian design and included missiles": a verb it shares)
    # ("the package excludes Meteor missiles": what it leaves out, denied by extract/stance.py)
    verbs = [v for v in (noun.head, *noun.head.conjuncts)
             if rules.is_cue("contain", v.lemma_.lower()) or rules.is_cue("exclude", v.lemma_.lower())]
    return [c for v in verbs for c in v.children if c.dep_ in ("dobj", "attr")] + [p for v in verbs for p in pobjs(v, {"of"})]


def weapons_from(ctx: DocContext, tokens: list[Token]) -> list[WeaponRef]:
    """The weapons named in these phrases, each span once, in order."""
    out: list[WeaponRef] = []
    for tok in tokens:
        for ref in weapons_in_phrase(ctx, tok):
            if all(r.span.start != ref.span.start for r in out):
                out.append(ref)
    return out


def ranked_after(ctx: DocContext, noun: Token) -> list[ActorRef]:
    """'the fourth largest exporter of arms to X after the US and France', 'its second biggest client
    after Algeria': a ranking noun (a superlative on it) names, after 'after', the parties that rank
    above it in the same role. Only parties named outright count ('after the war' is a time)."""
    if not any(m.tag_ in ("JJS", "RBS") for m in noun.children if m.dep_ in ("amod", "advmod")):
        return []
    out: list[ActorRef] = []
    stack = [noun]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in ("relcl", "acl", "advcl", "appos", "ccomp"):
                continue
            if child.dep_ == "prep" and child.lower_ == "after":
                for pobj in (p for p in child.children if p.dep_ == "pobj"):
                    for head in [pobj, *pobj.conjuncts]:
                        span = ctx.mention(head)
                        actor = ctx.actor_of(span) if span is not None and span.root.i == head.i else None
                        if actor and span is not None and all(a.actor != actor for a in out):
                            out.append(ActorRef(actor, span, span.label_))
            elif child.dep_ in ("prep", "pobj"):
                stack.append(child)
    return out
