"""TEI P5 documents: the fourth reader, beside collection pages, Markdown and CSV.

`documents.tei.reader.read_tei(text, source)` returns one document per `TEI` element (each of a
`teiCorpus`), or one per `div[@type="document"]` of a TEI that holds several; the header gives
the fields, the body the text, and the source's own `placeName/@ref` and `date/@when` markup is
kept as `Document.markup`. The XML is parsed without entities, DTDs or the network.
"""
