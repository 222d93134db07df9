// Ending the waits of blocking calls on their calling threads (see caller_wake.hpp).
#include "caller_wake.hpp"

#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>

#include "shard.hpp"

namespace uringnet {
namespace {

// Each calling thread that ever waits has one eventfd; the fds are listed here so that
// runtime shutdown closes them (and a thread that exits closes its own): no fd outlives the
// runtime. Heap-allocated and replaced in a forked child, whose copies of the locks may be
// held by threads it does not have.
struct Wakeups {
    struct alignas(64) Stripe { // (one cache line each: threads on different slots do not share one)
        std::mutex mu;
    };
    std::array<Stripe, 64> park; ///< striped by slot address: guards FastSlot::parked and the parked wakers
    std::mutex mu;               ///< guards fds
    std::vector<int> fds;
    std::atomic<uint64_t> epoch{1}; ///< bumped when fds are closed: threads make new ones
};
std::atomic<Wakeups *> g_wakeups{new Wakeups};

std::mutex &park_lock(const FastSlot &f) {
    return g_wakeups.load(std::memory_order_acquire)->park[(reinterpret_cast<uintptr_t>(&f) / sizeof(FastSlot)) % 64].mu;
}

thread_local CallerWaker t_waker;

} // namespace

CallerWaker::~CallerWaker() {
    Wakeups &w = *g_wakeups.load(std::memory_order_acquire);
    std::lock_guard lk(w.mu);
    if (fd >= 0 && epoch == w.epoch.load(std::memory_order_relaxed)) {
        w.fds.erase(std::find(w.fds.begin(), w.fds.end(), fd));
        close(fd);
    }
}

CallerWaker *thread_waker() {
    Wakeups &w = *g_wakeups.load(std::memory_order_acquire);
    const uint64_t epoch = w.epoch.load(std::memory_order_acquire);
    if (t_waker.fd >= 0 && t_waker.epoch == epoch) {
        return &t_waker;
    }
    const int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd < 0) {
        return nullptr;
    }
    std::lock_guard lk(w.mu);
    w.fds.push_back(fd);
    t_waker.fd = fd;
    t_waker.epoch = epoch;
    return &t_waker;
}

void park(FastSlot &f, int line, CallerWaker &w, bool in_recv) {
    std::lock_guard lk(park_lock(f));
    w.in_recv = in_recv;
    f.parked[line] = &w;
}

void unpark(FastSlot &f, int line) {
    std::lock_guard lk(park_lock(f));
    f.parked[line] = nullptr;
}

int wake_callers(FastSlot &f, int fd) {
    const bool ended = (f.key.load(std::memory_order_seq_cst) & FastSlot::kLive) == 0;
    std::lock_guard lk(park_lock(f));
    int n = 0;
    for (CallerWaker *w : f.parked) {
        if (w == nullptr) {
            continue;
        }
        ++n;
        if (!w->in_recv) {
            eventfd_write(w->fd, 1);
        } else if (ended) {
            shutdown(fd, SHUT_RD); // this recv and every later one return at once
        } // else: it looks at what changed when its slice ends (kRecvSliceMs)
    }
    return n;
}

void close_caller_wakeups() {
    Wakeups &w = *g_wakeups.load(std::memory_order_acquire);
    std::lock_guard lk(w.mu);
    w.epoch.fetch_add(1, std::memory_order_release);
    for (const int fd : w.fds) {
        close(fd);
    }
    w.fds.clear();
}

void caller_wake_before_fork() { g_wakeups.load(std::memory_order_acquire)->mu.lock(); }

void caller_wake_after_fork_in_parent() { g_wakeups.load(std::memory_order_acquire)->mu.unlock(); }

void caller_wake_after_fork() {
    Wakeups *old = g_wakeups.load(std::memory_order_relaxed);
    auto *fresh = new Wakeups; // (the old one's park locks may be held by threads the child lacks)
    // The child's copies of the parent's wake-up fds are closed now, while their numbers are
    // still the library's: later the child may have reused them for fds of its own.
    for (const int fd : old->fds) {
        close(fd);
    }
    fresh->epoch.store(old->epoch.load() + 1);
    g_wakeups.store(fresh, std::memory_order_release);
    old->mu.unlock(); // (this thread took it in caller_wake_before_fork; the old one is never used again)
}

namespace {
std::atomic<bool> g_interruptible{false};
} // namespace

int64_t configure_interruptible(bool on) {
    g_interruptible.store(on, std::memory_order_relaxed);
    return 0;
}

bool interruptible() { return g_interruptible.load(std::memory_order_relaxed); }

int64_t configure_wake_signal(int64_t sig) {
    if (sig != 0 && (sig < SIGRTMIN || sig > SIGRTMAX)) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    return 0; // (no signal is ever sent: see caller_wake.hpp)
}

} // namespace uringnet
