"""World outlines for the map page, read from data installed with Cronaca, never fetched.

The outlines are Natural Earth's 1:110m countries (public domain) as shipped in the
``geopandas`` 0.14 wheel (``geopandas/datasets/naturalearth_lowres``).  Cronaca installs that
wheel without its dependencies only for this file and never imports ``geopandas``: the
shapefile is read here (polygons only, a few dozen lines of ``struct``) and turned into SVG
paths in the plate carrée projection (x = longitude, y = -latitude), the projection the map's
points use too.
"""

from __future__ import annotations

import importlib.util
import struct
from functools import cache
from pathlib import Path

DATASET = ("datasets", "naturalearth_lowres", "naturalearth_lowres.shp")
POLYGON = 5


def shapefile_path() -> Path | None:
    """The Natural Earth shapefile if its package is installed (found without importing it)."""
    spec = importlib.util.find_spec("geopandas")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*DATASET)
    return path if path.is_file() else None


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Every polygon record of an ESRI shapefile as rings of (lon, lat) points."""
    data = path.read_bytes()
    if len(data) < 100 or struct.unpack(">i", data[:4])[0] != 9994:
        raise ValueError(f"{path}: not an ESRI shapefile")
    shapes, offset = [], 100
    while offset + 8 <= len(data):
        _, words = struct.unpack(">ii", data[offset:offset + 8])
        content = data[offset + 8:offset + 8 + 2 * words]
        offset += 8 + 2 * words
        if len(content) < 44 or struct.unpack("<i", content[:4])[0] != POLYGON:
            continue
        parts_count, points_count = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", content[44:44 + 4 * parts_count]))
        start = 44 + 4 * parts_count
        flat = struct.unpack(f"<{2 * points_count}d", content[start:start + 16 * points_count])
        points = list(zip(flat[0::2], flat[1::2]))
        rings = [points[a:b] for a, b in zip(parts, parts[1:] + [points_count])]
        shapes.append([r for r in rings if len(r) >= 3])
    return shapes


def svg_path(rings: list[list[tuple[float, float]]], step: float = 0.1) -> str:
    """One SVG path for a shape's rings, rounded to ``step`` degrees, repeats dropped."""
    out = []
    for ring in rings:
        points, last = [], None
        for lon, lat in ring:
            p = (round(lon / step) * step, round(-lat / step) * step)
            if p != last:
                points.append(p)
                last = p
        if len(points) >= 3:
            out.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
    return "".join(out)


@cache
def outlines() -> tuple[str, ...]:
    """The countries as SVG path data; empty when the outlines are not installed."""
    path = shapefile_path()
    if path is None:
        return ()
    return tuple(p for p in (svg_path(rings) for rings in read_polygons(path)) if p)
