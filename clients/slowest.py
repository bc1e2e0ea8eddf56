"""Reads accord's JSON request log and prints the slowest answers; fails when a read (GET)
took longer than the limit given in milliseconds. Usage: slowest.py LOG LIMIT_MS"""

import json
import sys


def requests(path):
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            fields = entry.get("fields", entry)
            if fields.get("message") != "request" or "ms" not in fields:
                continue
            yield fields


def main():
    path, limit = sys.argv[1], float(sys.argv[2])
    seen = sorted(requests(path), key=lambda f: float(f["ms"]), reverse=True)
    if not seen:
        print(f"slowest answers: no request lines in {path}", file=sys.stderr)
        return 1
    print(f"slowest of {len(seen)} answers:")
    for f in seen[:10]:
        print(f"  {float(f['ms']):9.1f} ms  {f.get('status')}  {f.get('method')} {f.get('route')}")
    slow_reads = [f for f in seen if f.get("method") == "GET" and float(f["ms"]) > limit]
    if slow_reads:
        print(f"{len(slow_reads)} reads took longer than {limit:.0f} ms", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
