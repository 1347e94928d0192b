"""Build-time code: turns raw GeoNames / Natural Earth / curated sources into the shipped database."""
