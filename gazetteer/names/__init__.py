"""How names are written: folding, and the words that are never place names."""
