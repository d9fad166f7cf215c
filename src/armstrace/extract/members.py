"""Which classes a weapon phrase names when its words are vaguer or barer than the gazetteer's.

GUIDELINES: one event per weapon class, and `arms` only for weapons left
unspecified. These constructions name classes the class terms alone miss:

- An umbrella noun that lists its members ("military equipment ranging from
  rifles to attack helicopters", "weapons such as anti-tank missiles and
  drones", "the package, which includes howitzers", "military hardware, from
  tanks to missiles") says which classes moved: each member class gives an
  event (real DECISIONS 247: the named classes are required, `arms` optional;
  the umbrella stays, since a list under "including" may be partial and then
  `arms` is required too). A long list after "including" is read to its end
  however the parser breaks it (`listed_after`).
- A model or class written with a generic noun ("the Javelin weapon system",
  "air defence weapons"), or a definite "the weapon" beside a named one, is
  that weapon, not also unspecified arms; a negating prefix ("non-lethal aid")
  leaves no weapon at all.
- A bare category noun that is no weapon on its own ("aircraft", "planes",
  "fighters", "vessels": civil aviation, militants, merchant ships) is one when it
  stands in a list beside weapons ("tanks and fighters", "dozens of planes,
  dozens of helicopters", "drones and surface vessels"), in an umbrella's list,
  or is made by a party ("three Russian-made fighters"); means of production
  ("equipment for producing missiles") are technology.

The words are data (cues.jsonl: member-prep, range-verb, member-verb,
beside-weapons-*, civil-modifier, also-people, negating-prefix,
production-means).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp.mentions import ACTOR_LABELS, CLASS, WEAPON
from ..rules import Rules, load_rules
from .document import DocContext
from .phrases import WeaponRef, origin_of, weapons_in_phrase

_BESIDE_KINDS = (("beside-weapons-aircraft", "aircraft"), ("beside-weapons-naval", "naval"))
_PLATFORMS = ("aircraft", "armor", "naval")   # the classes a noun that also names people must stand beside


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        for t in (tok, *tok.conjuncts):
            if t not in out:
                out.append(t)
    return out


def _objects(verb: Token) -> list[Token]:
    """What a listing verb lists: 'includes X', 'consists of X', '..., along with Y'."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "with"):
            out += [c for c in prep.children if c.dep_ == "pobj"]
        elif prep.lower_ in ("along", "together"):
            out += [p for w in prep.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
    return out


def _is_member_prep(rules: Rules, prep: Token) -> bool:
    before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
    return rules.is_cue("member-prep", prep.lower_) or rules.is_cue("member-prep", f"{before} {prep.lower_}")


def _relative(rules: Rules, verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and rules.is_cue("relative-pronoun", c.lower_) for c in verb.children)


def member_heads(ctx: DocContext, head: Token) -> list[Token]:
    """The phrases that list what `head` holds: 'X such as / including / like Y', 'X ranging from Y to Z',
    'X, which includes Y', 'X (could) include(s) Y'."""
    rules = load_rules()
    out: list[Token] = []
    for child in head.children:
        if child.dep_ == "prep" and _is_member_prep(rules, child):
            out += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "acl" and rules.is_cue("range-verb", child.lemma_.lower()):
            out += [t for t in child.subtree if t.dep_ == "pobj" and rules.is_cue("range-prep", t.head.lower_)]
        elif child.dep_ == "relcl" and rules.is_cue("member-verb", child.lemma_.lower()) and _relative(rules, child):
            out += _objects(child)
    if head.dep_ in ("nsubj", "nsubjpass") and rules.is_cue("member-verb", head.head.lemma_.lower()):
        out += _objects(head.head)    # "the aid could include anti-tank missiles"
    if not out:
        out = _bare_range(ctx, head) or _misattached_relative(ctx, rules, head)
    return _with_conjuncts(out)


def _bare_range(ctx: DocContext, head: Token) -> list[Token]:
    """'military hardware, from Challenger tanks to Storm Shadow missiles': a range with no verb; the
    parser hangs its 'to' on the noun, its first end or the verb. Both ends must name weapons."""
    starts = [p for h in (head, head.head) for prep in h.children if prep.dep_ == "prep" and prep.lower_ == "from"
              for p in prep.children if p.dep_ == "pobj" and _is_weapon(ctx, p)]
    if not starts:
        return []
    hosts = [head, starts[0], head.head] + ([head.head.head] if head.head.dep_ == "prep" else [])
    ends = [p for h in hosts for prep in h.children if prep.dep_ in ("prep", "dative") and prep.lower_ == "to"
            and prep.i > starts[0].i for p in prep.children if p.dep_ == "pobj" and _is_weapon(ctx, p)]
    return starts[:1] + ends[:1] if ends else []


def _misattached_relative(ctx: DocContext, rules: Rules, head: Token) -> list[Token]:
    """'a shipment of military hardware to Belarus, which will include helicopters': the parser hangs the
    relative clause on the nearer noun; a party or a deal holds no weapons of its own there, so the umbrella
    before it is what the clause lists."""
    verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    for tok in verb.subtree:
        if tok.i <= head.i or tok.dep_ != "relcl" or not rules.is_cue("member-verb", tok.lemma_.lower()) \
                or not _relative(rules, tok):
            continue
        if not _is_weapon(ctx, tok.head):
            return _objects(tok)   # ("the isolated country, which will include": a party, or a deal)
    return []


def bare_class(ctx: DocContext, tok: Token, *, listed: bool = False) -> str | None:
    """The class of a bare category noun ('fighters', 'planes') that stands beside weapons, or is listed
    under an umbrella (`listed`); None when it names no weapon here."""
    rules = load_rules()
    weapon_class = next((c for kind, c in _BESIDE_KINDS if rules.is_cue(kind, tok.lower_)), None)
    if weapon_class is None or ctx.mention(tok) is not None or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(rules.is_cue("civil-modifier", c.lower_) for c in tok.children):
        return None   # "cargo planes", "merchant vessels"
    if rules.is_cue("also-people", tok.lower_) and any(
            c.dep_ in ("compound", "poss", "amod", "nmod") and _is_actor(ctx, c) for c in tok.children):
        return None   # "Hamas fighters", "Ukrainian fighters" are people
    made = any(c.dep_ == "amod" and rules.is_cue("producer-suffix", c.lower_) and any(_is_actor(ctx, g) for g in c.children)
               for c in tok.children)   # "three Russian-made fighters": people are not made
    # ("sent fighters and weapons", "fighters and rockets": militants go with arms; jets with tanks and helicopters)
    partner_classes = _PLATFORMS if rules.is_cue("also-people", tok.lower_) else None
    return weapon_class if listed or made or any(_is_weapon(ctx, p, partner_classes)
                                                 for p in _list_partners(tok)) else None


def may_add(tok: Token) -> bool:
    """Whether `refine` could find a weapon in this word of its own (a bare class noun, means of
    production): a phrase with no weapon mention and no such word is dismissed unread."""
    return tok.lower_ in load_rules().derived("adding-words", _adding_words)


def _adding_words(rules: Rules) -> frozenset[str]:
    """Every word `may_add` looks for, in one set."""
    return frozenset().union(*(rules.cue_words.get(kind, ()) for kind in
                               ("production-means", *(kind for kind, _ in _BESIDE_KINDS))))


def _means_of_production(tok: Token) -> str | None:
    """'equipment for producing ballistic missiles', 'machine tools to make drones': technology (GUIDELINES:
    production know-how and components), whatever the parser hangs the purpose on."""
    if not load_rules().is_cue("production-means", tok.lower_):
        return None
    nxt = tok.doc[tok.i + 1:min(tok.i + 3, tok.sent.end)]
    if len(nxt) == 2 and nxt[0].lower_ in ("for", "to") \
            and load_rules().is_cue("made-by-verb", nxt[1].lemma_.lower()):
        return "technology"
    return None


def _is_actor(ctx: DocContext, tok: Token) -> bool:
    span = ctx.mention(tok)
    return span is not None and span.label_ in ACTOR_LABELS


def _is_weapon(ctx: DocContext, tok: Token, classes: tuple[str, ...] | None = None) -> bool:
    span = ctx.mention(tok)
    if span is None or span.label_ not in (WEAPON, CLASS):
        return False
    return classes is None or ctx.referent(span).weapon_class in classes


def _list_partners(tok: Token) -> list[Token]:
    """The other members of the list `tok` stands in: its conjuncts, and through a count ('dozens of
    planes, dozens of helicopters') the counted nouns of the count's conjuncts."""
    partners = list(tok.conjuncts)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        count = tok.head.head
        for other in count.conjuncts:
            partners += [other] + [p for prep in other.children if prep.lower_ == "of"
                                   for p in prep.children if p.dep_ == "pobj"]
    return partners


def refine(ctx: DocContext, head: Token, tokens: list[Token], refs: list[WeaponRef], *,
           listed: bool = False) -> list[WeaponRef]:
    """The phrase's weapons with bare class nouns added, generic nouns merged into their model and
    umbrellas replaced by the members they list."""
    refs = [r for r in refs if not _generic_of_named(r, refs) and not _definite_generic_beside(r, refs)
            and not _negated(r)]
    have = {t.i for r in refs for t in r.span}
    for tok in tokens:
        weapon_class = None if tok.i in have else (
            bare_class(ctx, tok, listed=listed and tok.i == head.i) or _means_of_production(tok))
        if weapon_class is not None:
            refs.append(WeaponRef(weapon_class, None, tok.doc[tok.i:tok.i + 1], tok))
            refs[-1].producer, refs[-1].supplier = origin_of(ctx, refs[-1])
    return replace_umbrellas(ctx, head, refs)


def _generic_of_named(ref: WeaponRef, refs: list[WeaponRef]) -> bool:
    """'the Javelin weapon system', 'air defence weapons': the generic noun a model or class modifies is
    that model or class."""
    if ref.weapon_class != "arms" or ref.model is not None:
        return False
    return any(r.weapon_class != "arms" and r.span.root.dep_ in ("compound", "nmod", "amod") and
               ref.span.start <= r.span.root.head.i < ref.span.end for r in refs)


def _negated(ref: WeaponRef) -> bool:
    """'non-lethal aid', 'non-military equipment': a negating prefix before the class words leaves no weapon
    (real DECISIONS 222: non-lethal aid as arms is optional)."""
    doc, start = ref.span.doc, ref.span.start
    before = doc[max(0, start - 2):start]
    words = [t.lower_ for t in before if t.text not in ("-", "\u2010", "\u2011")]
    return bool(words) and before[-1].whitespace_ == "" and load_rules().is_cue("negating-prefix", words[-1])


def _definite_generic_beside(ref: WeaponRef, refs: list[WeaponRef]) -> bool:
    """'SCALP missiles, the French version of the weapon': a definite singular generic noun beside a named
    weapon points back to it (as candidates.specific_earlier does across sentences)."""
    if ref.weapon_class != "arms" or ref.model is not None or ref.head.morph.get("Number", []) != ["Sing"]:
        return False
    definite = any(c.dep_ == "det" and (c.morph.get("Definite", []) == ["Def"] or c.morph.get("PronType", []) == ["Dem"])
                   for c in ref.head.children)
    return definite and any(r.weapon_class != "arms" for r in refs)


def replace_umbrellas(ctx: DocContext, head: Token, refs: list[WeaponRef]) -> list[WeaponRef]:
    """Each umbrella ('arms' without a model) adds the members of other classes it lists; it stays itself,
    since a list under 'including' may be partial (the gold keeps it, required or optional)."""
    out = list(refs)
    for umbrella in [r for r in refs if r.weapon_class == "arms" and r.model is None]:
        owners = [umbrella.head] + ([head] if head.i != umbrella.head.i and head in umbrella.head.ancestors else [])
        members = [m for o in owners for h in member_heads(ctx, o)
                   for m in weapons_in_phrase(ctx, h, listed=True) if m.weapon_class != "arms"]
        out += [m for m in members if all(m.span.start != r.span.start for r in out)]
    return out


def listed_after(ctx: DocContext, prep: Token) -> list[Token]:
    """The heads of the weapons a list names after 'including' up to the list's end (a verb of its own,
    ';' or the sentence's end): the parser often breaks a long list into appositions and conjuncts of
    its members ('a package including Stinger missiles, more ammunition for HIMARS launchers, 155mm
    rounds, Javelin missiles and Bradley vehicles')."""
    end = prep.sent.end
    for tok in prep.doc[prep.i + 1:prep.sent.end]:
        if tok.text == ";" or (tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound", "pcomp")
                               and ctx.mention(tok) is None):
            end = tok.i
            break
    return weapon_heads(ctx, prep.i + 1, end)


def weapon_heads(ctx: DocContext, start: int, end: int) -> list[Token]:
    """The noun heads of the weapons named from token `start` up to `end`, each once, in order."""
    heads: list[Token] = []
    doc = ctx.doc
    for tok in doc[start:end]:
        span = ctx.mention(tok)
        if span is not None and span.label_ in (WEAPON, CLASS) and tok.i == span.start:
            head = span.root
            while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i and head.head.i < end:
                head = head.head
            if head not in heads:
                heads.append(head)
    return heads
