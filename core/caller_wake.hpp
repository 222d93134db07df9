// How a blocking call waiting on its calling thread is ended by the shard (the rules are in
// fast_path.hpp). A caller waits in one of two ways:
//   inside recv   a blocking read sleeps in recv itself, as a plain blocking socket does
//                 (one system call per read; a deadline is the socket's SO_RCVTIMEO). Close
//                 and runtime shutdown end it with shutdown(fd, SHUT_RD), which no later recv
//                 misses;
//                 socket_cancel and a hand-over send the thread the wake signal, again every
//                 kRekickNs until the caller has left recv (a signal that arrives just before
//                 the recv is entered only runs the empty handler).
//   in ppoll      every other wait (writes, reads with a deadline over a day or with the
//                 rest of one a signal interrupted, a thread that blocks the signal, no signal
//                 configured, the epoll backend's non-blocking sockets):
//                 ppoll on the socket and the thread's own eventfd, which the shard writes.
#pragma once

#include <pthread.h>

#include <cstdint>
#include <mutex>
#include <vector>

#include "fast_path.hpp"

namespace uringnet {

/// One per calling thread that ever waited (thread_local): what a waker needs to end its wait.
struct CallerWaker {
    int fd = -1;            ///< wake-up eventfd for ppoll waits
    uint64_t epoch = 0;     ///< the wake-ups' epoch fd belongs to (a runtime shutdown closes them)
    pthread_t tid{};        ///< for the wake signal
    int signal_checked = 0; ///< the signal whose blocking in this thread's mask was checked
    bool signal_ok = false; ///< this thread does not block it
    bool in_recv = false;   ///< parked inside recv, not in ppoll (park lock)
    uint64_t park = 0;      ///< which park this is, unique in the process (park lock)
    CallerWaker() = default;
    CallerWaker(const CallerWaker &) = delete; // (a copy's destructor would close the fd)
    CallerWaker &operator=(const CallerWaker &) = delete;
    ~CallerWaker();
};

/// This thread's waker with its eventfd made, or null when none can be had. Called only while
/// the caller is counted in a live slot's users, so shutdown cannot close the fds meanwhile.
CallerWaker *thread_waker();
/// Whether this thread may wait inside recv: a wake signal is installed and not blocked here.
bool recv_wait_ok(CallerWaker &w);

/// Publishes w as the caller waiting in f's line (in recv or in ppoll), or takes it back.
void park(FastSlot &f, int line, CallerWaker &w, bool in_recv);
void unpark(FastSlot &f, int line);

/// A shard's waking of callers. Shard thread only.
class CallerWakes {
  public:
    static constexpr int64_t kRekickNs = 1000000;
    static constexpr int kMaxKicks = 10; ///< (1, 2, 4 ... 512 ms apart: about a second in all)
    /// Wakes every caller waiting on f (whose socket is fd) after the shard changed what they
    /// check; returns how many there were. A caller inside recv is woken for good (shutdown)
    /// when the key is no longer live (closed, or the runtime stops), else by the signal
    /// (socket_cancel, a hand-over).
    int wake(FastSlot &f, int fd);
    /// True while a signalled caller may still be inside recv: poll again within kRekickNs.
    bool pending() const { return !kicks_.empty(); }
    /// Signals again the callers still inside the same recv, kRekickNs after the first signal,
    /// then twice as long each time, kMaxKicks times at most (without kicks: nothing to do).
    void rekick();

  private:
    struct Kick {
        FastSlot *f;
        int line;
        uint64_t park;
        int64_t at;
        int tries;
    };
    std::vector<Kick> kicks_;
};

/// Closes the calling threads' wake-up eventfds (runtime shutdown, once no caller waits).
void close_caller_wakeups();
/// fork(): the forking thread holds the list of wake-up fds across the fork (so the child's
/// copy is whole). In the child the bookkeeping's locks may be held by threads it does not
/// have: it starts with its own, and closes its copies of the parent's wake-up fds at once,
/// while their numbers are still the library's (never later, when the child may reuse them).
void caller_wake_before_fork();
void caller_wake_after_fork_in_parent();
void caller_wake_after_fork();

/// The wake signal the next runtime_init uses: 0 (none: reads wait in ppoll) or a real-time
/// signal; INVALID_ARGUMENT otherwise.
int64_t configure_wake_signal(int64_t sig);
/// At runtime_init: installs the empty handler on the configured signal unless the host
/// handles that signal itself, and makes it the one in use (0 when none can be).
void wake_signal_setup();
/// The wake signal in use, or 0.
int wake_signal();

} // namespace uringnet
