// The calling-thread side of every request: routing, blocking calls (through the calling
// thread's path or the shard), calls from completion callbacks, submissions and batches.
#include <poll.h>
#include <sys/eventfd.h>

#include <cerrno>
#include <thread>
#include <utility>

#include "call.hpp"
#include "caller_path.hpp"
#include "caller_wake.hpp"
#include "handle.hpp"
#include "runtime_state.hpp"
#include "shard.hpp"

namespace uringnet {
namespace {

std::atomic<int64_t> g_next_op{1};

// A per-thread cache of freed requests (each thread frees into its own; bounded).
struct RequestCache {
    std::vector<void *> free;
    ~RequestCache() {
        for (void *p : free) {
            ::operator delete(p);
        }
    }
};
thread_local RequestCache t_requests;
constexpr size_t kRequestCacheMax = 1024;

// A thread's batch (batch_begin .. batch_end): requests wait here, routed but not posted and
// not yet counted in their streams' lines (that happens as they are posted, under the
// runtime lock, only if their runtime still runs). A blocking call the thread makes while
// the batch is open first posts what the batch holds (the calls stay in call order). A batch
// left open when its thread exits is discarded: its requests complete with SHUT_DOWN.
// (Declared after t_requests, so destroyed before it: completing frees into that cache.)
struct Batched {
    std::unique_ptr<Request> req;
    uint32_t shard;
    uint32_t epoch;
};
struct Batch {
    bool open = false;
    std::vector<Batched> items;
    int64_t posted = 0; ///< requests of the open batch posted early (before a blocking call)
    ~Batch() {
        for (Batched &b : items) {
            b.req.release()->complete(UN_ERR_SHUT_DOWN);
        }
    }
};
thread_local Batch t_batch;

} // namespace

void *Request::operator new(size_t size) {
    if (size == sizeof(Request) && !t_requests.free.empty()) {
        void *p = t_requests.free.back();
        t_requests.free.pop_back();
        return p;
    }
    return ::operator new(size);
}

void Request::operator delete(void *p) noexcept {
    if (t_requests.free.size() < kRequestCacheMax) {
        t_requests.free.push_back(p);
        return;
    }
    ::operator delete(p);
}


namespace {

// The published slot of a stream handle, or null.
FastSlot *fast_slot(Shard &shard, int64_t h) { return shard.fast_slot(handle::decode(h).index); }

} // namespace

namespace {

// Takes g_mu (shared) and picks the shard for a request; 0, or why not.
int64_t route_running(std::shared_lock<std::shared_mutex> &lk, int64_t h, uint32_t kind_mask, Shard *&shard) {
    lk = std::shared_lock(*g_mu);
    if (g_rt == nullptr) {
        return not_running();
    }
    return route(h, kind_mask, shard);
}

int64_t new_op_id(const Shard &shard) {
    // The low 8 bits of an op id name its shard, so op_cancel can find it.
    return (g_next_op.fetch_add(1, std::memory_order_relaxed) << 8) | shard.id();
}

// A host's signal interrupted the wait for req: the shard cancels it (if its runtime still
// runs: otherwise it is being completed with SHUT_DOWN), and its result says what happened.
// A call that completed first keeps its result (nothing it read or accepted is lost); one
// the cancel ended returns INTERRUPTED.
int64_t interrupt(Shard &shard, Request &req, uint32_t epoch) {
    {
        std::shared_lock lk(*g_mu);
        if (g_rt != nullptr && g_rt->epoch == epoch) {
            auto cancel = std::make_unique<Request>(gen::RequestKind::op_cancel);
            cancel->args.op_cancel.op_id = req.op_id;
            cancel->detached = true;
            shard.post(cancel.release());
        }
    }
    req.done.acquire();
    return req.result == UN_ERR_CANCELED ? UN_ERR_INTERRUPTED : req.result;
}

} // namespace

CallerWaker *interruptible_wait(const Shard &shard, Request &req) {
    CallerWaker *w = interruptible() ? thread_waker() : nullptr;
    if (w != nullptr) {
        req.wake_fd = w->fd;
        req.op_id = new_op_id(shard); // (so that it can be cancelled when interrupted)
    }
    return w;
}

int64_t post_and_wait(Shard &shard, Request &req, std::shared_lock<std::shared_mutex> &lk, uint32_t epoch) {
    CallerWaker *w = interruptible_wait(shard, req); // (lk is held: the eventfd stays open)
    shard.post(&req);
    lk.unlock();
    return wait_posted(shard, req, w, epoch);
}

int64_t wait_posted(Shard &shard, Request &req, CallerWaker *w, uint32_t epoch) {
    if (w == nullptr) {
        req.done.acquire();
        return req.result;
    }
    while (!req.done.try_acquire()) {
        pollfd p{w->fd, POLLIN, 0};
        const timespec limit{0, 100 * 1000000}; // (a wake-up may have been taken by the previous look)
        const int n = ppoll(&p, 1, &limit, nullptr);
        if (n > 0) {
            eventfd_t v;
            eventfd_read(w->fd, &v);
        } else if (n < 0 && errno == EINTR) {
            return interrupt(shard, req, epoch);
        }
    }
    return req.result;
}

namespace {

// Posts what this thread's batch holds, per shard with one wake-up each, counting reads and
// writes in their lines as they go; a request whose runtime has gone completes with SHUT_DOWN.
// Returns how many requests there were.
int64_t post_batch() {
    std::vector<Batched> items = std::move(t_batch.items);
    t_batch.items.clear();
    std::shared_lock lk(*g_mu);
    std::vector<std::vector<Request *>> per_shard(g_rt ? g_rt->shards.size() : 0);
    for (Batched &b : items) {
        Request *req = b.req.release();
        if (g_rt == nullptr || b.epoch != g_rt->epoch) {
            req->complete(UN_ERR_SHUT_DOWN); // its runtime is gone: nothing of another one is touched
            continue;
        }
        if (in_a_line(req->kind)) {
            if (FastSlot *f = fast_slot(*g_rt->shards[b.shard], req->handle)) {
                count_in_line(*f, *req);
            }
        }
        per_shard[b.shard].push_back(req);
    }
    for (size_t i = 0; i < per_shard.size(); ++i) {
        if (!per_shard[i].empty()) {
            g_rt->shards[i]->post_many(per_shard[i]); // one wake-up per shard at most
        }
    }
    return static_cast<int64_t>(items.size());
}

// A blocking call made on a runtime thread (from a completion callback), which must not wait.
int64_t call_from_shard(Request &req, int64_t h, uint32_t kind_mask, FromCallback how) {
    if (how == FromCallback::would_deadlock) {
        return UN_ERR_WOULD_DEADLOCK;
    }
    std::shared_lock<std::shared_mutex> lk;
    Shard *shard;
    if (int64_t err = route_running(lk, h, kind_mask, shard)) {
        return err;
    }
    Shard *here = Shard::current();
    req.handle = h;
    if (how == FromCallback::inline_) {
        if (kind_mask != 0 && shard != here) {
            return UN_ERR_WOULD_DEADLOCK; // another shard's handle: only its thread may answer
        }
        return here->run_inline(req);
    }
    // Started: a copy runs after the callback returns (on this shard: from its local queue).
    auto started = std::make_unique<Request>(req.kind);
    started->args = req.args;
    started->handle = h;
    started->detached = true;
    if (shard == here) {
        shard->post_local(started.release());
    } else {
        shard->post(started.release());
    }
    return 0;
}

} // namespace

int64_t call(Request &req, int64_t h, uint32_t kind_mask, FromCallback from_callback) {
    if (on_shard_thread()) {
        return call_from_shard(req, h, kind_mask, from_callback);
    }
    if (!t_batch.items.empty()) {
        t_batch.posted += post_batch(); // what the thread called before this goes first
    }
    std::shared_lock<std::shared_mutex> lk;
    Shard *shard;
    if (int64_t err = route_running(lk, h, kind_mask, shard)) {
        return err;
    }
    req.handle = h;
    const uint32_t epoch = g_rt->epoch;
    if (req.kind == gen::RequestKind::tcp_read || req.kind == gen::RequestKind::tcp_write) {
        if (FastSlot *f = fast_slot(*shard, h)) {
            int64_t result = 0;
            if (call_on_caller(*shard, *f, req, lk, epoch, result)) {
                return result;
            }
            count_in_line(*f, req); // behind the calls ahead of it, in the shard
        }
    } else if (in_a_line(req.kind)) { // (shutdown, flush: in the write line)
        if (FastSlot *f = fast_slot(*shard, h)) {
            count_in_line(*f, req);
        }
    }
    return post_and_wait(*shard, req, lk, epoch);
}

bool stream_live(int64_t h, int64_t *read_timeout_ms) {
    std::shared_lock<std::shared_mutex> lk;
    Shard *shard;
    if (route_running(lk, h, kind_bit(UN_HANDLE_TCP_STREAM), shard) != 0) {
        return false;
    }
    const FastSlot *f = fast_slot(*shard, h);
    if (f == nullptr) {
        return false;
    }
    const uint64_t key = f->key.load(std::memory_order_seq_cst);
    if ((key & FastSlot::kLive) == 0 || FastSlot::gen_of(key) != handle::decode(h).gen) {
        return false;
    }
    if (read_timeout_ms != nullptr) {
        *read_timeout_ms = f->option_timeout_ms[kReadLine].load(std::memory_order_relaxed);
    }
    return true;
}

int64_t submit(std::unique_ptr<Request> req, uint64_t user_data, int64_t h, uint32_t kind_mask) {
    std::shared_lock<std::shared_mutex> lk;
    Shard *shard;
    if (int64_t err = route_running(lk, h, kind_mask, shard)) {
        return err;
    }
    req->async = true;
    req->user_data = user_data;
    req->handle = h;
    req->op_id = new_op_id(*shard);
    const int64_t id = req->op_id;
    if (t_batch.open) { // (counted in its line when the batch is posted)
        t_batch.items.push_back({std::move(req), shard->id(), g_rt->epoch});
        return id;
    }
    if (in_a_line(req->kind)) {
        if (FastSlot *f = fast_slot(*shard, h)) {
            count_in_line(*f, *req); // no later call on the calling thread goes before it
        }
    }
    if (shard == Shard::current()) {
        shard->post_local(req.release()); // from a completion callback: no lock, no wake-up
    } else {
        shard->post(req.release());
    }
    return id;
}

namespace gen {

int64_t handle_batch_begin() {
    if (t_batch.open) {
        return UN_ERR_INVALID_ARGUMENT; // batches do not nest
    }
    t_batch.open = true;
    return 0;
}

int64_t handle_batch_end() {
    if (!t_batch.open) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    t_batch.open = false;
    return std::exchange(t_batch.posted, 0) + post_batch();
}

} // namespace gen
} // namespace uringnet
