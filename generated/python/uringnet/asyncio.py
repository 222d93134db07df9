# Generated from api/net.json by codegen/generate.py (template python/asyncio.py.j2). Do not edit: change the spec or the template and run codegen/generate.py.
"""uringnet.asyncio: asyncio streams, protocols and datagrams on uringnet, on the running loop.

    import asyncio
    import uringnet.asyncio as uaio

    async def handle(reader, writer):
        while line := await reader.readline():
            writer.write(line)
            await writer.drain()
        writer.close()

    async def main():
        server = await uaio.start_server(handle, "127.0.0.1", 8080)
        reader, writer = await uaio.open_connection("127.0.0.1", 8080)
        ...

Whatever the loop is (asyncio's default one, uvloop, ...), it only watches the runtime's
completion fd (loop.add_reader); the sockets are the runtime's, which reads each stream with one
multishot receive (data that arrives before a read is kept for it) and sends the writes, in order,
without the loop waiting on them. No thread is started besides the runtime's own.

- Streams: open_connection / start_server return asyncio's own StreamReader and StreamWriter.
- Protocols: create_connection / create_server call an asyncio.Protocol through a Transport with
  write, writelines, write_eof, pause_reading / resume_reading, set_write_buffer_limits,
  get_write_buffer_size, abort, close and is_closing.
- Datagrams: create_datagram_endpoint calls an asyncio.DatagramProtocol (datagram_received with
  the sender's (host, port)).

Errors are the OSError subclasses asyncio code expects (ConnectionRefusedError,
ConnectionResetError, BrokenPipeError, TimeoutError, socket.gaierror, ...), each caused by the
uringnet error (its .__cause__, also .uringnet_error); errors that no errno describes (a closed
handle, a shut-down runtime) are the uringnet exceptions themselves. Cancelling a task cancels
the operation it waits for (op_cancel): a connect that completes anyway is closed, nothing leaks.

The runtime is started at first use if it is not running (and shut down at exit if it was started
here). Completions are collected with poll: do not set a completion callback while this module is
in use.
"""
from __future__ import annotations

import asyncio
import atexit
import ctypes
import errno as _errno
import itertools
import socket as _socket
import threading
import warnings
import weakref
from typing import Any, Awaitable, Callable, Optional

from . import (Completion, NetError, ShutdownHow, _ERRORS, _lib)

# ---- error codes, from the spec ----
_CLOSED = -9
_SHUT_DOWN = -15
_ALREADY_INITIALIZED = -16
_CANCELED = -17
_NO_RESOURCES = -27
_UNKNOWN_HOST = -28
_TRUNCATED = -31
_OP_NOT_FOUND = -37

# The errno each error stands for (the first the spec maps to it), for the OSError raised.
_ERRNO = {
    -3: _errno.ECONNRESET,
    -4: _errno.ETIMEDOUT,
    -5: _errno.EIO,
    -6: _errno.ENOTCONN,
    -7: _errno.EISCONN,
    -13: _errno.EINVAL,
    -17: _errno.ECANCELED,
    -20: _errno.ECONNREFUSED,
    -21: _errno.EADDRINUSE,
    -22: _errno.EADDRNOTAVAIL,
    -23: _errno.EACCES,
    -24: _errno.EHOSTUNREACH,
    -25: _errno.ECONNABORTED,
    -26: _errno.EPIPE,
    -27: _errno.EMFILE,
    -29: _errno.ENOSYS,
    -32: _errno.EMSGSIZE,
    -33: _errno.ENODEV,
}


__all__ = ["open_connection", "start_server", "create_connection", "create_server",
           "open_unix_connection", "start_unix_server", "create_unix_connection", "create_unix_server",
           "create_datagram_endpoint", "Server", "StreamTransport", "DatagramTransport",
           "error_from_code"]

_READ_SIZE = 65536
_POLL_MAX = 256


