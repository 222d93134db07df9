"""How the operations are laid out as Python classes and methods (templates/python).

Conventions: a handle is an object (TcpListener, TcpStream, UdpSocket) whose methods are the
operations taking it first; operations that create one are class methods; runtime
operations are static methods of Runtime. Byte buffers in are `bytes`, buffers out come back
as `bytes`, text out comes back as `str`, and every negative code raises the NetError
subclass named after it. Python-side defaults: timeout_ms=-1, flags=0, backlog=0,
max_len=65536.
"""
from __future__ import annotations

from dataclasses import dataclass

import model

CLASS_OF_HANDLE = {"tcp_listener": "TcpListener", "tcp_stream": "TcpStream", "udp_socket": "UdpSocket"}
PY_DEFAULTS = {"timeout_ms": "-1", "flags": "0", "backlog": "0", "max_len": "65536", "max": "64",
               "ctx": "None"}
CTYPES = {"i32": "ctypes.c_int32", "i64": "ctypes.c_int64", "u32": "ctypes.c_uint32", "bool": "ctypes.c_bool",
          "text": "ctypes.c_char_p", "address": "ctypes.c_char_p", "bytes_in": "ctypes.c_void_p",
          "bytes_out": "ctypes.c_void_p", "text_out": "ctypes.c_char_p", "handle": "ctypes.c_int64",
          "enum": "ctypes.c_int32", "completions_out": "ctypes.c_void_p", "callback": "_CompletionFn",
          "pointer": "ctypes.c_void_p", "op_id": "ctypes.c_int64"}


@dataclass
class PyMethod:
    name: str
    op: model.Operation
    kind: str  # "static" | "classmethod" | "method"
    params: list[model.Param]  # the Python-visible parameters
    handle_param: str | None

    def signature(self) -> str:
        """The parameters, each with its type hint and the Python-side default."""
        first = {"static": [], "classmethod": ["cls"], "method": ["self"]}[self.kind]
        names = []
        for p in self.params:
            name = "data" if p.type == "bytes_in" else p.name
            hinted = f"{name}: {annotation(p)}"
            names.append(f"{hinted} = {PY_DEFAULTS[p.name]}" if p.name in PY_DEFAULTS else hinted)
        # Python wants parameters with defaults last; the spec orders them that way already.
        return ", ".join(first + names)

    def returns(self) -> str:
        """The blocking form's return type hint."""
        op = self.op
        outs = {p.type for p in op.params}
        if op.result.type == "handle":
            return CLASS_OF_HANDLE[op.result.handle.name]
        if "completions_out" in outs:
            return "list[Completion]"
        if "bytes_out" in outs and "text_out" in outs:
            return "tuple[bytes, str]"
        if "bytes_out" in outs:
            return "bytes"
        if "text_out" in outs:
            return "tuple[int, str]" if op.result.type == "value" else "str"
        return "None" if op.result.type == "status" else "int"

    def submit_returns(self) -> str:
        """The *_submit form's return type hint: the op id, and the buffers the result lands in."""
        bufs = [p for p in self.op.params if p.type in ("bytes_out", "text_out")]
        return f"tuple[int{', ctypes.Array[ctypes.c_char]' * len(bufs)}]" if bufs else "int"


HINTS = {"i32": "int", "i64": "int", "u32": "int", "bool": "bool", "text": "str", "address": "str",
         "bytes_in": "bytes", "handle": "int", "op_id": "int", "pointer": "object",
         "callback": "Optional[Callable[[object, Completion], None]]"}


def annotation(p: model.Param) -> str:
    """A parameter's type hint: an enum parameter takes its IntEnum (or its int value)."""
    if p.type == "enum":
        return "int"
    return HINTS[p.type]


def ctype(p: model.Param) -> str:
    return CTYPES[p.type]


def _method_name(op: model.Operation) -> str:
    n = op.name
    for prefix in ("runtime_", "socket_", "tcp_listener_", "tcp_", "udp_"):
        if n.startswith(prefix):
            return n[len(prefix):]
    return n


def classes(spec: model.Spec) -> dict[str, list[PyMethod]]:
    out: dict[str, list[PyMethod]] = {"Runtime": [], "TcpListener": [], "TcpStream": [], "UdpSocket": []}
    for op in spec.operations:
        hp = op.first_handle
        # Buffers out are made here and returned; their capacity (max_len) stays a parameter.
        visible = [p for p in op.params
                   if p is not hp and p.type not in ("bytes_out", "text_out", "completions_out")
                   and not (p.is_len_of and p.is_len_of.type in ("bytes_in", "text_out"))]
        if hp is not None:
            for h in hp.handle_kinds:
                out[CLASS_OF_HANDLE[h.name]].append(PyMethod(_method_name(op), op, "method", visible, hp.name))
        elif op.result.type == "handle":
            out[CLASS_OF_HANDLE[op.result.handle.name]].append(
                PyMethod(_method_name(op), op, "classmethod", visible, None))
        else:
            out["Runtime"].append(PyMethod(_method_name(op), op, "static", visible, None))
    return out


NATIVE_TYPES = {"handle", "i32", "i64", "u32", "bool", "enum", "text", "address", "bytes_in", "bytes_out",
                "text_out", "op_id"}


def native_ops(spec: model.Spec) -> list[model.Operation]:
    """The operations the C extension (templates/python/native.c.j2) carries: every one whose
    parameters are plain values, text and buffers (not poll's completions, not the callback)."""
    return [op for op in spec.operations if all(p.type in NATIVE_TYPES for p in op.params)]


def native_arity(op: model.Operation) -> int:
    """How many arguments the extension's function takes: the operation's parameters without its
    output buffers and the lengths of its buffers (a read's max_len stays; the *_into form takes
    the buffer in max_len's place)."""
    return sum(1 for p in op.params
               if p.type not in ("bytes_out", "text_out")
               and not (p.is_len_of and p.is_len_of.type in ("bytes_in", "text_out")))


def native_call_args(m: PyMethod, into: str | None = None) -> list[str]:
    """The Python expressions a method passes to its extension function (see native_arity):
    into names the buffer an *_into method reads into, in max_len's place."""
    out = []
    for p in m.op.params:
        if p.name == m.handle_param:
            out.append("self._handle")
        elif p.type == "bytes_in":
            out.append("data")
        elif p.type in ("bytes_out", "text_out") or (p.is_len_of and p.is_len_of.type in ("bytes_in", "text_out")):
            continue
        elif p.is_len_of and p.is_len_of.type == "bytes_out" and into:
            out.append(into)
        else:
            out.append(p.name)
    return out
