"""Typed model of api/net.json.

The JSON spec is validated twice: first against api/schema.json (shape), then by the
semantic checks below (cross references, uniqueness, stable numbering, real docs).
Templates only ever see the dataclasses defined here, never the raw dicts.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import naming

COARSE_CODES = {
    "ERROR": -1,
    "REFUSED": -2,
    "RESET": -3,
    "TIMED_OUT": -4,
    "IO": -5,
    "NOT_CONNECTED": -6,
    "ALREADY_CONNECTED": -7,
}

# Parameter types: the C type each one has, and whether it is a pointer.
C_TYPES = {
    "i32": "int32_t",
    "i64": "int64_t",
    "u32": "uint32_t",
    "bool": "bool",
    "text": "const char *",
    "address": "const char *",
    "bytes_in": "const void *",
    "bytes_out": "void *",
    "text_out": "char *",
    "completions_out": "un_completion_t *",
    "callback": "un_completion_fn",
    "pointer": "void *",
    "op_id": "int64_t",
}
# Pointer parameters the exports check for NULL (a callback or a ctx may be NULL).
POINTER_TYPES = {"text", "address", "bytes_in", "bytes_out", "text_out", "completions_out"}
BUFFER_TYPES = {"bytes_in", "bytes_out", "text_out", "completions_out"}
PLACEHOLDER_DOC = re.compile(r"\b(TODO|TBD|FIXME|XXX|placeholder)\b", re.IGNORECASE)


class SpecError(Exception):
    """A spec problem; the message names the operation (or error, handle) and field."""


@dataclass
class Handle:
    name: str
    kind: int
    doc: str

    @property
    def c_type(self) -> str:
        return naming.c_handle_type(self.name)

    @property
    def c_kind_const(self) -> str:
        return naming.c_handle_kind_const(self.name)


ANY_HANDLE = "any"


@dataclass
class EnumValue:
    name: str
    value: int
    doc: str


@dataclass
class Enum:
    name: str
    doc: str
    values: list[EnumValue]

    @property
    def c_type(self) -> str:
        return naming.c_enum_type(self.name)

    def c_const(self, value: EnumValue) -> str:
        return naming.c_enum_const(self.name, value.name)


@dataclass
class Error:
    name: str
    code: int
    klass: str
    message: str
    errnos: list[str]
    retired: str | None

    @property
    def c_const(self) -> str:
        return naming.c_error_const(self.name)

    @property
    def class_code(self) -> int:
        return COARSE_CODES[self.klass]

    @property
    def is_coarse(self) -> bool:
        return self.name in COARSE_CODES


@dataclass
class Param:
    name: str
    type: str
    doc: str
    handle: Handle | None = None
    enum: Enum | None = None
    len_param: str | None = None
    is_len_of: "Param | None" = None
    handle_kinds: list[Handle] = field(default_factory=list)
    option: EnumValue | None = None  # timeout_ms: the socket_option TIMEOUT_FROM_OPTION stands for
    duplicated: bool = False  # an fd the call duplicates on the calling thread (Request::passed_fd)

    @property
    def any_handle(self) -> bool:
        return self.type == "handle" and self.handle is None

    @property
    def kind_mask(self) -> str:
        """C expression of the handle kinds this parameter accepts, one bit per kind."""
        return " | ".join(f"(1u << {h.c_kind_const})" for h in self.handle_kinds)

    @property
    def c_type(self) -> str:
        if self.type == "handle":
            return self.handle.c_type if self.handle else naming.c_handle_type("handle")
        if self.type == "enum":
            return self.enum.c_type
        return C_TYPES[self.type]

    @property
    def is_pointer(self) -> bool:
        return self.type in POINTER_TYPES

    @property
    def c_decl(self) -> str:
        t = self.c_type
        return f"{t}{self.name}" if t.endswith("*") else f"{t} {self.name}"


@dataclass
class Result:
    type: str
    doc: str
    handle: Handle | None = None
    minimum: int = 0  # the smallest successful value; every error is below it

    @property
    def c_type(self) -> str:
        return self.handle.c_type if self.handle else "int64_t"


@dataclass
class SimpleParam:
    """One parameter of a Simple-facing function: how Simple passes it and what it feeds."""
    name: str
    kind: str  # i64 | bool | text | bytes | text_array
    c_param: Param

    SPL_TYPES = {"i64": "i64", "bool": "bool", "text": "text", "bytes": "[u8]", "text_array": "[text]"}

    @property
    def spl_type(self) -> str:
        return self.SPL_TYPES[self.kind]

    @property
    def c_type(self) -> str:
        return "int64_t" if self.kind in ("i64", "bool") else "un_rv_t"


@dataclass
class SimpleBinding:
    """A monoio_* function of Simple's std.net, adapted onto one operation."""
    name: str
    op: "Operation"
    params: list[SimpleParam]
    values: dict[str, str]  # C parameter -> C expression for those Simple does not pass
    text_out: str | None
    doc: str = ""
    stream_buffer: str = ""  # "read" or "close": through std.net's stream read buffer (simple_stream)

    def simple_name(self, c_param: str) -> str:
        """The name Simple passes the C parameter c_param under."""
        return next((p.name for p in self.params if p.c_param.name == c_param), c_param)

    @property
    def returns_text(self) -> bool:
        return self.text_out == "result"

    @property
    def spl_result(self) -> str:
        return "any" if self.returns_text else "i64"

    @property
    def c_result(self) -> str:
        return "un_rv_t" if self.returns_text else "int64_t"

    @property
    def short_name(self) -> str:
        """The name without monoio_ and its group: monoio_tcp_read -> read."""
        n = self.name[len("monoio_"):]
        for g in ("tcp_listener_", "tcp_", "udp_", "socket_", "runtime_"):
            if n.startswith(g):
                return n[len(g):]
        return n

    @property
    def group(self) -> str:
        n = self.name[len("monoio_"):]
        for g in ("tcp", "udp", "socket"):
            if n.startswith(g + "_"):
                return g
        return "runtime"


