// The promises the core makes, each tried the way a user would break it (issue: the core keeps
// its promises by construction): large timeouts, ...
#include <sys/resource.h>

#include <atomic>
#include <climits>
#include <thread>
#include <vector>

#include "helpers.hpp"
#include "netns.hpp"

TEST_CASE("a timeout too large for a deadline waits forever instead of expiring at once", "[promises][timeout]") {
    test::Runtime rt;
    test::Pair p;
    for (const int64_t huge : {INT64_MAX, INT64_MAX / 1000, int64_t{1} << 53, int64_t{30} * 24 * 3600 * 1000}) {
        INFO("timeout_ms " << huge);
        test::WaitingRead r(p.server, 8, huge);
        CHECK(r.result.load() == 1); // waiting, not TIMED_OUT after 0 ms
        REQUIRE(un_socket_cancel(p.server) >= 1);
        CHECK(r.join() == UN_ERR_CANCELED);
    }
    // A submitted accept and un_poll with the same timeouts.
    char stats[8192];
    const int64_t id = un_tcp_accept_submit(p.l.handle, INT64_MAX, 5);
    REQUIRE(id > 0);
    un_completion_t c{};
    CHECK(un_poll(&c, 1, 50) == 0); // still waiting
    CHECK(un_op_cancel(id) == 0);
    REQUIRE(un_poll(&c, 1, INT64_MAX) == 1); // (returns as soon as the completion is there)
    CHECK(c.user_data == 5);
    CHECK(c.result == UN_ERR_CANCELED);
    REQUIRE(un_runtime_stats_submit(stats, sizeof stats, 6) > 0);
    REQUIRE(un_poll(&c, 1, INT64_MAX - 1) == 1);
    CHECK(c.user_data == 6);
}

TEST_CASE("after fork the child gets FORKED at once and may start its own runtime", "[promises][fork]") {
    test::Runtime rt;
    test::Pair p;
    // A read waits in the parent while it forks: neither side may hang.
    test::WaitingRead parent_read(p.server, 8, test::kWait);
    const int rc = test::wait_child(test::spawn([&] {
        char buf[64];
        CHILD_EXPECT(un_tcp_write(p.client, "x", 1, 1000) == UN_ERR_FORKED);
        CHILD_EXPECT(un_tcp_listen("127.0.0.1:0", 0, 0) == UN_ERR_FORKED);
        CHILD_EXPECT(un_runtime_stats(buf, sizeof buf) == UN_ERR_FORKED);
        un_completion_t c;
        CHILD_EXPECT(un_poll(&c, 1, -1) == UN_ERR_FORKED); // never waits for the parent's threads
        CHILD_EXPECT(un_tcp_write_submit(p.client, "x", 1, -1, 0) == UN_ERR_FORKED);
#if defined(__SANITIZE_THREAD__)
        // ThreadSanitizer cannot follow threads started after a multi-threaded fork (it dies
        // on purpose); the child's own runtime is tested by the other builds.
        return 0;
#endif
        // The child's own runtime.
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t l = un_tcp_listen("127.0.0.1:0", 0, 0);
        CHILD_EXPECT(l > 0);
        CHILD_EXPECT(un_socket_local_addr(l, buf, sizeof buf) > 0);
        const int64_t c2 = un_tcp_connect(buf, 5000);
        CHILD_EXPECT(c2 > 0 && un_tcp_accept(l, 5000) > 0);
        CHILD_EXPECT(un_tcp_write(p.client, "x", 1, 1000) == UN_ERR_WRONG_RUNTIME); // the parent's handle
        CHILD_EXPECT(un_runtime_shutdown() == 0);
        return 0;
    }));
    CHECK(rc == 0);
    // A child that only lets go of the parent's runtime.
    CHECK(test::wait_child(test::spawn([] { return un_runtime_shutdown() == 0 && un_runtime_shutdown() == UN_ERR_SHUT_DOWN ? 0 : 1; })) == 0);
    // The parent is unaffected: its waiting read gets the data.
    REQUIRE(un_tcp_write(p.client, "ok", 2, test::kWait) == 2);
    CHECK(parent_read.join() == 2);
    CHECK(parent_read.data.substr(0, 2) == "ok");
}

