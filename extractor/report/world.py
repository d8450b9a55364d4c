"""The world outline under the report's map: land polygons in longitude/latitude, read from models/.

Where it comes from, and why this way. The report must draw offline, so the outline ships with the
project. No small, well-kept PyPI package ships vector country outlines any more (geopandas dropped
its naturalearth_lowres set in 1.0; geodatasets, cartopy's coastlines and vega_datasets' world-110m
are downloaded on first use). Cartopy (well kept, SciTools) does ship one world picture inside its
wheel: Natural Earth's public-domain 1:50m shaded-relief raster, downsampled to 720 x 360 (half a
degree a pixel), at cartopy/data/raster/natural_earth/50-natural-earth-1-downsampled.png. `trace()`
classes its pixels as water or land by colour, draws the land's edge with matplotlib's contour and
simplifies it to about 0.15 degree: some 60 KB of JSON in models/report/world.json, enough for a
recognisable map of points, and without pulling cartopy, pyproj and shapely (~40 MB) into the
install for one picture. To regenerate (cartopy installed only for the occasion):

    python -m extractor.report.world PATH/TO/50-natural-earth-1-downsampled.png
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from ..resources import models_path

OUTLINE = ("report", "world.json")
# Natural Earth's ocean and lakes are blue; land is green, brown or (ice) near-white, so blue
# well above red marks water. Ice has blue only ~15 above red, shallow sea ~35.
WATER_BLUE_OVER_RED = 30
MIN_AREA = 0.6       # square degrees: drops specks (single-pixel islands) the raster cannot draw well
TOLERANCE = 0.15     # degrees: Ramer-Douglas-Peucker simplification of each ring


@lru_cache(maxsize=1)
def land() -> list[list[tuple[float, float]]]:
    """The land rings [(lon, lat), ...] (lakes are rings of opposite orientation inside)."""
    with open(models_path(*OUTLINE), encoding="utf8") as f:
        return [[(x, y) for x, y in ring] for ring in json.load(f)["rings"]]


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Ramer-Douglas-Peucker: the fewest points within TOLERANCE of the polyline."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def trace(png: Path) -> list[list[list[float]]]:
    """Land rings traced from an equirectangular (plate carrée) picture of the whole world."""
    import numpy as np
    from matplotlib.figure import Figure
    from PIL import Image

    rgb = np.asarray(Image.open(png).convert("RGB")).astype(int)
    height, width = rgb.shape[:2]
    is_land = ((rgb[..., 2] - rgb[..., 0]) <= WATER_BLUE_OVER_RED).astype(float)
    # Pad by one pixel at the frame so that rings close along the map's edges.
    grid = np.pad(is_land, 1, mode="edge")
    lon = np.concatenate([[-180], -180 + (np.arange(width) + 0.5) * 360 / width, [180]])
    lat = np.concatenate([[90], 90 - (np.arange(height) + 0.5) * 180 / height, [-90]])
    contours = Figure().add_subplot().contour(lon, lat, grid, levels=[0.5])
    rings = []
    for path in contours.get_paths():
        for ring in path.to_polygons(closed_only=False):
            x, y = ring[:, 0], ring[:, 1]
            if len(ring) < 4 or 0.5 * abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))) < MIN_AREA:
                continue
            points = simplify([(float(a), float(b)) for a, b in ring], TOLERANCE)
            if len(points) >= 4:
                rings.append([[round(a, 2), round(b, 2)] for a, b in points])
    return rings


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit(__doc__)
    rings = trace(Path(argv[0]))
    data = {"source": "Natural Earth 1:50m shaded relief (public domain), as downsampled in cartopy's wheel; "
                      "traced by extractor.report.world",
            "rings": rings}
    dest = models_path(*OUTLINE)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf8")
    print(f"{dest}: {len(rings)} rings, {sum(map(len, rings))} points")


if __name__ == "__main__":
    main(sys.argv[1:])
