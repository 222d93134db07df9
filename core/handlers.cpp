// Handlers of the ring operations: they run on the shard thread, validate the handle in
// the registry and either complete the request at once (socket calls that never block) or
// start a kernel operation whose completion finishes the request.
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

#include "runtime.hpp"
#include "bind_socket.hpp"
#include "handlers.hpp"
#include "socket_options.hpp"

namespace uringnet::gen {

bool find(Shard &shard, Request &req, int64_t h, uint32_t kind_mask, uint32_t &index) {
    int64_t err = 0;
    if (shard.lookup(h, kind_mask, index, err)) {
        return true;
    }
    // (The rest of a call its calling thread began, whose stream was closed on its way here:
    // the close cut the call short, as it does one waiting in the shard.)
    shard.complete(req, err == UN_ERR_CLOSED && req.line_msg == LineMsg::hand_over ? UN_ERR_CANCELED : err);
    return false;
}

namespace {

// The longest address text format_address can give for a family, with its NUL.
uint32_t max_address_text(int family) {
    if (family == AF_UNIX) {
        return 5 + 1 + sizeof(sockaddr_un::sun_path) + 1; // "unix:" "@" name NUL
    }
    return family == AF_INET6 ? 56 : 22;
}

// Copies text with its NUL into out; returns its length or BUFFER_TOO_SMALL.
int64_t copy_text(const std::string &text, char *out, uint32_t out_len) {
    if (out == nullptr || text.size() + 1 > out_len) {
        return UN_ERR_BUFFER_TOO_SMALL;
    }
    std::memcpy(out, text.c_str(), text.size() + 1);
    return static_cast<int64_t>(text.size());
}

// Starts a kernel op on buf/len with the request's deadline.
void start_io(Shard &shard, Request &req, OpKind kind, uint32_t index, void *buf, uint32_t len,
              int64_t timeout_ms) {
    Op *op = shard.new_op(kind, &req, index, timeout_ms);
    op->buf = buf;
    op->len = len;
    shard.start_op(op);
}

} // namespace

// ---- runtime ----

void handle_runtime_stats(Shard &shard, Request &req, const RuntimeStatsArgs &args) {
    shard.complete(req, copy_text(shard.runtime().stats_json(), args.out, args.out_len));
}

void handle_runtime_backend(Shard &shard, Request &req, const RuntimeBackendArgs &args) {
    if (args.out != nullptr || args.out_len != 0) {
        const int64_t n = copy_text(shard.backend_reason(), args.out, args.out_len);
        if (n < 0) {
            shard.complete(req, n);
            return;
        }
    }
    shard.complete(req, static_cast<int64_t>(shard.backend_kind()));
}

void handle_runtime_reset_stats(Shard &shard, Request &req) {
    shard.runtime().reset_stats();
    shard.complete(req, 0);
}

void handle_timer(Shard &shard, Request &req, const TimerArgs &args) { shard.start_timer(req, args.timeout_ms); }

void handle_op_cancel(Shard &shard, Request &req, const OpCancelArgs &args) {
    shard.complete(req, args.op_id > 0 ? shard.cancel_async(args.op_id) : UN_ERR_INVALID_ARGUMENT);
}

// ---- any socket ----

namespace {

// The local (getsockname) or peer (getpeername) address of a handle, as text into out.
void address_of(Shard &shard, Request &req, int64_t h, uint32_t kind_mask,
                int (*get)(int, sockaddr *, socklen_t *), char *out, uint32_t out_len) {
    uint32_t index;
    if (!find(shard, req, h, kind_mask, index)) {
        return;
    }
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (get(shard.slot(index).fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0) {
        shard.complete(req, errno_code());
        return;
    }
    shard.complete(req, copy_text(format_address(reinterpret_cast<sockaddr *>(&ss), len), out, out_len));
}

} // namespace

void handle_socket_local_addr(Shard &shard, Request &req, const SocketLocalAddrArgs &args) {
    address_of(shard, req, args.handle, kAny, getsockname, args.out, args.out_len);
}

void handle_socket_peer_addr(Shard &shard, Request &req, const SocketPeerAddrArgs &args) {
    address_of(shard, req, args.handle, kStream | kUdp, getpeername, args.out, args.out_len);
}

void handle_socket_set_option(Shard &shard, Request &req, const SocketSetOptionArgs &args) {
    uint32_t index;
    if (find(shard, req, args.handle, kAny, index)) {
        shard.complete(req, set_option(shard.slot(index), *shard.fast_slot(index), args.option, args.value));
    }
}

void handle_socket_get_option(Shard &shard, Request &req, const SocketGetOptionArgs &args) {
    uint32_t index;
    if (find(shard, req, args.handle, kAny, index)) {
        shard.complete(req, get_option(shard.slot(index), *shard.fast_slot(index), args.option));
    }
}

void handle_socket_cancel(Shard &shard, Request &req, const SocketCancelArgs &args) {
    uint32_t index;
    if (find(shard, req, args.handle, kAny, index)) {
        shard.complete(req, shard.cancel_ops(index));
    }
}

// ---- addresses of host names ----

namespace {

// tcp_listen, udp_bind: a host name's first address that can be bound (bind_order), or the
// first one's error. req.address becomes the one bound.
int64_t bind_first(Shard &shard, Request &req, int type, uint32_t flags) {
    if (req.candidates.size() < 2) {
        return bind_socket(shard, req.address, type, flags);
    }
    int64_t first_error = 0;
    for (const Address &a : bind_order(req.candidates)) {
        const int64_t fd = bind_socket(shard, a, type, flags);
        if (fd >= 0) {
            req.address = a;
            return fd;
        }
        first_error = first_error != 0 ? first_error : fd;
    }
    return first_error;
}

// udp_send_to, udp_connect: a host name's first address of the socket's family, else its first.
void pick_family(Request &req, int family) {
    for (const Address &a : req.candidates) {
        if (a.family() == family) {
            req.address = a;
            return;
        }
    }
}

} // namespace

// ---- TCP ----

void handle_tcp_listen(Shard &shard, Request &req, const TcpListenArgs &args) {
    const int64_t fd = bind_first(shard, req, SOCK_STREAM, args.flags);
    if (fd < 0) {
        shard.complete(req, fd);
        return;
    }
    if (listen(static_cast<int>(fd), args.backlog > 0 ? args.backlog : SOMAXCONN) != 0) {
        const int64_t err = errno_code();
        close(static_cast<int>(fd));
        shard.complete(req, err);
        return;
    }
    shard.complete(req, shard.add_handle(static_cast<int>(fd), UN_HANDLE_TCP_LISTENER, req.address.family()));
}

void handle_tcp_accept(Shard &shard, Request &req, const TcpAcceptArgs &args) {
    uint32_t index;
    if (find(shard, req, args.listener, kListener, index)) {
        shard.accept(req, index, args.timeout_ms);
    }
}

void handle_tcp_connect(Shard &shard, Request &req, const TcpConnectArgs &args) {
    shard.connect(req, args.timeout_ms);
}

void handle_tcp_read(Shard &shard, Request &req, const TcpReadArgs &args) {
    uint32_t index;
    if (!find(shard, req, args.stream, kStream, index)) {
        return;
    }
    if (args.max_len == 0) {
        shard.complete(req, UN_ERR_INVALID_ARGUMENT); // 0 would read as end of stream
        return;
    }
    shard.read(req, index, args.buf, args.max_len, args.timeout_ms);
}

void handle_tcp_write(Shard &shard, Request &req, const TcpWriteArgs &args) {
    uint32_t index;
    if (!find(shard, req, args.stream, kStream, index)) {
        return;
    }
    if (shard.slot(index).write_shut && req.line_msg != LineMsg::hand_over) {
        // Called after tcp_shutdown(WRITE or BOTH). (The rest of a write a calling thread
        // hands over was called before: it goes first, and the shutdown waits for it.)
        shard.complete(req, UN_ERR_BROKEN_PIPE);
        return;
    }
    if (args.len == 0) {
        shard.complete(req, 0);
        return;
    }
    start_io(shard, req, OpKind::write, index, const_cast<void *>(args.buf), args.len,
             args.timeout_ms);
}

void handle_tcp_flush(Shard &shard, Request &req, const TcpFlushArgs &args) {
    uint32_t index;
    if (!find(shard, req, args.stream, kStream, index) || shard.after_writes(req, index)) {
        return; // (it waits its turn behind the writes called before it)
    }
    if (shard.slot(index).family == AF_UNIX) {
        shard.complete(req, 0); // (a Unix stream holds nothing back)
        return;
    }
    // Setting TCP_NODELAY sends whatever Nagle's algorithm holds back; then restore it.
    const int fd = shard.slot(index).fd;
    const int64_t was = get_int(fd, IPPROTO_TCP, TCP_NODELAY);
    if (was < 0) {
        shard.complete(req, was);
        return;
    }
    const int on = 1, old = static_cast<int>(was);
    int64_t err = check(setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on));
    if (err == 0 && old == 0) {
        err = check(setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &old, sizeof old));
    }
    shard.complete(req, err);
}

