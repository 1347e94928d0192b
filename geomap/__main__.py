"""``python -m geomap``."""

from .cli import main

main()
