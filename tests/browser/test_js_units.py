"""The page's pure JavaScript functions, run in chromium as the page runs them: tables of cases."""
from __future__ import annotations

import pytest
from fixtures_browser import LiveServer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def js(browser, tmp_path_factory):
    """Call `js(module, expression)`: evaluate `expression` with the module imported as `m`."""
    from mapapp.app import create_app

    server = LiveServer(create_app({"TESTING": True, "HOME": tmp_path_factory.mktemp("js_home")})).start()
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "/static/css/map.css")   # any page of the origin, to import modules from

    def run(module: str, expression: str, *args):
        return page.evaluate(f"async (args) => {{ const m = await import('/static/js/{module}.js'); "
                             f"return ({expression}); }}", list(args))

    yield run
    context.close()
    server.stop()


@pytest.mark.parametrize("query, expected", [
    ("?date=1920-08-10&window=30&z=8&ll=39.5000,46.0000&layers=basemap,places&v=abc", None),
    ("?date=1920-08-10&window=upto&doc=d-1", None),
    ("?date=1920-13-45&window=30", "?window=30"),             # not a date: dropped
    ("?date=1920-02-30&window=7", "?window=7"),                # no such day
    ("?window=-3&z=abc&ll=100,46", "?window=30"),              # bad window, zoom and centre: defaults
    ("?window=7&layers=", "?window=7&layers="),                # every layer switched off stays so
    ("?window=30&layers=basemap,relief,network&names=today", None),   # the period basemap; today's names
    ("?window=30&names=banana", "?window=30"),                 # not a choice: the reader's own
])
def test_url_state_round_trip(js, query, expected):
    assert js("urlstate", "m.queryOf(m.readState(args[0]))", query) == (expected or query)


@pytest.mark.parametrize("earliest, latest, text", [
    ("1920-08-10", "1920-08-10", "10 August 1920"),
    ("1921-01-01", "1921-01-10", "1 January 1921 – 10 January 1921"),
    ("1920-12-01", None, "1 December 1920"),
    (None, None, "undated"),
])
def test_readable_dates(js, earliest, latest, text):
    assert js("dates", "m.longRange(args[0], args[1])", earliest, latest) == text


@pytest.mark.parametrize("status, approximate, dashed", [
    ("occurred", False, None),
    ("occurred", True, "3 6"),
    ("intended", False, "9 7"),
    ("ordered, not secured", True, "9 7"),
    ("agreed", False, "9 7"),
])
def test_movement_dashes_follow_status(js, status, approximate, dashed):
    style = js("movement_lines", "m.movementStyle({status: args[0], approximate: args[1], kind: 'advance'}, '#123456')",
               status, approximate)
    assert style["dashArray"] == dashed
    assert style["color"] == "#123456"


@pytest.mark.parametrize("mentions, movements, expected", [
    ([], [], [[0, 20, -1, -1]]),
    ([[4, 9]], [], [[0, 4, -1, -1], [4, 9, 0, -1], [9, 20, -1, -1]]),
    ([[4, 9]], [[0, 12]], [[0, 4, -1, 0], [4, 9, 0, 0], [9, 12, -1, 0], [12, 20, -1, -1]]),
    ([[4, 9], [30, 40]], [], [[0, 4, -1, -1], [4, 9, 0, -1], [9, 20, -1, -1]]),   # out of the text: ignored
])
def test_reader_cuts_text_at_mentions_and_movements(js, mentions, movements, expected):
    got = js("reader", "m.segments('x'.repeat(20), args[0].map(([start, end]) => ({start, end})),"
             " args[1].map(([start, end]) => ({start, end})))"
             ".map(s => [s.start, s.end, s.mention, s.movement])", mentions, movements)
    assert got == expected


@pytest.mark.parametrize("controllers", [[], ["B", "A"]])
def test_territory_colour_is_neutral_unless_one_party_controls(js, controllers):
    from mapapp.palette import palette

    assert js("layers", "m.territoryColour(args[0], {of: () => '#abcdef'})", controllers) == palette().no_single_control
    assert js("layers", "m.territoryColour(['A'], {of: () => '#abcdef'})") == "#abcdef"


