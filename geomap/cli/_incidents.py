"""Commands of this area are registered here (see geomap/cli/__init__.py)."""
