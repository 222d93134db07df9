// A stream direction's order: every transition of its line, on the calling threads and on
// the shard (the rules are in line.hpp).
#include <sys/socket.h>

#include <memory>
#include <utility>

#include "caller_path.hpp"
#include "handle.hpp"
#include "shard.hpp"

namespace uringnet {

void WaitQueue::push_back(Op *op) {
    op->next_wait = nullptr;
    if (tail != nullptr) {
        tail->next_wait = op;
    } else {
        head = op;
    }
    tail = op;
}

void WaitQueue::push_front(Op *op) {
    op->next_wait = head;
    head = op;
    if (tail == nullptr) {
        tail = op;
    }
}

void WaitQueue::pop_front() {
    head = head->next_wait;
    if (head == nullptr) {
        tail = nullptr;
    }
}

bool WaitQueue::erase(Op *op) {
    Op *prev = nullptr;
    for (Op *o = head; o != nullptr; prev = o, o = o->next_wait) {
        if (o == op) {
            (prev ? prev->next_wait : head) = o->next_wait;
            if (tail == o) {
                tail = prev;
            }
            return true;
        }
    }
    return false;
}

// ---- calling threads ----

int line_of_request(gen::RequestKind kind) { return kind == gen::RequestKind::tcp_read ? kReadLine : kWriteLine; }

void count_in_line(FastSlot &f, Request &req) {
    // A stale handle's call never touches a live stream's line (the shard answers it CLOSED
    // or BAD_HANDLE); one whose slot is closed and reused after this check counts in the new
    // stream's line only until it is answered, which only makes that stream's calls queue.
    const uint64_t key = f.key.load(std::memory_order_seq_cst);
    if ((key & FastSlot::kLive) == 0 || FastSlot::gen_of(key) != handle::decode(req.handle).gen) {
        return;
    }
    count_held_line(f, req);
}

void count_held_line(FastSlot &f, Request &req) {
    const int line = line_of_request(req.kind);
    f.lines[line].count();
    req.line_slot = &f;
    req.line = static_cast<uint8_t>(line);
}

void Request::uncount_line(FastSlot *slot, uint8_t line) { slot->lines[line].uncount(); }

void release_line(Shard &shard, FastSlot &f, int line, const Request &req) {
    if (f.lines[line].release()) {
        // The shard holds calls behind this one: it goes on with them once it sees this,
        // through its queue, so after anything this caller posted before.
        auto resume = std::make_unique<Request>(req.kind);
        resume->handle = req.handle;
        resume->detached = true;
        resume->line_msg = LineMsg::resume;
        shard.post(resume.release());
    }
}

// ---- the shard ----

bool Shard::behind_caller(uint32_t index, int line) {
    Slot &s = slots_[index];
    if (!s.line[line].held) {
        FastSlot *f = fast_.find(index);
        if (f == nullptr || !f->lines[line].ask_handover()) {
            return false;
        }
        s.line[line].held = true; // until the caller hands over or lets go (LineMsg)
        wake_callers(*f, s.fd);
    }
    return true;
}

void Shard::hold(Op *op, int line, bool first) {
    op->to(OpState::queued);
    WaitQueue &q = slots_[op->slot].line[line].queued;
    if (first) {
        q.push_front(op);
    } else {
        q.push_back(op);
    }
    if (op->deadline_ns >= 0) {
        held_deadlines_.emplace(op->deadline_ns, op);
    }
    bump(stats_.in_flight); // (a call waiting its turn is in flight too)
}

void Shard::unhold(Op *op) {
    slots_[op->slot].line[line_of(op)].queued.erase(op);
    if (op->deadline_ns >= 0) {
        held_deadlines_.erase({op->deadline_ns, op});
    }
    drop(stats_.in_flight);
}

void Shard::expire_held() {
    if (held_deadlines_.empty()) {
        return;
    }
    const int64_t now = now_ns();
    while (!held_deadlines_.empty() && held_deadlines_.begin()->first <= now) {
        Op *op = held_deadlines_.begin()->second;
        unhold(op);
        op->timed_out = true;
        finish(op, UN_ERR_TIMED_OUT); // the calls behind it keep their places
    }
}

int64_t Shard::next_held_deadline() const {
    if (held_deadlines_.empty()) {
        return -1;
    }
    const int64_t left = held_deadlines_.begin()->first - now_ns();
    return left > 0 ? left : 0;
}

bool Shard::read_waits_turn(Op *op) {
    const uint32_t index = op->slot;
    if (op->req->line_msg == LineMsg::hand_over) { // first in line: it goes before the held ones
        return false;
    }
    if (!slots_[index].line[kReadLine].held && !behind_caller(index, kReadLine)) {
        return false;
    }
    hold(op, kReadLine, false); // behind a calling thread's read
    return true;
}

bool Shard::write_turn(Op *op) {
    LineQueue &q = slots_[op->slot].line[kWriteLine];
    if (op->req->line_msg == LineMsg::hand_over) { // first in line: before the held ones
        q.held = false;
        if (q.busy) {
            hold(op, kWriteLine, true);
            return false;
        }
    } else if (q.busy || !q.queued.empty() || behind_caller(op->slot, kWriteLine)) {
        hold(op, kWriteLine, false); // one write in the kernel at a time, in call order
        return false;
    }
    q.busy = true;
    return true;
}

void Shard::next_write(uint32_t index) {
    Slot &s = slots_[index];
    LineQueue &q = s.line[kWriteLine];
    if (s.closing) {
        send_held_at_close(index);
        return;
    }
    while (!q.busy && !q.queued.empty() && !behind_caller(index, kWriteLine)) {
        Op *next = q.queued.front();
        unhold(next);
        if (next->kind == OpKind::after_writes) { // every write before it has finished: it acts
            Request *req = next->req;
            if (req->op_id != 0) {
                async_ops_.erase(req->op_id);
            }
            free_op(next);
            req->line_msg = LineMsg::in_turn;
            gen::dispatch(*this, *req);
            continue;
        }
        q.busy = true;
        begin_in_slot(next);
    }
}

void Shard::resume_line(uint32_t index, int line) {
    Slot &s = slots_[index];
    s.line[line].held = false;
    if (line == kWriteLine) {
        next_write(index);
        return;
    }
    WaitQueue &q = s.line[kReadLine].queued;
    while (!q.empty() && !s.line[kReadLine].held) {
        Op *op = q.front();
        unhold(op);
        continue_read(op);
    }
}

bool Shard::after_writes(Request &req, uint32_t index) {
    if (req.line_msg == LineMsg::in_turn) {
        return false;
    }
    LineQueue &q = slots_[index].line[kWriteLine];
    if (!q.busy && q.queued.empty() && !behind_caller(index, kWriteLine)) {
        return false;
    }
    Request *waits = &req;
    if (req.must_finish) { // (from a completion callback: answered now, acts in its turn)
        auto copy = std::make_unique<Request>(req.kind);
        copy->args = req.args;
        copy->handle = req.handle;
        copy->detached = true;
        waits = copy.release();
        complete(req, 0);
    }
    hold(new_op(OpKind::after_writes, waits, index, -1), kWriteLine, false);
    return true;
}

void Shard::send_held_at_close(uint32_t index) {
    Slot &s = slots_[index];
    LineQueue &q = s.line[kWriteLine];
    while (!q.queued.empty()) {
        Op *op = q.queued.front();
        unhold(op);
        if (op->kind == OpKind::after_writes) { // (the close's own FIN follows: nothing more to do)
            finish(op, q.broken ? UN_ERR_CANCELED : 0);
            continue;
        }
        if (!q.broken && s.fd >= 0) {
            const ssize_t n = send(s.fd, static_cast<char *>(op->buf) + op->done, op->len - op->done,
                                   MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n > 0) {
                count_bytes(false, static_cast<uint64_t>(n));
                op->done += static_cast<uint32_t>(n);
            }
            if (op->done == op->len) {
                finish(op, op->len);
                continue;
            }
            q.broken = true; // no room left: this one, and every later one, fails
        }
        op->canceled = true;
        finish(op, UN_ERR_CANCELED);
    }
}

int64_t Shard::finish_queued(Slot &s, int64_t result, int only_line) {
    int64_t n = 0;
    for (LineQueue &q : s.line) {
        if (only_line >= 0 && &q != &s.line[only_line]) {
            continue;
        }
        while (!q.queued.empty()) {
            Op *o = q.queued.front();
            unhold(o);
            finish(o, result);
            ++n;
        }
    }
    return n;
}

} // namespace uringnet
