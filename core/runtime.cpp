// Runtime lifetime and the calling-thread side of every request.
//
// g_mu guards g_rt: callers hold it shared while they validate and post a request (not
// while they wait); init and shutdown hold it exclusively to swap the runtime in or out.
// Shutdown takes the runtime out first, so no request is posted to a stopping shard after
// its final drain; requests posted before are completed with SHUT_DOWN.
#include "runtime.hpp"

#include <pthread.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sys/eventfd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <cstdlib>
#include <cstring>
#include <new>
#include <nlohmann/json.hpp>
#include <shared_mutex>
#include <thread>

#include "call.hpp"
#include "caller_path.hpp"
#include "handle.hpp"
#include "resolver.hpp"

namespace uringnet {
namespace {

// Heap-allocated so that a forked child can start with a fresh one (see after_fork_in_child).
std::shared_mutex *g_mu = new std::shared_mutex;
Runtime *g_rt = nullptr; // guarded by g_mu
bool g_ever_started = false;
uint32_t g_epoch = 0;
// Init and shutdown one at a time, so that a new runtime's generations start above the
// last one's (set after its shards stopped): g_gen_floor.
std::mutex g_life_mu;
uint32_t g_gen_floor = 1; // guarded by g_life_mu

// The first generation above every one the runtime issued (its shards have stopped, or are
// a forked child's copies). Near the end of the 32-bit range it starts over at 1: a handle
// 2^31 runtime generations old could then be taken for a live one.
uint32_t gen_floor_after(const Runtime &rt) {
    uint32_t top = rt.first_gen;
    for (const auto &s : rt.shards) {
        top = std::max(top, s->max_gen());
    }
    return top < (1u << 31) ? top + 1 : 1;
}
std::atomic<unsigned> g_entries{256};
std::atomic<int32_t> g_backend{UN_BACKEND_AUTO};
std::atomic<bool> g_sqpoll{false};
std::atomic<unsigned> g_shards{1};
std::atomic<uint64_t> g_recv_ring{(uint64_t{64} << 32) | 32768}; // buffers << 32 | size

// The backend configuration for the next init: the API's choice, else URINGNET_BACKEND.
int64_t backend_config(BackendConfig &c) {
    c.entries = g_entries.load();
    const uint64_t ring = g_recv_ring.load();
    c.recv_buffers = static_cast<unsigned>(ring >> 32);
    c.recv_buffer_size = static_cast<unsigned>(ring & 0xFFFFFFFF);
    c.sqpoll = g_sqpoll.load();
    const int32_t api = g_backend.load();
    if (api != UN_BACKEND_AUTO) {
        c.want = static_cast<BackendKind>(api);
        c.forced_by = "un_runtime_configure_backend";
        return 0;
    }
    const char *env = std::getenv("URINGNET_BACKEND");
    if (env == nullptr || *env == '\0' || std::strcmp(env, "auto") == 0) {
        return 0;
    }
    if (std::strcmp(env, "epoll") == 0) {
        c.want = BackendKind::epoll;
    } else if (std::strcmp(env, "io_uring") == 0) {
        c.want = BackendKind::io_uring;
    } else {
        return UN_ERR_INVALID_ARGUMENT; // say so rather than guess what was meant
    }
    c.forced_by = std::string("URINGNET_BACKEND=") + env;
    return 0;
}

// In a child made by fork() while a runtime ran: the parent's runtime, whose threads do not
// exist here. Never used or freed (its memory and fds are the child's copies): every call
// answers FORKED until runtime_init starts the child's own runtime (or shutdown lets go).
Runtime *g_inherited = nullptr; // guarded by g_mu

int64_t not_running() {
    return g_inherited != nullptr ? UN_ERR_FORKED : g_ever_started ? UN_ERR_SHUT_DOWN : UN_ERR_NOT_INITIALIZED;
}


} // namespace

void deliver_lookup(const LookupJob &job, int64_t result, const Address &address) {
    std::shared_lock lk(*g_mu);
    if (g_rt != nullptr && g_rt->epoch == job.epoch && job.shard < g_rt->shards.size()) {
        g_rt->shards[job.shard]->post_lookup_result(job.id, result, address);
    }
}

Shard *Runtime::least_loaded() const {
    Shard *best = shards.front().get();
    uint64_t best_load = UINT64_MAX;
    for (const auto &s : shards) {
        const uint64_t load = s->stats().open_handles.load(std::memory_order_relaxed) +
                              s->stats().in_flight.load(std::memory_order_relaxed);
        if (load < best_load) {
            best = s.get();
            best_load = load;
        }
    }
    return best;
}

void Runtime::stop_all() {
    // Ask every shard first, then wait for each: a shard handing a connection to another
    // one while both stop finds it either still running or refusing with SHUT_DOWN.
    for (auto &s : shards) {
        s->request_stop();
    }
    for (auto &s : shards) {
        s->stop();
    }
}

void Runtime::reset_stats() {
    for (auto &s : shards) {
        s->reset_counters();
    }
}

std::string Runtime::stats_json() const {
    nlohmann::ordered_json j;
    const Shard &first = *shards.front();
    j["backend"] = first.backend_kind() == BackendKind::epoll ? "epoll" : "io_uring";
    j["backend_reason"] = first.backend_reason();
    j["zero_copy"] = first.zero_copy();
    j["fixed_files"] = first.fixed_files();
    j["multishot_accept"] = first.multishot_accept();
    j["multishot_recv"] = first.multishot_recv();
    j["recv_ring_bytes"] = first.recv_ring_bytes(); // per shard
    j["epoch"] = epoch;
    j["entries"] = entries;
    j["shard_count"] = shards.size();
    nlohmann::ordered_json total = nlohmann::ordered_json::object();
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto &s : shards) {
        auto one = nlohmann::ordered_json::parse(s->stats_json());
        for (auto it = one.begin(); it != one.end(); ++it) {
            if (it.key() == "largest_drain") {
                total[it.key()] = std::max(total.value(it.key(), uint64_t{0}), it.value().get<uint64_t>());
            } else if (it.key() != "shard") {
                total[it.key()] = total.value(it.key(), uint64_t{0}) + it.value().get<uint64_t>();
            }
        }
        list.push_back(std::move(one));
    }
    j["shards"] = std::move(list);
    j["total"] = std::move(total);
    return j.dump();
}

