// Blocking reads that wait inside recv (io_uring) and the signals of their hosts: the library
// sends no signal (runtime_configure_wake_signal is kept for compatibility and has no effect);
// socket_cancel and later calls from other threads reach a read inside recv when its slice
// ends, close and shutdown at once. A host that handles any signal at any time, a thread that
// blocks them, and many cancels and closes racing reads that are just entering recv.
#include <pthread.h>
#include <sys/socket.h>

#include <atomic>
#include <csignal>
#include <string>
#include <thread>

#include "helpers.hpp"

namespace {

const int kDefaultSignal = SIGRTMAX - 5;

bool handled_by_default(int sig) {
    struct sigaction cur {};
    REQUIRE(sigaction(sig, nullptr, &cur) == 0);
    return (cur.sa_flags & SA_SIGINFO) == 0 && cur.sa_handler == SIG_DFL;
}

std::atomic<int> g_host_signals{0};
void host_handler(int) { g_host_signals.fetch_add(1); }

// A blocking read without a deadline on another thread (sigmask: signals it blocks),
// cancelled once it waits: its result.
int64_t cancelled_read(int64_t stream, bool block_default_signal) {
    std::atomic<int64_t> result{1};
    std::thread t([&] {
        if (block_default_signal) {
            sigset_t set;
            sigemptyset(&set);
            sigaddset(&set, kDefaultSignal);
            pthread_sigmask(SIG_BLOCK, &set, nullptr);
        }
        char b[8];
        result = un_tcp_read(stream, b, sizeof b, -1);
    });
    const bool waited = test::wait_for_stat("in_flight", 1);
    const int64_t counted = un_socket_cancel(stream);
    const bool ended = test::eventually([&] { return result.load() != 1; });
    if (!ended) {
        un_tcp_close(stream); // (ends it for good, so that the thread can be joined)
    }
    t.join();
    CHECK(waited);
    CHECK(counted == 1);
    CHECK(ended);
    return result.load();
}

} // namespace

TEST_CASE("runtime_configure_wake_signal takes 0 or a real-time signal", "[blocking][wake_signal]") {
    CHECK(un_runtime_configure_wake_signal(SIGUSR1) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_wake_signal(-1) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_wake_signal(SIGRTMAX + 1) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_wake_signal(SIGRTMIN) == 0);
    CHECK(un_runtime_configure_wake_signal(0) == 0);
    CHECK(un_runtime_configure_wake_signal(kDefaultSignal) == 0);
}

TEST_CASE("runtime_init installs no signal handler: the library sends no signal", "[blocking][wake_signal]") {
    for (const int sig : {kDefaultSignal, 0, SIGRTMAX - 7}) {
        CAPTURE(sig);
        REQUIRE(un_runtime_configure_wake_signal(sig) == 0);
        test::Runtime rt;
        CHECK(handled_by_default(kDefaultSignal));
        CHECK(handled_by_default(SIGRTMAX - 7));
        CHECK(test::stats()["wake_signal"] == 0);
        CHECK(test::stats()["reads_wait_in_recv"] == (test::stats()["backend"] == "io_uring"));
        test::Pair p;
        CHECK(cancelled_read(p.server, false) == UN_ERR_CANCELED);
    }
    REQUIRE(un_runtime_configure_wake_signal(kDefaultSignal) == 0);
}

