#!/usr/bin/python3
"""Lists the tests the last ctest run in BUILD_DIR skipped, with their reasons, and fails
when one is not in tests/suite/allowed_skips.txt (for the backend this run used).

    tools/check_skips.py BUILD_DIR

A test skips by printing "SKIP: reason" and exiting 77 (ctest reports it as skipped); the
reasons come from ctest's log (Testing/Temporary/LastTest.log).
"""
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def allowed(backend: str) -> dict[str, str]:
    out = {}
    for line in (ROOT / "tests" / "suite" / "allowed_skips.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, when, reason = (part.strip() for part in line.split("|", 2))
        if when in ("any", backend):
            out[name] = reason
    return out


def skipped(log: str) -> dict[str, str]:
    out = {}
    for block in log.split("\n----------------------------------------------------------\n"):
        m = re.search(r"^\d+/\d+ Test: (.*)$", block, re.M)
        if m:
            current = m.group(1)
        reason = re.search(r"^SKIP: (.*)$", block, re.M)
        if reason and "<end of output>" in block:
            out[current] = reason.group(1)
    return out


def main(build_dir: str) -> int:
    log_path = Path(build_dir) / "Testing" / "Temporary" / "LastTest.log"
    log = log_path.read_text(errors="replace")
    backend = os.environ.get("URINGNET_BACKEND", "auto")
    ok_list = allowed(backend)
    skips = skipped(log)
    pytest_skips = Path(build_dir) / "Testing" / "pytest_skips.txt"
    if pytest_skips.exists():
        for line in pytest_skips.read_text().splitlines():
            name, _, reason = line.partition(": ")
            skips[name] = reason
    ran = len(re.findall(r"^\d+/\d+ Test: ", log, re.M))
    if ran == 0:
        print(f"check_skips: {log_path} lists no test: cannot tell what was skipped")
        return 1
    print(f"check_skips: {len(skips)} of {ran} test(s) skipped in {build_dir} (backend {backend}):")
    bad = []
    for name, reason in sorted(skips.items()):
        mark = "allowed" if name in ok_list else "NOT ALLOWED"
        print(f"  [{mark}] {name}: {reason}")
        if name not in ok_list:
            bad.append(name)
    if bad:
        print(f"check_skips: {len(bad)} test(s) skipped that tests/suite/allowed_skips.txt does not allow: "
              "make the machine able to run them, or allow them there with the reason")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