namespace {

// Picks the shard for a request; g_mu is held (shared) and g_rt is set.
int64_t route(int64_t h, uint32_t kind_mask, Shard *&shard) {
    shard = g_rt->shards.front().get();
    if (kind_mask == kRouteByOp) { // h is the shard of an operation id
        if (h < 0) {
            return UN_ERR_INVALID_ARGUMENT;
        }
        if (static_cast<uint64_t>(h) >= g_rt->shards.size()) {
            return UN_ERR_OP_NOT_FOUND;
        }
        shard = g_rt->shards[static_cast<size_t>(h)].get();
        return 0;
    }
    if (kind_mask == 0) {
        shard = g_rt->least_loaded(); // something new: a listener, a stream, a socket
        return 0;
    }
    if (!handle::well_formed(h)) {
        return UN_ERR_BAD_HANDLE;
    }
    const handle::Parts p = handle::decode(h);
    if ((kind_mask & kind_bit(p.kind)) == 0) {
        return UN_ERR_WRONG_KIND; // (every non-zero kind is a real one: well_formed checked it)
    }
    if (p.gen < g_rt->first_gen) {
        return UN_ERR_WRONG_RUNTIME; // issued by an earlier runtime of this process
    }
    if (p.shard >= g_rt->shards.size()) {
        return UN_ERR_BAD_HANDLE;
    }
    shard = g_rt->shards[p.shard].get();
    return 0;
}

// ---- asynchronous completions ----

// Completions wait here for poll (or go to the callback). Process-wide, so that those
// delivered while a runtime shuts down can still be collected after it.
struct Completions {
    std::mutex mu;
    std::condition_variable *cv = new std::condition_variable; // replaced in a forked child
    std::deque<un_completion_t> queue; // guarded by mu
    int fd = -1;                       // eventfd, readable while queue is not empty; guarded by mu
    // The callback and its ctx as one immutable pair, so no call mixes an old and a new one.
    struct Callback {
        un_completion_fn fn;
        void *ctx;
    };
    std::atomic<Callback *> callback{nullptr};
    // Deliveries between reading the callback and returning from it, counted in the slot of
    // the phase they started in: a change of callback flips the phase and waits only for the
    // calls counted before the flip, so a steady stream of new calls cannot starve it.
    std::atomic<uint64_t> phase{0};
    std::array<std::atomic<uint32_t>, 2> calling{};
    std::mutex changing; // one change outside a callback at a time (each waits for its phase)
    std::mutex retired_mu;
    std::vector<std::unique_ptr<Callback>> retired; // replaced pairs a call may still use; retired_mu
    std::atomic<bool> running{false}; // a runtime is up: a waiting poll may still get something
};
Completions g_done;

// fork() while other threads of this process post requests or deliver completions: the
// forking thread holds the lifecycle lock and the completion queue's lock across the fork,
// so the child sees neither half-changed, and takes them over (it is their owner). The
// runtime lock and the completion condition variable may be held or waited on by the
// parent's other threads, which the child does not have: the child gets new ones (the old
// are left alone, never unlocked or destroyed). Then it forgets the parent's runtime.
void before_fork() {
    g_life_mu.lock();
    g_done.mu.lock();
}

void after_fork_in_parent() {
    g_done.mu.unlock();
    g_life_mu.unlock();
}

void after_fork_in_child() {
    g_mu = new std::shared_mutex;
    caller_path_after_fork();
    g_done.cv = new std::condition_variable;
    g_done.queue.clear();
    if (g_done.fd >= 0) {
        close(g_done.fd); // the parent's copy: the child gets its own on request
        g_done.fd = -1;
    }
    g_done.running.store(false);
    if (g_rt != nullptr) {
        g_inherited = g_rt;
        g_rt = nullptr;
        g_gen_floor = gen_floor_after(*g_inherited); // the parent's handles are never the child's
    }
    g_done.mu.unlock();
    g_life_mu.unlock();
}

[[maybe_unused]] const int g_atfork = pthread_atfork(before_fork, after_fork_in_parent, after_fork_in_child);
thread_local bool t_in_callback = false;

std::atomic<int64_t> g_next_op{1};

// A thread's batch (batch_begin .. batch_end): requests wait here, routed but not posted.
struct Batched {
    std::unique_ptr<Request> req;
    uint32_t shard;
    uint32_t epoch;
};
struct Batch {
    bool open = false;
    std::vector<Batched> items;
};
thread_local Batch t_batch;

void signal_fd(int fd) {
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = write(fd, &one, sizeof one);
}

} // namespace