TEST_CASE("a host that handles the old wake signal, from before or after runtime_init, loses nothing (item 7)",
          "[blocking][wake_signal]") {
    const bool before_init = GENERATE(true, false);
    CAPTURE(before_init);
    g_host_signals = 0;
    struct sigaction sa {};
    sa.sa_handler = host_handler;
    sigemptyset(&sa.sa_mask);
    if (before_init) {
        REQUIRE(sigaction(kDefaultSignal, &sa, nullptr) == 0);
    }
    {
        test::Runtime rt;
        test::Pair p;
        if (!before_init) {
            REQUIRE(sigaction(kDefaultSignal, &sa, nullptr) == 0); // (as Python's signal.signal would)
        }
        std::atomic<int64_t> result{1};
        char b[4];
        std::thread t([&] { result = un_tcp_read(p.server, b, sizeof b, -1); });
        REQUIRE(test::wait_for_stat("in_flight", 1));
        std::this_thread::sleep_for(std::chrono::milliseconds(30)); // (inside recv, or past its slice)
        // A submitted read with a timeout waits behind the blocking one, and times out.
        char later[4];
        REQUIRE(un_tcp_read_submit(p.server, later, sizeof later, 200, 1) > 0);
        const auto cs = test::collect(1);
        REQUIRE(cs.size() == 1);
        CHECK(cs[0].result == UN_ERR_TIMED_OUT);
        CHECK(un_socket_cancel(p.server) == 1);
        const bool ended = test::eventually([&] { return result.load() != 1; });
        if (!ended) {
            un_tcp_close(p.server);
        }
        t.join();
        CHECK(ended);
        CHECK(result.load() == UN_ERR_CANCELED);
        CHECK(g_host_signals.load() == 0); // the library sent it nothing
    }
    sa.sa_handler = SIG_DFL;
    REQUIRE(sigaction(kDefaultSignal, &sa, nullptr) == 0);
}

TEST_CASE("a thread that blocks the old wake signal still has its blocking reads cancelled", "[blocking][wake_signal]") {
    test::Runtime rt;
    test::Pair p;
    CHECK(cancelled_read(p.server, true) == UN_ERR_CANCELED);
    // and the stream goes on
    REQUIRE(un_tcp_write(p.client, "next", 4, test::kWait) == 4);
    CHECK(test::read_exact(p.server, 4) == "next");
}

TEST_CASE("cancels, closes and later calls racing blocking reads on their way into recv: every read ends",
          "[blocking][wake_signal][stress]") {
    test::Runtime rt;
    constexpr int kRounds = 150;
    for (int round = 0; round < kRounds; ++round) {
        INFO("round " << round);
        test::Pair p;
        std::atomic<int64_t> result{1};
        char b[4];
        std::thread reader([&] { result = un_tcp_read(p.server, b, sizeof b, -1); });
        // The read is counted in flight just before it checks for a cancel and enters recv:
        // what follows lands at any point of that way (a few microseconds, varied).
        REQUIRE(test::wait_for_stat("in_flight", 1));
        for (int spin = 0; spin < round % 10 * 200; ++spin) {
            asm volatile("" ::: "memory");
        }
        char later[4];
        if (round % 3 == 0) {
            CHECK(un_socket_cancel(p.server) == 1);
        } else if (round % 3 == 1) {
            REQUIRE(un_tcp_close(p.server) == 0);
        } else { // a submitted read behind it: the waiting read hands over, then gets the first bytes
            REQUIRE(un_tcp_read_submit(p.server, later, sizeof later, test::kWait, 1) > 0);
            REQUIRE(un_tcp_write(p.client, "abcdefgh", 8, test::kWait) == 8);
        }
        const bool ended = test::eventually([&] { return result.load() != 1; });
        if (!ended) {
            REQUIRE(un_tcp_write(p.client, "lost", 4, test::kWait) == 4); // a wake-up was lost: free the thread
        }
        reader.join();
        CHECK(ended);
        const int64_t r = result.load();
        if (round % 3 == 2) {
            CHECK(r == 4);
            CHECK(std::string(b, 4) == "abcd");
            const auto cs = test::collect(1);
            REQUIRE(cs.size() == 1);
            CHECK(cs[0].result == 4);
            CHECK(std::string(later, 4) == "efgh");
        } else {
            CHECK(r == UN_ERR_CANCELED);
        }
        un_tcp_close(p.client);
        if (round % 3 != 1) {
            un_tcp_close(p.server);
        }
        un_tcp_listener_close(p.l.handle);
    }
}