@dataclass
class SimpleExtra:
    name: str
    doc: str
    params: list[str]
    returns: str
    error: "Error | None" = None

    INFO = ("abi_version", "spec_checksum", "rt_linked", "bytes_text", "runtime_started")

    @property
    def spl_result(self) -> str:
        """A returned argument is any value; an error or the ABI version a raw integer."""
        return {"abi_version": "i64", "spec_checksum": "text", "rt_linked": "i64", "bytes_text": "text", "runtime_started": "i64"}.get(self.returns, "i64" if self.error else "any")

    @property
    def c_result(self) -> str:
        return "int64_t" if self.spl_result == "i64" else "un_rv_t"


@dataclass
class DriverParam:
    name: str
    spl_type: str  # "i64", "text", "[u8]" or "[text]"

    @property
    def c_type(self) -> str:
        return "int64_t" if self.spl_type == "i64" else "un_rv_t"


@dataclass
class DriverExtern:
    """One hand-written extern: of std.net.driver (Simple's IoDriver, core/simple_driver.cpp) or
    of std.net's stream read buffer (core/simple_stream.cpp)."""
    name: str
    doc: str
    params: list[DriverParam]
    spl_result: str

    @property
    def c_result(self) -> str:
        return "int64_t" if self.spl_result == "i64" else "un_rv_t"


@dataclass
class Operation:
    name: str
    request: int
    since: str
    group: str
    execution: str
    doc: str
    params: list[Param]
    result: Result
    errors: list[Error]
    simple: list[SimpleBinding] = field(default_factory=list)
    not_provoked: dict[str, str] = field(default_factory=dict)
    submit_only: list[str] = field(default_factory=list)
    from_callback: str = ""  # "inline", "started" or "" (WOULD_DEADLOCK from a callback)

    @property
    def blocking_errors(self) -> list[Error]:
        """The errors the blocking form can return (all listed but the submit-only ones)."""
        return [e for e in self.errors if e.name not in self.submit_only]

    @property
    def submit_errors(self) -> list[Error]:
        """The errors a *_submit form can return, at once or as its completion's result: a
        submission never waits, so never WOULD_DEADLOCK or INTERRUPTED."""
        if not self.has_async:
            return []
        return [e for e in self.errors if e.name not in ("WOULD_DEADLOCK", "INTERRUPTED")]

    @property
    def c_name(self) -> str:
        return naming.c_function(self.name)

    @property
    def args_struct(self) -> str:
        return naming.cpp_args_struct(self.name)

    @property
    def c_params(self) -> str:
        return ", ".join(p.c_decl for p in self.params) or "void"

    @property
    def has_async(self) -> bool:
        """Ring operations get a *_submit variant that returns at once with an op id."""
        return self.execution == "ring" and self.group != "async"

    @property
    def async_name(self) -> str:
        return self.c_name + "_submit"

    @property
    def op_id_param(self) -> Param | None:
        return next((p for p in self.params if p.type == "op_id"), None)

    @property
    def first_handle(self) -> Param | None:
        return next((p for p in self.params if p.type == "handle"), None)

    @property
    def address_param(self) -> Param | None:
        return next((p for p in self.params if p.type == "address"), None)

    @property
    def duplicated_param(self) -> Param | None:
        return next((p for p in self.params if p.duplicated), None)


