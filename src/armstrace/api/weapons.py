"""GET /api/weapons: the weapon models named in records, with how often and where."""
from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter

from .deps import FiltersDep, StoreDep

router = APIRouter(tags=["weapons"])


@router.get("/api/weapons")
def weapons(store: StoreDep, filters: FiltersDep) -> dict[str, Any]:
    """Model ids with their record and document counts and weapon classes, most named first."""
    n_records: Counter[str] = Counter()
    documents: dict[str, set[str]] = {}
    classes: dict[str, Counter[str]] = {}
    for rec in store.records(**filters):
        for model in rec.weapons:
            n_records[model] += 1
            documents.setdefault(model, set()).add(rec.doc_id)
            if rec.weapon_class:
                classes.setdefault(model, Counter())[rec.weapon_class] += 1
    items = [
        {"model": model, "n_records": count, "n_documents": len(documents[model]),
         "weapon_classes": [c for c, _ in classes.get(model, Counter()).most_common()]}
        for model, count in sorted(n_records.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return {"items": items, "total": len(items)}