def error_from_code(code: int) -> BaseException:
    """The exception asyncio code expects for a uringnet error code (see the module's doc)."""
    cause = _ERRORS.get(code, NetError)(code)
    if code == _UNKNOWN_HOST:
        exc = _socket.gaierror(_socket.EAI_NONAME, cause.message)
    elif code in _ERRNO:
        exc = OSError(_ERRNO[code], cause.message)  # OSError picks the subclass for the errno
    else:
        return cause
    exc.uringnet_error = cause
    exc.__cause__ = cause
    return exc


def _format_addr(host: Optional[str], port: int) -> str:
    host = host or "0.0.0.0"
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _parse_addr(text: str):
    """"127.0.0.1:80" -> ("127.0.0.1", 80); "[::1]:80" -> ("::1", 80, 0, 0); "unix:/run/a.sock"
    -> "/run/a.sock" and "unix:@name" -> "\\0name", as the socket module gives them; an unbound
    Unix socket's empty address -> ""."""
    if text.startswith("unix:"):
        path = text[5:]
        return "\0" + path[1:] if path.startswith("@") else path
    if text.startswith("["):
        host, _, port = text[1:].rpartition("]:")
        return (host, int(port), 0, 0)
    host, sep, port = text.rpartition(":")
    if sep and port.isdigit():
        return (host, int(port))
    return text


def _unix_text(path) -> str:
    """A Unix socket path as uringnet's address: "/run/a.sock" -> "unix:/run/a.sock"; an abstract
    name ("\\0name", as the socket module writes it) -> "unix:@name"."""
    import os
    path = os.fsdecode(path)
    return "unix:@" + path[1:] if path.startswith("\0") else "unix:" + path


def _address_info(handle: int, name: str):
    """get_extra_info's "peername" or "sockname" of a handle, as the socket module gives it;
    None when the handle has none (an unconnected socket's peer)."""
    call = _lib.un_socket_peer_addr if name == "peername" else _lib.un_socket_local_addr
    out = ctypes.create_string_buffer(128)
    return None if call(handle, out, len(out)) < 0 else _parse_addr(out.value.decode())


def _addr_text(addr) -> str:
    if isinstance(addr, (str, bytes)):
        return _unix_text(addr)  # (a str address of a datagram endpoint is a Unix path)
    return _format_addr(addr[0], addr[1])


# ---- the completions: one process-wide router, any number of loops ----

class _Router:
    """Routes every completion to the callback its submitter registered under its user_data.

    Each loop that submits watches the runtime's completion fd; whichever loop collects a
    completion calls its callback (its own) or hands it to the loop it belongs to
    (call_soon_threadsafe). A callback is registered before its operation is submitted, so a
    completion never finds nobody waiting."""

    def __init__(self):
        self.waiting = {}  # user_data -> (loop, fn(result, keep), keep)
        self.tags = itertools.count(1)
        self.loops = weakref.WeakSet()  # (a closed loop is let go of)
        self.lock = threading.Lock()
        self.started_runtime = False
        self.fd = -1

    def attach(self, loop) -> None:
        if loop in self.loops:
            return
        with self.lock:
            if loop in self.loops:
                return
            code = _lib.un_runtime_init()
            if code == 0:
                if not self.started_runtime:
                    atexit.register(_shutdown_at_exit)
                self.started_runtime = True
            elif code != _ALREADY_INITIALIZED:
                raise error_from_code(code)
            if self.fd < 0:
                fd = _lib.un_completion_fd()
                if fd < 0:
                    raise error_from_code(fd)
                self.fd = fd
            out = (Completion * _POLL_MAX)()
            words = memoryview(out).cast("B").cast("q")  # op_id, user_data, result, request|reserved
            loop.add_reader(self.fd, self.collect, loop, out, words)
            self.loops.add(loop)

    def detach(self, loop) -> None:
        """Stops loop watching the fd (a loop that is closing)."""
        with self.lock:
            if loop in self.loops:
                self.loops.discard(loop)
                if not loop.is_closed():
                    loop.remove_reader(self.fd)

    def submit(self, loop, fn, keep, call, *args) -> int:
        """call(*args, user_data): a *_submit function; fn(result, keep) runs on loop when it
        completes. Returns the op id, or raises what the submit returned."""
        tag = next(self.tags)
        self.waiting[tag] = (loop, fn, keep)
        op = call(*args, tag)
        if op < 0:
            del self.waiting[tag]
            raise error_from_code(op)
        return op

    def collect(self, loop, out, words) -> None:
        waiting = self.waiting
        _lib.un_batch_begin()  # what the callbacks submit goes to the runtime together
        try:
            while True:
                n = _lib.un_poll(out, _POLL_MAX, 0)
                if n <= 0:
                    return
                for i in range(0, 4 * n, 4):
                    entry = waiting.pop(words[i + 1], None)
                    if entry is None:
                        continue  # (another module's operation, collected here: nobody waits)
                    owner, fn, keep = entry
                    if owner is loop:
                        try:
                            fn(words[i + 2], keep)
                        except (SystemExit, KeyboardInterrupt):
                            raise
                        except BaseException as exc:
                            loop.call_exception_handler({"message": "uringnet: a completion's callback failed",
                                                         "exception": exc})
                    elif not owner.is_closed():
                        owner.call_soon_threadsafe(fn, words[i + 2], keep)
                if n < _POLL_MAX:
                    return
        finally:
            _lib.un_batch_end()


