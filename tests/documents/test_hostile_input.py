"""Small hostile files: each is refused with one line naming file and line, exit 2, and quickly.

Every case here hung or printed a traceback before the readers refused it.
"""
from __future__ import annotations

import os
import subprocess
import time

import pytest

from documents.errors import DocumentError
from documents.readers import read_documents


def alias_bomb(levels: int, width: int = 9) -> str:
    """YAML whose aliases expand to width**levels nodes in a few hundred bytes."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines)


def deep_list(depth: int) -> str:
    return "[" * depth + "]" * depth


HOSTILE_MARKDOWN = [
    # (what, front matter, line, words in the message)
    ("alias bomb", alias_bomb(8), 3, "aliases (*a0) are not allowed"),
    ("one alias", "title: &t A title\norigin: *t", 3, "aliases (*t) are not allowed"),
    ("deep list", "title: " + deep_list(5000), 2, "nested more than 20 levels deep"),
    ("deep mapping", "title:" + "".join(f"\n{'  ' * i}k{i}:" for i in range(1, 60)) + " x", 21,
     "nested more than 20 levels deep"),
    ("long number", "title: A\ndate: 1" + "0" * 5000, 3, "a number longer than 40 digits"),
    ("long negative number", "title: A\ndate: -1" + "0" * 5000, 3, "a number longer than 40 digits"),
    ("unknown key", "title: A\ntilte: B", 3, "unknown front matter key 'tilte'"),
    ("a list as title", "title: [a, b]", 2, "'title' must be text, not a list"),
    ("javascript id", "id: javascript:alert('JID')\ntitle: A", 2, "id \"javascript:alert('JID')\" is not usable"),
    ("attribute-breaking id", "id: '\"><script>x</script>'\ntitle: A", 2, "is not usable"),
    ("id with a space", "id: two words\ntitle: A", 2, "is not usable"),
]


@pytest.mark.parametrize(("what", "front", "line", "words"), HOSTILE_MARKDOWN, ids=[h[0] for h in HOSTILE_MARKDOWN])
def test_hostile_front_matter_is_refused_at_its_line(tmp_path, what, front, line, words):
    path = tmp_path / "mine.md"
    path.write_text(f"---\n{front}\n---\nText of the document.\n", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(DocumentError) as caught:
        read_documents([path])
    assert time.perf_counter() - started < 2
    assert (caught.value.source, caught.value.line) == (str(path), line)
    assert words in caught.value.message


@pytest.mark.parametrize("doc_id", ["003-03", "1920-08-06-telegram-e4d5e8", "A.b_c-9", "x" * 128])
def test_safe_ids_are_kept(tmp_path, doc_id):
    path = tmp_path / "mine.md"
    path.write_text(f"---\nid: '{doc_id}'\ntitle: A\n---\nText.\n", encoding="utf-8")
    assert read_documents([path]).documents[0].id == doc_id


def test_a_bad_id_in_a_csv_row_skips_the_row_naming_its_line(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("id,title,body\ngood-1,A,Text\n\"javascript:alert('JID')\",B,Text\n", encoding="utf-8")
    reading = read_documents([path])
    assert [doc.id for doc in reading.documents] == ["good-1"]
    assert [(w.line, "is not usable" in w.message) for w in reading.warnings] == [(3, True)]


@pytest.mark.parametrize("what", ["alias bomb", "deep list", "long number"])
def test_the_cli_answers_one_line_and_exit_2(chronotope, tmp_path, what):
    front = {h[0]: h[1] for h in HOSTILE_MARKDOWN}[what]
    path = tmp_path / "mine.md"
    path.write_text(f"---\n{front}\n---\nText.\n", encoding="utf-8")
    done = subprocess.run([*chronotope, "documents", str(path)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "CHRONOTOPE_HOME": str(tmp_path / "home")})
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {path}:") and done.stderr.count("\n") == 1, done.stderr
    assert done.stdout == ""


def test_a_fifo_is_refused_not_waited_on(chronotope, tmp_path):
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    done = subprocess.run([*chronotope, "documents", str(fifo)], capture_output=True, text=True, timeout=30,
                          env={**os.environ, "CHRONOTOPE_HOME": str(tmp_path / "home")})
    assert (done.returncode, done.stderr) == (2, f"error: {fifo}: not a regular file "
                                                 "(a pipe, socket or device is not read)\n")


@pytest.mark.parametrize("text", [
    " " * 200_000 + "a",                                   # took minutes: \s*\[?\s* split the spaces every way
    "TELEGRAM FROM A TO B\n8 January 1921," + " " * 20_000 + "x\nText.\n",
    "TELEGRAM FROM A TO B\nKars, 8 January 1921, No. 5" + " " * 20_000 + "x\nText.\n",
    "No. 5," + " " * 20_000 + "x\n",
], ids=["spaces", "spaces after a date", "spaces after a number", "spaces after a prefix"])
def test_long_runs_of_spaces_are_read_in_linear_time(tmp_path, text):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    try:
        read_documents([path])
    except DocumentError:
        pass
    assert time.perf_counter() - started < 3
