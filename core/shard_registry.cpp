// Shard: the registry of handles (slots, generations), closing, lingering closes and cancels.
#include "shard.hpp"

#include <sys/mman.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "handle.hpp"
#include "library_thread.hpp"
#include "runtime.hpp"

#include <sys/socket.h>

#include <system_error>
#include <thread>

namespace uringnet {

FastSlot *FastTable::at(uint32_t index) {
    auto &c = chunks_[index >> kChunkBits];
    FastSlot *chunk = c.load(std::memory_order_relaxed);
    if (chunk == nullptr) {
        void *p = mmap(nullptr, sizeof(FastSlot) * kChunk, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            return nullptr;
        }
        chunk = static_cast<FastSlot *>(p); // zero pages: every slot unused (see fast_path.hpp)
        c.store(chunk, std::memory_order_release);
    }
    return &chunk[index & (kChunk - 1)];
}

FastTable::~FastTable() {
    for (auto &c : chunks_) {
        if (FastSlot *chunk = c.load(std::memory_order_relaxed)) {
            munmap(chunk, sizeof(FastSlot) * kChunk);
        }
    }
}

bool Shard::lookup(int64_t h, uint32_t kind_mask, uint32_t &index, int64_t &err) const {
    const handle::Parts p = handle::decode(h);
    if ((kind_mask & kind_bit(p.kind)) == 0) {
        err = UN_ERR_WRONG_KIND;
        return false;
    }
    if (p.index >= slots_.size()) {
        err = UN_ERR_BAD_HANDLE;
        return false;
    }
    const Slot &s = slots_[p.index];
    if (p.gen == s.gen && s.live && s.kind == p.kind) {
        index = p.index;
        return true;
    }
    // Generations only grow (from this runtime's first_gen): an older one was closed; the
    // current one while not live, or a newer one, was never issued.
    err = p.gen < s.gen ? UN_ERR_CLOSED : UN_ERR_BAD_HANDLE;
    return false;
}

int64_t Shard::add_handle(int fd, uint32_t kind, int family) {
    const int64_t h = register_fd(fd, kind, family);
    if (h < 0) {
        close(fd);
    }
    return h;
}

int64_t Shard::adopt_fd(int fd, uint32_t kind, int family) {
    if (!rt_.claim_fd(fd)) {
        return UN_ERR_INVALID_ARGUMENT; // another handle owns it already
    }
    const int64_t h = register_fd(fd, kind, family);
    if (h < 0) {
        rt_.release_fd(fd);
        return h;
    }
    slots_[handle::decode(h).index].adopted = true;
    return h;
}

int64_t Shard::register_fd(int fd, uint32_t kind, int family) {
    uint32_t index;
    if (!free_slots_.empty()) {
        index = free_slots_.front();
        free_slots_.pop_front();
    } else if (slots_.size() <= handle::kMaxIndex) {
        index = static_cast<uint32_t>(slots_.size());
        slots_.emplace_back();
        slots_.back().gen = first_gen_;
    } else {
        return UN_ERR_NO_RESOURCES;
    }
    FastSlot *f = fast_.at(index);
    if (f == nullptr) {
        free_slots_.push_front(index);
        return UN_ERR_NO_RESOURCES;
    }
    Slot &s = slots_[index];
    s.fd = fd;
    s.kind = kind;
    s.family = family;
    s.live = true;
    s.closing = false;
    s.write_shut = false;
    s.adopted = false;
    s.line = {};
    backend_->add_fd(fd);
    bump(stats_.open_handles);
    for (auto &t : f->option_timeout_ms) {
        t.store(-1, std::memory_order_relaxed);
    }
    if (kind == UN_HANDLE_TCP_STREAM) { // publish it for the calling threads' path
        // (The lines are not reset: a call on the slot's previous stream that is still on its
        // way counts until it completes, which only makes the new stream's first calls queue.)
        f->read_err.store(0, std::memory_order_relaxed);
        f->recv_timeout_ms.store(0, std::memory_order_relaxed);
        f->key.store(FastSlot::make_key(fd, s.gen), std::memory_order_seq_cst);
    }
    return handle::encode({index, s.gen, kind, id_});
}

void Shard::close_handle(uint32_t index, Request &req) {
    Slot &s = slots_[index];
    if (FastSlot *f = fast_.find(index)) {
        f->key.store(0, std::memory_order_seq_cst); // withdrawn: no new fast-path use
        wake_callers(*f, s.fd);                        // and callers waiting on it end (CANCELED)
    }
    s.live = false;
    s.closing = true;
    bump_gen(s); // from now on the old handle answers CLOSED
    drop(stats_.open_handles);
    cancel_ops(index, true);
    if (s.ops.empty()) {
        free_slot(index, &req);
    } else {
        closers_.emplace_back(index, &req); // answered once the fd is closed
        abort_if_only_notifications(index);
    }
}

// ---- zero-copy sends and closing ----
//
// A zero-copy send's buffer stays the kernel's until its notification, which comes only when
// the data has left the socket. A peer that reads nothing would keep it (and so the op, the
// fd and a close or shutdown waiting for them) forever. So when a closing stream (or any
// stream at shutdown) has nothing but such notifications left, its fd is closed at once with
// SO_LINGER 0: the reset frees the queued data, the notifications follow, and the slot is
// freed when they have come. Its write was cancelled already, so no data is lost that the
// caller was promised.

bool Shard::only_notifications_left(const Slot &s) const {
    for (const Op *o : s.ops) {
        if (o->state != OpState::notif_only) {
            return false;
        }
    }
    return !s.ops.empty();
}

void Shard::abort_if_only_notifications(uint32_t index) {
    Slot &s = slots_[index];
    if (s.fd < 0 || (!s.closing && !stopping_) || !only_notifications_left(s)) {
        return;
    }
    const linger abort{1, 0};
    setsockopt(s.fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    if (close_fd(index)) {
        answer_closers(index);
    }
}

void Shard::on_notif_only(Op *op) {
    if (op->slot != kNoSlot) {
        abort_if_only_notifications(op->slot);
    }
}

bool Shard::callers_inside(uint32_t index) const {
    const FastSlot *f = fast_.find(index);
    return f != nullptr && f->users.load(std::memory_order_seq_cst) != 0;
}

bool Shard::callers_inside_any() const {
    for (uint32_t i = 0; i < slots_.size(); ++i) {
        if (callers_inside(i)) {
            return true;
        }
    }
    return false;
}

bool Shard::close_fd(uint32_t index) {
    Slot &s = slots_[index];
    if (callers_inside(index)) {
        if (!s.fd_wait) {
            s.fd_wait = true;
            fd_waits_.push_back(index);
        }
        return false;
    }
    if (s.fd >= 0) {
        backend_->remove_fd(s.fd);
        s.linger_token = close_socket(s.fd);
        if (s.adopted) {
            rt_.release_fd(s.fd);
        }
        s.fd = -1;
    }
    return true;
}

void Shard::retry_fd_waits() {
    for (size_t i = 0; i < fd_waits_.size();) {
        const uint32_t index = fd_waits_[i];
        if (callers_inside(index)) {
            ++i;
            continue;
        }
        fd_waits_[i] = fd_waits_.back();
        fd_waits_.pop_back();
        Slot &s = slots_[index];
        s.fd_wait = false;
        if (s.closing && s.ops.empty()) {
            free_slot(index); // the close goes on where it stopped
        } else {
            abort_if_only_notifications(index);
        }
    }
}

uint64_t Shard::close_socket(int fd) {
    linger l{};
    socklen_t len = sizeof l;
    if (getsockopt(fd, SOL_SOCKET, SO_LINGER, &l, &len) != 0 || l.l_onoff == 0 || l.l_linger == 0) {
        close(fd); // never waits: no lingering (or a reset, for linger 0)
        return 0;
    }
    const uint64_t token = ++next_linger_token_;
    try {
        library_thread("un-linger", [this, fd, token] {
            close(fd); // may wait for the peer up to the linger time (at most 30 s)
            post_closed(token);
        }).detach();
    } catch (const std::system_error &) {
        close(fd); // no thread to be had: wait here rather than leak the socket
        return 0;
    }
    bump(stats_.in_flight);
    return token;
}

void Shard::post_closed(uint64_t token) {
    // The wake-up is written under the queue's lock: the shard cannot take the token (and
    // then stop, close its eventfd and be freed) before this thread is done with it.
    std::lock_guard lk(mu_);
    closed_tokens_.push_back(token);
    has_incoming_.store(true, std::memory_order_seq_cst);
    wake_if_asleep();
}

void Shard::answer_when_closed(uint64_t token, std::vector<Request *> reqs) {
    if (token == 0) {
        for (Request *r : reqs) {
            complete(*r, 0);
        }
    } else {
        auto &waiting = lingering_[token];
        waiting.insert(waiting.end(), reqs.begin(), reqs.end());
    }
}

void Shard::answer_closers(uint32_t index, Request *also) {
    std::vector<Request *> answer;
    if (also != nullptr) {
        answer.push_back(also);
    }
    for (size_t i = 0; i < closers_.size();) {
        if (closers_[i].first == index) {
            answer.push_back(closers_[i].second);
            closers_[i] = closers_.back();
            closers_.pop_back();
        } else {
            ++i;
        }
    }
    answer_when_closed(std::exchange(slots_[index].linger_token, 0), std::move(answer));
}

int64_t Shard::cancel_ops(uint32_t index, bool closing) {
    Slot &s = slots_[index];
    int64_t n = 0;
    if (FastSlot *f = fast_.find(index)) { // calls waiting on their calling threads
        f->cancels.fetch_add(1, std::memory_order_seq_cst);
        n += wake_callers(*f, s.fd);
    }
    if (closing && s.line[kWriteLine].busy) {
        n += finish_queued(s, UN_ERR_CANCELED, kReadLine); // (the writes: once the one in the kernel ended)
    } else if (closing) {
        n += finish_queued(s, UN_ERR_CANCELED, kReadLine);
        if (s.line[kWriteLine].held) {
            // A calling thread's write is ahead of the held ones (it may be in send() now) and
            // this close cuts it short: none of them may follow it.
            s.line[kWriteLine].broken = true;
        }
        send_held_at_close(index);
    } else {
        n += finish_queued(s, UN_ERR_CANCELED); // calls waiting their turn
    }
    std::vector<Op *> waiting; // requests waiting without a deadline: nothing in the kernel to cancel
    for (Op *o : s.ops) {
        if (o->canceled) {
            continue; // its cancel is already on its way
        }
        o->canceled = true;
        if (o->state == OpState::waiting) {
            waiting.push_back(o);
        } else {
            backend_->cancel(o);
        }
        n += o->state == OpState::multishot ? 0 : 1;
    }
    for (Op *o : waiting) {
        finish_waiter(o, UN_ERR_CANCELED);
    }
    return n;
}

void Shard::free_slot(uint32_t index, Request *closer) {
    Slot &s = slots_[index];
    if (closer != nullptr) {
        closers_.emplace_back(index, closer);
    }
    if (!close_fd(index)) {
        return; // a calling thread still uses the fd: freed when it has left (retry_fd_waits)
    }
    for (int fd : s.ready) { // connections accepted for requests that never came
        close(fd);
    }
    s.ready.clear();
    answer_closers(index); // when the fd is closed (later, if it lingers)
    s.stash.reset();
    s.shard_reads = s.recv_eof = false;
    s.recv_err = 0;
    s.line = {}; // (close finished every call held in it)
    s.closing = false;
    s.kind = 0;
    // Bump again so that the generation the next owner gets was never issued before.
    bump_gen(s);
    free_slots_.push_back(index);
}

} // namespace uringnet
