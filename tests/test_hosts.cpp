// The blocking path inside its hosts (issue: the blocking path lives peacefully inside its
// hosts): stale handles, batches, host signals with their own handlers, writes queued behind
// writes, shutdown after writes, fork, a calling thread paused inside the library, and the
// statistics of calls made on the calling thread. One test case (or section) per numbered
// item of the issue; all on both backends (CI runs the suite again with epoll forced).
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "helpers.hpp"

using test::WaitingRead;

namespace {

// A host's own handler (SA_RESTART, like most runtimes install theirs) that counts its runs,
// and optionally sleeps inside the handler as a stop-the-world pause would.
std::atomic<int> g_host_signals{0};
std::atomic<bool> g_in_host_handler{false};
std::atomic<int> g_pause_ms{0};
std::atomic<int> g_pause_eintr{0}; ///< how often the handler's own sleep was interrupted

void host_handler(int) {
    g_in_host_handler.store(true);
    g_host_signals.fetch_add(1);
    const int ms = g_pause_ms.load();
    if (ms > 0) {
        timespec left{ms / 1000, (ms % 1000) * 1000000L};
        while (nanosleep(&left, &left) != 0 && errno == EINTR) {
            g_pause_eintr.fetch_add(1);
        }
    }
    g_in_host_handler.store(false);
}

struct HostHandler {
    int sig;
    struct sigaction old {};
    explicit HostHandler(int s, int pause_ms = 0) : sig(s) {
        g_host_signals = 0;
        g_pause_ms = pause_ms;
        g_pause_eintr = 0;
        struct sigaction sa {};
        sa.sa_handler = host_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        REQUIRE(sigaction(sig, &sa, &old) == 0);
    }
    ~HostHandler() { sigaction(sig, &old, nullptr); }
};

std::vector<un_completion_t> completions(size_t n) { return test::collect(n); }

// Everything a stream reads up to the end of the stream (which must come).
std::string read_to_end(int64_t stream) {
    std::string got;
    std::vector<char> buf(1 << 16);
    while (true) {
        const int64_t n = un_tcp_read(stream, buf.data(), static_cast<uint32_t>(buf.size()), test::kWait);
        REQUIRE(n >= 0);
        if (n == 0) {
            return got;
        }
        got.append(buf.data(), static_cast<size_t>(n));
    }
}

} // namespace

TEST_CASE("a stale handle's calls never hold up the stream that took its slot (item 1)", "[hosts]") {
    test::Runtime rt;
    test::Listener l;
    // Every slot is in use, so the next stream takes the slot the closed one leaves.
    int64_t old_client = un_tcp_connect(l.addr.c_str(), test::kWait);
    REQUIRE(old_client > 0);
    int64_t old_server = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(old_server > 0);
    REQUIRE(un_tcp_close(old_server) == 0);
    REQUIRE(un_tcp_close(old_client) == 0);
    const int64_t client = un_tcp_connect(l.addr.c_str(), test::kWait);
    REQUIRE(client > 0);
    const int64_t server = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(server > 0);
    std::atomic<bool> stop{false};
    std::atomic<int> stale_calls{0}, wrong{0};
    std::vector<std::thread> stale;
    for (int64_t h : {old_client, old_server}) {
        stale.emplace_back([&, h] {
            char b[8] = "x";
            while (!stop.load()) {
                if (un_tcp_write(h, b, 1, 100) != UN_ERR_CLOSED || un_tcp_read(h, b, 1, 100) != UN_ERR_CLOSED) {
                    wrong.fetch_add(1);
                }
                stale_calls.fetch_add(1);
            }
        });
    }
    int done = 0;
    for (int i = 0; i < 3000; ++i) {
        char b[4];
        if (un_tcp_write(client, "ping", 4, 5000) != 4 || un_tcp_read(server, b, 4, 5000) != 4 ||
            un_tcp_write(server, "pong", 4, 5000) != 4 || un_tcp_read(client, b, 4, 5000) != 4) {
            break;
        }
        ++done;
    }
    stop = true;
    for (auto &t : stale) {
        t.join();
    }
    CHECK(done == 3000);
    CHECK(wrong == 0);
    CHECK(stale_calls > 0);
}