@pytest.mark.parametrize("disputed, dashed", [(True, "7 5"), (False, None), (None, None)])
def test_the_territory_outline_is_dashed_when_the_api_says_disputed(js, disputed, dashed):
    # two claimants in the entries, but the outline follows the API's flag, not a count of its own
    props = {"claims": [{"party": "A"}, {"party": "B"}], "control": [{"party": "A"}], "disputed": disputed}
    style = js("layers", "m.territoryStyle(args[0], {of: () => '#abcdef'})", props)
    assert style["dashArray"] == dashed and style["fillColor"] == "#abcdef"


def test_the_page_deals_the_data_parties_the_colours_of_the_pictures(js):
    from gazetteer.territories.units import load_territories
    from mapapp.palette import palette

    parties = sorted({e.party for t in load_territories() for e in t.timeline}, reverse=True)
    assert "local Muslim councils" in parties      # a lower-case name: sorted alike or not at all
    page = js("colours", "(() => { const b = new m.ColourBook(); b.learn(args[0]); "
                         "return Object.fromEntries(args[0].map(n => [n, b.of(n)])); })()", parties)
    assert page == palette().party_colours(parties)


def test_the_page_imports_the_palette_the_pictures_read(js):
    from mapapp.palette import palette

    served = js("colours", "m.palette")
    assert served == {k: list(v) if isinstance(v, tuple) else v for k, v in vars(palette()).items()} | {
        "about": served["about"]}


def test_party_colours_are_dealt_alphabetically_whatever_the_order_seen(js):
    first = js("colours", "(() => { const b = new m.ColourBook(); b.learn(args[0]); return args[0].map(n => b.of(n)); })()",
               ["Republic of Armenia", "Azerbaijan SSR"])
    second = js("colours", "(() => { const b = new m.ColourBook(); b.learn(args[0]); return args[0].map(n => b.of(n)); })()",
                ["Azerbaijan SSR", "Republic of Armenia"])
    assert first == second[::-1] and first[0] != first[1]


def test_the_reader_cites_a_document_as_its_page_does(js, client):
    # The reader shows the server's citation (`doc.citation`), the labels and texts of the page's.
    import html
    import re

    listed = client.get("/api/documents", query_string={"per_page": 500}).get_json()["documents"]
    docs = [client.get(f"/api/documents/{d['id']}").get_json() for d in listed]
    doc = next(d for d in docs if len(d["citation"]) == 2)
    page = client.get(f"/documents/{doc['id']}").get_data(as_text=True)
    on_page = [[html.unescape(a), html.unescape(b)] for a, b in
               re.findall(r'<span class="citation-label">([^<]*):</span> ([^<]*)</p>', page)]
    rows = js("reader", "m.factRows(args[0])", doc)
    labels = {p["label"] for p in doc["citation"]}
    assert [r for r in rows if r[0] in labels] == on_page == [[p["label"], p["text"]] for p in doc["citation"]]


NAMES = [{"toponym": "Shusha", "lang": "en"}, {"toponym": "Shushi", "lang": "hy-Latn"}, {"toponym": "Շուշի", "lang": "hy"},
         {"toponym": "Şuşa", "lang": "az"}, {"toponym": "Шуша", "lang": "ru"}]


@pytest.mark.parametrize("lang, period, expected", [
    ("hy", "Shusha", "Շուշի"),          # the native script, not the transliteration
    ("az", "Shusha", "Şuşa"),
    ("ru", "Shusha", "Шуша"),
    ("ka", "Shusha", None),             # the gazetteer has no Georgian form
    ("ru", "Шуша", None),               # the same as the period name: not repeated
])
def test_a_places_name_in_the_readers_language(js, lang, period, expected):
    assert js("placenames", "m.readersName(args[0], args[1], args[2])", NAMES, lang, period) == expected


@pytest.mark.parametrize("control, controllers, partial", [
    # Armenia's hold on Shakhtakhty is over part of Nakhichevan uyezd: the Red Army holds the unit.
    ([{"party": "RSFSR (11th Red Army)"}, {"party": "Republic of Armenia", "partial": True}],
     ["RSFSR (11th Red Army)"], ["Republic of Armenia"]),
    ([{"party": "B"}, {"party": "A"}], ["A", "B"], []),
    ([{"party": "A", "partial": True}, {"party": "B", "partial": True}], [], ["A", "B"]),
    ([], [], []),
])
def test_partial_control_is_a_part_not_the_unit(js, control, controllers, partial):
    status = js("layers", "m.territoryStatus({claims: [], control: args[0]})", control)
    assert (status["controllers"], status["partial"]) == (controllers, partial)


