"""pytest, as ctest runs it: the cases that skipped are written, with their reasons, to the file
URINGNET_PYTEST_SKIPS names (one "NAME: reason" a line), which tools/check_skips.py reads
beside ctest's own skips, so that a skip in CI is allowed by tests/suite/allowed_skips.txt or
fails the run. pytest itself reports them too (-rs)."""
import os

_skips = []


def pytest_runtest_logreport(report):
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _skips.append(f"python {report.nodeid}: {reason.removeprefix('Skipped: ')}")


def pytest_sessionfinish(session, exitstatus):
    path = os.environ.get("URINGNET_PYTEST_SKIPS")
    if path:
        with open(path, "w") as out:
            out.writelines(line + "\n" for line in _skips)
