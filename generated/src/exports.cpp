/* Generated from api/net.json by codegen/generate.py (template c/exports.cpp.j2). Do not edit:
 * change the spec or the template and run codegen/generate.py. */
// The C exports: each checks what can be checked on the calling thread, then either runs
// a caller operation or posts a request to the runtime thread and waits for it. Addresses
// are parsed here; a host name is looked up later by the runtime (never on this thread's
// account beyond the operation's timeout, never by blocking a *_submit call).
#include <fcntl.h>

#include <cerrno>
#include <memory>

#include "call.hpp"
#include "requests.hpp"
#include "uringnet/uringnet.h"

extern "C" {

UN_API int64_t un_runtime_init(void) {

    return uringnet::gen::handle_runtime_init();
}

UN_API int64_t un_runtime_shutdown(void) {

    return uringnet::gen::handle_runtime_shutdown();
}

UN_API int64_t un_runtime_configure_entries(int64_t entries) {

    return uringnet::gen::handle_runtime_configure_entries(entries);
}

UN_API int64_t un_runtime_num_cores(void) {

    return uringnet::gen::handle_runtime_num_cores();
}

UN_API int64_t un_runtime_stats(char *out, uint32_t out_len) {
    if (out == nullptr && out_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::runtime_stats);
    req.args.runtime_stats = {out, out_len};

    return uringnet::call(req, 0, 0, uringnet::FromCallback::inline_);
}

UN_API int64_t un_runtime_stats_submit(char *out, uint32_t out_len, uint64_t user_data) {
    if (out == nullptr && out_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::runtime_stats);
    req->args.runtime_stats = {out, out_len};

    return uringnet::submit(std::move(req), user_data, 0, 0);
}

UN_API int64_t un_runtime_configure_backend(un_backend_t backend) {
    switch (backend) {
    case UN_BACKEND_AUTO:
    case UN_BACKEND_IO_URING:
    case UN_BACKEND_EPOLL:
        break;
    default:
        return UN_ERR_INVALID_ARGUMENT;
    }

    return uringnet::gen::handle_runtime_configure_backend(backend);
}

UN_API int64_t un_runtime_configure_sqpoll(bool on) {

    return uringnet::gen::handle_runtime_configure_sqpoll(on);
}

UN_API int64_t un_runtime_backend(char *out, uint32_t out_len) {
    if (out == nullptr && out_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::runtime_backend);
    req.args.runtime_backend = {out, out_len};

    return uringnet::call(req, 0, 0, uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_runtime_backend_submit(char *out, uint32_t out_len, uint64_t user_data) {
    if (out == nullptr && out_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::runtime_backend);
    req->args.runtime_backend = {out, out_len};

    return uringnet::submit(std::move(req), user_data, 0, 0);
}

UN_API int64_t un_runtime_reset_stats(void) {

    uringnet::Request req(uringnet::gen::RequestKind::runtime_reset_stats);

    return uringnet::call(req, 0, 0, uringnet::FromCallback::started);
}

UN_API int64_t un_runtime_reset_stats_submit(uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::runtime_reset_stats);

    return uringnet::submit(std::move(req), user_data, 0, 0);
}

UN_API int64_t un_runtime_configure_shards(int64_t shards) {

    return uringnet::gen::handle_runtime_configure_shards(shards);
}

UN_API int64_t un_runtime_configure_recv_buffers(uint32_t count, uint32_t size) {

    return uringnet::gen::handle_runtime_configure_recv_buffers(count, size);
}

UN_API int64_t un_runtime_configure_wake_signal(int64_t signal) {

    return uringnet::gen::handle_runtime_configure_wake_signal(signal);
}

UN_API int64_t un_runtime_configure_interruptible(bool on) {

    return uringnet::gen::handle_runtime_configure_interruptible(on);
}

UN_API int64_t un_runtime_configure_connect_delay(int64_t delay_ms) {

    return uringnet::gen::handle_runtime_configure_connect_delay(delay_ms);
}

UN_API int64_t un_timer(int64_t timeout_ms) {

    uringnet::Request req(uringnet::gen::RequestKind::timer);
    req.args.timer = {timeout_ms};

    return uringnet::call(req, 0, 0, uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_timer_submit(int64_t timeout_ms, uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::timer);
    req->args.timer = {timeout_ms};

    return uringnet::submit(std::move(req), user_data, 0, 0);
}

UN_API un_tcp_listener_t un_tcp_listen(const char *addr, int32_t backlog, uint32_t flags) {
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }

    uringnet::Request req(uringnet::gen::RequestKind::tcp_listen);
    req.args.tcp_listen = {addr, backlog, flags};
    if (int64_t err = uringnet::prepare_address(addr, req.address, req.candidates, req.lookup)) {
        return err;
    }

    return uringnet::call(req, 0, 0, uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_tcp_listen_submit(const char *addr, int32_t backlog, uint32_t flags,
                                    uint64_t user_data) {
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_listen);
    req->args.tcp_listen = {addr, backlog, flags};
    if (int64_t err = uringnet::prepare_address(addr, req->address, req->candidates, req->lookup)) {
        return err;
    }

    return uringnet::submit(std::move(req), user_data, 0, 0);
}

UN_API un_tcp_stream_t un_tcp_accept(un_tcp_listener_t listener, int64_t timeout_ms) {

    uringnet::Request req(uringnet::gen::RequestKind::tcp_accept);
    req.args.tcp_accept = {listener, timeout_ms};

    return uringnet::call(req, listener, (1u << UN_HANDLE_TCP_LISTENER),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_tcp_accept_submit(un_tcp_listener_t listener, int64_t timeout_ms,
                                    uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_accept);
    req->args.tcp_accept = {listener, timeout_ms};

    return uringnet::submit(std::move(req), user_data, listener, (1u << UN_HANDLE_TCP_LISTENER));
}

UN_API un_tcp_stream_t un_tcp_connect(const char *addr, int64_t timeout_ms) {
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }

    uringnet::Request req(uringnet::gen::RequestKind::tcp_connect);
    req.args.tcp_connect = {addr, timeout_ms};
    if (int64_t err = uringnet::prepare_address(addr, req.address, req.candidates, req.lookup)) {
        return err;
    }

    return uringnet::call(req, 0, 0, uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_tcp_connect_submit(const char *addr, int64_t timeout_ms, uint64_t user_data) {
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_connect);
    req->args.tcp_connect = {addr, timeout_ms};
    if (int64_t err = uringnet::prepare_address(addr, req->address, req->candidates, req->lookup)) {
        return err;
    }

    return uringnet::submit(std::move(req), user_data, 0, 0);
}

UN_API int64_t un_tcp_read(un_tcp_stream_t stream, void *buf, uint32_t max_len,
                           int64_t timeout_ms) {
    if (buf == nullptr && max_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::tcp_read);
    req.args.tcp_read = {stream, buf, max_len, timeout_ms};

    return uringnet::call(req, stream, (1u << UN_HANDLE_TCP_STREAM),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_tcp_read_submit(un_tcp_stream_t stream, void *buf, uint32_t max_len,
                                  int64_t timeout_ms, uint64_t user_data) {
    if (buf == nullptr && max_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_read);
    req->args.tcp_read = {stream, buf, max_len, timeout_ms};

    return uringnet::submit(std::move(req), user_data, stream, (1u << UN_HANDLE_TCP_STREAM));
}

UN_API int64_t un_tcp_write(un_tcp_stream_t stream, const void *buf, uint32_t len,
                            int64_t timeout_ms) {
    if (buf == nullptr && len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::tcp_write);
    req.args.tcp_write = {stream, buf, len, timeout_ms};

    return uringnet::call(req, stream, (1u << UN_HANDLE_TCP_STREAM),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_tcp_write_submit(un_tcp_stream_t stream, const void *buf, uint32_t len,
                                   int64_t timeout_ms, uint64_t user_data) {
    if (buf == nullptr && len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_write);
    req->args.tcp_write = {stream, buf, len, timeout_ms};

    return uringnet::submit(std::move(req), user_data, stream, (1u << UN_HANDLE_TCP_STREAM));
}

UN_API int64_t un_tcp_close(un_tcp_stream_t stream) {

    uringnet::Request req(uringnet::gen::RequestKind::tcp_close);
    req.args.tcp_close = {stream};

    return uringnet::call(req, stream, (1u << UN_HANDLE_TCP_STREAM),
                          uringnet::FromCallback::started);
}

UN_API int64_t un_tcp_close_submit(un_tcp_stream_t stream, uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_close);
    req->args.tcp_close = {stream};

    return uringnet::submit(std::move(req), user_data, stream, (1u << UN_HANDLE_TCP_STREAM));
}

UN_API int64_t un_tcp_listener_close(un_tcp_listener_t listener) {

    uringnet::Request req(uringnet::gen::RequestKind::tcp_listener_close);
    req.args.tcp_listener_close = {listener};

    return uringnet::call(req, listener, (1u << UN_HANDLE_TCP_LISTENER),
                          uringnet::FromCallback::started);
}

UN_API int64_t un_tcp_listener_close_submit(un_tcp_listener_t listener, uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_listener_close);
    req->args.tcp_listener_close = {listener};

    return uringnet::submit(std::move(req), user_data, listener, (1u << UN_HANDLE_TCP_LISTENER));
}

UN_API int64_t un_socket_local_addr(un_handle_t handle, char *out, uint32_t out_len) {
    if (out == nullptr && out_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::socket_local_addr);
    req.args.socket_local_addr = {handle, out, out_len};

    return uringnet::call(req, handle,
                          (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
                              (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::inline_);
}

UN_API int64_t un_socket_local_addr_submit(un_handle_t handle, char *out, uint32_t out_len,
                                           uint64_t user_data) {
    if (out == nullptr && out_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::socket_local_addr);
    req->args.socket_local_addr = {handle, out, out_len};

    return uringnet::submit(std::move(req), user_data, handle,
                            (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
                                (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_tcp_flush(un_tcp_stream_t stream) {

    uringnet::Request req(uringnet::gen::RequestKind::tcp_flush);
    req.args.tcp_flush = {stream};

    return uringnet::call(req, stream, (1u << UN_HANDLE_TCP_STREAM),
                          uringnet::FromCallback::inline_);
}

UN_API int64_t un_tcp_flush_submit(un_tcp_stream_t stream, uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_flush);
    req->args.tcp_flush = {stream};

    return uringnet::submit(std::move(req), user_data, stream, (1u << UN_HANDLE_TCP_STREAM));
}

UN_API int64_t un_tcp_shutdown(un_tcp_stream_t stream, un_shutdown_how_t how) {
    switch (how) {
    case UN_SHUTDOWN_HOW_READ:
    case UN_SHUTDOWN_HOW_WRITE:
    case UN_SHUTDOWN_HOW_BOTH:
        break;
    default:
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::tcp_shutdown);
    req.args.tcp_shutdown = {stream, how};

    return uringnet::call(req, stream, (1u << UN_HANDLE_TCP_STREAM),
                          uringnet::FromCallback::inline_);
}

UN_API int64_t un_tcp_shutdown_submit(un_tcp_stream_t stream, un_shutdown_how_t how,
                                      uint64_t user_data) {
    switch (how) {
    case UN_SHUTDOWN_HOW_READ:
    case UN_SHUTDOWN_HOW_WRITE:
    case UN_SHUTDOWN_HOW_BOTH:
        break;
    default:
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_shutdown);
    req->args.tcp_shutdown = {stream, how};

    return uringnet::submit(std::move(req), user_data, stream, (1u << UN_HANDLE_TCP_STREAM));
}

UN_API int64_t un_socket_peer_addr(un_handle_t handle, char *out, uint32_t out_len) {
    if (out == nullptr && out_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::socket_peer_addr);
    req.args.socket_peer_addr = {handle, out, out_len};

    return uringnet::call(req, handle, (1u << UN_HANDLE_TCP_STREAM) | (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::inline_);
}

UN_API int64_t un_socket_peer_addr_submit(un_handle_t handle, char *out, uint32_t out_len,
                                          uint64_t user_data) {
    if (out == nullptr && out_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::socket_peer_addr);
    req->args.socket_peer_addr = {handle, out, out_len};

    return uringnet::submit(std::move(req), user_data, handle,
                            (1u << UN_HANDLE_TCP_STREAM) | (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_socket_set_option(un_handle_t handle, un_socket_option_t option, int64_t value) {
    switch (option) {
    case UN_SOCKET_OPTION_NODELAY:
    case UN_SOCKET_OPTION_KEEPALIVE:
    case UN_SOCKET_OPTION_RECV_BUFFER:
    case UN_SOCKET_OPTION_SEND_BUFFER:
    case UN_SOCKET_OPTION_LINGER:
    case UN_SOCKET_OPTION_TTL:
    case UN_SOCKET_OPTION_REUSE_ADDRESS:
    case UN_SOCKET_OPTION_REUSE_PORT:
    case UN_SOCKET_OPTION_BROADCAST:
    case UN_SOCKET_OPTION_MULTICAST_TTL:
    case UN_SOCKET_OPTION_MULTICAST_LOOP:
    case UN_SOCKET_OPTION_READ_TIMEOUT:
    case UN_SOCKET_OPTION_WRITE_TIMEOUT:
    case UN_SOCKET_OPTION_PEER_PID:
    case UN_SOCKET_OPTION_PEER_UID:
    case UN_SOCKET_OPTION_PEER_GID:
        break;
    default:
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::socket_set_option);
    req.args.socket_set_option = {handle, option, value};

    return uringnet::call(req, handle,
                          (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
                              (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::inline_);
}

UN_API int64_t un_socket_set_option_submit(un_handle_t handle, un_socket_option_t option,
                                           int64_t value, uint64_t user_data) {
    switch (option) {
    case UN_SOCKET_OPTION_NODELAY:
    case UN_SOCKET_OPTION_KEEPALIVE:
    case UN_SOCKET_OPTION_RECV_BUFFER:
    case UN_SOCKET_OPTION_SEND_BUFFER:
    case UN_SOCKET_OPTION_LINGER:
    case UN_SOCKET_OPTION_TTL:
    case UN_SOCKET_OPTION_REUSE_ADDRESS:
    case UN_SOCKET_OPTION_REUSE_PORT:
    case UN_SOCKET_OPTION_BROADCAST:
    case UN_SOCKET_OPTION_MULTICAST_TTL:
    case UN_SOCKET_OPTION_MULTICAST_LOOP:
    case UN_SOCKET_OPTION_READ_TIMEOUT:
    case UN_SOCKET_OPTION_WRITE_TIMEOUT:
    case UN_SOCKET_OPTION_PEER_PID:
    case UN_SOCKET_OPTION_PEER_UID:
    case UN_SOCKET_OPTION_PEER_GID:
        break;
    default:
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::socket_set_option);
    req->args.socket_set_option = {handle, option, value};

    return uringnet::submit(std::move(req), user_data, handle,
                            (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
                                (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_socket_get_option(un_handle_t handle, un_socket_option_t option) {
    switch (option) {
    case UN_SOCKET_OPTION_NODELAY:
    case UN_SOCKET_OPTION_KEEPALIVE:
    case UN_SOCKET_OPTION_RECV_BUFFER:
    case UN_SOCKET_OPTION_SEND_BUFFER:
    case UN_SOCKET_OPTION_LINGER:
    case UN_SOCKET_OPTION_TTL:
    case UN_SOCKET_OPTION_REUSE_ADDRESS:
    case UN_SOCKET_OPTION_REUSE_PORT:
    case UN_SOCKET_OPTION_BROADCAST:
    case UN_SOCKET_OPTION_MULTICAST_TTL:
    case UN_SOCKET_OPTION_MULTICAST_LOOP:
    case UN_SOCKET_OPTION_READ_TIMEOUT:
    case UN_SOCKET_OPTION_WRITE_TIMEOUT:
    case UN_SOCKET_OPTION_PEER_PID:
    case UN_SOCKET_OPTION_PEER_UID:
    case UN_SOCKET_OPTION_PEER_GID:
        break;
    default:
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::socket_get_option);
    req.args.socket_get_option = {handle, option};

    return uringnet::call(req, handle,
                          (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
                              (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::inline_);
}

UN_API int64_t un_socket_get_option_submit(un_handle_t handle, un_socket_option_t option,
                                           uint64_t user_data) {
    switch (option) {
    case UN_SOCKET_OPTION_NODELAY:
    case UN_SOCKET_OPTION_KEEPALIVE:
    case UN_SOCKET_OPTION_RECV_BUFFER:
    case UN_SOCKET_OPTION_SEND_BUFFER:
    case UN_SOCKET_OPTION_LINGER:
    case UN_SOCKET_OPTION_TTL:
    case UN_SOCKET_OPTION_REUSE_ADDRESS:
    case UN_SOCKET_OPTION_REUSE_PORT:
    case UN_SOCKET_OPTION_BROADCAST:
    case UN_SOCKET_OPTION_MULTICAST_TTL:
    case UN_SOCKET_OPTION_MULTICAST_LOOP:
    case UN_SOCKET_OPTION_READ_TIMEOUT:
    case UN_SOCKET_OPTION_WRITE_TIMEOUT:
    case UN_SOCKET_OPTION_PEER_PID:
    case UN_SOCKET_OPTION_PEER_UID:
    case UN_SOCKET_OPTION_PEER_GID:
        break;
    default:
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::socket_get_option);
    req->args.socket_get_option = {handle, option};

    return uringnet::submit(std::move(req), user_data, handle,
                            (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
                                (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_socket_cancel(un_handle_t handle) {

    uringnet::Request req(uringnet::gen::RequestKind::socket_cancel);
    req.args.socket_cancel = {handle};

    return uringnet::call(req, handle,
                          (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
                              (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::started);
}

UN_API int64_t un_socket_cancel_submit(un_handle_t handle, uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::socket_cancel);
    req->args.socket_cancel = {handle};

    return uringnet::submit(std::move(req), user_data, handle,
                            (1u << UN_HANDLE_TCP_LISTENER) | (1u << UN_HANDLE_TCP_STREAM) |
                                (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API un_tcp_listener_t un_tcp_adopt_listener(int32_t fd) {

    uringnet::Request req(uringnet::gen::RequestKind::tcp_adopt_listener);
    req.args.tcp_adopt_listener = {fd};

    return uringnet::call(req, 0, 0, uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_tcp_adopt_listener_submit(int32_t fd, uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_adopt_listener);
    req->args.tcp_adopt_listener = {fd};

    return uringnet::submit(std::move(req), user_data, 0, 0);
}

UN_API un_tcp_stream_t un_tcp_adopt_stream(int32_t fd) {

    uringnet::Request req(uringnet::gen::RequestKind::tcp_adopt_stream);
    req.args.tcp_adopt_stream = {fd};

    return uringnet::call(req, 0, 0, uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_tcp_adopt_stream_submit(int32_t fd, uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::tcp_adopt_stream);
    req->args.tcp_adopt_stream = {fd};

    return uringnet::submit(std::move(req), user_data, 0, 0);
}

UN_API int64_t un_unix_send_fd(un_tcp_stream_t stream, int32_t fd, int64_t timeout_ms) {

    uringnet::Request req(uringnet::gen::RequestKind::unix_send_fd);
    req.args.unix_send_fd = {stream, fd, timeout_ms};
    // The operation owns a duplicate: the caller may close fd once this returns.
    req.passed_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (req.passed_fd < 0) {
        return errno == EBADF ? UN_ERR_INVALID_ARGUMENT : uringnet::gen::error_from_errno(errno);
    }

    return uringnet::call(req, stream, (1u << UN_HANDLE_TCP_STREAM),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_unix_send_fd_submit(un_tcp_stream_t stream, int32_t fd, int64_t timeout_ms,
                                      uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::unix_send_fd);
    req->args.unix_send_fd = {stream, fd, timeout_ms};
    // The operation owns a duplicate: the caller may close fd once this returns.
    req->passed_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (req->passed_fd < 0) {
        return errno == EBADF ? UN_ERR_INVALID_ARGUMENT : uringnet::gen::error_from_errno(errno);
    }

    return uringnet::submit(std::move(req), user_data, stream, (1u << UN_HANDLE_TCP_STREAM));
}

UN_API int64_t un_unix_send_handle(un_tcp_stream_t stream, un_handle_t handle, int64_t timeout_ms) {

    uringnet::Request req(uringnet::gen::RequestKind::unix_send_handle);
    req.args.unix_send_handle = {stream, handle, timeout_ms};

    return uringnet::call(req, stream, (1u << UN_HANDLE_TCP_STREAM),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_unix_send_handle_submit(un_tcp_stream_t stream, un_handle_t handle,
                                          int64_t timeout_ms, uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::unix_send_handle);
    req->args.unix_send_handle = {stream, handle, timeout_ms};

    return uringnet::submit(std::move(req), user_data, stream, (1u << UN_HANDLE_TCP_STREAM));
}

UN_API int64_t un_unix_recv_fd(un_tcp_stream_t stream, int64_t timeout_ms) {

    uringnet::Request req(uringnet::gen::RequestKind::unix_recv_fd);
    req.args.unix_recv_fd = {stream, timeout_ms};

    return uringnet::call(req, stream, (1u << UN_HANDLE_TCP_STREAM),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_unix_recv_fd_submit(un_tcp_stream_t stream, int64_t timeout_ms,
                                      uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::unix_recv_fd);
    req->args.unix_recv_fd = {stream, timeout_ms};

    return uringnet::submit(std::move(req), user_data, stream, (1u << UN_HANDLE_TCP_STREAM));
}

UN_API un_udp_socket_t un_udp_bind(const char *addr, uint32_t flags) {
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }

    uringnet::Request req(uringnet::gen::RequestKind::udp_bind);
    req.args.udp_bind = {addr, flags};
    if (int64_t err = uringnet::prepare_address(addr, req.address, req.candidates, req.lookup)) {
        return err;
    }

    return uringnet::call(req, 0, 0, uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_udp_bind_submit(const char *addr, uint32_t flags, uint64_t user_data) {
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::udp_bind);
    req->args.udp_bind = {addr, flags};
    if (int64_t err = uringnet::prepare_address(addr, req->address, req->candidates, req->lookup)) {
        return err;
    }

    return uringnet::submit(std::move(req), user_data, 0, 0);
}

UN_API int64_t un_udp_send_to(un_udp_socket_t socket, const void *buf, uint32_t len,
                              const char *addr, int64_t timeout_ms) {
    if (buf == nullptr && len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }

    uringnet::Request req(uringnet::gen::RequestKind::udp_send_to);
    req.args.udp_send_to = {socket, buf, len, addr, timeout_ms};
    if (int64_t err = uringnet::prepare_address(addr, req.address, req.candidates, req.lookup)) {
        return err;
    }

    return uringnet::call(req, socket, (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_udp_send_to_submit(un_udp_socket_t socket, const void *buf, uint32_t len,
                                     const char *addr, int64_t timeout_ms, uint64_t user_data) {
    if (buf == nullptr && len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::udp_send_to);
    req->args.udp_send_to = {socket, buf, len, addr, timeout_ms};
    if (int64_t err = uringnet::prepare_address(addr, req->address, req->candidates, req->lookup)) {
        return err;
    }

    return uringnet::submit(std::move(req), user_data, socket, (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_udp_recv_from(un_udp_socket_t socket, void *buf, uint32_t max_len, char *from,
                                uint32_t from_len, int64_t timeout_ms) {
    if (buf == nullptr && max_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    if (from == nullptr && from_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::udp_recv_from);
    req.args.udp_recv_from = {socket, buf, max_len, from, from_len, timeout_ms};

    return uringnet::call(req, socket, (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_udp_recv_from_submit(un_udp_socket_t socket, void *buf, uint32_t max_len,
                                       char *from, uint32_t from_len, int64_t timeout_ms,
                                       uint64_t user_data) {
    if (buf == nullptr && max_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    if (from == nullptr && from_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::udp_recv_from);
    req->args.udp_recv_from = {socket, buf, max_len, from, from_len, timeout_ms};

    return uringnet::submit(std::move(req), user_data, socket, (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_udp_connect(un_udp_socket_t socket, const char *addr) {
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }

    uringnet::Request req(uringnet::gen::RequestKind::udp_connect);
    req.args.udp_connect = {socket, addr};
    if (int64_t err = uringnet::prepare_address(addr, req.address, req.candidates, req.lookup)) {
        return err;
    }

    return uringnet::call(req, socket, (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_udp_connect_submit(un_udp_socket_t socket, const char *addr, uint64_t user_data) {
    if (addr == nullptr) {
        return UN_ERR_BAD_ADDRESS;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::udp_connect);
    req->args.udp_connect = {socket, addr};
    if (int64_t err = uringnet::prepare_address(addr, req->address, req->candidates, req->lookup)) {
        return err;
    }

    return uringnet::submit(std::move(req), user_data, socket, (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_udp_send(un_udp_socket_t socket, const void *buf, uint32_t len,
                           int64_t timeout_ms) {
    if (buf == nullptr && len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::udp_send);
    req.args.udp_send = {socket, buf, len, timeout_ms};

    return uringnet::call(req, socket, (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_udp_send_submit(un_udp_socket_t socket, const void *buf, uint32_t len,
                                  int64_t timeout_ms, uint64_t user_data) {
    if (buf == nullptr && len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::udp_send);
    req->args.udp_send = {socket, buf, len, timeout_ms};

    return uringnet::submit(std::move(req), user_data, socket, (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_udp_recv(un_udp_socket_t socket, void *buf, uint32_t max_len,
                           int64_t timeout_ms) {
    if (buf == nullptr && max_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::udp_recv);
    req.args.udp_recv = {socket, buf, max_len, timeout_ms};

    return uringnet::call(req, socket, (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_udp_recv_submit(un_udp_socket_t socket, void *buf, uint32_t max_len,
                                  int64_t timeout_ms, uint64_t user_data) {
    if (buf == nullptr && max_len != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::udp_recv);
    req->args.udp_recv = {socket, buf, max_len, timeout_ms};

    return uringnet::submit(std::move(req), user_data, socket, (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_udp_close(un_udp_socket_t socket) {

    uringnet::Request req(uringnet::gen::RequestKind::udp_close);
    req.args.udp_close = {socket};

    return uringnet::call(req, socket, (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::started);
}

UN_API int64_t un_udp_close_submit(un_udp_socket_t socket, uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::udp_close);
    req->args.udp_close = {socket};

    return uringnet::submit(std::move(req), user_data, socket, (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_udp_join_multicast(un_udp_socket_t socket, const char *group, const char *iface) {
    if (group == nullptr) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    if (iface == nullptr) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::udp_join_multicast);
    req.args.udp_join_multicast = {socket, group, iface};

    return uringnet::call(req, socket, (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_udp_join_multicast_submit(un_udp_socket_t socket, const char *group,
                                            const char *iface, uint64_t user_data) {
    if (group == nullptr) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    if (iface == nullptr) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::udp_join_multicast);
    req->args.udp_join_multicast = {socket, group, iface};

    return uringnet::submit(std::move(req), user_data, socket, (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API int64_t un_udp_leave_multicast(un_udp_socket_t socket, const char *group,
                                      const char *iface) {
    if (group == nullptr) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    if (iface == nullptr) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    uringnet::Request req(uringnet::gen::RequestKind::udp_leave_multicast);
    req.args.udp_leave_multicast = {socket, group, iface};

    return uringnet::call(req, socket, (1u << UN_HANDLE_UDP_SOCKET),
                          uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_udp_leave_multicast_submit(un_udp_socket_t socket, const char *group,
                                             const char *iface, uint64_t user_data) {
    if (group == nullptr) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    if (iface == nullptr) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::udp_leave_multicast);
    req->args.udp_leave_multicast = {socket, group, iface};

    return uringnet::submit(std::move(req), user_data, socket, (1u << UN_HANDLE_UDP_SOCKET));
}

UN_API un_udp_socket_t un_udp_adopt(int32_t fd) {

    uringnet::Request req(uringnet::gen::RequestKind::udp_adopt);
    req.args.udp_adopt = {fd};

    return uringnet::call(req, 0, 0, uringnet::FromCallback::would_deadlock);
}

UN_API int64_t un_udp_adopt_submit(int32_t fd, uint64_t user_data) {

    auto req = std::make_unique<uringnet::Request>(uringnet::gen::RequestKind::udp_adopt);
    req->args.udp_adopt = {fd};

    return uringnet::submit(std::move(req), user_data, 0, 0);
}

UN_API int64_t un_poll(un_completion_t *out, uint32_t max, int64_t timeout_ms) {
    if (out == nullptr && max != 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }

    return uringnet::gen::handle_poll(out, max, timeout_ms);
}

UN_API int64_t un_completion_fd(void) {

    return uringnet::gen::handle_completion_fd();
}

UN_API int64_t un_set_completion_callback(un_completion_fn callback, void *ctx) {

    return uringnet::gen::handle_set_completion_callback(callback, ctx);
}

UN_API int64_t un_op_cancel(int64_t op_id) {

    uringnet::Request req(uringnet::gen::RequestKind::op_cancel);
    req.args.op_cancel = {op_id};

    return uringnet::call(req, uringnet::route_of_op(op_id), uringnet::kRouteByOp,
                          uringnet::FromCallback::started);
}

UN_API int64_t un_batch_begin(void) {

    return uringnet::gen::handle_batch_begin();
}

UN_API int64_t un_batch_end(void) {

    return uringnet::gen::handle_batch_end();
}

} // extern "C"
