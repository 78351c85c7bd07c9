"""Pictures drawn on the period basemap, as the live map is (issue #12): a tour step's picture
shows the mountains' relief and the rivers' and lakes' names in every side's spelling."""
from __future__ import annotations

import io
import re

import numpy
from PIL import Image

from mapapp.atlas.current import current_atlas
from mapapp.picture.drawing import draw_picture
from mapapp.picture.scene import build_scene
from mapapp.view_state import parse_state
from tests.fixtures_browser import ARTIFACTS

VIEW = {"date": "1920-08-10", "ll": "39.6,46.0", "z": "8"}
TOUR = "disputed-districts-1920-1921"


def picture(client, **params) -> numpy.ndarray:
    answer = client.get("/map.png", query_string={**VIEW, "width": 960, "height": 600, **params})
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    return numpy.asarray(Image.open(io.BytesIO(answer.data)).convert("L"), dtype=float)


def water_texts(app, layers: str) -> set[str]:
    params = {**VIEW, "layers": layers}
    with app.test_request_context("/map.png", query_string=params):
        scene = build_scene(current_atlas(), parse_state(params), 960, 600)
    drawn = draw_picture(scene, 960, 600)
    return {t.get_text() for ax in drawn.figure.axes for t in ax.texts if " / " in t.get_text()}


def test_the_relief_darkens_the_mountains_only_when_asked(client):
    flat = picture(client, layers="basemap,territories")
    relief = picture(client, layers="basemap,relief,territories")
    changed = numpy.abs(relief - flat) > 8
    assert changed.mean() > 0.05, "the relief is not to be seen"
    assert relief[changed].mean() < flat[changed].mean()     # shading darkens, never lightens


def test_the_1920_network_is_drawn_where_a_view_asks_for_it(client):
    without = picture(client, layers="basemap,relief,territories")
    drawn = picture(client, layers="basemap,relief,territories,network")
    assert (numpy.abs(drawn - without) > 8).mean() > 0.002


def test_rivers_and_lakes_are_named_in_every_sides_spelling(app):
    names = water_texts(app, "basemap,relief,territories,places")
    assert "Araks / Aras / Araz" in names
    assert any("Sevan" in n and "Gokcha" in n for n in names), names
    assert not water_texts(app, "territories,places")      # the default picture is unchanged


def test_a_tour_steps_picture_asks_for_the_period_basemap(client):
    page = client.get(f"/tours/{TOUR}?step=3").get_data(as_text=True)
    src = re.search(r'(?<!-)src="/map\.png\?([^"]+)"', page).group(1).replace("&amp;", "&")
    layers = re.search(r"layers=([^&]+)", src).group(1).split(",")
    assert {"basemap", "relief", "network", "territories"} <= set(layers)
    answer = client.get("/map.png?" + src)
    assert answer.status_code == 200 and answer.mimetype == "image/png"
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "tour-step-3-picture.png").write_bytes(answer.data)   # to look at
