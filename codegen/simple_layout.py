"""How the Simple bindings are laid out in std.net's modules and classes.

Style (one, used by every .spl template): Simple's current synchronous std.net
(src/lib/nogc_sync_mut/net/, see ../shared/design/simple-std-net.md): `use` imports,
`extern fn` declarations, `pub class` types whose methods take no explicit self (`me` for
those that change the object), a docstring as the first line inside each body,
`Result<T, SimpleError>` for fallible calls, `text?`/`nil` for text that may be missing,
`T(field: value)` construction and `export` lines. The methods of std.net's own surface are
written in the module templates (their bodies combine several monoio_* calls); every other
Simple binding of the spec becomes a further method, generated here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import model
import naming

CLASS_OF_HANDLE = {"tcp_listener": "TcpListener", "tcp_stream": "TcpStream", "udp_socket": "UdpSocket"}
GROUP_KINDS = {"tcp": {"tcp_listener", "tcp_stream"}, "udp": {"udp_socket"},
               "socket": {"tcp_listener", "tcp_stream", "udp_socket"}}
MODULE_OF_CLASS = {"Runtime": "runtime", "TcpListener": "tcp", "TcpStream": "tcp", "UdpSocket": "udp"}
# Bindings that only std.net.unix's hand-written classes call (UnixListener.bind_replacing_stale,
# UnixStream's descriptor passing).
UNIX_BINDINGS = {"monoio_tcp_listen_flags", "monoio_unix_send_fd", "monoio_unix_send_handle", "monoio_unix_recv_fd"}
# ... and those it calls that another module declares too (std modules declare their own externs).
UNIX_ALSO = {"monoio_socket_get_option"}


@dataclass
class SplMethod:
    name: str
    binding: model.SimpleBinding
    static: bool
    handle_param: str | None  # the Simple parameter filled with self.handle
    params: list[model.SimpleParam]  # what the wrapper takes
    returns: str  # spl type inside Result/Option
    wrap: str  # "result_unit" | "result_i64" | "result_class" | "option_text" | "result_pair"
    result_class: str | None = None


@dataclass
class SplClass:
    name: str
    doc: str
    methods: list[SplMethod] = field(default_factory=list)


@dataclass
class SplModule:
    name: str
    bindings: list[model.SimpleBinding]
    classes: list[SplClass]


# Bindings that the hand-written std.net methods of the module templates call; every other
# binding becomes a generated method.
STD_BINDINGS = {
    "monoio_runtime_init", "monoio_tcp_listen", "monoio_tcp_accept", "monoio_tcp_accept_timeout",
    "monoio_tcp_connect", "monoio_tcp_connect_timeout", "monoio_tcp_read", "monoio_tcp_read_timeout",
    "monoio_tcp_write", "monoio_tcp_write_timeout", "monoio_tcp_flush", "monoio_tcp_close",
    "monoio_tcp_listener_close", "monoio_tcp_local_addr", "monoio_tcp_peer_addr", "monoio_tcp_set_nodelay",
    "monoio_udp_bind", "monoio_udp_send_to", "monoio_udp_send_to_timeout", "monoio_udp_recv_from",
    "monoio_udp_recv_from_timeout", "monoio_udp_connect", "monoio_udp_send", "monoio_udp_send_timeout",
    "monoio_udp_recv", "monoio_udp_recv_timeout", "monoio_udp_close", "monoio_udp_local_addr",
    "monoio_udp_set_broadcast", "monoio_udp_join_multicast", "monoio_udp_leave_multicast",
}


def _wrap(b: model.SimpleBinding) -> tuple[str, str, str | None]:
    if b.returns_text:
        return "option_text", "text?", None
    if b.text_out == "array":
        return "result_pair", "Result<(i64, text), SimpleError>", None
    r = b.op.result
    if r.type == "handle":
        cls = CLASS_OF_HANDLE[r.handle.name]
        return "result_class", f"Result<{cls}, SimpleError>", cls
    if r.type == "status":
        return "result_unit", "Result<(), SimpleError>", None
    return "result_i64", "Result<i64, SimpleError>", None


def modules(spec: model.Spec) -> list[SplModule]:
    handles = {h.name: h for h in spec.handles}
    classes = {name: SplClass(name, handles[h].doc) for h, name in CLASS_OF_HANDLE.items()}
    runtime = SplClass("Runtime", "The uringnet runtime behind std.net: one thread that owns every socket.")
    # Each module declares the extern fns its classes call (a socket_* one in tcp and udp).
    by_module: dict[str, list[model.SimpleBinding]] = {"runtime": [], "tcp": [], "udp": [], "unix": []}
    for b in spec.simple_bindings:
        if b.name in UNIX_BINDINGS:
            by_module["unix"].append(b)
            continue
        wrap, returns, result_class = _wrap(b)
        hp = next((p for p in b.params if p.c_param.type == "handle"), None)
        if hp is None:
            target = [classes[result_class]] if result_class else [runtime]
            static = True
        else:
            kinds = {h.name for h in hp.c_param.handle_kinds} & GROUP_KINDS[b.group]
            target = [classes[CLASS_OF_HANDLE[k]] for k in sorted(kinds)]
            static = False
        params = [p for p in b.params if p is not hp and p.kind != "text_array"]
        if b.name in UNIX_ALSO:
            by_module["unix"].append(b)
        if b.name in STD_BINDINGS:
            target = []  # a std.net method of the template calls it
            module_name = next((m for m in ("tcp", "udp") if b.name.startswith(f"monoio_{m}_")), "runtime")
            if b not in by_module[module_name]:
                by_module[module_name].append(b)
        for cls in target:
            cls.methods.append(SplMethod(b.short_name, b, static, hp.name if hp else None, params,
                                         returns, wrap, result_class))
            module = by_module[MODULE_OF_CLASS[cls.name]]
            if b not in module:
                module.append(b)
    return [
        SplModule("runtime", by_module["runtime"], [runtime]),
        SplModule("tcp", by_module["tcp"], [classes["TcpListener"], classes["TcpStream"]]),
        SplModule("udp", by_module["udp"], [classes["UdpSocket"]]),
        SplModule("unix", by_module["unix"], []),  # classes written in simple/unix.spl.j2
    ]


def camel(name: str) -> str:
    return naming.camel(name.lower())


# Simple's stdlib already calls shutdown_how ShutdownMode; other enums keep the spec's name.
ENUM_NAMES = {"shutdown_how": "ShutdownMode"}


def enum_type(enum_name: str) -> str:
    return ENUM_NAMES.get(enum_name, camel(enum_name))


def enums_used(module: SplModule) -> list[str]:
    """The spec enums that the wrappers of a module take."""
    names = []
    for cls in module.classes:
        for m in cls.methods:
            for p in m.params:
                if p.c_param.type == "enum" and p.c_param.enum.name not in names:
                    names.append(p.c_param.enum.name)
    return names