TEST_CASE("a batch left open at runtime shutdown is discarded safely (item 2)", "[hosts]") {
    SECTION("its submits complete with SHUT_DOWN") {
        REQUIRE(un_runtime_init() == 0);
        test::Pair p;
        char buf[8];
        REQUIRE(un_batch_begin() == 0);
        const int64_t id = un_tcp_read_submit(p.server, buf, sizeof buf, -1, 7);
        REQUIRE(id > 0);
        REQUIRE(un_runtime_shutdown() == 0);
        CHECK(un_batch_end() == 1);
        un_completion_t c[4];
        REQUIRE(un_poll(c, 4, 0) == 1);
        CHECK(c[0].op_id == id);
        CHECK(c[0].user_data == 7);
        CHECK(c[0].result == UN_ERR_SHUT_DOWN);
    }
    SECTION("a new runtime started before batch_end keeps its calling-thread path") {
        REQUIRE(un_runtime_init() == 0);
        char buf[8];
        {
            test::Pair p;
            REQUIRE(un_batch_begin() == 0);
            REQUIRE(un_tcp_read_submit(p.server, buf, sizeof buf, -1, 7) > 0);
        }
        REQUIRE(un_runtime_shutdown() == 0);
        test::Runtime again;
        CHECK(un_batch_end() == 1);
        auto c = completions(1);
        REQUIRE(c.size() == 1);
        CHECK(c[0].result == UN_ERR_SHUT_DOWN);
        test::Pair p;
        const uint64_t before = test::total_stats()["fast_reads"];
        for (int i = 0; i < 20; ++i) {
            REQUIRE(un_tcp_write(p.client, "abcd", 4, test::kWait) == 4);
            REQUIRE(un_tcp_read(p.server, buf, 4, test::kWait) == 4);
        }
        CHECK(test::total_stats()["fast_reads"].get<uint64_t>() - before == 20);
    }
}

TEST_CASE("a batch left open when its thread exits is discarded: its submits complete with SHUT_DOWN", "[hosts]") {
    test::Runtime rt;
    test::Pair p;
    static char buf[8];
    int64_t begun = 1, id = 0;
    std::thread([&] {
        begun = un_batch_begin();
        id = un_tcp_read_submit(p.server, buf, sizeof buf, -1, 9);
    }).join();
    REQUIRE(begun == 0);
    REQUIRE(id > 0);
    auto c = completions(1);
    REQUIRE(c.size() == 1);
    CHECK(c[0].op_id == id);
    CHECK(c[0].result == UN_ERR_SHUT_DOWN);
    // The stream's read line is free again: a blocking read runs on the calling thread.
    const uint64_t before = test::total_stats()["fast_reads"];
    REQUIRE(un_tcp_write(p.client, "abcd", 4, test::kWait) == 4);
    CHECK(un_tcp_read(p.server, buf, 4, test::kWait) == 4);
    CHECK(test::total_stats()["fast_reads"].get<uint64_t>() - before == 1);
}

