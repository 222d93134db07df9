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
    case RequestKind::runtime_configure_backend:
        return "runtime_configure_backend";
    case RequestKind::runtime_configure_sqpoll:
        return "runtime_configure_sqpoll";
    case RequestKind::runtime_backend:
        return "runtime_backend";
    case RequestKind::runtime_reset_stats:
        return "runtime_reset_stats";
    case RequestKind::runtime_configure_shards:
        return "runtime_configure_shards";
    case RequestKind::runtime_configure_recv_buffers:
        return "runtime_configure_recv_buffers";
    case RequestKind::runtime_configure_wake_signal:
        return "runtime_configure_wake_signal";
    case RequestKind::runtime_configure_interruptible:
        return "runtime_configure_interruptible";
    case RequestKind::runtime_configure_connect_delay:
        return "runtime_configure_connect_delay";
    case RequestKind::timer:
        return "timer";
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
    case RequestKind::socket_local_addr:
        return "socket_local_addr";
    case RequestKind::tcp_flush:
        return "tcp_flush";
    case RequestKind::tcp_shutdown:
        return "tcp_shutdown";
    case RequestKind::socket_peer_addr:
        return "socket_peer_addr";
    case RequestKind::socket_set_option:
        return "socket_set_option";
    case RequestKind::socket_get_option:
        return "socket_get_option";
    case RequestKind::socket_cancel:
        return "socket_cancel";
    case RequestKind::tcp_adopt_listener:
        return "tcp_adopt_listener";
    case RequestKind::tcp_adopt_stream:
        return "tcp_adopt_stream";
    case RequestKind::unix_send_fd:
        return "unix_send_fd";
    case RequestKind::unix_send_handle:
        return "unix_send_handle";
    case RequestKind::unix_recv_fd:
        return "unix_recv_fd";
    case RequestKind::udp_bind:
        return "udp_bind";
    case RequestKind::udp_send_to:
        return "udp_send_to";
    case RequestKind::udp_recv_from:
        return "udp_recv_from";
    case RequestKind::udp_connect:
        return "udp_connect";
    case RequestKind::udp_send:
        return "udp_send";
    case RequestKind::udp_recv:
        return "udp_recv";
    case RequestKind::udp_close:
        return "udp_close";
    case RequestKind::udp_join_multicast:
        return "udp_join_multicast";
    case RequestKind::udp_leave_multicast:
        return "udp_leave_multicast";
    case RequestKind::udp_adopt:
        return "udp_adopt";
    case RequestKind::poll:
        return "poll";
    case RequestKind::completion_fd:
        return "completion_fd";
    case RequestKind::set_completion_callback:
        return "set_completion_callback";
    case RequestKind::op_cancel:
        return "op_cancel";
    case RequestKind::batch_begin:
        return "batch_begin";
    case RequestKind::batch_end:
        return "batch_end";
    }
    return "unknown";
}

