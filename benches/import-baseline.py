#!/usr/bin/env python3
"""The one-core baseline the import benchmark measures fieldtrace against (issue 13).

    python3 benches/import-baseline.py LOG.csv PHOTOS_DIR DB.sqlite

What a field pipeline's script does with a seizure log, on one core: for each row, read its
photo, hash it (SHA-256), decode it in full with Pillow (libjpeg-turbo: Image.open().load()),
and insert the row and its photo into SQLite, in one transaction. Needs Pillow
(pip install Pillow). Prints one JSON line: rows, photos, seconds, rows_per_second.
"""
import csv
import hashlib
import io
import json
import os
import sqlite3
import sys
import time

from PIL import Image


def main():
    log, photos_dir, db = sys.argv[1:4]
    if os.path.exists(db):
        os.remove(db)
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE items (id INTEGER PRIMARY KEY, record_id TEXT UNIQUE, date TEXT, "
        "event TEXT, location TEXT, lat REAL, lon REAL, type TEXT, model TEXT, calibre TEXT, "
        "serial TEXT, markings TEXT)"
    )
    conn.execute(
        "CREATE TABLE photos (sha256 TEXT PRIMARY KEY, item_id INTEGER, width INTEGER, "
        "height INTEGER, bytes INTEGER)"
    )
    rows = photos = 0
    with open(log, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows += 1
            cur = conn.execute(
                "INSERT INTO items (record_id, date, event, location, lat, lon, type, model, "
                "calibre, serial, markings) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [row.get(k) or None for k in ("record_id", "date", "event", "location", "lat",
                                             "lon", "type", "model", "calibre", "serial",
                                             "markings")],
            )
            for name in filter(None, (p.strip() for p in (row.get("photos") or "").split("|"))):
                with open(os.path.join(photos_dir, name), "rb") as p:
                    data = p.read()
                digest = hashlib.sha256(data).hexdigest()
                image = Image.open(io.BytesIO(data))
                image.load()  # full decode
                conn.execute(
                    "INSERT OR IGNORE INTO photos VALUES (?,?,?,?,?)",
                    (digest, cur.lastrowid, image.width, image.height, len(data)),
                )
                photos += 1
    conn.commit()
    conn.close()
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": rows, "photos": photos, "seconds": seconds,
                      "rows_per_second": rows / seconds}))


if __name__ == "__main__":
    main()
