"""``python -m geomap``."""

from geomap.cli import main

main()
