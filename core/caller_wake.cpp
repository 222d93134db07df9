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

// ---- the wake signal ----

// -1: the default, default_signal(); 0: none; else a real-time signal.
std::atomic<int> g_configured{-1};
std::atomic<int> g_active{0};
std::mutex g_setup_mu;

int default_signal() { return SIGRTMAX - 5; }

// Does nothing: its only work is that the recv it interrupts returns EINTR. Installed
// without SA_RESTART, and sent only to a thread parked inside recv (under the park lock,
// which the thread takes again before it goes back to the host's code): it is always
// delivered before the thread runs anything but the library's code.
void on_wake_signal(int) {}

// Whether sig still has the library's handler: a host that took the signal over after
// runtime_init is never sent one (its wait then ends when data comes, or on close).
bool still_ours(int sig) {
    struct sigaction cur {};
    return sigaction(sig, nullptr, &cur) == 0 && (cur.sa_flags & SA_SIGINFO) == 0 && cur.sa_handler == on_wake_signal;
}

// Sends the wake signal to a caller parked inside recv (park lock held); false when it may not.
bool kick(const CallerWaker &w) { return still_ours(w.signal_checked) && pthread_kill(w.tid, w.signal_checked) == 0; }

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
    t_waker.tid = pthread_self();
    return &t_waker;
}

bool recv_wait_ok(CallerWaker &w) {
    const int sig = g_active.load(std::memory_order_acquire);
    if (sig == 0) {
        return false;
    }
    if (w.signal_checked != sig) { // once per thread and signal: a system call
        sigset_t mask;
        w.signal_ok = pthread_sigmask(SIG_BLOCK, nullptr, &mask) == 0 && sigismember(&mask, sig) == 0;
        w.signal_checked = sig;
    }
    return w.signal_ok;
}

void park(FastSlot &f, int line, CallerWaker &w, bool in_recv) {
    std::lock_guard lk(park_lock(f));
    w.in_recv = in_recv;
    ++w.park;
    f.parked[line] = &w;
}

void unpark(FastSlot &f, int line) {
    std::lock_guard lk(park_lock(f));
    f.parked[line] = nullptr;
}

int CallerWakes::wake(FastSlot &f, int fd) {
    const bool ended = (f.key.load(std::memory_order_seq_cst) & FastSlot::kLive) == 0;
    std::lock_guard lk(park_lock(f));
    int n = 0;
    for (int line = 0; line < 2; ++line) {
        CallerWaker *w = f.parked[line];
        if (w == nullptr) {
            continue;
        }
        ++n;
        if (!w->in_recv) {
            eventfd_write(w->fd, 1);
        } else if (ended) {
            shutdown(fd, SHUT_RD); // this recv and every later one return at once
        } else if (kick(*w)) {
            kicks_.push_back({&f, line, w->park, now_ns(), 0});
        }
    }
    return n;
}

void CallerWakes::rekick() {
    if (kicks_.empty()) {
        return; // (the common case: no clock read)
    }
    const int64_t now = now_ns();
    for (size_t i = 0; i < kicks_.size();) {
        Kick &k = kicks_[i];
        if (now - k.at < (kRekickNs << k.tries)) {
            ++i;
            continue;
        }
        bool again = false;
        {
            std::lock_guard lk(park_lock(*k.f));
            CallerWaker *w = k.f->parked[k.line];
            if (w != nullptr && w->park == k.park && w->in_recv) { // still in the same recv
                again = kick(*w) && ++k.tries < kMaxKicks;
            }
        }
        if (again) {
            k.at = now;
            ++i;
        } else {
            kicks_[i] = kicks_.back();
            kicks_.pop_back();
        }
    }
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
    auto *fresh = new Wakeups; // (the old one is left alone: its locks may be held)
    // The child's copies of the parent's wake-up fds are closed now, while their numbers are
    // still the library's: later the child may have reused them for fds of its own.
    for (const int fd : old->fds) {
        close(fd);
    }
    fresh->epoch.store(old->epoch.load() + 1);
    g_wakeups.store(fresh, std::memory_order_release);
}

int64_t configure_wake_signal(int64_t sig) {
    if (sig != 0 && (sig < SIGRTMIN || sig > SIGRTMAX)) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    g_configured.store(static_cast<int>(sig));
    return 0;
}

void wake_signal_setup() {
    std::lock_guard lk(g_setup_mu);
    const int configured = g_configured.load();
    const int sig = configured < 0 ? default_signal() : configured;
    int active = 0;
    struct sigaction cur {};
    if (sig != 0 && sigaction(sig, nullptr, &cur) == 0) {
        const bool ours = still_ours(sig);
        if (!ours && (cur.sa_flags & SA_SIGINFO) == 0 && cur.sa_handler == SIG_DFL) {
            struct sigaction sa {};
            sa.sa_handler = on_wake_signal;
            sigemptyset(&sa.sa_mask);
            sa.sa_flags = 0; // no SA_RESTART: the recv it interrupts returns EINTR
            active = sigaction(sig, &sa, nullptr) == 0 ? sig : 0;
        } else if (ours) {
            active = sig; // (installed by an earlier runtime; never taken back: a late signal must not kill)
        } // else the host handles it: its threads wait in ppoll
    }
    g_active.store(active, std::memory_order_release);
}

int wake_signal() { return g_active.load(std::memory_order_acquire); }

} // namespace uringnet
