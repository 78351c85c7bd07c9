"""Corrections: editors' W3C Web Annotations on the documents, kept apart from what a build derives,
applied to every build and patched live into the served atlas."""
