# Generated from api/net.json by codegen/generate.py (template python/uringnet.py.j2). Do not edit: change the spec or the template and run codegen/generate.py.
"""uringnet for Python: the C ABI through ctypes (standard library only).

    import uringnet
    with uringnet.Runtime():
        with uringnet.TcpListener.listen("127.0.0.1:0") as listener:
            with uringnet.TcpStream.connect(listener.local_addr()) as client:
                client.write(b"hello")

The library is found through URINGNET_LIB (a path), next to this file (where `pip install .`
puts it), or by the linker (liburingnet.so.0). At import the module checks that the library's ABI version and
spec checksum are the ones it was generated for.
"""
from __future__ import annotations

import ctypes
import enum
import math
import os
import threading
import time
from typing import Callable, Optional

ABI_VERSION = 1
SPEC_CHECKSUM = "33e3a62e29bec860"
VERSION = "0.1.0"


def _open_library() -> ctypes.CDLL:
    candidates = [os.environ.get("URINGNET_LIB"),
                  os.path.join(os.path.dirname(os.path.abspath(__file__)), "liburingnet.so"),
                  "liburingnet.so.0", "liburingnet.so"]
    errors = []
    for path in candidates:
        if not path:
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as exc:
            errors.append(f"{path}: {exc}")
    raise ImportError("uringnet: cannot load liburingnet (set URINGNET_LIB to its path): " + "; ".join(errors))


def _check_abi(lib) -> None:
    """Raises ImportError when lib was built from another ABI or spec than this module."""
    lib.un_abi_version.restype = ctypes.c_int64
    lib.un_spec_checksum.restype = ctypes.c_char_p
    abi = lib.un_abi_version()
    checksum = lib.un_spec_checksum().decode()
    if abi != ABI_VERSION or checksum != SPEC_CHECKSUM:
        raise ImportError(f"uringnet: this module was generated for ABI {ABI_VERSION} (spec {SPEC_CHECKSUM}) "
                          f"but the library has ABI {abi} (spec {checksum}); regenerate or install matching versions")


class Completion(ctypes.Structure):
    """One completed asynchronous operation (see Runtime.poll)."""
    _fields_ = [("op_id", ctypes.c_int64), ("user_data", ctypes.c_uint64), ("result", ctypes.c_int64),
                ("request", ctypes.c_int32), ("reserved", ctypes.c_int32)]

    def __repr__(self) -> str:
        return f"Completion(op_id={self.op_id}, user_data={self.user_data}, result={self.result}, request={self.request})"


_CompletionFn = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(Completion))
_callback_ref = None  # keeps the ctypes callback alive while the library may call it
# Callbacks replaced while a call of theirs may still run on a runtime thread: freed by the
# next change made outside a callback (which the library makes wait for running calls).
_retired_callbacks = []
_in_callback = threading.local()

_lib = _open_library()
_check_abi(_lib)
_lib.un_runtime_init.argtypes = []
_lib.un_runtime_init.restype = ctypes.c_int64
_lib.un_runtime_shutdown.argtypes = []
_lib.un_runtime_shutdown.restype = ctypes.c_int64
_lib.un_runtime_configure_entries.argtypes = [ctypes.c_int64]
_lib.un_runtime_configure_entries.restype = ctypes.c_int64
_lib.un_runtime_num_cores.argtypes = []
_lib.un_runtime_num_cores.restype = ctypes.c_int64
_lib.un_runtime_stats.argtypes = [ctypes.c_char_p, ctypes.c_uint32]
_lib.un_runtime_stats.restype = ctypes.c_int64
_lib.un_runtime_stats_submit.argtypes = [ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint64]
_lib.un_runtime_stats_submit.restype = ctypes.c_int64
_lib.un_runtime_configure_backend.argtypes = [ctypes.c_int32]
_lib.un_runtime_configure_backend.restype = ctypes.c_int64
_lib.un_runtime_configure_sqpoll.argtypes = [ctypes.c_bool]
_lib.un_runtime_configure_sqpoll.restype = ctypes.c_int64
_lib.un_runtime_backend.argtypes = [ctypes.c_char_p, ctypes.c_uint32]
_lib.un_runtime_backend.restype = ctypes.c_int64
_lib.un_runtime_backend_submit.argtypes = [ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint64]
_lib.un_runtime_backend_submit.restype = ctypes.c_int64
_lib.un_runtime_reset_stats.argtypes = []
_lib.un_runtime_reset_stats.restype = ctypes.c_int64
_lib.un_runtime_reset_stats_submit.argtypes = [ctypes.c_uint64]
_lib.un_runtime_reset_stats_submit.restype = ctypes.c_int64
_lib.un_runtime_configure_shards.argtypes = [ctypes.c_int64]
_lib.un_runtime_configure_shards.restype = ctypes.c_int64
_lib.un_runtime_configure_recv_buffers.argtypes = [ctypes.c_uint32, ctypes.c_uint32]
_lib.un_runtime_configure_recv_buffers.restype = ctypes.c_int64
_lib.un_runtime_configure_wake_signal.argtypes = [ctypes.c_int64]
_lib.un_runtime_configure_wake_signal.restype = ctypes.c_int64
_lib.un_runtime_configure_interruptible.argtypes = [ctypes.c_bool]
_lib.un_runtime_configure_interruptible.restype = ctypes.c_int64
_lib.un_runtime_configure_connect_delay.argtypes = [ctypes.c_int64]
_lib.un_runtime_configure_connect_delay.restype = ctypes.c_int64
_lib.un_timer.argtypes = [ctypes.c_int64]
_lib.un_timer.restype = ctypes.c_int64
_lib.un_timer_submit.argtypes = [ctypes.c_int64, ctypes.c_uint64]
_lib.un_timer_submit.restype = ctypes.c_int64
_lib.un_tcp_listen.argtypes = [ctypes.c_char_p, ctypes.c_int32, ctypes.c_uint32]
_lib.un_tcp_listen.restype = ctypes.c_int64
_lib.un_tcp_listen_submit.argtypes = [ctypes.c_char_p, ctypes.c_int32, ctypes.c_uint32, ctypes.c_uint64]
_lib.un_tcp_listen_submit.restype = ctypes.c_int64
_lib.un_tcp_accept.argtypes = [ctypes.c_int64, ctypes.c_int64]
_lib.un_tcp_accept.restype = ctypes.c_int64
_lib.un_tcp_accept_submit.argtypes = [ctypes.c_int64, ctypes.c_int64, ctypes.c_uint64]
_lib.un_tcp_accept_submit.restype = ctypes.c_int64
_lib.un_tcp_connect.argtypes = [ctypes.c_char_p, ctypes.c_int64]
_lib.un_tcp_connect.restype = ctypes.c_int64
_lib.un_tcp_connect_submit.argtypes = [ctypes.c_char_p, ctypes.c_int64, ctypes.c_uint64]
_lib.un_tcp_connect_submit.restype = ctypes.c_int64
_lib.un_tcp_read.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int64]
_lib.un_tcp_read.restype = ctypes.c_int64
_lib.un_tcp_read_submit.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int64, ctypes.c_uint64]
_lib.un_tcp_read_submit.restype = ctypes.c_int64
_lib.un_tcp_write.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int64]
_lib.un_tcp_write.restype = ctypes.c_int64
_lib.un_tcp_write_submit.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int64, ctypes.c_uint64]
_lib.un_tcp_write_submit.restype = ctypes.c_int64
_lib.un_tcp_close.argtypes = [ctypes.c_int64]
_lib.un_tcp_close.restype = ctypes.c_int64
_lib.un_tcp_close_submit.argtypes = [ctypes.c_int64, ctypes.c_uint64]
_lib.un_tcp_close_submit.restype = ctypes.c_int64
_lib.un_tcp_listener_close.argtypes = [ctypes.c_int64]
_lib.un_tcp_listener_close.restype = ctypes.c_int64
_lib.un_tcp_listener_close_submit.argtypes = [ctypes.c_int64, ctypes.c_uint64]
_lib.un_tcp_listener_close_submit.restype = ctypes.c_int64
_lib.un_socket_local_addr.argtypes = [ctypes.c_int64, ctypes.c_char_p, ctypes.c_uint32]
_lib.un_socket_local_addr.restype = ctypes.c_int64
_lib.un_socket_local_addr_submit.argtypes = [ctypes.c_int64, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint64]
_lib.un_socket_local_addr_submit.restype = ctypes.c_int64
_lib.un_tcp_flush.argtypes = [ctypes.c_int64]
_lib.un_tcp_flush.restype = ctypes.c_int64
_lib.un_tcp_flush_submit.argtypes = [ctypes.c_int64, ctypes.c_uint64]
_lib.un_tcp_flush_submit.restype = ctypes.c_int64
_lib.un_tcp_shutdown.argtypes = [ctypes.c_int64, ctypes.c_int32]
_lib.un_tcp_shutdown.restype = ctypes.c_int64
_lib.un_tcp_shutdown_submit.argtypes = [ctypes.c_int64, ctypes.c_int32, ctypes.c_uint64]
_lib.un_tcp_shutdown_submit.restype = ctypes.c_int64
_lib.un_socket_peer_addr.argtypes = [ctypes.c_int64, ctypes.c_char_p, ctypes.c_uint32]
_lib.un_socket_peer_addr.restype = ctypes.c_int64
_lib.un_socket_peer_addr_submit.argtypes = [ctypes.c_int64, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint64]
_lib.un_socket_peer_addr_submit.restype = ctypes.c_int64
_lib.un_socket_set_option.argtypes = [ctypes.c_int64, ctypes.c_int32, ctypes.c_int64]
_lib.un_socket_set_option.restype = ctypes.c_int64
_lib.un_socket_set_option_submit.argtypes = [ctypes.c_int64, ctypes.c_int32, ctypes.c_int64, ctypes.c_uint64]
_lib.un_socket_set_option_submit.restype = ctypes.c_int64
_lib.un_socket_get_option.argtypes = [ctypes.c_int64, ctypes.c_int32]
_lib.un_socket_get_option.restype = ctypes.c_int64
_lib.un_socket_get_option_submit.argtypes = [ctypes.c_int64, ctypes.c_int32, ctypes.c_uint64]
_lib.un_socket_get_option_submit.restype = ctypes.c_int64
_lib.un_socket_cancel.argtypes = [ctypes.c_int64]
_lib.un_socket_cancel.restype = ctypes.c_int64
_lib.un_socket_cancel_submit.argtypes = [ctypes.c_int64, ctypes.c_uint64]
_lib.un_socket_cancel_submit.restype = ctypes.c_int64
_lib.un_tcp_adopt_listener.argtypes = [ctypes.c_int32]
_lib.un_tcp_adopt_listener.restype = ctypes.c_int64
_lib.un_tcp_adopt_listener_submit.argtypes = [ctypes.c_int32, ctypes.c_uint64]
_lib.un_tcp_adopt_listener_submit.restype = ctypes.c_int64
_lib.un_tcp_adopt_stream.argtypes = [ctypes.c_int32]
_lib.un_tcp_adopt_stream.restype = ctypes.c_int64
_lib.un_tcp_adopt_stream_submit.argtypes = [ctypes.c_int32, ctypes.c_uint64]
_lib.un_tcp_adopt_stream_submit.restype = ctypes.c_int64
_lib.un_unix_send_fd.argtypes = [ctypes.c_int64, ctypes.c_int32, ctypes.c_int64]
_lib.un_unix_send_fd.restype = ctypes.c_int64
_lib.un_unix_send_fd_submit.argtypes = [ctypes.c_int64, ctypes.c_int32, ctypes.c_int64, ctypes.c_uint64]
_lib.un_unix_send_fd_submit.restype = ctypes.c_int64
_lib.un_unix_send_handle.argtypes = [ctypes.c_int64, ctypes.c_int64, ctypes.c_int64]
_lib.un_unix_send_handle.restype = ctypes.c_int64
_lib.un_unix_send_handle_submit.argtypes = [ctypes.c_int64, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint64]
_lib.un_unix_send_handle_submit.restype = ctypes.c_int64
_lib.un_unix_recv_fd.argtypes = [ctypes.c_int64, ctypes.c_int64]
_lib.un_unix_recv_fd.restype = ctypes.c_int64
_lib.un_unix_recv_fd_submit.argtypes = [ctypes.c_int64, ctypes.c_int64, ctypes.c_uint64]
_lib.un_unix_recv_fd_submit.restype = ctypes.c_int64
_lib.un_udp_bind.argtypes = [ctypes.c_char_p, ctypes.c_uint32]
_lib.un_udp_bind.restype = ctypes.c_int64
_lib.un_udp_bind_submit.argtypes = [ctypes.c_char_p, ctypes.c_uint32, ctypes.c_uint64]
_lib.un_udp_bind_submit.restype = ctypes.c_int64
_lib.un_udp_send_to.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int64]
_lib.un_udp_send_to.restype = ctypes.c_int64
_lib.un_udp_send_to_submit.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int64, ctypes.c_uint64]
_lib.un_udp_send_to_submit.restype = ctypes.c_int64
_lib.un_udp_recv_from.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_int64]
_lib.un_udp_recv_from.restype = ctypes.c_int64
_lib.un_udp_recv_from_submit.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_int64, ctypes.c_uint64]
_lib.un_udp_recv_from_submit.restype = ctypes.c_int64
_lib.un_udp_connect.argtypes = [ctypes.c_int64, ctypes.c_char_p]
_lib.un_udp_connect.restype = ctypes.c_int64
_lib.un_udp_connect_submit.argtypes = [ctypes.c_int64, ctypes.c_char_p, ctypes.c_uint64]
_lib.un_udp_connect_submit.restype = ctypes.c_int64
_lib.un_udp_send.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int64]
_lib.un_udp_send.restype = ctypes.c_int64
_lib.un_udp_send_submit.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int64, ctypes.c_uint64]
_lib.un_udp_send_submit.restype = ctypes.c_int64
_lib.un_udp_recv.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int64]
_lib.un_udp_recv.restype = ctypes.c_int64
_lib.un_udp_recv_submit.argtypes = [ctypes.c_int64, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int64, ctypes.c_uint64]
_lib.un_udp_recv_submit.restype = ctypes.c_int64
_lib.un_udp_close.argtypes = [ctypes.c_int64]
_lib.un_udp_close.restype = ctypes.c_int64
_lib.un_udp_close_submit.argtypes = [ctypes.c_int64, ctypes.c_uint64]
_lib.un_udp_close_submit.restype = ctypes.c_int64
_lib.un_udp_join_multicast.argtypes = [ctypes.c_int64, ctypes.c_char_p, ctypes.c_char_p]
_lib.un_udp_join_multicast.restype = ctypes.c_int64
_lib.un_udp_join_multicast_submit.argtypes = [ctypes.c_int64, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint64]
_lib.un_udp_join_multicast_submit.restype = ctypes.c_int64
_lib.un_udp_leave_multicast.argtypes = [ctypes.c_int64, ctypes.c_char_p, ctypes.c_char_p]
_lib.un_udp_leave_multicast.restype = ctypes.c_int64
_lib.un_udp_leave_multicast_submit.argtypes = [ctypes.c_int64, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint64]
_lib.un_udp_leave_multicast_submit.restype = ctypes.c_int64
_lib.un_udp_adopt.argtypes = [ctypes.c_int32]
_lib.un_udp_adopt.restype = ctypes.c_int64
_lib.un_udp_adopt_submit.argtypes = [ctypes.c_int32, ctypes.c_uint64]
_lib.un_udp_adopt_submit.restype = ctypes.c_int64
_lib.un_poll.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int64]
_lib.un_poll.restype = ctypes.c_int64
_lib.un_completion_fd.argtypes = []
_lib.un_completion_fd.restype = ctypes.c_int64
_lib.un_set_completion_callback.argtypes = [_CompletionFn, ctypes.c_void_p]
_lib.un_set_completion_callback.restype = ctypes.c_int64
_lib.un_op_cancel.argtypes = [ctypes.c_int64]
_lib.un_op_cancel.restype = ctypes.c_int64
_lib.un_batch_begin.argtypes = []
_lib.un_batch_begin.restype = ctypes.c_int64
_lib.un_batch_end.argtypes = []
_lib.un_batch_end.restype = ctypes.c_int64

