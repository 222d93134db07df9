"""The uringnet command-line tool, driven as a user would: help, bad arguments, an echo
server with a netcat-like client, UDP send and receive, and a short bench. Loopback only."""
from __future__ import annotations

import os
import subprocess
import unittest

CLI = os.environ.get("URINGNET_CLI", "build/default/uringnet")


def run(*args, stdin: bytes = b"", timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, timeout=timeout)


def start(*args) -> tuple[subprocess.Popen, str]:
    """Starts a long-running command and returns it with the address it printed."""
    proc = subprocess.Popen([CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = proc.stdout.readline().decode()
    if not line.startswith("listening on "):
        proc.kill()
        raise AssertionError(f"expected 'listening on ADDR', got {line!r}: {proc.stderr.read()!r}")
    return proc, line.split()[-1]


class Help(unittest.TestCase):
    def test_help_lists_every_command(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        for command in ("echo-server", "connect", "udp-send", "udp-recv", "bench"):
            self.assertIn(command.encode(), r.stdout)

    def test_command_help(self):
        r = run("bench", "--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"usage: uringnet bench", r.stdout)

    def test_bad_arguments_are_explained(self):
        cases = [
            (("frobnicate",), b"unknown command 'frobnicate'"),
            (("connect",), b"needs exactly one ADDR"),
            (("echo-server", "127.0.0.1:0", "--max-connections", "many"), b"--max-connections takes a whole number"),
            (("bench", "--backend", "carrier-pigeon"), b"--backend takes auto, io_uring or epoll"),
            (("udp-recv", "127.0.0.1:0", "--colour", "red"), b"unknown option --colour"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                r = run(*args)
                self.assertEqual(r.returncode, 2)
                self.assertIn(message, r.stderr)
                self.assertIn(b"usage:", r.stderr)

    def test_runtime_errors_name_the_code(self):
        r = run("connect", "not-an-address")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"BAD_ADDRESS", r.stderr)


class Network(unittest.TestCase):
    def test_echo_server_and_connect(self):
        server, addr = start("echo-server", "127.0.0.1:0", "--max-connections", "2")
        try:
            for text in (b"hello over uringnet\n", bytes(range(256)) * 100):
                r = run("connect", addr, stdin=text)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout, text)
            out, err = server.communicate(timeout=30)
            self.assertEqual(server.returncode, 0, err)
            self.assertIn(b"2 connections served", out)
        finally:
            server.kill()

    def test_echo_server_and_connect_on_a_unix_socket(self):
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            path = f"unix:{tmp}/echo.sock"
            server, addr = start("echo-server", path, "--max-connections", "1")
            try:
                self.assertEqual(addr, path)
                text = bytes(range(256)) * 50
                r = run("connect", path, stdin=text)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout, text)
                out, err = server.communicate(timeout=30)
                self.assertEqual(server.returncode, 0, err)
            finally:
                server.kill()

    def test_udp_send_and_recv(self):
        receiver, addr = start("udp-recv", "127.0.0.1:0", "--count", "2", "--timeout-ms", "10000")
        try:
            self.assertEqual(run("udp-send", addr, "ping").returncode, 0)
            self.assertEqual(run("udp-send", addr, stdin=b"from stdin").returncode, 0)
            out, err = receiver.communicate(timeout=30)
            self.assertEqual(receiver.returncode, 0, err)
            lines = out.decode().splitlines()
            self.assertTrue(lines[0].startswith("127.0.0.1:") and lines[0].endswith(": ping"), lines)
            self.assertTrue(lines[1].endswith(": from stdin"), lines)
        finally:
            receiver.kill()

    def test_udp_recv_gives_up_after_its_timeout(self):
        r = run("udp-recv", "127.0.0.1:0", "--count", "1", "--timeout-ms", "100")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"no datagram for 100 ms", r.stderr)

    def test_bench_checks_every_byte_and_reports(self):
        for backend in ("io_uring", "epoll"):
            with self.subTest(backend=backend):
                r = run("bench", "--connections", "4", "--duration", "1", "--size", "200", "--backend", backend)
                self.assertEqual(r.returncode, 0, r.stderr)
                out = r.stdout.decode()
                self.assertIn(f"({backend})", out)
                self.assertIn("[  1s]", out)
                self.assertIn("mismatches: 0  errors: 0", out)


if __name__ == "__main__":
    unittest.main()
