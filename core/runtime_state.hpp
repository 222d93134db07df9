// The process-wide state the runtime's files share: core/runtime.cpp (lifetime),
// core/completions.cpp (asynchronous completions) and core/call.cpp (the calling-thread side
// of every request). Internal: not part of any API.
//
// g_mu guards g_rt: callers hold it shared while they validate and post a request (not
// while they wait); init and shutdown hold it exclusively to swap the runtime in or out.
// Shutdown takes the runtime out first, so no request is posted to a stopping shard after
// its final drain; requests posted before are completed with SHUT_DOWN.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <vector>

#include "runtime.hpp"
#include "uringnet/uringnet.h"

namespace uringnet {

extern std::shared_mutex *g_mu; ///< heap-allocated: a forked child makes a fresh one
extern Runtime *g_rt;           ///< the running runtime, or null (g_mu)
/// In a child made by fork() while a runtime ran: the parent's runtime, whose threads do not
/// exist here. Never used or freed (its memory and fds are the child's copies): every call
/// answers FORKED until runtime_init starts the child's own runtime (or shutdown lets go).
extern Runtime *g_inherited;    ///< (g_mu)
extern bool g_ever_started;     ///< (g_mu)

/// Why no runtime answers: FORKED, SHUT_DOWN or NOT_INITIALIZED (g_mu held, g_rt null).
int64_t not_running();
/// Picks the shard for a request; g_mu is held (shared) and g_rt is set. 0, or why not.
int64_t route(int64_t h, uint32_t kind_mask, Shard *&shard);

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
extern Completions g_done;

/// True while this thread runs the completion callback.
extern thread_local bool t_in_callback;
/// Makes an eventfd readable.
void signal_fd(int fd);

} // namespace uringnet
