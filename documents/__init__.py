"""Reading archival documents into dated, structured records.

This package knows texts and dates. It imports neither Flask nor `gazetteer`.
"""