_router = _Router()


def _shutdown_at_exit() -> None:
    if _router.started_runtime:
        _lib.un_runtime_shutdown()


def _cancel_op(op: int) -> None:
    code = _lib.un_op_cancel(op)
    if code < 0 and code not in (_OP_NOT_FOUND, _SHUT_DOWN):
        raise error_from_code(code)


async def _await_op(call, *args, keep=(), release: Optional[Callable[[int], None]] = None) -> int:
    """Submits call(*args, user_data) and waits for its result (>= 0; an error raises). When the
    awaiting task is cancelled the operation is cancelled too; a result that arrives anyway (a
    connected stream) goes to release."""
    loop = asyncio.get_running_loop()
    _router.attach(loop)
    fut = loop.create_future()

    def done(result, _keep):
        if not fut.cancelled():
            fut.set_result(result)
        elif result >= 0 and release is not None:
            release(result)

    op = _router.submit(loop, done, keep, call, *args)
    try:
        result = await fut
    except asyncio.CancelledError:
        if fut.done() and not fut.cancelled() and fut.result() >= 0 and release is not None:
            release(fut.result())  # completed, but the task was cancelled before it resumed
        else:
            _cancel_op(op)
        raise
    if result < 0:
        raise error_from_code(result)
    return result


def _close_handle(handle: int) -> None:
    _lib.un_tcp_close_submit(handle, 0)


# ---- streams ----

