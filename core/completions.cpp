// Asynchronous completions: the process-wide queue un_poll collects from, its eventfd, and
// the completion callback with the two-phase count that lets a change of it wait only for
// the calls that started before.
#include <sys/eventfd.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "runtime_state.hpp"
#include "shard.hpp"

namespace uringnet {

Completions g_done;
thread_local bool t_in_callback = false;

void signal_fd(int fd) {
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = write(fd, &one, sizeof one);
}


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

namespace gen {

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

} // namespace gen
} // namespace uringnet
