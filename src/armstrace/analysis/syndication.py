"""Syndicated copies: the same story republished by another outlet counts once.

Each document gets a MinHash signature of its word 5-shingles (text outside
page chrome only, so that two sites' menus do not make their copies look
different). Two documents are copies when

- their estimated Jaccard similarity is at least 0.8 (the usual near-duplicate
  threshold, e.g. Broder 1997; wire copies with a new headline and footer
  score 0.85-0.95), or
- one contains at least 90% of the other's shingles (a copy cut short, or
  wrapped in a longer page), when the smaller has 40 shingles or more, or
- they share at least two claim sentences word for word, covering 80% of the
  claim sentences of the one with fewer (an edited copy keeps its sentences).

Copies are grouped transitively; a group is one independent source.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict

from ..records import Article
from ..store import Store
from ..store.rows import article_of
from .access import chunks, query

SHINGLE_WORDS = 5
N_HASHES = 128          # standard error of the Jaccard estimate ~ sqrt(J(1-J)/128): 0.035 at J = 0.8
JACCARD_COPY = 0.8
CONTAINMENT_COPY = 0.9
CONTAINMENT_MIN_SHINGLES = 40
EVIDENCE_SHARED_MIN = 2
EVIDENCE_SHARED_SHARE = 0.8
MAX_REASONS = 50

_PRIME = np.uint64((1 << 61) - 1)
# Fixed seed: signatures stored in a database must be comparable across runs.
_RNG = np.random.default_rng(20_221_017)
# a < 2**29 and 32-bit shingle hashes keep a*h + b below 2**62: no uint64 overflow.
_A = _RNG.integers(1, 1 << 29, size=N_HASHES, dtype=np.uint64)
_B = _RNG.integers(0, 1 << 61, size=N_HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+")


class Signature(BaseModel):
    """A document's MinHash and how many distinct shingles it was made from."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    n_shingles: int
    minhash: bytes


class SyndicationGroup(BaseModel):
    """Documents that are copies of one story; `lead` is the first published (then smallest id)."""

    model_config = ConfigDict(extra="forbid")

    lead: str
    doc_ids: list[str]
    reasons: list[str]


def body_text(article: Article) -> str:
    """The article's text without the spans marked as page chrome."""
    pieces, last = [], 0
    for start, end in sorted(article.skip_spans):
        pieces.append(article.text[last:start])
        last = max(last, end)
    pieces.append(article.text[last:])
    return "\n".join(pieces)


def signature_of(text: str) -> Signature:
    """The MinHash signature of a text's word 5-shingles (case and punctuation ignored)."""
    words = _WORD.findall(text.casefold())
    grams = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    grams.discard("")
    if not grams:
        return Signature(n_shingles=0, minhash=b"")
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "little") for g in grams),
        dtype=np.uint64, count=len(grams))
    values = (_A[:, None] * hashes[None, :] + _B[:, None]) % _PRIME
    return Signature(n_shingles=len(grams), minhash=values.min(axis=1).astype("<u8").tobytes())


def similarity(a: Signature, b: Signature) -> tuple[float, float]:
    """(estimated Jaccard, estimated containment of the smaller in the larger); zeros for empty texts."""
    if not a.n_shingles or not b.n_shingles:
        return 0.0, 0.0
    sig_a = np.frombuffer(a.minhash, dtype="<u8")
    sig_b = np.frombuffer(b.minhash, dtype="<u8")
    jaccard = float(np.mean(sig_a == sig_b))
    shared = jaccard * (a.n_shingles + b.n_shingles) / (1 + jaccard)
    return jaccard, min(1.0, shared / min(a.n_shingles, b.n_shingles))


def sign_documents(conn: sqlite3.Connection, doc_ids: Sequence[str] | None) -> int:
    """Store signatures for documents that have none (only `doc_ids` when given); returns how many."""
    missing = ("SELECT d.* FROM documents AS d WHERE NOT EXISTS "
               "(SELECT 1 FROM document_signatures AS s WHERE s.doc_id = d.doc_id)")
    batches = ([(missing, [])] if doc_ids is None else
               [(missing + f" AND d.doc_id IN ({','.join('?' * len(p))})", list(p)) for p in chunks(doc_ids)])
    n = 0
    for sql, params in batches:
        for row in conn.execute(sql, params).fetchall():
            sig = signature_of(body_text(article_of(row)))
            conn.execute("INSERT INTO document_signatures (doc_id, n_shingles, minhash) VALUES (?, ?, ?)",
                         (row["doc_id"], sig.n_shingles, sig.minhash))
            n += 1
    return n


def load_signatures(store: Store, doc_ids: Iterable[str]) -> dict[str, Signature]:
    """Signatures of the given documents, computed from their text where none is stored."""
    ids = sorted(set(doc_ids))
    found: dict[str, Signature] = {}
    for part in chunks(ids):
        marks = ",".join("?" * len(part))
        for row in query(store, f"SELECT doc_id, n_shingles, minhash FROM document_signatures "
                                f"WHERE doc_id IN ({marks})", part):
            found[row["doc_id"]] = Signature(n_shingles=row["n_shingles"], minhash=bytes(row["minhash"]))
    for doc_id in ids:
        if doc_id not in found:
            found[doc_id] = signature_of(body_text(store.get_document(doc_id)))
    return found


def normalise_sentence(sentence: str) -> str:
    """Lower case, words only: quotes, dashes and spacing do not tell two copies apart."""
    return " ".join(_WORD.findall(sentence.casefold()))


