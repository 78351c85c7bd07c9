"""Places made in the app (`POST /api/places`) and the undoing of that (`POST /api/history/<id>/undo`):
the user layer changed, then the documents whose text names the place analysed again and patched in.

An undo puts the places made in the app back as they were before the change: a created place is
taken out again, and undoing that undo makes it again with its id. A place that editors'
corrections use (a mention linked to it, a movement routed through it) is not taken out: the undo is
refused (409) naming their documents. Taking it out would leave their work pointing at nothing, and
unlinking it in the same undo would withdraw work they did not ask to withdraw; each correction can
be withdrawn or re-linked first, a change of its own that can be undone. The machine's own links
to the place go by themselves: the documents naming it are analysed again.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from mapapp.atlas.current import current_atlas
from mapapp.corrections import newplace, places
from mapapp.corrections.store import CorrectionsStore
from mapapp.errors import Conflict
from mapapp.message_ids import N_

Republish = Callable[[list, dict], None]   # (document ids, their new machine readings): patch them in


def documents_naming(atlas, names: Iterable[str]) -> list[str]:
    """The documents whose body holds one of `names` (a case-blind search, as a first sieve)."""
    from mapapp.atlas.query import dialect_of, like_pattern

    dialect = dialect_of(atlas.conn)
    like = dialect.like(dialect.unpacked("body", "body"))
    found: dict[str, None] = {}
    for name in names:
        for (doc_id,) in atlas.conn.execute(f"SELECT id FROM documents WHERE {like}", (like_pattern(name),)):
            found[doc_id] = None
    return list(found)


def reanalyse(names: Iterable[str], republish: Republish) -> list[str]:
    """Analyse again, with today's gazetteer, the documents naming one of `names`; patch them in; return their ids."""
    atlas = current_atlas()
    touched = documents_naming(atlas, names)
    if touched:
        from mapapp.corrections.reanalyse import readings

        rows = atlas.conn.execute(
            f"SELECT id, source_path, title, author, recipient, origin, kind, date_text, earliest, latest, precision "
            f"FROM documents WHERE id IN ({', '.join('?' * len(touched))})", touched).fetchall()
        fresh = readings([(r[0], r[1], dict(zip(("title", "author", "recipient", "origin", "kind", "date_text",
                                                     "earliest", "latest", "precision"), tuple(r)[2:], strict=True)))
                          for r in rows])
        if fresh:
            republish(list(fresh), fresh)
    return touched


def create(data, home, store: CorrectionsStore, who: str, republish: Republish) -> dict:
    """Make the place `data` states in the user layer; return it, the documents analysed again and its history entry."""
    place = newplace.place_of(data, lambda pid: places.place(pid) is not None)
    newplace.save(place, home)
    places.forget()
    # logged before the analysis, so that the history holds every change to the user layer
    entry = store.log_place(place.id, who, newplace.place_json(place))
    touched = reanalyse([n.toponym for n in place.names], republish)
    return {**newplace.place_json(place), "documents": touched, "history_entry": entry["id"]}


def undo(entry: dict, home, store: CorrectionsStore, who: str, republish: Republish) -> dict:
    """Undo a change to the places made in the app (a history entry without a document); return the undo's entry.

    Conflict (409) when the place is in use by corrections, already gone, or (to make it again) there."""
    place_id = entry["annotation_id"]
    if entry["before"] is None:   # the change made the place: take it out
        linked = newplace.linked_by(store.annotations(), place_id)
        if linked:
            raise Conflict(N_("place %(place)s is used by corrections of %(documents)s: withdraw or re-link them first"),
                           place=repr(place_id), documents=", ".join(sorted({a.document_id for a in linked})))
        gone = newplace.remove(place_id, home)
        if gone is None:
            raise Conflict(N_("place %(place)s is not among the places made in the app now"), place=repr(place_id))
        changed, before, after = gone, newplace.place_json(gone), None
    else:                         # the change took it out: make it again, with its id
        changed = newplace.place_from_json(entry["before"])
        if places.place(place_id) is not None:
            raise Conflict(N_("place %(place)s is in the gazetteer already"), place=repr(place_id))
        newplace.save(changed, home)
        before, after = None, newplace.place_json(changed)
    places.forget()
    undone = store.log_place_undo(entry["id"], place_id, who, before, after)
    reanalyse([n.toponym for n in changed.names], republish)
    return undone
