"""Naming conventions shared by every template: the one place a name is spelled."""
from __future__ import annotations

_prefix = "un_"


def configure(c_prefix: str) -> None:
    global _prefix
    _prefix = c_prefix


def c_function(op: str) -> str:
    return f"{_prefix}{op}"


def c_macro(name: str) -> str:
    return f"{_prefix.upper()}{name.upper()}"


def c_handle_type(handle: str) -> str:
    return f"{_prefix}{handle}_t"


def c_handle_kind_const(handle: str) -> str:
    return c_macro(f"handle_{handle}")


def c_enum_type(enum: str) -> str:
    return f"{_prefix}{enum}_t"


def c_enum_const(enum: str, value: str) -> str:
    return c_macro(f"{enum}_{value}")


def c_error_const(error: str) -> str:
    return c_macro(f"err_{error}")


def camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def cpp_args_struct(op: str) -> str:
    return f"{camel(op)}Args"


def cpp_handler(op: str) -> str:
    return f"handle_{op}"
