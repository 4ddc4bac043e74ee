"""Every record of a data file is checked when the file is read.

A file holding a record that no longer passes its own checks is damaged as
a whole: reading it says so plainly (never a TypeError on the board), and no
save rewrites it, so what is left of it stays for a person to mend.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crisishouse.store.convert import from_doc
from crisishouse.store.errors import StoreDamaged
from crisishouse.store.schema import KIND_BY_TABLE, META_TABLE


def validate_tables(path: Path, data: dict[str, Any], known: dict[str, Any] | None = None) -> None:
    """Raise StoreDamaged naming the first record of `data` that is not valid.

    Records equal to those in `known` (the file as last checked) are not
    checked again: another terminal's save changes a record or two, and
    years of stays need not be rebuilt to see that.
    """
    known = known or {}
    for table_name, docs in data.items():
        if table_name == META_TABLE:
            check_meta_shapes(path, docs)
            continue
        kind = KIND_BY_TABLE.get(table_name)
        if kind is None:
            raise StoreDamaged(path, f"it holds a table this crisishouse does not know ({table_name!r})")
        seen = known.get(table_name) or {}
        if seen is docs:  # a save leaves the tables it did not touch as they were
            continue
        for doc_id, doc in docs.items():
            before = seen.get(doc_id)
            if before is doc or before == doc:
                continue
            if not isinstance(doc, dict):
                raise StoreDamaged(path, f"its {table_name} record {doc_id} is not a record")
            if doc.get("id", doc_id) != doc_id:
                raise StoreDamaged(path, f"its {table_name} record {doc_id} carries another id")
            try:
                from_doc(kind.cls, doc)
            except Exception as error:
                raise StoreDamaged(path, f"its {table_name} record {doc_id} is not valid ({error})") from None


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _pending_ok(record: dict[str, Any]) -> bool:
    items = record.get("items", [])
    return isinstance(items, list) and all(
        isinstance(i, dict) and isinstance(i.get("guest_id"), str) and _is_str_list(i.get("stay_ids")) for i in items
    )


def _waits_ok(record: dict[str, Any]) -> bool:
    counts_ok = all(
        isinstance(record.get(f, {}), dict) and all(isinstance(e, dict) for e in record.get(f, {}).values())
        for f in ("names", "new_pins")
    )
    return counts_ok and _is_str_list(record.get("recent", [])) and isinstance(record.get("house_until"), str | None)


# The meta records the house reads, and the shape each must have: a
# hand-edited one is damage to name, never a traceback at opening or a
# refusal of every save.
_META_SHAPES = {
    "schema": lambda r: isinstance(r.get("version"), int),
    "erasing": _pending_ok,
    "erased": lambda r: _is_str_list(r.get("marks", [])),
    "sign_in_waits": _waits_ok,
}


def check_meta_shapes(path: Path, meta: dict[str, Any]) -> None:
    """Raise StoreDamaged if a meta record the house reads has another shape than the one it keeps."""
    for key, record in meta.items():
        shape = _META_SHAPES.get(key)
        if not isinstance(record, dict) or (shape is not None and not shape(record)):
            raise StoreDamaged(path, f"its meta record {key!r} does not have the shape crisishouse keeps")
