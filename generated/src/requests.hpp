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
    tcp_listen = 10,
    tcp_accept = 11,
    tcp_connect = 12,
    tcp_read = 13,
    tcp_write = 14,
    tcp_close = 15,
    tcp_listener_close = 16,
    tcp_listener_local_addr = 17,
};

/// The operation's name, for logs and statistics; "unknown" for a number not in the spec.
const char *request_name(RequestKind kind);

/// Arguments of un_runtime_stats.
struct RuntimeStatsArgs {
    char *out;
    uint32_t out_len;
};
/// Arguments of un_tcp_listen.
struct TcpListenArgs {
    const char *addr;
    int32_t backlog;
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
/// Arguments of un_tcp_listener_local_addr.
struct TcpListenerLocalAddrArgs {
    un_tcp_listener_t listener;
    char *out;
    uint32_t out_len;
};

/// The arguments of any ring request; the member is named after the operation.
union RequestArgs {
    char none;
    RuntimeStatsArgs runtime_stats;
    TcpListenArgs tcp_listen;
    TcpAcceptArgs tcp_accept;
    TcpConnectArgs tcp_connect;
    TcpReadArgs tcp_read;
    TcpWriteArgs tcp_write;
    TcpCloseArgs tcp_close;
    TcpListenerCloseArgs tcp_listener_close;
    TcpListenerLocalAddrArgs tcp_listener_local_addr;
};

// Ring operations run on the runtime thread. A handler must complete req exactly once,
// at once or when the kernel operation it started completes.
void handle_runtime_stats(Shard &shard, Request &req, const RuntimeStatsArgs &args);
void handle_tcp_listen(Shard &shard, Request &req, const TcpListenArgs &args);
void handle_tcp_accept(Shard &shard, Request &req, const TcpAcceptArgs &args);
void handle_tcp_connect(Shard &shard, Request &req, const TcpConnectArgs &args);
void handle_tcp_read(Shard &shard, Request &req, const TcpReadArgs &args);
void handle_tcp_write(Shard &shard, Request &req, const TcpWriteArgs &args);
void handle_tcp_close(Shard &shard, Request &req, const TcpCloseArgs &args);
void handle_tcp_listener_close(Shard &shard, Request &req, const TcpListenerCloseArgs &args);
void handle_tcp_listener_local_addr(Shard &shard, Request &req,
                                    const TcpListenerLocalAddrArgs &args);

// Caller operations run on the calling thread.
int64_t handle_runtime_init(void);
int64_t handle_runtime_shutdown(void);
int64_t handle_runtime_configure_entries(int64_t entries);
int64_t handle_runtime_num_cores(void);

/// Runs the handler of req.kind on the runtime thread.
void dispatch(Shard &shard, Request &req);

/// Maps a positive errno value to the spec's error code (default IO).
int64_t error_from_errno(int err);

} // namespace gen
} // namespace uringnet
