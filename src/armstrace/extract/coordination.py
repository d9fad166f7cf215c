"""Parties and weapons the parser hangs on the wrong word in coordinated and listed phrases.

'Bombs built by X and supplied to Y': the second participle modifies the same
weapons, though the parser often hangs it on the main verb. 'Several nations
have expressed interest, including X and Y': the trailing list names the
subject's members, though it hangs on a verb. Split from frames/base.py,
which every frame imports.
"""
from __future__ import annotations

from spacy.tokens import Token

from .document import DocContext
from .phrases import ActorRef, actors_in_phrase


def trailing_members(ctx: DocContext, verb: Token, subj: Token) -> list[ActorRef]:
    """'several nations have expressed interest in buying it, including Vietnam and Thailand': a plural
    subject that names no party is the parties a trailing ', including X and Y' lists (the parser hangs
    the list on a verb of the subject's clause)."""
    if subj.tag_ != "NNS" or ctx.mention(subj) is not None:
        return []
    chain = [verb]
    while chain[-1].i != subj.head.i and chain[-1].head.i != chain[-1].i and len(chain) < 5:
        chain.append(chain[-1].head)
    if chain[-1].i != subj.head.i:
        return []
    for tok in chain:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "including" and prep.i > verb.i and prep.nbor(-1).is_punct:
                return [a for p in prep.children if p.dep_ == "pobj" for a in actors_in_phrase(ctx, p)]
    return []


def participle_antecedent(verb: Token) -> Token | None:
    """'remnants of bombs built by X and supplied to Y by Z': a past participle coordinated with a
    reduced relative modifies the same noun, also where the parser hangs it on the main verb
    ('show remnants of bombs built ... and supplied'). None for a finite or subject-bearing verb."""
    # (the tagger often calls the second participle a past tense; a participle takes no object)
    if verb.dep_ != "conj" or verb.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "dative") for c in verb.children):
        return None
    head = verb.head
    if head.dep_ == "acl" and head.tag_ == "VBN" and head.head.i < head.i:
        return head.head
    for tok in reversed(verb.doc[head.i + 1:verb.i]):
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and head.i < tok.head.i < tok.i:
            return tok.head
    return None
