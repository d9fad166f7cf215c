"""Records as FollowTheMoney entities (the `followthemoney` library), for Aleph and OpenSanctions pipelines.

One JSON entity per line, each built with the library's own model and
validated by it before it is written. The mapping (docs/ftm.md says what is lost):

- states -> `PublicBody` (name, country, jurisdiction); international bodies,
  alliances, armed groups and actors no gazetteer lists -> `Organization`
  (the kind in `classification`); officials the people gazetteer knows, when
  quoted -> `Person` (name, position, country);
- documents -> `Article` (title, sourceUrl, publishedAt);
- events -> `Event` (name, date, organizer: the actor, involved: actor and
  recipient, country, summary, keywords: type, class and models, proof: the
  articles, recordId: the event id); a sanction with a sanctioned party ->
  `Sanction` (entity: that party, authority: the sanctioning actor,
  startDate, reason: the evidence, proof, recordId);
- each claim (record) -> `Documentation` linking its article (document) to
  its event, or for sanctions to the sanctioned party (entity); `role` says
  who claims it and how, `summary` is the evidence sentence, `status` the
  stance, `date` the report date, `recordId` the record id.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy

from ..analysis.events import Event, get_event
from ..errors import BadData, NotFound
from ..gazetteer import load_gazetteers
from ..store import Store
from .names import AUTHOR, actor_kind, actor_name, weapon_names
from .rows import Row

PREFIX = "armstrace"


@dataclass(frozen=True)
class FtmSummary:
    """What `write_ftm` wrote: the records read and the entities written."""

    records: int
    entities: int


def _id(kind: str, key: str) -> str:
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return f"{PREFIX}-{kind}-{digest}"


@lru_cache(maxsize=1)
def _people() -> dict[str, Any]:
    return {f"person/{p.id.split('/', 1)[1]}": p for p in load_gazetteers().people}


def check(proxy: EntityProxy) -> EntityProxy:
    """The entity, validated by its schema (values and required properties); BadData says what failed."""
    data = proxy.to_dict()
    missing = [name for name in proxy.schema.required if not proxy.get(name)]
    try:
        proxy.schema.validate(data)  # type: ignore[arg-type]  # to_dict() is the ValidationData shape
    except InvalidData as exc:
        raise BadData(f"FollowTheMoney {proxy.schema.name} {proxy.id}: {exc}") from exc
    if missing:
        raise BadData(f"FollowTheMoney {proxy.schema.name} {proxy.id}: required {', '.join(missing)} missing")
    return proxy


class Entities:
    """The entities of one export, each made once and kept until written."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.by_id: dict[str, EntityProxy] = {}
        self._events: dict[str, Event | None] = {}
        self._added: set[tuple[str, str, str | None]] = set()

    def add_once(self, proxy: EntityProxy, prop: str, value: str | None) -> None:
        """`proxy.add(prop, value)`, skipped when this entity was given this value already.

        An event gets its proof, source url and event id once per claim: FtM cleans each value (a url
        parse, ~35 us) and looks it up in a list, which for an event of n claims costs n^2 (issue 11's
        events reach 2,000 documents). A repeat adds nothing, except to FtM's count of the size of an
        entity's text (`total_size`), so text properties, which have one, are always added.
        """
        key = (str(proxy.id), prop, value)
        if key in self._added:
            return
        if proxy.schema.properties[prop].type.total_size is None:
            self._added.add(key)
        proxy.add(prop, value)

    def make(self, schema: str, entity_id: str) -> tuple[EntityProxy, bool]:
        """(entity, new?) with this id, made if it is not there yet."""
        if entity_id in self.by_id:
            return self.by_id[entity_id], False
        proxy = model.make_entity(schema)
        proxy.id = entity_id
        proxy.add("publisher", "armstrace")
        self.by_id[entity_id] = proxy
        return proxy, True

    def party(self, actor: str) -> str:
        """The entity id of an actor: PublicBody for a state, Organization for the rest."""
        kind = actor_kind(actor)
        proxy, new = self.make("PublicBody" if kind == "state" else "Organization", _id("actor", actor))
        if new:
            name = actor_name(actor) or actor
            proxy.add("name", name)
            proxy.add("keywords", actor)
            if kind == "state":
                proxy.add("country", name)
                proxy.add("jurisdiction", name)
            else:
                proxy.add("classification", kind)
        return str(proxy.id)

    def article(self, row: Row) -> str:
        rec = row.record
        """The entity id of the record's document (an Article)."""
        proxy, new = self.make("Article", _id("doc", rec.doc_id))
        if new:
            proxy.add("name", row.title or rec.doc_id)
            proxy.add("title", row.title)
            proxy.add("sourceUrl", row.url)
            proxy.add("publishedAt", rec.published)
            proxy.add("fileName", rec.doc_id)
        return str(proxy.id)

    def person(self, row: Row) -> str | None:
        """A Person for a quoted official the people gazetteer knows, linked to the claimant's state."""
        for gid in row.record.gazetteer_ids:
            person = _people().get(gid)
            speaker = row.record.speaker or ""
            if person is not None and any(name in speaker for name in (person.name, *person.aliases)):
                proxy, new = self.make("Person", _id("person", gid))
                if new:
                    proxy.add("name", person.name)
                    proxy.add("position", person.role)
                    if actor_kind(person.actor) == "state":
                        proxy.add("country", actor_name(person.actor))
                return str(proxy.id)
        return None

    def stored_event(self, event_id: str | None) -> Event | None:
        """The stored event (read once), None for a record not joined into one yet."""
        if event_id is None:
            return None
        if event_id not in self._events:
            try:
                self._events[event_id] = get_event(self.store, event_id)
            except NotFound:
                self._events[event_id] = None
        return self._events[event_id]

    def happening(self, row: Row, article: str) -> str:
        """The entity id of the record's event (an Event or a Sanction), made from the stored event if any."""
        rec, event = row.record, self.stored_event(row.event_id)
        key = row.event_id or f"record:{row.record_id}"
        if rec.type == "sanction" and rec.recipient:
            proxy, new = self.make("Sanction", _id("sanction", key))
            if new:
                proxy.add("entity", self.party(rec.recipient))
                proxy.add("authority", actor_name(rec.actor) or rec.actor)
                self.party(rec.actor)   # the sanctioning state or body, as an entity of its own
                proxy.add("startDate", event.time if event else rec.time)
                proxy.add("summary", _summary(rec.type, rec.actor, rec.recipient, rec.weapon_class, rec.weapons,
                                              event.time if event else rec.time))
        else:
            proxy, new = self.make("Event", _id("event", key))
            if new:
                self._fill_event(proxy, row, event)
        self.add_once(proxy, "proof", article)
        self.add_once(proxy, "sourceUrl", row.url)
        if rec.type == "sanction":
            self.add_once(proxy, "reason", rec.evidence)
        self.add_once(proxy, "recordId", row.event_id)
        return str(proxy.id)

    def _fill_event(self, proxy: EntityProxy, row: Row, event: Event | None) -> None:
        rec = row.record
        models = event.models if event else rec.weapons
        time = event.time if event else rec.time
        proxy.add("name", _summary(rec.type, rec.actor, rec.recipient or rec.location, rec.weapon_class, models, time))
        proxy.add("date", time)
        proxy.add("organizer", self.party(rec.actor))
        proxy.add("involved", self.party(rec.actor))
        if rec.recipient:
            proxy.add("involved", self.party(rec.recipient))
        for place in (rec.location, rec.recipient):
            if place and actor_kind(place) == "state":
                proxy.add("country", actor_name(place))
        proxy.add("location", rec.place)
        proxy.add("keywords", [rec.type, rec.weapon_class, *weapon_names(models)])

    def claim(self, row: Row) -> None:
        """The record as a Documentation: its article documents its event (or the sanctioned party)."""
        rec = row.record
        article = self.article(row)
        happening = self.happening(row, article)
        target = happening
        if self.by_id[happening].schema.name == "Sanction":
            target = self.party(str(rec.recipient))
        proxy, _ = self.make("Documentation", _id("claim", row.record_id))
        proxy.add("document", article)
        proxy.add("entity", target)
        claimant = "the article's author" if rec.claimant == AUTHOR else actor_name(rec.claimant) or rec.claimant
        speaker = f" (speaker: {rec.speaker})" if rec.speaker else ""
        proxy.add("role", f"{rec.stance} by {claimant}{speaker}")
        proxy.add("status", rec.stance)
        proxy.add("summary", rec.evidence)
        proxy.add("date", rec.published)
        proxy.add("recordId", row.record_id)
        proxy.add("sourceUrl", row.url)
        if rec.claimant != AUTHOR:
            self.party(rec.claimant)
        person = self.person(row)
        if person is not None:
            proxy.add("description", f"spoken by {self.by_id[person].first('name')}")


def _summary(kind: str, actor: str, target: str | None, weapon_class: str | None, models: Iterable[str],
             time: str | None) -> str:
    """`transfer: Iran -> Russia, uav (Shahed-136), 2022-08`."""
    names = weapon_names(list(models))
    what = (weapon_class or "arms") + (f" ({', '.join(names)})" if names else "")
    link = " in " if kind == "production" else " -> "
    to = f"{link}{actor_name(target) or target}" if target else ""
    return f"{kind}: {actor_name(actor) or actor}{to}, {what}, {time or 'time unknown'}"


def write_ftm(store: Store, rows: Iterable[Row], path: str | Path) -> FtmSummary:
    """Write the records' entities to `path`, one JSON entity per line, each validated; returns the counts."""
    entities = Entities(store)
    n = 0
    for row in rows:
        entities.claim(row)
        n += 1
    with open(path, "w", encoding="utf-8") as fh:
        for proxy in entities.by_id.values():
            fh.write(json.dumps(check(proxy).to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return FtmSummary(records=n, entities=len(entities.by_id))
