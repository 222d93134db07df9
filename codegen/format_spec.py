#!/usr/bin/python3
"""Rewrite api/net.json in the project's layout: two-space indentation, and any object or
array that fits in 100 columns on one line. The content is unchanged (checked).

    codegen/format_spec.py [FILE]      format in place (default api/net.json)
    codegen/format_spec.py --check     exit 1 if the file is not in this layout
"""
from __future__ import annotations

import json
import sys
from collections import OrderedDict
from pathlib import Path

WIDTH = 100
ROOT = Path(__file__).resolve().parent.parent


def dump(value, indent: int = 0) -> str:
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, (dict, list)) or len(flat) + indent <= WIDTH:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {dump(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + dump(v, indent + 2) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [Path(a) for a in argv if a != "--check"] or [ROOT / "api" / "net.json"]
    status = 0
    for path in paths:
        text = path.read_text()
        data = json.loads(text, object_pairs_hook=OrderedDict)
        formatted = dump(data) + "\n"
        if json.loads(formatted, object_pairs_hook=OrderedDict) != data:
            raise SystemExit(f"format_spec: formatting changed the content of {path}")
        if formatted != text:
            if check:
                print(f"format_spec: {path} is not formatted; run codegen/format_spec.py")
                status = 1
            else:
                path.write_text(formatted)
                print(f"format_spec: formatted {path}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