TEST_CASE("after a host signal, close and shutdown still end a waiting read with their codes (item 3)", "[hosts]") {
    const int64_t timeout = GENERATE(int64_t{-1}, test::kWait);
    CAPTURE(timeout);
    HostHandler host(SIGUSR1);
    const bool by_shutdown = GENERATE(false, true);
    CAPTURE(by_shutdown);
    REQUIRE(un_runtime_init() == 0);
    {
        test::Pair p;
        WaitingRead r(p.server, 4, timeout);
        for (int i = 0; i < 3; ++i) {
            pthread_kill(r.t.native_handle(), SIGUSR1);
            REQUIRE(test::eventually([&] { return g_host_signals.load() > i; }));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        CHECK(r.result.load() == 1); // the host's signal did not end it
        if (by_shutdown) {
            REQUIRE(un_runtime_shutdown() == 0);
            CHECK(r.join() == UN_ERR_SHUT_DOWN);
        } else {
            REQUIRE(un_tcp_close(p.server) == 0);
            CHECK(r.join() == UN_ERR_CANCELED);
        }
    }
    un_runtime_shutdown();
}

TEST_CASE("a call queued behind another one on its stream still times out and is cancelled (item 4)", "[hosts]") {
    test::Runtime rt;
    test::Pair p;
    SECTION("writes") {
        // The peer reads nothing: the first write waits for room for good.
        std::string big(64 << 20, 'w');
        std::atomic<int64_t> first{1};
        std::thread t([&] { first = un_tcp_write(p.client, big.data(), static_cast<uint32_t>(big.size()), -1); });
        REQUIRE(test::eventually([&] { return test::total_stats()["in_flight"] >= 1; }));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        CHECK(un_tcp_write(p.client, "late", 4, 200) == UN_ERR_TIMED_OUT);
        const int64_t id = un_tcp_write_submit(p.client, "late", 4, 200, 1);
        REQUIRE(id > 0);
        auto c = completions(1);
        REQUIRE(c.size() == 1);
        CHECK(c[0].result == UN_ERR_TIMED_OUT);
        const int64_t queued = un_tcp_write_submit(p.client, "held", 4, -1, 2);
        REQUIRE(queued > 0);
        CHECK(un_op_cancel(queued) == 0);
        c = completions(1);
        REQUIRE(c.size() == 1);
        CHECK(c[0].op_id == queued);
        CHECK(c[0].result == UN_ERR_CANCELED);
        CHECK(first.load() == 1); // the first is still waiting
        REQUIRE(un_tcp_close(p.client) == 0);
        t.join();
        CHECK(first.load() == UN_ERR_CANCELED);
    }
    SECTION("reads held behind a calling thread's read") {
        WaitingRead r(p.server, 4, -1);
        char b[4];
        CHECK(un_tcp_read(p.server, b, 4, 200) == UN_ERR_TIMED_OUT);
        REQUIRE(un_tcp_read_submit(p.server, b, 4, 200, 1) > 0);
        auto c = completions(1);
        REQUIRE(c.size() == 1);
        CHECK(c[0].result == UN_ERR_TIMED_OUT);
        REQUIRE(un_tcp_write(p.client, "data", 4, test::kWait) == 4);
        CHECK(r.join() == 4);
        CHECK(r.data == "data");
    }
}

TEST_CASE("shutdown(WRITE) and flush act after every write called before them (item 5)", "[hosts]") {
    test::Runtime rt;
    for (int run = 0; run < 20; ++run) {
        test::Pair p;
        std::string data(256 << 10, '\0');
        for (size_t i = 0; i < data.size(); ++i) {
            data[i] = static_cast<char>('a' + (i * 7 + run) % 26);
        }
        const int64_t id = un_tcp_write_submit(p.client, data.data(), static_cast<uint32_t>(data.size()), test::kWait, 1);
        REQUIRE(id > 0);
        REQUIRE(un_tcp_flush(p.client) == 0);
        REQUIRE(un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_WRITE) == 0);
        // A write called after the shutdown gets a clear error, blocking or submitted.
        CHECK(un_tcp_write(p.client, "x", 1, test::kWait) == UN_ERR_BROKEN_PIPE);
        const std::string got = read_to_end(p.server);
        auto c = completions(1);
        REQUIRE(c.size() == 1);
        CHECK(c[0].result == static_cast<int64_t>(data.size()));
        REQUIRE(got.size() == data.size());
        CHECK(got == data);
    }
}

TEST_CASE("a forked child's runtime never closes the child's own fds (item 8)", "[hosts]") {
    std::set<int> library_fds;
    {
        test::Runtime rt;
        test::Pair p;
        const std::set<int> before = [] {
            std::set<int> s;
            for (int fd = 0; fd < 1024; ++fd) {
                if (fcntl(fd, F_GETFD) >= 0) {
                    s.insert(fd);
                }
            }
            return s;
        }();
        char b[4];
        CHECK(un_tcp_read(p.server, b, 4, 20) == UN_ERR_TIMED_OUT); // this thread's wake-up fd is made
        for (int fd = 0; fd < 1024; ++fd) {
            if (fcntl(fd, F_GETFD) >= 0 && before.count(fd) == 0) {
                library_fds.insert(fd);
            }
        }
        REQUIRE(!library_fds.empty());
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            // The child puts its own pipes on every number the library's fds had in the parent.
            std::vector<int> mine;
            for (int fd : library_fds) {
                int pp[2];
                if (pipe(pp) != 0) {
                    _exit(10);
                }
                if (pp[0] != fd) {
                    dup2(pp[0], fd);
                    close(pp[0]);
                }
                close(pp[1]);
                mine.push_back(fd);
            }
            if (un_runtime_shutdown() != 0) { // (lets go of the parent's runtime)
                _exit(11);
            }
#if !defined(__SANITIZE_THREAD__) // (ThreadSanitizer cannot follow threads started after a multi-threaded fork)
            if (un_runtime_init() != 0 || un_runtime_shutdown() != 0) {
                _exit(11);
            }
#endif
            for (int fd : mine) {
                if (fcntl(fd, F_GETFD) < 0) {
                    _exit(12); // the library closed a pipe of the child's
                }
            }
            _exit(0);
        }
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
}