namespace {

struct Closer {
    std::atomic<int> closed{0};
    std::atomic<int64_t> close_result{1}, addr_result{1}, option_result{1};
};

// A server's natural callback: the read of a finished connection completes, the callback
// closes the stream there and then (and reads its address and an option first).
void close_when_read(void *ctx, const un_completion_t *c) {
    auto *st = static_cast<Closer *>(ctx);
    const auto stream = static_cast<int64_t>(c->user_data);
    char addr[64];
    st->addr_result = un_socket_local_addr(stream, addr, sizeof addr);
    st->option_result = un_socket_set_option(stream, UN_SOCKET_OPTION_NODELAY, 1);
    st->close_result = un_tcp_close(stream);
    st->closed++;
}

} // namespace

TEST_CASE("calls that never wait work from a completion callback", "[promises][callback]") {
    test::Runtime rt;
    test::Listener l;
    Closer st;
    REQUIRE(un_set_completion_callback(close_when_read, &st) == 0);
    const int fds = test::open_fds();
    constexpr int kConns = 20;
    std::vector<int> peers;
    static char bufs[kConns][8];
    for (int i = 0; i < kConns; ++i) {
        peers.push_back(test::raw_connect(l.addr));
        const int64_t s = un_tcp_accept(l.handle, test::kWait);
        REQUIRE(s > 0);
        REQUIRE(un_tcp_read_submit(s, bufs[i], 8, -1, static_cast<uint64_t>(s)) > 0);
    }
    for (int p : peers) {
        close(p); // the server reads end of stream and closes its side from the callback
    }
    REQUIRE(test::eventually([&] { return st.closed.load() == kConns; }));
    REQUIRE(un_set_completion_callback(nullptr, nullptr) == 0);
    CHECK(st.close_result.load() == 0);
    CHECK(st.addr_result.load() > 0);
    CHECK(st.option_result.load() == 0);
    // Every server socket is closed (the clients' are too): nothing is left behind.
    CHECK(test::eventually([&] { return test::open_fds() == fds && test::total_stats()["open_handles"] == 1; }));
    CHECK(test::total_stats()["open_handles"] == 1); // the listener only
}

TEST_CASE("a closed handle never answers for a later socket, however often its slot is reused", "[promises][handles]") {
    test::Runtime rt;
    const int64_t first = un_udp_bind("127.0.0.1:0", 0);
    REQUIRE(first > 0);
    const std::string first_addr = test::local_addr(first);
    REQUIRE(un_udp_close(first) == 0);
    // Far more open/close cycles than a 16-bit generation has values (the slot is reused
    // each time: it is the only free one).
    int64_t last = 0;
    for (int i = 0; i < 70000; ++i) {
        last = un_udp_bind("127.0.0.1:0", 0);
        REQUIRE(last > 0);
        REQUIRE(last != first);
        if (i + 1 < 70000) {
            REQUIRE(un_udp_close(last) == 0);
        }
    }
    char addr[64];
    CHECK(un_socket_local_addr(first, addr, sizeof addr) == UN_ERR_CLOSED); // not the live socket's address
    CHECK(un_udp_close(first) == UN_ERR_CLOSED);                           // and a double close closes nothing
    CHECK(un_socket_local_addr(last, addr, sizeof addr) > 0);
}

TEST_CASE("a handle of the first runtime is refused after a thousand more", "[promises][handles]") {
    REQUIRE(un_runtime_init() == 0);
    const int64_t old = un_udp_bind("127.0.0.1:0", 0);
    REQUIRE(old > 0);
    REQUIRE(un_runtime_shutdown() == 0);
    for (int i = 0; i < 1100; ++i) { // more runtimes than a 10-bit runtime number has values
        REQUIRE(un_runtime_init() == 0);
        REQUIRE(un_runtime_shutdown() == 0);
    }
    REQUIRE(un_runtime_init() == 0);
    const int64_t now = un_udp_bind("127.0.0.1:0", 0); // the same slot as old
    REQUIRE(now > 0);
    CHECK(now != old);
    char addr[64];
    CHECK(un_socket_local_addr(old, addr, sizeof addr) == UN_ERR_WRONG_RUNTIME);
    CHECK(un_udp_close(old) == UN_ERR_WRONG_RUNTIME);
    CHECK(un_socket_local_addr(now, addr, sizeof addr) > 0);
    REQUIRE(un_runtime_shutdown() == 0);
}

