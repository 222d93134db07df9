#!/usr/bin/python3
"""Every Catch test case is registered with ctest under its own name, and nothing else is.

    check_registered.py TEST_BINARY BUILD_DIR

catch_discover_tests turns each test case into a ctest entry (label "catch"). A name it
mangles (a ';' splits it in two) would make an entry that matches no test case, and Catch
run with a filter that matches nothing used to exit 0: the case never ran and ctest said
"passed". This compares `TEST_BINARY --list-test-names-only` with `ctest -N -L catch`.
"""
import re
import subprocess
import sys


def main(binary: str, build_dir: str) -> int:
    listed = subprocess.run([binary, "--list-test-names-only"], capture_output=True, text=True,
                            check=False).stdout.splitlines()
    cases = [n for n in listed if n.strip()]
    out = subprocess.run(["ctest", "-N", "-L", "^catch$"], cwd=build_dir, capture_output=True, text=True,
                         check=True).stdout
    entries = [m.group(1) for m in re.finditer(r"^\s*Test\s+#\d+: (.*?)\s*$", out, re.M)]
    problems = []
    for n in sorted(set(cases) - set(entries)):
        problems.append(f"test case not registered with ctest: {n!r}")
    for n in sorted(set(entries) - set(cases)):
        problems.append(f"ctest entry that matches no test case: {n!r}")
    if len(cases) != len(set(cases)):
        problems.append("two test cases share a name")
    for n in cases:
        if ";" in n:
            problems.append(f"test case name with ';' (catch_discover_tests splits it): {n!r}")
    for p in problems:
        print(p)
    print(f"{len(cases)} Catch test cases, {len(entries)} ctest entries labelled catch")
    return 1 if problems or len(cases) != len(entries) or not cases else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