# Buffers of asynchronous operations, kept alive until their completion is collected. A
# completion may be collected (by a callback or another thread's poll) before *_submit has
# recorded its buffers: its id waits in _done_early so the late record is dropped at once.
_in_flight = {}
_done_early = set()
_in_flight_lock = threading.Lock()


def _collected(completion):
    with _in_flight_lock:
        if _in_flight.pop(completion.op_id, None) is None:
            _done_early.add(completion.op_id)
    return completion


_scratch_local = threading.local()


def _take_scratch(n):
    """A buffer of at least n bytes for one blocking call of this thread, reused from call to
    call (no allocation and zero-filling of max_len bytes per read); _give_scratch returns it."""
    buf = getattr(_scratch_local, "buf", None)
    _scratch_local.buf = None  # (a call made meanwhile on this thread, by a signal handler, gets its own)
    if buf is None or len(buf) < n:
        buf = ctypes.create_string_buffer(max(n, 4096))
    return buf


def _give_scratch(buf):
    _scratch_local.buf = buf


def _record(op_id, keep):
    with _in_flight_lock:
        if op_id in _done_early:
            _done_early.discard(op_id)
        else:
            _in_flight[op_id] = keep


def _calling(fn):
    def call(_ctx, c):
        _in_callback.active = True
        try:
            fn(_collected(c.contents))
        finally:
            _in_callback.active = False
    return call
for _name in ("strerror", "error_name"):
    getattr(_lib, "un_" + _name).restype = ctypes.c_char_p
    getattr(_lib, "un_" + _name).argtypes = [ctypes.c_int64]
_lib.un_error_class.restype = ctypes.c_int64
_lib.un_error_class.argtypes = [ctypes.c_int64]


# ---- errors ----

class NetError(Exception):
    """A uringnet error code: .code (negative), .name ("CONNECTION_REFUSED"), .message."""

    def __init__(self, code: int):
        self.code = code
        self.name = _lib.un_error_name(code).decode()
        self.message = _lib.un_strerror(code).decode()
        super().__init__(f"{self.name} ({code}): {self.message}")


class GeneralError(NetError):
    """Class -1: general error."""

class RefusedError(NetError):
    """Class -2: connection refused or bind failed."""

class ResetError(NetError):
    """Class -3: connection reset by peer."""

class TimedOutError(NetError):
    """Class -4: operation timed out."""

class IoError(NetError):
    """Class -5: would block or I/O error."""

class NotConnectedError(NetError):
    """Class -6: socket is not connected."""

class AlreadyConnectedError(NetError):
    """Class -7: socket is already connected."""

class BadHandle(GeneralError):
    """-8: handle was never issued by this library or is malformed."""

class Closed(GeneralError):
    """-9: handle was already closed."""

class WrongKind(GeneralError):
    """-10: handle is of another kind than this operation takes."""

class WrongRuntime(GeneralError):
    """-11: handle belongs to a runtime instance that was shut down."""

class BadAddress(GeneralError):
    """-12: address is malformed: expected "ip:port", "[ipv6]:port", "host:port", "unix:/path" or "unix:@name"."""

class InvalidArgument(GeneralError):
    """-13: an argument is out of range or invalid."""

class NotInitialized(GeneralError):
    """-14: runtime is not running: call runtime_init first."""

class ShutDown(GeneralError):
    """-15: runtime was shut down."""

class AlreadyInitialized(GeneralError):
    """-16: runtime is already running."""

class Canceled(GeneralError):
    """-17: operation was canceled because its handle was closed."""

class WouldDeadlock(GeneralError):
    """-18: a blocking call was made on the runtime thread itself."""

class BufferTooSmall(GeneralError):
    """-19: output buffer is too small for the result."""

class ConnectionRefused(RefusedError):
    """-20: connection refused: nothing listens at that address (or no socket file at that path)."""

class AddressInUse(RefusedError):
    """-21: bind failed: address already in use."""

class AddressNotAvailable(RefusedError):
    """-22: bind failed: address not available on this machine."""

class PermissionDenied(RefusedError):
    """-23: permission denied."""

class HostUnreachable(RefusedError):
    """-24: host or network unreachable."""

class ConnectionAborted(ResetError):
    """-25: connection aborted."""

class BrokenPipe(ResetError):
    """-26: peer closed the connection while writing."""

class NoResources(GeneralError):
    """-27: out of file descriptors or memory (raise ulimit -n, or close handles)."""

class UnknownHost(GeneralError):
    """-28: host name could not be resolved."""

class Unsupported(GeneralError):
    """-29: operation not supported by this kernel or socket."""

class IoUringUnavailable(GeneralError):
    """-30: io_uring was forced but is refused here (seccomp, kernel.io_uring_disabled or an old kernel); runtime_backend tells why."""

class Truncated(IoError):
    """-31: datagram was larger than the buffer: the first max_len bytes were stored, the rest was dropped."""

class MessageTooLong(IoError):
    """-32: datagram is too long to send."""

class NoSuchInterface(GeneralError):
    """-33: no network interface of that name."""

class IoUringNoMemory(GeneralError):
    """-34: io_uring could not allocate its rings: raise the locked-memory limit (ulimit -l) or configure fewer ring entries."""

class WrongValueKind(GeneralError):
    """-35: a Simple RuntimeValue of another kind than the parameter takes (an int where text or an array is expected, nil, a float, or an array element that is not a byte)."""

class AbiMismatch(GeneralError):
    """-36: the loaded uringnet library has another ABI version or spec than the binding was generated for."""

class OpNotFound(GeneralError):
    """-37: no asynchronous operation with that id is in flight (it has completed, or never existed)."""

class RuntimeNotLinked(GeneralError):
    """-38: the Simple runtime's rt_* functions are not reachable: link the library together with Simple's runtime, or load it into a host that exports them."""

class Forked(GeneralError):
    """-39: this process is a fork of the one that started the runtime: the runtime belongs to the parent; call runtime_init for the child's own."""

class Interrupted(GeneralError):
    """-40: a signal of the host's interrupted the blocking call (runtime_configure_interruptible): nothing was read or accepted; call again after handling it."""

class EndOfStream(IoError):
    """-41: the stream ended before the bytes asked for arrived: those that did arrive stay for the next read."""

class NoFd(IoError):
    """-42: the byte read carried no file descriptor: the peer sent data where unix_recv_fd expected a descriptor (that byte is consumed)."""

_ERRORS = {
    -1: GeneralError,
    -2: RefusedError,
    -3: ResetError,
    -4: TimedOutError,
    -5: IoError,
    -6: NotConnectedError,
    -7: AlreadyConnectedError,
    -8: BadHandle,
    -9: Closed,
    -10: WrongKind,
    -11: WrongRuntime,
    -12: BadAddress,
    -13: InvalidArgument,
    -14: NotInitialized,
    -15: ShutDown,
    -16: AlreadyInitialized,
    -17: Canceled,
    -18: WouldDeadlock,
    -19: BufferTooSmall,
    -20: ConnectionRefused,
    -21: AddressInUse,
    -22: AddressNotAvailable,
    -23: PermissionDenied,
    -24: HostUnreachable,
    -25: ConnectionAborted,
    -26: BrokenPipe,
    -27: NoResources,
    -28: UnknownHost,
    -29: Unsupported,
    -30: IoUringUnavailable,
    -31: Truncated,
    -32: MessageTooLong,
    -33: NoSuchInterface,
    -34: IoUringNoMemory,
    -35: WrongValueKind,
    -36: AbiMismatch,
    -37: OpNotFound,
    -38: RuntimeNotLinked,
    -39: Forked,
    -40: Interrupted,
    -41: EndOfStream,
    -42: NoFd,
}


def _check(code: int, minimum: int = 0) -> int:
    """code, or the error it is: every error is below the call's smallest result (0 unless
    the spec says otherwise, e.g. -1 for an option that is off)."""
    if code < minimum:
        raise _ERRORS.get(code, NetError)(code)
    return code


_INTERRUPTED = -40


def _interruptible(fn, timeout_at, *args):
    """fn(*args), a blocking call that a signal may interrupt (INTERRUPTED: nothing was read or
    accepted): Python runs its signal handlers as the loop goes round (Ctrl-C's
    KeyboardInterrupt, or any handler that raises, ends the call there), then the call is made
    again with what is left of its timeout (args[timeout_at], unless None or negative)."""
    deadline = None
    if timeout_at is not None and args[timeout_at] >= 0:
        deadline = time.monotonic() + args[timeout_at] / 1000
    while True:
        result = fn(*args)
        if result != _INTERRUPTED:
            return result
        if deadline is not None:
            args = list(args)
            args[timeout_at] = max(0, math.ceil((deadline - time.monotonic()) * 1000))


# Blocking calls return INTERRUPTED when a signal interrupts them, so that Python's handlers run
# (the library's default, for C hosts, is to go on waiting).
_lib.un_runtime_configure_interruptible(True)


