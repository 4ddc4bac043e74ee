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
            continue
        kind = KIND_BY_TABLE.get(table_name)
        if kind is None:
            raise StoreDamaged(path, f"it holds a table this crisishouse does not know ({table_name!r})")
        seen = known.get(table_name) or {}
        for doc_id, doc in docs.items():
            if seen.get(doc_id) == doc:
                continue
            if not isinstance(doc, dict):
                raise StoreDamaged(path, f"its {table_name} record {doc_id} is not a record")
            if doc.get("id", doc_id) != doc_id:
                raise StoreDamaged(path, f"its {table_name} record {doc_id} carries another id")
            try:
                from_doc(kind.cls, doc)
            except Exception as error:  # noqa: BLE001 - any failure means a bad record
                raise StoreDamaged(path, f"its {table_name} record {doc_id} is not valid ({error})") from None
