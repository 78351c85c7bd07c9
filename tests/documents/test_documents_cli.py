"""`chronotope documents` through the real command line: output contracts and bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

KEYS = ["id", "source", "title", "date_text", "earliest", "latest", "precision", "origin", "author",
        "recipient", "kind", "archive_ref", "published_in", "body", "dates"]
# Added after the first contract's keys (and after "places"): the compiler's heading and collection.
PROVENANCE_KEYS = ["heading", "collection", "editorial_notes", "former_ids", "descriptive_title"]
# Then the calendar the document's date was written in, and the date in it (see Dates).
CALENDAR_KEYS = ["calendar", "date_as_written"]
DATE_KEYS = ["text", "start", "end", "earliest", "latest", "edtf", "calendar", "as_written"]


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_json_lines_of_the_bundled_corpus(cli):
    result = cli("--json")
    assert result.exit_code == 0, result.stderr
    docs = records(result)
    assert len(docs) == 22
    assert {doc["language"] for doc in docs} == {"en"}
    assert all(list(doc)[:len(KEYS)] == KEYS for doc in docs)   # others may add keys after these
    kars = next(doc for doc in docs if doc["origin"] == "Kars")
    assert (kars["date_text"], kars["earliest"], kars["latest"], kars["precision"], kars["kind"]) == (
        "Kars, January 8, 1921", "1921-01-08", "1921-01-08", "day", "telegram")
    for doc in docs:
        for found in doc["dates"]:
            assert list(found)[:len(DATE_KEYS)] == DATE_KEYS
            assert set(found) <= {*DATE_KEYS, "note"}
            assert doc["body"][found["start"]:found["end"]] == found["text"]
    # the geoparser's places follow, offsets into the body (a healthy gazetteer: no warning)
    assert result.stderr == "" and all(list(doc) == KEYS + ["language", "places"] + PROVENANCE_KEYS + CALENDAR_KEYS
                                  for doc in docs)
    places = [(doc, place) for doc in docs for place in doc["places"]]
    assert places and all(doc["body"][p["start"]:p["end"]] == p["text"] for doc, p in places)
    # The contract's `title` is the title as printed, the compiler's heading on a collection page;
    # the neutral title the map uses comes beside it.
    headed = [doc for doc in docs if doc["heading"]]
    assert headed and all(doc["title"] == doc["heading"] != doc["descriptive_title"] for doc in headed)


def test_readable_table(cli, data_dir):
    result = cli(data_dir / "variants_page.txt")
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["ID", "DATE", "ORIGIN", "TITLE"]
    assert len(rows) == 4
    assert "1920-08-07" in rows[0] and "Telegram of the Command" in rows[0]
    assert "Erivan" in rows[2] and rows[3].split()[1:3] == ["undated", "-"]


def test_files_of_all_three_formats_together(cli, data_dir):
    result = cli(data_dir / "kars_telegram.md", data_dir / "class_documents.csv", "--json")
    assert result.exit_code == 0
    assert [doc["source"] for doc in records(result)] == ["kars_telegram.md"] + ["class_documents.csv"] * 3


def test_reader_option_overrides_the_extension(cli, data_dir, tmp_path):
    page = tmp_path / "page.md"
    page.write_text((data_dir / "variants_page.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert cli(page).exit_code == 2
    result = cli(page, "--reader", "collection", "--json")
    assert result.exit_code == 0 and len(records(result)) == 4


def test_partial_file_warns_per_bad_document_and_succeeds(cli, data_dir):
    result = cli(data_dir / "variants_page.txt", "--json")
    assert result.exit_code == 0
    assert len(records(result)) == 4
    assert result.stderr.strip().splitlines() == [
        f"warning: {data_dir / 'variants_page.txt'}:22: cannot read the date 'February 30, 1921'; document skipped"]


BAD_INPUTS = [
    # (file name, bytes, expected message after "error: NAME")
    ("empty.txt", b"   \n\n", ":1: empty file"),
    ("latin1.txt", "Kars, 8 January 1921\nCaf\u00e9\n".encode("latin-1"), ":2: not UTF-8 text"),
    ("notes.txt", b"Some notes on 1920.\nNo document here.\n", ":1: no document found"),
    ("broken.md", b"---\ntitle: A\ndate: [1921\n---\nText\n", ":3: broken YAML front matter"),
    ("baddate.md", b"---\ntitle: A\ndate: 31 June 1920\n---\nText\n", ":3: cannot read the date '31 June 1920'"),
    ("sheet.csv", b"name,when\nA,1921\n", ":1: CSV header lacks the column(s) title, body"),
    ("open.csv", b'title,date,body\nA,1921,"an unclosed quote\n', ":2: broken CSV: unexpected end of data"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS)
def test_bad_input_is_one_line_naming_file_and_line(cli, tmp_path, monkeypatch, name, content, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(content)
    result = cli(name)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {name}{message}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr + result.stdout and result.stdout == ""


def test_missing_file_and_directory(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("missing.txt")
    assert (result.exit_code, result.stderr) == (2, "error: missing.txt: file not found\n")
    (tmp_path / "folder").mkdir()
    result = cli("folder")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: folder: no documents in this folder (.csv, .markdown, .md, .txt, .xml files)")


def test_a_folder_lists_the_documents_in_it_as_build_reads_it(cli, tmp_path, monkeypatch, seed_files):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    for path in seed_files[:2]:
        (tmp_path / "folder" / path.name).write_bytes(path.read_bytes())
    (tmp_path / "folder" / "notes.pdf").write_bytes(b"not a source")
    by_folder = cli("--json", "folder")
    by_files = cli("--json", *(f"folder/{p.name}" for p in seed_files[:2]))
    assert by_folder.exit_code == 0 and by_folder.stdout
    ids = lambda r: [json.loads(line)["id"] for line in r.stdout.splitlines()]  # noqa: E731
    assert ids(by_folder) == ids(by_files)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    result = cli("secret.txt")
    assert (result.exit_code, result.stderr) == (2, "error: secret.txt: cannot read file (permission denied)\n")


def test_real_process_exit_code_and_stderr(tmp_path):
    """The installed entry point, as scripts run it: no traceback, exit 2."""
    run = subprocess.run([sys.executable, "-c", "from mapapp.cli import main; main()", "documents", "missing.txt"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert (run.returncode, run.stderr, run.stdout) == (2, "error: missing.txt: file not found\n", "")


def test_readme_documents_every_key_option_and_format(project_root):
    readme = (project_root / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Documents"):]
    for word in KEYS + ["--json", "--reader", "collection", "markdown", "csv", "---", "title,"]:
        assert word in section, word


def run_documents(home, *args: str) -> subprocess.CompletedProcess:
    """Run `chronotope documents ARGS` in a fresh process (the gazetteer is loaded once per process)."""
    env = {**os.environ, "CHRONOTOPE_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", "from mapapp.cli import main; main()", "documents", *args],
                          capture_output=True, text=True, env=env, timeout=300)


BROKEN_USER_LAYERS = [
    # (content of the user's LPF file, the problem the warning must name)
    ('{"type": "FeatureCollection", "features": [\n', "not JSON: Expecting value at line 2, column 1"),
    ('{"type": "Feature"}\n', "not a Linked Places FeatureCollection"),
    ('{"type": "FeatureCollection", "features": [{"@id": "my:shushi", "type": "Feature",'
     ' "properties": {"title": "Shushi"}, "geometry": {"type": "Point", "coordinates": ["east", 39.7]}}]}\n',
     "record my:shushi"),
]


@pytest.mark.parametrize(("content", "problem"), BROKEN_USER_LAYERS)
def test_documents_are_listed_without_places_when_the_gazetteer_cannot_load(tmp_path, content, problem):
    layer = tmp_path / "gazetteer" / "mine.lpf.json"
    layer.parent.mkdir()
    layer.write_text(content, encoding="utf-8")
    run = run_documents(tmp_path, "--json")
    assert run.returncode == 0
    (warning,) = run.stderr.splitlines()
    assert warning.startswith("warning: gazetteer not loaded") and str(layer) in warning and problem in warning
    docs = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(docs) == 22 and all(list(doc) == KEYS + ["language"] + PROVENANCE_KEYS + CALENDAR_KEYS for doc in docs)
    assert layer.read_text(encoding="utf-8") == content  # the user's file is left as it was

