/* Generated from api/net.json by codegen/generate.py (template core/dispatch.cpp.j2). Do not edit:
 * change the spec or the template and run codegen/generate.py. */
#include "requests.hpp"

#include "request.hpp"

namespace uringnet::gen {

const char *request_name(RequestKind kind) {
    switch (kind) {
    case RequestKind::runtime_init:
        return "runtime_init";
    case RequestKind::runtime_shutdown:
        return "runtime_shutdown";
    case RequestKind::runtime_configure_entries:
        return "runtime_configure_entries";
    case RequestKind::runtime_num_cores:
        return "runtime_num_cores";
    case RequestKind::runtime_stats:
        return "runtime_stats";
    case RequestKind::tcp_listen:
        return "tcp_listen";
    case RequestKind::tcp_accept:
        return "tcp_accept";
    case RequestKind::tcp_connect:
        return "tcp_connect";
    case RequestKind::tcp_read:
        return "tcp_read";
    case RequestKind::tcp_write:
        return "tcp_write";
    case RequestKind::tcp_close:
        return "tcp_close";
    case RequestKind::tcp_listener_close:
        return "tcp_listener_close";
    case RequestKind::tcp_listener_local_addr:
        return "tcp_listener_local_addr";
    }
    return "unknown";
}

void dispatch(Shard &shard, Request &req) {
    switch (req.kind) {
    case RequestKind::runtime_stats:
        handle_runtime_stats(shard, req, req.args.runtime_stats);
        return;
    case RequestKind::tcp_listen:
        handle_tcp_listen(shard, req, req.args.tcp_listen);
        return;
    case RequestKind::tcp_accept:
        handle_tcp_accept(shard, req, req.args.tcp_accept);
        return;
    case RequestKind::tcp_connect:
        handle_tcp_connect(shard, req, req.args.tcp_connect);
        return;
    case RequestKind::tcp_read:
        handle_tcp_read(shard, req, req.args.tcp_read);
        return;
    case RequestKind::tcp_write:
        handle_tcp_write(shard, req, req.args.tcp_write);
        return;
    case RequestKind::tcp_close:
        handle_tcp_close(shard, req, req.args.tcp_close);
        return;
    case RequestKind::tcp_listener_close:
        handle_tcp_listener_close(shard, req, req.args.tcp_listener_close);
        return;
    case RequestKind::tcp_listener_local_addr:
        handle_tcp_listener_local_addr(shard, req, req.args.tcp_listener_local_addr);
        return;
    default:
        break;
    }
    req.complete(UN_ERR_INVALID_ARGUMENT);
}

} // namespace uringnet::gen