def _load_native():
    """The C extension _uringnet_native (the blocking operations without ctypes' cost per call,
    the GIL released while they wait), bound to the library loaded above; None where it is not
    built (no python3-dev), is for another spec, or URINGNET_NO_NATIVE is set: ctypes then."""
    if os.environ.get("URINGNET_NO_NATIVE"):
        return None
    try:
        from . import _uringnet_native as native  # inside the installed package
    except ImportError:
        try:
            import _uringnet_native as native  # a build tree's (build/*/python on PYTHONPATH)
        except ImportError:
            return None
    if getattr(native, "SPEC_CHECKSUM", None) != SPEC_CHECKSUM:
        import warnings
        warnings.warn(f"uringnet: {native.__file__} was built from another spec; using ctypes", RuntimeWarning)
        return None
    native.bind({name: ctypes.cast(getattr(_lib, name), ctypes.c_void_p).value for name in native.NAMES})
    return native


_native = _load_native()
NATIVE = _native is not None  # whether the blocking calls go through the C extension


# ---- request numbers, as completions report them ----
REQUEST_RUNTIME_INIT = 1
REQUEST_RUNTIME_SHUTDOWN = 2
REQUEST_RUNTIME_CONFIGURE_ENTRIES = 3
REQUEST_RUNTIME_NUM_CORES = 4
REQUEST_RUNTIME_STATS = 5
REQUEST_RUNTIME_CONFIGURE_BACKEND = 6
REQUEST_RUNTIME_CONFIGURE_SQPOLL = 7
REQUEST_RUNTIME_BACKEND = 8
REQUEST_RUNTIME_RESET_STATS = 9
REQUEST_RUNTIME_CONFIGURE_SHARDS = 30
REQUEST_RUNTIME_CONFIGURE_RECV_BUFFERS = 66
REQUEST_RUNTIME_CONFIGURE_WAKE_SIGNAL = 67
REQUEST_RUNTIME_CONFIGURE_INTERRUPTIBLE = 68
REQUEST_RUNTIME_CONFIGURE_CONNECT_DELAY = 70
REQUEST_TIMER = 69
REQUEST_TCP_LISTEN = 10
REQUEST_TCP_ACCEPT = 11
REQUEST_TCP_CONNECT = 12
REQUEST_TCP_READ = 13
REQUEST_TCP_WRITE = 14
REQUEST_TCP_CLOSE = 15
REQUEST_TCP_LISTENER_CLOSE = 16
REQUEST_SOCKET_LOCAL_ADDR = 17
REQUEST_TCP_FLUSH = 18
REQUEST_TCP_SHUTDOWN = 19
REQUEST_SOCKET_PEER_ADDR = 20
REQUEST_SOCKET_SET_OPTION = 21
REQUEST_SOCKET_GET_OPTION = 22
REQUEST_SOCKET_CANCEL = 23
REQUEST_TCP_ADOPT_LISTENER = 24
REQUEST_TCP_ADOPT_STREAM = 25
REQUEST_UNIX_SEND_FD = 71
REQUEST_UNIX_SEND_HANDLE = 72
REQUEST_UNIX_RECV_FD = 73
REQUEST_UDP_BIND = 40
REQUEST_UDP_SEND_TO = 41
REQUEST_UDP_RECV_FROM = 42
REQUEST_UDP_CONNECT = 43
REQUEST_UDP_SEND = 44
REQUEST_UDP_RECV = 45
REQUEST_UDP_CLOSE = 46
REQUEST_UDP_JOIN_MULTICAST = 47
REQUEST_UDP_LEAVE_MULTICAST = 48
REQUEST_UDP_ADOPT = 49
REQUEST_POLL = 60
REQUEST_COMPLETION_FD = 61
REQUEST_SET_COMPLETION_CALLBACK = 62
REQUEST_OP_CANCEL = 63
REQUEST_BATCH_BEGIN = 64
REQUEST_BATCH_END = 65


# ---- enumerations ----

class Backend(enum.IntEnum):
    """The kernel interface a runtime uses."""
    AUTO = 0
    IO_URING = 1
    EPOLL = 2

class ShutdownHow(enum.IntEnum):
    """Which direction of a stream tcp_shutdown closes."""
    READ = 0
    WRITE = 1
    BOTH = 2

class SocketOption(enum.IntEnum):
    """Options read and written with socket_get_option and socket_set_option."""
    NODELAY = 1
    KEEPALIVE = 2
    RECV_BUFFER = 3
    SEND_BUFFER = 4
    LINGER = 5
    TTL = 6
    REUSE_ADDRESS = 7
    REUSE_PORT = 8
    BROADCAST = 9
    MULTICAST_TTL = 10
    MULTICAST_LOOP = 11
    READ_TIMEOUT = 12
    WRITE_TIMEOUT = 13
    PEER_PID = 14
    PEER_UID = 15
    PEER_GID = 16

class Timeout(enum.IntEnum):
    """Special values of a timeout_ms parameter."""
    FOREVER = -1
    FROM_OPTION = -2

class BindFlag(enum.IntEnum):
    """Flags for tcp_listen and udp_bind, or-ed together."""
    REUSE_PORT = 1
    V6_ONLY = 2
    UNLINK_STALE = 4


class _Handle:
    """A handle; closes itself at the end of a with block."""

    def __init__(self, handle: int):
        self._handle = handle

    @property
    def handle(self) -> int:
        return self._handle

    def __enter__(self) -> _Handle:
        return self

    def __exit__(self, *exc) -> bool:
        try:
            self.close()
        except (Closed, ShutDown, WrongRuntime):
            pass
        return False

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._handle:#x})"



