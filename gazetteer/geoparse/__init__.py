"""Reading place names in a text: matching, resolving, persons."""
