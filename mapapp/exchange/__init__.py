"""Exchange: the whole atlas written in the field's formats (LPF, GeoJSON, GeoPackage, TEI, W3C
annotations, CSV), each shaped by a pure function over what the atlas answers."""