@dataclass
class Spec:
    library: str
    version: str
    abi_version: int
    c_prefix: str
    doc: str
    errno_default: Error
    handles: list[Handle]
    enums: list[Enum]
    errors: list[Error]
    operations: list[Operation]
    simple_extras: list[SimpleExtra] = field(default_factory=list)
    simple_driver: list[DriverExtern] = field(default_factory=list)
    driver_doc: str = ""
    simple_stream: list[DriverExtern] = field(default_factory=list)
    stream_doc: str = ""
    source_name: str = "api/net.json"
    checksum: str = ""
    ops_by_group: dict[str, list[Operation]] = field(default_factory=dict)

    @property
    def live_errors(self) -> list[Error]:
        return [e for e in self.errors if not e.retired]

    def ops_by_since(self) -> dict[str, list[Operation]]:
        """Operations grouped by their since version, oldest first."""
        out: dict[str, list[Operation]] = {}
        for o in sorted(self.operations, key=lambda o: tuple(int(x) for x in o.since.split("."))):
            out.setdefault(o.since, []).append(o)
        return out

    @property
    def simple_bindings(self) -> list[SimpleBinding]:
        return [b for o in self.operations for b in o.simple]

    def errno_map(self) -> list[tuple[str, Error]]:
        return [(n, e) for e in self.live_errors for n in e.errnos]


def _check_doc(where: str, text: str) -> None:
    if not text.strip() or PLACEHOLDER_DOC.search(text):
        raise SpecError(f"{where}: doc text is empty or a placeholder ({text!r})")


def _unique(items, key, what: str) -> None:
    seen: dict = {}
    for it in items:
        k = key(it)
        if k in seen:
            raise SpecError(f"{what} {k!r} is used twice")
        seen[k] = it


def validate_schema(raw: dict, schema_path: Path) -> None:
    try:
        import jsonschema
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise SystemExit(
            "codegen: python3-jsonschema is missing; run tools/setup "
            "(or apt-get install python3-jsonschema)") from exc
    schema = json.loads(schema_path.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    errs = sorted(validator.iter_errors(raw), key=lambda e: list(e.absolute_path))
    if errs:
        err = errs[0]
        path = list(err.absolute_path)
        where = _describe_path(raw, path)
        raise SpecError(f"{where}: {err.message}")


def _describe_path(raw: dict, path: list) -> str:
    """Turn a JSON path into 'operation tcp_read, field params[1].type'."""
    if len(path) >= 2 and path[0] in ("operations", "errors", "handles", "enums") \
            and isinstance(path[1], int):
        try:
            name = raw[path[0]][path[1]].get("name", f"#{path[1]}")
        except (IndexError, AttributeError):
            name = f"#{path[1]}"
        label = {"operations": "operation", "errors": "error", "handles": "handle",
                 "enums": "enum"}[path[0]]
        rest = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path[2:])
        return f"{label} {name}, field {rest.lstrip('.') or '(entry)'}"
    return "spec, field " + ("".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "(top level)")