class Runtime:
    """The runtime: runtime_init on entering a with block, runtime_shutdown on leaving it."""

    def __enter__(self) -> Runtime:
        Runtime.init()
        return self

    def __exit__(self, *exc) -> bool:
        Runtime.shutdown()
        return False

    @staticmethod
    def init() -> None:
        """Start the runtime: one thread with its own io_uring of the configured number of entries, or epoll where io_uring is refused (see runtime_configure_backend and the URINGNET_BACKEND environment variable: auto, io_uring or epoll). Handles issued by an earlier, shut-down runtime are rejected with WRONG_RUNTIME. In a child made by fork() while a runtime ran, every call answers FORKED (the runtime's threads are the parent's) until runtime_init starts the child's own runtime; runtime_shutdown there lets go of the parent's and returns 0. The parent is unaffected.

        Raises: AlreadyInitialized (-16), IoUringUnavailable (-30), IoUringNoMemory (-34), NoResources (-27), InvalidArgument (-13), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.runtime_init()
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_init())
        return None

    @staticmethod
    def shutdown() -> None:
        """Stop the runtime: every operation still in flight completes with SHUT_DOWN, every handle is closed and the thread is joined. Later calls return SHUT_DOWN until runtime_init is called again.

        Raises: NotInitialized (-14), ShutDown (-15), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.runtime_shutdown()
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_shutdown())
        return None

    @staticmethod
    def configure_entries(entries: int) -> None:
        """Set the number of io_uring submission entries used by the next runtime_init (1..32768; the kernel rounds up to a power of two, and rings smaller than 4 are raised to 4 because a linked timeout needs two entries submitted together).

        Raises: InvalidArgument (-13).
        """
        if _native is not None:
            r = _native.runtime_configure_entries(entries)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_configure_entries(entries))
        return None

    @staticmethod
    def num_cores() -> int:
        """Number of CPU cores this process may run on.

        Raises: nothing.
        """
        if _native is not None:
            r = _native.runtime_num_cores()
            if r < 0:
                _check(r)
            return r
        result = _check(_lib.un_runtime_num_cores())
        return result

    @staticmethod
    def stats() -> str:
        """Write the runtime's statistics as a JSON object into a caller's buffer, NUL-terminated: the backend and why it was chosen, the shard count, whether zero-copy sends, registered files, multishot accept and multishot receive are in use, the bytes of each shard's receive buffer ring (recv_ring_bytes), wake_signal (always 0: the library sends no signal) and whether blocking reads wait inside recv (reads_wait_in_recv: io_uring), and for each shard and in total the requests, completions, errors (calls a calling thread finished itself included), bytes read and written, accepts, connects, operations in flight (in_flight: blocking calls waiting on their own threads and calls waiting their turn in a stream's line included), open handles, wake-ups, submit calls, submission entries, the largest batch taken at once, connections handed to another shard, zero-copy sends, registered files, connections delivered by multishot accepts, chunks delivered by multishot receives, multishot receives ended because the buffer ring was empty (buffer_ring_empty; re-armed when a read waits), reads and writes the calling threads completed themselves (fast_reads, fast_writes), and how many of those waited on their calling thread for data or buffer space (caller_waits; a read that waits inside recv is counted when it enters recv).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BufferTooSmall (-19), InvalidArgument (-13).
        """
        if _native is not None:
            r = _native.runtime_stats()
            if type(r) is int:
                _check(r)
            return r[1]
        out_buf = ctypes.create_string_buffer(65536)
        result = _check(_lib.un_runtime_stats(out_buf, len(out_buf)))
        return out_buf.value.decode()

    @staticmethod
    def stats_submit(user_data: int = 0) -> tuple[int, ctypes.Array[ctypes.c_char]]:
        """Asynchronous stats: returns the operation id and the buffer the result will be in at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Write the runtime's statistics as a JSON object into a caller's buffer, NUL-terminated: the backend and why it was chosen, the shard count, whether zero-copy sends, registered files, multishot accept and multishot receive are in use, the bytes of each shard's receive buffer ring (recv_ring_bytes), wake_signal (always 0: the library sends no signal) and whether blocking reads wait inside recv (reads_wait_in_recv: io_uring), and for each shard and in total the requests, completions, errors (calls a calling thread finished itself included), bytes read and written, accepts, connects, operations in flight (in_flight: blocking calls waiting on their own threads and calls waiting their turn in a stream's line included), open handles, wake-ups, submit calls, submission entries, the largest batch taken at once, connections handed to another shard, zero-copy sends, registered files, connections delivered by multishot accepts, chunks delivered by multishot receives, multishot receives ended because the buffer ring was empty (buffer_ring_empty; re-armed when a read waits), reads and writes the calling threads completed themselves (fast_reads, fast_writes), and how many of those waited on their calling thread for data or buffer space (caller_waits; a read that waits inside recv is counted when it enters recv)."""
        out_buf = ctypes.create_string_buffer(65536)
        op_id = _check(_lib.un_runtime_stats_submit(out_buf, len(out_buf), user_data))
        _record(op_id, (out_buf,))
        return (op_id, out_buf)

    @staticmethod
    def configure_backend(backend: int) -> None:
        """Choose the kernel interface for the next runtime_init: auto (default), io_uring or epoll. A choice other than auto overrides the URINGNET_BACKEND environment variable.

        Raises: InvalidArgument (-13).
        """
        if _native is not None:
            r = _native.runtime_configure_backend(backend)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_configure_backend(backend))
        return None

    @staticmethod
    def configure_sqpoll(on: bool) -> None:
        """Turn io_uring's kernel submission-queue polling thread (SQPOLL) on or off for the next runtime_init. Off by default: it keeps a core busy.

        Raises: nothing.
        """
        if _native is not None:
            r = _native.runtime_configure_sqpoll(on)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_configure_sqpoll(on))
        return None

    @staticmethod
    def backend() -> tuple[int, str]:
        """Which kernel interface the running runtime uses, and why it was chosen (written into out as text, NUL-terminated; out may be NULL with out_len 0).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BufferTooSmall (-19), InvalidArgument (-13), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.runtime_backend()
            if type(r) is int:
                _check(r)
            return r
        out_buf = ctypes.create_string_buffer(512)
        result = _check(_lib.un_runtime_backend(out_buf, len(out_buf)))
        return result, out_buf.value.decode()

    @staticmethod
    def backend_submit(user_data: int = 0) -> tuple[int, ctypes.Array[ctypes.c_char]]:
        """Asynchronous backend: returns the operation id and the buffer the result will be in at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Which kernel interface the running runtime uses, and why it was chosen (written into out as text, NUL-terminated; out may be NULL with out_len 0)."""
        out_buf = ctypes.create_string_buffer(512)
        op_id = _check(_lib.un_runtime_backend_submit(out_buf, len(out_buf), user_data))
        _record(op_id, (out_buf,))
        return (op_id, out_buf)

    @staticmethod
    def reset_stats() -> None:
        """Set the runtime's counters (requests, completions, errors, bytes, accepts, connects, wake-ups, submit calls) back to zero; gauges (in flight, open handles) keep their values.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39).
        """
        if _native is not None:
            r = _native.runtime_reset_stats()
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_reset_stats())
        return None

    @staticmethod
    def reset_stats_submit(user_data: int = 0) -> int:
        """Asynchronous reset_stats: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Set the runtime's counters (requests, completions, errors, bytes, accepts, connects, wake-ups, submit calls) back to zero; gauges (in flight, open handles) keep their values."""
        op_id = _check(_lib.un_runtime_reset_stats_submit(user_data))
        _record(op_id, ())
        return op_id

    @staticmethod
    def configure_shards(shards: int) -> None:
        """Set the number of shards for the next runtime_init: each shard is a thread with its own ring (or epoll) and its own handles, and new connections, listeners and sockets go to the least-loaded shard (accepted connections too). 1 (the default) up to the number of cores.

        Raises: InvalidArgument (-13).
        """
        if _native is not None:
            r = _native.runtime_configure_shards(shards)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_configure_shards(shards))
        return None

    @staticmethod
    def configure_recv_buffers(count: int, size: int) -> None:
        """Set the receive buffer ring each shard of the next runtime_init registers for multishot receive (io_uring, Linux 6.0+; streams read with tcp_read_submit): count buffers of size bytes. The kernel picks a buffer for each chunk it receives and the runtime copies the chunk out and gives the buffer back before the next completion, so the ring only has to absorb what arrives between two of the runtime's turns; when the kernel fills every buffer first, the receive ends (buffer_ring_empty in the statistics) and is armed again once a read waits. The default, 64 buffers of 32 KiB, keeps bulk transfers near a plain receive's cost; memory is count * size per shard, touched only as the kernel fills it.

        Raises: InvalidArgument (-13).
        """
        if _native is not None:
            r = _native.runtime_configure_recv_buffers(count, size)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_configure_recv_buffers(count, size))
        return None

    @staticmethod
    def configure_wake_signal(signal: int) -> None:
        """Kept for compatibility: the library no longer sends any signal, so the value (0 or a real-time signal, SIGRTMIN..SIGRTMAX) is checked and has no effect. A blocking tcp_read on the io_uring backend sleeps in recv itself, as a read on a plain blocking socket does (one system call per read), for at most 300 ms (the socket's SO_RCVTIMEO, or the read's timeout when that is nearer); close and runtime_shutdown end it at once by shutting the socket for reading, and socket_cancel or a later call on the stream that needs it to hand over is seen when those 300 ms end. A read whose data has not come by then waits on in ppoll on the socket and a per-thread eventfd, which every one of them ends at once. No signal of the library's can interrupt a host's signal handler or system call, and a host may install or block any signal at any time.

        Raises: InvalidArgument (-13).
        """
        if _native is not None:
            r = _native.runtime_configure_wake_signal(signal)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_configure_wake_signal(signal))
        return None

    @staticmethod
    def configure_interruptible(on: bool) -> None:
        """Choose whether a blocking call that a signal of the host's interrupts returns INTERRUPTED (on) or goes on waiting (off, the default). Process-wide, and it takes effect at once. With it on, a host whose signal handlers only set a flag (CPython, most language runtimes) gets control back while a read, write, accept, connect or receive waits: nothing was read or accepted when INTERRUPTED is returned (a call that completed meanwhile returns its result instead), and a write that had sent part of its bytes returns how many (a short write, as write(2) does). The host runs its handlers and calls again. As with any blocking system call, a signal that arrives while the call is between two system calls of its wait (just before it starts to wait, or as its 300 ms inside recv end) is not seen by that wait (a host that checks its own flag before each call sees it at its next call). The Python binding turns it on and retries, so Ctrl-C raises KeyboardInterrupt during any blocking call.

        Raises: nothing.
        """
        if _native is not None:
            r = _native.runtime_configure_interruptible(on)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_configure_interruptible(on))
        return None

    @staticmethod
    def configure_connect_delay(delay_ms: int) -> None:
        """Set the connect delay of tcp_connect to a host name with several addresses (Happy Eyeballs, RFC 8305): how long an attempt may go on without connecting before the next address is tried beside it. Process-wide; it applies to connects that start after the call. The default is 250 ms, the RFC's recommendation.

        Raises: InvalidArgument (-13).
        """
        if _native is not None:
            r = _native.runtime_configure_connect_delay(delay_ms)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_runtime_configure_connect_delay(delay_ms))
        return None

    @staticmethod
    def timer(timeout_ms: int = -1) -> None:
        """Wait timeout_ms milliseconds on the runtime thread and complete with 0: a timer. The runtime keeps it in the kernel (io_uring's TIMEOUT) or in the epoll backend's own deadline list, so any number of timers cost no thread. timer_submit is the asynchronous timer: its completion comes when the time is up, and op_cancel ends it early with CANCELED. 0 completes at once; a negative value (or one too large to be a deadline in nanoseconds) waits until the timer is cancelled or interrupted, or the runtime shuts down.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), WouldDeadlock (-18), Interrupted (-40).
        """
        if _native is not None:
            r = _native.timer(timeout_ms)
            if r < 0:
                _check(r)
            return None
        result = _check(_interruptible(_lib.un_timer, 0, timeout_ms))
        return None

    @staticmethod
    def timer_submit(timeout_ms: int = -1, user_data: int = 0) -> int:
        """Asynchronous timer: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Wait timeout_ms milliseconds on the runtime thread and complete with 0: a timer. The runtime keeps it in the kernel (io_uring's TIMEOUT) or in the epoll backend's own deadline list, so any number of timers cost no thread. timer_submit is the asynchronous timer: its completion comes when the time is up, and op_cancel ends it early with CANCELED. 0 completes at once; a negative value (or one too large to be a deadline in nanoseconds) waits until the timer is cancelled or interrupted, or the runtime shuts down."""
        op_id = _check(_lib.un_timer_submit(timeout_ms, user_data))
        _record(op_id, ())
        return op_id

    @staticmethod
    def poll(max: int = 64, timeout_ms: int = -1) -> list[Completion]:
        """Collect completions of asynchronous operations (the *_submit functions) into out, waiting up to timeout_ms for the first one. Completions queue up until collected; after a shutdown the remaining ones can still be collected.

        Raises: NotInitialized (-14), Forked (-39), InvalidArgument (-13), WouldDeadlock (-18).
        """
        out_buf = (Completion * max)()
        result = _check(_lib.un_poll(out_buf, len(out_buf), timeout_ms))
        return [_collected(c) for c in out_buf[:result]]

    @staticmethod
    def completion_fd() -> int:
        """A file descriptor (eventfd) that is readable while completions wait to be collected, for a host's own event loop (epoll, poll, select): when it is readable, call poll with timeout 0. The library owns it; do not close it.

        Raises: NoResources (-27).
        """
        if _native is not None:
            r = _native.completion_fd()
            if r < 0:
                _check(r)
            return r
        result = _check(_lib.un_completion_fd())
        return result

    @staticmethod
    def set_completion_callback(callback: Optional[Callable[[object, Completion], None]], ctx: object = None) -> None:
        """Deliver completions by calling callback(ctx, completion) on the runtime thread instead of queueing them for poll; NULL goes back to queueing. When it returns, the previous callback is never called again and no call of it is still running, so its ctx may be freed; called from inside a callback it does not wait, and calls already running on other shards may still finish with the previous ctx. A callback may submit new operations and change the callback, but must not make blocking calls (they return WOULD_DEADLOCK), must not wait for a thread that is changing the callback, and should return quickly.

        Raises: nothing.
        """
        global _callback_ref
        if _callback_ref is not None:
            _retired_callbacks.append(_callback_ref)  # a running call may still use it
        _callback_ref = _CompletionFn(_calling(callback)) if callback else _CompletionFn()
        inside = getattr(_in_callback, "active", False)
        result = _check(_lib.un_set_completion_callback(_callback_ref, ctx))
        if not inside:  # the library waited for every running call: no retired one is in use
            _retired_callbacks.clear()
        return None

    @staticmethod
    def op_cancel(op_id: int) -> None:
        """Cancel one asynchronous operation by the id its *_submit function returned; it completes with CANCELED (unless it completed first).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), OpNotFound (-37), InvalidArgument (-13).
        """
        if _native is not None:
            r = _native.op_cancel(op_id)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_op_cancel(op_id))
        return None

    @staticmethod
    def batch_begin() -> None:
        """Start collecting this thread's *_submit calls instead of posting them one by one; batch_end posts them together, with at most one wake-up of the runtime thread and one kernel submit. The calls keep their order: a blocking call this thread makes before batch_end first posts what the batch holds, and a batch left open when the thread exits, or whose runtime shuts down, completes each of its submissions with SHUT_DOWN.

        Raises: InvalidArgument (-13).
        """
        if _native is not None:
            r = _native.batch_begin()
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_batch_begin())
        return None

    @staticmethod
    def batch_end() -> int:
        """Post every operation this thread submitted since batch_begin, together.

        Raises: InvalidArgument (-13).
        """
        if _native is not None:
            r = _native.batch_end()
            if r < 0:
                _check(r)
            return r
        result = _check(_lib.un_batch_end())
        return result


