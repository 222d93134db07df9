#include "shard.hpp"

#include <cassert>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <system_error>
#include <thread>
#include <utility>
#include <nlohmann/json.hpp>

#include "handle.hpp"
#include "resolver.hpp"
#include "runtime.hpp"

namespace uringnet {
namespace {

thread_local bool t_on_shard_thread = false;
thread_local Shard *t_shard = nullptr;

void wake(int fd) {
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = write(fd, &one, sizeof one);
}

} // namespace

bool on_shard_thread() { return t_on_shard_thread; }

void WaitQueue::push_back(Op *op) {
    op->next_wait = nullptr;
    if (tail != nullptr) {
        tail->next_wait = op;
    } else {
        head = op;
    }
    tail = op;
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

Shard *Shard::current() { return t_shard; }

int64_t now_ns() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

int64_t deadline_after(int64_t now, int64_t timeout_ms) {
    if (timeout_ms < 0 || timeout_ms > (INT64_MAX - now) / 1000000) {
        return -1;
    }
    return now + timeout_ms * 1000000;
}

Shard::Shard(Runtime &rt, uint32_t id, uint32_t epoch, uint32_t first_gen, BackendConfig config)
    : rt_(rt), id_(id), epoch_(epoch), first_gen_(first_gen), max_gen_(first_gen), config_(std::move(config)) {}

Shard::~Shard() {
    if (thread_.joinable()) {
        stop();
    }
}

int64_t Shard::start() {
    wake_fd_ = eventfd(0, EFD_CLOEXEC);
    if (wake_fd_ < 0) {
        return UN_ERR_NO_RESOURCES;
    }
    std::atomic<int64_t> started{1};
    thread_ = std::thread([this, &started] { run(&started); });
    // The thread sets started to 0 or an error code once its backend is (not) ready.
    while (started.load(std::memory_order_acquire) == 1) {
        started.wait(1, std::memory_order_acquire);
    }
    const int64_t rc = started.load();
    if (rc != 0) {
        thread_.join();
        close_wake_fd();
    }
    return rc;
}

void Shard::enqueue_locked(Request *req) {
    req->next = nullptr;
    if (tail_ != nullptr) {
        tail_->next = req;
    } else {
        head_ = req;
    }
    tail_ = req;
}

void Shard::wake_if_asleep() {
    // Only if the thread is (about to be) asleep, and only once.
    if (!awake_.load(std::memory_order_seq_cst) && !awake_.exchange(true)) {
        wake(wake_fd_);
    }
}

void Shard::post(Request *req) {
    {
        std::lock_guard lk(mu_);
        if (exited_) { // only another shard posts this late (a hand-over during shutdown)
            if (req->adopt_fd >= 0) {
                close(req->adopt_fd);
            }
            req->complete(UN_ERR_SHUT_DOWN);
            return;
        }
        enqueue_locked(req);
        has_incoming_.store(true, std::memory_order_seq_cst);
    }
    wake_if_asleep();
}

void Shard::post_many(const std::vector<Request *> &reqs) {
    {
        std::lock_guard lk(mu_);
        for (Request *req : reqs) {
            enqueue_locked(req);
        }
        has_incoming_.store(true, std::memory_order_seq_cst);
    }
    wake_if_asleep();
}

void Shard::request_stop() {
    if (!thread_.joinable() || stop_requested_.exchange(true)) {
        return;
    }
    awake_.store(true, std::memory_order_seq_cst);
    // Always write: the thread may be between its last check and its wait. The eventfd
    // stays open until the thread is joined, so the write never hits a reused fd.
    wake(wake_fd_);
}

void Shard::stop() {
    if (!thread_.joinable()) {
        return;
    }
    request_stop();
    thread_.join();
    close_wake_fd();
}

void Shard::adopt(Request *req, int fd, int family) {
    req->adopt_fd = fd;
    req->adopt_family = family;
    post(req);
}

void Shard::close_wake_fd() {
    if (wake_fd_ >= 0) {
        close(wake_fd_);
        wake_fd_ = -1;
    }
}

void Shard::run(std::atomic<int64_t> *started) {
    t_on_shard_thread = true;
    t_shard = this;
    BackendChoice choice = make_backend(*this, config_, wake_fd_);
    backend_reason_ = choice.reason;
    if (!choice.backend) {
        started->store(choice.error, std::memory_order_release);
        started->notify_all();
        t_on_shard_thread = false;
        return;
    }
    backend_ = std::move(choice.backend);
    backend_kind_ = backend_->kind();
    traits_ = Traits{backend_->zero_copy(), backend_->fixed_files(), backend_->multishot_accept(),
                     backend_->multishot_recv(), backend_->recv_ring_bytes()};
    started->store(0, std::memory_order_release);
    started->notify_all();

    while (true) {
        if (!stopping_ && stop_requested_.load(std::memory_order_acquire)) {
            begin_stop();
        }
        drain_incoming();
        if (stopping_ && backend_->pending() == 0 && lingering_.empty() &&
            !has_incoming_.load(std::memory_order_acquire)) {
            break;
        }
        bool block = !backend_->ready();
        if (block) {
            awake_.store(false, std::memory_order_seq_cst);
            if (has_incoming_.load(std::memory_order_seq_cst) ||
                (!stopping_ && stop_requested_.load(std::memory_order_seq_cst))) {
                block = false;
            }
        }
        backend_->poll(block);
        awake_.store(true, std::memory_order_relaxed);
    }

    // Refuse what other shards may still hand over, and answer what they already did.
    Request *late;
    {
        std::lock_guard lk(mu_);
        exited_ = true;
        late = head_;
        head_ = tail_ = nullptr;
    }
    while (late != nullptr) {
        Request *req = late;
        late = late->next;
        if (req->adopt_fd >= 0) {
            close(req->adopt_fd);
        }
        complete(*req, UN_ERR_SHUT_DOWN);
    }
    for (Slot &s : slots_) {
        if (s.fd >= 0) {
            close(s.fd);
            s.fd = -1;
        }
        for (int fd : s.ready) {
            close(fd);
        }
        s.ready.clear();
    }
    for (auto &[index, req] : closers_) { // (none: their slots were freed as their ops drained)
        complete(*req, 0);
    }
    closers_.clear();
    backend_.reset();
    t_on_shard_thread = false;
    t_shard = nullptr;
}

void Shard::drain_incoming() {
    if (!has_incoming_.load(std::memory_order_acquire)) {
        return;
    }
    Request *list;
    std::vector<LookupResult> looked_up;
    std::vector<uint64_t> closed;
    {
        std::lock_guard lk(mu_);
        list = head_;
        head_ = tail_ = nullptr;
        looked_up.swap(lookup_results_);
        closed.swap(closed_tokens_);
        has_incoming_.store(false, std::memory_order_relaxed);
    }
    for (const LookupResult &r : looked_up) {
        on_lookup(r.id, r.result, r.address);
    }
    for (uint64_t token : closed) { // lingering sockets closed by a helper thread
        drop(stats_.in_flight);
        if (auto it = lingering_.find(token); it != lingering_.end()) {
            for (Request *r : it->second) {
                complete(*r, 0);
            }
            lingering_.erase(it);
        }
    }
    uint64_t taken = 0;
    for (Request *r = list; r != nullptr; r = r->next) {
        ++taken;
    }
    if (taken > stats_.largest_drain.load(std::memory_order_relaxed)) {
        stats_.largest_drain.store(taken, std::memory_order_relaxed);
    }
    while (list != nullptr) {
        Request *req = list;
        list = list->next;
        if (req->adopt_fd >= 0) { // a connection another shard accepted for us
            if (stopping_) {
                close(req->adopt_fd);
                complete(*req, UN_ERR_SHUT_DOWN);
            } else {
                complete(*req, add_handle(req->adopt_fd, UN_HANDLE_TCP_STREAM, req->adopt_family));
            }
            continue;
        }
        bump(stats_.requests);
        if (stopping_) {
            complete(*req, UN_ERR_SHUT_DOWN);
            continue;
        }
        dispatch(*req);
    }
}

int64_t Shard::run_inline(Request &req) {
    bump(stats_.requests);
    gen::dispatch(*this, req);
    // Only operations whose handlers complete before returning are run inline (the spec's
    // from_callback: inline), so req, on the caller's stack, is done with here.
    const bool done = req.done.try_acquire();
    assert(done && "an inline operation must complete at once");
    (void)done;
    return req.result;
}

void Shard::dispatch(Request &req) {
    if (!req.lookup.empty()) {
        start_lookup(req); // dispatched again once the name is looked up
        return;
    }
    gen::dispatch(*this, req);
}

// ---- host-name lookups ----
//
// A request whose address is a host name waits for a resolver thread (core/resolver.hpp)
// as a waiting op: only its deadline (the operation's timeout) is in the kernel, so a
// timeout, op_cancel or shutdown ends it like any other; an answer that comes after that
// finds no op under its id and is dropped. With the address known, the request is
// dispatched again with what is left of its timeout.

void Shard::start_lookup(Request &req) {
    // An operation on a handle (udp_send_to) waits on it: closing or cancelling the handle
    // ends the lookup too.
    uint32_t index = kNoSlot;
    if (req.handle != 0) {
        int64_t err = 0;
        if (!lookup(req.handle, kind_bit(handle::decode(req.handle).kind), index, err)) {
            complete(req, err);
            return;
        }
    }
    int64_t *timeout = gen::timeout_arg(req);
    const uint32_t id = ++next_lookup_;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    const int64_t deadline = deadline_after(now_ns(), timeout != nullptr ? *timeout : -1);
    if (!resolve_later({epoch_, id_, id, req.lookup, deadline, flag})) {
        complete(req, UN_ERR_NO_RESOURCES); // too many lookups wait already
        return;
    }
    lookup_flags_[id] = std::move(flag);
    Op *op = new_op(OpKind::lookup, &req, index, timeout != nullptr ? *timeout : -1);
    if (index != kNoSlot) {
        slots_[index].ops.push_back(op);
        op->in_slot = true;
    }
    op->waiting = true;
    op->lookup_id = id;
    lookups_[op->lookup_id] = op;
    bump(stats_.in_flight);
    if (op->deadline_ns >= 0) {
        op->in_backend = true;
        backend_->arm_deadline(op);
    }
}

void Shard::abandon_lookup(uint32_t id) {
    if (auto f = lookup_flags_.find(id); f != lookup_flags_.end()) {
        f->second->store(true);
        lookup_flags_.erase(f);
    }
}

void Shard::post_lookup_result(uint32_t id, int64_t result, const Address &address) {
    {
        std::lock_guard lk(mu_);
        if (exited_) {
            return; // its op was finished with SHUT_DOWN when the shard stopped
        }
        lookup_results_.push_back({id, result, address});
        has_incoming_.store(true, std::memory_order_seq_cst);
    }
    wake_if_asleep();
}

void Shard::on_lookup(uint32_t id, int64_t result, const Address &address) {
    auto it = lookups_.find(id);
    if (it == lookups_.end()) {
        return; // it timed out, was cancelled or the runtime is stopping
    }
    Op *op = it->second;
    if (op->canceled || op->shut_down) {
        return; // ends when its deadline is removed
    }
    lookups_.erase(it);
    lookup_flags_.erase(id);
    if (result == 0) {
        op->req->address = address;
    }
    settle(op, static_cast<int>(result), result == 0);
}

void Shard::continue_lookup(Op *op) {
    Request &req = *op->req;
    if (stopping_ || op->shut_down || op->canceled) {
        finish(op, op->canceled && !stopping_ ? UN_ERR_CANCELED : UN_ERR_SHUT_DOWN);
        return;
    }
    req.lookup.clear();
    if (int64_t *timeout = gen::timeout_arg(req); timeout != nullptr && *timeout >= 0) {
        const int64_t left_ms = op->deadline_ns < 0 ? -1 : (op->deadline_ns - now_ns()) / 1000000;
        *timeout = op->deadline_ns < 0 ? -1 : (left_ms > 0 ? left_ms : 0);
    }
    // The op ends here without completing the request: the handler starts its own.
    if (req.async) {
        async_ops_.erase(req.op_id);
    }
    if (op->in_slot) {
        release_slot_op(op);
    }
    free_op(op);
    gen::dispatch(*this, req);
}

void Shard::begin_stop() {
    stopping_ = true;
    for (auto &op : op_pool_) {
        if (op->in_backend) {
            op->shut_down = true;
            backend_->cancel(op.get());
        }
    }
    for (uint32_t i = 0; i < slots_.size(); ++i) {
        abort_if_only_notifications(i); // (others end when their cancel arrives)
    }
    for (Slot &s : slots_) {
        while (!s.write_wait.empty()) {
            Op *o = s.write_wait.front();
            s.write_wait.pop_front();
            finish(o, UN_ERR_SHUT_DOWN);
        }
        std::vector<Op *> waiting;
        for (Op *o = s.waiters.front(); o != nullptr; o = o->next_wait) {
            if (!o->in_backend) {
                waiting.push_back(o);
            }
        }
        for (Op *o : waiting) {
            o->shut_down = true;
            finish_waiter(o, UN_ERR_SHUT_DOWN);
        }
    }
    std::vector<Op *> looking_up; // lookups without a deadline (the others are cancelled above)
    for (const auto &[id, o] : lookups_) {
        if (!o->in_backend) {
            looking_up.push_back(o);
        }
    }
    for (Op *o : looking_up) {
        o->shut_down = true;
        finish_waiter(o, UN_ERR_SHUT_DOWN);
    }
    for (auto &[id, flag] : lookup_flags_) { // nobody will wait for any answer now
        flag->store(true);
    }
    backend_->stop_wake();
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
    uint32_t index;
    if (!free_slots_.empty()) {
        index = free_slots_.front();
        free_slots_.pop_front();
    } else if (slots_.size() <= handle::kMaxIndex) {
        index = static_cast<uint32_t>(slots_.size());
        slots_.emplace_back();
        slots_.back().gen = first_gen_;
    } else {
        close(fd);
        return UN_ERR_NO_RESOURCES;
    }
    Slot &s = slots_[index];
    s.fd = fd;
    s.kind = kind;
    s.family = family;
    s.live = true;
    s.closing = false;
    s.writing = false;
    backend_->add_fd(fd);
    bump(stats_.open_handles);
    if (kind == UN_HANDLE_TCP_STREAM) { // publish it for the calling threads' fast path
        // (writers is not reset: a write on the slot's previous stream that is still on its
        // way counts until it completes, which only makes the new stream's first writes queue.)
        fast_.at(index).key.store(FastSlot::make_key(fd, s.gen), std::memory_order_seq_cst);
    }
    return handle::encode({index, s.gen, kind, id_});
}

void Shard::close_handle(uint32_t index, Request &req) {
    Slot &s = slots_[index];
    if (FastSlot *f = fast_.find(index)) {
        f->key.store(0, std::memory_order_seq_cst); // withdrawn: no new fast-path use
    }
    s.live = false;
    s.closing = true;
    bump_gen(s); // from now on the old handle answers CLOSED
    drop(stats_.open_handles);
    cancel_ops(index);
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
        if (!o->notif_only) {
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
    close_fd(index);
    answer_closers(index);
}

void Shard::on_notif_only(Op *op) {
    if (op->slot != kNoSlot) {
        abort_if_only_notifications(op->slot);
    }
}

void Shard::close_fd(uint32_t index) {
    Slot &s = slots_[index];
    if (FastSlot *f = fast_.find(index)) {
        // A calling thread may still be in a non-blocking call on this fd: let it finish.
        while (f->users.load(std::memory_order_seq_cst) != 0) {
            std::this_thread::yield();
        }
    }
    if (s.fd >= 0) {
        backend_->remove_fd(s.fd);
        s.linger_token = close_socket(s.fd);
        s.fd = -1;
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
        std::thread([this, fd, token] {
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
    {
        std::lock_guard lk(mu_);
        closed_tokens_.push_back(token);
        has_incoming_.store(true, std::memory_order_seq_cst);
    }
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

int64_t Shard::cancel_ops(uint32_t index) {
    Slot &s = slots_[index];
    int64_t n = 0;
    while (!s.write_wait.empty()) {
        Op *o = s.write_wait.front();
        s.write_wait.pop_front();
        finish(o, UN_ERR_CANCELED);
        ++n;
    }
    std::vector<Op *> waiting; // requests waiting without a deadline: nothing in the kernel to cancel
    for (Op *o : s.ops) {
        if (o->canceled) {
            continue; // its cancel is already on its way
        }
        o->canceled = true;
        if (o->waiting && !o->in_backend) {
            waiting.push_back(o);
        } else {
            backend_->cancel(o);
        }
        n += o->multishot ? 0 : 1;
    }
    for (Op *o : waiting) {
        finish_waiter(o, UN_ERR_CANCELED);
    }
    return n;
}

void Shard::free_slot(uint32_t index, Request *closer) {
    Slot &s = slots_[index];
    close_fd(index);
    for (int fd : s.ready) { // connections accepted for requests that never came
        close(fd);
    }
    s.ready.clear();
    answer_closers(index, closer); // when the fd is closed (later, if it lingers)
    s.stash.reset();
    s.shard_reads = s.recv_eof = false;
    s.recv_err = 0;
    s.read_timeout_ms = s.write_timeout_ms = -1;
    s.closing = false;
    s.kind = 0;
    // Bump again so that the generation the next owner gets was never issued before.
    bump_gen(s);
    free_slots_.push_back(index);
}

Op *Shard::new_op(OpKind kind, Request *req, uint32_t slot, int64_t timeout_ms) {
    Op *op;
    if (!free_ops_.empty()) {
        op = free_ops_.back();
        free_ops_.pop_back();
    } else {
        op_pool_.push_back(std::make_unique<Op>());
        op = op_pool_.back().get();
    }
    *op = Op{};
    op->kind = kind;
    op->req = req;
    op->slot = slot;
    op->deadline_ns = deadline_after(now_ns(), timeout_ms);
    if (req != nullptr && req->async) {
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
    if (op->waiting && !op->in_backend) { // an accept, read or lookup waiting without a deadline
        op->canceled = true;
        finish_waiter(op, UN_ERR_CANCELED);
    } else if (!op->in_backend && !op->in_slot) { // a write waiting its turn on its stream
        slots_[op->slot].write_wait.erase(op);
        finish(op, UN_ERR_CANCELED);
    } else if (!op->canceled) {
        op->canceled = true;
        backend_->cancel(op);
    }
    return 0;
}

void Shard::free_op(Op *op) {
    op->req = nullptr;
    free_ops_.push_back(op);
}

void Shard::start_op(Op *op) {
    if (op->kind == OpKind::recvmsg || op->kind == OpKind::sendmsg) {
        Request &r = *op->req;
        r.iov = {op->buf, op->len};
        r.msg = {};
        r.msg.msg_iov = &r.iov;
        r.msg.msg_iovlen = 1;
        if (op->kind == OpKind::recvmsg) { // the sender goes where a send's target would be
            r.msg.msg_name = &r.address.storage;
            r.msg.msg_namelen = sizeof r.address.storage;
        } else if (r.address.len != 0) {
            r.msg.msg_name = &r.address.storage;
            r.msg.msg_namelen = r.address.len;
        }
    }
    if (op->slot != kNoSlot) {
        Slot &s = slots_[op->slot];
        if (op->kind == OpKind::write) {
            if (s.writing) {
                s.write_wait.push_back(op); // keep writes on one stream in call order
                return;
            }
            s.writing = true;
        }
        s.ops.push_back(op);
        op->in_slot = true;
    }
    begin(op);
}

void Shard::begin(Op *op) {
    op->in_backend = true;
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
        s.writing = false;
        if (!s.write_wait.empty()) {
            Op *next = s.write_wait.front();
            s.write_wait.pop_front();
            start_op(next);
        }
    }
    if (s.closing && s.ops.empty()) {
        free_slot(op->slot);
    }
}

void Shard::on_op_done(Op *op) {
    op->in_backend = false;
    const int res = op->res;
    if (op->waiting) {
        // Its deadline fired or was removed: it was settled (given or failed), or it ends here.
        if (op->given || op->failed) {
            end_waiting(op, res, op->given);
        } else {
            finish_waiter(op, op_error(op, -ECANCELED));
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
        if (res > 0 || (res == 0 && slots_[op->slot].recv_err == 0)) {
            count_bytes(true, static_cast<uint64_t>(res));
            finish(op, res);
        } else if (res == 0) { // a read behind the one that met the reset
            finish(op, gen::error_from_errno(-slots_[op->slot].recv_err));
        } else {
            if (res != -ECANCELED && res != -EINTR && res != -EAGAIN && !op->timed_out && slots_[op->slot].live) {
                slots_[op->slot].recv_err = res; // the kernel says it once; later reads here say it too
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
            finish(op, len);
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
    case OpKind::lookup: // always waiting (above)
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
        if (req->async) {
            async_ops_.erase(req->op_id);
        }
        op->req = nullptr;
        finish(op, 0);
        bump(stats_.handed_over);
        target->adopt(req, fd, family);
    }
}

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
    Slot &s = slots_[index];
    Op *op = new_op(OpKind::read, &req, index, timeout_ms);
    op->buf = buf;
    op->len = len;
    if (!s.shard_reads) {
        if (s.recv_err != 0) { // a reset stream stays reset: never an end of stream
            finish(op, gen::error_from_errno(-s.recv_err));
            return;
        }
        if (!req.async || !backend_->multishot_recv()) {
            start_op(op);
            return;
        }
        // From now on every read of this stream is served here, in order: calling threads
        // stop reading it directly before this read (or any later one) completes.
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
        if (s.recv_err != 0) { // a reset stream stays reset: never an end of stream
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
    op->waiting = true;
    s.ops.push_back(op);
    op->in_slot = true;
    s.waiters.push_back(op);
    bump(stats_.in_flight);
    if (op->deadline_ns >= 0) {
        op->in_backend = true;
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
    m->in_backend = true;
    backend_->start_multishot(m, s.fd);
}

// The multishot ended (its last CQE came): arm the next one if requests still wait.
void Shard::end_multishot(Op *m, bool rearm) {
    Slot &s = slots_[m->slot];
    const uint32_t index = m->slot;
    s.multishot = nullptr;
    m->in_backend = false;
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
    if (w->in_backend) {
        w->res = res;
        w->given = ok;
        w->failed = !ok;
        backend_->cancel(w);
    } else {
        end_waiting(w, res, ok);
    }
}

void Shard::end_waiting(Op *w, int res, bool ok) {
    if (!ok) {
        finish_waiter(w, w->kind == OpKind::lookup ? res : op_error(w, res));
        return;
    }
    drop(stats_.in_flight);
    if (w->kind == OpKind::accept) {
        complete_accept(w, res);
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
        s.recv_err = res;
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

void Shard::finish(Op *op, int64_t result) {
    Request *req = op->req;
    if (req != nullptr && req->async) {
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

void Shard::count_bytes(bool read, uint64_t n) { bump(read ? stats_.bytes_read : stats_.bytes_written, n); }

namespace {
// The counters a reset zeroes, in the order of Shard::baseline_.
std::array<const std::atomic<uint64_t> *, 15> counters(const ShardStats &s) {
    return {&s.requests,         &s.completed,        &s.errors,         &s.bytes_read,
            &s.bytes_written,    &s.accepts,          &s.connects,       &s.wakeups,
            &s.submit_calls,     &s.sqes,             &s.handed_over,    &s.zero_copy_sends,
            &s.multishot_accepts, &s.multishot_recvs, &s.buffer_ring_empty};
}
} // namespace

void Shard::reset_counters() {
    // Counters are written by the shard's thread only; a reset from any thread records
    // where they stand and the statistics report the difference.
    const auto cs = counters(stats_);
    for (size_t i = 0; i < cs.size(); ++i) {
        baseline_[i].store(cs[i]->load(std::memory_order_relaxed), std::memory_order_relaxed);
    }
    stats_.largest_drain.store(0, std::memory_order_relaxed);
    fast_baseline_[0].store(fast_reads_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    fast_baseline_[1].store(fast_writes_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    fast_baseline_[2].store(fast_bytes_read_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    fast_baseline_[3].store(fast_bytes_written_.load(std::memory_order_relaxed), std::memory_order_relaxed);
}

std::string Shard::stats_json() const {
    const auto cs = counters(stats_);
    auto get = [&](const std::atomic<uint64_t> &c) {
        uint64_t v = c.load(std::memory_order_relaxed);
        for (size_t i = 0; i < cs.size(); ++i) {
            if (cs[i] == &c) {
                v -= baseline_[i].load(std::memory_order_relaxed);
            }
        }
        return v;
    };
    nlohmann::ordered_json j;
    j["shard"] = id_;
    auto fast = [&](const std::atomic<uint64_t> &c, size_t i) {
        return c.load(std::memory_order_relaxed) - fast_baseline_[i].load(std::memory_order_relaxed);
    };
    const uint64_t fr = fast(fast_reads_, 0), fw = fast(fast_writes_, 1);
    const uint64_t fbr = fast(fast_bytes_read_, 2), fbw = fast(fast_bytes_written_, 3);
    // Operations the calling threads completed themselves count like the others.
    j["requests"] = get(stats_.requests) + fr + fw;
    j["completed"] = get(stats_.completed) + fr + fw;
    j["errors"] = get(stats_.errors);
    j["bytes_read"] = get(stats_.bytes_read) + fbr;
    j["bytes_written"] = get(stats_.bytes_written) + fbw;
    j["fast_reads"] = fr;
    j["fast_writes"] = fw;
    j["accepts"] = get(stats_.accepts);
    j["connects"] = get(stats_.connects);
    j["in_flight"] = get(stats_.in_flight);
    j["open_handles"] = get(stats_.open_handles);
    j["wakeups"] = get(stats_.wakeups);
    j["submit_calls"] = get(stats_.submit_calls);
    j["sqes"] = get(stats_.sqes);
    j["largest_drain"] = get(stats_.largest_drain);
    j["handed_over"] = get(stats_.handed_over);
    j["zero_copy_sends"] = get(stats_.zero_copy_sends);
    j["registered_files"] = get(stats_.registered_files);
    j["multishot_accepts"] = get(stats_.multishot_accepts);
    j["multishot_recvs"] = get(stats_.multishot_recvs);
    j["buffer_ring_empty"] = get(stats_.buffer_ring_empty);
    return j.dump();
}

} // namespace uringnet
