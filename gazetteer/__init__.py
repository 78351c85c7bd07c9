"""Places, territories and movements: from names in a text to the map.

This package knows places. It imports neither Flask nor `documents`.
"""