class TcpListener(_Handle):
    """A listening TCP socket; accept on it as many times as you like."""

    @classmethod
    def listen(cls, addr: str, backlog: int = 0, flags: int = 0) -> TcpListener:
        """Bind a TCP socket to addr ("127.0.0.1:8080", "[::1]:0", "localhost:9000"; port 0 picks a free port) with SO_REUSEADDR and listen on it. A host name binds the first of its addresses that can be bound, IPv4 ones first ("localhost" binds 127.0.0.1); when none can, the error is the first address's. A Unix address ("unix:/run/app.sock", or "unix:@name" in the abstract namespace, which has no file) makes a Unix stream listener whose streams are the same handles with the same operations; SO_REUSEADDR and SO_REUSEPORT are never set on it. A socket file left at the path by a listener that is gone gives ADDRESS_IN_USE unless flags has UNLINK_STALE; closing the listener does not remove its file.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadAddress (-12), InvalidArgument (-13), UnknownHost (-28), AddressInUse (-21), AddressNotAvailable (-22), PermissionDenied (-23), Unsupported (-29), NoResources (-27), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.tcp_listen(addr, backlog, flags)
            return TcpListener(_check(r))
        result = _check(_lib.un_tcp_listen(addr.encode(), backlog, flags))
        return TcpListener(result)

    @classmethod
    def listen_submit(cls, addr: str, backlog: int = 0, flags: int = 0, user_data: int = 0) -> int:
        """Asynchronous listen: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback) whose result is the new handle. Bind a TCP socket to addr ("127.0.0.1:8080", "[::1]:0", "localhost:9000"; port 0 picks a free port) with SO_REUSEADDR and listen on it. A host name binds the first of its addresses that can be bound, IPv4 ones first ("localhost" binds 127.0.0.1); when none can, the error is the first address's. A Unix address ("unix:/run/app.sock", or "unix:@name" in the abstract namespace, which has no file) makes a Unix stream listener whose streams are the same handles with the same operations; SO_REUSEADDR and SO_REUSEPORT are never set on it. A socket file left at the path by a listener that is gone gives ADDRESS_IN_USE unless flags has UNLINK_STALE; closing the listener does not remove its file."""
        addr_b = addr.encode()
        op_id = _check(_lib.un_tcp_listen_submit(addr_b, backlog, flags, user_data))
        _record(op_id, (addr_b,))
        return op_id

    def accept(self, timeout_ms: int = -1) -> TcpStream:
        """Wait for the next connection on a listener and return it as a new stream. The listener stays open; call again for the next connection.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), Canceled (-17), TimedOutError (-4), NoResources (-27), ConnectionAborted (-25), WouldDeadlock (-18), Interrupted (-40).
        """
        if _native is not None:
            r = _native.tcp_accept(self._handle, timeout_ms)
            return TcpStream(_check(r))
        result = _check(_interruptible(_lib.un_tcp_accept, 1, self._handle, timeout_ms))
        return TcpStream(result)

    def accept_submit(self, timeout_ms: int = -1, user_data: int = 0) -> int:
        """Asynchronous accept: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback) whose result is the new handle. Wait for the next connection on a listener and return it as a new stream. The listener stays open; call again for the next connection."""
        op_id = _check(_lib.un_tcp_accept_submit(self._handle, timeout_ms, user_data))
        _record(op_id, ())
        return op_id

    def close(self) -> None:
        """Close a listener. Accepts in flight on it complete with CANCELED; the handle then answers CLOSED. When the close completes, the socket is closed and its port can be bound again.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11).
        """
        if _native is not None:
            r = _native.tcp_listener_close(self._handle)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_tcp_listener_close(self._handle))
        return None

    def close_submit(self, user_data: int = 0) -> int:
        """Asynchronous close: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Close a listener. Accepts in flight on it complete with CANCELED; the handle then answers CLOSED. When the close completes, the socket is closed and its port can be bound again."""
        op_id = _check(_lib.un_tcp_listener_close_submit(self._handle, user_data))
        _record(op_id, ())
        return op_id

    def local_addr(self) -> str:
        """Write the local address of any handle ("127.0.0.1:40123", "[::1]:40123", "unix:/run/app.sock"; empty for an unbound Unix socket) into out, NUL-terminated; useful after binding port 0.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11), BufferTooSmall (-19), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_local_addr(self._handle)
            if type(r) is int:
                _check(r)
            return r[1]
        out_buf = ctypes.create_string_buffer(512)
        result = _check(_lib.un_socket_local_addr(self._handle, out_buf, len(out_buf)))
        return out_buf.value.decode()

    def local_addr_submit(self, user_data: int = 0) -> tuple[int, ctypes.Array[ctypes.c_char]]:
        """Asynchronous local_addr: returns the operation id and the buffer the result will be in at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Write the local address of any handle ("127.0.0.1:40123", "[::1]:40123", "unix:/run/app.sock"; empty for an unbound Unix socket) into out, NUL-terminated; useful after binding port 0."""
        out_buf = ctypes.create_string_buffer(512)
        op_id = _check(_lib.un_socket_local_addr_submit(self._handle, out_buf, len(out_buf), user_data))
        _record(op_id, (out_buf,))
        return (op_id, out_buf)

    def set_option(self, option: int, value: int) -> None:
        """Set a socket option (see socket_option) on any handle.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11), InvalidArgument (-13), Unsupported (-29), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_set_option(self._handle, option, value)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_socket_set_option(self._handle, option, value))
        return None

    def set_option_submit(self, option: int, value: int, user_data: int = 0) -> int:
        """Asynchronous set_option: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Set a socket option (see socket_option) on any handle."""
        op_id = _check(_lib.un_socket_set_option_submit(self._handle, option, value, user_data))
        _record(op_id, ())
        return op_id

    def get_option(self, option: int) -> int:
        """Read a socket option (see socket_option) of any handle.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11), InvalidArgument (-13), Unsupported (-29), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_get_option(self._handle, option)
            if r < -1:
                _check(r, -1)
            return r
        result = _check(_lib.un_socket_get_option(self._handle, option), -1)
        return result

    def get_option_submit(self, option: int, user_data: int = 0) -> int:
        """Asynchronous get_option: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Read a socket option (see socket_option) of any handle."""
        op_id = _check(_lib.un_socket_get_option_submit(self._handle, option, user_data))
        _record(op_id, ())
        return op_id

    def cancel(self) -> int:
        """Cancel every operation in flight on a handle: each completes with CANCELED; the handle stays open and usable. A blocking read waiting inside recv on its calling thread sees the cancel within 300 ms (its time inside recv is that short); every other wait ends at once.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11).
        """
        if _native is not None:
            r = _native.socket_cancel(self._handle)
            if r < 0:
                _check(r)
            return r
        result = _check(_lib.un_socket_cancel(self._handle))
        return result

    def cancel_submit(self, user_data: int = 0) -> int:
        """Asynchronous cancel: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Cancel every operation in flight on a handle: each completes with CANCELED; the handle stays open and usable. A blocking read waiting inside recv on its calling thread sees the cancel within 300 ms (its time inside recv is that short); every other wait ends at once."""
        op_id = _check(_lib.un_socket_cancel_submit(self._handle, user_data))
        _record(op_id, ())
        return op_id

    @classmethod
    def adopt_listener(cls, fd: int) -> TcpListener:
        """Take over a listening TCP socket the caller made (socket, bind, listen: for example one a language runtime opened itself, or one inherited from a service manager) as a listener handle: accept and every other listener call work on it. The fd must be an open IPv4 or IPv6 stream socket that is listening (checked with SO_DOMAIN, SO_TYPE and SO_ACCEPTCONN; anything else is WRONG_KIND, an fd that is not open INVALID_ARGUMENT). On success the handle owns the fd: closing the handle closes it, and the caller must neither use nor close the fd any more. On failure the fd is left as it was, still the caller's. The library sets the fd's O_NONBLOCK to what its backend uses and FD_CLOEXEC. An fd that already belongs to a handle of this runtime is refused (INVALID_ARGUMENT).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), InvalidArgument (-13), WrongKind (-10), NoResources (-27), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.tcp_adopt_listener(fd)
            return TcpListener(_check(r))
        result = _check(_lib.un_tcp_adopt_listener(fd))
        return TcpListener(result)

    @classmethod
    def adopt_listener_submit(cls, fd: int, user_data: int = 0) -> int:
        """Asynchronous adopt_listener: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback) whose result is the new handle. Take over a listening TCP socket the caller made (socket, bind, listen: for example one a language runtime opened itself, or one inherited from a service manager) as a listener handle: accept and every other listener call work on it. The fd must be an open IPv4 or IPv6 stream socket that is listening (checked with SO_DOMAIN, SO_TYPE and SO_ACCEPTCONN; anything else is WRONG_KIND, an fd that is not open INVALID_ARGUMENT). On success the handle owns the fd: closing the handle closes it, and the caller must neither use nor close the fd any more. On failure the fd is left as it was, still the caller's. The library sets the fd's O_NONBLOCK to what its backend uses and FD_CLOEXEC. An fd that already belongs to a handle of this runtime is refused (INVALID_ARGUMENT)."""
        op_id = _check(_lib.un_tcp_adopt_listener_submit(fd, user_data))
        _record(op_id, ())
        return op_id


