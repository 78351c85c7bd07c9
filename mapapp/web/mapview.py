"""The folium Map of the page: our own Leaflet links, the shipped basemap, empty data layers, control.

One Map per request, nothing global. Folium's CDN links are replaced on the instance; the data
layers start empty and the page's JavaScript fills them from the API by time window.
"""
from __future__ import annotations

from dataclasses import dataclass

import folium
from branca.element import CssLink, JavascriptLink
from folium.map import Layer
from folium.template import Template
from markupsafe import Markup

from mapapp.palette import palette
from mapapp.web.geo import folium_location

HOME = {"lon": 46.0, "lat": 39.6, "zoom": 7}   # Karabakh, Zangezur and Nakhichevan in view
ONLINE_TILES = ("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                "&copy; OpenStreetMap contributors (online, today's map)")

# Drawing order, bottom to top; z-indexes between Leaflet's tile (200) and marker (600) panes.
# Movements lie above the place markers, so that arrowheads are never hidden under a circle;
# labels above both.
PANES = {"basemap": 210, "relief": 215, "borders": 220, "network": 230, "territories": 350, "places": 420, "movements": 450, "labels": 480}


def basemap_styles() -> dict[str, dict]:
    """The Leaflet style of each basemap layer; land, water and rivers in the palette's colours, as in pictures."""
    colours = palette()
    return {
        "world-land": {"stroke": False, "fillColor": "#e9e4d8", "fillOpacity": 1},
        "land": {"stroke": False, "fillColor": colours.land, "fillOpacity": 1},
        "sea": {"stroke": False, "fillColor": colours.water, "fillOpacity": 1},
        "lake": {"color": "#8fb3cb", "weight": 0.8, "fillColor": colours.water, "fillOpacity": 1},
        "river": {"color": colours.river, "weight": 1.6, "fill": False},
        "border": {"color": "#6f6a60", "weight": 0.8, "opacity": 0.45, "dashArray": "5 4", "fill": False},
        # The 1920 network, faint under everything the documents say: railways solid, roads dashed.
        "railway": {"color": "#5b5650", "weight": 1.5, "opacity": 0.4, "fill": False},
        "road": {"color": "#8a6d4b", "weight": 1.1, "opacity": 0.45, "dashArray": "4 3", "fill": False},
    }


def N_(message: str) -> str:
    """Mark `message` as a message id for the catalogues; `build_map`'s `say` translates it."""
    return message


# Overlays the page fills from the API: id -> (name in the layer switcher, pane).
DATA_LAYERS = {
    "territories": (N_("Disputed territories (claims and control)"), "territories"),
    "movements": (N_("Movements and routes"), "movements"),
    "places": (N_("Places named in the documents"), "places"),
}


class FetchedGeoJson(Layer):
    """GeoJSON the browser fetches from our own URLs (folium's GeoJson would fetch on the server
    or with jQuery), drawn on canvas in its own pane, styled by `properties.layer`."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON(null, {
            pane: {{ this.pane|tojson }}, interactive: false,
            renderer: L.canvas({pane: {{ this.pane|tojson }}}),
            attribution: {{ this.attribution|tojson }},
            style: function (f) { return {{ this.styles|tojson }}[f.properties.layer] || {}; }
        });
        {{ this.get_name() }}.chronotopeReady = Promise.all({{ this.urls|tojson }}.map(function (u) {
            return fetch(u).then(function (r) { return r.json(); });
        })).then(function (all) { all.forEach(function (d) { {{ this.get_name() }}.addData(d); }); });
        {{ this.get_name() }}.chronotopeStyles = {{ this.styles|tojson }};
        {% endmacro %}
    """)

    def __init__(self, urls: list[str], name: str, pane: str, *, overlay: bool, attribution: str):
        super().__init__(name=name, overlay=overlay, control=True, show=True)
        self._name = "FetchedGeoJson"
        self.urls, self.pane, self.attribution, self.styles = urls, pane, attribution, basemap_styles()


class ReliefOverlay(Layer):
    """The mountains' shading: one see-through picture over its box, in its own pane."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.imageOverlay({{ this.url|tojson }}, {{ this.bounds|tojson }}, {
            pane: "relief", interactive: false, className: "relief", opacity: 0.5,
            attribution: {{ this.attribution|tojson }}
        });
        {% endmacro %}
    """)

    def __init__(self, url: str, box: dict, name: str, attribution: str):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "ReliefOverlay"
        self.url, self.attribution = url, attribution
        self.bounds = [[box["south"], box["west"]], [box["north"], box["east"]]]


