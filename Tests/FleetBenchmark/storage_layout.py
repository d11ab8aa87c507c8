#!/usr/bin/env python3
"""Issue 15: one SQLite database per station, or one for the whole fleet? Measures, with
the station's own settings (WAL, exclusive locking, synchronous=FULL for a batch that
touches transactions), how many fsynced commits a second one thread gets from

  - N databases, one per station (the layout the fleet uses: `<data-dir>/<identity>/`),
  - one shared database with a station column, a commit per station change,
  - the shared database with a round of every station's changes in one commit (group
    commit: what a shared file could give, at the price of holding each station's
    acknowledgement until its round is written),

and what opening N databases costs.

    storage_layout.py [--stations 200] [--rounds 10] [--dir DIR]
"""

import argparse
import os
import shutil
import sqlite3
import tempfile
import time

ROW = '{"connector":1,"meterStart":12345,"idTag":"VALID1","timestamp":"2026-11-30T10:00:00.000Z","sequence":42}'


def connect(path):
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA locking_mode = EXCLUSIVE")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    return connection


def commit(connection, *values):
    connection.execute("BEGIN")
    connection.execute(f"INSERT OR REPLACE INTO message_queue VALUES ({', '.join('?' * len(values))})", values)
    connection.execute("COMMIT")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stations", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--dir", default=None, help="where to write (default: a temporary directory)")
    options = parser.parse_args()
    n, rounds = options.stations, options.rounds
    root = tempfile.mkdtemp(dir=options.dir)
    try:
        started = time.perf_counter()
        per_station = []
        for i in range(n):
            os.makedirs(f"{root}/own/{i}")
            connection = connect(f"{root}/own/{i}/station.sqlite")
            connection.execute("CREATE TABLE message_queue (k INTEGER PRIMARY KEY, v TEXT)")
            per_station.append(connection)
        opened = time.perf_counter() - started
        started = time.perf_counter()
        for k in range(rounds):
            for connection in per_station:
                commit(connection, k, ROW)
        own = n * rounds / (time.perf_counter() - started)

        shared = connect(f"{root}/fleet.sqlite")
        shared.execute("CREATE TABLE message_queue (station TEXT, k INTEGER, v TEXT, PRIMARY KEY (station, k))")
        started = time.perf_counter()
        for k in range(rounds):
            for i in range(n):
                commit(shared, f"S{i}", k, ROW)
        one = n * rounds / (time.perf_counter() - started)

        started = time.perf_counter()
        for k in range(rounds, 2 * rounds):
            shared.execute("BEGIN")
            for i in range(n):
                shared.execute("INSERT OR REPLACE INTO message_queue VALUES (?, ?, ?)", (f"S{i}", k, ROW))
            shared.execute("COMMIT")
        grouped = n * rounds / (time.perf_counter() - started)
        print(f"{n} stations: opening a database each {opened * 1000:.0f} ms ({opened / n * 1000:.2f} ms each); "
              f"fsynced station changes a second: a database each {own:.0f}, one shared {one:.0f}, "
              f"one shared with group commit {grouped:.0f}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
