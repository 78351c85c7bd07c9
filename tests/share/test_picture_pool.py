"""Pictures are drawn in a bounded pool of processes (503 with Retry-After when it is full), kept in
an on-disk cache shared by processes, and bounded in size and time span."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from mapapp.picture.cache import PictureCache
from mapapp.picture.pool import PoolFull, WorkerPool
from mapapp.picture.scene import MAX_WINDOW_DAYS, view_window
from mapapp.view_state import ViewState


@pytest.fixture(scope="module")
def pool():
    one = WorkerPool(workers=1, queue=1)
    yield one
    one.shutdown()


def test_the_pool_refuses_at_once_when_full(pool):
    first = pool.submit("a", time.sleep, 1.5)
    second = pool.submit("b", time.sleep, 0.1)
    with pytest.raises(PoolFull):
        pool.submit("c", time.sleep, 0.1)
    assert not first.done()      # refused at once: not after waiting for the running call
    assert pool.submit("a", time.sleep, 1.5) is first       # the same picture joins the running call
    first.result(), second.result()
    assert pool.in_flight == 0
    assert pool.run("d", pow, 2, 10) == 1024                 # room again once they are done


def test_a_call_not_done_in_time_is_refused(pool):
    with pytest.raises(PoolFull):
        pool.run("slow", time.sleep, 1.0, timeout=0.1)


def test_the_cache_is_on_disk_and_shared(tmp_path):
    cache = PictureCache(tmp_path / "pictures")
    key = PictureCache.key("v1", (("date", "1920-08-10"),), 640, 480)
    assert cache.get(key) is None and not (tmp_path / "pictures").exists()
    cache.put(key, b"png-bytes")
    assert PictureCache(tmp_path / "pictures").get(key) == b"png-bytes"      # another process's cache
    assert [p.name for p in (tmp_path / "pictures").iterdir()] == [f"{key}.png"]   # no temporary left
    assert PictureCache.key("v2", (("date", "1920-08-10"),), 640, 480) != key


def test_the_cache_is_shared_with_another_process(tmp_path):
    folder = tmp_path / "pictures"
    code = (f"from mapapp.picture.cache import PictureCache as C; "
            f"C({str(folder)!r}).put(C.key('v1', 'view'), b'drawn elsewhere')")
    subprocess.run([sys.executable, "-c", code], check=True)
    assert PictureCache(folder).get(PictureCache.key("v1", "view")) == b"drawn elsewhere"


def test_the_cache_keeps_the_most_recently_used(tmp_path):
    cache = PictureCache(tmp_path, max_files=3)
    for n in range(5):
        cache.put(f"k{n}", bytes([n]))
        time.sleep(0.01)
    cache.get("k0")                       # used again: now the most recent
    assert cache.prune() == 2
    assert sorted(p.stem for p in tmp_path.glob("*.png")) == ["k0", "k3", "k4"]


@pytest.mark.parametrize(("state", "document", "expected"), [
    (ViewState(), None, ("1920-07-12", "1920-08-10")),
    (ViewState(window="7"), None, ("1920-08-04", "1920-08-10")),
    (ViewState(window="all"), None, ("1919-08-10", "1920-08-10")),
    (ViewState(window="146096"), None, ("1919-08-10", "1920-08-10")),
    (ViewState(start="1918-01-01", end="1921-12-31"), None, ("1920-12-30", "1921-12-31")),
    (ViewState(start="1920-01-01", end="1920-03-01"), None, ("1920-01-01", "1920-03-01")),
    (ViewState(), {"earliest": "1920-05-01", "latest": "1920-05-03"}, ("1920-05-01", "1920-05-03")),
])
def test_a_picture_shows_at_most_a_year(state, document, expected):
    window = view_window(state, "1920-08-10", document)
    assert (window.start, window.end) == expected
    assert MAX_WINDOW_DAYS == 366


def test_map_png_answers_503_with_retry_after_when_the_pool_is_full(app_for, atlas_path):
    app = app_for(atlas_path, PICTURE_WORKERS=1, PICTURE_QUEUE=0)
    pool = app.extensions["chronotope.picture_pool"]
    first: dict = {}
    slow = threading.Thread(target=lambda: first.setdefault(
        "answer", app.test_client().get("/map.png?width=2400&height=2400&window=all")))
    slow.start()
    for _ in range(200):
        if pool.in_flight:
            break
        time.sleep(0.01)
    refused = app.test_client().get("/map.png?width=640&height=480&date=1920-08-10")
    refused_while_busy = "answer" not in first   # at once: not after waiting for the big picture
    slow.join()
    assert first["answer"].status_code == 200
    assert refused.status_code == 503 and refused_while_busy
    assert refused.headers["Retry-After"] == "2" and refused.headers["Cache-Control"] == "no-store"
    assert app.test_client().get("/map.png?width=640&height=480&date=1920-08-10").status_code == 200


def test_a_worker_that_dies_is_a_refusal_and_the_next_call_gets_a_fresh_pool():
    pool = WorkerPool(workers=1, queue=0)
    try:
        with pytest.raises(PoolFull, match="stopped"):
            pool.run("crash", os._exit, 1)
        assert pool.run("after", pow, 2, 3) == 8
    finally:
        pool.shutdown()
