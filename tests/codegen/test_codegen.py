"""The spec checks: broken specs are rejected with a message naming the operation (or
error, handle) and the field at fault; the real spec passes; generated files carry the banner."""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATE = ROOT / "codegen" / "generate.py"
SPEC = json.loads((ROOT / "api" / "net.json").read_text())


def op(spec: dict, name: str) -> dict:
    return next(o for o in spec["operations"] if o["name"] == name)


def run_generator(spec: dict, *extra: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "net.json"
        path.write_text(json.dumps(spec))
        return subprocess.run([sys.executable, str(GENERATE), "--spec", str(path),
                               "--out", str(Path(tmp) / "out"), *extra],
                              capture_output=True, text=True)


class BrokenSpecs(unittest.TestCase):
    def assert_rejected(self, mutate, *fragments: str) -> None:
        spec = copy.deepcopy(SPEC)
        mutate(spec)
        result = run_generator(spec, "--validate-only")
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        for fragment in fragments:
            self.assertIn(fragment, result.stderr)

    def test_real_spec_is_valid(self):
        result = run_generator(SPEC, "--validate-only")
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_unknown_error_in_operation(self):
        self.assert_rejected(lambda s: op(s, "tcp_read")["errors"].append("NO_SUCH_ERROR"),
                             "operation tcp_read", "errors[", "NO_SUCH_ERROR")

    def test_duplicate_request_number(self):
        self.assert_rejected(lambda s: op(s, "tcp_write").update(request=op(s, "tcp_read")["request"]),
                             "request number", "used twice")

    def test_duplicate_operation_name(self):
        self.assert_rejected(lambda s: s["operations"].append(copy.deepcopy(op(s, "tcp_read"))),
                             "operation name", "tcp_read")

    def test_placeholder_doc(self):
        self.assert_rejected(lambda s: op(s, "tcp_connect").update(doc="TODO: write this later"),
                             "operation tcp_connect, field doc", "placeholder")

    def test_empty_doc_is_a_schema_error(self):
        self.assert_rejected(lambda s: op(s, "tcp_accept").update(doc=""),
                             "operation tcp_accept, field doc")

    def test_missing_param_doc(self):
        def mutate(s):
            del op(s, "tcp_read")["params"][1]["doc"]
        self.assert_rejected(mutate, "operation tcp_read, field params[1]", "'doc' is a required property")

    def test_wrong_param_type(self):
        self.assert_rejected(lambda s: op(s, "tcp_read")["params"][2].update(type="float"),
                             "operation tcp_read, field params[2].type")

    def test_len_param_must_exist(self):
        self.assert_rejected(lambda s: op(s, "tcp_read")["params"][1].update(len_param="nope"),
                             "operation tcp_read, field params[1].len_param", "nope")

    def test_unknown_handle_kind(self):
        self.assert_rejected(lambda s: op(s, "tcp_close")["params"][0].update(handle="sctp_socket"),
                             "operation tcp_close, field params[0].handle", "sctp_socket")

    def test_renumbered_coarse_code(self):
        def mutate(s):
            next(e for e in s["errors"] if e["name"] == "RESET")["code"] = -300
        self.assert_rejected(mutate, "error RESET, field code", "never renumbered")

    def test_finer_code_inside_coarse_range(self):
        def mutate(s):
            next(e for e in s["errors"] if e["name"] == "BAD_HANDLE")["code"] = -99
            next(e for e in s["errors"] if e["name"] == "CLOSED")["code"] = -99
        self.assert_rejected(mutate, "error code", "-99", "used twice")

    def test_duplicate_errno_mapping(self):
        def mutate(s):
            next(e for e in s["errors"] if e["name"] == "BROKEN_PIPE")["errno"].append("ECONNRESET")
        self.assert_rejected(mutate, "errno", "ECONNRESET")

    def test_unknown_top_level_field(self):
        self.assert_rejected(lambda s: s.update(colour="blue"), "spec", "colour")

    def test_handle_operation_on_caller_thread(self):
        self.assert_rejected(lambda s: op(s, "tcp_close").update(execution="caller"),
                             "operation tcp_close, field execution")

    def test_from_callback_on_a_caller_operation(self):
        self.assert_rejected(lambda s: op(s, "runtime_num_cores").update(from_callback="inline"),
                             "operation runtime_num_cores, field from_callback")

    def test_submit_only_error_not_listed(self):
        self.assert_rejected(lambda s: op(s, "tcp_connect").update(submit_only=["TRUNCATED"]),
                             "operation tcp_connect, field submit_only")

    def test_result_minimum_above_a_listed_error(self):
        # A result of -1 could not be told from ERROR (-1) if the call could return it.
        self.assert_rejected(lambda s: op(s, "socket_get_option")["errors"].append("ERROR"),
                             "operation socket_get_option, field errors", "ERROR (-1)", "result.minimum")

    def test_result_minimum_on_a_status(self):
        self.assert_rejected(lambda s: op(s, "tcp_close")["result"].update(minimum=-1),
                             "operation tcp_close, field result.minimum")

    def test_timeout_option_on_an_operation_without_a_handle(self):
        def mutate(s):
            next(p for p in op(s, "tcp_connect")["params"] if p["name"] == "timeout_ms")["option"] = "read_timeout"
        self.assert_rejected(mutate, "operation tcp_connect, field params[", ".option")

    def test_from_option_default_needs_a_parameter_that_names_its_option(self):
        self.assert_rejected(lambda s: op(s, "tcp_connect")["simple"][0].update(defaults={"timeout_ms": "from_option"}),
                             "operation tcp_connect, field simple[0].defaults.timeout_ms", "from_option")


class GeneratedFiles(unittest.TestCase):
    def test_every_generated_file_has_the_banner(self):
        files = [p for p in (ROOT / "generated").rglob("*") if p.is_file()]
        self.assertGreater(len(files), 4)
        for path in files:
            # clang-format may wrap the banner: compare with line breaks and " * " folded.
            head = re.sub(r"[\s*]+", " ", " ".join(path.read_text().splitlines()[:3]))
            self.assertIn("Do not edit", head, path)
            self.assertIn("api/net.json", head, path)

    def test_header_declares_every_operation_once(self):
        header = (ROOT / "generated" / "include" / "uringnet" / "uringnet.h").read_text()
        for o in SPEC["operations"]:
            self.assertEqual(header.count(f" {SPEC['c_prefix']}{o['name']}("), 1, o["name"])

    def test_check_mode_detects_a_hand_edit(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            subprocess.run([sys.executable, str(GENERATE), "--out", str(out)], check=True,
                           capture_output=True)
            ok = subprocess.run([sys.executable, str(GENERATE), "--out", str(out), "--check"],
                                capture_output=True, text=True)
            self.assertEqual(ok.returncode, 0, ok.stdout)
            header = out / "include" / "uringnet" / "uringnet.h"
            header.write_text(header.read_text() + "/* hand edit */\n")
            stale = subprocess.run([sys.executable, str(GENERATE), "--out", str(out), "--check"],
                                   capture_output=True, text=True)
            self.assertEqual(stale.returncode, 1)
            self.assertIn("stale", stale.stdout)


if __name__ == "__main__":
    unittest.main()
