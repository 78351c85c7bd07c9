"""Tours as the player and the handouts show them: found next to the corpus and in the package."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import current_app
from flask_babel import gettext

from mapapp.atlas.store import Atlas
from mapapp.errors import ApiError
from mapapp.message_ids import N_
from mapapp.tours.tour import Tour, TourError, bundled_tours_folder, find_tours, load_tour
from mapapp.view_state import ViewState, state_query
from mapapp.web.page_data import provenance_lines
from mapapp.web.sharing import page_url

STEP_PICTURE = (960, 600)


def tour_folders() -> list[Path]:
    """`tours/` next to each corpus path, then the package's own tours."""
    folders = []
    for path in current_app.config.get("CORPUS") or ():
        path = Path(path)
        folders.append((path if path.is_dir() else path.parent) / "tours")
    return folders + [bundled_tours_folder()]


@lru_cache(maxsize=128)
def _read_tour(path: Path, identity: tuple[int, int, int]) -> Tour | TourError:
    """The tour in `path` as it was when its (inode, size, mtime) were `identity`, or its problem."""
    try:
        return load_tour(path)
    except TourError as err:
        return err


def read_tour(path: Path) -> Tour:
    """Return the tour in `path`, read once per change of the file rather than once per request.

    Raises TourError naming the file and line when it cannot be used.
    """
    try:
        info = path.stat()
    except OSError as err:
        raise TourError(f"cannot read: {err.strerror or err}", str(path)) from None
    found = _read_tour(path, (info.st_ino, info.st_size, info.st_mtime_ns))
    if isinstance(found, TourError):   # a new exception each time: a cached one would gather tracebacks
        raise TourError(found.message, found.source, found.line)
    return found


def find_tour(name: str) -> Tour | None:
    """The tour `name`, None when there is none; a broken file is an error naming file and line."""
    path = find_tours(tour_folders()).get(name)
    if path is None:
        return None
    try:
        return read_tour(path)
    except TourError as err:
        raise ApiError(N_("the tour file cannot be used: %(problem)s"), "bad_tour", 500, problem=err) from None


def list_tours() -> list[dict]:
    """Every tour found, with its title, or the problem that keeps it from playing."""
    listed = []
    for name, path in sorted(find_tours(tour_folders()).items()):
        try:
            tour = read_tour(path)
            listed.append({"name": name, "title": tour.title, "steps": len(tour.steps), "problem": None})
        except TourError as err:
            listed.append({"name": name, "title": name, "steps": 0, "problem": str(err)})
    return listed




def tour_steps(tour: Tour, atlas: Atlas) -> list[dict]:
    """Each step with its document (when the atlas has it), its view, the written account of the view
    (the alt text of its picture) and its links, pinned to the atlas; dates in the request's language."""
    from mapapp.web.description_api import describe_view
    from mapapp.web.i18n import request_words

    long_date = request_words().date
    steps = []
    for number, step in enumerate(tour.steps, start=1):
        doc_id = step.doc if not step.doc or atlas.has_document(step.doc) else atlas.current_id(step.doc)
        doc = atlas.document(doc_id) if doc_id and atlas.has_document(doc_id) else None
        on = step.date.isoformat() if step.date else (doc or {}).get("earliest")
        state = ViewState(date=on, doc=doc["id"] if doc else None, lon=step.view.lon, lat=step.view.lat,
                          zoom=step.view.zoom, layers=step.view.map_layers)
        steps.append({
            "number": number, "step": step, "doc": doc, "state": state,
            "date_long": long_date(on) if on else "", "citation": (doc or {}).get("citation", []),
            "provenance": provenance_lines(doc, gettext),
            "missing_doc": step.doc if step.doc and doc is None else None,
            "map_query": state_query(state, atlas.version, width=STEP_PICTURE[0], height=STEP_PICTURE[1]),
            "map_link": "/?" + state_query(state, atlas.version),
            "account": (account := describe_view(atlas, state)), "description": account["text"],
            "embed_link": "/embed?" + state_query(state, atlas.version),   # the live map, in projector mode
            "url": f"/tours/{tour.name}?step={number}&v={atlas.version}"})
    return steps


def print_sheets(tour: Tour, atlas: Atlas) -> list[dict]:
    """One handout sheet per step: map, the account's opening, caption, quote, questions, citation and a link."""
    from mapapp.web.description_api import short_account
    from mapapp.web.i18n import document_title

    return [{"title": f"{s['number']}. {s['step'].title}", "date_text": s["date_long"],
             "text": s["step"].caption, "quote": s["step"].quote, "questions": s["step"].questions,
             "citation": s["citation"], "doc_title": document_title(s["doc"]) if s["doc"] else None,
             "description": s["account"]["text"], "summary": short_account(s["account"]),
             "provenance": s["provenance"],
             "map_query": state_query(s["state"], atlas.version, width=1000, height=520),
             "link": page_url(f"/tours/{tour.name}", f"step={s['number']}&v={atlas.version}")}
            for s in tour_steps(tour, atlas)]
