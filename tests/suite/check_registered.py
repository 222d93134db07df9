#!/usr/bin/python3
"""Every Catch test case is registered with ctest under its own name, and nothing else is.

    check_registered.py TEST_BINARY TEST_BUILD_DIR ["PREFIX=OTHER_BINARY" ...]

(Other binaries' cases are registered under their prefix, catch_discover_tests' TEST_PREFIX.)

catch_discover_tests turns each test case into a ctest entry. A name it mangles (a ';'
splits it in two) would make an entry that matches no test case, and Catch run with a
filter that matches nothing used to exit 0: the case never ran and ctest said "passed".
This compares `TEST_BINARY --list-test-names-only` with the entries ctest registered.
"""
import re
import subprocess
import sys
from pathlib import Path


def ctest_entries(test_dir: Path) -> list[str]:
    """The test names catch_discover_tests registered, read from the files ctest includes
    (CTestTestfile.cmake -> *_include-*.cmake -> *_tests-*.cmake). Reading them, instead of
    running `ctest -N` from inside a ctest run, leaves that run's LastTest.log alone."""
    names = []
    for inc in re.findall(r'^include\("([^"]+_include-[^"]+\.cmake)"\)', (test_dir / "CTestTestfile.cmake").read_text(), re.M):
        for tests in re.findall(r'include\("([^"]+_tests-[^"]+\.cmake)"\)', Path(inc).read_text()):
            text = Path(tests).read_text()
            names += [m.group(2) for m in re.finditer(r"^add_test\(\s*\[(=*)\[(.*?)\]\1\]", text, re.M)]
    return names


def listed(binary: str, prefix: str = "") -> list[str]:
    out = subprocess.run([binary, "--list-test-names-only"], capture_output=True, text=True,
                         check=False).stdout.splitlines()
    return [prefix + n for n in out if n.strip()]


def main(binary: str, test_dir: str, *others: str) -> int:
    cases = listed(binary)
    for other in others:
        prefix, other_binary = other.split("=", 1)
        cases += listed(other_binary, prefix)
    entries = ctest_entries(Path(test_dir))
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
    print(f"{len(cases)} Catch test cases, {len(entries)} ctest entries")
    return 1 if problems or len(cases) != len(entries) or not cases else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