@pytest.mark.parametrize("entry, label", [
    ({"party": "Azerbaijan SSR", "cautions": ["partial", "approximate"]}, "Azerbaijan SSR (partial, approximate)"),
    ({"party": "Georgian SSR", "cautions": []}, "Georgian SSR"),
    ({"party": "Armenian SSR"}, "Armenian SSR"),
])
def test_an_entry_is_shown_with_the_cautions_of_its_note(js, entry, label):
    assert js("layers", "m.entryLabel(args[0])", entry) == label


@pytest.mark.parametrize("choice, shown", [("today", "Gyumri"), ("period", "Alexandropol")])
def test_the_reader_chooses_todays_or_the_periods_names(js, choice, shown):
    props = {"name": "Gyumri", "period_name": "Alexandropol"}
    assert js("popup", "m.shownName(args[0], args[1])", props, choice) == shown
    assert js("popup", "m.shownName({name: 'Shusha'}, 'period')") == "Shusha"   # no period name: today's


@pytest.mark.parametrize("props, label", [
    ({"actor": "Our troops", "party": "RSFSR (11th Red Army)"}, "RSFSR (11th Red Army): \u201cOur troops\u201d"),
    ({"actor": "Tarkhan", "party": None}, "\u201cTarkhan\u201d (side not clear)"),
    ({"actor": None}, "actor not stated"),
])
def test_a_movements_actor_is_quoted_with_its_party(js, props, label):
    assert js("movement_lines", "m.actorLabel(args[0])", props) == label


def test_one_party_is_one_colour_whatever_the_words(js):
    from mapapp.palette import palette

    colours = js("movement_lines", "(() => { const b = {of: (n) => n === 'A' ? '#111111' : '#222222'}; "
                 "return [m.movementColour({actor: 'our forces', party: 'A'}, b), "
                 "m.movementColour({actor: 'Red troops', party: 'A'}, b), m.movementColour({actor: 'X'}, b)]; })()")
    assert colours[:2] == ["#111111", "#111111"] and colours[2] == palette().unstated


def test_the_live_map_places_labels_as_the_pictures_do(js):
    from mapapp.picture.labels import POSITIONS

    assert [tuple(p) for p in js("labels", "m.POSITIONS")] == list(POSITIONS)


def mark(key, x, y, weight, w=40, h=10, radius=5, **more):
    return {"key": key, "x": x, "y": y, "size": [w, h], "radius": radius, "weight": weight, **more}


@pytest.mark.parametrize("marks, options, expected", [
    # the heavier first, at the first position (right of and above its marker)
    ([mark("a", 50, 50, 1), mark("b", 50, 50, 9)], {}, [["b", "left", "bottom"], ["a", "left", "top"]]),
    # no room inside the map: left unlabelled
    ([mark("a", 5, 5, 1, w=200)], {}, []),
    # the limit counts places, not territories (`free`)
    ([mark("a", 20, 20, 3), mark("b", 80, 80, 2), mark("t", 50, 60, 1, radius=0, free=True,
                                                      positions=[["center", "center", 0, 0]])],
     {"limit": 1}, [["a", "left", "bottom"], ["t", "center", "center"]]),
    # an obstacle (the legend) keeps labels off it
    ([mark("a", 50, 50, 1)], {"obstacles": [[50, 20, 100, 45]]}, [["a", "left", "top"]]),
])
def test_label_placement(js, marks, options, expected):
    got = js("labels", "m.placeLabels(args[0], [0, 0, 100, 100], args[1]).map(l => [l.key, l.ha, l.va])",
             marks, options)
    assert got == expected


