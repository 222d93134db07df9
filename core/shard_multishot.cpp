// Shard: accepts and reads served by one multishot operation per listener or stream.
#include "shard.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "handle.hpp"
#include "runtime.hpp"

namespace uringnet {

// ---- accepts and reads served by a multishot operation ----
//
// A listener keeps one multishot accept armed while requests want connections; a stream
// switched to multishot receive keeps one receive armed while reads wait. Each result goes
// to the oldest waiting request, or is kept for the next one (slot.ready: connections,
// slot.stash: data). A waiting request is not in the kernel itself: only its deadline is
// (when it has one), so cancelling it means removing that deadline, and without one it is
// finished directly.

constexpr size_t kReadyMax = 64;             // connections kept for requests yet to come
constexpr size_t kStashMax = 64 * 1024;      // bytes kept for reads yet to come

void Shard::accept(Request &req, uint32_t index, int64_t timeout_ms) {
    if (!backend_->multishot_accept()) {
        start_op(new_op(OpKind::accept, &req, index, timeout_ms));
        return;
    }
    Slot &s = slots_[index];
    Op *op = new_op(OpKind::accept, &req, index, timeout_ms);
    if (!s.ready.empty()) {
        const int fd = s.ready.front();
        s.ready.erase(s.ready.begin());
        complete_accept(op, fd);
        return;
    }
    wait_for_multishot(op);
}

void Shard::read(Request &req, uint32_t index, void *buf, uint32_t len, int64_t timeout_ms) {
    Op *op = new_op(OpKind::read, &req, index, timeout_ms);
    op->buf = buf;
    op->len = len;
    if (read_waits_turn(op)) {
        return; // held in the stream's read line (core/line.cpp)
    }
    const bool handed_over = req.line_msg == LineMsg::hand_over; // (req may be gone once continued)
    continue_read(op);
    if (handed_over) {
        resume_line(index, kReadLine); // the reads held behind it go on, after it
    }
}

void Shard::set_reset_error(uint32_t index, int res) {
    slots_[index].recv_err = res;
    if (FastSlot *f = fast_.find(index)) {
        f->read_err.store(res, std::memory_order_release); // calling threads' reads say it too
    }
}

int Shard::reset_error(uint32_t index) {
    Slot &s = slots_[index];
    if (s.recv_err == 0) {
        if (FastSlot *f = fast_.find(index)) {
            s.recv_err = f->read_err.load(std::memory_order_acquire); // (met on a calling thread)
        }
    }
    return s.recv_err;
}

void Shard::continue_read(Op *op) {
    const uint32_t index = op->slot;
    Slot &s = slots_[index];
    if (op->take_fd && s.shard_reads) {
        finish(op, UN_ERR_UNSUPPORTED); // its multishot receive takes bytes without their descriptors
        return;
    }
    if (!s.shard_reads) {
        if (reset_error(index) != 0) { // a reset stream stays reset: never an end of stream
            finish(op, gen::error_from_errno(-s.recv_err));
            return;
        }
        if (!backend_->multishot_recv() || op->take_fd) {
            start_op(op); // (the epoll backend keeps a stream's reads in order itself)
            return;
        }
        // From now on every read of this stream is served here, in order: calling threads
        // stop reading it directly before this read (or any later one) completes. (Reads
        // reach the shard only when submitted, or when a blocking read was not first in its
        // line: a stream one thread reads with blocking calls stays on that thread's path.
        // Two receives in the kernel at once would be woken last-armed first.)
        s.shard_reads = true;
        if (FastSlot *f = fast_.find(index)) {
            f->key.fetch_or(FastSlot::kShardReads, std::memory_order_seq_cst);
        }
    }
    if (s.waiters.empty()) { // (data is only kept while no read waits)
        if (s.stash != nullptr) {
            finish(op, take_stashed(s, op));
            return;
        }
        if (reset_error(index) != 0) { // a reset stream stays reset: never an end of stream
            finish(op, gen::error_from_errno(-s.recv_err));
            return;
        }
        if (s.recv_eof) {
            finish(op, 0);
            return;
        }
    }
    wait_for_multishot(op);
}

uint32_t Shard::take_stashed(Slot &s, Op *op) {
    RecvStash &st = *s.stash;
    const uint32_t n = static_cast<uint32_t>(std::min<size_t>(op->len, st.size()));
    std::memcpy(op->buf, st.data.data() + st.off, n);
    st.off += n;
    if (st.size() == 0) {
        s.stash.reset(); // drained: an idle stream keeps no buffer
    }
    count_bytes(true, n);
    return n;
}

void Shard::wait_for_multishot(Op *op) {
    Slot &s = slots_[op->slot];
    s.ops.push_back(op);
    op->in_slot = true;
    s.waiters.push_back(op);
    bump(stats_.in_flight);
    op->to(op->deadline_ns >= 0 ? OpState::waiting_deadline : OpState::waiting);
    if (op->deadline_ns >= 0) {
        backend_->arm_deadline(op);
    }
    if (s.multishot == nullptr) {
        arm_multishot(op->slot);
    }
}

void Shard::arm_multishot(uint32_t index) {
    Slot &s = slots_[index];
    Op *m = new_op(s.kind == UN_HANDLE_TCP_LISTENER ? OpKind::accept : OpKind::read, nullptr, index, -1);
    s.multishot = m;
    s.ops.push_back(m);
    m->in_slot = true;
    m->to(OpState::multishot);
    backend_->start_multishot(m, s.fd);
}

// The multishot ended (its last CQE came): arm the next one if requests still wait.
void Shard::end_multishot(Op *m, bool rearm) {
    Slot &s = slots_[m->slot];
    const uint32_t index = m->slot;
    s.multishot = nullptr;
    m->to(OpState::done);
    rearm = rearm && s.live && !stopping_ && !s.waiters.empty();
    finish(m, 0);
    if (rearm) {
        arm_multishot(index);
    }
}

void Shard::give(Op *waiter, int res) {
    slots_[waiter->slot].waiters.erase(waiter);
    settle(waiter, res, true);
}

// The kernel ended the multishot with an error (EMFILE, ECONNRESET, ...): the oldest
// request gets it, as its own operation would have.
void Shard::fail_oldest_waiter(Slot &s, int res) {
    Op *w = s.waiters.front();
    s.waiters.erase(w);
    settle(w, res, false);
}

// A waiting op's outcome: its result (ok: an fd, the bytes copied to its buffer, or its
// address looked up) or its failure (res: the multishot's -errno, or a lookup's error code).
// With its deadline armed it ends when that is removed (on_op_done), otherwise at once.
void Shard::settle(Op *w, int res, bool ok) {
    if (w->state == OpState::waiting_deadline) {
        w->res = res;
        w->given = ok;
        w->to(OpState::settling);
        backend_->cancel(w);
    } else {
        end_waiting(w, res, ok);
    }
}

void Shard::end_waiting(Op *w, int res, bool ok) {
    if (!ok) {
        // (a lookup's or race's failure is an error code already)
        finish_waiter(w, w->kind == OpKind::lookup || w->kind == OpKind::race ? res : op_error(w, res));
        return;
    }
    drop(stats_.in_flight);
    if (w->kind == OpKind::accept) {
        complete_accept(w, res);
    } else if (w->kind == OpKind::race) { // res: the winning attempt's socket
        const int family = w->race->family;
        end_race(w, 0);
        if (w->shut_down || stopping_) {
            close(res);
            finish(w, UN_ERR_SHUT_DOWN);
        } else {
            finish(w, add_handle(res, UN_HANDLE_TCP_STREAM, family));
        }
    } else if (w->kind == OpKind::lookup) {
        continue_lookup(w);
    } else {
        count_bytes(true, static_cast<uint64_t>(res));
        finish(w, res);
    }
}

// Ends a waiting request that is no longer in the kernel (its deadline, if any, is gone).
void Shard::finish_waiter(Op *waiter, int64_t result) {
    if (waiter->kind == OpKind::lookup) {
        lookups_.erase(waiter->lookup_id);
        abandon_lookup(waiter->lookup_id);
    } else if (waiter->kind == OpKind::timer) {
        timers_.erase(waiter);
    } else if (waiter->kind == OpKind::race) {
        result = end_race(waiter, result);
    } else {
        slots_[waiter->slot].waiters.erase(waiter);
    }
    drop(stats_.in_flight);
    finish(waiter, result);
}

void Shard::on_multishot_accept(Op *m, int res, bool more) {
    Slot &s = slots_[m->slot];
    if (res >= 0) {
        bump(stats_.multishot_accepts);
        if (!s.waiters.empty()) {
            give(s.waiters.front(), res);
        } else if (s.live && !stopping_) {
            s.ready.push_back(res);
            if (s.ready.size() >= kReadyMax && more) {
                backend_->cancel(m); // enough kept: the kernel's backlog holds the rest
            }
        } else {
            close(res);
        }
    } else if (res != -ECANCELED && !s.waiters.empty()) {
        fail_oldest_waiter(s, res);
    }
    if (!more) {
        // Armed again while accepts wait, after EMFILE/ENFILE too: each waiting accept gets a
        // connection or the error (one per failure, as on epoll), none waits forever.
        end_multishot(m, true);
    }
}

void Shard::on_multishot_recv(Op *m, int res, const char *data, bool more) {
    Slot &s = slots_[m->slot];
    if (res > 0 && data != nullptr) {
        bump(stats_.multishot_recvs);
        uint32_t off = 0;
        const auto n = static_cast<uint32_t>(res);
        while (off < n && !s.waiters.empty()) { // oldest read first, each as much as it takes
            Op *w = s.waiters.front();
            const uint32_t k = std::min(w->len, n - off);
            std::memcpy(w->buf, data + off, k);
            off += k;
            give(w, static_cast<int>(k));
        }
        if (off < n && s.live) {
            if (s.stash == nullptr) {
                s.stash = std::make_unique<RecvStash>();
            }
            s.stash->data.append(data + off, n - off);
            if (s.stash->size() >= kStashMax && more && !m->canceled) {
                m->canceled = true; // enough kept: the socket's buffer holds the rest
                backend_->cancel(m);
            }
        }
    } else if (res == 0) {
        s.recv_eof = true;
        while (!s.waiters.empty()) {
            give(s.waiters.front(), 0);
        }
    } else if (res == -ENOBUFS) {
        bump(stats_.buffer_ring_empty); // the buffer ring ran dry: armed again below
    } else if (res < 0 && res != -ECANCELED) {
        // A reset (or another error) ends the stream for every read: each waiting read and
        // every later one gets the error; none is told the stream ended cleanly.
        set_reset_error(m->slot, res);
        while (!s.waiters.empty()) {
            fail_oldest_waiter(s, res);
        }
    }
    if (!more) {
        end_multishot(m, res != 0 && s.recv_err == 0);
    }
}

int64_t Shard::complete_recvmsg(Op *op, int res) {
    if (op->req->kind == gen::RequestKind::udp_recv_from) {
        const auto &a = op->req->args.udp_recv_from;
        const std::string from =
            format_address(op->req->address.sa(), op->req->msg.msg_namelen);
        if (from.size() + 1 > a.from_len) {
            return UN_ERR_BUFFER_TOO_SMALL;
        }
        std::memcpy(a.from, from.c_str(), from.size() + 1);
    }
    return (op->req->msg.msg_flags & MSG_TRUNC) ? UN_ERR_TRUNCATED : res;
}

} // namespace uringnet