def build(raw: dict) -> Spec:
    _check_doc("spec, field doc", raw["doc"])
    handles = [Handle(h["name"], h["kind"], h["doc"]) for h in raw["handles"]]
    _unique(handles, lambda h: h.name, "handle name")
    _unique(handles, lambda h: h.kind, "handle kind number")
    for h in handles:
        _check_doc(f"handle {h.name}, field doc", h.doc)
    handle_by_name = {h.name: h for h in handles}

    enums = []
    for e in raw["enums"]:
        _check_doc(f"enum {e['name']}, field doc", e["doc"])
        vals = [EnumValue(v["name"], v["value"], v["doc"]) for v in e["values"]]
        _unique(vals, lambda v: v.name, f"enum {e['name']} value name")
        _unique(vals, lambda v: v.value, f"enum {e['name']} value number")
        enums.append(Enum(e["name"], e["doc"], vals))
    _unique(enums, lambda e: e.name, "enum name")
    enum_by_name = {e.name: e for e in enums}

    errors = [Error(e["name"], e["code"], e["class"], e["message"], e.get("errno", []),
                    e.get("retired")) for e in raw["errors"]]
    _unique(errors, lambda e: e.name, "error name")
    _unique(errors, lambda e: e.code, "error code")
    for e in errors:
        _check_doc(f"error {e.name}, field message", e.message)
    error_by_name = {e.name: e for e in errors}
    for name, code in COARSE_CODES.items():
        e = error_by_name.get(name)
        if e is None or e.code != code or e.klass != name:
            raise SpecError(f"error {name}, field code: Simple's coarse code {name} must exist "
                            f"as {code} in its own class (never renumbered)")
    for e in errors:
        if not e.is_coarse and e.code >= -7:
            raise SpecError(f"error {e.name}, field code: {e.code} is one of Simple's seven "
                            f"coarse codes; finer codes come after them (-8 and below)")
    _unique([(n, e) for e in errors for n in e.errnos], lambda t: t[0], "errno")
    if raw["errno_default"] not in error_by_name:
        raise SpecError(f"spec, field errno_default: unknown error {raw['errno_default']!r}")

    ops = []
    for o in raw["operations"]:
        where = f"operation {o['name']}"
        _check_doc(f"{where}, field doc", o["doc"])
        params = []
        for i, p in enumerate(o["params"]):
            pw = f"{where}, field params[{i}]"
            _check_doc(f"{pw}.doc", p["doc"])
            param = Param(p["name"], p["type"], p["doc"], len_param=p.get("len_param"),
                          duplicated=p.get("duplicated", False))
            if param.duplicated and p["type"] != "i32":
                raise SpecError(f"{pw}.duplicated: only an i32 fd parameter is duplicated")
            if p["type"] == "handle":
                if p.get("handle") == ANY_HANDLE:
                    param.handle_kinds = list(handles)
                elif isinstance(p.get("handle"), list):
                    for k in p["handle"]:
                        if k not in handle_by_name:
                            raise SpecError(f"{pw}.handle: unknown handle kind {k!r}")
                    param.handle_kinds = [handle_by_name[k] for k in p["handle"]]
                elif p.get("handle") in handle_by_name:
                    param.handle = handle_by_name[p["handle"]]
                    param.handle_kinds = [param.handle]
                else:
                    raise SpecError(f"{pw}.handle: unknown handle kind {p.get('handle')!r}")
            elif "handle" in p:
                raise SpecError(f"{pw}.handle: only a parameter of type handle names a handle")
            if p["type"] == "enum":
                if p.get("enum") not in enum_by_name:
                    raise SpecError(f"{pw}.enum: unknown enum {p.get('enum')!r}")
                param.enum = enum_by_name[p["enum"]]
            if "option" in p:
                param.option = _timeout_option(pw, p, o, enum_by_name)
                param.doc += (f" {TIMEOUT_OPTION_CONST} (-2) waits as long as the handle's {param.option.name} "
                              f"option says (socket_set_option; -1, forever, unless set).")
            if p["type"] in BUFFER_TYPES and not p.get("len_param"):
                raise SpecError(f"{pw}.len_param: a {p['type']} parameter needs len_param")
            if p["type"] not in BUFFER_TYPES and p.get("len_param"):
                raise SpecError(f"{pw}.len_param: only buffer parameters take len_param")
            params.append(param)
        _unique(params, lambda p: p.name, f"{where}: parameter name")
        by_name = {p.name: p for p in params}
        for i, p in enumerate(params):
            if p.len_param:
                lp = by_name.get(p.len_param)
                if lp is None or lp.type != "u32":
                    raise SpecError(f"{where}, field params[{i}].len_param: {p.len_param!r} "
                                    f"must name a u32 parameter of this operation")
                lp.is_len_of = p
        r = o["result"]
        _check_doc(f"{where}, field result.doc", r["doc"])
        result = Result(r["type"], r["doc"], minimum=r.get("minimum", 0))
        if result.minimum and r["type"] != "value":
            raise SpecError(f"{where}, field result.minimum: only a value result may be negative")
        if r["type"] == "handle":
            if r.get("handle") not in handle_by_name:
                raise SpecError(f"{where}, field result.handle: unknown handle kind {r.get('handle')!r}")
            result.handle = handle_by_name[r["handle"]]
        errs = []
        for i, en in enumerate(o["errors"]):
            if en not in error_by_name:
                raise SpecError(f"{where}, field errors[{i}]: unknown error {en!r}")
            if error_by_name[en].retired:
                raise SpecError(f"{where}, field errors[{i}]: error {en} is retired")
            errs.append(error_by_name[en])
        _unique(errs, lambda e: e.name, f"{where}: listed error")
        for e in errs:
            if e.code >= result.minimum:
                raise SpecError(f"{where}, field errors: {e.name} ({e.code}) is not below result.minimum "
                                f"({result.minimum}): a caller could not tell it from a result")
        not_provoked = o.get("not_provoked", {})
        for en, why in not_provoked.items():
            if en not in o["errors"]:
                raise SpecError(f"{where}, field not_provoked.{en}: not one of the operation's errors")
            _check_doc(f"{where}, field not_provoked.{en}", why)
        submit_only = o.get("submit_only", [])
        for en in submit_only:
            if en not in o["errors"]:
                raise SpecError(f"{where}, field submit_only: {en} is not one of the operation's errors")
        if submit_only and not (o["execution"] == "ring" and o["group"] != "async"):
            raise SpecError(f"{where}, field submit_only: the operation has no *_submit form")
        if o["execution"] == "caller" and any(p.type == "handle" for p in params):
            raise SpecError(f"{where}, field execution: an operation on a handle must run on the ring")
        if o.get("from_callback") and o["execution"] != "ring":
            raise SpecError(f"{where}, field from_callback: only a ring operation is posted from a callback")
        ops.append(Operation(o["name"], o["request"], o["since"], o["group"], o["execution"],
                             o["doc"], params, result, errs, [], not_provoked, submit_only,
                             o.get("from_callback", "")))
        ops[-1].simple = [_simple_binding(ops[-1], b, i, enum_by_name) for i, b in enumerate(o.get("simple", []))]
    _unique(ops, lambda o: o.name, "operation name")
    _unique(ops, lambda o: o.request, "request number")
    extras = []
    for i, x in enumerate(raw["simple_extras"]):
        _check_doc(f"simple_extras[{i}], field doc", x["doc"])
        extra = SimpleExtra(x["name"], x["doc"], x["params"], x["returns"])
        if x["returns"] in error_by_name:
            extra.error = error_by_name[x["returns"]]
        elif x["returns"] not in x["params"] and x["returns"] not in SimpleExtra.INFO:
            raise SpecError(f"simple_extras[{i}], field returns: {x['returns']!r} is neither a parameter, "
                            f"an error, nor one of {SimpleExtra.INFO}")
        extras.append(extra)
    driver, stream = (_hand_written_externs(raw[section]["externs"], section)
                      for section in ("simple_driver", "simple_stream"))
    _unique([b.name for o in ops for b in o.simple] + [x.name for x in extras + driver + stream],
            lambda n: n, "Simple name")

    spec = Spec(raw["library"], raw["version"], raw["abi_version"], raw["c_prefix"], raw["doc"],
                error_by_name[raw["errno_default"]], handles, enums, errors, ops, extras, driver,
                raw["simple_driver"]["doc"], stream, raw["simple_stream"]["doc"])
    for o in ops:
        spec.ops_by_group.setdefault(o.group, []).append(o)
    return spec


