"""One document's corrections applied to the machine's reading of it: pure, the same in a build
and in a live change.

A reading is `{"fields": {...}, "places": [...], "dates": [...], "movements": [...]}`: the
document's fields and date, and the pipeline's mention, date and route records. The corrected
reading gives each place, date and movement a `review` (None for the machine's own reading,
unless the pipeline set one, e.g. a reading taken from source markup) and `reviews` for the
document's fields and date.
"""
from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from documents.calendars import julian_to_gregorian
from documents.edtf import period_of_iso
from mapapp.corrections.annotation import CONFIRM, DATE, FIELD, LINK, MOVEMENT, REJECT, Annotation

PLACE_FIELDS = ("name", "kind", "lat", "lon", "uncertainty_km")


@dataclass(frozen=True)
class Applied:
    """The corrected reading, and the annotations that could not be applied (their ids)."""

    reading: dict
    orphaned: tuple[str, ...]


def review(a: Annotation, status: str, names: Mapping[str, str | None]) -> dict:
    """The `review` of a reading the annotation `a` changed; `by` only for an editor who agreed to be named."""
    return {"status": status, "by": names.get(a.creator or ""), "at": a.modified or a.created, "note": a.note}


def _find(items: list[dict], span: tuple[int, int], overlap: bool = True) -> dict | None:
    start, end = span
    for item in items:
        if item.get("in_heading"):
            continue
        if (item["start"], item["end"]) == (start, end):
            return item
    if overlap:
        for item in items:
            if not item.get("in_heading") and item["start"] < end and start < item["end"]:
                return item
    return None


def _place_fields(place_id: str, place: Mapping) -> dict:
    return {"place_id": place_id, **{k: place.get(k) for k in PLACE_FIELDS}}


def apply(reading: dict, annotations: Sequence[tuple[Annotation, tuple[int, int] | None]],
          places: Mapping[str, Mapping], names: Mapping[str, str | None], body: str) -> Applied:
    """Return `reading` with the `annotations` (each with its anchored span, None when orphaned)
    applied in order; `places` gives name, kind, lat, lon of every place they name; `body` is the text."""
    out = copy.deepcopy(reading)
    for key in ("places", "dates", "movements"):
        for item in out.setdefault(key, []):
            item.setdefault("review", None)
    out.setdefault("reviews", {})
    orphaned = []
    for a, span in annotations:
        if (a.selection is not None and span is None) or not _apply_one(out, a, span, places, names, body):
            orphaned.append(a.id or "")
    out["places"].sort(key=lambda m: (m["start"], m["end"]))
    out["dates"].sort(key=lambda d: (d["start"], d["end"]))
    return Applied(out, tuple(orphaned))


def _apply_one(out: dict, a: Annotation, span, places, names, body: str) -> bool:
    """Apply one annotation to `out` in place; False when it has nothing to apply to (orphaned)."""
    values = _in_gregorian(a.values) if a.action == DATE else a.values
    if a.action == FIELD:
        out["fields"][values["field"]] = values["value"]
        out["reviews"][values["field"]] = review(a, "corrected", names)
        return True
    if a.action == DATE and a.selection is None:
        fields = out["fields"]
        fields.update(earliest=values["earliest"], latest=values["latest"], precision=values["precision"])
        if values.get("dateText"):
            fields["date_text"] = values["dateText"]
        out["reviews"]["date"] = {**review(a, "corrected", names), "calendar": values["calendar"],
                                  **({"as_written": values["as_written"]} if "as_written" in values else {})}
        return True
    if a.action == LINK:
        if a.place not in places:
            return False
        found = _find(out["places"], span)
        if found is None:
            out["places"].append({"start": span[0], "end": span[1], "text": body[span[0]:span[1]],
                                  **_place_fields(a.place, places[a.place]), "score": None, "candidates": [],
                                  "review": review(a, "added", names)})
        elif found.get("place_id") == a.place:
            found["review"] = review(a, "confirmed", names)
        else:
            found.update(_place_fields(a.place, places[a.place]), review=review(a, "corrected", names))
        return True
    if a.action == REJECT:
        kind = {"not-a-date": "dates", "not-a-movement": "movements"}.get(values["verdict"], "places")
        found = _find(out[kind], span)
        if found is None:
            return False
        found["review"] = {**review(a, "rejected", names), "verdict": values["verdict"]}
        return True
    if a.action == CONFIRM:
        found = next((f for kind in ("places", "dates", "movements") for f in [_find(out[kind], span, False)]
                      if f is not None), None) or next(
            (f for kind in ("places", "dates", "movements") for f in [_find(out[kind], span)] if f is not None), None)
        if found is None:
            return False
        found["review"] = review(a, "confirmed", names)
        return True
    if a.action == DATE:
        found = _find(out["dates"], span)
        new = {"earliest": values["earliest"], "latest": values["latest"], "precision": values["precision"],
               "calendar": values["calendar"], "edtf": _edtf(values),
               **({"as_written": values["as_written"]} if "as_written" in values else {})}
        if found is None:
            out["dates"].append({"text": body[span[0]:span[1]], "start": span[0], "end": span[1], **new,
                                 "review": review(a, "added", names)})
        else:
            found.update(new, review=review(a, "corrected", names))
        return True
    if a.action == MOVEMENT:
        if any(w not in places for w in values["waypoints"]):
            return False
        waypoints = [{"place_id": w, "name": places[w].get("name"), "lat": places[w].get("lat"),
                      "lon": places[w].get("lon")} for w in values["waypoints"]]
        new = {"waypoints": waypoints, "earliest": values.get("earliest"), "latest": values.get("latest"),
               "edtf": period_of_iso(values.get("earliest"), values.get("latest")),
               **{k: values[k] for k in ("actor", "kind", "status") if values.get(k) is not None}}
        found = _find(out["movements"], span)
        if found is None:
            out["movements"].append({"start": span[0], "end": span[1], "text": body[span[0]:span[1]],
                                     "kind": None, "status": None, "actor": None, "party": None,
                                     "approximate": False, **new, "review": review(a, "added", names)})
        else:
            found.update({k: v for k, v in new.items() if v is not None or k in ("earliest", "latest")},
                         review=review(a, "corrected", names))
        return True
    return False


def gregorian(day: str, calendar: str) -> str:
    """The Gregorian ISO day of `day` as written in `calendar` ("julian": Old Style)."""
    if calendar != "julian":
        return day
    return julian_to_gregorian(*(int(x) for x in day.split("-"))).isoformat()


def _in_gregorian(values: Mapping) -> dict:
    """A date correction's days on the Gregorian calendar (the map's), with the days as written kept."""
    out = dict(values)
    if values.get("calendar") == "julian":
        out["as_written"] = {"earliest": values["earliest"], "latest": values["latest"], "calendar": "julian"}
        out["earliest"], out["latest"] = gregorian(values["earliest"], "julian"), gregorian(values["latest"], "julian")
    return out


def _edtf(values: Mapping) -> str | None:
    """The EDTF form of a corrected date: a day, or an interval."""
    return period_of_iso(values["earliest"], values["latest"])