class DataLayer(Layer):
    """An empty feature group the page's JavaScript fills."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.featureGroup();
        {{ this.get_name() }}.chronotopePane = {{ this.pane|tojson }};
        {% endmacro %}
    """)

    def __init__(self, name: str, pane: str):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "DataLayer"
        self.pane = pane


class Registry(folium.MacroElement):
    """Hands our JavaScript the map and its layers by stable id (the ids `layers=` uses in URLs)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        window.chronotopeMap = {{ this._parent.get_name() }};
        window.chronotopeLayers = { {%- for id, name in this.layers.items() %}
            {{ id|tojson }}: {{ name }},{% endfor %} };
        {% endmacro %}
    """)

    def __init__(self, layers: dict[str, str]):
        super().__init__()
        self._name = "Registry"
        self.layers = layers


class Panes(folium.MacroElement):
    """Leaflet panes in drawing order; must be rendered before any layer uses them."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {%- for pane, z in this.panes.items() %}
        {{ this._parent.get_name() }}.createPane({{ pane|tojson }}).style.zIndex = {{ z }};
        {%- endfor %}
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "Panes"
        self.panes = PANES


@dataclass(frozen=True)
class MapParts:
    """The pieces of the rendered map the page template places: head links, the div, the script."""

    name: str
    header: Markup
    html: Markup
    script: Markup


def build_map(*, leaflet_js: str, leaflet_css: str, basemap: dict[str, str], tiles: bool,
              say=lambda message: message, period: dict | None = None) -> folium.Map:
    """Return a new folium Map with our asset links, the shipped basemap and empty data layers.

    `basemap` maps "world", "region", "rivers", "borders" to URLs; `period` gives the period
    basemap's overlays: "relief" (URL), "relief_box" (its bounds), "network" (URL), if any;
    `tiles` offers online tiles (off by default);
    `say` translates the layers' names (gettext; English by default).
    """
    m = folium.Map(location=folium_location(lon=HOME["lon"], lat=HOME["lat"]), zoom_start=HOME["zoom"],
                   tiles=None, control_scale=False, min_zoom=3, max_zoom=13)
    # On this instance only: the class lists stay folium's.
    m.default_js = [("leaflet", leaflet_js)]
    m.default_css = [("leaflet_css", leaflet_css)]
    Panes().add_to(m)
    layers = {"basemap": FetchedGeoJson(
        [basemap[name] for name in ("world", "region", "rivers") if name in basemap],
        say(N_("Basemap: land and water (Natural Earth)")), "basemap",
        overlay=False, attribution=say(N_("Basemap: Natural Earth (public domain)")))}
    if tiles:
        layers["osm"] = folium.TileLayer(ONLINE_TILES[0], attr=ONLINE_TILES[1], name="OpenStreetMap (online)",
                                         overlay=False, show=False, max_zoom=13)
    if period:
        # Natural Earth too: the basemap's credit covers it (one credit, not two).
        layers["relief"] = ReliefOverlay(period["relief"], period["relief_box"], say(N_("Mountains (shaded relief)")),
                                         attribution="")
    layers["borders"] = FetchedGeoJson([basemap["borders"]], say(N_("modern borders (today)")), "borders",
                                       overlay=True, attribution="")
    if period:
        layers["network"] = FetchedGeoJson([period["network"]], say(N_("Railways and roads of 1920")), "network",
                                           overlay=True, attribution="")
    for layer_id, (name, pane) in DATA_LAYERS.items():
        layers[layer_id] = DataLayer(say(name), pane)
    for layer in layers.values():
        layer.add_to(m)
    folium.LayerControl(position="topright", collapsed=True).add_to(m)
    Registry({k: v.get_name() for k, v in layers.items()}).add_to(m)
    return m


def map_parts(m: folium.Map) -> MapParts:
    """Render `m` and return its parts (folium's own output, trusted: it escapes what enters JS).

    Of folium's head only the script and style links are kept, those the map was given
    (`build_map` sets them on the instance): its inline styles size the map (our css does that)
    and its viewport tag forbids zooming the page, which people need.
    """
    root = m.get_root()
    root.render()
    links = [JavascriptLink(url).render() for _, url in m.default_js]
    links += [CssLink(url).render() for _, url in m.default_css]
    return MapParts(name=m.get_name(), header=Markup("\n".join(links)),
                    html=Markup(root.html.render()), script=Markup(root.script.render()))
