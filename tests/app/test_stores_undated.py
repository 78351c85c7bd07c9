"""Undated rows come first in answer order on both stores (SQLite sorts NULL first, PostgreSQL last
unless told): the movements of an undated document, beside dated ones."""
from __future__ import annotations

from mapapp.atlas import postgres, versions

UNDATED = """---
id: "undated-march"
title: "Report on the March of the Brigade"
---
The brigade advanced from Goris to Shusha and then marched from Shusha to Agdam.
"""

DATED = """---
id: "dated-march"
title: "Telegram on the March to Nakhichevan"
date: "10 August 1920"
---
The regiment advanced from Erivan to Nakhichevan.
"""


def test_an_undated_documents_movements_come_first_on_both_stores(make_atlas, app_for, database_url, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dated.md").write_text(DATED, encoding="utf-8")
    (corpus / "undated.md").write_text(UNDATED, encoding="utf-8")
    atlas = make_atlas([corpus])
    url = database_url()
    postgres.publish(url, versions.current_file(atlas), versions.current_version(atlas), keep=5)
    lite, pg = (app_for(atlas, **config).test_client().get("/api/movements") for config in ({}, {"DATABASE_URL": url}))
    ids = [f["id"] for f in lite.get_json()["features"]]
    assert ids[0].startswith("undated-march/") and ids[-1].startswith("dated-march/"), ids
    assert pg.data == lite.data
