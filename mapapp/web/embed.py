"""`/embed` (the map with minimal chrome, the only page other sites may frame) and `/oembed`."""
from __future__ import annotations

from flask import Blueprint, Response, g, jsonify, request
from flask_babel import force_locale, gettext

from mapapp import params
from mapapp.atlas.current import current_atlas
from mapapp.errors import ApiError, NotFound, VersionGone, json_error, log_refused, message_of, translated
from mapapp.message_ids import N_
from mapapp.params import ParamError
from mapapp.view_state import ViewState, parse_state, state_query
from mapapp.web import oembed
from mapapp.web.i18n import LANGUAGES, request_language, request_words
from mapapp.web.pages import render_map_page
from mapapp.web.security import public_host
from mapapp.web.sharing import gone_page, page_url, request_state

bp = Blueprint("embed", __name__)


@bp.errorhandler(VersionGone)
def _gone(error: VersionGone) -> Response:
    g.frame_ancestors = "*"     # the notice must show inside the other site's iframe too
    return gone_page(error)


@bp.get("/embed")
def embed() -> str:
    """The map page in its `embed=True` form, framable by any site (`frame-ancestors *`)."""
    g.frame_ancestors = "*"
    state = request_state()
    atlas = current_atlas()
    if state.doc and not atlas.has_document(state.doc):
        atlas.raise_if_renamed(state.doc)
        raise NotFound(N_("no document %(doc)s in atlas %(version)s"), doc=repr(state.doc), version=atlas.version)
    full = "/?" + state_query(state, atlas.version)
    return render_map_page(embed=True, version=atlas.version, open_link=full)


def _oembed_error(status: int, message: str, **values: object) -> Response:
    """oEmbed answers its errors in JSON too, though it lives outside /api/ (`message` a message id
    when `values` fill it, see ApiError)."""
    code = {404: "not_found", 501: "not_implemented"}.get(status, "bad_parameter")
    error = ApiError(message, code, status, **values)
    log_refused(error)
    return json_error(error)


def _target(found: oembed.OurUrl, atlas, lang: str) -> tuple[ViewState, str]:
    """The view an embeddable URL of ours shows, and its title (in `lang`)."""
    params = dict(found.query)
    state = parse_state(params)
    if found.kind == "document":
        ident = found.ident if atlas.has_document(found.ident) else atlas.current_id(found.ident) or found.ident
        doc = atlas.document(ident)
        return ViewState(doc=ident, date=doc.get("earliest")), doc.get("title") or ident
    if found.kind == "place":
        place = atlas.place(found.ident)
        lon, lat = place["geometry"]["coordinates"][:2]
        return ViewState(lon=lon, lat=lat, zoom=9), f"{place['properties']['name']} · Chronotope"
    if found.kind == "tour":
        return _tour_target(found.ident, params.get("step"), atlas)
    if state.doc:
        return state, atlas.document(state.doc).get("title") or state.doc
    on = state.date or atlas.corpus().get("latest")
    return state, gettext("Chronotope map · %(date)s", date=request_words(lang).date(on)) if on else gettext("Chronotope map")


def _tour_target(name: str, step: str | None, atlas) -> tuple[ViewState, str]:
    """The map view of a tour's step (the first unless `step` names one), and its title."""
    from mapapp.web.tour_pages import find_tour, tour_steps

    tour = find_tour(name)
    if tour is None:
        raise NotFound(N_("no tour %(tour)s"), tour=repr(name))
    steps = tour_steps(tour, atlas)
    chosen = steps[params.step(step, len(steps)) - 1]
    return chosen["state"], f"{tour.title} · {chosen['number']}. {chosen['step'].title}"


@bp.get("/oembed")
def oembed_answer() -> Response:
    """oEmbed 1.0: a `rich` answer with the iframe; 404 for a URL not ours, 501 for a format not json."""
    fmt = request.args.get("format", "json")
    if fmt != "json":
        return _oembed_error(501, N_("format=%(format)s: only json is offered"), format=repr(fmt))
    url = request.args.get("url", "")
    if not url:
        return _oembed_error(400, translated("url= is required: the address of a Chronotope map, document or place"))
    found = oembed.parse_our_url(url, public_host(), request.script_root)
    if found is None:
        return _oembed_error(404, N_("%(url)s is not a Chronotope map, document or place of this server"), url=url)
    # An embed keeps the language its link was shared in; else the asker's.
    lang = dict(found.query).get("lang")
    lang = lang if lang in LANGUAGES else request_language()
    with force_locale(lang):
        try:
            size = oembed.fit_size(request.args.get("maxwidth"), request.args.get("maxheight"))
            atlas = current_atlas(dict(found.query).get("v"))
            state, title = _target(found, atlas, lang)
        except ParamError as err:
            return _oembed_error(400, translated("bad parameter: %(problem)s", problem=message_of(err)))
        except (NotFound, VersionGone) as err:
            return _oembed_error(404, err.localized())
        answer = _oembed_fields(found, atlas, state, title, size, lang)
    response = jsonify(answer)
    response.headers["Cache-Control"] = f"public, max-age={oembed.CACHE_AGE}"
    response.headers["Access-Control-Allow-Origin"] = "*"   # consumers may fetch it from a browser
    return response


def _oembed_fields(found: oembed.OurUrl, atlas, state: ViewState, title: str, size, lang: str) -> dict:
    """The oEmbed answer for a view of ours, its words in `lang` (the iframe and thumbnail too)."""
    from mapapp.web.description_api import describe_view

    thumb = oembed.thumbnail_size(size)
    in_lang = "" if lang == "en" and dict(found.query).get("lang") != "en" else f"&lang={lang}"
    answer = oembed.answer(
        embed_src=page_url("/embed", state_query(state, atlas.version) + in_lang),
        title=title,
        provider_url=page_url("/"), size=size, thumbnail_size=thumb,
        thumbnail_url=page_url("/map.png", state_query(state, atlas.version, width=thumb.width,
                                                       height=thumb.height) + in_lang) if thumb else None)
    answer["description"] = describe_view(atlas, state, lang)["text"]
    if state.doc:  # whose words: the compiler's heading and his collection, said to be his
        answer.update(oembed.provenance(atlas.document(state.doc), gettext))
    return answer
