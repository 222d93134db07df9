// Handlers of the ring operations: they run on the shard thread, validate the handle in
// the registry and either complete the request at once or start a kernel operation.
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime.hpp"

namespace uringnet::gen {
namespace {

// Looks the handle up; on failure completes req with the error and returns false.
bool find(Shard &shard, Request &req, int64_t h, uint32_t kind, uint32_t &index) {
    int64_t err = 0;
    if (shard.lookup(h, kind, index, err)) {
        return true;
    }
    shard.complete(req, err);
    return false;
}

int64_t errno_code() { return error_from_errno(errno); }

// Copies text with its NUL into out; returns its length or BUFFER_TOO_SMALL.
int64_t copy_text(const std::string &text, char *out, uint32_t out_len) {
    if (out == nullptr || text.size() + 1 > out_len) {
        return UN_ERR_BUFFER_TOO_SMALL;
    }
    std::memcpy(out, text.c_str(), text.size() + 1);
    return static_cast<int64_t>(text.size());
}

} // namespace

void handle_runtime_stats(Shard &shard, Request &req, const RuntimeStatsArgs &args) {
    shard.complete(req, copy_text(shard.runtime().stats_json(), args.out, args.out_len));
}

void handle_tcp_listen(Shard &shard, Request &req, const TcpListenArgs &args) {
    const int fd = socket(req.address.family(), SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        shard.complete(req, errno_code());
        return;
    }
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, req.address.sa(), req.address.len) != 0 ||
        listen(fd, args.backlog > 0 ? args.backlog : SOMAXCONN) != 0) {
        const int64_t err = errno_code();
        close(fd);
        shard.complete(req, err);
        return;
    }
    shard.complete(req, shard.add_handle(fd, UN_HANDLE_TCP_LISTENER));
}

void handle_tcp_accept(Shard &shard, Request &req, const TcpAcceptArgs &args) {
    uint32_t index;
    if (find(shard, req, args.listener, UN_HANDLE_TCP_LISTENER, index)) {
        shard.start_op(shard.new_op(OpKind::accept, &req, index, args.timeout_ms));
    }
}

void handle_tcp_connect(Shard &shard, Request &req, const TcpConnectArgs &args) {
    const int fd = socket(req.address.family(), SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        shard.complete(req, errno_code());
        return;
    }
    Op *op = shard.new_op(OpKind::connect, &req, kNoSlot, args.timeout_ms);
    op->fd = fd;
    shard.start_op(op);
}

void handle_tcp_read(Shard &shard, Request &req, const TcpReadArgs &args) {
    uint32_t index;
    if (!find(shard, req, args.stream, UN_HANDLE_TCP_STREAM, index)) {
        return;
    }
    if (args.max_len == 0) {
        shard.complete(req, UN_ERR_INVALID_ARGUMENT); // 0 would read as end of stream
        return;
    }
    shard.start_op(shard.new_op(OpKind::read, &req, index, args.timeout_ms));
}

void handle_tcp_write(Shard &shard, Request &req, const TcpWriteArgs &args) {
    uint32_t index;
    if (!find(shard, req, args.stream, UN_HANDLE_TCP_STREAM, index)) {
        return;
    }
    if (args.len == 0) {
        shard.complete(req, 0);
        return;
    }
    shard.start_op(shard.new_op(OpKind::write, &req, index, args.timeout_ms));
}

void handle_tcp_close(Shard &shard, Request &req, const TcpCloseArgs &args) {
    uint32_t index;
    if (find(shard, req, args.stream, UN_HANDLE_TCP_STREAM, index)) {
        shard.close_handle(index);
        shard.complete(req, 0);
    }
}

void handle_tcp_listener_close(Shard &shard, Request &req, const TcpListenerCloseArgs &args) {
    uint32_t index;
    if (find(shard, req, args.listener, UN_HANDLE_TCP_LISTENER, index)) {
        shard.close_handle(index);
        shard.complete(req, 0);
    }
}

void handle_tcp_listener_local_addr(Shard &shard, Request &req, const TcpListenerLocalAddrArgs &args) {
    uint32_t index;
    if (!find(shard, req, args.listener, UN_HANDLE_TCP_LISTENER, index)) {
        return;
    }
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getsockname(shard.slot(index).fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0) {
        shard.complete(req, errno_code());
        return;
    }
    shard.complete(req, copy_text(format_address(reinterpret_cast<sockaddr *>(&ss), len), args.out,
                                  args.out_len));
}

} // namespace uringnet::gen
