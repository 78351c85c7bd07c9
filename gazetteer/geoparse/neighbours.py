"""How neighbouring names of a text relate: listed together, chained by dashes, or one in
parentheses after the other ("Sisian (Karakilisa)") as another name of the same place."""
from __future__ import annotations

from gazetteer.geoparse.matcher import Hit
from gazetteer.names.normalize import DASHES

AREA_KINDS = frozenset({"region", "district", "province"})


def list_peers(hits: list[Hit], choices: list[tuple]) -> list[str | None]:
    """Return per hit what the names listed with it are: a cue kind, "region", "settlement" or None.

    A list ("Zangezur, Nakhichevan and Karabakh", "the vilayets of Van, Bitlis and Mush")
    shares a cue that one of its names has, else takes the kind most of its other names
    have; a dash chain with a town in it ("Shusha–Geryusy–Nakhichevan") is a route of towns.
    """
    peers: list[str | None] = [None] * len(hits)
    group: list[int] = [0]
    for i in range(1, len(hits) + 1):
        gap = _gap(hits[i - 1], hits[i]) if i < len(hits) else None
        if gap is not None and (len(group) == 1 or (gap == "list") == _is_list(hits, group)):
            group.append(i)
            continue
        if len(group) > 1:
            _group_peers(group, hits, choices, peers, _is_list(hits, group))
        group = [i]
    return peers


def _is_list(hits: list[Hit], group: list[int]) -> bool:
    return len(group) < 2 or _gap(hits[group[0]], hits[group[1]]) == "list"


def _group_peers(group, hits, choices, peers, is_list) -> None:
    kinds = [choices[i][0].kind if choices[i][0] else None for i in group]
    if not is_list:
        if "settlement" in kinds:
            for i in group:
                peers[i] = "settlement"
        return
    cues = [hits[i].cue for i in group if hits[i].cue]
    for n, i in enumerate(group):
        others = kinds[:n] + kinds[n + 1:]
        areas = sum(k in AREA_KINDS for k in others)
        towns = sum(k == "settlement" for k in others)
        peers[i] = cues[0] if cues else ("region" if areas > towns else
                                         "settlement" if towns > areas else None)


def _gap(a: Hit, b: Hit) -> str | None:
    """Return "chain" for a dash between two names, "list" for a comma or "and", else None."""
    sep = a.sep_after
    if a.end + len(sep) == b.start:
        stripped = sep.strip()
        if stripped and all(c in DASHES for c in stripped):
            return "chain"
        return "list" if stripped in (",", "/") else None
    if a.after in ("and", "or") and a.end + len(sep) + len(a.after) + len(b.sep_before) == b.start:
        return "list"
    return None


ALIAS_WORDS = frozenset({"now", "modern", "today", "present-day", "later", "formerly", "former",
                         "then", "also", "or", "soviet", "today's", "historically", "old"})


def in_parentheses(a: Hit, b: Hit) -> bool:
    """Return True when `b` is in parentheses right after `a`: "Sisian (Karakilisa)",
    "Alexandropol (modern Gyumri)"."""
    if a.sep_after.strip() != "(":
        return False
    gap = b.start - a.end - len(a.sep_after)
    if gap == 0:
        return True
    words = b.before.split(" ") if b.before else []
    return bool(words) and all(w in ALIAS_WORDS for w in words) \
        and gap == len(b.before) + len(b.sep_before)
