#include "shard.hpp"

#include <cassert>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <thread>
#include <utility>
#include <nlohmann/json.hpp>

#include "caller_path.hpp"
#include "handle.hpp"
#include "library_thread.hpp"
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

Shard *Shard::current() { return t_shard; }

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
    std::snprintf(thread_name_, sizeof thread_name_, "un-shard-%u", id_);
    thread_ = library_thread(thread_name_, [this, &started] { run(&started); });
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
    traits_ = Traits{backend_->zero_copy(),      backend_->fixed_files(),     backend_->multishot_accept(),
                     backend_->multishot_recv(), (backend_->socket_flags() & SOCK_NONBLOCK) == 0,
                     backend_->recv_ring_bytes()};
    started->store(0, std::memory_order_release);
    started->notify_all();

    while (true) {
        if (!stopping_ && stop_requested_.load(std::memory_order_acquire)) {
            begin_stop();
        }
        drain_incoming();
        if (stopping_ && backend_->pending() == 0 && lingering_.empty() && fd_waits_.empty() &&
            !has_incoming_.load(std::memory_order_acquire) && !callers_inside_any()) {
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
        backend_->poll(block, poll_limit());
        awake_.store(true, std::memory_order_relaxed);
        expire_held();
        retry_fd_waits();
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
    // (No calling thread is inside any slot now: the loop ran until the last one left.)
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
    for (LookupResult &r : looked_up) {
        on_lookup(r.id, r.result, r.address, r.all);
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
        if (req->line_msg == LineMsg::resume) { // (not an operation of the user's)
            uint32_t index;
            int64_t err;
            if (!stopping_ && lookup(req->handle, kind_bit(UN_HANDLE_TCP_STREAM), index, err)) {
                resume_line(index, line_of_request(req->kind));
            } // (a stale one: its slot was closed, which let go of everything the line held)
            delete req;
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
    req.must_finish = true;
    gen::dispatch(*this, req);
    // Only operations whose handlers complete before returning are run inline (the spec's
    // from_callback: inline), so req, on the caller's stack, is done with here.
    const bool done = req.done.try_acquire();
    assert(done && "an inline operation must complete at once");
    (void)done;
    return req.result;
}

void Shard::dispatch(Request &req) {
    // A timeout of TIMEOUT_FROM_OPTION becomes the handle's option as the request arrives, so
    // that all of it (a host-name lookup too) counts against one deadline. (A stale handle's
    // slot may give another handle's option: its handler answers CLOSED anyway.)
    if (int64_t *t = gen::option_timeout_arg(req); t != nullptr && *t == UN_TIMEOUT_FROM_OPTION) {
        const FastSlot *f = fast_.find(handle::decode(req.handle).index);
        *t = f != nullptr ? timeout_from_option(*f, req.kind) : -1;
    }
    if (!req.lookup.empty()) {
        start_lookup(req); // dispatched again once the name is looked up
        return;
    }
    gen::dispatch(*this, req);
}

int64_t Shard::poll_limit() const {
    int64_t limit = next_held_deadline();
    auto at_most = [&limit](int64_t ns) { limit = limit < 0 ? ns : std::min(limit, ns); };
    if (!fd_waits_.empty() || (stopping_ && callers_inside_any())) {
        at_most(kCallerLeftNs); // a calling thread leaving does not wake the shard: look again soon
    }
    return limit;
}

void Shard::begin_stop() {
    stopping_ = true;
    for (auto &op : op_pool_) {
        if (op->in_backend()) {
            op->shut_down = true;
            backend_->cancel(op.get());
        }
    }
    for (uint32_t i = 0; i < slots_.size(); ++i) {
        abort_if_only_notifications(i); // (others end when their cancel arrives)
    }
    for (uint32_t i = 0; i < slots_.size(); ++i) {
        if (FastSlot *f = fast_.find(i)) { // callers waiting on their own threads end with SHUT_DOWN
            f->key.store(FastSlot::kStopped, std::memory_order_seq_cst);
            wake_callers(*f, slots_[i].fd);
        }
    }
    for (Slot &s : slots_) {
        finish_queued(s, UN_ERR_SHUT_DOWN);
        std::vector<Op *> waiting;
        for (Op *o = s.waiters.front(); o != nullptr; o = o->next_wait) {
            if (o->state == OpState::waiting) {
                waiting.push_back(o);
            }
        }
        for (Op *o : waiting) {
            o->shut_down = true;
            finish_waiter(o, UN_ERR_SHUT_DOWN);
        }
    }
    std::vector<Op *> looking_up; // lookups and timers without a deadline (the others are cancelled above)
    for (const auto &[id, o] : lookups_) {
        if (o->state == OpState::waiting) {
            looking_up.push_back(o);
        }
    }
    for (Op *o : timers_) {
        if (o->state == OpState::waiting) {
            looking_up.push_back(o);
        }
    }
    for (const auto &[key, race] : races_) { // connects racing addresses without a deadline
        if (race->parent != nullptr && race->parent->state == OpState::waiting) {
            looking_up.push_back(race->parent);
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

} // namespace uringnet
