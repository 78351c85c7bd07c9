"""How an answer is cut to what a map can show: the most mentioned places, a few document ids each,
with the counts of what was left out beside them (the API's `limit` and `doc_limit`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceCap:
    """At most `limit` places (the most mentioned; None: all), each listing at most `documents`
    document ids (None: all) beside its `document_count`."""

    limit: int | None = None
    documents: int | None = None

    def properties(self, mentions: int, docs: list[str], count: int) -> dict:
        """A place's counted properties: its mentions, its first documents and how many there are (`count`)."""
        listed = docs if self.documents is None else docs[:self.documents]
        return {"mentions": mentions, "documents": listed, "document_count": count}

    @staticmethod
    def counts_json(mentions: int, count: int) -> str:
        """The JSON of `properties(mentions, [], count)` without its braces (the map's ask lists no
        documents), written directly: a window's answer has hundreds of them."""
        return f'"mentions":{int(mentions)},"documents":[],"document_count":{int(count)}'


def capped_places(rows: list[tuple[int, object]], mentions: dict[int, int], limit: int | None) -> set[int]:
    """The keys of the `limit` most mentioned of `rows` (key, ...); ties go to the earlier row (by name)."""
    keys = [row[0] for row in rows]
    if limit is None or limit >= len(keys):
        return set(keys)
    return set(sorted(keys, key=lambda key: -mentions[key])[:limit])