class TcpStream(_Handle):
    """A connected TCP stream, from accept or connect."""

    @classmethod
    def connect(cls, addr: str, timeout_ms: int = -1) -> TcpStream:
        """Connect to addr ("127.0.0.1:8080", "[::1]:8080", "localhost:8080", or a Unix stream socket: "unix:/run/app.sock", "unix:@name"; a path with no socket file is CONNECTION_REFUSED). A host name is looked up by the library's resolver threads, never on the runtime thread and never by blocking tcp_connect_submit; timeout_ms covers the lookup and the connect. A host name with several addresses ("localhost" has two, [::1] and 127.0.0.1, without a lookup) is connected the Happy Eyeballs way (RFC 8305): its addresses are tried IPv6 first with the families interleaved, the next attempt starts when the one before has not connected within the connect delay (250 ms; runtime_configure_connect_delay) or at once when it fails, the first to connect wins and the other attempts are closed, all within timeout_ms. An address literal is connected directly. When every attempt fails, the error is the most telling one: CONNECTION_REFUSED beats HOST_UNREACHABLE, which beats any other error, which beats TIMED_OUT (so a timeout that ends the call while an attempt still waits gives the refusal of another, if there was one). At most 256 lookups wait for a resolver thread (beyond the 8 running); more give NO_RESOURCES at once, and a lookup whose operation ended first (timeout, cancel, close) is never made.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadAddress (-12), UnknownHost (-28), ConnectionRefused (-20), HostUnreachable (-24), TimedOutError (-4), NoResources (-27), WouldDeadlock (-18), Interrupted (-40).
        """
        if _native is not None:
            r = _native.tcp_connect(addr, timeout_ms)
            return TcpStream(_check(r))
        result = _check(_interruptible(_lib.un_tcp_connect, 1, addr.encode(), timeout_ms))
        return TcpStream(result)

    @classmethod
    def connect_submit(cls, addr: str, timeout_ms: int = -1, user_data: int = 0) -> int:
        """Asynchronous connect: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback) whose result is the new handle. Connect to addr ("127.0.0.1:8080", "[::1]:8080", "localhost:8080", or a Unix stream socket: "unix:/run/app.sock", "unix:@name"; a path with no socket file is CONNECTION_REFUSED). A host name is looked up by the library's resolver threads, never on the runtime thread and never by blocking tcp_connect_submit; timeout_ms covers the lookup and the connect. A host name with several addresses ("localhost" has two, [::1] and 127.0.0.1, without a lookup) is connected the Happy Eyeballs way (RFC 8305): its addresses are tried IPv6 first with the families interleaved, the next attempt starts when the one before has not connected within the connect delay (250 ms; runtime_configure_connect_delay) or at once when it fails, the first to connect wins and the other attempts are closed, all within timeout_ms. An address literal is connected directly. When every attempt fails, the error is the most telling one: CONNECTION_REFUSED beats HOST_UNREACHABLE, which beats any other error, which beats TIMED_OUT (so a timeout that ends the call while an attempt still waits gives the refusal of another, if there was one). At most 256 lookups wait for a resolver thread (beyond the 8 running); more give NO_RESOURCES at once, and a lookup whose operation ended first (timeout, cancel, close) is never made."""
        addr_b = addr.encode()
        op_id = _check(_lib.un_tcp_connect_submit(addr_b, timeout_ms, user_data))
        _record(op_id, (addr_b,))
        return op_id

    def read(self, max_len: int = 65536, timeout_ms: int = -1) -> bytes:
        """Read up to max_len bytes (at least 1) from a stream into buf. Returns 0 when the peer has closed its side. Reads on one stream get the data in the order they were called. A blocking read that is first in its stream's line reads on the calling thread and, when no data is there, waits on that thread in the kernel like a blocking socket: inside recv itself for up to 300 ms where the backend's sockets block (io_uring; the socket's SO_RCVTIMEO, rounded up to the kernel's tick), then, and on the epoll backend, in ppoll (close, socket_cancel, runtime_shutdown and the timeout end the wait: CANCELED, CANCELED, SHUT_DOWN, TIMED_OUT). Where the kernel has multishot receive (io_uring, Linux 6.0+), the first read that reaches the runtime thread (any tcp_read_submit, or a blocking read made while another read of the stream waits) switches the stream to it for good: one receive stays armed, fills buffers of the runtime's buffer ring, and data that arrives before a read wants it is kept for the next read (up to 64 KiB, then the socket buffer holds the rest); every later read of the stream, blocking ones too, is served from it in order. A read that times out or is cancelled loses no data.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), InvalidArgument (-13), Canceled (-17), TimedOutError (-4), ResetError (-3), WouldDeadlock (-18), Interrupted (-40).
        """
        if _native is not None:
            r = _native.tcp_read(self._handle, max_len, timeout_ms)
            if type(r) is int:
                _check(r)
            return r
        buf_buf = _take_scratch(max_len)
        try:
            result = _check(_interruptible(_lib.un_tcp_read, 3, self._handle, buf_buf, max_len, timeout_ms))
            data = ctypes.string_at(buf_buf, result)  # only the bytes read
        finally:
            _give_scratch(buf_buf)
        return data

    def read_into(self, buffer: bytearray | memoryview, timeout_ms: int = -1) -> int:
        """read into a writable buffer (bytearray, memoryview, array) without a copy: up to
        len(buffer) bytes; returns the count. See read."""
        if _native is not None:
            r = _native.tcp_read_into(self._handle, buffer, timeout_ms)
            if type(r) is int:
                _check(r)
            return r
        view = (ctypes.c_char * memoryview(buffer).nbytes).from_buffer(buffer)
        result = _check(_interruptible(_lib.un_tcp_read, 3, self._handle, view, len(view), timeout_ms))
        return result

    def read_submit(self, max_len: int = 65536, timeout_ms: int = -1, user_data: int = 0) -> tuple[int, ctypes.Array[ctypes.c_char]]:
        """Asynchronous read: returns the operation id and the buffer the result will be in at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Read up to max_len bytes (at least 1) from a stream into buf. Returns 0 when the peer has closed its side. Reads on one stream get the data in the order they were called. A blocking read that is first in its stream's line reads on the calling thread and, when no data is there, waits on that thread in the kernel like a blocking socket: inside recv itself for up to 300 ms where the backend's sockets block (io_uring; the socket's SO_RCVTIMEO, rounded up to the kernel's tick), then, and on the epoll backend, in ppoll (close, socket_cancel, runtime_shutdown and the timeout end the wait: CANCELED, CANCELED, SHUT_DOWN, TIMED_OUT). Where the kernel has multishot receive (io_uring, Linux 6.0+), the first read that reaches the runtime thread (any tcp_read_submit, or a blocking read made while another read of the stream waits) switches the stream to it for good: one receive stays armed, fills buffers of the runtime's buffer ring, and data that arrives before a read wants it is kept for the next read (up to 64 KiB, then the socket buffer holds the rest); every later read of the stream, blocking ones too, is served from it in order. A read that times out or is cancelled loses no data."""
        buf_buf = ctypes.create_string_buffer(max_len)
        op_id = _check(_lib.un_tcp_read_submit(self._handle, buf_buf, max_len, timeout_ms, user_data))
        _record(op_id, (buf_buf,))
        return (op_id, buf_buf)

    def write(self, data: bytes, timeout_ms: int = -1) -> int:
        """Write all len bytes of buf to a stream. Short writes are continued until every byte is sent; writes on one stream are sent in the order they were called, each one's bytes together; a closed peer gives an error, never SIGPIPE. A blocking write that is first in its stream's line sends on the calling thread and waits there for buffer space, like a blocking socket. On TIMED_OUT or CANCELED a prefix of buf may have been sent.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), InvalidArgument (-13), Canceled (-17), TimedOutError (-4), ResetError (-3), BrokenPipe (-26), WouldDeadlock (-18), Interrupted (-40).
        """
        if _native is not None:
            r = _native.tcp_write(self._handle, data, timeout_ms)
            if r < 0:
                _check(r)
            return r
        if type(data) is not bytes:
            data = bytes(data)  # (ctypes takes bytes; the extension takes any buffer)
        result = _check(_interruptible(_lib.un_tcp_write, 3, self._handle, data, len(data), timeout_ms))
        return result

    def write_submit(self, data: bytes, timeout_ms: int = -1, user_data: int = 0) -> int:
        """Asynchronous write: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Write all len bytes of buf to a stream. Short writes are continued until every byte is sent; writes on one stream are sent in the order they were called, each one's bytes together; a closed peer gives an error, never SIGPIPE. A blocking write that is first in its stream's line sends on the calling thread and waits there for buffer space, like a blocking socket. On TIMED_OUT or CANCELED a prefix of buf may have been sent."""
        op_id = _check(_lib.un_tcp_write_submit(self._handle, data, len(data), timeout_ms, user_data))
        _record(op_id, (data,))
        return op_id

    def close(self) -> None:
        """Close a stream. Operations in flight on it complete with CANCELED; the handle then answers CLOSED. When the close completes, the socket is closed. Close takes its place among the stream's writes: the writes called before it are sent, in order, as far as each goes whole without waiting (the one in the kernel, or waiting on its calling thread, is cancelled unless it is done); a write still waiting for room then, and every write (or shutdown, flush) after it or after a write the close cut short, completes with CANCELED, and none of their bytes follow a gap.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11).
        """
        if _native is not None:
            r = _native.tcp_close(self._handle)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_tcp_close(self._handle))
        return None

    def close_submit(self, user_data: int = 0) -> int:
        """Asynchronous close: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Close a stream. Operations in flight on it complete with CANCELED; the handle then answers CLOSED. When the close completes, the socket is closed. Close takes its place among the stream's writes: the writes called before it are sent, in order, as far as each goes whole without waiting (the one in the kernel, or waiting on its calling thread, is cancelled unless it is done); a write still waiting for room then, and every write (or shutdown, flush) after it or after a write the close cut short, completes with CANCELED, and none of their bytes follow a gap."""
        op_id = _check(_lib.un_tcp_close_submit(self._handle, user_data))
        _record(op_id, ())
        return op_id

    def local_addr(self) -> str:
        """Write the local address of any handle ("127.0.0.1:40123", "[::1]:40123", "unix:/run/app.sock"; empty for an unbound Unix socket) into out, NUL-terminated; useful after binding port 0.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11), BufferTooSmall (-19), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_local_addr(self._handle)
            if type(r) is int:
                _check(r)
            return r[1]
        out_buf = ctypes.create_string_buffer(512)
        result = _check(_lib.un_socket_local_addr(self._handle, out_buf, len(out_buf)))
        return out_buf.value.decode()

    def local_addr_submit(self, user_data: int = 0) -> tuple[int, ctypes.Array[ctypes.c_char]]:
        """Asynchronous local_addr: returns the operation id and the buffer the result will be in at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Write the local address of any handle ("127.0.0.1:40123", "[::1]:40123", "unix:/run/app.sock"; empty for an unbound Unix socket) into out, NUL-terminated; useful after binding port 0."""
        out_buf = ctypes.create_string_buffer(512)
        op_id = _check(_lib.un_socket_local_addr_submit(self._handle, out_buf, len(out_buf), user_data))
        _record(op_id, (out_buf,))
        return (op_id, out_buf)

    def flush(self) -> None:
        """Push out data the kernel is still holding back (Nagle's algorithm) by setting TCP_NODELAY for a moment. Every tcp_write has handed its bytes to the kernel when it returns, so nothing else is buffered here. It takes its place among the stream's writes: it acts after every write called before it has finished.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), WouldDeadlock (-18), Canceled (-17).
        """
        if _native is not None:
            r = _native.tcp_flush(self._handle)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_tcp_flush(self._handle))
        return None

    def flush_submit(self, user_data: int = 0) -> int:
        """Asynchronous flush: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Push out data the kernel is still holding back (Nagle's algorithm) by setting TCP_NODELAY for a moment. Every tcp_write has handed its bytes to the kernel when it returns, so nothing else is buffered here. It takes its place among the stream's writes: it acts after every write called before it has finished."""
        op_id = _check(_lib.un_tcp_flush_submit(self._handle, user_data))
        _record(op_id, ())
        return op_id

    def shutdown(self, how: int) -> None:
        """Shut down one or both directions of a stream. After a write shutdown the peer reads end of stream while this side can still read. A write or both shutdown takes its place among the stream's writes: it acts after every write called before it has finished (sent or failed), and a write called after it fails with BROKEN_PIPE.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), InvalidArgument (-13), NotConnectedError (-6), WouldDeadlock (-18), Canceled (-17).
        """
        if _native is not None:
            r = _native.tcp_shutdown(self._handle, how)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_tcp_shutdown(self._handle, how))
        return None

    def shutdown_submit(self, how: int, user_data: int = 0) -> int:
        """Asynchronous shutdown: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Shut down one or both directions of a stream. After a write shutdown the peer reads end of stream while this side can still read. A write or both shutdown takes its place among the stream's writes: it acts after every write called before it has finished (sent or failed), and a write called after it fails with BROKEN_PIPE."""
        op_id = _check(_lib.un_tcp_shutdown_submit(self._handle, how, user_data))
        _record(op_id, ())
        return op_id

    def peer_addr(self) -> str:
        """Write the address of the peer of a stream or of a connected UDP socket into out, NUL-terminated.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), BufferTooSmall (-19), NotConnectedError (-6), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_peer_addr(self._handle)
            if type(r) is int:
                _check(r)
            return r[1]
        out_buf = ctypes.create_string_buffer(512)
        result = _check(_lib.un_socket_peer_addr(self._handle, out_buf, len(out_buf)))
        return out_buf.value.decode()

    def peer_addr_submit(self, user_data: int = 0) -> tuple[int, ctypes.Array[ctypes.c_char]]:
        """Asynchronous peer_addr: returns the operation id and the buffer the result will be in at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Write the address of the peer of a stream or of a connected UDP socket into out, NUL-terminated."""
        out_buf = ctypes.create_string_buffer(512)
        op_id = _check(_lib.un_socket_peer_addr_submit(self._handle, out_buf, len(out_buf), user_data))
        _record(op_id, (out_buf,))
        return (op_id, out_buf)

    def set_option(self, option: int, value: int) -> None:
        """Set a socket option (see socket_option) on any handle.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11), InvalidArgument (-13), Unsupported (-29), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_set_option(self._handle, option, value)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_socket_set_option(self._handle, option, value))
        return None

    def set_option_submit(self, option: int, value: int, user_data: int = 0) -> int:
        """Asynchronous set_option: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Set a socket option (see socket_option) on any handle."""
        op_id = _check(_lib.un_socket_set_option_submit(self._handle, option, value, user_data))
        _record(op_id, ())
        return op_id

    def get_option(self, option: int) -> int:
        """Read a socket option (see socket_option) of any handle.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11), InvalidArgument (-13), Unsupported (-29), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_get_option(self._handle, option)
            if r < -1:
                _check(r, -1)
            return r
        result = _check(_lib.un_socket_get_option(self._handle, option), -1)
        return result

    def get_option_submit(self, option: int, user_data: int = 0) -> int:
        """Asynchronous get_option: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Read a socket option (see socket_option) of any handle."""
        op_id = _check(_lib.un_socket_get_option_submit(self._handle, option, user_data))
        _record(op_id, ())
        return op_id

    def cancel(self) -> int:
        """Cancel every operation in flight on a handle: each completes with CANCELED; the handle stays open and usable. A blocking read waiting inside recv on its calling thread sees the cancel within 300 ms (its time inside recv is that short); every other wait ends at once.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11).
        """
        if _native is not None:
            r = _native.socket_cancel(self._handle)
            if r < 0:
                _check(r)
            return r
        result = _check(_lib.un_socket_cancel(self._handle))
        return result

    def cancel_submit(self, user_data: int = 0) -> int:
        """Asynchronous cancel: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Cancel every operation in flight on a handle: each completes with CANCELED; the handle stays open and usable. A blocking read waiting inside recv on its calling thread sees the cancel within 300 ms (its time inside recv is that short); every other wait ends at once."""
        op_id = _check(_lib.un_socket_cancel_submit(self._handle, user_data))
        _record(op_id, ())
        return op_id

    @classmethod
    def adopt_stream(cls, fd: int) -> TcpStream:
        """Take over a connected TCP socket the caller made as a stream handle: reads, writes, options, shutdown and close work on it as on a stream from tcp_connect or tcp_accept. The fd must be an open IPv4 or IPv6 stream socket that is not listening (else WRONG_KIND) and is connected (else NOT_CONNECTED). On success the handle owns the fd: closing the handle closes it, and the caller must neither use nor close the fd any more. On failure the fd is left as it was, still the caller's. The library sets the fd's O_NONBLOCK to what its backend uses and FD_CLOEXEC. An fd that already belongs to a handle of this runtime is refused (INVALID_ARGUMENT).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), InvalidArgument (-13), WrongKind (-10), NotConnectedError (-6), NoResources (-27), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.tcp_adopt_stream(fd)
            return TcpStream(_check(r))
        result = _check(_lib.un_tcp_adopt_stream(fd))
        return TcpStream(result)

    @classmethod
    def adopt_stream_submit(cls, fd: int, user_data: int = 0) -> int:
        """Asynchronous adopt_stream: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback) whose result is the new handle. Take over a connected TCP socket the caller made as a stream handle: reads, writes, options, shutdown and close work on it as on a stream from tcp_connect or tcp_accept. The fd must be an open IPv4 or IPv6 stream socket that is not listening (else WRONG_KIND) and is connected (else NOT_CONNECTED). On success the handle owns the fd: closing the handle closes it, and the caller must neither use nor close the fd any more. On failure the fd is left as it was, still the caller's. The library sets the fd's O_NONBLOCK to what its backend uses and FD_CLOEXEC. An fd that already belongs to a handle of this runtime is refused (INVALID_ARGUMENT)."""
        op_id = _check(_lib.un_tcp_adopt_stream_submit(fd, user_data))
        _record(op_id, ())
        return op_id

    def unix_send_fd(self, fd: int, timeout_ms: int = -1) -> None:
        """Pass an open file descriptor over a Unix stream socket (SCM_RIGHTS): the peer's unix_recv_fd gets a descriptor of its own for the same open file (a socket, pipe, file, ...). It travels with one byte of the stream, sent in its turn among the stream's writes, and that byte is what unix_recv_fd reads. fd stays the caller's: the kernel gives the peer a duplicate, so the caller may close fd as soon as the call returns. The submitted form may be called with a descriptor the caller closes right after: the call passes a duplicate it made. A stream of another family is UNSUPPORTED.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), InvalidArgument (-13), Unsupported (-29), Canceled (-17), BrokenPipe (-26), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.unix_send_fd(self._handle, fd, timeout_ms)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_unix_send_fd(self._handle, fd, timeout_ms))
        return None

    def unix_send_fd_submit(self, fd: int, timeout_ms: int = -1, user_data: int = 0) -> int:
        """Asynchronous unix_send_fd: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Pass an open file descriptor over a Unix stream socket (SCM_RIGHTS): the peer's unix_recv_fd gets a descriptor of its own for the same open file (a socket, pipe, file, ...). It travels with one byte of the stream, sent in its turn among the stream's writes, and that byte is what unix_recv_fd reads. fd stays the caller's: the kernel gives the peer a duplicate, so the caller may close fd as soon as the call returns. The submitted form may be called with a descriptor the caller closes right after: the call passes a duplicate it made. A stream of another family is UNSUPPORTED."""
        op_id = _check(_lib.un_unix_send_fd_submit(self._handle, fd, timeout_ms, user_data))
        _record(op_id, ())
        return op_id

    def unix_send_handle(self, handle: int, timeout_ms: int = -1) -> None:
        """Pass the socket behind a handle of this runtime (a listener, stream or UDP socket) over a Unix stream socket, as unix_send_fd passes a descriptor: the peer gets a descriptor of its own for that socket. The handle stays open and the caller's (the two processes then share the socket).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), Unsupported (-29), Canceled (-17), BrokenPipe (-26), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.unix_send_handle(self._handle, handle, timeout_ms)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_unix_send_handle(self._handle, handle, timeout_ms))
        return None

    def unix_send_handle_submit(self, handle: int, timeout_ms: int = -1, user_data: int = 0) -> int:
        """Asynchronous unix_send_handle: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Pass the socket behind a handle of this runtime (a listener, stream or UDP socket) over a Unix stream socket, as unix_send_fd passes a descriptor: the peer gets a descriptor of its own for that socket. The handle stays open and the caller's (the two processes then share the socket)."""
        op_id = _check(_lib.un_unix_send_handle_submit(self._handle, handle, timeout_ms, user_data))
        _record(op_id, ())
        return op_id

    def unix_recv_fd(self, timeout_ms: int = -1) -> int:
        """Receive a file descriptor the peer passed with unix_send_fd or unix_send_handle (or any sendmsg with SCM_RIGHTS and one byte): reads one byte of the stream, in its turn among the stream's reads, and returns the descriptor that came with it, with FD_CLOEXEC set. The descriptor is the caller's: close it, or make it a handle with tcp_adopt_stream, tcp_adopt_listener or udp_adopt (they check what it is; on failure it stays the caller's). A byte that carried no descriptor is consumed and gives NO_FD; descriptors beyond the first that came with one byte are closed. A read that meets such a byte instead gets it as data, and the kernel closes the descriptors. On io_uring a stream read with tcp_read_submit is read by its multishot receive, which takes bytes without their descriptors: unix_recv_fd on it is UNSUPPORTED (read a stream that passes descriptors with blocking reads and unix_recv_fd).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), Unsupported (-29), NoFd (-42), EndOfStream (-41), Canceled (-17), TimedOutError (-4), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.unix_recv_fd(self._handle, timeout_ms)
            if r < 0:
                _check(r)
            return r
        result = _check(_lib.un_unix_recv_fd(self._handle, timeout_ms))
        return result

    def unix_recv_fd_submit(self, timeout_ms: int = -1, user_data: int = 0) -> int:
        """Asynchronous unix_recv_fd: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Receive a file descriptor the peer passed with unix_send_fd or unix_send_handle (or any sendmsg with SCM_RIGHTS and one byte): reads one byte of the stream, in its turn among the stream's reads, and returns the descriptor that came with it, with FD_CLOEXEC set. The descriptor is the caller's: close it, or make it a handle with tcp_adopt_stream, tcp_adopt_listener or udp_adopt (they check what it is; on failure it stays the caller's). A byte that carried no descriptor is consumed and gives NO_FD; descriptors beyond the first that came with one byte are closed. A read that meets such a byte instead gets it as data, and the kernel closes the descriptors. On io_uring a stream read with tcp_read_submit is read by its multishot receive, which takes bytes without their descriptors: unix_recv_fd on it is UNSUPPORTED (read a stream that passes descriptors with blocking reads and unix_recv_fd)."""
        op_id = _check(_lib.un_unix_recv_fd_submit(self._handle, timeout_ms, user_data))
        _record(op_id, ())
        return op_id


class UdpSocket(_Handle):
    """A UDP socket from udp_bind; send_to/recv_from, or connect then send/recv."""

    def local_addr(self) -> str:
        """Write the local address of any handle ("127.0.0.1:40123", "[::1]:40123", "unix:/run/app.sock"; empty for an unbound Unix socket) into out, NUL-terminated; useful after binding port 0.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11), BufferTooSmall (-19), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_local_addr(self._handle)
            if type(r) is int:
                _check(r)
            return r[1]
        out_buf = ctypes.create_string_buffer(512)
        result = _check(_lib.un_socket_local_addr(self._handle, out_buf, len(out_buf)))
        return out_buf.value.decode()

    def local_addr_submit(self, user_data: int = 0) -> tuple[int, ctypes.Array[ctypes.c_char]]:
        """Asynchronous local_addr: returns the operation id and the buffer the result will be in at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Write the local address of any handle ("127.0.0.1:40123", "[::1]:40123", "unix:/run/app.sock"; empty for an unbound Unix socket) into out, NUL-terminated; useful after binding port 0."""
        out_buf = ctypes.create_string_buffer(512)
        op_id = _check(_lib.un_socket_local_addr_submit(self._handle, out_buf, len(out_buf), user_data))
        _record(op_id, (out_buf,))
        return (op_id, out_buf)

    def peer_addr(self) -> str:
        """Write the address of the peer of a stream or of a connected UDP socket into out, NUL-terminated.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), BufferTooSmall (-19), NotConnectedError (-6), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_peer_addr(self._handle)
            if type(r) is int:
                _check(r)
            return r[1]
        out_buf = ctypes.create_string_buffer(512)
        result = _check(_lib.un_socket_peer_addr(self._handle, out_buf, len(out_buf)))
        return out_buf.value.decode()

    def peer_addr_submit(self, user_data: int = 0) -> tuple[int, ctypes.Array[ctypes.c_char]]:
        """Asynchronous peer_addr: returns the operation id and the buffer the result will be in at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Write the address of the peer of a stream or of a connected UDP socket into out, NUL-terminated."""
        out_buf = ctypes.create_string_buffer(512)
        op_id = _check(_lib.un_socket_peer_addr_submit(self._handle, out_buf, len(out_buf), user_data))
        _record(op_id, (out_buf,))
        return (op_id, out_buf)

    def set_option(self, option: int, value: int) -> None:
        """Set a socket option (see socket_option) on any handle.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11), InvalidArgument (-13), Unsupported (-29), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_set_option(self._handle, option, value)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_socket_set_option(self._handle, option, value))
        return None

    def set_option_submit(self, option: int, value: int, user_data: int = 0) -> int:
        """Asynchronous set_option: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Set a socket option (see socket_option) on any handle."""
        op_id = _check(_lib.un_socket_set_option_submit(self._handle, option, value, user_data))
        _record(op_id, ())
        return op_id

    def get_option(self, option: int) -> int:
        """Read a socket option (see socket_option) of any handle.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11), InvalidArgument (-13), Unsupported (-29), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.socket_get_option(self._handle, option)
            if r < -1:
                _check(r, -1)
            return r
        result = _check(_lib.un_socket_get_option(self._handle, option), -1)
        return result

    def get_option_submit(self, option: int, user_data: int = 0) -> int:
        """Asynchronous get_option: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Read a socket option (see socket_option) of any handle."""
        op_id = _check(_lib.un_socket_get_option_submit(self._handle, option, user_data))
        _record(op_id, ())
        return op_id

    def cancel(self) -> int:
        """Cancel every operation in flight on a handle: each completes with CANCELED; the handle stays open and usable. A blocking read waiting inside recv on its calling thread sees the cancel within 300 ms (its time inside recv is that short); every other wait ends at once.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongRuntime (-11).
        """
        if _native is not None:
            r = _native.socket_cancel(self._handle)
            if r < 0:
                _check(r)
            return r
        result = _check(_lib.un_socket_cancel(self._handle))
        return result

    def cancel_submit(self, user_data: int = 0) -> int:
        """Asynchronous cancel: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Cancel every operation in flight on a handle: each completes with CANCELED; the handle stays open and usable. A blocking read waiting inside recv on its calling thread sees the cancel within 300 ms (its time inside recv is that short); every other wait ends at once."""
        op_id = _check(_lib.un_socket_cancel_submit(self._handle, user_data))
        _record(op_id, ())
        return op_id

    @classmethod
    def bind(cls, addr: str, flags: int = 0) -> UdpSocket:
        """Create a UDP socket bound to addr ("0.0.0.0:5000", "[::1]:0", "localhost:0"; port 0 picks a free port; a host name binds the first of its addresses that can be bound, IPv4 ones first, as for tcp_listen), or a Unix datagram socket ("unix:/tmp/app.dgram", "unix:@name"; its peers send to that address, and UNLINK_STALE applies as for tcp_listen).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadAddress (-12), InvalidArgument (-13), UnknownHost (-28), AddressInUse (-21), AddressNotAvailable (-22), PermissionDenied (-23), Unsupported (-29), NoResources (-27), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.udp_bind(addr, flags)
            return UdpSocket(_check(r))
        result = _check(_lib.un_udp_bind(addr.encode(), flags))
        return UdpSocket(result)

    @classmethod
    def bind_submit(cls, addr: str, flags: int = 0, user_data: int = 0) -> int:
        """Asynchronous bind: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback) whose result is the new handle. Create a UDP socket bound to addr ("0.0.0.0:5000", "[::1]:0", "localhost:0"; port 0 picks a free port; a host name binds the first of its addresses that can be bound, IPv4 ones first, as for tcp_listen), or a Unix datagram socket ("unix:/tmp/app.dgram", "unix:@name"; its peers send to that address, and UNLINK_STALE applies as for tcp_listen)."""
        addr_b = addr.encode()
        op_id = _check(_lib.un_udp_bind_submit(addr_b, flags, user_data))
        _record(op_id, (addr_b,))
        return op_id

    def send_to(self, data: bytes, addr: str, timeout_ms: int = -1) -> int:
        """Send one datagram of len bytes to addr (a host name: its first address of the socket's family, else its first).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), BadAddress (-12), UnknownHost (-28), NoResources (-27), InvalidArgument (-13), PermissionDenied (-23), MessageTooLong (-32), HostUnreachable (-24), Canceled (-17), TimedOutError (-4), Unsupported (-29), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.udp_send_to(self._handle, data, addr, timeout_ms)
            if r < 0:
                _check(r)
            return r
        if type(data) is not bytes:
            data = bytes(data)  # (ctypes takes bytes; the extension takes any buffer)
        result = _check(_lib.un_udp_send_to(self._handle, data, len(data), addr.encode(), timeout_ms))
        return result

    def send_to_submit(self, data: bytes, addr: str, timeout_ms: int = -1, user_data: int = 0) -> int:
        """Asynchronous send_to: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Send one datagram of len bytes to addr (a host name: its first address of the socket's family, else its first)."""
        addr_b = addr.encode()
        op_id = _check(_lib.un_udp_send_to_submit(self._handle, data, len(data), addr_b, timeout_ms, user_data))
        _record(op_id, (data, addr_b,))
        return op_id

    def recv_from(self, max_len: int = 65536, timeout_ms: int = -1) -> tuple[bytes, str]:
        """Receive one datagram into buf and write its sender's address into from, NUL-terminated. A datagram longer than max_len gives TRUNCATED (its first max_len bytes are in buf). The sender of a Unix datagram is its bound address, or empty when it is unbound.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), InvalidArgument (-13), BufferTooSmall (-19), Truncated (-31), Canceled (-17), TimedOutError (-4), WouldDeadlock (-18), Interrupted (-40).
        """
        if _native is not None:
            r = _native.udp_recv_from(self._handle, max_len, timeout_ms)
            if type(r) is int:
                _check(r)
            return r
        buf_buf = _take_scratch(max_len)
        from_buf = ctypes.create_string_buffer(512)
        try:
            result = _check(_interruptible(_lib.un_udp_recv_from, 5, self._handle, buf_buf, max_len, from_buf, len(from_buf), timeout_ms))
            data = ctypes.string_at(buf_buf, result)  # only the bytes read
        finally:
            _give_scratch(buf_buf)
        return data, from_buf.value.decode()

    def recv_from_into(self, buffer: bytearray | memoryview, timeout_ms: int = -1) -> tuple[int, str]:
        """recv_from into a writable buffer (bytearray, memoryview, array) without a copy: up to
        len(buffer) bytes; returns the count and the sender's address. See recv_from."""
        if _native is not None:
            r = _native.udp_recv_from_into(self._handle, buffer, timeout_ms)
            if type(r) is int:
                _check(r)
            return r
        view = (ctypes.c_char * memoryview(buffer).nbytes).from_buffer(buffer)
        from_buf = ctypes.create_string_buffer(512)
        result = _check(_interruptible(_lib.un_udp_recv_from, 5, self._handle, view, len(view), from_buf, len(from_buf), timeout_ms))
        return result, from_buf.value.decode()

    def recv_from_submit(self, max_len: int = 65536, timeout_ms: int = -1, user_data: int = 0) -> tuple[int, ctypes.Array[ctypes.c_char], ctypes.Array[ctypes.c_char]]:
        """Asynchronous recv_from: returns the operation id and the buffers the result will be in at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Receive one datagram into buf and write its sender's address into from, NUL-terminated. A datagram longer than max_len gives TRUNCATED (its first max_len bytes are in buf). The sender of a Unix datagram is its bound address, or empty when it is unbound."""
        buf_buf = ctypes.create_string_buffer(max_len)
        from_buf = ctypes.create_string_buffer(512)
        op_id = _check(_lib.un_udp_recv_from_submit(self._handle, buf_buf, max_len, from_buf, len(from_buf), timeout_ms, user_data))
        _record(op_id, (buf_buf, from_buf,))
        return (op_id, buf_buf, from_buf)

    def connect(self, addr: str) -> None:
        """Set the default destination of a UDP socket and accept datagrams only from it (a host name: its first address of the socket's family, else its first).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), BadAddress (-12), UnknownHost (-28), NoResources (-27), HostUnreachable (-24), Unsupported (-29), WouldDeadlock (-18), Canceled (-17).
        """
        if _native is not None:
            r = _native.udp_connect(self._handle, addr)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_udp_connect(self._handle, addr.encode()))
        return None

    def connect_submit(self, addr: str, user_data: int = 0) -> int:
        """Asynchronous connect: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Set the default destination of a UDP socket and accept datagrams only from it (a host name: its first address of the socket's family, else its first)."""
        addr_b = addr.encode()
        op_id = _check(_lib.un_udp_connect_submit(self._handle, addr_b, user_data))
        _record(op_id, (addr_b,))
        return op_id

    def send(self, data: bytes, timeout_ms: int = -1) -> int:
        """Send one datagram to the connected peer.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), InvalidArgument (-13), NotConnectedError (-6), ConnectionRefused (-20), MessageTooLong (-32), Canceled (-17), TimedOutError (-4), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.udp_send(self._handle, data, timeout_ms)
            if r < 0:
                _check(r)
            return r
        if type(data) is not bytes:
            data = bytes(data)  # (ctypes takes bytes; the extension takes any buffer)
        result = _check(_lib.un_udp_send(self._handle, data, len(data), timeout_ms))
        return result

    def send_submit(self, data: bytes, timeout_ms: int = -1, user_data: int = 0) -> int:
        """Asynchronous send: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Send one datagram to the connected peer."""
        op_id = _check(_lib.un_udp_send_submit(self._handle, data, len(data), timeout_ms, user_data))
        _record(op_id, (data,))
        return op_id

    def recv(self, max_len: int = 65536, timeout_ms: int = -1) -> bytes:
        """Receive one datagram from the connected peer (or anyone, if not connected). A datagram longer than max_len gives TRUNCATED.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), InvalidArgument (-13), Truncated (-31), ConnectionRefused (-20), Canceled (-17), TimedOutError (-4), WouldDeadlock (-18), Interrupted (-40).
        """
        if _native is not None:
            r = _native.udp_recv(self._handle, max_len, timeout_ms)
            if type(r) is int:
                _check(r)
            return r
        buf_buf = _take_scratch(max_len)
        try:
            result = _check(_interruptible(_lib.un_udp_recv, 3, self._handle, buf_buf, max_len, timeout_ms))
            data = ctypes.string_at(buf_buf, result)  # only the bytes read
        finally:
            _give_scratch(buf_buf)
        return data

    def recv_into(self, buffer: bytearray | memoryview, timeout_ms: int = -1) -> int:
        """recv into a writable buffer (bytearray, memoryview, array) without a copy: up to
        len(buffer) bytes; returns the count. See recv."""
        if _native is not None:
            r = _native.udp_recv_into(self._handle, buffer, timeout_ms)
            if type(r) is int:
                _check(r)
            return r
        view = (ctypes.c_char * memoryview(buffer).nbytes).from_buffer(buffer)
        result = _check(_interruptible(_lib.un_udp_recv, 3, self._handle, view, len(view), timeout_ms))
        return result

    def recv_submit(self, max_len: int = 65536, timeout_ms: int = -1, user_data: int = 0) -> tuple[int, ctypes.Array[ctypes.c_char]]:
        """Asynchronous recv: returns the operation id and the buffer the result will be in at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Receive one datagram from the connected peer (or anyone, if not connected). A datagram longer than max_len gives TRUNCATED."""
        buf_buf = ctypes.create_string_buffer(max_len)
        op_id = _check(_lib.un_udp_recv_submit(self._handle, buf_buf, max_len, timeout_ms, user_data))
        _record(op_id, (buf_buf,))
        return (op_id, buf_buf)

    def close(self) -> None:
        """Close a UDP socket. Operations in flight on it complete with CANCELED; the handle then answers CLOSED. When the close completes, the socket is closed and its port can be bound again.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11).
        """
        if _native is not None:
            r = _native.udp_close(self._handle)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_udp_close(self._handle))
        return None

    def close_submit(self, user_data: int = 0) -> int:
        """Asynchronous close: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Close a UDP socket. Operations in flight on it complete with CANCELED; the handle then answers CLOSED. When the close completes, the socket is closed and its port can be bound again."""
        op_id = _check(_lib.un_udp_close_submit(self._handle, user_data))
        _record(op_id, ())
        return op_id

    def join_multicast(self, group: str, iface: str) -> None:
        """Join the multicast group (an IPv4 or IPv6 address without port) on the interface named iface ("" for the default one).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), BadAddress (-12), NoSuchInterface (-33), InvalidArgument (-13), AddressInUse (-21), Unsupported (-29), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.udp_join_multicast(self._handle, group, iface)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_udp_join_multicast(self._handle, group.encode(), iface.encode()))
        return None

    def join_multicast_submit(self, group: str, iface: str, user_data: int = 0) -> int:
        """Asynchronous join_multicast: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Join the multicast group (an IPv4 or IPv6 address without port) on the interface named iface ("" for the default one)."""
        group_b = group.encode()
        iface_b = iface.encode()
        op_id = _check(_lib.un_udp_join_multicast_submit(self._handle, group_b, iface_b, user_data))
        _record(op_id, (group_b, iface_b,))
        return op_id

    def leave_multicast(self, group: str, iface: str) -> None:
        """Leave a multicast group joined with udp_join_multicast.

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), BadHandle (-8), Closed (-9), WrongKind (-10), WrongRuntime (-11), BadAddress (-12), NoSuchInterface (-33), InvalidArgument (-13), AddressNotAvailable (-22), Unsupported (-29), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.udp_leave_multicast(self._handle, group, iface)
            if r < 0:
                _check(r)
            return None
        result = _check(_lib.un_udp_leave_multicast(self._handle, group.encode(), iface.encode()))
        return None

    def leave_multicast_submit(self, group: str, iface: str, user_data: int = 0) -> int:
        """Asynchronous leave_multicast: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback). Leave a multicast group joined with udp_join_multicast."""
        group_b = group.encode()
        iface_b = iface.encode()
        op_id = _check(_lib.un_udp_leave_multicast_submit(self._handle, group_b, iface_b, user_data))
        _record(op_id, (group_b, iface_b,))
        return op_id

    @classmethod
    def adopt(cls, fd: int) -> UdpSocket:
        """Take over a UDP socket the caller made (bound or not, connected or not) as a UDP socket handle. The fd must be an open IPv4 or IPv6 datagram socket (else WRONG_KIND). On success the handle owns the fd: closing the handle closes it, and the caller must neither use nor close the fd any more. On failure the fd is left as it was, still the caller's. The library sets the fd's O_NONBLOCK to what its backend uses and FD_CLOEXEC. An fd that already belongs to a handle of this runtime is refused (INVALID_ARGUMENT).

        Raises: NotInitialized (-14), ShutDown (-15), Forked (-39), InvalidArgument (-13), WrongKind (-10), NoResources (-27), WouldDeadlock (-18).
        """
        if _native is not None:
            r = _native.udp_adopt(fd)
            return UdpSocket(_check(r))
        result = _check(_lib.un_udp_adopt(fd))
        return UdpSocket(result)

    @classmethod
    def adopt_submit(cls, fd: int, user_data: int = 0) -> int:
        """Asynchronous adopt: returns the operation id at once; the result arrives as a Completion (Runtime.poll, completion_fd or a callback) whose result is the new handle. Take over a UDP socket the caller made (bound or not, connected or not) as a UDP socket handle. The fd must be an open IPv4 or IPv6 datagram socket (else WRONG_KIND). On success the handle owns the fd: closing the handle closes it, and the caller must neither use nor close the fd any more. On failure the fd is left as it was, still the caller's. The library sets the fd's O_NONBLOCK to what its backend uses and FD_CLOEXEC. An fd that already belongs to a handle of this runtime is refused (INVALID_ARGUMENT)."""
        op_id = _check(_lib.un_udp_adopt_submit(fd, user_data))
        _record(op_id, ())
        return op_id


# ---- Unix domain sockets: the stream and datagram classes on unix: addresses ----

def unix_address(path) -> str:
    """A Unix socket path as uringnet's address: "/run/app.sock" -> "unix:/run/app.sock"; an
    abstract name, written "\\0name" as the socket module does -> "unix:@name"."""
    path = os.fsdecode(path)
    return "unix:@" + path[1:] if path.startswith("\0") else "unix:" + path


def _unix_path(address: str) -> str:
    """uringnet's "unix:/path" or "unix:@name" as the socket module writes it ("/path",
    "\\0name"); an unbound socket's empty address stays empty."""
    rest = address[5:] if address.startswith("unix:") else address
    return "\0" + rest[1:] if rest.startswith("@") else rest