def _hand_written_externs(raw: list[dict], section: str) -> list[DriverExtern]:
    """The externs of a section implemented by hand in core/ (simple_driver, simple_stream)."""
    out = []
    for i, x in enumerate(raw):
        _check_doc(f"{section}.externs[{i}], field doc", x["doc"])
        out.append(DriverExtern(x["name"], x["doc"], [DriverParam(q["name"], q["type"]) for q in x["params"]],
                                x["returns"]))
    return out


TIMEOUT_OPTION_CONST = naming.c_enum_const("timeout", "from_option")


def _timeout_option(pw: str, p: dict, o: dict, enum_by_name: dict) -> EnumValue:
    """The socket_option value a timeout_ms parameter's TIMEOUT_FROM_OPTION stands for."""
    if p["name"] != "timeout_ms" or not any(q["type"] == "handle" for q in o["params"]):
        raise SpecError(f"{pw}.option: only the timeout_ms parameter of an operation on a handle names an option")
    timeout = enum_by_name.get("timeout")
    if timeout is None or {v.name: v.value for v in timeout.values}.get("from_option") != -2:
        raise SpecError(f"{pw}.option: the spec needs enum timeout with value from_option = -2")
    return next(v for v in enum_by_name["socket_option"].values if v.name == p["option"])


