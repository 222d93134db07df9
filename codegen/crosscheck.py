#!/usr/bin/python3
"""Cross-check the Simple surface three ways: the spec's bindings, the generated .spl
`extern fn` lines and the generated C header of the adapters must agree on every function's
name, parameter count, parameter types and result type (the old layer's .spl and Rust
exports disagreed on exactly these). Also: every module keeps Simple's parser rules (each
break reported as file:line: rule), and the classes offer every signature of Simple's own
synchronous std.net (api/simple_std_net.txt), so a std.net program runs unchanged.

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
    for x in spec.simple_stream + spec.simple_driver:
        out[x.name] = ([p.spl_type for p in x.params], x.spl_result)
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


# ---- Simple's parser rules (../shared/design/simple-std-net.md, section 4) ----

# Keywords that can never name a parameter or field, and those that fail in expressions on
# some parser versions: none may be a name in the generated modules.
NEVER_NAMES = set("""me let mut elif defer case extends pub priv as structured_export crate true false go await
yield move lazy ensures invariant decreases forall exists not_to handle_pool _ forbid allow""".split())
AVOID_NAMES = {"vec", "gpu", "shared", "slice", "tensor", "grid", "flat", "not", "from", "on", "bind",
               "result", "type", "self"}
PARAMS = re.compile(r"^\s*(?:pub\s+)?(?:static\s+)?(?:fn|me)\s+\w+\((.*)\)")


def parser_rules(path: Path) -> list[str]:
    """Each line of a module that breaks one of Simple's parser rules, as "file:line: rule"."""
    problems = []
    lines = path.read_text().splitlines()
    body_kind = None  # "struct" or "class" while inside one
    first_item = False  # the next item of the body is its first
    fn_opened = False  # the previous line opened a function body
    has_export = False
    for n, line in enumerate(lines, 1):
        where = f"{path.name}:{n}"
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if not stripped or stripped.startswith("#"):
            continue
        if re.search(r"\b[A-Z]\w*\s*\{\s*\w+\s*:", stripped):
            problems.append(f"{where}: construct with T(field: value), as std does, not T {{ field: value }}")
        if re.search(r"\bOption<|\bNone\b", stripped):
            problems.append(f"{where}: std writes T? and nil, not Option<T> and None")
        if indent == 0:
            m = re.match(r"(?:pub\s+)?(struct|class|enum)\s+\w+", stripped)
            body_kind, first_item = (m.group(1), True) if m else (None, False)
            if stripped.startswith('"""'):
                problems.append(f"{where}: a top-level docstring attaches to nothing (put it inside the item's body)")
            if re.match(r"import\b|from\s+\S+\s+import\b", stripped) or (
                    stripped.startswith(("use ", "import ")) and "::" in stripped):
                problems.append(f"{where}: import, :: and from-import are deprecated (write use a.b.{{X}})")
            if stripped.startswith("export "):
                has_export = True
            fn_opened = bool(re.match(r"(?:pub\s+)?fn\b", stripped))
            continue
        if body_kind and indent == 4:
            if stripped.startswith('"""') and not first_item:
                problems.append(f"{where}: a docstring is allowed only as the first item of a {body_kind} body "
                                f"(or first in a function body)")
            if body_kind == "struct" and stripped.startswith("pub static fn"):
                problems.append(f"{where}: a struct body does not accept pub static fn (expected Colon, found Fn)")
            first_item = False
        elif stripped.startswith('"""') and not fn_opened:
            problems.append(f"{where}: a docstring is allowed only first in a body")
        fn_opened = bool(re.match(r"(?:pub\s+)?(?:static\s+)?(?:fn|me)\b", stripped))
        m = PARAMS.match(line)
        if m:
            for param in filter(None, (p.strip() for p in m.group(1).split(","))):
                name = param.split(":", 1)[0].strip()
                if name == "self":
                    problems.append(f"{where}: no explicit self parameter (it is injected; std omits it)")
                elif name in NEVER_NAMES or name in AVOID_NAMES:
                    problems.append(f"{where}: {name!r} is a keyword, not a name")
    if not has_export:
        problems.append(f"{path.name}: no export line (std modules export what they define)")
    return problems


def std_surface(spl_dir: Path) -> set[str]:
    """Every method of the modules' classes as "Class.name(param types) -> result"."""
    out = set()
    for path in sorted(spl_dir.glob("*.spl")):
        cls = None
        for line in path.read_text().splitlines():
            m = re.match(r"(?:pub\s+)?class\s+(\w+)", line)
            if m:
                cls = m.group(1)
                continue
            m = re.match(r"    ((?:static\s+)?(?:fn|me))\s+(\w+)\((.*)\)\s*(?:->\s*(.+?))?:\s*$", line)
            if cls and m:
                types = ", ".join(p.split(":", 1)[1].strip() for p in m.group(3).split(",") if p.strip())
                out.add(f"{cls}.{m.group(1)} {m.group(2)}({types}) -> {m.group(4) or '()'}")
    return out


def surface_problems(spl_dir: Path, signatures: Path) -> list[str]:
    have = std_surface(spl_dir)
    want = [l.strip() for l in signatures.read_text().splitlines() if l.strip() and not l.startswith("#")]
    return [f"{signatures.name}: signature missing from the generated modules: {w}" for w in want if w not in have]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spec", type=Path, default=ROOT / "api" / "net.json")
    ap.add_argument("--spl", type=Path, default=ROOT / "generated" / "simple" / "net")
    ap.add_argument("--header", type=Path, default=ROOT / "generated" / "include" / "uringnet" / "uringnet_simple.h")
    ap.add_argument("--std-signatures", type=Path, nargs="+",
                    default=[ROOT / "api" / "simple_std_net.txt", ROOT / "api" / "simple_io_driver.txt"])
    args = ap.parse_args(argv)
    spec = model.load(args.spec, ROOT / "api" / "schema.json")
    problems = check(spec, args.spl, args.header)
    for path in sorted(args.spl.glob("*.spl")):
        problems += parser_rules(path)
    for signatures in args.std_signatures:
        problems += surface_problems(args.spl, signatures)
    for p in problems:
        print(f"crosscheck: {p}")
    if not problems:
        print(f"crosscheck: {len(spec_functions(spec))} Simple functions agree in spec, .spl and header")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