class UnixStream(TcpStream):
    """A connected Unix stream socket: every TcpStream operation, on a path."""

    @classmethod
    def connect(cls, path, timeout_ms: int = -1) -> UnixStream:
        """Connect to the Unix stream socket at path (a file, or "\\0name" in the abstract namespace)."""
        return cls(TcpStream.connect(unix_address(path), timeout_ms).handle)

    @classmethod
    def pair(cls) -> tuple[UnixStream, UnixStream]:
        """Two connected Unix streams (socketpair), both uringnet handles."""
        import socket
        a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            first = cls(TcpStream.adopt_stream(a.fileno()).handle)
        except BaseException:
            a.close()
            b.close()
            raise
        a.detach()  # (the handle owns it now)
        try:
            second = cls(TcpStream.adopt_stream(b.fileno()).handle)
        except BaseException:
            first.close()
            b.close()
            raise
        b.detach()
        return first, second

    def peer_credentials(self) -> tuple[int, int, int]:
        """The peer's (pid, uid, gid), as of its connect (SO_PEERCRED)."""
        return tuple(self.get_option(o) for o in (SocketOption.PEER_PID, SocketOption.PEER_UID,
                                                    SocketOption.PEER_GID))

    def local_path(self) -> str:
        """This end's path ("" when unbound; "\\0name" for an abstract name)."""
        return _unix_path(self.local_addr())

    def peer_path(self) -> str:
        """The peer's path ("" when it is unbound)."""
        return _unix_path(self.peer_addr())

    def send_fd(self, fd, timeout_ms: int = -1) -> None:
        """Pass a descriptor to the peer (SCM_RIGHTS): an int, anything with fileno() (a socket,
        a file), or a uringnet TcpStream, TcpListener or UdpSocket (its socket). Yours stays
        yours: the peer gets a duplicate, and you may close yours at once."""
        if isinstance(fd, (TcpStream, TcpListener, UdpSocket)):
            self.unix_send_handle(fd.handle, timeout_ms)
        else:
            self.unix_send_fd(fd if isinstance(fd, int) else fd.fileno(), timeout_ms)

    def recv_fd(self, timeout_ms: int = -1) -> int:
        """The next descriptor the peer passed, yours to close (or to wrap:
        socket.socket(fileno=fd), os.fdopen(fd), or TcpStream.adopt_stream(fd))."""
        return self.unix_recv_fd(timeout_ms)


