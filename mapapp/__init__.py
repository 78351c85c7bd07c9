"""The Flask app and the command line: compose `documents` and `gazetteer` and present them."""
