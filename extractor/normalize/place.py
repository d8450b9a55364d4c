"""One gazetteer entry (shared by the gazetteer and the ranking of its candidates)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a country, a subdivision, a town or a region."""

    name: str
    kind: str  # country, admin, city, region, other
    country_code: str
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    population: int = 0
    admin1: str = ""
    capital: bool = False
    iso_code: str = ""

    def as_row(self) -> dict:
        """The places table's columns for this entry."""
        return {"name": self.name, "kind": self.kind, "country_code": self.country_code or None,
                "geonames_id": self.geonames_id, "latitude": self.latitude, "longitude": self.longitude}