class StreamTransport(asyncio.Transport):
    """A TCP stream as an asyncio Transport (see the module's doc).

    One read is in flight while reading (into the transport's own buffer); writes are submitted
    at once and count in the write buffer until they complete. The transport's phase is one
    field, _state: "open", "closing" (close() called: the writes in flight finish, then the
    stream is closed), "closed" (the stream's close was submitted; connection_lost follows its
    completion)."""

    _write_op, _shutdown_op, _close_op = (_lib.un_tcp_write_submit, _lib.un_tcp_shutdown_submit,
                                          _lib.un_tcp_close_submit)

    def __init__(self, loop, handle: int, protocol: asyncio.BaseProtocol, server: Optional[Server] = None,
                 waiter: Optional[asyncio.Future] = None):
        super().__init__()
        self._waiter = waiter
        self._loop = loop
        self._handle = handle
        self._protocol = protocol
        self._server = server
        self._state = "open"
        self._buf = ctypes.create_string_buffer(_READ_SIZE)
        self._reading = False   # a read is in flight
        self._paused = False    # pause_reading: no data_received until resume_reading
        self._held = []         # data that arrived after pause_reading
        self._eof = False       # the peer's end arrived
        self._write_size = 0    # bytes of writes submitted and not completed
        self._high, self._low = 64 * 1024, 16 * 1024
        self._protocol_paused = False
        self._eof_written = False
        self._lost_warned = 0
        self._extra = {}
        if server is not None:
            server._attach(self)
        loop.call_soon(self._start)

    def _start(self) -> None:
        try:
            self._protocol.connection_made(self)
        finally:
            if self._waiter is not None and not self._waiter.cancelled():
                self._waiter.set_result(None)
        if self._state == "open":
            self._arm_read()

    # -- reading --
    def _arm_read(self) -> None:
        if self._reading or self._eof or self._state != "open":
            return
        try:
            _router.submit(self._loop, self._read_done, None, _lib.un_tcp_read_submit,
                           self._handle, self._buf, _READ_SIZE, -1)
        except BaseException as exc:
            self._fatal(exc)
            return
        self._reading = True

    def _read_done(self, result: int, _keep) -> None:
        self._reading = False
        if self._state != "open":
            return
        if result > 0:
            data = ctypes.string_at(self._buf, result)
            if self._paused:
                self._held.append(data)  # (at most one read: no read is armed while paused)
                return
            self._protocol.data_received(data)
            if not self._paused:
                self._arm_read()
        elif result == 0:
            self._eof = True
            if self._paused:
                return  # delivered by resume_reading, after the held data
            self._deliver_eof()
        else:
            self._fatal(error_from_code(result))

    def _deliver_eof(self) -> None:
        keep_open = self._protocol.eof_received()
        if not keep_open:
            self.close()

    def is_reading(self) -> bool:
        return self._state == "open" and not self._paused

    def pause_reading(self) -> None:
        self._paused = True

    def resume_reading(self) -> None:
        if not self._paused:
            return
        self._paused = False
        self._loop.call_soon(self._resume)

    def _resume(self) -> None:
        while self._held and not self._paused and self._state == "open":
            self._protocol.data_received(self._held.pop(0))
        if self._paused or self._state != "open":
            return
        if self._eof:
            self._deliver_eof()
        else:
            self._arm_read()

    # -- writing --
    def write(self, data) -> None:
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data argument must be a bytes-like object, not {type(data).__name__}")
        if self._eof_written:
            raise RuntimeError("Cannot call write() after write_eof()")
        if self._state != "open":
            self._lost_warned += 1
            if self._lost_warned == 5:
                warnings.warn("uringnet: write() on a closed or closing transport", RuntimeWarning)
            return
        if not data:
            return
        if type(data) is not bytes:
            data = bytes(data)  # (the caller may change a bytearray once write returns)
        try:
            _router.submit(self._loop, self._write_done, data, self._write_op, self._handle, data, len(data), -1)
        except BaseException as exc:
            self._fatal(exc)
            return
        self._write_size += len(data)
        if not self._protocol_paused and self._write_size > self._high:
            self._protocol_paused = True
            self._protocol.pause_writing()

    def writelines(self, list_of_data) -> None:
        self.write(b"".join(list_of_data))

    def _write_done(self, result: int, data: bytes) -> None:
        self._write_size -= len(data)
        if result < 0 and self._state == "open":
            self._fatal(error_from_code(result))
            return
        if self._protocol_paused and self._write_size <= self._low:
            self._protocol_paused = False
            if self._state != "closed":
                self._protocol.resume_writing()
        if self._state == "closing" and self._write_size == 0:
            self._close_now()

    def write_eof(self) -> None:
        if self._eof_written or self._state != "open":
            return
        self._eof_written = True
        # Shutdown takes its place after the writes already submitted.
        _router.submit(self._loop, lambda _r, _k: None, None, self._shutdown_op, self._handle,
                       int(ShutdownHow.WRITE))

    def can_write_eof(self) -> bool:
        return True

    def get_write_buffer_size(self) -> int:
        return self._write_size

    def get_write_buffer_limits(self):
        return (self._low, self._high)

    def set_write_buffer_limits(self, high=None, low=None) -> None:
        if high is None:
            high = 64 * 1024 if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f"high ({high!r}) must be >= low ({low!r}) must be >= 0")
        self._high, self._low = high, low
        if not self._protocol_paused and self._write_size > high:
            self._protocol_paused = True
            self._protocol.pause_writing()

    # -- ending --
    def is_closing(self) -> bool:
        return self._state != "open"

    def close(self) -> None:
        """Closes the stream once the writes in flight are sent; connection_lost(None) follows."""
        if self._state != "open":
            return
        self._state = "closing"
        if self._write_size == 0:
            self._close_now()

    def abort(self) -> None:
        """Closes the stream at once: writes not yet sent are dropped; connection_lost(None)."""
        if self._state == "closed":
            return
        self._close_now()

    def _close_now(self, exc: Optional[BaseException] = None) -> None:
        self._state = "closed"
        self._held.clear()
        try:
            _router.submit(self._loop, self._closed, exc, self._close_op, self._handle)
        except BaseException:  # (the runtime is gone: the handle with it)
            self._loop.call_soon(self._closed, 0, exc)

    def _closed(self, _result: int, exc: Optional[BaseException]) -> None:
        try:
            self._protocol.connection_lost(exc)
        finally:
            if self._server is not None:
                self._server._detach(self)
                self._server = None

    def _fatal(self, exc: BaseException) -> None:
        if self._state == "closed":
            return
        self._close_now(exc)

    # -- information --
    def get_extra_info(self, name: str, default: Any = None) -> Any:
        """peername and sockname as the socket module gives them ((host, port) or
        (host, port, flowinfo, scope_id)); "uringnet_handle": the stream's handle."""
        if name == "uringnet_handle":
            return self._handle
        if name in ("peername", "sockname"):
            if name not in self._extra:
                address = _address_info(self._handle, name)
                if address is None:
                    return default
                self._extra[name] = address
            return self._extra[name]
        return default

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol) -> None:
        self._protocol = protocol

    def __repr__(self) -> str:
        return f"<uringnet StreamTransport {self._state} handle={self._handle:#x}>"

    def __del__(self, _warn=warnings.warn):
        if getattr(self, "_state", "closed") == "open" and not self._loop.is_closed():
            _warn(f"unclosed transport {self!r}", ResourceWarning, source=self)
            self._close_now()


