#!/usr/bin/env python3
"""Shrink Natural Earth's ne_110m_land.geojson into src/report/naturalearth/land.geojson.

Coordinates are rounded to 0.1 degree (about 11 km, finer than the 1:110m scale shows),
consecutive repeated points are dropped, and rings left with fewer than four points are
dropped. All polygons go into one MultiPolygon feature. No point is moved other than by the
rounding, none is added.

    python3 tools/simplify-natural-earth.py ne_110m_land.geojson > src/report/naturalearth/land.geojson
"""
import json
import sys


def ring(points):
    out = []
    for lon, lat in points:
        p = [round(lon, 1), round(lat, 1)]
        if not out or out[-1] != p:
            out.append(p)
    if len(out) >= 4 and out[0] == out[-1]:
        return out
    return None


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    polygons = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        parts = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            parts = [parts]
        for polygon in parts:
            rings = [r for r in (ring(x) for x in polygon) if r]
            if rings:
                polygons.append(rings)
    out = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"source": "Natural Earth ne_110m_land, rounded to 0.1 degree"},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        ],
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