namespace {

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

void Request::uncount_line(FastSlot *slot, uint8_t line) { slot->lines[line].uncount(); }

namespace {

// The published slot of a stream handle, or null.
FastSlot *fast_slot(Shard &shard, int64_t h) { return shard.fast_slot(handle::decode(h).index); }

} // namespace

void Request::deliver_completion(Request *req) {
    const un_completion_t c{req->op_id, req->user_data, req->result, static_cast<int32_t>(req->kind), 0};
    delete req;
    // Counted before the callback is read, so that a change of it can wait for this call.
    uint64_t phase;
    for (;;) {
        phase = g_done.phase.load(std::memory_order_seq_cst);
        g_done.calling[phase & 1].fetch_add(1, std::memory_order_seq_cst);
        if (g_done.phase.load(std::memory_order_seq_cst) == phase) {
            break;
        }
        g_done.calling[phase & 1].fetch_sub(1, std::memory_order_seq_cst); // flipped meanwhile
    }
    if (const Completions::Callback *cb = g_done.callback.load(std::memory_order_seq_cst)) {
        const Completions::Callback now = *cb; // (a callback may replace itself while it runs)
        t_in_callback = true;
        now.fn(now.ctx, &c);
        t_in_callback = false;
        g_done.calling[phase & 1].fetch_sub(1, std::memory_order_seq_cst);
        return;
    }
    g_done.calling[phase & 1].fetch_sub(1, std::memory_order_seq_cst);
    std::lock_guard lk(g_done.mu);
    if (g_done.queue.empty() && g_done.fd >= 0) {
        signal_fd(g_done.fd);
    }
    g_done.queue.push_back(c);
    g_done.cv->notify_all();
}

namespace {

// Takes g_mu (shared) and picks the shard for a request; 0, or why not.
int64_t route_running(std::shared_lock<std::shared_mutex> &lk, int64_t h, uint32_t kind_mask, Shard *&shard) {
    lk = std::shared_lock(*g_mu);
    if (g_rt == nullptr) {
        return not_running();
    }
    return route(h, kind_mask, shard);
}

int64_t post_and_wait(Shard &shard, Request &req, std::shared_lock<std::shared_mutex> &lk) {
    shard.post(&req);
    lk.unlock();
    req.done.acquire();
    return req.result;
}

} // namespace

namespace {

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
    std::shared_lock<std::shared_mutex> lk;
    Shard *shard;
    if (int64_t err = route_running(lk, h, kind_mask, shard)) {
        return err;
    }
    req.handle = h;
    if (req.kind == gen::RequestKind::tcp_read || req.kind == gen::RequestKind::tcp_write) {
        if (FastSlot *f = fast_slot(*shard, h)) {
            int64_t result = 0;
            if (call_on_caller(*shard, *f, req, lk, result)) {
                return result;
            }
            count_in_line(*f, req); // behind the calls ahead of it, in the shard
        }
    }
    return post_and_wait(*shard, req, lk);
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
    // The low 8 bits of an op id name its shard, so op_cancel can find it.
    req->op_id = (g_next_op.fetch_add(1, std::memory_order_relaxed) << 8) | shard->id();
    const int64_t id = req->op_id;
    if ((req->kind == gen::RequestKind::tcp_write && !t_batch.open) || req->kind == gen::RequestKind::tcp_read) {
        if (FastSlot *f = fast_slot(*shard, h)) {
            count_in_line(*f, *req); // no later call on the calling thread goes before it
        }
    }
    if (t_batch.open) {
        t_batch.items.push_back({std::move(req), shard->id(), g_rt->epoch});
    } else if (shard == Shard::current()) {
        shard->post_local(req.release()); // from a completion callback: no lock, no wake-up
    } else {
        shard->post(req.release());
    }
    return id;
}

namespace gen {

int64_t handle_runtime_init() {
    if (on_shard_thread()) {
        return UN_ERR_WOULD_DEADLOCK;
    }
    std::lock_guard life(g_life_mu);
    std::unique_lock lk(*g_mu);
    if (g_rt != nullptr) {
        return UN_ERR_ALREADY_INITIALIZED;
    }
    BackendConfig config;
    if (int64_t err = backend_config(config)) {
        return err;
    }
    const uint32_t epoch = g_epoch + 1;
    auto rt = std::make_unique<Runtime>();
    rt->epoch = epoch;
    rt->first_gen = g_gen_floor;
    rt->entries = config.entries;
    const unsigned n = g_shards.load();
    for (unsigned i = 0; i < n; ++i) {
        rt->shards.push_back(std::make_unique<Shard>(*rt, i, epoch, rt->first_gen, config));
    }
    for (unsigned i = 0; i < n; ++i) {
        if (int64_t err = rt->shards[i]->start()) {
            rt->stop_all(); // the ones already started
            return err;
        }
    }
    g_epoch = epoch;
    g_rt = rt.release();
    g_inherited = nullptr; // (a forked child's own runtime now; the parent's is let go)
    g_ever_started = true;
    g_done.running.store(true);
    return 0;
}

int64_t handle_runtime_shutdown() {
    if (on_shard_thread()) {
        return UN_ERR_WOULD_DEADLOCK;
    }
    std::lock_guard life(g_life_mu);
    std::unique_ptr<Runtime> rt;
    {
        std::unique_lock lk(*g_mu);
        if (g_rt == nullptr && g_inherited != nullptr) {
            g_inherited = nullptr; // a forked child lets go of its parent's runtime
            return 0;
        }
        if (g_rt == nullptr) {
            return not_running();
        }
        rt.reset(g_rt);
        g_rt = nullptr;
    }
    rt->stop_all();
    close_caller_wakeups(); // (no caller waits in a slot any more: the shards saw to it)
    g_gen_floor = gen_floor_after(*rt);
    {
        // Wake pollers: nothing more will come unless a new runtime starts.
        std::lock_guard lk(g_done.mu);
        g_done.running.store(false);
        g_done.cv->notify_all();
    }
    return 0;
}

int64_t handle_poll(un_completion_t *out, uint32_t max, int64_t timeout_ms) {
    if (max == 0) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    if (timeout_ms != 0 && on_shard_thread()) {
        return UN_ERR_WOULD_DEADLOCK;
    }
    {
        std::shared_lock lk(*g_mu);
        if (!g_ever_started || g_inherited != nullptr) {
            return g_inherited != nullptr ? UN_ERR_FORKED : UN_ERR_NOT_INITIALIZED;
        }
    }
    std::unique_lock lk(g_done.mu);
    auto ready = [] { return !g_done.queue.empty() || !g_done.running.load(); };
    if (timeout_ms < 0 || timeout_ms > (int64_t{1} << 40)) { // (beyond 34 years: forever, no overflow)
        g_done.cv->wait(lk, ready);
    } else if (timeout_ms > 0) {
        g_done.cv->wait_for(lk, std::chrono::milliseconds(timeout_ms), ready);
    }
    uint32_t n = 0;
    while (n < max && !g_done.queue.empty()) {
        out[n++] = g_done.queue.front();
        g_done.queue.pop_front();
    }
    if (g_done.queue.empty() && g_done.fd >= 0) {
        uint64_t v;
        [[maybe_unused]] ssize_t r = read(g_done.fd, &v, sizeof v); // no longer readable
    }
    return n;
}

int64_t handle_completion_fd() {
    std::lock_guard lk(g_done.mu);
    if (g_done.fd < 0) {
        g_done.fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (g_done.fd < 0) {
            return UN_ERR_NO_RESOURCES;
        }
        if (!g_done.queue.empty()) {
            signal_fd(g_done.fd);
        }
    }
    return g_done.fd;
}

int64_t handle_set_completion_callback(un_completion_fn callback, void *ctx) {
    auto next = callback != nullptr ? std::make_unique<Completions::Callback>(Completions::Callback{callback, ctx})
                                    : nullptr;
    std::unique_lock<std::mutex> one_change;
    if (!t_in_callback) {
        one_change = std::unique_lock(g_done.changing);
    }
    Completions::Callback *old = g_done.callback.exchange(next.release(), std::memory_order_seq_cst);
    std::vector<std::unique_ptr<Completions::Callback>> done;
    {
        std::lock_guard lk(g_done.retired_mu);
        if (old != nullptr) {
            g_done.retired.emplace_back(old);
        }
        if (!t_in_callback) {
            done.swap(g_done.retired);
        }
    }
    if (t_in_callback) {
        // From a callback: waiting for the others could wait for a callback that waits for
        // this one. The replaced pair is freed by the next change made outside a callback.
        return 0;
    }
    // Every call that may still use a replaced pair counted itself, in the current phase,
    // before reading it; calls that start after the flip count in the other slot and read
    // the new pair. Once the old phase's count is zero, no replaced pair is in use.
    const uint64_t old_phase = g_done.phase.fetch_add(1, std::memory_order_seq_cst);
    while (g_done.calling[old_phase & 1].load(std::memory_order_seq_cst) != 0) {
        std::this_thread::yield();
    }
    return 0;
}

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
    std::vector<Batched> items = std::move(t_batch.items);
    t_batch.items.clear();
    std::shared_lock lk(*g_mu);
    std::vector<std::vector<Request *>> per_shard(g_rt ? g_rt->shards.size() : 0);
    for (Batched &b : items) {
        if (g_rt == nullptr || b.epoch != g_rt->epoch) {
            b.req.release()->complete(UN_ERR_SHUT_DOWN); // its runtime is gone
        } else {
            Request *req = b.req.release();
            if (req->kind == gen::RequestKind::tcp_write) {
                if (FastSlot *f = fast_slot(*g_rt->shards[b.shard], req->handle)) {
                    count_in_line(*f, *req);
                }
            }
            per_shard[b.shard].push_back(req);
        }
    }
    for (size_t i = 0; i < per_shard.size(); ++i) {
        if (!per_shard[i].empty()) {
            g_rt->shards[i]->post_many(per_shard[i]); // one wake-up per shard at most
        }
    }
    return static_cast<int64_t>(items.size());
}

int64_t handle_runtime_configure_entries(int64_t entries) {
    if (entries < 1 || entries > 32768) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    g_entries.store(static_cast<unsigned>(entries));
    return 0;
}

int64_t handle_runtime_configure_shards(int64_t shards) {
    if (shards < 1 || shards > handle_runtime_num_cores() || shards > static_cast<int64_t>(handle::kMaxShards)) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    g_shards.store(static_cast<unsigned>(shards));
    return 0;
}

int64_t handle_runtime_configure_recv_buffers(uint32_t count, uint32_t size) {
    constexpr uint64_t kMaxRing = uint64_t{256} << 20;
    if (count == 0 || count > 32768 || (count & (count - 1)) != 0 || size < 1024 || size > (1u << 20) ||
        size % 1024 != 0 || uint64_t{count} * size > kMaxRing) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    g_recv_ring.store((uint64_t{count} << 32) | size);
    return 0;
}

int64_t handle_runtime_configure_backend(un_backend_t backend) {
    g_backend.store(backend); // the export has checked it is one of the enum's values
    return 0;
}

int64_t handle_runtime_configure_sqpoll(bool on) {
    g_sqpoll.store(on);
    return 0;
}

int64_t handle_runtime_num_cores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        const int n = CPU_COUNT(&set);
        if (n > 0) {
            return n;
        }
    }
    const long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

} // namespace gen
} // namespace uringnet
