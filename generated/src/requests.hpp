/* Generated from api/net.json by codegen/generate.py (template core/requests.hpp.j2). Do not edit:
 * change the spec or the template and run codegen/generate.py. */
// The request enum, the argument structs and the handler declarations the core implements.
#pragma once

#include <cstdint>

#include "uringnet/uringnet.h"

namespace uringnet {
struct Request;
class Shard;

namespace gen {

/// Every operation of the spec, numbered as the spec numbers it (never by order).
enum class RequestKind : uint16_t {
    runtime_init = 1,
    runtime_shutdown = 2,
    runtime_configure_entries = 3,
    runtime_num_cores = 4,
    runtime_stats = 5,
    runtime_configure_backend = 6,
    runtime_configure_sqpoll = 7,
    runtime_backend = 8,
    runtime_reset_stats = 9,
    runtime_configure_shards = 30,
    runtime_configure_recv_buffers = 66,
    runtime_configure_wake_signal = 67,
    runtime_configure_interruptible = 68,
    runtime_configure_connect_delay = 70,
    timer = 69,
    tcp_listen = 10,
    tcp_accept = 11,
    tcp_connect = 12,
    tcp_read = 13,
    tcp_write = 14,
    tcp_close = 15,
    tcp_listener_close = 16,
    socket_local_addr = 17,
    tcp_flush = 18,
    tcp_shutdown = 19,
    socket_peer_addr = 20,
    socket_set_option = 21,
    socket_get_option = 22,
    socket_cancel = 23,
    tcp_adopt_listener = 24,
    tcp_adopt_stream = 25,
    unix_send_fd = 71,
    unix_send_handle = 72,
    unix_recv_fd = 73,
    udp_bind = 40,
    udp_send_to = 41,
    udp_recv_from = 42,
    udp_connect = 43,
    udp_send = 44,
    udp_recv = 45,
    udp_close = 46,
    udp_join_multicast = 47,
    udp_leave_multicast = 48,
    udp_adopt = 49,
    poll = 60,
    completion_fd = 61,
    set_completion_callback = 62,
    op_cancel = 63,
    batch_begin = 64,
    batch_end = 65,
};

/// The operation's name, for logs and statistics; "unknown" for a number not in the spec.
const char *request_name(RequestKind kind);

/// Arguments of un_runtime_stats.
struct RuntimeStatsArgs {
    char *out;
    uint32_t out_len;
};
/// Arguments of un_runtime_backend.
struct RuntimeBackendArgs {
    char *out;
    uint32_t out_len;
};
/// Arguments of un_timer.
struct TimerArgs {
    int64_t timeout_ms;
};
/// Arguments of un_tcp_listen.
struct TcpListenArgs {
    const char *addr;
    int32_t backlog;
    uint32_t flags;
};
/// Arguments of un_tcp_accept.
struct TcpAcceptArgs {
    un_tcp_listener_t listener;
    int64_t timeout_ms;
};
/// Arguments of un_tcp_connect.
struct TcpConnectArgs {
    const char *addr;
    int64_t timeout_ms;
};
/// Arguments of un_tcp_read.
struct TcpReadArgs {
    un_tcp_stream_t stream;
    void *buf;
    uint32_t max_len;
    int64_t timeout_ms;
};
/// Arguments of un_tcp_write.
struct TcpWriteArgs {
    un_tcp_stream_t stream;
    const void *buf;
    uint32_t len;
    int64_t timeout_ms;
};
/// Arguments of un_tcp_close.
struct TcpCloseArgs {
    un_tcp_stream_t stream;
};
/// Arguments of un_tcp_listener_close.
struct TcpListenerCloseArgs {
    un_tcp_listener_t listener;
};
/// Arguments of un_socket_local_addr.
struct SocketLocalAddrArgs {
    un_handle_t handle;
    char *out;
    uint32_t out_len;
};
/// Arguments of un_tcp_flush.
struct TcpFlushArgs {
    un_tcp_stream_t stream;
};
/// Arguments of un_tcp_shutdown.
struct TcpShutdownArgs {
    un_tcp_stream_t stream;
    un_shutdown_how_t how;
};
/// Arguments of un_socket_peer_addr.
struct SocketPeerAddrArgs {
    un_handle_t handle;
    char *out;
    uint32_t out_len;
};
/// Arguments of un_socket_set_option.
struct SocketSetOptionArgs {
    un_handle_t handle;
    un_socket_option_t option;
    int64_t value;
};
/// Arguments of un_socket_get_option.
struct SocketGetOptionArgs {
    un_handle_t handle;
    un_socket_option_t option;
};
/// Arguments of un_socket_cancel.
struct SocketCancelArgs {
    un_handle_t handle;
};
/// Arguments of un_tcp_adopt_listener.
struct TcpAdoptListenerArgs {
    int32_t fd;
};
/// Arguments of un_tcp_adopt_stream.
struct TcpAdoptStreamArgs {
    int32_t fd;
};
/// Arguments of un_unix_send_fd.
struct UnixSendFdArgs {
    un_tcp_stream_t stream;
    int32_t fd;
    int64_t timeout_ms;
};
/// Arguments of un_unix_send_handle.
struct UnixSendHandleArgs {
    un_tcp_stream_t stream;
    un_handle_t handle;
    int64_t timeout_ms;
};
/// Arguments of un_unix_recv_fd.
struct UnixRecvFdArgs {
    un_tcp_stream_t stream;
    int64_t timeout_ms;
};
/// Arguments of un_udp_bind.
struct UdpBindArgs {
    const char *addr;
    uint32_t flags;
};
/// Arguments of un_udp_send_to.
struct UdpSendToArgs {
    un_udp_socket_t socket;
    const void *buf;
    uint32_t len;
    const char *addr;
    int64_t timeout_ms;
};
/// Arguments of un_udp_recv_from.
struct UdpRecvFromArgs {
    un_udp_socket_t socket;
    void *buf;
    uint32_t max_len;
    char *from;
    uint32_t from_len;
    int64_t timeout_ms;
};
/// Arguments of un_udp_connect.
struct UdpConnectArgs {
    un_udp_socket_t socket;
    const char *addr;
};
/// Arguments of un_udp_send.
struct UdpSendArgs {
    un_udp_socket_t socket;
    const void *buf;
    uint32_t len;
    int64_t timeout_ms;
};
/// Arguments of un_udp_recv.
struct UdpRecvArgs {
    un_udp_socket_t socket;
    void *buf;
    uint32_t max_len;
    int64_t timeout_ms;
};
/// Arguments of un_udp_close.
struct UdpCloseArgs {
    un_udp_socket_t socket;
};
/// Arguments of un_udp_join_multicast.
struct UdpJoinMulticastArgs {
    un_udp_socket_t socket;
    const char *group;
    const char *iface;
};
/// Arguments of un_udp_leave_multicast.
struct UdpLeaveMulticastArgs {
    un_udp_socket_t socket;
    const char *group;
    const char *iface;
};
/// Arguments of un_udp_adopt.
struct UdpAdoptArgs {
    int32_t fd;
};
/// Arguments of un_op_cancel.
struct OpCancelArgs {
    int64_t op_id;
};

/// The arguments of any ring request; the member is named after the operation.
union RequestArgs {
    char none;
    RuntimeStatsArgs runtime_stats;
    RuntimeBackendArgs runtime_backend;
    TimerArgs timer;
    TcpListenArgs tcp_listen;
    TcpAcceptArgs tcp_accept;
    TcpConnectArgs tcp_connect;
    TcpReadArgs tcp_read;
    TcpWriteArgs tcp_write;
    TcpCloseArgs tcp_close;
    TcpListenerCloseArgs tcp_listener_close;
    SocketLocalAddrArgs socket_local_addr;
    TcpFlushArgs tcp_flush;
    TcpShutdownArgs tcp_shutdown;
    SocketPeerAddrArgs socket_peer_addr;
    SocketSetOptionArgs socket_set_option;
    SocketGetOptionArgs socket_get_option;
    SocketCancelArgs socket_cancel;
    TcpAdoptListenerArgs tcp_adopt_listener;
    TcpAdoptStreamArgs tcp_adopt_stream;
    UnixSendFdArgs unix_send_fd;
    UnixSendHandleArgs unix_send_handle;
    UnixRecvFdArgs unix_recv_fd;
    UdpBindArgs udp_bind;
    UdpSendToArgs udp_send_to;
    UdpRecvFromArgs udp_recv_from;
    UdpConnectArgs udp_connect;
    UdpSendArgs udp_send;
    UdpRecvArgs udp_recv;
    UdpCloseArgs udp_close;
    UdpJoinMulticastArgs udp_join_multicast;
    UdpLeaveMulticastArgs udp_leave_multicast;
    UdpAdoptArgs udp_adopt;
    OpCancelArgs op_cancel;
};

// Ring operations run on the runtime thread. A handler must complete req exactly once,
// at once or when the kernel operation it started completes.
void handle_runtime_stats(Shard &shard, Request &req, const RuntimeStatsArgs &args);
void handle_runtime_backend(Shard &shard, Request &req, const RuntimeBackendArgs &args);
void handle_runtime_reset_stats(Shard &shard, Request &req);
void handle_timer(Shard &shard, Request &req, const TimerArgs &args);
void handle_tcp_listen(Shard &shard, Request &req, const TcpListenArgs &args);
void handle_tcp_accept(Shard &shard, Request &req, const TcpAcceptArgs &args);
void handle_tcp_connect(Shard &shard, Request &req, const TcpConnectArgs &args);
void handle_tcp_read(Shard &shard, Request &req, const TcpReadArgs &args);
void handle_tcp_write(Shard &shard, Request &req, const TcpWriteArgs &args);
void handle_tcp_close(Shard &shard, Request &req, const TcpCloseArgs &args);
void handle_tcp_listener_close(Shard &shard, Request &req, const TcpListenerCloseArgs &args);
void handle_socket_local_addr(Shard &shard, Request &req, const SocketLocalAddrArgs &args);
void handle_tcp_flush(Shard &shard, Request &req, const TcpFlushArgs &args);
void handle_tcp_shutdown(Shard &shard, Request &req, const TcpShutdownArgs &args);
void handle_socket_peer_addr(Shard &shard, Request &req, const SocketPeerAddrArgs &args);
void handle_socket_set_option(Shard &shard, Request &req, const SocketSetOptionArgs &args);
void handle_socket_get_option(Shard &shard, Request &req, const SocketGetOptionArgs &args);
void handle_socket_cancel(Shard &shard, Request &req, const SocketCancelArgs &args);
void handle_tcp_adopt_listener(Shard &shard, Request &req, const TcpAdoptListenerArgs &args);
void handle_tcp_adopt_stream(Shard &shard, Request &req, const TcpAdoptStreamArgs &args);
void handle_unix_send_fd(Shard &shard, Request &req, const UnixSendFdArgs &args);
void handle_unix_send_handle(Shard &shard, Request &req, const UnixSendHandleArgs &args);
void handle_unix_recv_fd(Shard &shard, Request &req, const UnixRecvFdArgs &args);
void handle_udp_bind(Shard &shard, Request &req, const UdpBindArgs &args);
void handle_udp_send_to(Shard &shard, Request &req, const UdpSendToArgs &args);
void handle_udp_recv_from(Shard &shard, Request &req, const UdpRecvFromArgs &args);
void handle_udp_connect(Shard &shard, Request &req, const UdpConnectArgs &args);
void handle_udp_send(Shard &shard, Request &req, const UdpSendArgs &args);
void handle_udp_recv(Shard &shard, Request &req, const UdpRecvArgs &args);
void handle_udp_close(Shard &shard, Request &req, const UdpCloseArgs &args);
void handle_udp_join_multicast(Shard &shard, Request &req, const UdpJoinMulticastArgs &args);
void handle_udp_leave_multicast(Shard &shard, Request &req, const UdpLeaveMulticastArgs &args);
void handle_udp_adopt(Shard &shard, Request &req, const UdpAdoptArgs &args);
void handle_op_cancel(Shard &shard, Request &req, const OpCancelArgs &args);

// Caller operations run on the calling thread.
int64_t handle_runtime_init(void);
int64_t handle_runtime_shutdown(void);
int64_t handle_runtime_configure_entries(int64_t entries);
int64_t handle_runtime_num_cores(void);
int64_t handle_runtime_configure_backend(un_backend_t backend);
int64_t handle_runtime_configure_sqpoll(bool on);
int64_t handle_runtime_configure_shards(int64_t shards);
int64_t handle_runtime_configure_recv_buffers(uint32_t count, uint32_t size);
int64_t handle_runtime_configure_wake_signal(int64_t signal);
int64_t handle_runtime_configure_interruptible(bool on);
int64_t handle_runtime_configure_connect_delay(int64_t delay_ms);
int64_t handle_poll(un_completion_t *out, uint32_t max, int64_t timeout_ms);
int64_t handle_completion_fd(void);
int64_t handle_set_completion_callback(un_completion_fn callback, void *ctx);
int64_t handle_batch_begin(void);
int64_t handle_batch_end(void);

/// Runs the handler of req.kind on the runtime thread.
void dispatch(Shard &shard, Request &req);

/// The operation's timeout_ms argument, or null when it has none (operations that take an
/// address: a host-name lookup spends part of that timeout).
int64_t *timeout_arg(Request &req);

/// The operation's timeout_ms argument when it may be TIMEOUT_FROM_OPTION (the spec names
/// its option), else null.
int64_t *option_timeout_arg(Request &req);

/// The socket option (read_timeout or write_timeout) a timeout_ms of TIMEOUT_FROM_OPTION
/// stands for in an operation of this kind, or 0 when the operation takes none.
int64_t timeout_option(RequestKind kind);

/// Maps a positive errno value to the spec's error code (default IO).
int64_t error_from_errno(int err);

} // namespace gen
} // namespace uringnet