# The operation each stream_buffer mark of a Simple binding belongs to.
STREAM_BUFFER_OPS = {"read": "tcp_read", "close": "tcp_close"}


def _simple_binding(op: Operation, b: dict, i: int, enum_by_name: dict) -> SimpleBinding:
    where = f"operation {op.name}, field simple[{i}]"
    defaults, fixed, renamed = b.get("defaults", {}), b.get("fixed", {}), b.get("params", {})
    by_name = {p.name: p for p in op.params}
    if "doc" in b:
        _check_doc(f"{where}.doc", b["doc"])
    for key in list(defaults) + list(fixed) + list(renamed):
        if key not in by_name:
            raise SpecError(f"{where}: {key!r} is not a parameter of {op.name}")
    values: dict[str, str] = {}
    for key, v in defaults.items():
        if v == "from_option" and by_name[key].option is None:
            raise SpecError(f"{where}.defaults.{key}: from_option needs a timeout_ms parameter that names its option")
        values[key] = TIMEOUT_OPTION_CONST if v == "from_option" else str(v)
    for key, v in fixed.items():
        p = by_name[key]
        if p.type != "enum" or v not in {ev.name for ev in p.enum.values}:
            raise SpecError(f"{where}.fixed.{key}: {v!r} is not a value of the parameter's enum")
        values[key] = p.enum.c_const(next(ev for ev in p.enum.values if ev.name == v))
    text_out = b.get("text_out")
    outs = [p for p in op.params if p.type == "text_out"]
    if outs and text_out is None:
        raise SpecError(f"{where}.text_out: {op.name} writes text; say whether it is the result or an array")
    if text_out and not outs:
        raise SpecError(f"{where}.text_out: {op.name} writes no text")
    params = []
    for p in op.params:
        if p.name in values:
            continue
        if p.type == "text_out":
            if text_out == "array":
                params.append(SimpleParam(renamed.get(p.name, {}).get("name", p.name), "text_array", p))
            continue
        if p.is_len_of is not None and p.is_len_of.type == "text_out":
            continue
        kind = {"bytes_in": "bytes", "bytes_out": "bytes", "text": "text", "address": "text",
                "bool": "bool"}.get(p.type, "i64")
        r = renamed.get(p.name, {})
        if r.get("type") and kind not in ("i64", "bool"):
            raise SpecError(f"{where}.params.{p.name}: only an integer parameter can be passed as {r['type']}")
        params.append(SimpleParam(r.get("name", p.name), r.get("type", kind), p))
    stream_buffer = b.get("stream_buffer", "")
    if stream_buffer and op.name != STREAM_BUFFER_OPS[stream_buffer]:
        raise SpecError(f"{where}.stream_buffer: {stream_buffer!r} belongs to "
                        f"{STREAM_BUFFER_OPS[stream_buffer]}, not {op.name}")
    return SimpleBinding(b["name"], op, params, values, text_out, b.get("doc", op.doc), stream_buffer)


def load(spec_path: Path, schema_path: Path) -> Spec:
    text = spec_path.read_text()
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError(f"spec is not valid JSON: {exc}") from exc
    validate_schema(raw, schema_path)
    spec = build(raw)
    import hashlib
    spec.checksum = hashlib.sha256(text.encode()).hexdigest()[:16]
    return spec