TEST_CASE("a calling thread paused inside the library does not stall its shard (item 9)", "[hosts]") {
    HostHandler host(SIGUSR2, 1500);
    test::Runtime rt;
    test::Pair p;
    test::Pair other;
    WaitingRead r(p.server, 4, -1);
    pthread_kill(r.t.native_handle(), SIGUSR2); // the reader now sits in the host's handler
    REQUIRE(test::eventually([] { return g_in_host_handler.load(); }));
    std::atomic<bool> closed{false};
    std::atomic<int64_t> close_result{1};
    std::thread closer([&] {
        close_result = un_tcp_close(p.server);
        closed = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // the close reaches the shard
    char addr[64];
    CHECK(un_socket_local_addr(other.client, addr, sizeof addr) > 0);
    CHECK(un_tcp_write(other.client, "abcd", 4, test::kWait) == 4);
    const bool paused_still = g_in_host_handler.load();
    CHECK(paused_still); // the shard answered while the reader was still paused
    CHECK(!closed.load()); // the close is finished only when the reader has left
    closer.join();
    CHECK(close_result.load() == 0);
    CHECK(r.join() == UN_ERR_CANCELED);
    CHECK(test::read_exact(other.server, 4) == "abcd");
}

TEST_CASE("a batch keeps call order against blocking calls the same thread makes before batch_end (item 10)",
          "[hosts]") {
    test::Runtime rt;
    test::Pair p;
    SECTION("reads") {
        REQUIRE(un_tcp_write(p.client, "AAAABBBB", 8, test::kWait) == 8);
        char a[4], b[4];
        REQUIRE(un_batch_begin() == 0);
        const int64_t id = un_tcp_read_submit(p.server, a, 4, test::kWait, 1);
        REQUIRE(id > 0);
        CHECK(un_tcp_read(p.server, b, 4, test::kWait) == 4);
        CHECK(un_batch_end() >= 0);
        auto c = completions(1);
        REQUIRE(c.size() == 1);
        CHECK(c[0].result == 4);
        CHECK(std::string(a, 4) == "AAAA");
        CHECK(std::string(b, 4) == "BBBB");
    }
    SECTION("writes") {
        REQUIRE(un_batch_begin() == 0);
        REQUIRE(un_tcp_write_submit(p.client, "AAAA", 4, test::kWait, 1) > 0);
        CHECK(un_tcp_write(p.client, "BBBB", 4, test::kWait) == 4);
        CHECK(un_batch_end() >= 0);
        auto c = completions(1);
        REQUIRE(c.size() == 1);
        CHECK(c[0].result == 4);
        CHECK(test::read_exact(p.server, 8) == "AAAABBBB");
    }
}

TEST_CASE("statistics count the calls made on the calling thread (item 11)", "[hosts]") {
    test::Runtime rt;
    test::Pair p;
    char b[4];
    REQUIRE(un_runtime_reset_stats() == 0);
    auto before = test::total_stats();
    for (int i = 0; i < 10; ++i) {
        REQUIRE(un_tcp_read(p.server, b, 4, 5) == UN_ERR_TIMED_OUT);
    }
    auto after = test::total_stats();
    // (the two statistics calls are requests too: one completed before the first snapshot)
    CHECK(after["requests"].get<int64_t>() - before["requests"].get<int64_t>() == 10 + 1);
    CHECK(after["completed"].get<int64_t>() - before["completed"].get<int64_t>() == 10 + 1);
    CHECK(after["errors"].get<int64_t>() - before["errors"].get<int64_t>() == 10);
}

TEST_CASE("the library's wake-ups never interrupt a host's signal handler (item 6)", "[hosts]") {
    HostHandler host(SIGUSR2, 1000); // the handler sleeps 1 s, counting interruptions
    test::Runtime rt;
    test::Pair p;
    const int64_t timeout = GENERATE(int64_t{-1}, test::kWait);
    CAPTURE(timeout);
    WaitingRead r(p.server, 4, timeout);
    pthread_kill(r.t.native_handle(), SIGUSR2);
    REQUIRE(test::eventually([] { return g_in_host_handler.load(); }));
    CHECK(un_socket_cancel(p.server) >= 0);
    CHECK(r.join() == UN_ERR_CANCELED); // once the handler has returned
    CHECK(g_pause_eintr.load() == 0);   // its nanosleep was never interrupted
    CHECK(g_host_signals.load() == 1);
    REQUIRE(un_tcp_write(p.client, "next", 4, test::kWait) == 4);
    CHECK(test::read_exact(p.server, 4) == "next");
}

namespace {

// Turns runtime_configure_interruptible on for a scope (it is process-wide).
struct Interruptible {
    Interruptible() { REQUIRE(un_runtime_configure_interruptible(true) == 0); }
    ~Interruptible() { un_runtime_configure_interruptible(false); }
};

// Runs call on another thread, sends it the host's signal once it waits (in_flight rose),
// again every 50 ms until it returns (a signal that lands just before the thread enters its
// wait is only the host's: like any blocking system call, that wait does not see it), and
// returns its result.
template <typename Call> int64_t interrupted(Call call) {
    const uint64_t before = test::total_stats()["in_flight"];
    std::atomic<int64_t> result{INT64_MIN};
    std::thread t([&] { result = call(); });
    const bool waited = test::eventually([&] { return test::total_stats()["in_flight"].get<uint64_t>() > before; });
    bool ended = false;
    for (int i = 0; i < 60 && !ended; ++i) {
        pthread_kill(t.native_handle(), SIGUSR1);
        ended = test::eventually([&] { return result.load() != INT64_MIN; }, 50);
    }
    if (!ended) {
        un_runtime_shutdown(); // (frees the thread)
    }
    t.join();
    CHECK(waited);
    CHECK(ended);
    return result.load();
}

} // namespace

TEST_CASE("runtime_configure_interruptible: a host's signal ends a blocking call with INTERRUPTED, nothing lost (item 12)",
          "[hosts]") {
    HostHandler host(SIGUSR1);
    test::Runtime rt;
    SECTION("off (the default): the call goes on waiting") {
        test::Pair p;
        WaitingRead r(p.server, 4, -1);
        pthread_kill(r.t.native_handle(), SIGUSR1);
        REQUIRE(test::eventually([] { return g_host_signals.load() == 1; }));
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        CHECK(r.result.load() == 1);
        REQUIRE(un_tcp_write(p.client, "data", 4, test::kWait) == 4);
        CHECK(r.join() == 4);
    }
    SECTION("read on the calling thread, with and without a timeout") {
        Interruptible on;
        test::Pair p;
        const int64_t timeout = GENERATE(int64_t{-1}, test::kWait, int64_t{2} * 24 * 3600 * 1000);
        CAPTURE(timeout);
        char b[4];
        CHECK(interrupted([&] { return un_tcp_read(p.server, b, 4, timeout); }) == UN_ERR_INTERRUPTED);
        REQUIRE(un_tcp_write(p.client, "data", 4, test::kWait) == 4);
        CHECK(test::read_exact(p.server, 4) == "data"); // the next read gets everything
    }
    SECTION("a read waiting in the runtime (behind a submitted one)") {
        Interruptible on;
        test::Pair p;
        char first[4], b[4];
        REQUIRE(un_tcp_read_submit(p.server, first, 4, test::kWait, 1) > 0);
        CHECK(interrupted([&] { return un_tcp_read(p.server, b, 4, -1); }) == UN_ERR_INTERRUPTED);
        REQUIRE(un_tcp_write(p.client, "abcdefgh", 8, test::kWait) == 8);
        const auto cs = test::collect(1);
        REQUIRE(cs.size() == 1);
        CHECK(std::string(first, 4) == "abcd");
        CHECK(test::read_exact(p.server, 4) == "efgh");
    }
    SECTION("accept: the connection that comes later is accepted by the next call") {
        Interruptible on;
        test::Listener l;
        CHECK(interrupted([&] { return un_tcp_accept(l.handle, -1); }) == UN_ERR_INTERRUPTED);
        const int64_t c = un_tcp_connect(l.addr.c_str(), test::kWait);
        REQUIRE(c > 0);
        CHECK(un_tcp_accept(l.handle, test::kWait) > 0);
    }
    SECTION("udp recv_from") {
        Interruptible on;
        const int64_t u = un_udp_bind("127.0.0.1:0", 0);
        REQUIRE(u > 0);
        char b[16], from[64];
        CHECK(interrupted([&] { return un_udp_recv_from(u, b, sizeof b, from, sizeof from, -1); }) ==
              UN_ERR_INTERRUPTED);
    }
    SECTION("a write that sent a part returns how much (a short write)") {
        Interruptible on;
        test::Pair p;
        std::string big(64 << 20, 'w');
        const int64_t n = interrupted([&] { return un_tcp_write(p.client, big.data(), static_cast<uint32_t>(big.size()), -1); });
        CHECK(n > 0);
        CHECK(n < static_cast<int64_t>(big.size()));
    }
}

TEST_CASE("shutdown(WRITE) called while a blocking write waits on its calling thread acts after it (item 5)",
          "[hosts]") {
    test::Runtime rt;
    test::Pair p;
    std::string data(8 << 20, '\0');
    for (size_t i = 0; i < data.size(); ++i) {
        data[i] = static_cast<char>('a' + i % 23);
    }
    std::atomic<int64_t> wrote{1};
    std::thread writer([&] { wrote = un_tcp_write(p.client, data.data(), static_cast<uint32_t>(data.size()), -1); });
    REQUIRE(test::eventually([] { return test::total_stats()["in_flight"] >= 1; })); // it waits for room
    std::atomic<int64_t> shut{1};
    std::thread shutter([&] { shut = un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_WRITE); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(shut.load() == 1); // still waiting for the write
    const std::string got = read_to_end(p.server);
    writer.join();
    shutter.join();
    CHECK(wrote.load() == static_cast<int64_t>(data.size()));
    CHECK(shut.load() == 0);
    CHECK(got.size() == data.size());
    CHECK(got == data);
}

TEST_CASE("the library's own threads block the host's signals, which go to the host's threads", "[hosts]") {
    const int64_t shards = std::min<int64_t>(2, un_runtime_num_cores());
    REQUIRE(un_runtime_configure_shards(shards) == 0);
    test::Runtime rt;
    {
        test::Pair p;
    }
    int library_threads = 0;
    DIR *d = opendir("/proc/self/task");
    REQUIRE(d != nullptr);
    while (dirent *e = readdir(d)) {
        const std::string tid = e->d_name;
        std::string name;
        std::getline(std::ifstream("/proc/self/task/" + tid + "/comm"), name);
        if (name.rfind("un-", 0) != 0) {
            continue; // (this thread, a sanitizer's)
        }
        std::ifstream status("/proc/self/task/" + tid + "/status");
        for (std::string line; std::getline(status, line);) {
            if (line.rfind("SigBlk:", 0) == 0) {
                const unsigned long long blocked = std::stoull(line.substr(7), nullptr, 16);
                CAPTURE(tid, name, line);
                for (const int sig : {SIGINT, SIGTERM, SIGUSR1, SIGCHLD, SIGRTMAX - 5}) {
                    CHECK((blocked >> (sig - 1) & 1) == 1);
                }
                CHECK((blocked >> (SIGSEGV - 1) & 1) == 0); // (a fault's signal is not blocked)
                ++library_threads;
            }
        }
    }
    closedir(d);
    CHECK(library_threads == shards); // (un-shard-0, un-shard-1; the resolver threads start the same way)
    un_runtime_configure_shards(1);
}

TEST_CASE("a read that fails for its own bad buffer leaves the stream readable", "[hosts]") {
    test::Runtime rt;
    test::Pair p;
    REQUIRE(un_tcp_write(p.client, "data", 4, test::kWait) == 4);
    // (recv into an address nothing is mapped at: EFAULT, which the errno table reports as IO)
    CHECK(un_tcp_read(p.server, reinterpret_cast<void *>(8), 4, test::kWait) == UN_ERR_IO);
    CHECK(test::read_exact(p.server, 4) == "data");
}

TEST_CASE("close takes its place among the writes: those called before it are sent as far as they go whole",
          "[hosts]") {
    test::Runtime rt;
    SECTION("writes that fit in the socket's buffer all arrive, then the end of the stream") {
        for (int run = 0; run < 30; ++run) {
            test::Pair p;
            REQUIRE(un_tcp_write_submit(p.client, "first-4-", 8, -1, 1) > 0);
            REQUIRE(un_tcp_write_submit(p.client, "second-8", 8, -1, 2) > 0);
            REQUIRE(un_tcp_close(p.client) == 0);
            auto c = completions(2);
            REQUIRE(c.size() == 2);
            CHECK(c[0].result == 8);
            CHECK(c[1].result == 8);
            CHECK(read_to_end(p.server) == "first-4-second-8");
        }
    }
    SECTION("a write still waiting for room fails, and no write after it is sent") {
        test::Pair p;
        std::string big(64 << 20, 'A');
        REQUIRE(un_tcp_write_submit(p.client, big.data(), static_cast<uint32_t>(big.size()), -1, 1) > 0);
        REQUIRE(un_tcp_write_submit(p.client, "BBBB", 4, -1, 2) > 0);
        REQUIRE(test::eventually([] { return test::total_stats()["in_flight"] >= 2; }));
        REQUIRE(un_tcp_close(p.client) == 0);
        auto c = completions(2);
        REQUIRE(c.size() == 2);
        for (const auto &one : c) {
            CHECK(one.result == UN_ERR_CANCELED);
        }
        std::string got;
        std::vector<char> buf(1 << 20);
        int64_t n;
        while ((n = un_tcp_read(p.server, buf.data(), static_cast<uint32_t>(buf.size()), test::kWait)) > 0) {
            got.append(buf.data(), static_cast<size_t>(n));
        }
        CHECK(got.size() < big.size());
        CHECK(got.find('B') == std::string::npos);
    }
    SECTION("behind a blocking write waiting on its calling thread, a shutdown fails CANCELED, nothing follows") {
        // The close comes before or after the shard has asked the calling thread to hand its
        // write over (both happen): either way the write ahead is cut short, so neither the
        // shutdown nor the write behind it may act.
        std::string big(64 << 20, 'A');
        for (int run = 0; run < 20; ++run) {
            test::Pair p;
            std::atomic<int64_t> wrote{1};
            std::thread writer(
                [&] { wrote = un_tcp_write(p.client, big.data(), static_cast<uint32_t>(big.size()), -1); });
            REQUIRE(test::eventually([] { return test::total_stats()["in_flight"] >= 1; }));
            REQUIRE(un_tcp_shutdown_submit(p.client, UN_SHUTDOWN_HOW_WRITE, 1) > 0);
            REQUIRE(un_tcp_write_submit(p.client, "BBBB", 4, -1, 2) > 0);
            if (run % 2 == 1) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            REQUIRE(un_tcp_close(p.client) == 0);
            writer.join();
            CHECK(wrote.load() == UN_ERR_CANCELED);
            auto c = completions(2);
            REQUIRE(c.size() == 2);
            for (const auto &one : c) {
                INFO("run " << run << ", submit " << one.user_data);
                // (a write called after shutdown(WRITE) is refused, whatever became of it)
                CHECK(one.result == (one.user_data == 1 ? UN_ERR_CANCELED : UN_ERR_BROKEN_PIPE));
            }
            // (What the big write had queued may end in a reset: a zero-copy send's data is
            // dropped that way when nothing else is left, see shard_registry.cpp.)
            std::string got;
            std::vector<char> buf(1 << 20);
            int64_t n;
            while ((n = un_tcp_read(p.server, buf.data(), static_cast<uint32_t>(buf.size()), test::kWait)) > 0) {
                got.append(buf.data(), static_cast<size_t>(n));
            }
            CHECK((n == 0 || n == UN_ERR_RESET));
            CHECK(got.size() < big.size());
            CHECK(got.find('B') == std::string::npos);
        }
    }
}
