// Runtime lifetime and the calling-thread side of every request.
//
// g_mu guards g_rt: callers hold it shared while they validate and post a request (not
// while they wait); init and shutdown hold it exclusively to swap the runtime in or out.
// Shutdown takes the runtime out first, so no request is posted to a stopping shard after
// its final drain; requests posted before are completed with SHUT_DOWN.
#include "runtime.hpp"

#include <sched.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <shared_mutex>

#include "call.hpp"
#include "handle.hpp"

namespace uringnet {
namespace {

std::shared_mutex g_mu;
Runtime *g_rt = nullptr; // guarded by g_mu
bool g_ever_started = false;
uint32_t g_epoch = 0;
std::atomic<unsigned> g_entries{256};
std::atomic<int32_t> g_backend{UN_BACKEND_AUTO};
std::atomic<bool> g_sqpoll{false};

// The backend configuration for the next init: the API's choice, else URINGNET_BACKEND.
int64_t backend_config(BackendConfig &c) {
    c.entries = g_entries.load();
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

int64_t not_running() { return g_ever_started ? UN_ERR_SHUT_DOWN : UN_ERR_NOT_INITIALIZED; }

} // namespace

std::string Runtime::stats_json() const {
    nlohmann::ordered_json j;
    const Shard &first = *shards.front();
    j["backend"] = first.backend_kind() == BackendKind::epoll ? "epoll" : "io_uring";
    j["backend_reason"] = first.backend_reason();
    j["epoch"] = epoch;
    j["entries"] = entries;
    nlohmann::ordered_json total = nlohmann::ordered_json::object();
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto &s : shards) {
        auto one = nlohmann::ordered_json::parse(s->stats_json());
        for (auto it = one.begin(); it != one.end(); ++it) {
            if (it.key() != "shard") {
                total[it.key()] = total.value(it.key(), uint64_t{0}) + it.value().get<uint64_t>();
            }
        }
        list.push_back(std::move(one));
    }
    j["shards"] = std::move(list);
    j["total"] = std::move(total);
    return j.dump();
}

int64_t call(Request &req, int64_t h, uint32_t kind_mask) {
    if (on_shard_thread()) {
        return UN_ERR_WOULD_DEADLOCK;
    }
    std::shared_lock lk(g_mu);
    if (g_rt == nullptr) {
        return not_running();
    }
    Shard *shard = g_rt->shards.front().get();
    if (kind_mask != 0) {
        if (!handle::well_formed(h)) {
            return UN_ERR_BAD_HANDLE;
        }
        const handle::Parts p = handle::decode(h);
        if ((kind_mask & kind_bit(p.kind)) == 0) {
            return p.kind == 0 ? UN_ERR_BAD_HANDLE : UN_ERR_WRONG_KIND;
        }
        if (p.epoch != g_rt->epoch) {
            return p.epoch > g_epoch ? UN_ERR_BAD_HANDLE : UN_ERR_WRONG_RUNTIME;
        }
        if (p.shard >= g_rt->shards.size()) {
            return UN_ERR_BAD_HANDLE;
        }
        shard = g_rt->shards[p.shard].get();
    }
    req.handle = h;
    shard->post(&req);
    lk.unlock();
    req.done.acquire();
    return req.result;
}

namespace gen {

int64_t handle_runtime_init() {
    if (on_shard_thread()) {
        return UN_ERR_WOULD_DEADLOCK;
    }
    std::unique_lock lk(g_mu);
    if (g_rt != nullptr) {
        return UN_ERR_ALREADY_INITIALIZED;
    }
    BackendConfig config;
    if (int64_t err = backend_config(config)) {
        return err;
    }
    const uint32_t epoch = g_epoch % handle::kMaxEpoch + 1;
    auto rt = std::make_unique<Runtime>();
    rt->epoch = epoch;
    rt->entries = config.entries;
    rt->shards.push_back(std::make_unique<Shard>(*rt, 0, epoch, config));
    if (int64_t err = rt->shards.front()->start()) {
        return err;
    }
    g_epoch = epoch;
    g_rt = rt.release();
    g_ever_started = true;
    return 0;
}

int64_t handle_runtime_shutdown() {
    if (on_shard_thread()) {
        return UN_ERR_WOULD_DEADLOCK;
    }
    std::unique_ptr<Runtime> rt;
    {
        std::unique_lock lk(g_mu);
        if (g_rt == nullptr) {
            return not_running();
        }
        rt.reset(g_rt);
        g_rt = nullptr;
    }
    for (auto &s : rt->shards) {
        s->stop();
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