@pytest.mark.parametrize("earliest, latest, start, end, share", [
    ("1920-08-10", "1920-08-10", "1920-08-04", "1920-08-10", 1),       # known to the day, in the window
    ("1921-02-01", "1921-02-28", "1921-02-04", "1921-02-10", 0.25),    # a week of February
    ("1921-02-01", "1921-02-28", "1921-01-30", "1921-02-28", 1),       # the whole month
    ("1921-02-01", "1921-02-28", "1921-02-22", "1921-03-23", 0.25),    # fading out
    ("1921-02-01", "1921-02-28", "1921-03-01", "1921-03-07", 0),       # past it
    (None, None, "1921-03-01", "1921-03-07", 1),                       # undated: not faded
])
def test_a_vague_date_is_shown_by_the_share_of_its_interval_in_the_window(js, earliest, latest, start, end, share):
    assert js("dates", "m.shareShown(...args)", earliest, latest, start, end) == pytest.approx(share)
    assert 0.25 <= js("dates", "m.fadeOf(args[0])", share) <= 1


@pytest.mark.parametrize("t, expected", [(0, [0, 0]), (0.25, [10, 0]), (0.5, [20, 0]), (0.75, [20, 10]), (1, [20, 20])])
def test_a_playback_dot_runs_along_the_route_by_length(js, t, expected):
    got = js("playback", "(({x, y}) => [x, y])(m.along([{x: 0, y: 0}, {x: 20, y: 0}, {x: 20, y: 20}], args[0]))", t)
    assert got == pytest.approx(expected)


def test_a_label_that_has_no_room_tries_its_other_anchors(js):
    # a river's name: blocked at its first point by a place label, placed at its second
    marks = [{"key": "place", "x": 100, "y": 100, "size": [60, 14], "radius": 0, "weight": 5,
              "positions": [["center", "center", 0, 0]]},
             {"key": "river", "x": 100, "y": 100, "size": [80, 12], "radius": 0, "weight": -3, "free": True,
              "positions": [["center", "center", 0, 0]], "anchors": [[100, 104], [300, 200]]}]
    placed = js("labels", "m.placeLabels(args[0], [0, 0, 500, 400])", marks)
    assert [(p["key"], p["at"]) for p in placed] == [("place", 0), ("river", 2)]


@pytest.mark.parametrize("geometry, anchors", [
    # a river: its vertices in view, the middle one first
    ({"type": "LineString", "coordinates": [[40, 39], [45, 39.5], [46, 39.6], [47, 39.7], [52, 40]]},
     [[39.6, 46], [39.5, 45], [39.7, 47]]),
    ({"type": "LineString", "coordinates": [[30, 30], [31, 31]]}, []),            # none of it in view
    ({"type": "Polygon", "coordinates": [[[45, 40], [45.6, 40], [45.6, 40.6], [45, 40.6], [45, 40]]]},
     [[40.3, 45.3]]),                                                             # a lake: its middle
])
def test_a_waters_name_is_anchored_on_the_stretch_in_view(js, geometry, anchors):
    view = "({contains: ([lat, lon]) => 38 <= lat && lat <= 42 && 44 <= lon && lon <= 48})"   # a LatLngBounds' test
    got = js("waters", f"m.waterAnchors(args[0], {view})", geometry)
    assert got == [pytest.approx(a) for a in anchors]


BODY = "The Armenians occupied Geryusy and Engelaurt on 2 August."


@pytest.mark.parametrize("start, end, quote", [
    (23, 30, {"exact": "Geryusy", "prefix": "The Armenians occupied ", "suffix": " and Engelaurt on 2 August."}),
    (0, 3, {"exact": "The", "prefix": "", "suffix": " Armenians occupied Geryusy and "}),
    (48, 56, {"exact": "2 August", "prefix": "cupied Geryusy and Engelaurt on ", "suffix": "."}),
])
def test_a_correction_points_at_its_words_by_quote_and_by_position(js, start, end, quote):
    selectors = js("corrections", "m.selectors(args[0], args[1], args[2])", BODY, start, end)
    assert selectors == [{"type": "TextQuoteSelector", **quote}, {"type": "TextPositionSelector", "start": start, "end": end}]


@pytest.mark.parametrize("review, words", [
    (None, "linked by the machine, not yet checked"),
    ({"status": "confirmed", "by": "Ana Petrosyan"}, "checked by Ana Petrosyan"),
    ({"status": "confirmed", "by": None}, "checked by an editor"),
    ({"status": "corrected", "by": "Ana Petrosyan"}, "corrected by Ana Petrosyan"),
    ({"status": "added", "by": None}, "added by an editor"),
    ({"status": "rejected", "by": "Ana Petrosyan"}, "rejected by Ana Petrosyan"),
])
def test_who_stands_behind_a_reading(js, review, words):
    assert js("corrections", "m.reviewLine(args[0])", review) == words


