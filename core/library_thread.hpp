// Threads the library starts (shards, resolver threads, lingering closes) block every signal
// they can: a signal sent to the process is the host's and goes to one of the host's own
// threads (CPython, for one, runs its handlers only on its main thread, and a Ctrl-C that
// landed on a runtime thread would never interrupt the host's blocking call).
#pragma once

#include <pthread.h>
#include <signal.h>

#include <thread>
#include <utility>

namespace uringnet {

/// Starts fn on a new std::thread named name (at most 15 characters: "un-shard-0", as ps and
/// debuggers show it) whose signal mask blocks every signal but a fault's (the mask is
/// inherited from the starting thread, whose own mask is restored at once). Throws what
/// std::thread throws.
template <typename Fn> std::thread library_thread(const char *name, Fn &&fn) {
    sigset_t all, old;
    sigfillset(&all);
    for (const int sync : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT}) {
        sigdelset(&all, sync); // (a fault's own signal stays deliverable)
    }
    pthread_sigmask(SIG_SETMASK, &all, &old);
    struct Restore {
        sigset_t *old;
        ~Restore() { pthread_sigmask(SIG_SETMASK, old, nullptr); }
    } restore{&old};
    return std::thread([name, fn = std::forward<Fn>(fn)]() mutable {
        pthread_setname_np(pthread_self(), name);
        fn();
    });
}

} // namespace uringnet
