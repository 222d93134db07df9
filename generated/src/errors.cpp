/* Generated from api/net.json by codegen/generate.py (template c/errors.cpp.j2). Do not edit:
 * change the spec or the template and run codegen/generate.py. */
#include <cerrno>

#include "requests.hpp"
#include "uringnet/uringnet.h"

namespace {

struct ErrorInfo {
    int64_t code;
    int64_t klass;
    const char *name;
    const char *message;
};

constexpr ErrorInfo kErrors[] = {
    {UN_ERR_ERROR, -1, "ERROR", "general error"},
    {UN_ERR_REFUSED, -2, "REFUSED", "connection refused or bind failed"},
    {UN_ERR_RESET, -3, "RESET", "connection reset by peer"},
    {UN_ERR_TIMED_OUT, -4, "TIMED_OUT", "operation timed out"},
    {UN_ERR_IO, -5, "IO", "would block or I/O error"},
    {UN_ERR_NOT_CONNECTED, -6, "NOT_CONNECTED", "socket is not connected"},
    {UN_ERR_ALREADY_CONNECTED, -7, "ALREADY_CONNECTED", "socket is already connected"},
    {UN_ERR_BAD_HANDLE, -1, "BAD_HANDLE",
     "handle was never issued by this library or is malformed"},
    {UN_ERR_CLOSED, -1, "CLOSED", "handle was already closed"},
    {UN_ERR_WRONG_KIND, -1, "WRONG_KIND", "handle is of another kind than this operation takes"},
    {UN_ERR_WRONG_RUNTIME, -1, "WRONG_RUNTIME",
     "handle belongs to a runtime instance that was shut down"},
    {UN_ERR_BAD_ADDRESS, -1, "BAD_ADDRESS",
     "address is malformed: expected \"ip:port\", \"[ipv6]:port\", \"host:port\", \"unix:/path\" "
     "or \"unix:@name\""},
    {UN_ERR_INVALID_ARGUMENT, -1, "INVALID_ARGUMENT", "an argument is out of range or invalid"},
    {UN_ERR_NOT_INITIALIZED, -1, "NOT_INITIALIZED",
     "runtime is not running: call runtime_init first"},
    {UN_ERR_SHUT_DOWN, -1, "SHUT_DOWN", "runtime was shut down"},
    {UN_ERR_ALREADY_INITIALIZED, -1, "ALREADY_INITIALIZED", "runtime is already running"},
    {UN_ERR_CANCELED, -1, "CANCELED", "operation was canceled because its handle was closed"},
    {UN_ERR_WOULD_DEADLOCK, -1, "WOULD_DEADLOCK",
     "a blocking call was made on the runtime thread itself"},
    {UN_ERR_BUFFER_TOO_SMALL, -1, "BUFFER_TOO_SMALL", "output buffer is too small for the result"},
    {UN_ERR_CONNECTION_REFUSED, -2, "CONNECTION_REFUSED",
     "connection refused: nothing listens at that address (or no socket file at that path)"},
    {UN_ERR_ADDRESS_IN_USE, -2, "ADDRESS_IN_USE", "bind failed: address already in use"},
    {UN_ERR_ADDRESS_NOT_AVAILABLE, -2, "ADDRESS_NOT_AVAILABLE",
     "bind failed: address not available on this machine"},
    {UN_ERR_PERMISSION_DENIED, -2, "PERMISSION_DENIED", "permission denied"},
    {UN_ERR_HOST_UNREACHABLE, -2, "HOST_UNREACHABLE", "host or network unreachable"},
    {UN_ERR_CONNECTION_ABORTED, -3, "CONNECTION_ABORTED", "connection aborted"},
    {UN_ERR_BROKEN_PIPE, -3, "BROKEN_PIPE", "peer closed the connection while writing"},
    {UN_ERR_NO_RESOURCES, -1, "NO_RESOURCES",
     "out of file descriptors or memory (raise ulimit -n, or close handles)"},
    {UN_ERR_UNKNOWN_HOST, -1, "UNKNOWN_HOST", "host name could not be resolved"},
    {UN_ERR_UNSUPPORTED, -1, "UNSUPPORTED", "operation not supported by this kernel or socket"},
    {UN_ERR_IO_URING_UNAVAILABLE, -1, "IO_URING_UNAVAILABLE",
     "io_uring was forced but is refused here (seccomp, kernel.io_uring_disabled or an old "
     "kernel); runtime_backend tells why"},
    {UN_ERR_TRUNCATED, -5, "TRUNCATED",
     "datagram was larger than the buffer: the first max_len bytes were stored, the rest was "
     "dropped"},
    {UN_ERR_MESSAGE_TOO_LONG, -5, "MESSAGE_TOO_LONG", "datagram is too long to send"},
    {UN_ERR_NO_SUCH_INTERFACE, -1, "NO_SUCH_INTERFACE", "no network interface of that name"},
    {UN_ERR_IO_URING_NO_MEMORY, -1, "IO_URING_NO_MEMORY",
     "io_uring could not allocate its rings: raise the locked-memory limit (ulimit -l) or "
     "configure fewer ring entries"},
    {UN_ERR_WRONG_VALUE_KIND, -1, "WRONG_VALUE_KIND",
     "a Simple RuntimeValue of another kind than the parameter takes (an int where text or an "
     "array is expected, nil, a float, or an array element that is not a byte)"},
    {UN_ERR_ABI_MISMATCH, -1, "ABI_MISMATCH",
     "the loaded uringnet library has another ABI version or spec than the binding was generated "
     "for"},
    {UN_ERR_OP_NOT_FOUND, -1, "OP_NOT_FOUND",
     "no asynchronous operation with that id is in flight (it has completed, or never existed)"},
    {UN_ERR_RUNTIME_NOT_LINKED, -1, "RUNTIME_NOT_LINKED",
     "the Simple runtime's rt_* functions are not reachable: link the library together with "
     "Simple's runtime, or load it into a host that exports them"},
    {UN_ERR_FORKED, -1, "FORKED",
     "this process is a fork of the one that started the runtime: the runtime belongs to the "
     "parent; call runtime_init for the child's own"},
    {UN_ERR_INTERRUPTED, -1, "INTERRUPTED",
     "a signal of the host's interrupted the blocking call (runtime_configure_interruptible): "
     "nothing was read or accepted; call again after handling it"},
    {UN_ERR_END_OF_STREAM, -5, "END_OF_STREAM",
     "the stream ended before the bytes asked for arrived: those that did arrive stay for the next "
     "read"},
    {UN_ERR_NO_FD, -5, "NO_FD",
     "the byte read carried no file descriptor: the peer sent data where unix_recv_fd expected a "
     "descriptor (that byte is consumed)"},
};

const ErrorInfo *find_error(int64_t code) {
    for (const ErrorInfo &e : kErrors) {
        if (e.code == code) {
            return &e;
        }
    }
    return nullptr;
}

} // namespace