def copy_reason(a: Signature, b: Signature, evidence_a: set[str], evidence_b: set[str]) -> str | None:
    """Why two documents are copies of one story, or None when they are independent."""
    jaccard, containment = similarity(a, b)
    if jaccard >= JACCARD_COPY:
        return f"text similarity {jaccard:.2f} >= {JACCARD_COPY}"
    if containment >= CONTAINMENT_COPY and min(a.n_shingles, b.n_shingles) >= CONTAINMENT_MIN_SHINGLES:
        return f"one contains {containment:.0%} of the other's text"
    shared = evidence_a & evidence_b
    fewer = min(len(evidence_a), len(evidence_b))
    if len(shared) >= EVIDENCE_SHARED_MIN and fewer and len(shared) / fewer >= EVIDENCE_SHARED_SHARE:
        return f"{len(shared)} of {fewer} claim sentences identical"
    return None


def _matrix(ids: Sequence[str], signatures: Mapping[str, Signature]) -> tuple[np.ndarray, np.ndarray]:
    """(MinHashes as an n x N_HASHES array, shingle counts); an empty text's row never matches."""
    rows = np.zeros((len(ids), N_HASHES), dtype=np.uint64)
    sizes = np.zeros(len(ids), dtype=np.float64)
    for i, doc_id in enumerate(ids):
        sig = signatures[doc_id]
        if sig.n_shingles and len(sig.minhash) == 8 * N_HASHES:
            rows[i] = np.frombuffer(sig.minhash, dtype="<u8")
            sizes[i] = sig.n_shingles
        else:
            rows[i] = np.arange(len(ids) * N_HASHES + i * N_HASHES, len(ids) * N_HASHES + (i + 1) * N_HASHES)
    return rows, sizes


def _text_pairs(ids: Sequence[str], signatures: Mapping[str, Signature]) -> set[tuple[int, int]]:
    """Pairs (i < j) whose MinHashes may make them copies, all n^2 compared at once in numpy.

    A superset of the pairs `copy_reason` accepts on text (thresholds eased by
    1e-9 against rounding); each is checked again with `copy_reason`.
    """
    rows, sizes = _matrix(ids, signatures)
    found: set[tuple[int, int]] = set()
    step = 64
    for start in range(0, len(ids), step):
        jaccard = (rows[start:start + step, None, :] == rows[None, :, :]).sum(axis=2) / N_HASHES
        a, b = sizes[start:start + step, None], sizes[None, :]
        smaller = np.minimum(a, b)
        with np.errstate(divide="ignore", invalid="ignore"):
            containment = np.minimum(1.0, jaccard * (a + b) / (1 + jaccard) / smaller)
        hit = (jaccard >= JACCARD_COPY - 1e-9) | ((containment >= CONTAINMENT_COPY - 1e-9)
                                                  & (smaller >= CONTAINMENT_MIN_SHINGLES))
        for i, j in zip(*np.nonzero(hit), strict=True):
            if start + int(i) < int(j):
                found.add((start + int(i), int(j)))
    return found


def _evidence_pairs(ids: Sequence[str], evidence: Mapping[str, set[str]]) -> set[tuple[int, int]]:
    """Pairs (i < j) sharing at least EVIDENCE_SHARED_MIN claim sentences, from an index of sentences."""
    holders: dict[str, list[int]] = {}
    for i, doc_id in enumerate(ids):
        for sentence in evidence.get(doc_id, ()):
            holders.setdefault(sentence, []).append(i)
    shared: dict[tuple[int, int], int] = {}
    for docs in holders.values():
        for k, i in enumerate(docs):
            for j in docs[k + 1:]:
                shared[(i, j)] = shared.get((i, j), 0) + 1
    return {pair for pair, n in shared.items() if n >= EVIDENCE_SHARED_MIN}


def syndication_groups(signatures: Mapping[str, Signature], evidence: Mapping[str, set[str]],
                       published: Mapping[str, str | None]) -> list[SyndicationGroup]:
    """Group documents that are copies of each other (transitively); singletons are groups too.

    Candidate pairs come from `_text_pairs` and `_evidence_pairs` (vectorised:
    2,000 documents in well under a second, where a Python loop over the 2
    million pairs took 17 s); each is then judged by `copy_reason`, in the
    order of the pairwise loop this replaces, so groups and reasons are the
    same. A group keeps at most MAX_REASONS reasons (k copies make k^2 pairs).

    Args:
        evidence: each document's claim sentences, normalised (`normalise_sentence`).
        published: each document's date, to pick a group's lead.
    """
    ids = sorted(signatures)
    parent = {doc_id: doc_id for doc_id in ids}
    reasons: dict[str, list[str]] = {}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for i, j in sorted(_text_pairs(ids, signatures) | _evidence_pairs(ids, evidence)):
        first, second = ids[i], ids[j]
        why = copy_reason(signatures[first], signatures[second],
                          evidence.get(first, set()), evidence.get(second, set()))
        if why is None:
            continue
        reasons.setdefault(first, []).append(f"{second} copies {first}: {why}")
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    for doc_id in ids:
        members.setdefault(root(doc_id), []).append(doc_id)
    groups = []
    for docs in members.values():
        lead = min(docs, key=lambda d: (published.get(d) or "9999-99-99", d))
        group_reasons = [r for d in docs for r in reasons.get(d, [])]
        if len(group_reasons) > MAX_REASONS:
            more = len(group_reasons) - MAX_REASONS
            group_reasons = [*group_reasons[:MAX_REASONS], f"and {more} more pairs of copies"]
        groups.append(SyndicationGroup(lead=lead, doc_ids=docs, reasons=group_reasons))
    return sorted(groups, key=lambda g: (published.get(g.lead) or "9999-99-99", g.lead))