SPAN = [{"type": "TextQuoteSelector", "exact": "Geryusy"}, {"type": "TextPositionSelector", "start": 23, "end": 30}]


@pytest.mark.parametrize("annotation, words", [
    (None, "\u2014"),
    ({"body": {"purpose": "identifying", "source": "http://x/places/chr:goris"}, "target": {"selector": SPAN}},
     "\u201cGeryusy\u201d: linked to chr:goris"),
    ({"body": {"purpose": "assessing", "value": "not-a-place"}, "target": {"selector": SPAN}},
     "\u201cGeryusy\u201d: rejected: not-a-place"),
    ({"body": [{"type": "DateValue", "purpose": "editing", "earliest": "1920-08-07", "latest": "1920-08-08",
                "precision": "range", "calendar": "gregorian"}, {"purpose": "commenting", "value": "n"}],
      "target": {"source": "d"}}, "date 1920-08-07 \u2013 1920-08-08 (range, gregorian)"),
    ({"body": {"type": "MovementValue", "purpose": "editing", "waypoints": ["chr:goris", "chr:angeghakot"],
               "actor": "our troops", "status": "occurred"}, "target": {"selector": SPAN}},
     "\u201cGeryusy\u201d: movement chr:goris \u2192 chr:angeghakot \u201cour troops\u201d (occurred)"),
    ({"body": {"type": "FieldValue", "purpose": "editing", "field": "title", "value": "Agreement"},
      "target": {"source": "d"}}, "title set to \u201cAgreement\u201d"),
])
def test_a_correction_in_words(js, annotation, words):
    assert js("review_history", "m.describeAnnotation(args[0])", annotation) == words


@pytest.mark.parametrize("text, start, end", [
    ("Goris and Shusha", 10, 16),              # no character outside the BMP: offsets as they are
    ("😀 Goris", 2, 7),                        # one emoji before: two units, one character
    ("𐌰𐌱𐌲 Shusha 🏔 Nakhichevan", 4, 10),
    ("𐌰𐌱𐌲 Shusha 🏔 Nakhichevan", 13, 24),
    ("a😀b", 1, 2),                           # the emoji itself
    ("a😀b", 0, 99),                          # past the end: to the end, as Python slices
])
def test_document_text_is_cut_at_the_apis_offsets_in_characters(js, text, start, end):
    got = js("text_offsets", "[m.textSlice(args[0], args[1], args[2]), m.textLength(args[0]),"
             " m.charOffset(args[0], m.unitIndex(args[0], args[1]))]", text, start, end)
    assert got == [text[start:end], len(text), min(start, len(text))]


@pytest.mark.parametrize("values, run", [
    ([], []),
    ([0, 1, 2, 3], [0, 1, 2, 3]),              # already in order: nothing moves
    ([3, 2, 1, 0], [3]),                       # reversed: all but one move
    ([0, 1, 7, 2, 3], [0, 1, 3, 4]),           # one element out of place
    ([5, 0, 1, 2, 6, 3], [1, 2, 3, 5]),
])
def test_the_longest_run_already_in_drawing_order_stays_put(js, values, run):
    assert js("stacking", "m.longestIncreasing(args[0])", values) == run


def test_stacking_puts_elements_in_order_moving_only_those_out_of_it(js):
    moved = js("stacking", """(() => {
        const parent = document.createElementNS('http://www.w3.org/2000/svg', 'g');
        const nodes = [...'abcdef'].map((id) => { const n = document.createElementNS('http://www.w3.org/2000/svg', 'path');
            n.id = id; parent.append(n); return n; });
        let moves = 0;
        new MutationObserver((rs) => rs.forEach((r) => { moves += r.addedNodes.length; })).observe(parent, {childList: true});
        const order = ['b', 'c', 'a', 'd', 'f', 'e'].map((id) => nodes.find((n) => n.id === id));
        m.stackInOrder(order.map((n) => ({ getElement: () => n })));
        return new Promise((done) => setTimeout(() => done([[...parent.children].map((n) => n.id).join(''), moves])));
    })()""")
    assert moved == ["bcadfe", 2]