void handle_tcp_shutdown(Shard &shard, Request &req, const TcpShutdownArgs &args) {
    uint32_t index;
    if (!find(shard, req, args.stream, kStream, index)) {
        return;
    }
    const int how = args.how == UN_SHUTDOWN_HOW_READ    ? SHUT_RD
                    : args.how == UN_SHUTDOWN_HOW_WRITE ? SHUT_WR
                                                        : SHUT_RDWR;
    if (how != SHUT_RD && req.line_msg != LineMsg::in_turn) {
        // Writes called from now on fail; the ones called before it are sent first.
        shard.slot(index).write_shut = true;
        if (shard.after_writes(req, index)) {
            return; // it acts when its turn in the write line comes
        }
    }
    shard.complete(req, check(shutdown(shard.slot(index).fd, how)));
}

void handle_tcp_close(Shard &shard, Request &req, const TcpCloseArgs &args) {
    uint32_t index;
    if (find(shard, req, args.stream, kStream, index)) {
        shard.close_handle(index, req);
    }
}

void handle_tcp_listener_close(Shard &shard, Request &req, const TcpListenerCloseArgs &args) {
    uint32_t index;
    if (find(shard, req, args.listener, kListener, index)) {
        shard.close_handle(index, req);
    }
}

// ---- UDP ----

