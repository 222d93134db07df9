#!/usr/bin/python3
"""Generate every artefact of uringnet's foreign-function surface from api/net.json.

    codegen/generate.py            regenerate into generated/
    codegen/generate.py --check    regenerate into a temporary folder and fail if
                                   generated/ differs (stale or hand-edited files)
    codegen/generate.py --spec F   use another spec (tests feed broken ones)

Runs with Debian's /usr/bin/python3 (python3-jinja2, python3-jsonschema; tools/setup
installs both). Output C/C++ is formatted with clang-format using the repository's
.clang-format, so the result does not depend on the template's whitespace.
"""
from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

try:
    import jinja2
except ImportError:
    sys.exit("codegen: Jinja2 is missing for " + sys.executable + "; run tools/setup "
             "(apt-get install python3-jinja2) and use Debian's /usr/bin/python3")

import model  # noqa: E402
import naming  # noqa: E402
import python_layout  # noqa: E402
import simple_layout  # noqa: E402

# template (relative to codegen/templates) -> output (relative to the output root); a
# template rendered more than once is listed in MULTI_TARGETS with its extra context.
TARGETS = {
    "c/uringnet.h.j2": "include/uringnet/uringnet.h",
    "c/exports.cpp.j2": "src/exports.cpp",
    "c/errors.cpp.j2": "src/errors.cpp",
    "core/requests.hpp.j2": "src/requests.hpp",
    "core/dispatch.cpp.j2": "src/dispatch.cpp",
    "docs/api.md.j2": "../docs/api.md",  # the reference lives in the repository's docs/
    "tests/conformance.cpp.j2": "tests/conformance.cpp",
    "tests/op_errors.hpp.j2": "tests/op_errors.hpp",
    "c/uringnet_simple.h.j2": "include/uringnet/uringnet_simple.h",
    "c/simple_adapters.cpp.j2": "src/simple_adapters.cpp",
    "python/uringnet.py.j2": "python/uringnet/__init__.py",
    "python/py.typed.j2": "python/uringnet/py.typed",
    "python/asyncio.py.j2": "python/uringnet/asyncio.py",
    "python/native.c.j2": "python/native/_uringnet_native.c",
    "c/uringnet.map.j2": "src/uringnet.map",
}
CLANG_FORMAT_SUFFIXES = {".h", ".hpp", ".c", ".cpp"}


def multi_targets(spec: model.Spec) -> list[tuple[str, str, dict]]:
    out = [("simple/__init__.spl.j2", "simple/net/__init__.spl", {}),
           ("simple/driver.spl.j2", "simple/net/driver.spl", {})]
    for module in simple_layout.modules(spec):
        out.append((f"simple/{module.name}.spl.j2", f"simple/net/{module.name}.spl", {"module": module}))
    return out


def banner(comment: str, template: str) -> str:
    text = (f"Generated from api/net.json by codegen/generate.py (template {template}). "
            "Do not edit: change the spec or the template and run codegen/generate.py.")
    if comment == "c":
        return f"/* {text} */"
    return f"<!-- {text} -->"


def find_clang_format() -> str | None:
    for name in ("clang-format", "clang-format-14", "clang-format-15", "clang-format-16"):
        path = shutil.which(name)
        if path:
            return path
    return None


def render_all(spec: model.Spec, out_root: Path) -> list[Path]:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(naming=naming, banner=banner, spec=spec, layout=simple_layout, pylayout=python_layout)
    written = []
    clang_format = find_clang_format()
    jobs = [(t, rel, {}) for t, rel in TARGETS.items()] + multi_targets(spec)
    for template, rel, extra in jobs:
        text = env.get_template(template).render(template=template, **extra)
        path = Path(os.path.normpath(out_root / rel))
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in CLANG_FORMAT_SUFFIXES:
            if clang_format is None:
                sys.exit("codegen: clang-format is missing; run tools/setup")
            text = subprocess.run(
                [clang_format, f"--style=file:{ROOT / '.clang-format'}",
                 f"--assume-filename={path.name}"],
                input=text, capture_output=True, text=True, check=True).stdout
        path.write_text(text)
        written.append(path)
    return written


def check(spec: model.Spec, out_root: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        # Render beside a folder named like out_root, so "../docs" lands beside it too.
        fresh = render_all(spec, Path(tmp) / out_root.name)
        stale = []
        for path in fresh:
            rel = path.relative_to(tmp)
            committed = out_root.parent / rel
            new = path.read_text()
            old = committed.read_text() if committed.exists() else ""
            if new != old:
                stale.append(str(rel))
                diff = difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                            f"committed/{rel}", f"fresh/{rel}", n=1)
                sys.stdout.writelines(list(diff)[:40])
        if stale:
            print(f"codegen: generated files are stale: {', '.join(stale)}\n"
                  "codegen: run codegen/generate.py and commit the result")
            return 1
    print(f"codegen: {len(fresh)} generated files are fresh")
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spec", type=Path, default=ROOT / "api" / "net.json")
    ap.add_argument("--schema", type=Path, default=ROOT / "api" / "schema.json")
    ap.add_argument("--out", type=Path, default=ROOT / "generated")
    ap.add_argument("--check", action="store_true", help="fail if --out differs from a fresh generation")
    ap.add_argument("--validate-only", action="store_true", help="only validate the spec")
    args = ap.parse_args(argv)
    try:
        spec = model.load(args.spec, args.schema)
    except model.SpecError as exc:
        print(f"codegen: {args.spec.name}: {exc}", file=sys.stderr)
        return 2
    naming.configure(spec.c_prefix)
    if args.validate_only:
        print(f"codegen: {args.spec.name} is valid ({len(spec.operations)} operations)")
        return 0
    if args.check:
        return check(spec, args.out)
    for path in render_all(spec, args.out):
        print(f"codegen: wrote {os.path.relpath(path, args.out.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
