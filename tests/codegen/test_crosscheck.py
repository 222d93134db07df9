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
        self.edit(self.spl / "udp.spl", "extern fn monoio_udp_recv_from(socket: i64, buf: [u8], max_len: i64, sender: [text]) -> i64",
                  "extern fn monoio_udp_recv_from(socket: i64, buf: [u8], max_len: i64, from: i64) -> i64")
        result = run(self.spl, self.header)
        self.assertEqual(result.returncode, 1)
        self.assertIn("monoio_udp_recv_from: parameter 4 is i64 in .spl but [text] in the spec", result.stdout)

    def test_header_with_a_wrong_type_fails(self):
        self.edit(self.header, "monoio_tcp_set_nodelay(int64_t handle, int64_t enabled)",
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


# One broken module per parser rule of Simple's (../shared/design/simple-std-net.md, section 4):
# (what breaks it, the line it is on, words of the rule the cross-check must name).
RULE_FIXTURES = {
    "pub static fn in a struct": ('pub struct A:\n    """A."""\n    pub static fn make() -> A:\n        return A()\nexport A\n', 3, "pub static fn"),
    "a later docstring in a body": ('pub class A:\n    """A."""\n    x: i64\n    """late"""\nexport A\n', 4, "first item"),
    "a top-level docstring": ('"""floating"""\npub fn f() -> i64:\n    return 1\nexport f\n', 1, "top-level docstring"),
    "a deprecated import": ('import net::{NetError}\nexport NetError\n', 1, "deprecated"),
    "a keyword as a name": ('pub class A:\n    """A."""\n    fn set(on: bool) -> bool:\n        return on\nexport A\n', 3, "keyword"),
    "an explicit self": ('pub class A:\n    """A."""\n    fn get(self) -> i64:\n        return 1\nexport A\n', 3, "explicit self"),
    "brace construction": ('pub fn f() -> A:\n    return A { handle: 1 }\nexport f\n', 2, "T(field: value)"),
    "Option and None": ('pub fn f() -> Option<text>:\n    return None\nexport f\n', 1, "T? and nil"),
}


class ParserRules(unittest.TestCase):
    def test_each_rule_is_reported_with_file_and_line(self):
        sys.path.insert(0, str(ROOT / "codegen"))
        import crosscheck  # noqa: E402
        for what, (text, line, words) in RULE_FIXTURES.items():
            with self.subTest(what), tempfile.TemporaryDirectory() as d:
                path = Path(d) / "broken.spl"
                path.write_text(text)
                problems = crosscheck.parser_rules(path)
                self.assertTrue(any(p.startswith(f"broken.spl:{line}:") and words in p for p in problems),
                                f"{what}: {problems}")

    def test_a_module_without_export_lines_is_reported(self):
        sys.path.insert(0, str(ROOT / "codegen"))
        import crosscheck  # noqa: E402
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "quiet.spl"
            path.write_text('pub fn f() -> i64:\n    """F."""\n    return 1\n')
            self.assertIn("quiet.spl: no export line (std modules export what they define)", crosscheck.parser_rules(path))

    def test_the_generated_modules_keep_every_rule(self):
        sys.path.insert(0, str(ROOT / "codegen"))
        import crosscheck  # noqa: E402
        for path in sorted(SPL.glob("*.spl")):
            self.assertEqual(crosscheck.parser_rules(path), [], path.name)

    def renamed_method_is_reported(self, module: str, old: str, new: str, expected: str):
        """Renames one method of a copy of the modules: the cross-check names the signature it lost."""
        with tempfile.TemporaryDirectory() as d:
            spl = Path(d) / "net"
            shutil.copytree(SPL, spl)
            path = spl / module
            path.write_text(path.read_text().replace(old, new))
            out = run(spl, HEADER)
            self.assertEqual(out.returncode, 1)
            self.assertIn(expected, out.stdout)

    def test_a_missing_std_net_method_is_reported(self):
        self.renamed_method_is_reported(
            "tcp.spl", "    fn read_exact(size: usize)", "    fn read_all(size: usize)",
            "simple_std_net.txt: signature missing from the generated modules: TcpStream.fn read_exact(usize)")

    def test_a_missing_io_driver_method_is_reported(self):
        self.renamed_method_is_reported(
            "driver.spl", "    me submit_udp_recv(fd: i64", "    me submit_udp_read(fd: i64",
            "simple_io_driver.txt: signature missing from the generated modules: IoDriver.me submit_udp_recv(i64, i64) -> i64")
