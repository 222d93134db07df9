// How a blocking call waiting on its calling thread is ended by the shard (the rules are in
// fast_path.hpp). A caller waits in one of two ways:
//   inside recv   a blocking read sleeps in recv itself, as a plain blocking socket does (one
//                 system call per read), for at most kRecvSliceMs: the socket's SO_RCVTIMEO is
//                 the slice, or the read's deadline when that is nearer. Close and runtime
//                 shutdown end it at once with shutdown(fd, SHUT_RD), which no later recv
//                 misses; socket_cancel and a hand-over are seen when the slice ends (the read
//                 looks at them before every recv). A read whose data has not come within the
//                 slice goes on waiting in ppoll.
//   in ppoll      every other wait (writes, reads after their slice, reads a host signal
//                 interrupted, the epoll backend's non-blocking sockets): ppoll on the socket
//                 and the thread's own eventfd, which the shard writes.
// The library sends no signal to any thread: a signal could land while a host's own handler
// runs on top of the recv (and interrupt the host's system calls there), the host may take
// any signal over or block it in a thread at any time, and the shard could see none of it.
// A host's signal that interrupts a wait is the host's: the wait goes on in ppoll (or, where
// the host asked, the call returns INTERRUPTED: runtime_configure_interruptible).
#pragma once

#include <cstdint>
#include <mutex>
#include <vector>

#include "fast_path.hpp"

namespace uringnet {

/// One per calling thread that ever waited (thread_local): what a waker needs to end its wait.
struct CallerWaker {
    int fd = -1;          ///< wake-up eventfd for ppoll waits
    uint64_t epoch = 0;   ///< the wake-ups' epoch fd belongs to (a runtime shutdown closes them)
    bool in_recv = false; ///< parked inside recv, not in ppoll (park lock)
    CallerWaker() = default;
    CallerWaker(const CallerWaker &) = delete; // (a copy's destructor would close the fd)
    CallerWaker &operator=(const CallerWaker &) = delete;
    ~CallerWaker();
};

/// The longest a read waits inside recv before it goes on in ppoll: how long a socket_cancel
/// or hand-over may take to reach a read that has just entered recv.
constexpr uint32_t kRecvSliceMs = 300;

/// This thread's waker with its eventfd made, or null when none can be had. Called only while
/// the caller is counted in a live slot's users, so shutdown cannot close the fds meanwhile.
CallerWaker *thread_waker();

/// Publishes w as the caller waiting in f's line (in recv or in ppoll), or takes it back.
void park(FastSlot &f, int line, CallerWaker &w, bool in_recv);
void unpark(FastSlot &f, int line);

/// Wakes every caller waiting on f (whose socket is fd) after the shard changed what they
/// check; returns how many there were. In ppoll: the eventfd. Inside recv: shutdown(SHUT_RD)
/// when the key is no longer live (closed, or the runtime stops); otherwise (socket_cancel, a
/// hand-over) the read sees the change when its slice ends. Shard thread only.
int wake_callers(FastSlot &f, int fd);

/// Closes the calling threads' wake-up eventfds (runtime shutdown, once no caller waits).
void close_caller_wakeups();
/// fork(): the forking thread holds the list of wake-up fds across the fork (so the child's
/// copy is whole). In the child the bookkeeping's locks may be held by threads it does not
/// have: it starts with its own, and closes its copies of the parent's wake-up fds at once,
/// while their numbers are still the library's (never later, when the child may reuse them).
void caller_wake_before_fork();
void caller_wake_after_fork_in_parent();
void caller_wake_after_fork();

/// runtime_configure_interruptible: whether a blocking call that a host's signal interrupts
/// returns INTERRUPTED (nothing read; a write returns what it sent, or INTERRUPTED when it
/// sent nothing) instead of waiting on. Process-wide; off until a host turns it on.
int64_t configure_interruptible(bool on);
bool interruptible();

/// runtime_configure_wake_signal: kept for the ABI; the library sends no signal (see above),
/// so a valid value (0 or a real-time signal) is accepted and has no effect.
int64_t configure_wake_signal(int64_t sig);

} // namespace uringnet
