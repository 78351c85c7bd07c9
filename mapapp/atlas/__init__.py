"""The atlas: everything the app shows, built once from the corpus into SQLite and read by the app.

`build` writes it (atomic, incremental), `versions` names and keeps its versions, `store`
opens one (`open_atlas`, `Atlas`), `query` holds the SQL, `current` finds the one a request asks for.
Beside SQLite, `postgres` publishes a built atlas into PostgreSQL/PostGIS (tables in `pg_schema`)
and reads it back, with the same answers.
"""
