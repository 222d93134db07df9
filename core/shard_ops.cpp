// Shard: kernel operations: creating, starting (in order per stream), completing.
#include "shard.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "handle.hpp"
#include "runtime.hpp"

namespace uringnet {

Op *Shard::new_op(OpKind kind, Request *req, uint32_t slot, int64_t timeout_ms) {
    Op *op;
    if (!free_ops_.empty()) {
        op = free_ops_.back();
        free_ops_.pop_back();
    } else {
        op_pool_.push_back(std::make_unique<Op>());
        op = op_pool_.back().get();
    }
    const OpState was = op->state;
    *op = Op{};
    op->state = was;
    op->to(OpState::created);
    op->kind = kind;
    op->req = req;
    op->slot = slot;
    op->deadline_ns = deadline_after(now_ns(), timeout_ms);
    if (req != nullptr && req->op_id != 0) {
        async_ops_[req->op_id] = op;
    }
    return op;
}

int64_t Shard::cancel_async(int64_t op_id) {
    auto it = async_ops_.find(op_id);
    if (it == async_ops_.end()) {
        return UN_ERR_OP_NOT_FOUND;
    }
    Op *op = it->second;
    if (op->state == OpState::waiting) { // an accept, read or lookup waiting without a deadline
        op->canceled = true;
        finish_waiter(op, UN_ERR_CANCELED);
    } else if (op->state == OpState::queued) { // a call waiting its turn in its stream's line
        unhold(op);
        op->canceled = true;
        finish(op, UN_ERR_CANCELED);
    } else if (!op->canceled) {
        op->canceled = true;
        backend_->cancel(op);
    }
    return 0;
}

// A timer waits like a lookup with nothing to wait for: only its deadline is in the backend
// (or nothing, for one without a deadline), and that deadline passing is its result (0,
// on_op_done); op_cancel and shutdown end it as they end any waiting op.
void Shard::start_timer(Request &req, int64_t timeout_ms) {
    if (timeout_ms == 0) {
        complete(req, 0);
        return;
    }
    Op *op = new_op(OpKind::timer, &req, kNoSlot, timeout_ms);
    timers_.insert(op);
    bump(stats_.in_flight);
    op->to(op->deadline_ns >= 0 ? OpState::waiting_deadline : OpState::waiting);
    if (op->deadline_ns >= 0) {
        backend_->arm_deadline(op);
    }
}

void Shard::free_op(Op *op) {
    if (op->pass_fd_owned) { // the duplicate a unix_send_* op was given: sent or not, it is done with it
        close(op->pass_fd);
        op->pass_fd_owned = false;
    }
    op->to(OpState::free);
    op->req = nullptr;
    free_ops_.push_back(op);
}

void Shard::start_op(Op *op) {
    const bool datagram = op->kind == OpKind::recvmsg || op->kind == OpKind::sendmsg;
    if (datagram || op->take_fd || op->pass_fd >= 0) { // ops the backends run with the request's msghdr
        Request &r = *op->req;
        r.iov = {op->buf, op->len};
        r.msg = {};
        r.msg.msg_iov = &r.iov;
        r.msg.msg_iovlen = 1;
        if (op->kind == OpKind::recvmsg) { // the sender goes where a send's target would be
            r.msg.msg_name = &r.address.storage;
            r.msg.msg_namelen = sizeof r.address.storage;
        } else if (op->kind == OpKind::sendmsg && r.address.len != 0) {
            r.msg.msg_name = &r.address.storage;
            r.msg.msg_namelen = r.address.len;
        } else if (!datagram) {
            attach_fd_control(op);
        }
    }
    if (op->slot != kNoSlot) {
        if (op->kind == OpKind::write && !write_turn(op)) {
            return; // held in the stream's write line (core/line.cpp)
        }
        begin_in_slot(op);
        return;
    }
    begin(op);
}

void Shard::begin_in_slot(Op *op) {
    slots_[op->slot].ops.push_back(op);
    op->in_slot = true;
    begin(op);
}

void Shard::begin(Op *op) {
    op->to(OpState::in_kernel);
    bump(stats_.in_flight);
    backend_->start(op, op->slot == kNoSlot ? op->fd : slots_[op->slot].fd);
}

int64_t Shard::op_error(const Op *op, int res) const {
    if (op->shut_down) {
        return UN_ERR_SHUT_DOWN;
    }
    if (res == -ECANCELED || res == -EINTR) {
        if (op->timed_out) {
            return UN_ERR_TIMED_OUT;
        }
        if (op->canceled) {
            return UN_ERR_CANCELED;
        }
    }
    return gen::error_from_errno(-res);
}

void Shard::release_slot_op(Op *op) {
    Slot &s = slots_[op->slot];
    op->in_slot = false;
    for (size_t i = 0; i < s.ops.size(); ++i) {
        if (s.ops[i] == op) {
            s.ops[i] = s.ops.back();
            s.ops.pop_back();
            break;
        }
    }
    if (op->kind == OpKind::write) {
        s.line[kWriteLine].busy = false;
        if (s.closing && op->done < op->len) {
            s.line[kWriteLine].broken = true; // (none after it may be sent: the peer would see a gap)
        }
        next_write(op->slot);
    }
    if (s.closing && s.ops.empty()) {
        free_slot(op->slot);
    }
}

void Shard::on_op_done(Op *op) {
    const bool waited = op->waiting(), settled = op->state == OpState::settling;
    op->to(OpState::done);
    if (op->race != nullptr && op->kind != OpKind::race) {
        on_race_op(op); // an attempt or the stagger timer of a connect race
        return;
    }
    const int res = op->res;
    if (waited) {
        // Its deadline fired or was removed: it was settled (given or failed), or it ends here.
        if (settled) {
            end_waiting(op, res, op->given);
        } else {
            const int64_t r = op_error(op, -ECANCELED);
            finish_waiter(op, op->kind == OpKind::timer && r == UN_ERR_TIMED_OUT ? 0 : r); // (a timer's time is up)
        }
        return;
    }
    drop(stats_.in_flight);
    switch (op->kind) {
    case OpKind::accept:
        if (res >= 0) {
            complete_accept(op, res);
        } else {
            finish(op, op_error(op, res));
        }
        return;
    case OpKind::connect:
        if (res == 0 && !op->shut_down) {
            bump(stats_.connects);
            const int fd = op->fd;
            op->fd = -1;
            backend_->remove_fd(fd); // add_handle registers it again as the stream's fd
            finish(op, add_handle(fd, UN_HANDLE_TCP_STREAM, op->req->address.family()));
        } else {
            backend_->remove_fd(op->fd);
            close(op->fd);
            op->fd = -1;
            finish(op, op_error(op, res == 0 ? -ECANCELED : res));
        }
        return;
    case OpKind::read:
        if (op->take_fd) {
            finish(op, take_passed_fd(op, res));
            return;
        }
        if (res > 0 || (res == 0 && reset_error(op->slot) == 0)) {
            count_bytes(true, static_cast<uint64_t>(res));
            finish(op, res);
        } else if (res == 0) { // a read behind the one that met the reset
            finish(op, gen::error_from_errno(-reset_error(op->slot)));
        } else {
            if (breaks_stream(-res) && !op->timed_out && slots_[op->slot].live) {
                set_reset_error(op->slot, res); // the kernel says it once; later reads say it too
            }
            finish(op, op_error(op, res));
        }
        return;
    case OpKind::write: {
        const uint32_t len = op->len;
        if (res > 0) {
            count_bytes(false, static_cast<uint64_t>(res));
            op->done += static_cast<uint32_t>(res);
            if (op->done < len && !op->canceled && !op->shut_down && !op->timed_out) {
                begin(op); // short write: send the rest, still first in line
                return;
            }
        }
        if (op->done == len) {
            finish(op, op->pass_fd >= 0 ? 0 : len); // (a descriptor's byte: unix_send_* give 0)
        } else if (op->done > 0 && op->canceled && op->req->wake_fd >= 0) {
            finish(op, op->done); // an interruptible call cancelled after a part: a short write
        } else if (res > 0) {
            finish(op, op->shut_down ? UN_ERR_SHUT_DOWN
                                     : (op->canceled ? UN_ERR_CANCELED : UN_ERR_TIMED_OUT));
        } else {
            finish(op, op_error(op, res == 0 ? -EIO : res));
        }
        return;
    }
    case OpKind::recvmsg:
        if (res < 0) {
            finish(op, op_error(op, res));
            return;
        }
        count_bytes(true, static_cast<uint64_t>(res));
        finish(op, complete_recvmsg(op, res));
        return;
    case OpKind::sendmsg:
        if (res >= 0) {
            count_bytes(false, static_cast<uint64_t>(res));
        }
        finish(op, res < 0 ? op_error(op, res) : res);
        return;
    case OpKind::lookup:       // always waiting (above)
    case OpKind::timer:        // likewise
    case OpKind::race:         // likewise
    case OpKind::after_writes: // never in the kernel
        return;
    }
}

void Shard::complete_accept(Op *op, int fd) {
    bump(stats_.accepts);
    Shard *target = op->shut_down ? this : rt_.least_loaded();
    if (op->shut_down) {
        close(fd);
        finish(op, UN_ERR_SHUT_DOWN);
    } else if (target == this) {
        finish(op, add_handle(fd, UN_HANDLE_TCP_STREAM, slots_[op->slot].family));
    } else {
        // Spread connections: the least-loaded shard registers it and answers.
        Request *req = op->req;
        const int family = slots_[op->slot].family;
        if (req->op_id != 0) {
            async_ops_.erase(req->op_id);
        }
        op->req = nullptr;
        finish(op, 0);
        bump(stats_.handed_over);
        target->adopt(req, fd, family);
    }
}


void Shard::finish(Op *op, int64_t result) {
    Request *req = op->req;
    if (req != nullptr && req->op_id != 0) {
        async_ops_.erase(req->op_id);
    }
    if (op->in_slot) {
        release_slot_op(op); // may start the next queued write on the stream
    }
    free_op(op);
    if (req != nullptr) {
        complete(*req, result);
    }
}

void Shard::complete(Request &req, int64_t result) {
    bump(stats_.completed);
    if (result < 0) {
        bump(stats_.errors);
    }
    req.complete(result);
}

} // namespace uringnet
