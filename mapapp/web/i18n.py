"""The interface's languages: which one a request gets, the gettext catalogues, the JS strings.

The language comes from `?lang=`, then the reader's earlier choice (a cookie, set when `?lang=`
chose), then `Accept-Language`, then English. Catalogues are the `.po` files under
`mapapp/translations/<lang>/LC_MESSAGES/`; they are compiled to `.mo` on first use into the
cache folder (`gazetteer.datahome.cache_dir()`), in a subfolder named for a hash of their text,
so an edited `.po` is picked up at the next start and no compiled file is ever committed or copied
by hand (an editable install has no build step that could compile them).
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, jsonify, request

# N_ lives in mapapp.message_ids so that the modules this one uses (calendar_words) and the atlas's
# errors can mark their messages without importing this module (no import circle).
from mapapp.message_ids import N_
from mapapp.web.calendar_words import calendar_words

# The interface's languages, English first (the source language of every message id).
LANGUAGES = ("en", "ru", "hy", "az", "tr", "ka")
DEFAULT = "en"
COOKIE = "lang"
COOKIE_AGE = 365 * 24 * 3600
SOURCE = Path(__file__).resolve().parent.parent / "translations"
DOMAIN = "messages"
SCRIPTS = "mapapp/static/js/"   # where the messages of the scripts are extracted from

bp = Blueprint("i18n", __name__)


# The precisions of documents.model.PRECISIONS, as "known to the ..." says them.
PRECISION_WORDS = {"day": N_("day"), "part-of-month": N_("part of the month"), "month": N_("month"),
                   "season": N_("season"), "part-of-year": N_("part of the year"), "year": N_("year"),
                   "years": N_("years")}

# The cautions of gazetteer.territories.timeline.CAUTIONS, as a claim or control entry shows them.
CAUTION_WORDS = {"partial": N_("partial"), "approximate": N_("approximate"), "sources disagree": N_("sources disagree"),
                 "not ratified": N_("not ratified"), "uncertain": N_("uncertain"), "unverified": N_("unverified"),
                 "contested": N_("contested")}

# The bundled corpus's description (documents/corpus/corpus.yaml): the map page translates it; the
# description of a corpus of your own is its data and is shown as written.
BUNDLED_DESCRIPTION = N_("Documents of 1920–1921 on Karabakh, Zangezur and Nakhichevan, on a dated map.")


@dataclass(frozen=True)
class Language:
    """A language the interface speaks: its code, its own name and its writing direction."""

    code: str
    name: str
    direction: str   # "ltr" or "rtl"


def language(code: str) -> Language:
    """Return the Language of a code of LANGUAGES (names and direction from CLDR, via Babel)."""
    from babel import Locale

    locale = Locale.parse(code)
    return Language(code, locale.get_display_name(code).capitalize(), locale.text_direction)


def choose_language(asked: str | None, chosen: str | None, accepted: Iterable[tuple[str, float]]) -> str:
    """Return the code of the language to answer in.

    `asked` is the `lang` parameter, `chosen` the cookie of an earlier choice, `accepted` the
    `Accept-Language` header's (tag, quality) pairs, best first. A value that names no language
    of LANGUAGES is passed over.
    """
    for code in (asked, chosen):
        if code and code.strip().lower() in LANGUAGES:
            return code.strip().lower()
    for tag, quality in accepted:
        primary = tag.split("-")[0].split("_")[0].lower()
        if quality > 0 and primary in LANGUAGES:
            return primary
    return DEFAULT


def request_language() -> str:
    """Return the language of the current request (see `choose_language`)."""
    return choose_language(request.args.get("lang"), request.cookies.get(COOKIE),
                           request.accept_languages)


def catalogue_sources() -> dict[str, Path]:
    """Return each translated language's `.po` file."""
    return {code: SOURCE / code / "LC_MESSAGES" / f"{DOMAIN}.po" for code in LANGUAGES if code != DEFAULT}