extern "C" {

UN_API int64_t un_abi_version(void) {
    return UN_ABI_VERSION;
}

UN_API const char *un_version(void) {
    return UN_VERSION;
}

UN_API const char *un_spec_checksum(void) {
    return UN_SPEC_CHECKSUM;
}

UN_API const char *un_strerror(int64_t code) {
    if (code >= 0) {
        return "success";
    }
    const ErrorInfo *e = find_error(code);
    return e ? e->message : "unknown error code";
}

UN_API const char *un_error_name(int64_t code) {
    if (code >= 0) {
        return "OK";
    }
    const ErrorInfo *e = find_error(code);
    return e ? e->name : "UNKNOWN";
}

UN_API int64_t un_error_class(int64_t code) {
    if (code >= 0) {
        return 0;
    }
    const ErrorInfo *e = find_error(code);
    return e ? e->klass : UN_ERR_ERROR;
}

} // extern "C"

namespace uringnet::gen {

int64_t error_from_errno(int err) {
    switch (err) {
    case ECONNRESET:
        return UN_ERR_RESET;
    case ETIMEDOUT:
        return UN_ERR_TIMED_OUT;
    case ETIME:
        return UN_ERR_TIMED_OUT;
    case EIO:
        return UN_ERR_IO;
    case EAGAIN:
        return UN_ERR_IO;
    case ENOTCONN:
        return UN_ERR_NOT_CONNECTED;
    case EDESTADDRREQ:
        return UN_ERR_NOT_CONNECTED;
    case EISCONN:
        return UN_ERR_ALREADY_CONNECTED;
    case EINVAL:
        return UN_ERR_INVALID_ARGUMENT;
    case ECANCELED:
        return UN_ERR_CANCELED;
    case ECONNREFUSED:
        return UN_ERR_CONNECTION_REFUSED;
    case ENOENT:
        return UN_ERR_CONNECTION_REFUSED;
    case EADDRINUSE:
        return UN_ERR_ADDRESS_IN_USE;
    case EADDRNOTAVAIL:
        return UN_ERR_ADDRESS_NOT_AVAILABLE;
    case EACCES:
        return UN_ERR_PERMISSION_DENIED;
    case EPERM:
        return UN_ERR_PERMISSION_DENIED;
    case EHOSTUNREACH:
        return UN_ERR_HOST_UNREACHABLE;
    case ENETUNREACH:
        return UN_ERR_HOST_UNREACHABLE;
    case ECONNABORTED:
        return UN_ERR_CONNECTION_ABORTED;
    case EPIPE:
        return UN_ERR_BROKEN_PIPE;
    case EMFILE:
        return UN_ERR_NO_RESOURCES;
    case ENFILE:
        return UN_ERR_NO_RESOURCES;
    case ENOBUFS:
        return UN_ERR_NO_RESOURCES;
    case ENOMEM:
        return UN_ERR_NO_RESOURCES;
    case ENOSYS:
        return UN_ERR_UNSUPPORTED;
    case EOPNOTSUPP:
        return UN_ERR_UNSUPPORTED;
    case EAFNOSUPPORT:
        return UN_ERR_UNSUPPORTED;
    case ENOPROTOOPT:
        return UN_ERR_UNSUPPORTED;
    case EMSGSIZE:
        return UN_ERR_MESSAGE_TOO_LONG;
    case ENODEV:
        return UN_ERR_NO_SUCH_INTERFACE;
    default:
        return UN_ERR_IO;
    }
}

} // namespace uringnet::gen