TEST_CASE("every waiting accept is answered when fds run out, and accept works once they are back", "[promises][accept]") {
    const int rc = test::wait_child(test::spawn([] {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t l = un_tcp_listen("127.0.0.1:0", 0, 0);
        CHILD_EXPECT(l > 0);
        char addr[64];
        CHILD_EXPECT(un_socket_local_addr(l, addr, sizeof addr) > 0);
        const std::string a(addr);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        sa.sin_port = htons(static_cast<uint16_t>(std::stoi(a.substr(a.rfind(':') + 1))));
        const int client = socket(AF_INET, SOCK_STREAM, 0); // made before the fds run out
        CHILD_EXPECT(un_tcp_accept_submit(l, -1, 1) > 0);
        CHILD_EXPECT(un_tcp_accept_submit(l, -1, 2) > 0);
        CHILD_EXPECT(test::eventually([] {
            char buf[16384];
            const int64_t n = un_runtime_stats(buf, sizeof buf);
            return n > 0 && std::string(buf, static_cast<size_t>(n)).find("\"in_flight\":2") != std::string::npos;
        }));
        std::vector<int> hogs; // (up to the process's limit of open files)
        for (int fd; (fd = dup(0)) >= 0;) {
            hogs.push_back(fd);
        }
        CHILD_EXPECT(connect(client, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0);
        un_completion_t c[2];
        int got = 0;
        for (int i = 0; i < 50 && got < 2; ++i) {
            const int64_t n = un_poll(c + got, static_cast<uint32_t>(2 - got), 200);
            got += n > 0 ? static_cast<int>(n) : 0;
        }
        if (got != 2) {
            std::fprintf(stderr, "got %d completions, first %lld\n", got, got > 0 ? static_cast<long long>(c[0].result) : 0LL);
        }
        CHILD_EXPECT(got == 2); // neither waits forever
        CHILD_EXPECT(c[0].result == UN_ERR_NO_RESOURCES && c[1].result == UN_ERR_NO_RESOURCES);
        for (int fd : hogs) {
            close(fd);
        }
        const int64_t s = un_tcp_accept(l, 5000); // the connection waited in the backlog
        CHILD_EXPECT(s > 0);
        CHILD_EXPECT(send(client, "hi", 2, 0) == 2);
        char buf[4];
        CHILD_EXPECT(un_tcp_read(s, buf, sizeof buf, 5000) == 2);
        CHILD_EXPECT(un_runtime_shutdown() == 0);
        return 0;
    }));
    CHECK(rc == 0);
}

TEST_CASE("a lingering close never stops the runtime thread", "[promises][linger]") {
    test::Runtime rt;
    test::Pair p;
    // The peer reads nothing: fill the buffers, so the close has data to linger over.
    std::vector<char> chunk(1 << 20, 'l');
    while (un_tcp_write(p.client, chunk.data(), static_cast<uint32_t>(chunk.size()), 20) == static_cast<int64_t>(chunk.size())) {
    }
    REQUIRE(un_socket_set_option(p.client, UN_SOCKET_OPTION_LINGER, 2) == 0);
    CHECK(un_socket_set_option(p.client, UN_SOCKET_OPTION_LINGER, 31) == UN_ERR_INVALID_ARGUMENT); // the cap
    std::atomic<bool> closed{false};
    std::atomic<int64_t> close_result{1};
    std::thread closer([&] {
        close_result = un_tcp_close(p.client); // completes when the socket is closed: about 2 s
        closed = true;
    });
    REQUIRE(test::wait_for_stat("in_flight", 1)); // the lingering close, on its helper thread
    // Meanwhile the runtime thread serves everything else at once.
    const int64_t a = un_udp_bind("127.0.0.1:0", 0), b = un_udp_bind("127.0.0.1:0", 0);
    REQUIRE(un_udp_send_to(a, "ping", 4, test::local_addr(b).c_str(), test::kWait) == 4);
    char buf[8];
    CHECK(un_udp_recv(b, buf, sizeof buf, test::kWait) == 4);
    CHECK(test::stats()["shard_count"] == 1);
    CHECK_FALSE(closed.load()); // all of that happened while the close still waited
    closer.join();
    CHECK(close_result.load() == 0);
    CHECK(un_tcp_close(p.client) == UN_ERR_CLOSED);
}

TEST_CASE("a ring of one entry carries thousands of operations", "[promises][ring]") {
    // Submission and completion queues far smaller than what is in flight: the ring is
    // submitted (and, when the kernel says its completion queue is full, reaped) to make room.
    REQUIRE(un_runtime_configure_entries(1) == 0);
    test::Runtime rt;
    const int64_t a = un_udp_bind("127.0.0.1:0", 0), b = un_udp_bind("127.0.0.1:0", 0);
    REQUIRE(un_socket_set_option(b, UN_SOCKET_OPTION_RECV_BUFFER, 4 << 20) == 0);
    constexpr int kOps = 2000;
    static char bufs[kOps][8];
    REQUIRE(un_batch_begin() == 0);
    for (int i = 0; i < kOps; ++i) {
        REQUIRE(un_udp_recv_submit(b, bufs[i], 8, test::kWait, static_cast<uint64_t>(i)) > 0);
    }
    REQUIRE(un_batch_end() == kOps);
    const std::string to = test::local_addr(b);
    for (int i = 0; i < kOps; ++i) {
        REQUIRE(un_udp_send_to(a, "d", 1, to.c_str(), test::kWait) == 1);
    }
    const auto done = test::collect(kOps);
    REQUIRE(done.size() == kOps);
    for (const auto &c : done) {
        CHECK(c.result == 1);
    }
}

TEST_CASE("statistics read while the runtime shuts down touch no stopping shard's backend", "[promises][stats]") {
    if (un_runtime_num_cores() < 2) {
        conformance::skip("this process may run on one core only: shards need two");
        return;
    }
    REQUIRE(un_runtime_configure_shards(2) == 0);
    for (int round = 0; round < 20; ++round) {
        REQUIRE(un_runtime_init() == 0);
        std::atomic<bool> stop{false};
        std::atomic<int> answered{0};
        std::thread reader([&] {
            char buf[16384];
            while (!stop.load()) {
                const int64_t n = un_runtime_stats(buf, sizeof buf);
                if (n > 0) {
                    answered++;
                } else if (n != UN_ERR_SHUT_DOWN) {
                    answered = -1000000;
                }
            }
        });
        REQUIRE(test::eventually([&] { return answered.load() != 0; }));
        REQUIRE(un_runtime_shutdown() == 0); // (ThreadSanitizer watches the reads)
        stop = true;
        reader.join();
        CHECK(answered.load() > 0);
    }
}

TEST_CASE("a blocking read never takes data before a read submitted earlier", "[promises][order]") {
    test::Runtime rt;
    test::Pair p;
    for (int round = 0; round < 200; ++round) {
        INFO("round " << round);
        REQUIRE(un_tcp_write(p.client, "01234567", 8, test::kWait) == 8);
        char a[4] = {}, b[4] = {};
        REQUIRE(un_tcp_read_submit(p.server, a, 4, test::kWait, 1) > 0);
        REQUIRE(un_tcp_read(p.server, b, 4, test::kWait) == 4); // made after the submit
        const auto done = test::collect(1);
        REQUIRE(done.size() == 1);
        REQUIRE(done[0].result == 4);
        CHECK(std::string(a, 4) == "0123");
        CHECK(std::string(b, 4) == "4567");
    }
}

namespace {

// Holds the runtime thread inside a completion callback until release is set: requests
// made meanwhile wait in the shard's queue. Then, if `stream` is set, the callback submits
// write "B" (strictly after anything the test made while holding); read 1's result is kept.
struct Held {
    std::atomic<bool> holding{false}, release{false};
    std::atomic<int64_t> a_result{INT64_MIN}, b_id{0};
    int64_t stream = 0;
};

void hold_until_released(void *ctx, const un_completion_t *c) {
    auto *h = static_cast<Held *>(ctx);
    if (c->user_data == 100) {
        h->holding = true;
        [[maybe_unused]] const bool released = test::eventually([&] { return h->release.load(); }, 10000);
        if (h->stream != 0) {
            h->b_id = un_tcp_write_submit(h->stream, "B", 1, -1, 2);
        }
    } else if (c->user_data == 1) {
        h->a_result = c->result;
    }
}

void hold_runtime(Held &held) {
    REQUIRE(un_set_completion_callback(hold_until_released, &held) == 0);
    static char stats[8192];
    REQUIRE(un_runtime_stats_submit(stats, sizeof stats, 100) > 0);
    REQUIRE(test::eventually([&] { return held.holding.load(); }));
}

} // namespace

TEST_CASE("a write submitted from a callback never overtakes one submitted earlier", "[promises][order]") {
    test::Runtime rt;
    test::Pair p;
    for (int round = 0; round < 20; ++round) {
        INFO("round " << round);
        Held hold;
        hold.stream = p.client;
        hold_runtime(hold);
        REQUIRE(un_tcp_write_submit(p.client, "A", 1, -1, 1) > 0); // queued while the runtime is held
        hold.release = true;
        REQUIRE(test::eventually([&] { return hold.b_id.load() != 0; }));
        REQUIRE(un_set_completion_callback(nullptr, nullptr) == 0);
        CHECK(test::read_exact(p.server, 2) == "AB");
    }
}

TEST_CASE("while the runtime thread is busy, a blocking read still waits behind an earlier submitted read", "[promises][order]") {
    test::Runtime rt;
    test::Pair p;
    for (int round = 0; round < 10; ++round) {
        INFO("round " << round);
        REQUIRE(un_tcp_write(p.client, "01234567", 8, test::kWait) == 8);
        Held held;
        hold_runtime(held);
        char a[4] = {}, b[4] = {};
        REQUIRE(un_tcp_read_submit(p.server, a, 4, test::kWait, 1) > 0); // queued: the runtime is held
        std::atomic<bool> b_done{false};
        std::atomic<int64_t> b_result{0};
        std::thread reader([&] {
            b_result = un_tcp_read(p.server, b, 4, test::kWait); // made after the submit
            b_done = true;
        });
        // A direct read would be done at once (the data is there); a correct one waits for
        // the runtime thread, which serves the submitted read first.
        [[maybe_unused]] const bool early = test::eventually([&] { return b_done.load(); }, 200);
        held.release = true;
        reader.join();
        REQUIRE(test::eventually([&] { return held.a_result.load() != INT64_MIN; }));
        REQUIRE(un_set_completion_callback(nullptr, nullptr) == 0);
        CHECK(held.a_result.load() == 4);
        CHECK(b_result.load() == 4);
        CHECK(std::string(a, 4) == "0123");
        CHECK(std::string(b, 4) == "4567");
    }
}

namespace {

std::atomic<bool> g_storm{true};
std::atomic<uint64_t> g_storm_calls{0};

// Every completion submits another at once: the shards are in a callback nearly always.
void storm(void *, const un_completion_t *) {
    g_storm_calls++;
    static thread_local char stats[8192];
    if (g_storm.load()) {
        un_runtime_stats_submit(stats, sizeof stats, 7);
    }
}

void storm_too(void *ctx, const un_completion_t *c) { storm(ctx, c); } // another callback, the same work

} // namespace

TEST_CASE("changing the callback returns while others are called without pause", "[promises][callback]") {
    if (un_runtime_num_cores() < 2) {
        conformance::skip("this process may run on one core only: shards need two");
        return;
    }
    REQUIRE(un_runtime_configure_shards(2) == 0);
    test::Runtime rt;
    REQUIRE(un_set_completion_callback(storm, nullptr) == 0);
    static char stats[4][8192];
    for (int i = 0; i < 4; ++i) { // several chains, on both shards
        REQUIRE(un_runtime_stats_submit(stats[i], sizeof stats[i], 7) > 0);
    }
    // (A stats request is slow under ThreadSanitizer: a few hundred calls show the storm runs.)
    REQUIRE(test::eventually([] { return g_storm_calls.load() > 300; }, 30000));
    // Each change waits only for the calls that started before it.
    for (int i = 0; i < 50; ++i) {
        REQUIRE(un_set_completion_callback(i % 2 ? storm : storm_too, nullptr) == 0);
        REQUIRE(un_set_completion_callback(storm, nullptr) == 0);
    }
    const uint64_t before = g_storm_calls.load();
    CHECK(test::eventually([&] { return g_storm_calls.load() > before + 100; })); // the storm went on
    g_storm = false;
    REQUIRE(un_set_completion_callback(nullptr, nullptr) == 0);
}
