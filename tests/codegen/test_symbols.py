"""The shared library exports exactly the spec's symbols, each under the version node of its
`since` version (the generated linker version script), and has a soname."""
from __future__ import annotations

import os
import subprocess
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "codegen"))

import model  # noqa: E402

LIB = os.environ.get("URINGNET_LIB", str(ROOT / "build" / "default" / "liburingnet.so"))
INFO = ["abi_version", "version", "spec_checksum", "strerror", "error_name", "error_class"]


def exported() -> dict[str, str]:
    out = subprocess.run(["nm", "-D", "--defined-only", LIB], capture_output=True, text=True, check=True).stdout
    symbols = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and "@" in parts[2]:
            name, version = parts[2].split("@@") if "@@" in parts[2] else parts[2].split("@", 1)
            symbols[name] = version
    return symbols


class Symbols(unittest.TestCase):
    def setUp(self):
        self.spec = model.load(ROOT / "api" / "net.json", ROOT / "api" / "schema.json")

    def expected(self) -> dict[str, str]:
        first = "URINGNET_" + min((o.since for o in self.spec.operations),
                                  key=lambda v: tuple(int(x) for x in v.split(".")))
        want = {self.spec.c_prefix + f: first for f in INFO}
        want.update({x.name: first for x in self.spec.simple_extras})
        for op in self.spec.operations:
            want[op.c_name] = "URINGNET_" + op.since
            if op.has_async:
                want[op.async_name] = "URINGNET_" + op.since
            for b in op.simple:
                want[b.name] = "URINGNET_" + op.since
        last = "URINGNET_" + list(self.spec.ops_by_since())[-1]
        # (std.net's stream buffer and std.net.driver: hand-written externs, the newest node)
        want.update({x.name: last for x in self.spec.simple_stream + self.spec.simple_driver})
        return want

    def test_exports_are_exactly_the_spec(self):
        got, want = exported(), self.expected()
        self.assertEqual(sorted(set(got) - set(want)), [], "exported but not in the spec")
        self.assertEqual(sorted(set(want) - set(got)), [], "in the spec but not exported")
        for name, version in want.items():
            self.assertEqual(got[name], version, name)

    def test_soname(self):
        out = subprocess.run(["objdump", "-p", LIB], capture_output=True, text=True, check=True).stdout
        self.assertIn(f"SONAME               liburingnet.so.{self.spec.version.split('.')[0]}", out)


if __name__ == "__main__":
    unittest.main()