async def create_connection(protocol_factory: Callable[[], asyncio.BaseProtocol], host: str, port: int, *,
                            timeout: Optional[float] = None) -> tuple[StreamTransport, asyncio.BaseProtocol]:
    """Connects to host:port (a name is looked up by the runtime's resolver threads) and returns
    (transport, protocol) as loop.create_connection does. timeout (seconds) bounds the lookup
    and the connect (TimeoutError)."""
    return await _connect(protocol_factory, _format_addr(host, port), timeout)


async def create_unix_connection(protocol_factory: Callable[[], asyncio.BaseProtocol], path, *,
                                 timeout: Optional[float] = None) -> tuple[StreamTransport, asyncio.BaseProtocol]:
    """loop.create_unix_connection on uringnet: path is a socket file ("/run/app.sock") or an
    abstract name ("\\0name")."""
    return await _connect(protocol_factory, _unix_text(path), timeout)


async def _connect(protocol_factory, address: str, timeout: Optional[float]):
    loop = asyncio.get_running_loop()
    addr = address.encode()
    timeout_ms = -1 if timeout is None else max(0, int(timeout * 1000))
    handle = await _await_op(_lib.un_tcp_connect_submit, addr, timeout_ms, keep=addr, release=_close_handle)
    protocol = protocol_factory()
    waiter = loop.create_future()
    transport = StreamTransport(loop, handle, protocol, waiter=waiter)
    try:
        await waiter  # (connection_made has been called when this returns, as with asyncio's)
    except BaseException:
        transport.abort()
        raise
    return transport, protocol


