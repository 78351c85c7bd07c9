"""The corpus gives the site its title and description (its corpus.yaml); the bundled one is the default."""
from __future__ import annotations

import pytest
from markupsafe import escape

BUNDLED = ("Chronotope", "Documents of 1920–1921 on Karabakh, Zangezur and Nakhichevan, on a dated map.")


@pytest.mark.parametrize("file_text, title, description", [
    (None, *BUNDLED),                                                        # no file: the bundled words
    ("title: Letters from Lviv\ndescription: A family's letters, 1939–1945.\n",
     "Letters from Lviv", "A family's letters, 1939–1945."),
    ("title: Letters from Lviv\n", "Letters from Lviv", ""),                 # not the bundled corpus's words
    ("title: <b>Bold</b> & co\ndescription: <script>alert(1)</script>\n", "<b>Bold</b> & co",
     "<script>alert(1)</script>"),
])
def test_the_map_page_names_the_corpus_as_its_corpus_yaml_does(app_for, atlas_path, tmp_path, file_text, title,
                                                             description):
    corpus = tmp_path / "my-docs"
    corpus.mkdir()
    if file_text is not None:
        (corpus / "corpus.yaml").write_text(file_text, encoding="utf-8")
    page = app_for(atlas_path, CORPUS=[corpus]).test_client().get("/").get_data(as_text=True)
    assert f"<h1>{escape(title)}</h1>" in page
    assert f'<p class="tagline">{escape(description)}</p>' in page
    assert "<script>alert(1)" not in page


def test_the_bundled_corpus_names_itself(client):
    from mapapp.corpus_text import bundled_text_file, read_corpus_text

    assert tuple(vars(read_corpus_text(bundled_text_file())).values()) == BUNDLED
    assert f'<p class="tagline">{BUNDLED[1]}</p>' in client.get("/").get_data(as_text=True)
