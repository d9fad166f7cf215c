"""What extraction reads once per document stays the parse's, whatever a rule does with it.

A phrase's weapons and a sentence's reporting verbs are read once per
document (issue 15: they were re-read by every rule that asked, a third of
extraction's time). Rules change the weapons they are given (a model filled
in from an earlier sentence, a producer from a demonym); the next rule that
asks must still get the phrase as written, or one record's weapon would leak
into the next record.
"""
from __future__ import annotations

from armstrace.extract import extract_doc
from armstrace.extract.attribution import reporting_verbs
from armstrace.extract.document import DocContext
from armstrace.extract.phrases import weapons_in_phrase
from armstrace.nlp.mentions import gazetteer_referents
from armstrace.records import Article
from armstrace.rules import load_rules


def _ctx(nlp, text: str) -> DocContext:
    return DocContext.build(nlp(text), gazetteer_referents()[0], [], None)


def test_a_rule_changing_a_phrase_s_weapons_leaves_the_next_reading_as_written(nlp):
    ctx = _ctx(nlp, "Iran sent Iranian-made Shahed-136 drones and artillery shells to Russia.")
    head = next(t for t in ctx.doc if t.lower_ == "drones")
    first = weapons_in_phrase(ctx, head)
    assert {(w.weapon_class, w.model, w.producer) for w in first} >= {("uav", "shahed-136", "IRN")}
    for ref in first:
        ref.model, ref.producer = "changed", None
        ref.gazetteer_ids.append("changed")
    again = weapons_in_phrase(ctx, head)
    assert [(w.weapon_class, w.model, w.producer, w.gazetteer_ids) for w in again] == \
        [(w.weapon_class, w.model, w.producer, w.gazetteer_ids) for w in weapons_in_phrase(_ctx(
            nlp, ctx.doc.text), next(t for t in nlp(ctx.doc.text) if t.lower_ == "drones"))]
    assert all(w.model != "changed" and "changed" not in w.gazetteer_ids for w in again)


def test_a_sentence_s_reporting_verbs_are_the_same_each_time_asked(nlp):
    ctx = _ctx(nlp, "Ukraine said Iran sent drones to Russia. Iran denied it.")
    rules = load_rules()
    sents = list(ctx.doc.sents)
    first = reporting_verbs(ctx, rules, sents[0])
    first.clear()   # a caller's list is its own
    assert [(v.lower_, k) for v, k in reporting_verbs(ctx, rules, sents[0])] == [("said", "report")]
    assert [(v.lower_, k) for v, k in reporting_verbs(ctx, rules, sents[1])] == [("denied", "deny")]


def test_two_documents_read_in_turn_keep_their_own_weapons(nlp):
    # (one document's readings must not answer for the next's tokens at the same positions)
    first, second = "Iran sent Shahed-136 drones to Russia.", "Iran sent Fateh-110 missiles to Russia."
    a = extract_doc(nlp(first), Article(doc_id="a", text=first))
    b = extract_doc(nlp(second), Article(doc_id="b", text=second))
    assert [r.weapons for r in a if r.type == "transfer"] == [["shahed-136"]]
    assert [r.weapons for r in b if r.type == "transfer"] == [["fateh-110"]]