class UnixListener(TcpListener):
    """A listening Unix stream socket: accept gives UnixStream."""

    @classmethod
    def bind(cls, path, backlog: int = 0, unlink_stale: bool = False) -> UnixListener:
        """Listen on path (a file, or "\\0name"). A socket file left by a listener that is gone
        raises AddressInUse unless unlink_stale (only a socket nobody answers on is removed);
        closing the listener leaves its file."""
        flags = BindFlag.UNLINK_STALE if unlink_stale else 0
        return cls(TcpListener.listen(unix_address(path), backlog, flags).handle)

    def accept(self, timeout_ms: int = -1) -> UnixStream:
        return UnixStream(TcpListener.accept(self, timeout_ms).handle)

    def local_path(self) -> str:
        return _unix_path(self.local_addr())


class UnixDatagram(UdpSocket):
    """A Unix datagram socket: send_to and recv_from with paths."""

    @classmethod
    def bind(cls, path, unlink_stale: bool = False) -> UnixDatagram:
        flags = BindFlag.UNLINK_STALE if unlink_stale else 0
        return cls(UdpSocket.bind(unix_address(path), flags).handle)

    def send_to(self, data: bytes, path, timeout_ms: int = -1) -> int:
        return UdpSocket.send_to(self, data, unix_address(path), timeout_ms)

    def recv_from(self, max_len: int = 65536, timeout_ms: int = -1) -> tuple[bytes, str]:
        """A datagram and its sender's path ("" for an unbound sender)."""
        data, sender = UdpSocket.recv_from(self, max_len, timeout_ms)
        return data, _unix_path(sender)

    def connect(self, path) -> None:
        UdpSocket.connect(self, unix_address(path))

    def local_path(self) -> str:
        return _unix_path(self.local_addr())
