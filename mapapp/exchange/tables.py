"""The mentions as a CSV table, one row each (RFC 4180, UTF-8)."""
from __future__ import annotations

import csv
import io

from mapapp.exchange.content import AtlasContent
from mapapp.exchange.layers import review_status

MENTION_COLUMNS = ("document_id", "start", "end", "text", "place_id", "name", "lat", "lon", "score", "review")


def mentions_csv(content: AtlasContent) -> str:
    """Every place mention: document, span, text, place id, lat, lon, score and review status."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(MENTION_COLUMNS)
    for doc, m in content.mentions():
        writer.writerow([doc["id"], m["start"], m["end"], m["text"], m.get("place_id") or "", m.get("name") or "",
                         m.get("lat") if m.get("lat") is not None else "",
                         m.get("lon") if m.get("lon") is not None else "",
                         m.get("score") if m.get("score") is not None else "", review_status(m)])
    return out.getvalue()
