"""The spec / .spl / C header cross-check passes on the generated files and fails, naming the
function, on deliberately broken copies (the old layer's real defects: tcp_write with two
parameters in .spl, nodelay as a RuntimeValue in the header, a function missing)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CROSSCHECK = ROOT / "codegen" / "crosscheck.py"
SPL = ROOT / "generated" / "simple" / "net"
HEADER = ROOT / "generated" / "include" / "uringnet" / "uringnet_simple.h"


def run(spl: Path, header: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CROSSCHECK), "--spl", str(spl), "--header", str(header)],
                          capture_output=True, text=True)


class CrossCheck(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        self.spl = self.tmp / "net"
        shutil.copytree(SPL, self.spl)
        self.header = self.tmp / "uringnet_simple.h"
        shutil.copy(HEADER, self.header)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def edit(self, path: Path, old: str, new: str):
        text = path.read_text()
        self.assertIn(old, text)
        path.write_text(text.replace(old, new))

    def test_generated_files_agree(self):
        result = run(SPL, HEADER)
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn("agree", result.stdout)

    def test_spl_with_a_missing_parameter_fails(self):
        self.edit(self.spl / "tcp.spl", "extern fn monoio_tcp_write(stream: i64, buf: [u8], len: i64) -> i64",
                  "extern fn monoio_tcp_write(stream: i64, buf: [u8]) -> i64")
        result = run(self.spl, self.header)
        self.assertEqual(result.returncode, 1)
        self.assertIn("monoio_tcp_write: parameter count differs: spec 3, .spl 2, header 3", result.stdout)

    def test_spl_with_a_wrong_type_fails(self):
        self.edit(self.spl / "udp.spl", "extern fn monoio_udp_recv_from(socket: i64, buf: [u8], max_len: i64, from: [text]) -> i64",
                  "extern fn monoio_udp_recv_from(socket: i64, buf: [u8], max_len: i64, from: i64) -> i64")
        result = run(self.spl, self.header)
        self.assertEqual(result.returncode, 1)
        self.assertIn("monoio_udp_recv_from: parameter 4 is i64 in .spl but [text] in the spec", result.stdout)

    def test_header_with_a_wrong_type_fails(self):
        self.edit(self.header, "monoio_tcp_set_nodelay(int64_t handle, int64_t on)",
                  "monoio_tcp_set_nodelay(int64_t handle, un_rv_t on)")
        result = run(self.spl, self.header)
        self.assertEqual(result.returncode, 1)
        self.assertIn("monoio_tcp_set_nodelay: parameter 2 is un_rv_t in the header", result.stdout)

    def test_a_function_missing_from_spl_fails(self):
        self.edit(self.spl / "udp.spl", "extern fn monoio_udp_close(socket: i64) -> i64\n", "")
        result = run(self.spl, self.header)
        self.assertEqual(result.returncode, 1)
        self.assertIn("monoio_udp_close: only in spec, header", result.stdout)


if __name__ == "__main__":
    unittest.main()
