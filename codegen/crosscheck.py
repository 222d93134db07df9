#!/usr/bin/python3
"""Cross-check the Simple surface three ways: the spec's bindings, the generated .spl
`extern fn` lines and the generated C header of the adapters must agree on every function's
name, parameter count, parameter types and result type (the old layer's .spl and Rust
exports disagreed on exactly these).

    codegen/crosscheck.py [--spl DIR] [--header FILE] [--spec FILE]

Exits 0 when they agree, 1 with one line per disagreement otherwise.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import model  # noqa: E402

# Simple type -> the C type its value arrives as (Simple's compiled calling convention).
SPL_TO_C = {"i64": "int64_t", "bool": "int64_t", "text": "un_rv_t", "[u8]": "un_rv_t",
            "[text]": "un_rv_t", "any": "un_rv_t"}

EXTERN = re.compile(r"^extern fn (\w+)\((.*)\)\s*->\s*(\S+)\s*$")
PROTO = re.compile(r"UN_API\s+(\w+)\s+(monoio_\w+)\(([^)]*)\);", re.S)


def spl_functions(spl_dir: Path) -> dict[str, tuple[list[str], str]]:
    out = {}
    for path in sorted(spl_dir.glob("*.spl")):
        for line in path.read_text().splitlines():
            m = EXTERN.match(line.strip())
            if m:
                params = [p.split(":", 1)[1].strip() for p in m.group(2).split(",") if p.strip()]
                out[m.group(1)] = (params, m.group(3))
    return out


def header_functions(header: Path) -> dict[str, tuple[list[str], str]]:
    out = {}
    for ret, name, params in PROTO.findall(header.read_text()):
        params = " ".join(params.split())
        types = [] if params in ("", "void") else [p.strip().rsplit(" ", 1)[0] for p in params.split(",")]
        out[name] = (types, ret)
    return out


def spec_functions(spec: model.Spec) -> dict[str, tuple[list[str], str]]:
    out = {b.name: ([p.spl_type for p in b.params], b.spl_result) for b in spec.simple_bindings}
    for x in spec.simple_extras:
        out[x.name] = (["any"] * len(x.params), x.spl_result)
    return out


def check(spec: model.Spec, spl_dir: Path, header: Path) -> list[str]:
    want, spl, hdr = spec_functions(spec), spl_functions(spl_dir), header_functions(header)
    problems = []
    for name in sorted(set(want) | set(spl) | set(hdr)):
        where = [src for src, table in (("spec", want), (".spl", spl), ("header", hdr)) if name in table]
        if len(where) != 3:
            problems.append(f"{name}: only in {', '.join(where)}")
            continue
        (w_params, w_ret), (s_params, s_ret), (h_params, h_ret) = want[name], spl[name], hdr[name]
        if not (len(w_params) == len(s_params) == len(h_params)):
            problems.append(f"{name}: parameter count differs: spec {len(w_params)}, .spl {len(s_params)}, "
                            f"header {len(h_params)}")
            continue
        for i, (w, s, h) in enumerate(zip(w_params, s_params, h_params)):
            if w != s:
                problems.append(f"{name}: parameter {i + 1} is {s} in .spl but {w} in the spec")
            if SPL_TO_C[w] != h:
                problems.append(f"{name}: parameter {i + 1} is {h} in the header but the spec's {w} "
                                f"arrives as {SPL_TO_C[w]}")
        if w_ret != s_ret:
            problems.append(f"{name}: result is {s_ret} in .spl but {w_ret} in the spec")
        if SPL_TO_C[w_ret] != h_ret:
            problems.append(f"{name}: result is {h_ret} in the header but the spec's {w_ret} is {SPL_TO_C[w_ret]}")
    return problems


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spec", type=Path, default=ROOT / "api" / "net.json")
    ap.add_argument("--spl", type=Path, default=ROOT / "generated" / "simple" / "net")
    ap.add_argument("--header", type=Path, default=ROOT / "generated" / "include" / "uringnet" / "uringnet_simple.h")
    args = ap.parse_args(argv)
    spec = model.load(args.spec, ROOT / "api" / "schema.json")
    problems = check(spec, args.spl, args.header)
    for p in problems:
        print(f"crosscheck: {p}")
    if not problems:
        print(f"crosscheck: {len(spec_functions(spec))} Simple functions agree in spec, .spl and header")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