async def open_connection(host: str, port: int, *, limit: int = 2 ** 16, timeout: Optional[float] = None
                          ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """asyncio.open_connection on uringnet: asyncio's own StreamReader and StreamWriter."""
    return await _open_streams(_format_addr(host, port), limit, timeout)


async def open_unix_connection(path, *, limit: int = 2 ** 16, timeout: Optional[float] = None
                               ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """asyncio.open_unix_connection on uringnet (path: a socket file, or "\\0name")."""
    return await _open_streams(_unix_text(path), limit, timeout)


async def _open_streams(address: str, limit: int, timeout: Optional[float]):
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=limit, loop=loop)
    protocol = asyncio.StreamReaderProtocol(reader, loop=loop)
    transport, _ = await _connect(lambda: protocol, address, timeout)
    writer = asyncio.StreamWriter(transport, protocol, reader, loop)
    return reader, writer


# ---- servers ----

class _ListenerAddress:
    """What Server.sockets lists: enough of a socket for getsockname() (and fileno() -1)."""

    def __init__(self, name):
        self._name = name

    def getsockname(self):
        return self._name

    def fileno(self) -> int:
        return -1

    def __repr__(self) -> str:
        return f"<uringnet listener {self._name!r}>"


class Server:
    """A listening stream socket, as asyncio.Server: close() stops accepting (the accepts in
    flight end) and closes the listener; connections already made stay open. Accepts are kept
    in flight while serving (the runtime accepts with one multishot accept)."""

    _ACCEPTS = 8

    def __init__(self, loop, listener: int, protocol_factory, start_serving: bool = True):
        self._loop = loop
        self._listener = listener
        self._factory = protocol_factory
        self._serving = False
        self._accepts = 0       # accepts in flight
        self._closed = None     # a future once close() was called: set when the listener closed
        self._transports = set()
        out = ctypes.create_string_buffer(128)
        code = _lib.un_socket_local_addr(listener, out, len(out))
        self._name = _parse_addr(out.value.decode()) if code >= 0 else None
        if start_serving:
            self._start()

    def _start(self) -> None:
        if self._serving or self._closed is not None:
            return
        self._serving = True
        while self._accepts < self._ACCEPTS:
            self._arm_accept()

    def _arm_accept(self) -> None:
        _router.submit(self._loop, self._accepted, None, _lib.un_tcp_accept_submit, self._listener, -1)
        self._accepts += 1

    def _accepted(self, result: int, _keep) -> None:
        self._accepts -= 1
        if not self._serving:
            if result >= 0:
                _close_handle(result)
            return
        if result >= 0:
            try:
                StreamTransport(self._loop, result, self._factory(), self)
            except BaseException as exc:
                _close_handle(result)
                self._loop.call_exception_handler({"message": "uringnet: the protocol factory failed",
                                                   "exception": exc})
            self._arm_accept()
        elif result == _NO_RESOURCES:  # out of fds: try again shortly, as asyncio does
            self._loop.call_later(0.1, self._rearm)
        elif result in (_CLOSED, _CANCELED, _SHUT_DOWN):  # the listener or the runtime is gone
            self._serving = False
        else:
            self._loop.call_exception_handler({"message": "uringnet: accept failed",
                                               "exception": error_from_code(result)})
            self._loop.call_later(0.1, self._rearm)

    def _rearm(self) -> None:
        if self._serving and self._accepts < self._ACCEPTS:
            self._arm_accept()

    def _attach(self, transport) -> None:
        self._transports.add(transport)

    def _detach(self, transport) -> None:
        self._transports.discard(transport)

    @property
    def sockets(self) -> list:
        return [] if self._closed is not None or self._name is None else [_ListenerAddress(self._name)]

    def get_loop(self):
        return self._loop

    def is_serving(self) -> bool:
        return self._serving

    async def start_serving(self) -> None:
        self._start()

    def close(self) -> None:
        if self._closed is not None:
            return
        self._serving = False
        self._closed = self._loop.create_future()
        closed = self._closed

        def done(_result, _keep):
            if not closed.done():
                closed.set_result(None)

        try:
            _router.submit(self._loop, done, None, _lib.un_tcp_listener_close_submit, self._listener)
        except BaseException:
            closed.set_result(None)

    async def wait_closed(self) -> None:
        if self._closed is not None:
            await asyncio.shield(self._closed)

    async def serve_forever(self) -> None:
        self._start()
        try:
            await self._loop.create_future()
        finally:
            self.close()
            await self.wait_closed()

    async def __aenter__(self) -> Server:
        return self

    async def __aexit__(self, *exc) -> None:
        self.close()
        await self.wait_closed()

    def __repr__(self) -> str:
        return f"<uringnet Server {self._name!r} serving={self._serving}>"


async def create_server(protocol_factory: Callable[[], asyncio.BaseProtocol], host: Optional[str] = None,
                        port: int = 0, *, backlog: int = 100, reuse_port: bool = False,
                        start_serving: bool = True) -> Server:
    """loop.create_server on uringnet: listens on host:port (host None: every IPv4 address;
    a name: its first address) and calls protocol_factory() for each connection."""
    from . import BindFlag
    flags = int(BindFlag.REUSE_PORT) if reuse_port else 0
    return await _listen(protocol_factory, _format_addr(host, port), backlog, flags, start_serving)


async def create_unix_server(protocol_factory: Callable[[], asyncio.BaseProtocol], path, *, backlog: int = 100,
                             unlink_stale: bool = False, start_serving: bool = True) -> Server:
    """loop.create_unix_server on uringnet: listens on a socket file ("/run/app.sock") or an
    abstract name ("\\0name"). A socket file left by a listener that is gone raises
    OSError(EADDRINUSE) unless unlink_stale (only a socket nobody answers on is removed)."""
    from . import BindFlag
    flags = int(BindFlag.UNLINK_STALE) if unlink_stale else 0
    return await _listen(protocol_factory, _unix_text(path), backlog, flags, start_serving)


async def _listen(protocol_factory, address: str, backlog: int, flags: int, start_serving: bool) -> Server:
    loop = asyncio.get_running_loop()
    _router.attach(loop)
    addr = address.encode()
    listener = await _await_op(_lib.un_tcp_listen_submit, addr, backlog, flags, keep=addr,
                               release=lambda h: _lib.un_tcp_listener_close_submit(h, 0))
    return Server(loop, listener, protocol_factory, start_serving)


async def start_server(client_connected_cb, host: Optional[str] = None, port: int = 0, *,
                       limit: int = 2 ** 16, **kwds) -> Server:
    """asyncio.start_server on uringnet: client_connected_cb(reader, writer) for each connection,
    with asyncio's own StreamReader and StreamWriter."""
    loop = asyncio.get_running_loop()

    def factory():
        reader = asyncio.StreamReader(limit=limit, loop=loop)
        return asyncio.StreamReaderProtocol(reader, client_connected_cb, loop=loop)

    return await create_server(factory, host, port, **kwds)


async def start_unix_server(client_connected_cb, path, *, limit: int = 2 ** 16, **kwds) -> Server:
    """asyncio.start_unix_server on uringnet: client_connected_cb(reader, writer) for each
    connection on the Unix socket path (see create_unix_server)."""
    loop = asyncio.get_running_loop()

    def factory():
        reader = asyncio.StreamReader(limit=limit, loop=loop)
        return asyncio.StreamReaderProtocol(reader, client_connected_cb, loop=loop)

    return await create_unix_server(factory, path, **kwds)


# ---- datagrams ----

class DatagramTransport(asyncio.DatagramTransport):
    """A UDP socket as an asyncio DatagramTransport: one receive in flight (datagram_received
    with the sender's address), sends submitted at once (get_write_buffer_size: bytes of sends
    not yet completed)."""

    def __init__(self, loop, handle: int, protocol: asyncio.DatagramProtocol, connected: bool):
        super().__init__()
        self._loop = loop
        self._handle = handle
        self._protocol = protocol
        self._connected = connected
        self._state = "open"
        self._buf = ctypes.create_string_buffer(_READ_SIZE)
        self._from = ctypes.create_string_buffer(128)
        self._write_size = 0
        self._waiter = loop.create_future()
        loop.call_soon(self._start)

    def _start(self) -> None:
        try:
            self._protocol.connection_made(self)
        finally:
            if not self._waiter.cancelled():
                self._waiter.set_result(None)
        self._arm_recv()

    def _arm_recv(self) -> None:
        if self._state != "open":
            return
        try:
            _router.submit(self._loop, self._received, None, _lib.un_udp_recv_from_submit, self._handle,
                           self._buf, _READ_SIZE, self._from, len(self._from), -1)
        except BaseException as exc:
            self._close_now(exc)

    def _received(self, result: int, _keep) -> None:
        if self._state != "open":
            return
        if result >= 0:
            self._protocol.datagram_received(ctypes.string_at(self._buf, result),
                                             _parse_addr(self._from.value.decode()))
        else:
            self._protocol.error_received(error_from_code(result))
        self._arm_recv()

    def sendto(self, data, addr=None) -> None:
        if self._state != "open":
            return
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data argument must be a bytes-like object, not {type(data).__name__}")
        if type(data) is not bytes:
            data = bytes(data)
        if addr is None or self._connected:
            if addr is None and not self._connected:
                raise ValueError("sendto: no address and no remote_addr")
            _router.submit(self._loop, self._sent, data, _lib.un_udp_send_submit, self._handle, data, len(data), -1)
        else:
            to = _addr_text(addr).encode()
            _router.submit(self._loop, self._sent, (data, to), _lib.un_udp_send_to_submit, self._handle,
                           data, len(data), to, -1)
        self._write_size += len(data)

    def _sent(self, result: int, keep) -> None:
        self._write_size -= len(keep[0] if isinstance(keep, tuple) else keep)
        if result < 0 and self._state == "open":
            self._protocol.error_received(error_from_code(result))

    def get_write_buffer_size(self) -> int:
        return self._write_size

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        if name == "uringnet_handle":
            return self._handle
        if name in ("peername", "sockname"):
            address = _address_info(self._handle, name)
            return default if address is None else address
        return default

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol) -> None:
        self._protocol = protocol

    def is_closing(self) -> bool:
        return self._state != "open"

    def close(self) -> None:
        if self._state == "open":
            self._close_now(None)

    def abort(self) -> None:
        self.close()

    def _close_now(self, exc) -> None:
        self._state = "closed"
        try:
            _router.submit(self._loop, self._closed, exc, _lib.un_udp_close_submit, self._handle)
        except BaseException:
            self._loop.call_soon(self._closed, 0, exc)

    def _closed(self, _result: int, exc) -> None:
        self._protocol.connection_lost(exc)


