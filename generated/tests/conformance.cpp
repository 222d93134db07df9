/* Generated from api/net.json by codegen/generate.py (template tests/conformance.cpp.j2). Do not
 * edit: change the spec or the template and run codegen/generate.py. */
// One test per operation and per error the spec lists for it, for the blocking form and for
// the *_submit form (whose error arrives at once or as its completion's result):
// tests/conformance.cpp provokes the error for real and checks the exact code.
#include <catch2/catch.hpp>

#include "conformance.hpp"
#include "uringnet/uringnet.h"

namespace {

const conformance::Operation runtime_init = {
    "runtime_init",
    false,
    {},
    [](conformance::Args &) -> int64_t { return un_runtime_init(); },
    {UN_ERR_ALREADY_INITIALIZED, UN_ERR_IO_URING_UNAVAILABLE, UN_ERR_IO_URING_NO_MEMORY,
     UN_ERR_NO_RESOURCES, UN_ERR_INVALID_ARGUMENT, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation runtime_shutdown = {
    "runtime_shutdown",
    false,
    {},
    [](conformance::Args &) -> int64_t { return un_runtime_shutdown(); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation runtime_configure_entries = {
    "runtime_configure_entries",
    false,
    {
        {"entries", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t { return un_runtime_configure_entries(a.i64("entries")); },
    {UN_ERR_INVALID_ARGUMENT},
};

const conformance::Operation runtime_stats = {
    "runtime_stats",
    false,
    {
        {"out", conformance::ParamType::text_out, 0},
        {"out_len", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_runtime_stats(a.out("out"), a.u32("out_len"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BUFFER_TOO_SMALL,
     UN_ERR_INVALID_ARGUMENT},
};

const conformance::Operation runtime_stats_submit = {
    "runtime_stats",
    true,
    {
        {"out", conformance::ParamType::text_out, 0},
        {"out_len", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_runtime_stats_submit(a.out("out"), a.u32("out_len"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BUFFER_TOO_SMALL,
     UN_ERR_INVALID_ARGUMENT},
};

const conformance::Operation runtime_configure_backend = {
    "runtime_configure_backend",
    false,
    {
        {"backend", conformance::ParamType::enumeration, 0},
    },
    [](conformance::Args &a) -> int64_t { return un_runtime_configure_backend(a.i32("backend")); },
    {UN_ERR_INVALID_ARGUMENT},
};

const conformance::Operation runtime_backend = {
    "runtime_backend",
    false,
    {
        {"out", conformance::ParamType::text_out, 0},
        {"out_len", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_runtime_backend(a.out("out"), a.u32("out_len"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BUFFER_TOO_SMALL,
     UN_ERR_INVALID_ARGUMENT, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation runtime_backend_submit = {
    "runtime_backend",
    true,
    {
        {"out", conformance::ParamType::text_out, 0},
        {"out_len", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_runtime_backend_submit(a.out("out"), a.u32("out_len"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BUFFER_TOO_SMALL,
     UN_ERR_INVALID_ARGUMENT, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation runtime_reset_stats = {
    "runtime_reset_stats",
    false,
    {},
    [](conformance::Args &) -> int64_t { return un_runtime_reset_stats(); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED},
};

const conformance::Operation runtime_reset_stats_submit = {
    "runtime_reset_stats",
    true,
    {},
    [](conformance::Args &) -> int64_t {
        return conformance::completion_of(un_runtime_reset_stats_submit(0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED},
};

const conformance::Operation runtime_configure_shards = {
    "runtime_configure_shards",
    false,
    {
        {"shards", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t { return un_runtime_configure_shards(a.i64("shards")); },
    {UN_ERR_INVALID_ARGUMENT},
};

const conformance::Operation runtime_configure_recv_buffers = {
    "runtime_configure_recv_buffers",
    false,
    {
        {"count", conformance::ParamType::u32, 0},
        {"size", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_runtime_configure_recv_buffers(a.u32("count"), a.u32("size"));
    },
    {UN_ERR_INVALID_ARGUMENT},
};

const conformance::Operation runtime_configure_wake_signal = {
    "runtime_configure_wake_signal",
    false,
    {
        {"signal", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_runtime_configure_wake_signal(a.i64("signal"));
    },
    {UN_ERR_INVALID_ARGUMENT},
};

const conformance::Operation runtime_configure_connect_delay = {
    "runtime_configure_connect_delay",
    false,
    {
        {"delay_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_runtime_configure_connect_delay(a.i64("delay_ms"));
    },
    {UN_ERR_INVALID_ARGUMENT},
};

const conformance::Operation timer = {
    "timer",
    false,
    {
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t { return un_timer(a.i64("timeout_ms")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_WOULD_DEADLOCK,
     UN_ERR_CANCELED, UN_ERR_INTERRUPTED},
};

const conformance::Operation timer_submit = {
    "timer",
    true,
    {
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_timer_submit(a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_WOULD_DEADLOCK,
     UN_ERR_CANCELED, UN_ERR_INTERRUPTED},
};

const conformance::Operation tcp_listen = {
    "tcp_listen",
    false,
    {
        {"addr", conformance::ParamType::address, 0},
        {"backlog", conformance::ParamType::i32, 0},
        {"flags", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_tcp_listen(a.text("addr"), a.i32("backlog"), a.u32("flags"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_ADDRESS,
     UN_ERR_INVALID_ARGUMENT, UN_ERR_UNKNOWN_HOST, UN_ERR_ADDRESS_IN_USE,
     UN_ERR_ADDRESS_NOT_AVAILABLE, UN_ERR_PERMISSION_DENIED, UN_ERR_UNSUPPORTED,
     UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK, UN_ERR_CANCELED},
};

const conformance::Operation tcp_listen_submit = {
    "tcp_listen",
    true,
    {
        {"addr", conformance::ParamType::address, 0},
        {"backlog", conformance::ParamType::i32, 0},
        {"flags", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_tcp_listen_submit(a.text("addr"), a.i32("backlog"), a.u32("flags"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_ADDRESS,
     UN_ERR_INVALID_ARGUMENT, UN_ERR_UNKNOWN_HOST, UN_ERR_ADDRESS_IN_USE,
     UN_ERR_ADDRESS_NOT_AVAILABLE, UN_ERR_PERMISSION_DENIED, UN_ERR_UNSUPPORTED,
     UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK, UN_ERR_CANCELED},
};

const conformance::Operation tcp_accept = {
    "tcp_accept",
    false,
    {
        {"listener", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_LISTENER)},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_tcp_accept(a.handle("listener"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_CANCELED, UN_ERR_TIMED_OUT,
     UN_ERR_NO_RESOURCES, UN_ERR_CONNECTION_ABORTED, UN_ERR_WOULD_DEADLOCK, UN_ERR_INTERRUPTED},
};

const conformance::Operation tcp_accept_submit = {
    "tcp_accept",
    true,
    {
        {"listener", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_LISTENER)},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_tcp_accept_submit(a.handle("listener"), a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_CANCELED, UN_ERR_TIMED_OUT,
     UN_ERR_NO_RESOURCES, UN_ERR_CONNECTION_ABORTED, UN_ERR_WOULD_DEADLOCK, UN_ERR_INTERRUPTED},
};

const conformance::Operation tcp_connect = {
    "tcp_connect",
    false,
    {
        {"addr", conformance::ParamType::address, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_tcp_connect(a.text("addr"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_ADDRESS,
     UN_ERR_UNKNOWN_HOST, UN_ERR_CONNECTION_REFUSED, UN_ERR_HOST_UNREACHABLE, UN_ERR_TIMED_OUT,
     UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK, UN_ERR_CANCELED, UN_ERR_INTERRUPTED},
};

const conformance::Operation tcp_connect_submit = {
    "tcp_connect",
    true,
    {
        {"addr", conformance::ParamType::address, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_tcp_connect_submit(a.text("addr"), a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_ADDRESS,
     UN_ERR_UNKNOWN_HOST, UN_ERR_CONNECTION_REFUSED, UN_ERR_HOST_UNREACHABLE, UN_ERR_TIMED_OUT,
     UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK, UN_ERR_CANCELED, UN_ERR_INTERRUPTED},
};

const conformance::Operation tcp_read = {
    "tcp_read",
    false,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"buf", conformance::ParamType::bytes_out, 0},
        {"max_len", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_tcp_read(a.handle("stream"), a.buf("buf"), a.u32("max_len"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_CANCELED,
     UN_ERR_TIMED_OUT, UN_ERR_RESET, UN_ERR_WOULD_DEADLOCK, UN_ERR_INTERRUPTED},
};

const conformance::Operation tcp_read_submit = {
    "tcp_read",
    true,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"buf", conformance::ParamType::bytes_out, 0},
        {"max_len", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_tcp_read_submit(
            a.handle("stream"), a.buf("buf"), a.u32("max_len"), a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_CANCELED,
     UN_ERR_TIMED_OUT, UN_ERR_RESET, UN_ERR_WOULD_DEADLOCK, UN_ERR_INTERRUPTED},
};

const conformance::Operation tcp_write = {
    "tcp_write",
    false,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"buf", conformance::ParamType::bytes_in, 0},
        {"len", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_tcp_write(a.handle("stream"), a.cbuf("buf"), a.u32("len"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_CANCELED,
     UN_ERR_TIMED_OUT, UN_ERR_RESET, UN_ERR_BROKEN_PIPE, UN_ERR_WOULD_DEADLOCK, UN_ERR_INTERRUPTED},
};

const conformance::Operation tcp_write_submit = {
    "tcp_write",
    true,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"buf", conformance::ParamType::bytes_in, 0},
        {"len", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_tcp_write_submit(
            a.handle("stream"), a.cbuf("buf"), a.u32("len"), a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_CANCELED,
     UN_ERR_TIMED_OUT, UN_ERR_RESET, UN_ERR_BROKEN_PIPE, UN_ERR_WOULD_DEADLOCK, UN_ERR_INTERRUPTED},
};

const conformance::Operation tcp_close = {
    "tcp_close",
    false,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
    },
    [](conformance::Args &a) -> int64_t { return un_tcp_close(a.handle("stream")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME},
};

const conformance::Operation tcp_close_submit = {
    "tcp_close",
    true,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_tcp_close_submit(a.handle("stream"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME},
};

const conformance::Operation tcp_listener_close = {
    "tcp_listener_close",
    false,
    {
        {"listener", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_LISTENER)},
    },
    [](conformance::Args &a) -> int64_t { return un_tcp_listener_close(a.handle("listener")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME},
};

const conformance::Operation tcp_listener_close_submit = {
    "tcp_listener_close",
    true,
    {
        {"listener", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_LISTENER)},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_tcp_listener_close_submit(a.handle("listener"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME},
};

const conformance::Operation socket_local_addr = {
    "socket_local_addr",
    false,
    {
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
             (1u << UN_HANDLE_UDP_SOCKET)},
        {"out", conformance::ParamType::text_out, 0},
        {"out_len", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_socket_local_addr(a.handle("handle"), a.out("out"), a.u32("out_len"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_RUNTIME, UN_ERR_BUFFER_TOO_SMALL, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation socket_local_addr_submit = {
    "socket_local_addr",
    true,
    {
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
             (1u << UN_HANDLE_UDP_SOCKET)},
        {"out", conformance::ParamType::text_out, 0},
        {"out_len", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_socket_local_addr_submit(a.handle("handle"), a.out("out"), a.u32("out_len"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_RUNTIME, UN_ERR_BUFFER_TOO_SMALL, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation tcp_flush = {
    "tcp_flush",
    false,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
    },
    [](conformance::Args &a) -> int64_t { return un_tcp_flush(a.handle("stream")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_WOULD_DEADLOCK, UN_ERR_CANCELED},
};

const conformance::Operation tcp_flush_submit = {
    "tcp_flush",
    true,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_tcp_flush_submit(a.handle("stream"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_WOULD_DEADLOCK, UN_ERR_CANCELED},
};

const conformance::Operation tcp_shutdown = {
    "tcp_shutdown",
    false,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"how", conformance::ParamType::enumeration, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_tcp_shutdown(a.handle("stream"), a.i32("how"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_NOT_CONNECTED,
     UN_ERR_WOULD_DEADLOCK, UN_ERR_CANCELED},
};

const conformance::Operation tcp_shutdown_submit = {
    "tcp_shutdown",
    true,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"how", conformance::ParamType::enumeration, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_tcp_shutdown_submit(a.handle("stream"), a.i32("how"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_NOT_CONNECTED,
     UN_ERR_WOULD_DEADLOCK, UN_ERR_CANCELED},
};

const conformance::Operation socket_peer_addr = {
    "socket_peer_addr",
    false,
    {
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_STREAM) | (1u << UN_HANDLE_UDP_SOCKET)},
        {"out", conformance::ParamType::text_out, 0},
        {"out_len", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_socket_peer_addr(a.handle("handle"), a.out("out"), a.u32("out_len"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_BUFFER_TOO_SMALL, UN_ERR_NOT_CONNECTED,
     UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation socket_peer_addr_submit = {
    "socket_peer_addr",
    true,
    {
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_STREAM) | (1u << UN_HANDLE_UDP_SOCKET)},
        {"out", conformance::ParamType::text_out, 0},
        {"out_len", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_socket_peer_addr_submit(a.handle("handle"), a.out("out"), a.u32("out_len"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_BUFFER_TOO_SMALL, UN_ERR_NOT_CONNECTED,
     UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation socket_set_option = {
    "socket_set_option",
    false,
    {
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
             (1u << UN_HANDLE_UDP_SOCKET)},
        {"option", conformance::ParamType::enumeration, 0},
        {"value", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_socket_set_option(a.handle("handle"), a.i32("option"), a.i64("value"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_UNSUPPORTED, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation socket_set_option_submit = {
    "socket_set_option",
    true,
    {
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
             (1u << UN_HANDLE_UDP_SOCKET)},
        {"option", conformance::ParamType::enumeration, 0},
        {"value", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_socket_set_option_submit(a.handle("handle"), a.i32("option"), a.i64("value"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_UNSUPPORTED, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation socket_get_option = {
    "socket_get_option",
    false,
    {
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
             (1u << UN_HANDLE_UDP_SOCKET)},
        {"option", conformance::ParamType::enumeration, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_socket_get_option(a.handle("handle"), a.i32("option"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_UNSUPPORTED, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation socket_get_option_submit = {
    "socket_get_option",
    true,
    {
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
             (1u << UN_HANDLE_UDP_SOCKET)},
        {"option", conformance::ParamType::enumeration, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_socket_get_option_submit(a.handle("handle"), a.i32("option"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_UNSUPPORTED, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation socket_cancel = {
    "socket_cancel",
    false,
    {
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
             (1u << UN_HANDLE_UDP_SOCKET)},
    },
    [](conformance::Args &a) -> int64_t { return un_socket_cancel(a.handle("handle")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_RUNTIME},
};

const conformance::Operation socket_cancel_submit = {
    "socket_cancel",
    true,
    {
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
             (1u << UN_HANDLE_UDP_SOCKET)},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_socket_cancel_submit(a.handle("handle"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_RUNTIME},
};

const conformance::Operation tcp_adopt_listener = {
    "tcp_adopt_listener",
    false,
    {
        {"fd", conformance::ParamType::i32, 0},
    },
    [](conformance::Args &a) -> int64_t { return un_tcp_adopt_listener(a.i32("fd")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_INVALID_ARGUMENT,
     UN_ERR_WRONG_KIND, UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation tcp_adopt_listener_submit = {
    "tcp_adopt_listener",
    true,
    {
        {"fd", conformance::ParamType::i32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_tcp_adopt_listener_submit(a.i32("fd"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_INVALID_ARGUMENT,
     UN_ERR_WRONG_KIND, UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation tcp_adopt_stream = {
    "tcp_adopt_stream",
    false,
    {
        {"fd", conformance::ParamType::i32, 0},
    },
    [](conformance::Args &a) -> int64_t { return un_tcp_adopt_stream(a.i32("fd")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_INVALID_ARGUMENT,
     UN_ERR_WRONG_KIND, UN_ERR_NOT_CONNECTED, UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation tcp_adopt_stream_submit = {
    "tcp_adopt_stream",
    true,
    {
        {"fd", conformance::ParamType::i32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_tcp_adopt_stream_submit(a.i32("fd"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_INVALID_ARGUMENT,
     UN_ERR_WRONG_KIND, UN_ERR_NOT_CONNECTED, UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation unix_send_fd = {
    "unix_send_fd",
    false,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"fd", conformance::ParamType::i32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_unix_send_fd(a.handle("stream"), a.i32("fd"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_UNSUPPORTED,
     UN_ERR_CANCELED, UN_ERR_BROKEN_PIPE, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation unix_send_fd_submit = {
    "unix_send_fd",
    true,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"fd", conformance::ParamType::i32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_unix_send_fd_submit(a.handle("stream"), a.i32("fd"), a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_UNSUPPORTED,
     UN_ERR_CANCELED, UN_ERR_BROKEN_PIPE, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation unix_send_handle = {
    "unix_send_handle",
    false,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
             (1u << UN_HANDLE_UDP_SOCKET)},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_unix_send_handle(a.handle("stream"), a.handle("handle"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_UNSUPPORTED, UN_ERR_CANCELED,
     UN_ERR_BROKEN_PIPE, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation unix_send_handle_submit = {
    "unix_send_handle",
    true,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"handle", conformance::ParamType::handle,
         (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
             (1u << UN_HANDLE_UDP_SOCKET)},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_unix_send_handle_submit(
            a.handle("stream"), a.handle("handle"), a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_UNSUPPORTED, UN_ERR_CANCELED,
     UN_ERR_BROKEN_PIPE, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation unix_recv_fd = {
    "unix_recv_fd",
    false,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_unix_recv_fd(a.handle("stream"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_UNSUPPORTED, UN_ERR_NO_FD,
     UN_ERR_END_OF_STREAM, UN_ERR_CANCELED, UN_ERR_TIMED_OUT, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation unix_recv_fd_submit = {
    "unix_recv_fd",
    true,
    {
        {"stream", conformance::ParamType::handle, (1u << UN_HANDLE_TCP_STREAM)},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_unix_recv_fd_submit(a.handle("stream"), a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_UNSUPPORTED, UN_ERR_NO_FD,
     UN_ERR_END_OF_STREAM, UN_ERR_CANCELED, UN_ERR_TIMED_OUT, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation udp_bind = {
    "udp_bind",
    false,
    {
        {"addr", conformance::ParamType::address, 0},
        {"flags", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t { return un_udp_bind(a.text("addr"), a.u32("flags")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_ADDRESS,
     UN_ERR_INVALID_ARGUMENT, UN_ERR_UNKNOWN_HOST, UN_ERR_ADDRESS_IN_USE,
     UN_ERR_ADDRESS_NOT_AVAILABLE, UN_ERR_PERMISSION_DENIED, UN_ERR_UNSUPPORTED,
     UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK, UN_ERR_CANCELED},
};

const conformance::Operation udp_bind_submit = {
    "udp_bind",
    true,
    {
        {"addr", conformance::ParamType::address, 0},
        {"flags", conformance::ParamType::u32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_udp_bind_submit(a.text("addr"), a.u32("flags"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_ADDRESS,
     UN_ERR_INVALID_ARGUMENT, UN_ERR_UNKNOWN_HOST, UN_ERR_ADDRESS_IN_USE,
     UN_ERR_ADDRESS_NOT_AVAILABLE, UN_ERR_PERMISSION_DENIED, UN_ERR_UNSUPPORTED,
     UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK, UN_ERR_CANCELED},
};

const conformance::Operation udp_send_to = {
    "udp_send_to",
    false,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"buf", conformance::ParamType::bytes_in, 0},
        {"len", conformance::ParamType::u32, 0},
        {"addr", conformance::ParamType::address, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_udp_send_to(a.handle("socket"), a.cbuf("buf"), a.u32("len"), a.text("addr"),
                              a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_BAD_ADDRESS, UN_ERR_UNKNOWN_HOST,
     UN_ERR_NO_RESOURCES, UN_ERR_INVALID_ARGUMENT, UN_ERR_PERMISSION_DENIED,
     UN_ERR_MESSAGE_TOO_LONG, UN_ERR_HOST_UNREACHABLE, UN_ERR_CANCELED, UN_ERR_TIMED_OUT,
     UN_ERR_UNSUPPORTED, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation udp_send_to_submit = {
    "udp_send_to",
    true,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"buf", conformance::ParamType::bytes_in, 0},
        {"len", conformance::ParamType::u32, 0},
        {"addr", conformance::ParamType::address, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_udp_send_to_submit(a.handle("socket"), a.cbuf("buf"),
                                                                a.u32("len"), a.text("addr"),
                                                                a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_BAD_ADDRESS, UN_ERR_UNKNOWN_HOST,
     UN_ERR_NO_RESOURCES, UN_ERR_INVALID_ARGUMENT, UN_ERR_PERMISSION_DENIED,
     UN_ERR_MESSAGE_TOO_LONG, UN_ERR_HOST_UNREACHABLE, UN_ERR_CANCELED, UN_ERR_TIMED_OUT,
     UN_ERR_UNSUPPORTED, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation udp_recv_from = {
    "udp_recv_from",
    false,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"buf", conformance::ParamType::bytes_out, 0},
        {"max_len", conformance::ParamType::u32, 0},
        {"from", conformance::ParamType::text_out, 0},
        {"from_len", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_udp_recv_from(a.handle("socket"), a.buf("buf"), a.u32("max_len"), a.out("from"),
                                a.u32("from_len"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_BUFFER_TOO_SMALL,
     UN_ERR_TRUNCATED, UN_ERR_CANCELED, UN_ERR_TIMED_OUT, UN_ERR_WOULD_DEADLOCK,
     UN_ERR_INTERRUPTED},
};

const conformance::Operation udp_recv_from_submit = {
    "udp_recv_from",
    true,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"buf", conformance::ParamType::bytes_out, 0},
        {"max_len", conformance::ParamType::u32, 0},
        {"from", conformance::ParamType::text_out, 0},
        {"from_len", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_udp_recv_from_submit(a.handle("socket"), a.buf("buf"), a.u32("max_len"),
                                    a.out("from"), a.u32("from_len"), a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_BUFFER_TOO_SMALL,
     UN_ERR_TRUNCATED, UN_ERR_CANCELED, UN_ERR_TIMED_OUT, UN_ERR_WOULD_DEADLOCK,
     UN_ERR_INTERRUPTED},
};

const conformance::Operation udp_connect = {
    "udp_connect",
    false,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"addr", conformance::ParamType::address, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_udp_connect(a.handle("socket"), a.text("addr"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_BAD_ADDRESS, UN_ERR_UNKNOWN_HOST,
     UN_ERR_NO_RESOURCES, UN_ERR_HOST_UNREACHABLE, UN_ERR_UNSUPPORTED, UN_ERR_WOULD_DEADLOCK,
     UN_ERR_CANCELED},
};

const conformance::Operation udp_connect_submit = {
    "udp_connect",
    true,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"addr", conformance::ParamType::address, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_udp_connect_submit(a.handle("socket"), a.text("addr"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_BAD_ADDRESS, UN_ERR_UNKNOWN_HOST,
     UN_ERR_NO_RESOURCES, UN_ERR_HOST_UNREACHABLE, UN_ERR_UNSUPPORTED, UN_ERR_WOULD_DEADLOCK,
     UN_ERR_CANCELED},
};

const conformance::Operation udp_send = {
    "udp_send",
    false,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"buf", conformance::ParamType::bytes_in, 0},
        {"len", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_udp_send(a.handle("socket"), a.cbuf("buf"), a.u32("len"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_NOT_CONNECTED,
     UN_ERR_CONNECTION_REFUSED, UN_ERR_MESSAGE_TOO_LONG, UN_ERR_CANCELED, UN_ERR_TIMED_OUT,
     UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation udp_send_submit = {
    "udp_send",
    true,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"buf", conformance::ParamType::bytes_in, 0},
        {"len", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_udp_send_submit(a.handle("socket"), a.cbuf("buf"),
                                                             a.u32("len"), a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_NOT_CONNECTED,
     UN_ERR_CONNECTION_REFUSED, UN_ERR_MESSAGE_TOO_LONG, UN_ERR_CANCELED, UN_ERR_TIMED_OUT,
     UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation udp_recv = {
    "udp_recv",
    false,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"buf", conformance::ParamType::bytes_out, 0},
        {"max_len", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_udp_recv(a.handle("socket"), a.buf("buf"), a.u32("max_len"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_TRUNCATED,
     UN_ERR_CONNECTION_REFUSED, UN_ERR_CANCELED, UN_ERR_TIMED_OUT, UN_ERR_WOULD_DEADLOCK,
     UN_ERR_INTERRUPTED},
};

const conformance::Operation udp_recv_submit = {
    "udp_recv",
    true,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"buf", conformance::ParamType::bytes_out, 0},
        {"max_len", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_udp_recv_submit(
            a.handle("socket"), a.buf("buf"), a.u32("max_len"), a.i64("timeout_ms"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_INVALID_ARGUMENT, UN_ERR_TRUNCATED,
     UN_ERR_CONNECTION_REFUSED, UN_ERR_CANCELED, UN_ERR_TIMED_OUT, UN_ERR_WOULD_DEADLOCK,
     UN_ERR_INTERRUPTED},
};

const conformance::Operation udp_close = {
    "udp_close",
    false,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
    },
    [](conformance::Args &a) -> int64_t { return un_udp_close(a.handle("socket")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME},
};

const conformance::Operation udp_close_submit = {
    "udp_close",
    true,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_udp_close_submit(a.handle("socket"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME},
};

const conformance::Operation udp_join_multicast = {
    "udp_join_multicast",
    false,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"group", conformance::ParamType::text, 0},
        {"iface", conformance::ParamType::text, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_udp_join_multicast(a.handle("socket"), a.text("group"), a.text("iface"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_BAD_ADDRESS, UN_ERR_NO_SUCH_INTERFACE,
     UN_ERR_INVALID_ARGUMENT, UN_ERR_ADDRESS_IN_USE, UN_ERR_UNSUPPORTED, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation udp_join_multicast_submit = {
    "udp_join_multicast",
    true,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"group", conformance::ParamType::text, 0},
        {"iface", conformance::ParamType::text, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_udp_join_multicast_submit(a.handle("socket"), a.text("group"), a.text("iface"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_BAD_ADDRESS, UN_ERR_NO_SUCH_INTERFACE,
     UN_ERR_INVALID_ARGUMENT, UN_ERR_ADDRESS_IN_USE, UN_ERR_UNSUPPORTED, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation udp_leave_multicast = {
    "udp_leave_multicast",
    false,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"group", conformance::ParamType::text, 0},
        {"iface", conformance::ParamType::text, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_udp_leave_multicast(a.handle("socket"), a.text("group"), a.text("iface"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_BAD_ADDRESS, UN_ERR_NO_SUCH_INTERFACE,
     UN_ERR_INVALID_ARGUMENT, UN_ERR_ADDRESS_NOT_AVAILABLE, UN_ERR_UNSUPPORTED,
     UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation udp_leave_multicast_submit = {
    "udp_leave_multicast",
    true,
    {
        {"socket", conformance::ParamType::handle, (1u << UN_HANDLE_UDP_SOCKET)},
        {"group", conformance::ParamType::text, 0},
        {"iface", conformance::ParamType::text, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(
            un_udp_leave_multicast_submit(a.handle("socket"), a.text("group"), a.text("iface"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_BAD_HANDLE, UN_ERR_CLOSED,
     UN_ERR_WRONG_KIND, UN_ERR_WRONG_RUNTIME, UN_ERR_BAD_ADDRESS, UN_ERR_NO_SUCH_INTERFACE,
     UN_ERR_INVALID_ARGUMENT, UN_ERR_ADDRESS_NOT_AVAILABLE, UN_ERR_UNSUPPORTED,
     UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation udp_adopt = {
    "udp_adopt",
    false,
    {
        {"fd", conformance::ParamType::i32, 0},
    },
    [](conformance::Args &a) -> int64_t { return un_udp_adopt(a.i32("fd")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_INVALID_ARGUMENT,
     UN_ERR_WRONG_KIND, UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation udp_adopt_submit = {
    "udp_adopt",
    true,
    {
        {"fd", conformance::ParamType::i32, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return conformance::completion_of(un_udp_adopt_submit(a.i32("fd"), 0));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_INVALID_ARGUMENT,
     UN_ERR_WRONG_KIND, UN_ERR_NO_RESOURCES, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation poll = {
    "poll",
    false,
    {
        {"out", conformance::ParamType::completions_out, 0},
        {"max", conformance::ParamType::u32, 0},
        {"timeout_ms", conformance::ParamType::i64, 0},
    },
    [](conformance::Args &a) -> int64_t {
        return un_poll(a.completions("out"), a.u32("max"), a.i64("timeout_ms"));
    },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_FORKED, UN_ERR_INVALID_ARGUMENT, UN_ERR_WOULD_DEADLOCK},
};

const conformance::Operation completion_fd = {
    "completion_fd",
    false,
    {},
    [](conformance::Args &) -> int64_t {
        return un_completion_fd(); },
    {UN_ERR_NO_RESOURCES},
};

const conformance::Operation op_cancel = {
    "op_cancel",
    false,
    {
        {"op_id", conformance::ParamType::op_id, 0},
    },
    [](conformance::Args &a) -> int64_t { return un_op_cancel(a.i64("op_id")); },
    {UN_ERR_NOT_INITIALIZED, UN_ERR_SHUT_DOWN, UN_ERR_FORKED, UN_ERR_OP_NOT_FOUND,
     UN_ERR_INVALID_ARGUMENT},
};

const conformance::Operation batch_begin = {
    "batch_begin",
    false,
    {},
    [](conformance::Args &) -> int64_t { return un_batch_begin(); },
    {UN_ERR_INVALID_ARGUMENT},
};

const conformance::Operation batch_end = {
    "batch_end",
    false,
    {},
    [](conformance::Args &) -> int64_t { return un_batch_end(); },
    {UN_ERR_INVALID_ARGUMENT},
};

} // namespace

TEST_CASE("runtime_init returns ALREADY_INITIALIZED", "[conformance][runtime_init]") {
    conformance::check(runtime_init, UN_ERR_ALREADY_INITIALIZED);
}

TEST_CASE("runtime_init returns IO_URING_UNAVAILABLE", "[conformance][runtime_init]") {
    conformance::check(runtime_init, UN_ERR_IO_URING_UNAVAILABLE);
}

TEST_CASE("runtime_init returns IO_URING_NO_MEMORY", "[conformance][runtime_init]") {
    conformance::check(runtime_init, UN_ERR_IO_URING_NO_MEMORY);
}

TEST_CASE("runtime_init returns NO_RESOURCES", "[conformance][runtime_init]") {
    conformance::check(runtime_init, UN_ERR_NO_RESOURCES);
}

TEST_CASE("runtime_init returns INVALID_ARGUMENT", "[conformance][runtime_init]") {
    conformance::check(runtime_init, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("runtime_init returns WOULD_DEADLOCK", "[conformance][runtime_init]") {
    conformance::check(runtime_init, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("runtime_shutdown returns NOT_INITIALIZED", "[conformance][runtime_shutdown]") {
    conformance::check(runtime_shutdown, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("runtime_shutdown returns SHUT_DOWN", "[conformance][runtime_shutdown]") {
    conformance::check(runtime_shutdown, UN_ERR_SHUT_DOWN);
}

TEST_CASE("runtime_shutdown returns WOULD_DEADLOCK", "[conformance][runtime_shutdown]") {
    conformance::check(runtime_shutdown, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("runtime_configure_entries returns INVALID_ARGUMENT",
          "[conformance][runtime_configure_entries]") {
    conformance::check(runtime_configure_entries, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("runtime_stats returns NOT_INITIALIZED", "[conformance][runtime_stats]") {
    conformance::check(runtime_stats, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("runtime_stats returns SHUT_DOWN", "[conformance][runtime_stats]") {
    conformance::check(runtime_stats, UN_ERR_SHUT_DOWN);
}

TEST_CASE("runtime_stats returns FORKED", "[conformance][runtime_stats]") {
    conformance::check(runtime_stats, UN_ERR_FORKED);
}

TEST_CASE("runtime_stats returns BUFFER_TOO_SMALL", "[conformance][runtime_stats]") {
    conformance::check(runtime_stats, UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("runtime_stats returns INVALID_ARGUMENT", "[conformance][runtime_stats]") {
    conformance::check(runtime_stats, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("runtime_stats_submit completes with NOT_INITIALIZED",
          "[conformance][submit][runtime_stats]") {
    conformance::check(runtime_stats_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("runtime_stats_submit completes with SHUT_DOWN", "[conformance][submit][runtime_stats]") {
    conformance::check(runtime_stats_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("runtime_stats_submit completes with FORKED", "[conformance][submit][runtime_stats]") {
    conformance::check(runtime_stats_submit, UN_ERR_FORKED);
}

TEST_CASE("runtime_stats_submit completes with BUFFER_TOO_SMALL",
          "[conformance][submit][runtime_stats]") {
    conformance::check(runtime_stats_submit, UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("runtime_stats_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][runtime_stats]") {
    conformance::check(runtime_stats_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("runtime_configure_backend returns INVALID_ARGUMENT",
          "[conformance][runtime_configure_backend]") {
    conformance::check(runtime_configure_backend, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("runtime_backend returns NOT_INITIALIZED", "[conformance][runtime_backend]") {
    conformance::check(runtime_backend, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("runtime_backend returns SHUT_DOWN", "[conformance][runtime_backend]") {
    conformance::check(runtime_backend, UN_ERR_SHUT_DOWN);
}

TEST_CASE("runtime_backend returns FORKED", "[conformance][runtime_backend]") {
    conformance::check(runtime_backend, UN_ERR_FORKED);
}

TEST_CASE("runtime_backend returns BUFFER_TOO_SMALL", "[conformance][runtime_backend]") {
    conformance::check(runtime_backend, UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("runtime_backend returns INVALID_ARGUMENT", "[conformance][runtime_backend]") {
    conformance::check(runtime_backend, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("runtime_backend returns WOULD_DEADLOCK", "[conformance][runtime_backend]") {
    conformance::check(runtime_backend, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("runtime_backend_submit completes with NOT_INITIALIZED",
          "[conformance][submit][runtime_backend]") {
    conformance::check(runtime_backend_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("runtime_backend_submit completes with SHUT_DOWN",
          "[conformance][submit][runtime_backend]") {
    conformance::check(runtime_backend_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("runtime_backend_submit completes with FORKED",
          "[conformance][submit][runtime_backend]") {
    conformance::check(runtime_backend_submit, UN_ERR_FORKED);
}

TEST_CASE("runtime_backend_submit completes with BUFFER_TOO_SMALL",
          "[conformance][submit][runtime_backend]") {
    conformance::check(runtime_backend_submit, UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("runtime_backend_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][runtime_backend]") {
    conformance::check(runtime_backend_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("runtime_reset_stats returns NOT_INITIALIZED", "[conformance][runtime_reset_stats]") {
    conformance::check(runtime_reset_stats, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("runtime_reset_stats returns SHUT_DOWN", "[conformance][runtime_reset_stats]") {
    conformance::check(runtime_reset_stats, UN_ERR_SHUT_DOWN);
}

TEST_CASE("runtime_reset_stats returns FORKED", "[conformance][runtime_reset_stats]") {
    conformance::check(runtime_reset_stats, UN_ERR_FORKED);
}

TEST_CASE("runtime_reset_stats_submit completes with NOT_INITIALIZED",
          "[conformance][submit][runtime_reset_stats]") {
    conformance::check(runtime_reset_stats_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("runtime_reset_stats_submit completes with SHUT_DOWN",
          "[conformance][submit][runtime_reset_stats]") {
    conformance::check(runtime_reset_stats_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("runtime_reset_stats_submit completes with FORKED",
          "[conformance][submit][runtime_reset_stats]") {
    conformance::check(runtime_reset_stats_submit, UN_ERR_FORKED);
}

TEST_CASE("runtime_configure_shards returns INVALID_ARGUMENT",
          "[conformance][runtime_configure_shards]") {
    conformance::check(runtime_configure_shards, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("runtime_configure_recv_buffers returns INVALID_ARGUMENT",
          "[conformance][runtime_configure_recv_buffers]") {
    conformance::check(runtime_configure_recv_buffers, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("runtime_configure_wake_signal returns INVALID_ARGUMENT",
          "[conformance][runtime_configure_wake_signal]") {
    conformance::check(runtime_configure_wake_signal, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("runtime_configure_connect_delay returns INVALID_ARGUMENT",
          "[conformance][runtime_configure_connect_delay]") {
    conformance::check(runtime_configure_connect_delay, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("timer returns NOT_INITIALIZED", "[conformance][timer]") {
    conformance::check(timer, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("timer returns SHUT_DOWN", "[conformance][timer]") {
    conformance::check(timer, UN_ERR_SHUT_DOWN);
}

TEST_CASE("timer returns FORKED", "[conformance][timer]") {
    conformance::check(timer, UN_ERR_FORKED);
}

TEST_CASE("timer returns WOULD_DEADLOCK", "[conformance][timer]") {
    conformance::check(timer, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("timer returns INTERRUPTED", "[conformance][timer]") {
    conformance::check(timer, UN_ERR_INTERRUPTED);
}

TEST_CASE("timer_submit completes with NOT_INITIALIZED", "[conformance][submit][timer]") {
    conformance::check(timer_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("timer_submit completes with SHUT_DOWN", "[conformance][submit][timer]") {
    conformance::check(timer_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("timer_submit completes with FORKED", "[conformance][submit][timer]") {
    conformance::check(timer_submit, UN_ERR_FORKED);
}

TEST_CASE("timer_submit completes with CANCELED", "[conformance][submit][timer]") {
    conformance::check(timer_submit, UN_ERR_CANCELED);
}

TEST_CASE("tcp_listen returns NOT_INITIALIZED", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_listen returns SHUT_DOWN", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_listen returns FORKED", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_FORKED);
}

TEST_CASE("tcp_listen returns BAD_ADDRESS", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("tcp_listen returns INVALID_ARGUMENT", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_listen returns UNKNOWN_HOST", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_UNKNOWN_HOST);
}

TEST_CASE("tcp_listen returns ADDRESS_IN_USE", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_ADDRESS_IN_USE);
}

TEST_CASE("tcp_listen returns ADDRESS_NOT_AVAILABLE", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_ADDRESS_NOT_AVAILABLE);
}

TEST_CASE("tcp_listen returns PERMISSION_DENIED", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_PERMISSION_DENIED);
}

TEST_CASE("tcp_listen returns UNSUPPORTED", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_UNSUPPORTED);
}

TEST_CASE("tcp_listen returns NO_RESOURCES", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_NO_RESOURCES);
}

TEST_CASE("tcp_listen returns WOULD_DEADLOCK", "[conformance][tcp_listen]") {
    conformance::check(tcp_listen, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("tcp_listen_submit completes with NOT_INITIALIZED", "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_listen_submit completes with SHUT_DOWN", "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_listen_submit completes with FORKED", "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_listen_submit completes with BAD_ADDRESS", "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("tcp_listen_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_listen_submit completes with UNKNOWN_HOST", "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_UNKNOWN_HOST);
}

TEST_CASE("tcp_listen_submit completes with ADDRESS_IN_USE", "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_ADDRESS_IN_USE);
}

TEST_CASE("tcp_listen_submit completes with ADDRESS_NOT_AVAILABLE",
          "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_ADDRESS_NOT_AVAILABLE);
}

TEST_CASE("tcp_listen_submit completes with PERMISSION_DENIED",
          "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_PERMISSION_DENIED);
}

TEST_CASE("tcp_listen_submit completes with UNSUPPORTED", "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("tcp_listen_submit completes with NO_RESOURCES", "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_NO_RESOURCES);
}

TEST_CASE("tcp_listen_submit completes with CANCELED", "[conformance][submit][tcp_listen]") {
    conformance::check(tcp_listen_submit, UN_ERR_CANCELED);
}

TEST_CASE("tcp_accept returns NOT_INITIALIZED", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_accept returns SHUT_DOWN", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_accept returns FORKED", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_FORKED);
}

TEST_CASE("tcp_accept returns BAD_HANDLE", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_accept returns CLOSED", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_CLOSED);
}

TEST_CASE("tcp_accept returns WRONG_KIND", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_accept returns WRONG_RUNTIME", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_accept returns CANCELED", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_CANCELED);
}

TEST_CASE("tcp_accept returns TIMED_OUT", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_TIMED_OUT);
}

TEST_CASE("tcp_accept returns NO_RESOURCES", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_NO_RESOURCES);
}

TEST_CASE("tcp_accept returns CONNECTION_ABORTED", "[conformance][tcp_accept]") {
    conformance::skip(
        "Linux queues a connection that was reset before accept and hands it out (the reset shows "
        "on the first read), so accept never fails with ECONNABORTED here.");
}

TEST_CASE("tcp_accept returns WOULD_DEADLOCK", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("tcp_accept returns INTERRUPTED", "[conformance][tcp_accept]") {
    conformance::check(tcp_accept, UN_ERR_INTERRUPTED);
}

TEST_CASE("tcp_accept_submit completes with NOT_INITIALIZED", "[conformance][submit][tcp_accept]") {
    conformance::check(tcp_accept_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_accept_submit completes with SHUT_DOWN", "[conformance][submit][tcp_accept]") {
    conformance::check(tcp_accept_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_accept_submit completes with FORKED", "[conformance][submit][tcp_accept]") {
    conformance::check(tcp_accept_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_accept_submit completes with BAD_HANDLE", "[conformance][submit][tcp_accept]") {
    conformance::check(tcp_accept_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_accept_submit completes with CLOSED", "[conformance][submit][tcp_accept]") {
    conformance::check(tcp_accept_submit, UN_ERR_CLOSED);
}

TEST_CASE("tcp_accept_submit completes with WRONG_KIND", "[conformance][submit][tcp_accept]") {
    conformance::check(tcp_accept_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_accept_submit completes with WRONG_RUNTIME", "[conformance][submit][tcp_accept]") {
    conformance::check(tcp_accept_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_accept_submit completes with CANCELED", "[conformance][submit][tcp_accept]") {
    conformance::check(tcp_accept_submit, UN_ERR_CANCELED);
}

TEST_CASE("tcp_accept_submit completes with TIMED_OUT", "[conformance][submit][tcp_accept]") {
    conformance::check(tcp_accept_submit, UN_ERR_TIMED_OUT);
}

TEST_CASE("tcp_accept_submit completes with NO_RESOURCES", "[conformance][submit][tcp_accept]") {
    conformance::check(tcp_accept_submit, UN_ERR_NO_RESOURCES);
}

TEST_CASE("tcp_accept_submit completes with CONNECTION_ABORTED",
          "[conformance][submit][tcp_accept]") {
    conformance::skip(
        "Linux queues a connection that was reset before accept and hands it out (the reset shows "
        "on the first read), so accept never fails with ECONNABORTED here.");
}

TEST_CASE("tcp_connect returns NOT_INITIALIZED", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_connect returns SHUT_DOWN", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_connect returns FORKED", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_FORKED);
}

TEST_CASE("tcp_connect returns BAD_ADDRESS", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("tcp_connect returns UNKNOWN_HOST", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_UNKNOWN_HOST);
}

TEST_CASE("tcp_connect returns CONNECTION_REFUSED", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_CONNECTION_REFUSED);
}

TEST_CASE("tcp_connect returns HOST_UNREACHABLE", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_HOST_UNREACHABLE);
}

TEST_CASE("tcp_connect returns TIMED_OUT", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_TIMED_OUT);
}

TEST_CASE("tcp_connect returns NO_RESOURCES", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_NO_RESOURCES);
}

TEST_CASE("tcp_connect returns WOULD_DEADLOCK", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("tcp_connect returns INTERRUPTED", "[conformance][tcp_connect]") {
    conformance::check(tcp_connect, UN_ERR_INTERRUPTED);
}

TEST_CASE("tcp_connect_submit completes with NOT_INITIALIZED",
          "[conformance][submit][tcp_connect]") {
    conformance::check(tcp_connect_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_connect_submit completes with SHUT_DOWN", "[conformance][submit][tcp_connect]") {
    conformance::check(tcp_connect_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_connect_submit completes with FORKED", "[conformance][submit][tcp_connect]") {
    conformance::check(tcp_connect_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_connect_submit completes with BAD_ADDRESS", "[conformance][submit][tcp_connect]") {
    conformance::check(tcp_connect_submit, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("tcp_connect_submit completes with UNKNOWN_HOST", "[conformance][submit][tcp_connect]") {
    conformance::check(tcp_connect_submit, UN_ERR_UNKNOWN_HOST);
}

TEST_CASE("tcp_connect_submit completes with CONNECTION_REFUSED",
          "[conformance][submit][tcp_connect]") {
    conformance::check(tcp_connect_submit, UN_ERR_CONNECTION_REFUSED);
}

TEST_CASE("tcp_connect_submit completes with HOST_UNREACHABLE",
          "[conformance][submit][tcp_connect]") {
    conformance::check(tcp_connect_submit, UN_ERR_HOST_UNREACHABLE);
}

TEST_CASE("tcp_connect_submit completes with TIMED_OUT", "[conformance][submit][tcp_connect]") {
    conformance::check(tcp_connect_submit, UN_ERR_TIMED_OUT);
}

TEST_CASE("tcp_connect_submit completes with NO_RESOURCES", "[conformance][submit][tcp_connect]") {
    conformance::check(tcp_connect_submit, UN_ERR_NO_RESOURCES);
}

TEST_CASE("tcp_connect_submit completes with CANCELED", "[conformance][submit][tcp_connect]") {
    conformance::check(tcp_connect_submit, UN_ERR_CANCELED);
}

TEST_CASE("tcp_read returns NOT_INITIALIZED", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_read returns SHUT_DOWN", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_read returns FORKED", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_FORKED);
}

TEST_CASE("tcp_read returns BAD_HANDLE", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_read returns CLOSED", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_CLOSED);
}

TEST_CASE("tcp_read returns WRONG_KIND", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_read returns WRONG_RUNTIME", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_read returns INVALID_ARGUMENT", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_read returns CANCELED", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_CANCELED);
}

TEST_CASE("tcp_read returns TIMED_OUT", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_TIMED_OUT);
}

TEST_CASE("tcp_read returns RESET", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_RESET);
}

TEST_CASE("tcp_read returns WOULD_DEADLOCK", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("tcp_read returns INTERRUPTED", "[conformance][tcp_read]") {
    conformance::check(tcp_read, UN_ERR_INTERRUPTED);
}

TEST_CASE("tcp_read_submit completes with NOT_INITIALIZED", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_read_submit completes with SHUT_DOWN", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_read_submit completes with FORKED", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_read_submit completes with BAD_HANDLE", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_read_submit completes with CLOSED", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_CLOSED);
}

TEST_CASE("tcp_read_submit completes with WRONG_KIND", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_read_submit completes with WRONG_RUNTIME", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_read_submit completes with INVALID_ARGUMENT", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_read_submit completes with CANCELED", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_CANCELED);
}

TEST_CASE("tcp_read_submit completes with TIMED_OUT", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_TIMED_OUT);
}

TEST_CASE("tcp_read_submit completes with RESET", "[conformance][submit][tcp_read]") {
    conformance::check(tcp_read_submit, UN_ERR_RESET);
}

TEST_CASE("tcp_write returns NOT_INITIALIZED", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_write returns SHUT_DOWN", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_write returns FORKED", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_FORKED);
}

TEST_CASE("tcp_write returns BAD_HANDLE", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_write returns CLOSED", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_CLOSED);
}

TEST_CASE("tcp_write returns WRONG_KIND", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_write returns WRONG_RUNTIME", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_write returns INVALID_ARGUMENT", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_write returns CANCELED", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_CANCELED);
}

TEST_CASE("tcp_write returns TIMED_OUT", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_TIMED_OUT);
}

TEST_CASE("tcp_write returns RESET", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_RESET);
}

TEST_CASE("tcp_write returns BROKEN_PIPE", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_BROKEN_PIPE);
}

TEST_CASE("tcp_write returns WOULD_DEADLOCK", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("tcp_write returns INTERRUPTED", "[conformance][tcp_write]") {
    conformance::check(tcp_write, UN_ERR_INTERRUPTED);
}

TEST_CASE("tcp_write_submit completes with NOT_INITIALIZED", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_write_submit completes with SHUT_DOWN", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_write_submit completes with FORKED", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_write_submit completes with BAD_HANDLE", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_write_submit completes with CLOSED", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_CLOSED);
}

TEST_CASE("tcp_write_submit completes with WRONG_KIND", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_write_submit completes with WRONG_RUNTIME", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_write_submit completes with INVALID_ARGUMENT", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_write_submit completes with CANCELED", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_CANCELED);
}

TEST_CASE("tcp_write_submit completes with TIMED_OUT", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_TIMED_OUT);
}

TEST_CASE("tcp_write_submit completes with RESET", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_RESET);
}

TEST_CASE("tcp_write_submit completes with BROKEN_PIPE", "[conformance][submit][tcp_write]") {
    conformance::check(tcp_write_submit, UN_ERR_BROKEN_PIPE);
}

TEST_CASE("tcp_close returns NOT_INITIALIZED", "[conformance][tcp_close]") {
    conformance::check(tcp_close, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_close returns SHUT_DOWN", "[conformance][tcp_close]") {
    conformance::check(tcp_close, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_close returns FORKED", "[conformance][tcp_close]") {
    conformance::check(tcp_close, UN_ERR_FORKED);
}

TEST_CASE("tcp_close returns BAD_HANDLE", "[conformance][tcp_close]") {
    conformance::check(tcp_close, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_close returns CLOSED", "[conformance][tcp_close]") {
    conformance::check(tcp_close, UN_ERR_CLOSED);
}

TEST_CASE("tcp_close returns WRONG_KIND", "[conformance][tcp_close]") {
    conformance::check(tcp_close, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_close returns WRONG_RUNTIME", "[conformance][tcp_close]") {
    conformance::check(tcp_close, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_close_submit completes with NOT_INITIALIZED", "[conformance][submit][tcp_close]") {
    conformance::check(tcp_close_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_close_submit completes with SHUT_DOWN", "[conformance][submit][tcp_close]") {
    conformance::check(tcp_close_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_close_submit completes with FORKED", "[conformance][submit][tcp_close]") {
    conformance::check(tcp_close_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_close_submit completes with BAD_HANDLE", "[conformance][submit][tcp_close]") {
    conformance::check(tcp_close_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_close_submit completes with CLOSED", "[conformance][submit][tcp_close]") {
    conformance::check(tcp_close_submit, UN_ERR_CLOSED);
}

TEST_CASE("tcp_close_submit completes with WRONG_KIND", "[conformance][submit][tcp_close]") {
    conformance::check(tcp_close_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_close_submit completes with WRONG_RUNTIME", "[conformance][submit][tcp_close]") {
    conformance::check(tcp_close_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_listener_close returns NOT_INITIALIZED", "[conformance][tcp_listener_close]") {
    conformance::check(tcp_listener_close, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_listener_close returns SHUT_DOWN", "[conformance][tcp_listener_close]") {
    conformance::check(tcp_listener_close, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_listener_close returns FORKED", "[conformance][tcp_listener_close]") {
    conformance::check(tcp_listener_close, UN_ERR_FORKED);
}

TEST_CASE("tcp_listener_close returns BAD_HANDLE", "[conformance][tcp_listener_close]") {
    conformance::check(tcp_listener_close, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_listener_close returns CLOSED", "[conformance][tcp_listener_close]") {
    conformance::check(tcp_listener_close, UN_ERR_CLOSED);
}

TEST_CASE("tcp_listener_close returns WRONG_KIND", "[conformance][tcp_listener_close]") {
    conformance::check(tcp_listener_close, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_listener_close returns WRONG_RUNTIME", "[conformance][tcp_listener_close]") {
    conformance::check(tcp_listener_close, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_listener_close_submit completes with NOT_INITIALIZED",
          "[conformance][submit][tcp_listener_close]") {
    conformance::check(tcp_listener_close_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_listener_close_submit completes with SHUT_DOWN",
          "[conformance][submit][tcp_listener_close]") {
    conformance::check(tcp_listener_close_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_listener_close_submit completes with FORKED",
          "[conformance][submit][tcp_listener_close]") {
    conformance::check(tcp_listener_close_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_listener_close_submit completes with BAD_HANDLE",
          "[conformance][submit][tcp_listener_close]") {
    conformance::check(tcp_listener_close_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_listener_close_submit completes with CLOSED",
          "[conformance][submit][tcp_listener_close]") {
    conformance::check(tcp_listener_close_submit, UN_ERR_CLOSED);
}

TEST_CASE("tcp_listener_close_submit completes with WRONG_KIND",
          "[conformance][submit][tcp_listener_close]") {
    conformance::check(tcp_listener_close_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_listener_close_submit completes with WRONG_RUNTIME",
          "[conformance][submit][tcp_listener_close]") {
    conformance::check(tcp_listener_close_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("socket_local_addr returns NOT_INITIALIZED", "[conformance][socket_local_addr]") {
    conformance::check(socket_local_addr, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("socket_local_addr returns SHUT_DOWN", "[conformance][socket_local_addr]") {
    conformance::check(socket_local_addr, UN_ERR_SHUT_DOWN);
}

TEST_CASE("socket_local_addr returns FORKED", "[conformance][socket_local_addr]") {
    conformance::check(socket_local_addr, UN_ERR_FORKED);
}

TEST_CASE("socket_local_addr returns BAD_HANDLE", "[conformance][socket_local_addr]") {
    conformance::check(socket_local_addr, UN_ERR_BAD_HANDLE);
}

TEST_CASE("socket_local_addr returns CLOSED", "[conformance][socket_local_addr]") {
    conformance::check(socket_local_addr, UN_ERR_CLOSED);
}

TEST_CASE("socket_local_addr returns WRONG_RUNTIME", "[conformance][socket_local_addr]") {
    conformance::check(socket_local_addr, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("socket_local_addr returns BUFFER_TOO_SMALL", "[conformance][socket_local_addr]") {
    conformance::check(socket_local_addr, UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("socket_local_addr returns WOULD_DEADLOCK", "[conformance][socket_local_addr]") {
    conformance::check(socket_local_addr, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("socket_local_addr_submit completes with NOT_INITIALIZED",
          "[conformance][submit][socket_local_addr]") {
    conformance::check(socket_local_addr_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("socket_local_addr_submit completes with SHUT_DOWN",
          "[conformance][submit][socket_local_addr]") {
    conformance::check(socket_local_addr_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("socket_local_addr_submit completes with FORKED",
          "[conformance][submit][socket_local_addr]") {
    conformance::check(socket_local_addr_submit, UN_ERR_FORKED);
}

TEST_CASE("socket_local_addr_submit completes with BAD_HANDLE",
          "[conformance][submit][socket_local_addr]") {
    conformance::check(socket_local_addr_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("socket_local_addr_submit completes with CLOSED",
          "[conformance][submit][socket_local_addr]") {
    conformance::check(socket_local_addr_submit, UN_ERR_CLOSED);
}

TEST_CASE("socket_local_addr_submit completes with WRONG_RUNTIME",
          "[conformance][submit][socket_local_addr]") {
    conformance::check(socket_local_addr_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("socket_local_addr_submit completes with BUFFER_TOO_SMALL",
          "[conformance][submit][socket_local_addr]") {
    conformance::check(socket_local_addr_submit, UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("tcp_flush returns NOT_INITIALIZED", "[conformance][tcp_flush]") {
    conformance::check(tcp_flush, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_flush returns SHUT_DOWN", "[conformance][tcp_flush]") {
    conformance::check(tcp_flush, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_flush returns FORKED", "[conformance][tcp_flush]") {
    conformance::check(tcp_flush, UN_ERR_FORKED);
}

TEST_CASE("tcp_flush returns BAD_HANDLE", "[conformance][tcp_flush]") {
    conformance::check(tcp_flush, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_flush returns CLOSED", "[conformance][tcp_flush]") {
    conformance::check(tcp_flush, UN_ERR_CLOSED);
}

TEST_CASE("tcp_flush returns WRONG_KIND", "[conformance][tcp_flush]") {
    conformance::check(tcp_flush, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_flush returns WRONG_RUNTIME", "[conformance][tcp_flush]") {
    conformance::check(tcp_flush, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_flush returns WOULD_DEADLOCK", "[conformance][tcp_flush]") {
    conformance::check(tcp_flush, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("tcp_flush returns CANCELED", "[conformance][tcp_flush]") {
    conformance::check(tcp_flush, UN_ERR_CANCELED);
}

TEST_CASE("tcp_flush_submit completes with NOT_INITIALIZED", "[conformance][submit][tcp_flush]") {
    conformance::check(tcp_flush_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_flush_submit completes with SHUT_DOWN", "[conformance][submit][tcp_flush]") {
    conformance::check(tcp_flush_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_flush_submit completes with FORKED", "[conformance][submit][tcp_flush]") {
    conformance::check(tcp_flush_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_flush_submit completes with BAD_HANDLE", "[conformance][submit][tcp_flush]") {
    conformance::check(tcp_flush_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_flush_submit completes with CLOSED", "[conformance][submit][tcp_flush]") {
    conformance::check(tcp_flush_submit, UN_ERR_CLOSED);
}

TEST_CASE("tcp_flush_submit completes with WRONG_KIND", "[conformance][submit][tcp_flush]") {
    conformance::check(tcp_flush_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_flush_submit completes with WRONG_RUNTIME", "[conformance][submit][tcp_flush]") {
    conformance::check(tcp_flush_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_flush_submit completes with CANCELED", "[conformance][submit][tcp_flush]") {
    conformance::check(tcp_flush_submit, UN_ERR_CANCELED);
}

TEST_CASE("tcp_shutdown returns NOT_INITIALIZED", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_shutdown returns SHUT_DOWN", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_shutdown returns FORKED", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_FORKED);
}

TEST_CASE("tcp_shutdown returns BAD_HANDLE", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_shutdown returns CLOSED", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_CLOSED);
}

TEST_CASE("tcp_shutdown returns WRONG_KIND", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_shutdown returns WRONG_RUNTIME", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_shutdown returns INVALID_ARGUMENT", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_shutdown returns NOT_CONNECTED", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_NOT_CONNECTED);
}

TEST_CASE("tcp_shutdown returns WOULD_DEADLOCK", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("tcp_shutdown returns CANCELED", "[conformance][tcp_shutdown]") {
    conformance::check(tcp_shutdown, UN_ERR_CANCELED);
}

TEST_CASE("tcp_shutdown_submit completes with NOT_INITIALIZED",
          "[conformance][submit][tcp_shutdown]") {
    conformance::check(tcp_shutdown_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_shutdown_submit completes with SHUT_DOWN", "[conformance][submit][tcp_shutdown]") {
    conformance::check(tcp_shutdown_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_shutdown_submit completes with FORKED", "[conformance][submit][tcp_shutdown]") {
    conformance::check(tcp_shutdown_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_shutdown_submit completes with BAD_HANDLE", "[conformance][submit][tcp_shutdown]") {
    conformance::check(tcp_shutdown_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("tcp_shutdown_submit completes with CLOSED", "[conformance][submit][tcp_shutdown]") {
    conformance::check(tcp_shutdown_submit, UN_ERR_CLOSED);
}

TEST_CASE("tcp_shutdown_submit completes with WRONG_KIND", "[conformance][submit][tcp_shutdown]") {
    conformance::check(tcp_shutdown_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_shutdown_submit completes with WRONG_RUNTIME",
          "[conformance][submit][tcp_shutdown]") {
    conformance::check(tcp_shutdown_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_shutdown_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][tcp_shutdown]") {
    conformance::check(tcp_shutdown_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_shutdown_submit completes with NOT_CONNECTED",
          "[conformance][submit][tcp_shutdown]") {
    conformance::check(tcp_shutdown_submit, UN_ERR_NOT_CONNECTED);
}

TEST_CASE("tcp_shutdown_submit completes with CANCELED", "[conformance][submit][tcp_shutdown]") {
    conformance::check(tcp_shutdown_submit, UN_ERR_CANCELED);
}

TEST_CASE("socket_peer_addr returns NOT_INITIALIZED", "[conformance][socket_peer_addr]") {
    conformance::check(socket_peer_addr, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("socket_peer_addr returns SHUT_DOWN", "[conformance][socket_peer_addr]") {
    conformance::check(socket_peer_addr, UN_ERR_SHUT_DOWN);
}

TEST_CASE("socket_peer_addr returns FORKED", "[conformance][socket_peer_addr]") {
    conformance::check(socket_peer_addr, UN_ERR_FORKED);
}

TEST_CASE("socket_peer_addr returns BAD_HANDLE", "[conformance][socket_peer_addr]") {
    conformance::check(socket_peer_addr, UN_ERR_BAD_HANDLE);
}

TEST_CASE("socket_peer_addr returns CLOSED", "[conformance][socket_peer_addr]") {
    conformance::check(socket_peer_addr, UN_ERR_CLOSED);
}

TEST_CASE("socket_peer_addr returns WRONG_KIND", "[conformance][socket_peer_addr]") {
    conformance::check(socket_peer_addr, UN_ERR_WRONG_KIND);
}

TEST_CASE("socket_peer_addr returns WRONG_RUNTIME", "[conformance][socket_peer_addr]") {
    conformance::check(socket_peer_addr, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("socket_peer_addr returns BUFFER_TOO_SMALL", "[conformance][socket_peer_addr]") {
    conformance::check(socket_peer_addr, UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("socket_peer_addr returns NOT_CONNECTED", "[conformance][socket_peer_addr]") {
    conformance::check(socket_peer_addr, UN_ERR_NOT_CONNECTED);
}

TEST_CASE("socket_peer_addr returns WOULD_DEADLOCK", "[conformance][socket_peer_addr]") {
    conformance::check(socket_peer_addr, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("socket_peer_addr_submit completes with NOT_INITIALIZED",
          "[conformance][submit][socket_peer_addr]") {
    conformance::check(socket_peer_addr_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("socket_peer_addr_submit completes with SHUT_DOWN",
          "[conformance][submit][socket_peer_addr]") {
    conformance::check(socket_peer_addr_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("socket_peer_addr_submit completes with FORKED",
          "[conformance][submit][socket_peer_addr]") {
    conformance::check(socket_peer_addr_submit, UN_ERR_FORKED);
}

TEST_CASE("socket_peer_addr_submit completes with BAD_HANDLE",
          "[conformance][submit][socket_peer_addr]") {
    conformance::check(socket_peer_addr_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("socket_peer_addr_submit completes with CLOSED",
          "[conformance][submit][socket_peer_addr]") {
    conformance::check(socket_peer_addr_submit, UN_ERR_CLOSED);
}

TEST_CASE("socket_peer_addr_submit completes with WRONG_KIND",
          "[conformance][submit][socket_peer_addr]") {
    conformance::check(socket_peer_addr_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("socket_peer_addr_submit completes with WRONG_RUNTIME",
          "[conformance][submit][socket_peer_addr]") {
    conformance::check(socket_peer_addr_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("socket_peer_addr_submit completes with BUFFER_TOO_SMALL",
          "[conformance][submit][socket_peer_addr]") {
    conformance::check(socket_peer_addr_submit, UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("socket_peer_addr_submit completes with NOT_CONNECTED",
          "[conformance][submit][socket_peer_addr]") {
    conformance::check(socket_peer_addr_submit, UN_ERR_NOT_CONNECTED);
}

TEST_CASE("socket_set_option returns NOT_INITIALIZED", "[conformance][socket_set_option]") {
    conformance::check(socket_set_option, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("socket_set_option returns SHUT_DOWN", "[conformance][socket_set_option]") {
    conformance::check(socket_set_option, UN_ERR_SHUT_DOWN);
}

TEST_CASE("socket_set_option returns FORKED", "[conformance][socket_set_option]") {
    conformance::check(socket_set_option, UN_ERR_FORKED);
}

TEST_CASE("socket_set_option returns BAD_HANDLE", "[conformance][socket_set_option]") {
    conformance::check(socket_set_option, UN_ERR_BAD_HANDLE);
}

TEST_CASE("socket_set_option returns CLOSED", "[conformance][socket_set_option]") {
    conformance::check(socket_set_option, UN_ERR_CLOSED);
}

TEST_CASE("socket_set_option returns WRONG_RUNTIME", "[conformance][socket_set_option]") {
    conformance::check(socket_set_option, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("socket_set_option returns INVALID_ARGUMENT", "[conformance][socket_set_option]") {
    conformance::check(socket_set_option, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("socket_set_option returns UNSUPPORTED", "[conformance][socket_set_option]") {
    conformance::check(socket_set_option, UN_ERR_UNSUPPORTED);
}

TEST_CASE("socket_set_option returns WOULD_DEADLOCK", "[conformance][socket_set_option]") {
    conformance::check(socket_set_option, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("socket_set_option_submit completes with NOT_INITIALIZED",
          "[conformance][submit][socket_set_option]") {
    conformance::check(socket_set_option_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("socket_set_option_submit completes with SHUT_DOWN",
          "[conformance][submit][socket_set_option]") {
    conformance::check(socket_set_option_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("socket_set_option_submit completes with FORKED",
          "[conformance][submit][socket_set_option]") {
    conformance::check(socket_set_option_submit, UN_ERR_FORKED);
}

TEST_CASE("socket_set_option_submit completes with BAD_HANDLE",
          "[conformance][submit][socket_set_option]") {
    conformance::check(socket_set_option_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("socket_set_option_submit completes with CLOSED",
          "[conformance][submit][socket_set_option]") {
    conformance::check(socket_set_option_submit, UN_ERR_CLOSED);
}

TEST_CASE("socket_set_option_submit completes with WRONG_RUNTIME",
          "[conformance][submit][socket_set_option]") {
    conformance::check(socket_set_option_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("socket_set_option_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][socket_set_option]") {
    conformance::check(socket_set_option_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("socket_set_option_submit completes with UNSUPPORTED",
          "[conformance][submit][socket_set_option]") {
    conformance::check(socket_set_option_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("socket_get_option returns NOT_INITIALIZED", "[conformance][socket_get_option]") {
    conformance::check(socket_get_option, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("socket_get_option returns SHUT_DOWN", "[conformance][socket_get_option]") {
    conformance::check(socket_get_option, UN_ERR_SHUT_DOWN);
}

TEST_CASE("socket_get_option returns FORKED", "[conformance][socket_get_option]") {
    conformance::check(socket_get_option, UN_ERR_FORKED);
}

TEST_CASE("socket_get_option returns BAD_HANDLE", "[conformance][socket_get_option]") {
    conformance::check(socket_get_option, UN_ERR_BAD_HANDLE);
}

TEST_CASE("socket_get_option returns CLOSED", "[conformance][socket_get_option]") {
    conformance::check(socket_get_option, UN_ERR_CLOSED);
}

TEST_CASE("socket_get_option returns WRONG_RUNTIME", "[conformance][socket_get_option]") {
    conformance::check(socket_get_option, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("socket_get_option returns INVALID_ARGUMENT", "[conformance][socket_get_option]") {
    conformance::check(socket_get_option, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("socket_get_option returns UNSUPPORTED", "[conformance][socket_get_option]") {
    conformance::check(socket_get_option, UN_ERR_UNSUPPORTED);
}

TEST_CASE("socket_get_option returns WOULD_DEADLOCK", "[conformance][socket_get_option]") {
    conformance::check(socket_get_option, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("socket_get_option_submit completes with NOT_INITIALIZED",
          "[conformance][submit][socket_get_option]") {
    conformance::check(socket_get_option_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("socket_get_option_submit completes with SHUT_DOWN",
          "[conformance][submit][socket_get_option]") {
    conformance::check(socket_get_option_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("socket_get_option_submit completes with FORKED",
          "[conformance][submit][socket_get_option]") {
    conformance::check(socket_get_option_submit, UN_ERR_FORKED);
}

TEST_CASE("socket_get_option_submit completes with BAD_HANDLE",
          "[conformance][submit][socket_get_option]") {
    conformance::check(socket_get_option_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("socket_get_option_submit completes with CLOSED",
          "[conformance][submit][socket_get_option]") {
    conformance::check(socket_get_option_submit, UN_ERR_CLOSED);
}

TEST_CASE("socket_get_option_submit completes with WRONG_RUNTIME",
          "[conformance][submit][socket_get_option]") {
    conformance::check(socket_get_option_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("socket_get_option_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][socket_get_option]") {
    conformance::check(socket_get_option_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("socket_get_option_submit completes with UNSUPPORTED",
          "[conformance][submit][socket_get_option]") {
    conformance::check(socket_get_option_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("socket_cancel returns NOT_INITIALIZED", "[conformance][socket_cancel]") {
    conformance::check(socket_cancel, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("socket_cancel returns SHUT_DOWN", "[conformance][socket_cancel]") {
    conformance::check(socket_cancel, UN_ERR_SHUT_DOWN);
}

TEST_CASE("socket_cancel returns FORKED", "[conformance][socket_cancel]") {
    conformance::check(socket_cancel, UN_ERR_FORKED);
}

TEST_CASE("socket_cancel returns BAD_HANDLE", "[conformance][socket_cancel]") {
    conformance::check(socket_cancel, UN_ERR_BAD_HANDLE);
}

TEST_CASE("socket_cancel returns CLOSED", "[conformance][socket_cancel]") {
    conformance::check(socket_cancel, UN_ERR_CLOSED);
}

TEST_CASE("socket_cancel returns WRONG_RUNTIME", "[conformance][socket_cancel]") {
    conformance::check(socket_cancel, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("socket_cancel_submit completes with NOT_INITIALIZED",
          "[conformance][submit][socket_cancel]") {
    conformance::check(socket_cancel_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("socket_cancel_submit completes with SHUT_DOWN", "[conformance][submit][socket_cancel]") {
    conformance::check(socket_cancel_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("socket_cancel_submit completes with FORKED", "[conformance][submit][socket_cancel]") {
    conformance::check(socket_cancel_submit, UN_ERR_FORKED);
}

TEST_CASE("socket_cancel_submit completes with BAD_HANDLE",
          "[conformance][submit][socket_cancel]") {
    conformance::check(socket_cancel_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("socket_cancel_submit completes with CLOSED", "[conformance][submit][socket_cancel]") {
    conformance::check(socket_cancel_submit, UN_ERR_CLOSED);
}

TEST_CASE("socket_cancel_submit completes with WRONG_RUNTIME",
          "[conformance][submit][socket_cancel]") {
    conformance::check(socket_cancel_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("tcp_adopt_listener returns NOT_INITIALIZED", "[conformance][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_adopt_listener returns SHUT_DOWN", "[conformance][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_adopt_listener returns FORKED", "[conformance][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener, UN_ERR_FORKED);
}

TEST_CASE("tcp_adopt_listener returns INVALID_ARGUMENT", "[conformance][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_adopt_listener returns WRONG_KIND", "[conformance][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_adopt_listener returns NO_RESOURCES", "[conformance][tcp_adopt_listener]") {
    conformance::skip(
        "Only when the shard's handle table is full (4,194,304 handles) or its memory cannot grow: "
        "adopting needs no new fd, so exhausting fds does not bring it about.");
}

TEST_CASE("tcp_adopt_listener returns WOULD_DEADLOCK", "[conformance][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("tcp_adopt_listener_submit completes with NOT_INITIALIZED",
          "[conformance][submit][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_adopt_listener_submit completes with SHUT_DOWN",
          "[conformance][submit][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_adopt_listener_submit completes with FORKED",
          "[conformance][submit][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_adopt_listener_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_adopt_listener_submit completes with WRONG_KIND",
          "[conformance][submit][tcp_adopt_listener]") {
    conformance::check(tcp_adopt_listener_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_adopt_listener_submit completes with NO_RESOURCES",
          "[conformance][submit][tcp_adopt_listener]") {
    conformance::skip(
        "Only when the shard's handle table is full (4,194,304 handles) or its memory cannot grow: "
        "adopting needs no new fd, so exhausting fds does not bring it about.");
}

TEST_CASE("tcp_adopt_stream returns NOT_INITIALIZED", "[conformance][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_adopt_stream returns SHUT_DOWN", "[conformance][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_adopt_stream returns FORKED", "[conformance][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream, UN_ERR_FORKED);
}

TEST_CASE("tcp_adopt_stream returns INVALID_ARGUMENT", "[conformance][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_adopt_stream returns WRONG_KIND", "[conformance][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_adopt_stream returns NOT_CONNECTED", "[conformance][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream, UN_ERR_NOT_CONNECTED);
}

TEST_CASE("tcp_adopt_stream returns NO_RESOURCES", "[conformance][tcp_adopt_stream]") {
    conformance::skip(
        "Only when the shard's handle table is full (4,194,304 handles) or its memory cannot grow: "
        "adopting needs no new fd, so exhausting fds does not bring it about.");
}

TEST_CASE("tcp_adopt_stream returns WOULD_DEADLOCK", "[conformance][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("tcp_adopt_stream_submit completes with NOT_INITIALIZED",
          "[conformance][submit][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("tcp_adopt_stream_submit completes with SHUT_DOWN",
          "[conformance][submit][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("tcp_adopt_stream_submit completes with FORKED",
          "[conformance][submit][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream_submit, UN_ERR_FORKED);
}

TEST_CASE("tcp_adopt_stream_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("tcp_adopt_stream_submit completes with WRONG_KIND",
          "[conformance][submit][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("tcp_adopt_stream_submit completes with NOT_CONNECTED",
          "[conformance][submit][tcp_adopt_stream]") {
    conformance::check(tcp_adopt_stream_submit, UN_ERR_NOT_CONNECTED);
}

TEST_CASE("tcp_adopt_stream_submit completes with NO_RESOURCES",
          "[conformance][submit][tcp_adopt_stream]") {
    conformance::skip(
        "Only when the shard's handle table is full (4,194,304 handles) or its memory cannot grow: "
        "adopting needs no new fd, so exhausting fds does not bring it about.");
}

TEST_CASE("unix_send_fd returns NOT_INITIALIZED", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("unix_send_fd returns SHUT_DOWN", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_SHUT_DOWN);
}

TEST_CASE("unix_send_fd returns FORKED", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_FORKED);
}

TEST_CASE("unix_send_fd returns BAD_HANDLE", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_BAD_HANDLE);
}

TEST_CASE("unix_send_fd returns CLOSED", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_CLOSED);
}

TEST_CASE("unix_send_fd returns WRONG_KIND", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_WRONG_KIND);
}

TEST_CASE("unix_send_fd returns WRONG_RUNTIME", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("unix_send_fd returns INVALID_ARGUMENT", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("unix_send_fd returns UNSUPPORTED", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_UNSUPPORTED);
}

TEST_CASE("unix_send_fd returns CANCELED", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_CANCELED);
}

TEST_CASE("unix_send_fd returns BROKEN_PIPE", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_BROKEN_PIPE);
}

TEST_CASE("unix_send_fd returns WOULD_DEADLOCK", "[conformance][unix_send_fd]") {
    conformance::check(unix_send_fd, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("unix_send_fd_submit completes with NOT_INITIALIZED",
          "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("unix_send_fd_submit completes with SHUT_DOWN", "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("unix_send_fd_submit completes with FORKED", "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_FORKED);
}

TEST_CASE("unix_send_fd_submit completes with BAD_HANDLE", "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("unix_send_fd_submit completes with CLOSED", "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_CLOSED);
}

TEST_CASE("unix_send_fd_submit completes with WRONG_KIND", "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("unix_send_fd_submit completes with WRONG_RUNTIME",
          "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("unix_send_fd_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("unix_send_fd_submit completes with UNSUPPORTED", "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("unix_send_fd_submit completes with CANCELED", "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_CANCELED);
}

TEST_CASE("unix_send_fd_submit completes with BROKEN_PIPE", "[conformance][submit][unix_send_fd]") {
    conformance::check(unix_send_fd_submit, UN_ERR_BROKEN_PIPE);
}

TEST_CASE("unix_send_handle returns NOT_INITIALIZED", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("unix_send_handle returns SHUT_DOWN", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_SHUT_DOWN);
}

TEST_CASE("unix_send_handle returns FORKED", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_FORKED);
}

TEST_CASE("unix_send_handle returns BAD_HANDLE", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_BAD_HANDLE);
}

TEST_CASE("unix_send_handle returns CLOSED", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_CLOSED);
}

TEST_CASE("unix_send_handle returns WRONG_KIND", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_WRONG_KIND);
}

TEST_CASE("unix_send_handle returns WRONG_RUNTIME", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("unix_send_handle returns UNSUPPORTED", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_UNSUPPORTED);
}

TEST_CASE("unix_send_handle returns CANCELED", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_CANCELED);
}

TEST_CASE("unix_send_handle returns BROKEN_PIPE", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_BROKEN_PIPE);
}

TEST_CASE("unix_send_handle returns WOULD_DEADLOCK", "[conformance][unix_send_handle]") {
    conformance::check(unix_send_handle, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("unix_send_handle_submit completes with NOT_INITIALIZED",
          "[conformance][submit][unix_send_handle]") {
    conformance::check(unix_send_handle_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("unix_send_handle_submit completes with SHUT_DOWN",
          "[conformance][submit][unix_send_handle]") {
    conformance::check(unix_send_handle_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("unix_send_handle_submit completes with FORKED",
          "[conformance][submit][unix_send_handle]") {
    conformance::check(unix_send_handle_submit, UN_ERR_FORKED);
}

TEST_CASE("unix_send_handle_submit completes with BAD_HANDLE",
          "[conformance][submit][unix_send_handle]") {
    conformance::check(unix_send_handle_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("unix_send_handle_submit completes with CLOSED",
          "[conformance][submit][unix_send_handle]") {
    conformance::check(unix_send_handle_submit, UN_ERR_CLOSED);
}

TEST_CASE("unix_send_handle_submit completes with WRONG_KIND",
          "[conformance][submit][unix_send_handle]") {
    conformance::check(unix_send_handle_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("unix_send_handle_submit completes with WRONG_RUNTIME",
          "[conformance][submit][unix_send_handle]") {
    conformance::check(unix_send_handle_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("unix_send_handle_submit completes with UNSUPPORTED",
          "[conformance][submit][unix_send_handle]") {
    conformance::check(unix_send_handle_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("unix_send_handle_submit completes with CANCELED",
          "[conformance][submit][unix_send_handle]") {
    conformance::check(unix_send_handle_submit, UN_ERR_CANCELED);
}

TEST_CASE("unix_send_handle_submit completes with BROKEN_PIPE",
          "[conformance][submit][unix_send_handle]") {
    conformance::check(unix_send_handle_submit, UN_ERR_BROKEN_PIPE);
}

TEST_CASE("unix_recv_fd returns NOT_INITIALIZED", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("unix_recv_fd returns SHUT_DOWN", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_SHUT_DOWN);
}

TEST_CASE("unix_recv_fd returns FORKED", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_FORKED);
}

TEST_CASE("unix_recv_fd returns BAD_HANDLE", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_BAD_HANDLE);
}

TEST_CASE("unix_recv_fd returns CLOSED", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_CLOSED);
}

TEST_CASE("unix_recv_fd returns WRONG_KIND", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_WRONG_KIND);
}

TEST_CASE("unix_recv_fd returns WRONG_RUNTIME", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("unix_recv_fd returns UNSUPPORTED", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_UNSUPPORTED);
}

TEST_CASE("unix_recv_fd returns NO_FD", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_NO_FD);
}

TEST_CASE("unix_recv_fd returns END_OF_STREAM", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_END_OF_STREAM);
}

TEST_CASE("unix_recv_fd returns CANCELED", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_CANCELED);
}

TEST_CASE("unix_recv_fd returns TIMED_OUT", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_TIMED_OUT);
}

TEST_CASE("unix_recv_fd returns WOULD_DEADLOCK", "[conformance][unix_recv_fd]") {
    conformance::check(unix_recv_fd, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("unix_recv_fd_submit completes with NOT_INITIALIZED",
          "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("unix_recv_fd_submit completes with SHUT_DOWN", "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("unix_recv_fd_submit completes with FORKED", "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_FORKED);
}

TEST_CASE("unix_recv_fd_submit completes with BAD_HANDLE", "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("unix_recv_fd_submit completes with CLOSED", "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_CLOSED);
}

TEST_CASE("unix_recv_fd_submit completes with WRONG_KIND", "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("unix_recv_fd_submit completes with WRONG_RUNTIME",
          "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("unix_recv_fd_submit completes with UNSUPPORTED", "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("unix_recv_fd_submit completes with NO_FD", "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_NO_FD);
}

TEST_CASE("unix_recv_fd_submit completes with END_OF_STREAM",
          "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_END_OF_STREAM);
}

TEST_CASE("unix_recv_fd_submit completes with CANCELED", "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_CANCELED);
}

TEST_CASE("unix_recv_fd_submit completes with TIMED_OUT", "[conformance][submit][unix_recv_fd]") {
    conformance::check(unix_recv_fd_submit, UN_ERR_TIMED_OUT);
}

TEST_CASE("udp_bind returns NOT_INITIALIZED", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_bind returns SHUT_DOWN", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_bind returns FORKED", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_FORKED);
}

TEST_CASE("udp_bind returns BAD_ADDRESS", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("udp_bind returns INVALID_ARGUMENT", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_bind returns UNKNOWN_HOST", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_UNKNOWN_HOST);
}

TEST_CASE("udp_bind returns ADDRESS_IN_USE", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_ADDRESS_IN_USE);
}

TEST_CASE("udp_bind returns ADDRESS_NOT_AVAILABLE", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_ADDRESS_NOT_AVAILABLE);
}

TEST_CASE("udp_bind returns PERMISSION_DENIED", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_PERMISSION_DENIED);
}

TEST_CASE("udp_bind returns UNSUPPORTED", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_UNSUPPORTED);
}

TEST_CASE("udp_bind returns NO_RESOURCES", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_NO_RESOURCES);
}

TEST_CASE("udp_bind returns WOULD_DEADLOCK", "[conformance][udp_bind]") {
    conformance::check(udp_bind, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("udp_bind_submit completes with NOT_INITIALIZED", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_bind_submit completes with SHUT_DOWN", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_bind_submit completes with FORKED", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_FORKED);
}

TEST_CASE("udp_bind_submit completes with BAD_ADDRESS", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("udp_bind_submit completes with INVALID_ARGUMENT", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_bind_submit completes with UNKNOWN_HOST", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_UNKNOWN_HOST);
}

TEST_CASE("udp_bind_submit completes with ADDRESS_IN_USE", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_ADDRESS_IN_USE);
}

TEST_CASE("udp_bind_submit completes with ADDRESS_NOT_AVAILABLE",
          "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_ADDRESS_NOT_AVAILABLE);
}

TEST_CASE("udp_bind_submit completes with PERMISSION_DENIED", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_PERMISSION_DENIED);
}

TEST_CASE("udp_bind_submit completes with UNSUPPORTED", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("udp_bind_submit completes with NO_RESOURCES", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_NO_RESOURCES);
}

TEST_CASE("udp_bind_submit completes with CANCELED", "[conformance][submit][udp_bind]") {
    conformance::check(udp_bind_submit, UN_ERR_CANCELED);
}

TEST_CASE("udp_send_to returns NOT_INITIALIZED", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_send_to returns SHUT_DOWN", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_send_to returns FORKED", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_FORKED);
}

TEST_CASE("udp_send_to returns BAD_HANDLE", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_send_to returns CLOSED", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_CLOSED);
}

TEST_CASE("udp_send_to returns WRONG_KIND", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_send_to returns WRONG_RUNTIME", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_send_to returns BAD_ADDRESS", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("udp_send_to returns UNKNOWN_HOST", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_UNKNOWN_HOST);
}

TEST_CASE("udp_send_to returns NO_RESOURCES", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_NO_RESOURCES);
}

TEST_CASE("udp_send_to returns INVALID_ARGUMENT", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_send_to returns PERMISSION_DENIED", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_PERMISSION_DENIED);
}

TEST_CASE("udp_send_to returns MESSAGE_TOO_LONG", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_MESSAGE_TOO_LONG);
}

TEST_CASE("udp_send_to returns HOST_UNREACHABLE", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_HOST_UNREACHABLE);
}

TEST_CASE("udp_send_to returns CANCELED", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_CANCELED);
}

TEST_CASE("udp_send_to returns TIMED_OUT", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_TIMED_OUT);
}

TEST_CASE("udp_send_to returns UNSUPPORTED", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_UNSUPPORTED);
}

TEST_CASE("udp_send_to returns WOULD_DEADLOCK", "[conformance][udp_send_to]") {
    conformance::check(udp_send_to, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("udp_send_to_submit completes with NOT_INITIALIZED",
          "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_send_to_submit completes with SHUT_DOWN", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_send_to_submit completes with FORKED", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_FORKED);
}

TEST_CASE("udp_send_to_submit completes with BAD_HANDLE", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_send_to_submit completes with CLOSED", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_CLOSED);
}

TEST_CASE("udp_send_to_submit completes with WRONG_KIND", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_send_to_submit completes with WRONG_RUNTIME", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_send_to_submit completes with BAD_ADDRESS", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("udp_send_to_submit completes with UNKNOWN_HOST", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_UNKNOWN_HOST);
}

TEST_CASE("udp_send_to_submit completes with NO_RESOURCES", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_NO_RESOURCES);
}

TEST_CASE("udp_send_to_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_send_to_submit completes with PERMISSION_DENIED",
          "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_PERMISSION_DENIED);
}

TEST_CASE("udp_send_to_submit completes with MESSAGE_TOO_LONG",
          "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_MESSAGE_TOO_LONG);
}

TEST_CASE("udp_send_to_submit completes with HOST_UNREACHABLE",
          "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_HOST_UNREACHABLE);
}

TEST_CASE("udp_send_to_submit completes with CANCELED", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_CANCELED);
}

TEST_CASE("udp_send_to_submit completes with TIMED_OUT", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_TIMED_OUT);
}

TEST_CASE("udp_send_to_submit completes with UNSUPPORTED", "[conformance][submit][udp_send_to]") {
    conformance::check(udp_send_to_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("udp_recv_from returns NOT_INITIALIZED", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_recv_from returns SHUT_DOWN", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_recv_from returns FORKED", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_FORKED);
}

TEST_CASE("udp_recv_from returns BAD_HANDLE", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_recv_from returns CLOSED", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_CLOSED);
}

TEST_CASE("udp_recv_from returns WRONG_KIND", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_recv_from returns WRONG_RUNTIME", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_recv_from returns INVALID_ARGUMENT", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_recv_from returns BUFFER_TOO_SMALL", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("udp_recv_from returns TRUNCATED", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_TRUNCATED);
}

TEST_CASE("udp_recv_from returns CANCELED", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_CANCELED);
}

TEST_CASE("udp_recv_from returns TIMED_OUT", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_TIMED_OUT);
}

TEST_CASE("udp_recv_from returns WOULD_DEADLOCK", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("udp_recv_from returns INTERRUPTED", "[conformance][udp_recv_from]") {
    conformance::check(udp_recv_from, UN_ERR_INTERRUPTED);
}

TEST_CASE("udp_recv_from_submit completes with NOT_INITIALIZED",
          "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_recv_from_submit completes with SHUT_DOWN", "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_recv_from_submit completes with FORKED", "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_FORKED);
}

TEST_CASE("udp_recv_from_submit completes with BAD_HANDLE",
          "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_recv_from_submit completes with CLOSED", "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_CLOSED);
}

TEST_CASE("udp_recv_from_submit completes with WRONG_KIND",
          "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_recv_from_submit completes with WRONG_RUNTIME",
          "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_recv_from_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_recv_from_submit completes with BUFFER_TOO_SMALL",
          "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("udp_recv_from_submit completes with TRUNCATED", "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_TRUNCATED);
}

TEST_CASE("udp_recv_from_submit completes with CANCELED", "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_CANCELED);
}

TEST_CASE("udp_recv_from_submit completes with TIMED_OUT", "[conformance][submit][udp_recv_from]") {
    conformance::check(udp_recv_from_submit, UN_ERR_TIMED_OUT);
}

TEST_CASE("udp_connect returns NOT_INITIALIZED", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_connect returns SHUT_DOWN", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_connect returns FORKED", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_FORKED);
}

TEST_CASE("udp_connect returns BAD_HANDLE", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_connect returns CLOSED", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_CLOSED);
}

TEST_CASE("udp_connect returns WRONG_KIND", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_connect returns WRONG_RUNTIME", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_connect returns BAD_ADDRESS", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("udp_connect returns UNKNOWN_HOST", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_UNKNOWN_HOST);
}

TEST_CASE("udp_connect returns NO_RESOURCES", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_NO_RESOURCES);
}

TEST_CASE("udp_connect returns HOST_UNREACHABLE", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_HOST_UNREACHABLE);
}

TEST_CASE("udp_connect returns UNSUPPORTED", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_UNSUPPORTED);
}

TEST_CASE("udp_connect returns WOULD_DEADLOCK", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("udp_connect returns CANCELED", "[conformance][udp_connect]") {
    conformance::check(udp_connect, UN_ERR_CANCELED);
}

TEST_CASE("udp_connect_submit completes with NOT_INITIALIZED",
          "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_connect_submit completes with SHUT_DOWN", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_connect_submit completes with FORKED", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_FORKED);
}

TEST_CASE("udp_connect_submit completes with BAD_HANDLE", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_connect_submit completes with CLOSED", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_CLOSED);
}

TEST_CASE("udp_connect_submit completes with WRONG_KIND", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_connect_submit completes with WRONG_RUNTIME", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_connect_submit completes with BAD_ADDRESS", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("udp_connect_submit completes with UNKNOWN_HOST", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_UNKNOWN_HOST);
}

TEST_CASE("udp_connect_submit completes with NO_RESOURCES", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_NO_RESOURCES);
}

TEST_CASE("udp_connect_submit completes with HOST_UNREACHABLE",
          "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_HOST_UNREACHABLE);
}

TEST_CASE("udp_connect_submit completes with UNSUPPORTED", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("udp_connect_submit completes with CANCELED", "[conformance][submit][udp_connect]") {
    conformance::check(udp_connect_submit, UN_ERR_CANCELED);
}

TEST_CASE("udp_send returns NOT_INITIALIZED", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_send returns SHUT_DOWN", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_send returns FORKED", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_FORKED);
}

TEST_CASE("udp_send returns BAD_HANDLE", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_send returns CLOSED", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_CLOSED);
}

TEST_CASE("udp_send returns WRONG_KIND", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_send returns WRONG_RUNTIME", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_send returns INVALID_ARGUMENT", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_send returns NOT_CONNECTED", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_NOT_CONNECTED);
}

TEST_CASE("udp_send returns CONNECTION_REFUSED", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_CONNECTION_REFUSED);
}

TEST_CASE("udp_send returns MESSAGE_TOO_LONG", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_MESSAGE_TOO_LONG);
}

TEST_CASE("udp_send returns CANCELED", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_CANCELED);
}

TEST_CASE("udp_send returns TIMED_OUT", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_TIMED_OUT);
}

TEST_CASE("udp_send returns WOULD_DEADLOCK", "[conformance][udp_send]") {
    conformance::check(udp_send, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("udp_send_submit completes with NOT_INITIALIZED", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_send_submit completes with SHUT_DOWN", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_send_submit completes with FORKED", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_FORKED);
}

TEST_CASE("udp_send_submit completes with BAD_HANDLE", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_send_submit completes with CLOSED", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_CLOSED);
}

TEST_CASE("udp_send_submit completes with WRONG_KIND", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_send_submit completes with WRONG_RUNTIME", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_send_submit completes with INVALID_ARGUMENT", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_send_submit completes with NOT_CONNECTED", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_NOT_CONNECTED);
}

TEST_CASE("udp_send_submit completes with CONNECTION_REFUSED", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_CONNECTION_REFUSED);
}

TEST_CASE("udp_send_submit completes with MESSAGE_TOO_LONG", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_MESSAGE_TOO_LONG);
}

TEST_CASE("udp_send_submit completes with CANCELED", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_CANCELED);
}

TEST_CASE("udp_send_submit completes with TIMED_OUT", "[conformance][submit][udp_send]") {
    conformance::check(udp_send_submit, UN_ERR_TIMED_OUT);
}

TEST_CASE("udp_recv returns NOT_INITIALIZED", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_recv returns SHUT_DOWN", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_recv returns FORKED", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_FORKED);
}

TEST_CASE("udp_recv returns BAD_HANDLE", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_recv returns CLOSED", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_CLOSED);
}

TEST_CASE("udp_recv returns WRONG_KIND", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_recv returns WRONG_RUNTIME", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_recv returns INVALID_ARGUMENT", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_recv returns TRUNCATED", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_TRUNCATED);
}

TEST_CASE("udp_recv returns CONNECTION_REFUSED", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_CONNECTION_REFUSED);
}

TEST_CASE("udp_recv returns CANCELED", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_CANCELED);
}

TEST_CASE("udp_recv returns TIMED_OUT", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_TIMED_OUT);
}

TEST_CASE("udp_recv returns WOULD_DEADLOCK", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("udp_recv returns INTERRUPTED", "[conformance][udp_recv]") {
    conformance::check(udp_recv, UN_ERR_INTERRUPTED);
}

TEST_CASE("udp_recv_submit completes with NOT_INITIALIZED", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_recv_submit completes with SHUT_DOWN", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_recv_submit completes with FORKED", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_FORKED);
}

TEST_CASE("udp_recv_submit completes with BAD_HANDLE", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_recv_submit completes with CLOSED", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_CLOSED);
}

TEST_CASE("udp_recv_submit completes with WRONG_KIND", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_recv_submit completes with WRONG_RUNTIME", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_recv_submit completes with INVALID_ARGUMENT", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_recv_submit completes with TRUNCATED", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_TRUNCATED);
}

TEST_CASE("udp_recv_submit completes with CONNECTION_REFUSED", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_CONNECTION_REFUSED);
}

TEST_CASE("udp_recv_submit completes with CANCELED", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_CANCELED);
}

TEST_CASE("udp_recv_submit completes with TIMED_OUT", "[conformance][submit][udp_recv]") {
    conformance::check(udp_recv_submit, UN_ERR_TIMED_OUT);
}

TEST_CASE("udp_close returns NOT_INITIALIZED", "[conformance][udp_close]") {
    conformance::check(udp_close, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_close returns SHUT_DOWN", "[conformance][udp_close]") {
    conformance::check(udp_close, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_close returns FORKED", "[conformance][udp_close]") {
    conformance::check(udp_close, UN_ERR_FORKED);
}

TEST_CASE("udp_close returns BAD_HANDLE", "[conformance][udp_close]") {
    conformance::check(udp_close, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_close returns CLOSED", "[conformance][udp_close]") {
    conformance::check(udp_close, UN_ERR_CLOSED);
}

TEST_CASE("udp_close returns WRONG_KIND", "[conformance][udp_close]") {
    conformance::check(udp_close, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_close returns WRONG_RUNTIME", "[conformance][udp_close]") {
    conformance::check(udp_close, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_close_submit completes with NOT_INITIALIZED", "[conformance][submit][udp_close]") {
    conformance::check(udp_close_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_close_submit completes with SHUT_DOWN", "[conformance][submit][udp_close]") {
    conformance::check(udp_close_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_close_submit completes with FORKED", "[conformance][submit][udp_close]") {
    conformance::check(udp_close_submit, UN_ERR_FORKED);
}

TEST_CASE("udp_close_submit completes with BAD_HANDLE", "[conformance][submit][udp_close]") {
    conformance::check(udp_close_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_close_submit completes with CLOSED", "[conformance][submit][udp_close]") {
    conformance::check(udp_close_submit, UN_ERR_CLOSED);
}

TEST_CASE("udp_close_submit completes with WRONG_KIND", "[conformance][submit][udp_close]") {
    conformance::check(udp_close_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_close_submit completes with WRONG_RUNTIME", "[conformance][submit][udp_close]") {
    conformance::check(udp_close_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_join_multicast returns NOT_INITIALIZED", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_join_multicast returns SHUT_DOWN", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_join_multicast returns FORKED", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_FORKED);
}

TEST_CASE("udp_join_multicast returns BAD_HANDLE", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_join_multicast returns CLOSED", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_CLOSED);
}

TEST_CASE("udp_join_multicast returns WRONG_KIND", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_join_multicast returns WRONG_RUNTIME", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_join_multicast returns BAD_ADDRESS", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("udp_join_multicast returns NO_SUCH_INTERFACE", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_NO_SUCH_INTERFACE);
}

TEST_CASE("udp_join_multicast returns INVALID_ARGUMENT", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_join_multicast returns ADDRESS_IN_USE", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_ADDRESS_IN_USE);
}

TEST_CASE("udp_join_multicast returns UNSUPPORTED", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_UNSUPPORTED);
}

TEST_CASE("udp_join_multicast returns WOULD_DEADLOCK", "[conformance][udp_join_multicast]") {
    conformance::check(udp_join_multicast, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("udp_join_multicast_submit completes with NOT_INITIALIZED",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_join_multicast_submit completes with SHUT_DOWN",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_join_multicast_submit completes with FORKED",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_FORKED);
}

TEST_CASE("udp_join_multicast_submit completes with BAD_HANDLE",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_join_multicast_submit completes with CLOSED",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_CLOSED);
}

TEST_CASE("udp_join_multicast_submit completes with WRONG_KIND",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_join_multicast_submit completes with WRONG_RUNTIME",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_join_multicast_submit completes with BAD_ADDRESS",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("udp_join_multicast_submit completes with NO_SUCH_INTERFACE",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_NO_SUCH_INTERFACE);
}

TEST_CASE("udp_join_multicast_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_join_multicast_submit completes with ADDRESS_IN_USE",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_ADDRESS_IN_USE);
}

TEST_CASE("udp_join_multicast_submit completes with UNSUPPORTED",
          "[conformance][submit][udp_join_multicast]") {
    conformance::check(udp_join_multicast_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("udp_leave_multicast returns NOT_INITIALIZED", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_leave_multicast returns SHUT_DOWN", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_leave_multicast returns FORKED", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_FORKED);
}

TEST_CASE("udp_leave_multicast returns BAD_HANDLE", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_leave_multicast returns CLOSED", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_CLOSED);
}

TEST_CASE("udp_leave_multicast returns WRONG_KIND", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_leave_multicast returns WRONG_RUNTIME", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_leave_multicast returns BAD_ADDRESS", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("udp_leave_multicast returns NO_SUCH_INTERFACE", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_NO_SUCH_INTERFACE);
}

TEST_CASE("udp_leave_multicast returns INVALID_ARGUMENT", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_leave_multicast returns ADDRESS_NOT_AVAILABLE",
          "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_ADDRESS_NOT_AVAILABLE);
}

TEST_CASE("udp_leave_multicast returns UNSUPPORTED", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_UNSUPPORTED);
}

TEST_CASE("udp_leave_multicast returns WOULD_DEADLOCK", "[conformance][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("udp_leave_multicast_submit completes with NOT_INITIALIZED",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_leave_multicast_submit completes with SHUT_DOWN",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_leave_multicast_submit completes with FORKED",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_FORKED);
}

TEST_CASE("udp_leave_multicast_submit completes with BAD_HANDLE",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_BAD_HANDLE);
}

TEST_CASE("udp_leave_multicast_submit completes with CLOSED",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_CLOSED);
}

TEST_CASE("udp_leave_multicast_submit completes with WRONG_KIND",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_leave_multicast_submit completes with WRONG_RUNTIME",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_WRONG_RUNTIME);
}

TEST_CASE("udp_leave_multicast_submit completes with BAD_ADDRESS",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_BAD_ADDRESS);
}

TEST_CASE("udp_leave_multicast_submit completes with NO_SUCH_INTERFACE",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_NO_SUCH_INTERFACE);
}

TEST_CASE("udp_leave_multicast_submit completes with INVALID_ARGUMENT",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_leave_multicast_submit completes with ADDRESS_NOT_AVAILABLE",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_ADDRESS_NOT_AVAILABLE);
}

TEST_CASE("udp_leave_multicast_submit completes with UNSUPPORTED",
          "[conformance][submit][udp_leave_multicast]") {
    conformance::check(udp_leave_multicast_submit, UN_ERR_UNSUPPORTED);
}

TEST_CASE("udp_adopt returns NOT_INITIALIZED", "[conformance][udp_adopt]") {
    conformance::check(udp_adopt, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_adopt returns SHUT_DOWN", "[conformance][udp_adopt]") {
    conformance::check(udp_adopt, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_adopt returns FORKED", "[conformance][udp_adopt]") {
    conformance::check(udp_adopt, UN_ERR_FORKED);
}

TEST_CASE("udp_adopt returns INVALID_ARGUMENT", "[conformance][udp_adopt]") {
    conformance::check(udp_adopt, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_adopt returns WRONG_KIND", "[conformance][udp_adopt]") {
    conformance::check(udp_adopt, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_adopt returns NO_RESOURCES", "[conformance][udp_adopt]") {
    conformance::skip(
        "Only when the shard's handle table is full (4,194,304 handles) or its memory cannot grow: "
        "adopting needs no new fd, so exhausting fds does not bring it about.");
}

TEST_CASE("udp_adopt returns WOULD_DEADLOCK", "[conformance][udp_adopt]") {
    conformance::check(udp_adopt, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("udp_adopt_submit completes with NOT_INITIALIZED", "[conformance][submit][udp_adopt]") {
    conformance::check(udp_adopt_submit, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("udp_adopt_submit completes with SHUT_DOWN", "[conformance][submit][udp_adopt]") {
    conformance::check(udp_adopt_submit, UN_ERR_SHUT_DOWN);
}

TEST_CASE("udp_adopt_submit completes with FORKED", "[conformance][submit][udp_adopt]") {
    conformance::check(udp_adopt_submit, UN_ERR_FORKED);
}

TEST_CASE("udp_adopt_submit completes with INVALID_ARGUMENT", "[conformance][submit][udp_adopt]") {
    conformance::check(udp_adopt_submit, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("udp_adopt_submit completes with WRONG_KIND", "[conformance][submit][udp_adopt]") {
    conformance::check(udp_adopt_submit, UN_ERR_WRONG_KIND);
}

TEST_CASE("udp_adopt_submit completes with NO_RESOURCES", "[conformance][submit][udp_adopt]") {
    conformance::skip(
        "Only when the shard's handle table is full (4,194,304 handles) or its memory cannot grow: "
        "adopting needs no new fd, so exhausting fds does not bring it about.");
}

TEST_CASE("poll returns NOT_INITIALIZED", "[conformance][poll]") {
    conformance::check(poll, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("poll returns FORKED", "[conformance][poll]") {
    conformance::check(poll, UN_ERR_FORKED);
}

TEST_CASE("poll returns INVALID_ARGUMENT", "[conformance][poll]") {
    conformance::check(poll, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("poll returns WOULD_DEADLOCK", "[conformance][poll]") {
    conformance::check(poll, UN_ERR_WOULD_DEADLOCK);
}

TEST_CASE("completion_fd returns NO_RESOURCES", "[conformance][completion_fd]") {
    conformance::check(completion_fd, UN_ERR_NO_RESOURCES);
}

TEST_CASE("op_cancel returns NOT_INITIALIZED", "[conformance][op_cancel]") {
    conformance::check(op_cancel, UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("op_cancel returns SHUT_DOWN", "[conformance][op_cancel]") {
    conformance::check(op_cancel, UN_ERR_SHUT_DOWN);
}

TEST_CASE("op_cancel returns FORKED", "[conformance][op_cancel]") {
    conformance::check(op_cancel, UN_ERR_FORKED);
}

TEST_CASE("op_cancel returns OP_NOT_FOUND", "[conformance][op_cancel]") {
    conformance::check(op_cancel, UN_ERR_OP_NOT_FOUND);
}

TEST_CASE("op_cancel returns INVALID_ARGUMENT", "[conformance][op_cancel]") {
    conformance::check(op_cancel, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("batch_begin returns INVALID_ARGUMENT", "[conformance][batch_begin]") {
    conformance::check(batch_begin, UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("batch_end returns INVALID_ARGUMENT", "[conformance][batch_end]") {
    conformance::check(batch_end, UN_ERR_INVALID_ARGUMENT);
}
