"""Places on the globe: distances, and the places within a radius of a place."""

from __future__ import annotations

import math

from kscli.errors import UsageError

EARTH_KM = 6371.0088


AREAS = ("country", "state", "region", "province", "district")


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points.

    >>> round(distance_km((40.0, 47.0), (40.0, 47.0)), 3), round(distance_km((0, 0), (0, 1)))
    (0.0, 111)
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def places_near(gazetteer, centre: str, km: float) -> set[str]:
    """Places with coordinates within `km` of the place named `centre` (itself included)."""
    if km < 0 or math.isnan(km) or math.isinf(km):
        raise UsageError(f"--km must be a distance of 0 or more, not {km}")
    here = gazetteer.get(centre)
    if here is None or here.lat is None:
        raise UsageError(f"'{centre}' has no coordinates; --near needs a place with a location")
    # Areas (a district, a region) have a centroid, not a location: being "near" one means nothing.
    return {p.name for p in gazetteer.places.values()
            if p.lat is not None and p.kind not in AREAS and distance_km((here.lat, here.lon), (p.lat, p.lon)) <= km}


def nearest_to(candidates, anchors, within_km: float = 40.0):
    """Of `candidates` (places), the one nearest to any of `anchors` (places) with coordinates, if
    within `within_km` of one: the Gülüstan beside Talış, not the one in Nakhchivan."""
    points = [(a.lat, a.lon) for a in anchors if a.lat is not None and a.kind not in AREAS]
    near = [(min(distance_km((c.lat, c.lon), q) for q in points), c) for c in candidates if c.lat is not None] \
        if points else []
    best = min(near, default=None, key=lambda pair: pair[0])
    return best[1] if best and best[0] <= within_km else None
