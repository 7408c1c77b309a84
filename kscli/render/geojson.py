"""GeoJSON (RFC 7946): a Feature per event and located place, or per place."""

from __future__ import annotations

def feature(geometry_place, properties: dict) -> dict:
    return {"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(geometry_place.lon, 6), round(geometry_place.lat, 6)]},
            "properties": properties}


def collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def event_features(rows: list[dict], columns: list[str], gazetteer) -> list[dict]:
    """A Feature per event and located place, with `columns` as properties; unlocated events have none."""
    out = []
    for row in rows:
        properties = {c: row[c] for c in columns}
        for name in row.get("places") or ():
            place = gazetteer.get(name)
            if place is not None and place.lat is not None:
                out.append(feature(place, dict(properties, place=name)))
    return out


def place_features(rows: list[dict], gazetteer) -> list[dict]:
    return [feature(gazetteer.get(r["name"]), r) for r in rows
            if gazetteer.get(r["name"]) is not None and gazetteer.get(r["name"]).lat is not None]
