"""The analysis of a text: where documents (dates) and gazetteer (places, movements) meet."""
