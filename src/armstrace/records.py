"""The records armstrace reads and writes: articles in, claim records out.

`Record` is one claim about one event in one document, in the format of
GUIDELINES.md (the scorer's fields) plus what makes it explainable: character
offsets of the evidence, the rule and gazetteer ids behind it, a confidence
and the extractor version.
"""
from __future__ import annotations

import bisect
import hashlib
import json
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal["transfer", "use", "production", "training", "sanction"]
WeaponClass = Literal[
    "uav", "missile", "anti-tank", "aircraft", "air-defense", "artillery",
    "ammunition", "armor", "naval", "small-arms", "technology", "arms",
]
Stance = Literal["asserted", "denied", "hedged"]
DatePrecision = Literal["day", "month", "year"]

# The Literals above are the one list; these tuples are read from them.
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
WEAPON_CLASSES: tuple[str, ...] = get_args(WeaponClass)
STANCES: tuple[str, ...] = get_args(Stance)


class Article(BaseModel):
    """One document as stored: the text every offset refers to."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD, or None when unknown
    source_path: str | None = None
    source_format: Literal["txt", "html", "jsonl", "pdf", "docx", "md", "odt", "epub"] = "txt"
    # Character ranges of `text` judged to be page chrome (menus, ads,
    # comments); extraction skips sentences inside them.
    skip_spans: list[tuple[int, int]] = Field(default_factory=list)
    # Where each page of `text` starts (page 1 at 0), for documents that have pages (PDF); else empty.
    page_starts: list[int] = Field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """The page (1-based) that holds character `offset` of `text`, None for a document without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def with_pages(self, records: list[Record]) -> list[Record]:
        """`records` with the page of their evidence set (unchanged for a document without pages)."""
        if not self.page_starts:
            return records
        return [record.model_copy(update={"page": self.page_at(record.evidence_start)}) for record in records]

    @property
    def content_hash(self) -> str:
        """SHA-256 of the stored text and date: re-ingesting the same file is a no-op."""
        h = hashlib.sha256()
        h.update(self.text.encode("utf-8"))
        h.update(b"\0" + (self.published or "").encode("utf-8"))
        return h.hexdigest()


class Quantity(BaseModel):
    """How many: "eight" -> 8/8, "at least 1,160" -> 1160/None."""

    model_config = ConfigDict(extra="forbid")

    min: int | None = None
    max: int | None = None


class Record(BaseModel):
    """One claim about one event in one document (GUIDELINES.md) plus provenance."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    type: EventType
    actor: str
    recipient: str | None = None
    location: str | None = None
    place: str | None = None
    weapon_class: WeaponClass | None = None
    weapons: list[str] = Field(default_factory=list)
    quantity: Quantity | None = None
    claimant: str
    speaker: str | None = None
    stance: Stance
    time: str | None = None
    time_precision: DatePrecision | None = None
    violates: list[str] = Field(default_factory=list)
    evidence: str
    evidence_start: int
    evidence_end: int
    # Explanation: what produced the record.
    trigger: str | None = None
    rules: list[str] = Field(default_factory=list)
    gazetteer_ids: list[str] = Field(default_factory=list)
    confidence: float = 0.5
    extractor_version: str = ""
    data_version: str = ""
    published: str | None = None
    # The page of a PDF the evidence starts on (1-based), set from the document's page starts; else None.
    page: int | None = None

    @property
    def record_id(self) -> str:
        """A stable id: the same claim from the same sentence always gets the same id."""
        key = json.dumps(
            [self.doc_id, self.type, self.actor, self.recipient, self.location, self.weapon_class,
             self.claimant, self.stance, self.evidence_start, self.evidence_end],
            ensure_ascii=False,
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_json(self) -> dict:
        """The record as one JSON object, with its id, as written to JSONL."""
        data = self.model_dump(mode="json")
        return {"id": self.record_id, **data}