def compiled_catalogues(cache: Path) -> Path:
    """Compile every `.po` to `.mo` under `cache` (once per content) and return the folder to read."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    sources = catalogue_sources()
    digest = hashlib.sha256()
    for code, path in sorted(sources.items()):
        digest.update(code.encode() + b"\0" + path.read_bytes())
    folder = cache / "translations" / digest.hexdigest()[:16]
    for code, path in sources.items():
        target = folder / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with path.open("rb") as po:
            catalogue = read_po(po, locale=code)
        # Written beside and renamed: two workers starting together never read half a file.
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as mo:
            write_mo(mo, catalogue)
        os.replace(temporary, target)
    return folder


def ui_strings(code: str) -> dict[str, str]:
    """Return {English: translation in `code`} for the messages the scripts use (those extracted
    from mapapp/static/js)."""
    from babel.messages.pofile import read_po

    path = catalogue_sources()["ru" if code == DEFAULT else code]   # any catalogue lists the ids
    with path.open("rb") as po:
        catalogue = read_po(po, locale=path.parent.parent.name)
    return {m.id: (m.id if code == DEFAULT else m.string or m.id) for m in catalogue
            if m.id and any(file.startswith(SCRIPTS) for file, _ in m.locations)}


def date_words(code: str) -> dict:
    """Return how `code` writes a long date (CLDR, through Babel): the pattern and the month names.

    The scripts format with these rather than the browser's `Intl`, whose data for Armenian and
    Azerbaijani some browsers lack."""
    from babel import Locale
    from babel.dates import get_date_format, get_month_names

    locale = "en_GB" if code == DEFAULT else code
    months = get_month_names("wide", context="format", locale=locale)
    alone = get_month_names("wide", context="stand-alone", locale=locale)
    return {"pattern": get_date_format("long", locale=locale).pattern, "months": [months[m] for m in range(1, 13)],
            # a month of a year, "февраль 1921 г." (CLDR's yMMMM; L: the month's name standing alone)
            "month_pattern": Locale.parse(locale).datetime_skeletons["yMMMM"].pattern,
            "months_alone": [alone[m] for m in range(1, 13)]}


def request_words(code: str | None = None):
    """Return the `mapapp.description.Words` of `code`, else of the request's language (English: the
    module's own)."""
    from datetime import date

    from babel.dates import format_date
    from flask_babel import gettext, ngettext

    from mapapp.description import ENGLISH, Words

    code = code if code in LANGUAGES else request_language()
    if code == DEFAULT:
        return ENGLISH
    return Words(say=gettext, say_n=ngettext, lang=code,
                 date=lambda iso: format_date(date.fromisoformat(iso), "long", locale=code))


def document_title(doc) -> str:
    """A document's descriptive title in the request's language: the atlas's own in English, else
    composed from its kind, parties and dates (mapapp.title_words)."""
    from datetime import date

    from babel.dates import format_skeleton
    from flask_babel import gettext

    from mapapp.title_words import shown_title

    code = request_language()
    if not doc:
        return ""
    if code == DEFAULT or not doc.get("kind"):
        return doc.get("title") or doc.get("id") or ""
    return shown_title(doc, gettext, request_words(code).date,
                       lambda iso: format_skeleton("yMMMM", date.fromisoformat(iso), locale=code))


@bp.get("/i18n/<code>.json")
def strings(code: str) -> Response:
    """The scripts' words in one language: {"messages": {English: translation}, "dates": {pattern, months},
    "calendars": how dates are written in each calendar (mapapp.web.calendar_words)}."""
    if code not in LANGUAGES:
        abort(404)
    cache = current_app.extensions.setdefault("chronotope.ui_strings", {})
    if code not in cache:
        cache[code] = {"messages": ui_strings(code), "dates": date_words(code), "calendars": calendar_words(code)}
    response = jsonify(cache[code])
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def remember_choice(response: Response) -> Response:
    """Keep a language chosen with `?lang=` in a cookie, so the next page speaks it too."""
    response.vary.add("Accept-Language")   # the same URL answers in the reader's language
    response.vary.add("Cookie")
    asked = (request.args.get("lang") or "").strip().lower()
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        response.set_cookie(COOKIE, asked, max_age=COOKIE_AGE, samesite="Lax",
                            secure=bool(current_app.config.get("HTTPS")))
    return response


def page_language() -> dict:
    """Template context: the page's language and direction, and a link to this page in each language."""
    from urllib.parse import urlencode

    links = []
    for code in LANGUAGES:
        query = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] + [("lang", code)]
        links.append((language(code), f"{request.path}?{urlencode(query)}"))
    from flask_babel import gettext

    from mapapp.code_words import (
        CERTAINTY_WORDS,
        MOVEMENT_KIND_WORDS,
        MOVEMENT_STATUS_WORDS,
        PLACE_KIND_WORDS,
    )
    from mapapp.description import KINDS

    return {"lang": language(request_language()), "language_links": links,
            "precision_words": {key: gettext(word) for key, word in PRECISION_WORDS.items()},
            "kind_words": {key: gettext(word) for key, word in KINDS.items()},
            "place_kind_words": {key: gettext(word) for key, word in PLACE_KIND_WORDS.items()},
            "movement_kind_words": {key: gettext(word) for key, word in MOVEMENT_KIND_WORDS.items()},
            "status_words": {key: gettext(word) for key, word in MOVEMENT_STATUS_WORDS.items()},
            "certainty_words": {key: gettext(word) for key, word in CERTAINTY_WORDS.items()},
            "doc_title": document_title,
            "caution_words": {key: gettext(word) for key, word in CAUTION_WORDS.items()}}


def init_app(app: Flask) -> None:
    """Set up Flask-Babel with the compiled catalogues and the language negotiation."""
    from flask_babel import Babel

    from gazetteer.datahome import cache_dir

    folder = compiled_catalogues(Path(app.config.get("TRANSLATIONS_CACHE") or cache_dir()))
    Babel(app, locale_selector=request_language, default_translation_directories=str(folder),
          default_domain=DOMAIN)
    app.after_request(remember_choice)
    app.context_processor(page_language)
