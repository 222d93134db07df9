"""The Python package as a user gets it: `pip install --no-build-isolation .` into a fresh
virtual environment (Debian's setuptools seen through --system-site-packages, nothing from an
index), then `import uringnet` with no environment variable, from another directory, and an
echo round trip; and `python3 -m build --no-isolation --wheel` makes a wheel for this platform
that carries the library, the module and its type marker. Both build in the checkout (in-tree),
so they run one after the other in this one test."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unittest
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ECHO = """
import uringnet
with uringnet.Runtime():
    with uringnet.TcpListener.listen("127.0.0.1:0") as listener:
        with uringnet.TcpStream.connect(listener.local_addr()) as client:
            with listener.accept() as server:
                client.write(b"ping over the installed package")
                got = b""
                while len(got) < 31:
                    got += server.read(64)
                print(uringnet.__file__, uringnet.NATIVE)
                print(uringnet.VERSION, got.decode())

import asyncio
import uringnet.asyncio as ua

async def main():
    async def echo(reader, writer):
        writer.write(await reader.readline())
        writer.close()
    server = await ua.start_server(echo, "127.0.0.1", 0)
    reader, writer = await ua.open_connection(*server.sockets[0].getsockname())
    writer.write(b"asyncio over the installed package\\n")
    print((await reader.readline()).decode().strip())
    writer.close()
    server.close()
asyncio.run(main())
"""


def run(cmd, **kw):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, cmd))} exited {r.returncode}:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    return r.stdout


class Package(unittest.TestCase):
    def test_pip_install_then_wheel(self):
        version = run([sys.executable, "-c", "import ast, sys; t = open(sys.argv[1]).read(); "
                       "print(next(n.value.value for n in ast.parse(t).body if isinstance(n, ast.Assign) "
                       "and n.targets[0].id == 'VERSION'))", ROOT / "generated/python/uringnet/__init__.py"]).strip()
        with tempfile.TemporaryDirectory() as tmp:
            venv = Path(tmp) / "venv"
            run([sys.executable, "-m", "venv", "--system-site-packages", venv])
            run([venv / "bin/pip", "install", "--no-build-isolation", "--no-index", "--no-deps", ROOT])
            # A user's shell: no URINGNET_LIB, no PYTHONPATH, not in the checkout.
            env = {"PATH": "/usr/bin:/bin", "HOME": tmp}
            out = run([venv / "bin/python", "-c", ECHO], env=env, cwd=tmp).splitlines()
            self.assertTrue(out[0].startswith(str(venv)), out[0])  # the installed copy
            self.assertTrue(out[0].endswith(" True"), "the C extension is not used: " + out[0])
            out[0] = out[0].rsplit(" ", 1)[0]
            self.assertEqual(out[1], f"{version} ping over the installed package")
            self.assertEqual(out[2], "asyncio over the installed package")
            installed = Path(out[0]).parent
            self.assertTrue((installed / "liburingnet.so").is_file())
            self.assertTrue((installed / "py.typed").is_file())
            # help() shows an operation's doc and the exceptions it raises, and type hints.
            doc = run([venv / "bin/python", "-c", "import uringnet; print(uringnet.TcpStream.read.__doc__); "
                       "print(uringnet.TcpStream.read.__annotations__)"], env=env, cwd=tmp)
            self.assertIn("Read up to max_len bytes", doc)
            self.assertIn("Raises: ", doc)
            self.assertIn("TimedOutError (-4)", doc)
            self.assertIn("'return': 'bytes'", doc)

            dist = Path(tmp) / "dist"
            run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", dist, ROOT])
            wheels = list(dist.glob("uringnet-*.whl"))
            self.assertEqual(len(wheels), 1, wheels)
            self.assertTrue(wheels[0].name.startswith(f"uringnet-{version}-"), wheels[0].name)
            self.assertIn("linux", wheels[0].name)  # a platform wheel: it carries a compiled library
            names = zipfile.ZipFile(wheels[0]).namelist()
            for member in ("uringnet/__init__.py", "uringnet/py.typed", "uringnet/asyncio.py", "uringnet/liburingnet.so"):
                self.assertIn(member, names)
            self.assertTrue(any(n.startswith("uringnet/_uringnet_native.") and n.endswith(".so") for n in names), names)


if __name__ == "__main__":
    unittest.main()
