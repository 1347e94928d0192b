"""Commands that read text (registered once the geoparser lands)."""