void dispatch(Shard &shard, Request &req) {
    switch (req.kind) {
    case RequestKind::runtime_stats:
        handle_runtime_stats(shard, req, req.args.runtime_stats);
        return;
    case RequestKind::runtime_backend:
        handle_runtime_backend(shard, req, req.args.runtime_backend);
        return;
    case RequestKind::runtime_reset_stats:
        handle_runtime_reset_stats(shard, req);
        return;
    case RequestKind::timer:
        handle_timer(shard, req, req.args.timer);
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
    case RequestKind::socket_local_addr:
        handle_socket_local_addr(shard, req, req.args.socket_local_addr);
        return;
    case RequestKind::tcp_flush:
        handle_tcp_flush(shard, req, req.args.tcp_flush);
        return;
    case RequestKind::tcp_shutdown:
        handle_tcp_shutdown(shard, req, req.args.tcp_shutdown);
        return;
    case RequestKind::socket_peer_addr:
        handle_socket_peer_addr(shard, req, req.args.socket_peer_addr);
        return;
    case RequestKind::socket_set_option:
        handle_socket_set_option(shard, req, req.args.socket_set_option);
        return;
    case RequestKind::socket_get_option:
        handle_socket_get_option(shard, req, req.args.socket_get_option);
        return;
    case RequestKind::socket_cancel:
        handle_socket_cancel(shard, req, req.args.socket_cancel);
        return;
    case RequestKind::tcp_adopt_listener:
        handle_tcp_adopt_listener(shard, req, req.args.tcp_adopt_listener);
        return;
    case RequestKind::tcp_adopt_stream:
        handle_tcp_adopt_stream(shard, req, req.args.tcp_adopt_stream);
        return;
    case RequestKind::unix_send_fd:
        handle_unix_send_fd(shard, req, req.args.unix_send_fd);
        return;
    case RequestKind::unix_send_handle:
        handle_unix_send_handle(shard, req, req.args.unix_send_handle);
        return;
    case RequestKind::unix_recv_fd:
        handle_unix_recv_fd(shard, req, req.args.unix_recv_fd);
        return;
    case RequestKind::udp_bind:
        handle_udp_bind(shard, req, req.args.udp_bind);
        return;
    case RequestKind::udp_send_to:
        handle_udp_send_to(shard, req, req.args.udp_send_to);
        return;
    case RequestKind::udp_recv_from:
        handle_udp_recv_from(shard, req, req.args.udp_recv_from);
        return;
    case RequestKind::udp_connect:
        handle_udp_connect(shard, req, req.args.udp_connect);
        return;
    case RequestKind::udp_send:
        handle_udp_send(shard, req, req.args.udp_send);
        return;
    case RequestKind::udp_recv:
        handle_udp_recv(shard, req, req.args.udp_recv);
        return;
    case RequestKind::udp_close:
        handle_udp_close(shard, req, req.args.udp_close);
        return;
    case RequestKind::udp_join_multicast:
        handle_udp_join_multicast(shard, req, req.args.udp_join_multicast);
        return;
    case RequestKind::udp_leave_multicast:
        handle_udp_leave_multicast(shard, req, req.args.udp_leave_multicast);
        return;
    case RequestKind::udp_adopt:
        handle_udp_adopt(shard, req, req.args.udp_adopt);
        return;
    case RequestKind::op_cancel:
        handle_op_cancel(shard, req, req.args.op_cancel);
        return;
    default:
        break;
    }
    req.complete(UN_ERR_INVALID_ARGUMENT);
}

int64_t *timeout_arg(Request &req) {
    switch (req.kind) {
    case RequestKind::tcp_connect:
        return &req.args.tcp_connect.timeout_ms;
    case RequestKind::udp_send_to:
        return &req.args.udp_send_to.timeout_ms;
    default:
        return nullptr;
    }
}

int64_t *option_timeout_arg(Request &req) {
    switch (req.kind) {
    case RequestKind::tcp_accept:
        return &req.args.tcp_accept.timeout_ms;
    case RequestKind::tcp_read:
        return &req.args.tcp_read.timeout_ms;
    case RequestKind::tcp_write:
        return &req.args.tcp_write.timeout_ms;
    case RequestKind::unix_send_fd:
        return &req.args.unix_send_fd.timeout_ms;
    case RequestKind::unix_send_handle:
        return &req.args.unix_send_handle.timeout_ms;
    case RequestKind::unix_recv_fd:
        return &req.args.unix_recv_fd.timeout_ms;
    case RequestKind::udp_send_to:
        return &req.args.udp_send_to.timeout_ms;
    case RequestKind::udp_recv_from:
        return &req.args.udp_recv_from.timeout_ms;
    case RequestKind::udp_send:
        return &req.args.udp_send.timeout_ms;
    case RequestKind::udp_recv:
        return &req.args.udp_recv.timeout_ms;
    default:
        return nullptr;
    }
}

int64_t timeout_option(RequestKind kind) {
    switch (kind) {
    case RequestKind::tcp_accept:
        return UN_SOCKET_OPTION_READ_TIMEOUT;
    case RequestKind::tcp_read:
        return UN_SOCKET_OPTION_READ_TIMEOUT;
    case RequestKind::tcp_write:
        return UN_SOCKET_OPTION_WRITE_TIMEOUT;
    case RequestKind::unix_send_fd:
        return UN_SOCKET_OPTION_WRITE_TIMEOUT;
    case RequestKind::unix_send_handle:
        return UN_SOCKET_OPTION_WRITE_TIMEOUT;
    case RequestKind::unix_recv_fd:
        return UN_SOCKET_OPTION_READ_TIMEOUT;
    case RequestKind::udp_send_to:
        return UN_SOCKET_OPTION_WRITE_TIMEOUT;
    case RequestKind::udp_recv_from:
        return UN_SOCKET_OPTION_READ_TIMEOUT;
    case RequestKind::udp_send:
        return UN_SOCKET_OPTION_WRITE_TIMEOUT;
    case RequestKind::udp_recv:
        return UN_SOCKET_OPTION_READ_TIMEOUT;
    default:
        return 0;
    }
}

} // namespace uringnet::gen