async def create_datagram_endpoint(protocol_factory: Callable[[], asyncio.DatagramProtocol],
                                   local_addr=None, remote_addr=None, *, reuse_port: bool = False
                                   ) -> tuple[DatagramTransport, asyncio.DatagramProtocol]:
    """loop.create_datagram_endpoint on uringnet: binds local_addr ((host, port), or a Unix
    socket path; default: any port of the remote's family, or 0.0.0.0), connects to remote_addr
    when given."""
    loop = asyncio.get_running_loop()
    _router.attach(loop)
    from . import BindFlag
    if local_addr is None:
        if isinstance(remote_addr, (str, bytes)):
            raise ValueError("a Unix datagram endpoint needs a local_addr (a path) to be answered")
        ipv6 = remote_addr is not None and ":" in remote_addr[0]
        local_addr = ("::" if ipv6 else "0.0.0.0", 0)
    addr = _addr_text(local_addr).encode()
    flags = int(BindFlag.REUSE_PORT) if reuse_port else 0
    handle = await _await_op(_lib.un_udp_bind_submit, addr, flags, keep=addr,
                             release=lambda h: _lib.un_udp_close_submit(h, 0))
    if remote_addr is not None:
        to = _addr_text(remote_addr).encode()
        try:
            await _await_op(_lib.un_udp_connect_submit, handle, to, keep=to)
        except BaseException:
            _lib.un_udp_close_submit(handle, 0)
            raise
    protocol = protocol_factory()
    transport = DatagramTransport(loop, handle, protocol, remote_addr is not None)
    try:
        await transport._waiter  # (connection_made has been called, as with asyncio's)
    except BaseException:
        transport.abort()
        raise
    return transport, protocol