void handle_udp_bind(Shard &shard, Request &req, const UdpBindArgs &args) {
    const int64_t fd = bind_first(shard, req, SOCK_DGRAM, args.flags);
    shard.complete(req, fd < 0 ? fd
                               : shard.add_handle(static_cast<int>(fd), UN_HANDLE_UDP_SOCKET,
                                                  req.address.family()));
}

void handle_udp_send_to(Shard &shard, Request &req, const UdpSendToArgs &args) {
    uint32_t index;
    if (find(shard, req, args.socket, kUdp, index)) {
        pick_family(req, shard.slot(index).family);
        start_io(shard, req, OpKind::sendmsg, index, const_cast<void *>(args.buf), args.len,
                 args.timeout_ms);
    }
}

void handle_udp_recv_from(Shard &shard, Request &req, const UdpRecvFromArgs &args) {
    uint32_t index;
    if (!find(shard, req, args.socket, kUdp, index)) {
        return;
    }
    // Refuse a sender buffer that could be too small before a datagram is consumed.
    if (args.from_len < max_address_text(shard.slot(index).family)) {
        shard.complete(req, UN_ERR_BUFFER_TOO_SMALL);
        return;
    }
    start_io(shard, req, OpKind::recvmsg, index, args.buf, args.max_len, args.timeout_ms);
}

void handle_udp_connect(Shard &shard, Request &req, const UdpConnectArgs &args) {
    uint32_t index;
    if (find(shard, req, args.socket, kUdp, index)) {
        pick_family(req, shard.slot(index).family);
        shard.complete(req, check(connect(shard.slot(index).fd, req.address.sa(), req.address.len)));
    }
}

void handle_udp_send(Shard &shard, Request &req, const UdpSendArgs &args) {
    uint32_t index;
    if (find(shard, req, args.socket, kUdp, index)) {
        start_io(shard, req, OpKind::sendmsg, index, const_cast<void *>(args.buf), args.len,
                 args.timeout_ms);
    }
}

void handle_udp_recv(Shard &shard, Request &req, const UdpRecvArgs &args) {
    uint32_t index;
    if (find(shard, req, args.socket, kUdp, index)) {
        start_io(shard, req, OpKind::recvmsg, index, args.buf, args.max_len, args.timeout_ms);
    }
}

void handle_udp_close(Shard &shard, Request &req, const UdpCloseArgs &args) {
    uint32_t index;
    if (find(shard, req, args.socket, kUdp, index)) {
        shard.close_handle(index, req);
    }
}

void handle_udp_join_multicast(Shard &shard, Request &req, const UdpJoinMulticastArgs &args) {
    uint32_t index;
    if (find(shard, req, args.socket, kUdp, index)) {
        shard.complete(req, multicast(shard.slot(index), args.group, args.iface, true));
    }
}

void handle_udp_leave_multicast(Shard &shard, Request &req, const UdpLeaveMulticastArgs &args) {
    uint32_t index;
    if (find(shard, req, args.socket, kUdp, index)) {
        shard.complete(req, multicast(shard.slot(index), args.group, args.iface, false));
    }
}

} // namespace uringnet::gen
