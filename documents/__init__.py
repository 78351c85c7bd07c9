"""Reading archival documents into dated, structured records.

This package knows texts and dates. It imports neither Flask nor `gazetteer`.

Entry points: `documents.readers.read_documents(paths, reader=None)` (collection pages, Markdown
with front matter, CSV), `documents.corpus.bundled_corpus()`, and `documents.dates.find_dates(text,
context)` / `parse_date(text, context)` for dates as intervals, and `documents.edtf.edtf_of(range)`
for their EDTF form.
"""
