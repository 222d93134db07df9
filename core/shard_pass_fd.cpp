// Shard: passing descriptors over Unix streams (SCM_RIGHTS): unix_send_fd and
// unix_send_handle send one byte carrying a descriptor as a write of the stream (in its turn
// in the write line); unix_recv_fd reads one byte and the descriptor it carries as a read (in
// its turn in the read line). Who owns what: the sender's descriptor stays the sender's (the
// kernel duplicates it into the message); a duplicate made for unix_send_handle belongs to
// its op, which closes it when freed; a received descriptor belongs to the caller.
#include "shard.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace uringnet {

void Shard::send_fd(Request &req, uint32_t index, int fd, bool owned, int64_t timeout_ms) {
    Op *op = new_op(OpKind::write, &req, index, timeout_ms);
    req.carrier = 0;
    op->buf = &req.carrier;
    op->len = 1;
    op->pass_fd = fd;
    op->pass_fd_owned = owned;
    start_op(op);
}

void Shard::recv_fd(Request &req, uint32_t index, int64_t timeout_ms) {
    Op *op = new_op(OpKind::read, &req, index, timeout_ms);
    op->buf = &req.carrier;
    op->len = 1;
    op->take_fd = true;
    if (read_waits_turn(op)) {
        return; // held in the stream's read line (core/line.cpp)
    }
    continue_read(op);
}

void Shard::attach_fd_control(Op *op) {
    Request &r = *op->req;
    r.msg.msg_control = r.control;
    r.msg.msg_controllen = sizeof r.control;
    std::memset(r.control, 0, sizeof r.control);
    if (op->pass_fd >= 0) {
        cmsghdr *c = CMSG_FIRSTHDR(&r.msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(c), &op->pass_fd, sizeof(int));
    }
}

int64_t Shard::take_passed_fd(Op *op, int res) {
    int fd = -1;
    if (res > 0) {
        msghdr &m = op->req->msg;
        for (cmsghdr *c = CMSG_FIRSTHDR(&m); c != nullptr; c = CMSG_NXTHDR(&m, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) {
                continue;
            }
            const size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (size_t i = 0; i < n; ++i) {
                int got;
                std::memcpy(&got, CMSG_DATA(c) + i * sizeof(int), sizeof got);
                if (fd < 0) {
                    fd = got;
                } else {
                    close(got); // (only the first is returned; the control buffer holds one)
                }
            }
        }
        count_bytes(true, static_cast<uint64_t>(res));
        return fd >= 0 ? fd : UN_ERR_NO_FD;
    }
    if (res == 0) {
        return UN_ERR_END_OF_STREAM;
    }
    return op_error(op, res);
}

} // namespace uringnet
