// Runtime lifetime: configuration, init and shutdown, fork, statistics, routing (the rules
// for g_mu and g_rt are in runtime_state.hpp).
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
#include "caller_wake.hpp"
#include "handle.hpp"
#include "resolver.hpp"
#include "runtime_state.hpp"

namespace uringnet {

std::shared_mutex *g_mu = new std::shared_mutex; // (heap: a forked child makes a fresh one)
Runtime *g_rt = nullptr;
Runtime *g_inherited = nullptr;
bool g_ever_started = false;

namespace {

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
std::atomic<int64_t> g_connect_delay_ms{250}; // RFC 8305 section 5's recommended value
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

} // namespace

int64_t not_running() {
    return g_inherited != nullptr ? UN_ERR_FORKED : g_ever_started ? UN_ERR_SHUT_DOWN : UN_ERR_NOT_INITIALIZED;
}

int64_t connect_delay_ms() { return g_connect_delay_ms.load(); }

void deliver_lookup(const LookupJob &job, int64_t result, const Address &address, AddressList all) {
    std::shared_lock lk(*g_mu);
    if (g_rt != nullptr && g_rt->epoch == job.epoch && job.shard < g_rt->shards.size()) {
        g_rt->shards[job.shard]->post_lookup_result(job.id, result, address, std::move(all));
    }
}

bool Runtime::claim_fd(int fd) {
    std::lock_guard lk(adopted_mu_);
    return adopted_.insert(fd).second;
}

void Runtime::release_fd(int fd) {
    std::lock_guard lk(adopted_mu_);
    adopted_.erase(fd);
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
    j["wake_signal"] = 0; // (none is ever sent: core/caller_wake.hpp)
    j["reads_wait_in_recv"] = first.sockets_block();
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

namespace {

// fork() while other threads of this process post requests or deliver completions: the
// forking thread holds the lifecycle lock and the completion queue's lock across the fork,
// so the child sees neither half-changed, and takes them over (it is their owner). The
// runtime lock and the completion condition variable may be held or waited on by the
// parent's other threads, which the child does not have: the child gets new ones (the old
// are left alone, never unlocked or destroyed). Then it forgets the parent's runtime.
void before_fork() {
    g_life_mu.lock();
    g_done.mu.lock();
    caller_wake_before_fork();
}

void after_fork_in_parent() {
    caller_wake_after_fork_in_parent();
    g_done.mu.unlock();
    g_life_mu.unlock();
}

void after_fork_in_child() {
    g_mu = new std::shared_mutex;
    caller_wake_after_fork();
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
} // namespace

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

int64_t handle_runtime_configure_connect_delay(int64_t delay_ms) {
    if (delay_ms < 1 || delay_ms > 60000) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    g_connect_delay_ms.store(delay_ms);
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

int64_t handle_runtime_configure_wake_signal(int64_t signal) { return configure_wake_signal(signal); }

int64_t handle_runtime_configure_interruptible(bool on) { return configure_interruptible(on); }

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
