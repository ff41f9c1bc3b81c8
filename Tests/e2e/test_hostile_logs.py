"""Hostile review-log CSVs: a bad date, a NUL byte, a number too large — each a clear error naming the file and
row, never a crash. The 10-million-row log is generated on the fly and only run with ANNALS_BIG_TESTS=1 (it takes
minutes in a debug build); it states the memory bound it checks."""
import os
import resource
import subprocess

import pytest

from studyhelpers import ANNALS, env

HEADER = "card_id,review_time,review_rating,review_duration\n"


def replay(path):
    return subprocess.run([ANNALS, "fsrs", "replay", str(path)], capture_output=True, env=env(), timeout=600)


@pytest.mark.parametrize("rows, row, message", [
    (["1,2024-01-01T10:00:00Z,3,1000", "1,2024-02-30 lunchtime,3,1000"], 3,
     "review_time '2024-02-30 lunchtime' is neither ISO 8601 nor epoch milliseconds"),
    (["1,2024-01-01T10:00:00Z,3,1000", "2\0,2024-01-01T10:00:00Z,3,1000"], 3,
     "the row holds a NUL byte (is this a binary or damaged file?)"),
    (["1,2024-01-01T10:00:00Z,3," + "5" + "0" * 60], 2, "review_duration '5" + "0" * 60 + "' is not a number"),
    (["1,2024-01-01T10:00:00Z,7,1000"], 2, "review_rating '7' is not 1, 2, 3 or 4"),
])
def test_a_hostile_row_is_an_error_naming_file_and_row(tmp_path, rows, row, message):
    log = tmp_path / "log.csv"
    log.write_bytes((HEADER + "\n".join(rows) + "\n").encode())
    result = replay(log)
    assert result.returncode == 1
    assert f"{log}:{row}: {message}".encode() in result.stderr.replace(b"\\u{0}", b"")
    assert b"Fatal error" not in result.stderr


@pytest.mark.skipif(os.environ.get("ANNALS_BIG_TESTS") != "1",
                    reason="the 10-million-row log takes minutes in a debug build: set ANNALS_BIG_TESTS=1")
def test_ten_million_rows_with_a_bad_date_at_the_end(tmp_path):
    log = tmp_path / "big.csv"
    with open(log, "w") as f:
        f.write(HEADER)
        chunk = []
        for i in range(10_000_000 - 1):
            chunk.append(f"{i % 50000},{1704103200000 + i * 1000},{1 + i % 4},3000\n")
            if len(chunk) == 100_000:
                f.write("".join(chunk))
                chunk = []
        f.write("".join(chunk))
        f.write("7,yesterday,3,1000\n")
    size = os.path.getsize(log)
    result = replay(log)
    assert result.returncode == 1
    assert f"{log}:10000001: review_time 'yesterday'".encode() in result.stderr
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    # The bound: the log is read whole (text, its bytes, a range per line, the parsed reviews), about 4.4 bytes of
    # memory per byte of log (1.17 GB for this 268 MB file, measured); checked at 5.
    assert peak < 5 * size, f"peak {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB log"
