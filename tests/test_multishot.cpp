// Streams read through a multishot receive (io_uring's provided-buffer ring): the first
// asynchronous read switches a stream to it. Every test asserts the same behaviour on every
// backend (epoll reads with one operation per request); what only the ring can show (its
// statistics, running dry) is checked where the runtime reports multishot_recv.
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "conformance.hpp"
#include "helpers.hpp"

namespace {

bool has_multishot_recv() { return test::stats()["multishot_recv"].get<bool>(); }

uint64_t total(const char *key) { return test::total_stats()[key].get<uint64_t>(); }

using test::wait_for_stat;

/// Submits one read and waits for its completion; returns its result.
int64_t read_async(int64_t stream, char *buf, uint32_t len, int64_t timeout_ms) {
    static uint64_t next = 1u << 20;
    const uint64_t tag = ++next;
    REQUIRE(un_tcp_read_submit(stream, buf, len, timeout_ms, tag) > 0);
    for (const auto &c : test::collect(1)) {
        REQUIRE(c.user_data == tag);
        return c.result;
    }
    FAIL("no completion for the read");
    return 0;
}

/// Switches a pair's server end to multishot receive (where there is one): its first
/// asynchronous read, of one byte written for it.
void switch_to_multishot(const test::Pair &p) {
    char b;
    REQUIRE(un_tcp_write(p.client, "s", 1, test::kWait) == 1);
    REQUIRE(read_async(p.server, &b, 1, test::kWait) == 1);
    REQUIRE(b == 's');
}

std::string pattern(size_t n) {
    std::string s(n, '\0');
    for (size_t i = 0; i < n; ++i) {
        s[i] = static_cast<char>((i * 131 + i / 251) & 0xFF);
    }
    return s;
}

// Completions delivered to a callback; the one tagged kHold keeps the runtime thread busy
// until the test lets it go, so data piles up in the kernel meanwhile.
constexpr uint64_t kHold = 999999;

struct Held {
    std::mutex mu;
    std::map<uint64_t, int64_t> results;
    std::atomic<bool> holding{false}, release{false};
};

void on_completion(void *ctx, const un_completion_t *c) {
    auto *h = static_cast<Held *>(ctx);
    if (c->user_data == kHold) {
        h->holding.store(true);
        // Bounded (10 s); if nobody released it, the results the test then waits for show it.
        [[maybe_unused]] const bool released = test::eventually([&] { return h->release.load(); }, 10000);
    }
    std::lock_guard lk(h->mu);
    h->results[c->user_data] = c->result;
}

/// Keeps the runtime thread in the completion callback until held.release is set.
void hold_runtime(Held &held) {
    const int64_t udp = un_udp_bind("127.0.0.1:0", 0);
    static char scratch[4];
    REQUIRE(un_udp_recv_submit(udp, scratch, sizeof scratch, 1, kHold) > 0);
    REQUIRE(test::eventually([&] { return held.holding.load(); }));
}

/// Waits (bounded) until the callback has seen n completions.
size_t wait_results(Held &held, size_t n) {
    const auto seen = [&] {
        std::lock_guard lk(held.mu);
        return held.results.size();
    };
    [[maybe_unused]] const bool all = test::eventually([&] { return seen() >= n; }); // callers check the count
    return seen();
}

} // namespace

TEST_CASE("asynchronous reads get every byte in order, through one multishot receive", "[multishot][order]") {
    test::Runtime rt;
    test::Pair p;
    const bool ms = has_multishot_recv();
    const std::string data = pattern(1 << 20);
    const auto before = test::total_stats();
    // One large write ahead of the reads: data arrives faster than it is read, so the stream
    // keeps what no read waits for, stops receiving when that is full, and resumes.
    REQUIRE(un_tcp_write_submit(p.client, data.data(), static_cast<uint32_t>(data.size()), test::kWait, 1) > 0);
    std::string got;
    std::vector<char> buf(4096);
    size_t reads = 0;
    bool wrote = false;
    while (got.size() < data.size()) {
        const uint32_t len = static_cast<uint32_t>(1 + (reads * 37) % buf.size());
        const uint64_t tag = 100 + reads++;
        REQUIRE(un_tcp_read_submit(p.server, buf.data(), len, test::kWait, tag) > 0);
        for (un_completion_t c{}; c.user_data != tag;) {
            REQUIRE(un_poll(&c, 1, test::kWait) == 1);
            if (c.user_data == 1) {
                CHECK(c.result == static_cast<int64_t>(data.size()));
                wrote = true;
            } else {
                REQUIRE(c.user_data == tag);
                REQUIRE(c.result > 0);
                REQUIRE(c.result <= len);
                got.append(buf.data(), static_cast<size_t>(c.result));
            }
        }
    }
    CHECK(got == data);
    if (!wrote) {
        un_completion_t c{};
        REQUIRE(un_poll(&c, 1, test::kWait) == 1);
        CHECK(c.result == static_cast<int64_t>(data.size()));
    }
    const auto after = test::total_stats();
    const uint64_t chunks = after["multishot_recvs"].get<uint64_t>() - before["multishot_recvs"].get<uint64_t>();
    const uint64_t sqes = after["sqes"].get<uint64_t>() - before["sqes"].get<uint64_t>();
    if (ms) {
        CHECK(chunks > 0);
        CHECK(sqes < reads / 4); // reads were served without an operation of their own each
    } else {
        CHECK(chunks == 0);
    }
}

TEST_CASE("a blocking read after an asynchronous one gets the bytes the stream kept first", "[multishot][order]") {
    test::Runtime rt;
    const bool ms = has_multishot_recv();
    Held held;
    REQUIRE(un_set_completion_callback(on_completion, &held) == 0);
    test::Listener l;
    const int peer = test::raw_connect(l.addr);
    const int64_t server = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(server > 0);
    char first = 0;
    REQUIRE(send(peer, "A", 1, 0) == 1);
    REQUIRE(un_tcp_read_submit(server, &first, 1, test::kWait, 1) > 0);
    REQUIRE(wait_results(held, 1) == 1);
    CHECK(first == 'A');
    const uint64_t chunks = total("multishot_recvs");
    REQUIRE(send(peer, "first-", 6, 0) == 6);
    if (ms) { // the stream receives it while no read waits and keeps it
        REQUIRE(wait_for_stat("multishot_recvs", chunks + 1));
    }
    // While the runtime thread is busy "second" stays in the socket: a direct recv() on this
    // thread would return it before the kept "first-".
    hold_runtime(held);
    REQUIRE(send(peer, "second", 6, 0) == 6);
    std::thread releaser([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        held.release.store(true);
    });
    const std::string got = test::read_exact(server, 12);
    releaser.join();
    CHECK(got == "first-second");
    un_set_completion_callback(nullptr, nullptr);
    close(peer);
}

TEST_CASE("small reads split what the stream kept, in order", "[multishot][order]") {
    test::Runtime rt;
    test::Pair p;
    switch_to_multishot(p);
    char buf[8];
    const std::string text = "the quick brown fox jumps over the lazy dog";
    REQUIRE(un_tcp_write(p.client, text.data(), static_cast<uint32_t>(text.size()), test::kWait) ==
            static_cast<int64_t>(text.size()));
    std::string got;
    for (uint32_t len = 1; got.size() < text.size(); len = len % 5 + 1) {
        const int64_t n = read_async(p.server, buf, len, test::kWait);
        REQUIRE(n > 0);
        REQUIRE(n <= len);
        got.append(buf, static_cast<size_t>(n));
    }
    CHECK(got == text);
}

TEST_CASE("one chunk of data is split over the waiting reads in submit order", "[multishot][order]") {
    test::Runtime rt;
    test::Pair p;
    char bufs[5][3];
    for (uint64_t i = 0; i < 5; ++i) {
        REQUIRE(un_tcp_read_submit(p.server, bufs[i], 3, test::kWait, i) > 0);
    }
    REQUIRE(wait_for_stat("in_flight", 5));
    REQUIRE(un_tcp_write(p.client, "abcdefghijklmno", 15, test::kWait) == 15);
    const auto cs = test::collect(5);
    REQUIRE(cs.size() == 5);
    std::string got;
    for (uint64_t i = 0; i < 5; ++i) {
        for (const auto &c : cs) {
            if (c.user_data == i) {
                REQUIRE(c.result == 3);
                got.append(bufs[i], 3);
            }
        }
    }
    CHECK(got == "abcdefghijklmno");
}

TEST_CASE("the end of the stream completes every waiting read with 0, and later reads too", "[multishot]") {
    test::Runtime rt;
    test::Pair p;
    char bufs[3][8];
    for (uint64_t i = 0; i < 3; ++i) {
        REQUIRE(un_tcp_read_submit(p.server, bufs[i], 8, test::kWait, i) > 0);
    }
    REQUIRE(un_tcp_close(p.client) == 0);
    const auto cs = test::collect(3);
    REQUIRE(cs.size() == 3);
    for (const auto &c : cs) {
        CHECK(c.result == 0);
    }
    CHECK(read_async(p.server, bufs[0], 8, test::kWait) == 0);
    CHECK(un_tcp_read(p.server, bufs[0], 8, test::kWait) == 0);
}

TEST_CASE("data sent before the peer closes is read before the end of the stream", "[multishot]") {
    test::Runtime rt;
    test::Pair p;
    switch_to_multishot(p);
    char buf[64];
    REQUIRE(un_tcp_write(p.client, "last words", 10, test::kWait) == 10);
    REQUIRE(un_tcp_close(p.client) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(20)); // both arrive before the read
    CHECK(test::read_exact(p.server, 10) == "last words");
    CHECK(read_async(p.server, buf, sizeof buf, test::kWait) == 0);
}

TEST_CASE("a reset fails every waiting read and every later one with RESET", "[multishot]") {
    test::Runtime rt;
    test::Listener l;
    const int peer = test::raw_connect(l.addr);
    const int64_t server = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(server > 0);
    char bufs[2][8];
    for (uint64_t i = 0; i < 2; ++i) {
        REQUIRE(un_tcp_read_submit(server, bufs[i], 8, test::kWait, i) > 0);
    }
    const linger hard{1, 0};
    REQUIRE(setsockopt(peer, SOL_SOCKET, SO_LINGER, &hard, sizeof hard) == 0);
    close(peer); // RST
    const auto cs = test::collect(2);
    REQUIRE(cs.size() == 2);
    std::map<int64_t, int> results;
    for (const auto &c : cs) {
        ++results[c.result];
    }
    CHECK(results[UN_ERR_RESET] == 2); // a reset is not an end of stream, for any read
    char later[8];
    CHECK(read_async(server, later, sizeof later, test::kWait) == UN_ERR_RESET);
}

TEST_CASE("a waiting read that times out or is cancelled loses no data", "[multishot]") {
    test::Runtime rt;
    test::Pair p;
    char buf[16] = {};
    CHECK(read_async(p.server, buf, sizeof buf, 30) == UN_ERR_TIMED_OUT);
    const int64_t id = un_tcp_read_submit(p.server, buf, sizeof buf, -1, 7);
    REQUIRE(id > 0);
    CHECK(un_op_cancel(id) == 0);
    auto cs = test::collect(1);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].result == UN_ERR_CANCELED);
    REQUIRE(un_tcp_write(p.client, "kept", 4, test::kWait) == 4);
    std::this_thread::sleep_for(std::chrono::milliseconds(20)); // arrives while no read waits
    CHECK(read_async(p.server, buf, sizeof buf, test::kWait) == 4);
    CHECK(std::string(buf, 4) == "kept");
    // A deadline that is not reached does not end the read.
    REQUIRE(un_tcp_read_submit(p.server, buf, sizeof buf, test::kWait, 8) > 0);
    REQUIRE(un_tcp_write(p.client, "late", 4, test::kWait) == 4);
    cs = test::collect(1);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].result == 4);
    CHECK(std::string(buf, 4) == "late");
    CHECK(total("in_flight") == 0); // each ended read counted out once
}

TEST_CASE("closing a stream or shutting down completes its waiting reads once", "[multishot][shutdown]") {
    const int fds = test::open_fds();
    REQUIRE(un_runtime_init() == 0);
    {
        test::Pair p;
        char bufs[4][8];
        REQUIRE(un_tcp_read_submit(p.server, bufs[0], 8, test::kWait, 1) > 0);
        REQUIRE(un_tcp_read_submit(p.server, bufs[1], 8, -1, 2) > 0);
        REQUIRE(un_tcp_close(p.server) == 0);
        auto cs = test::collect(2);
        REQUIRE(cs.size() == 2);
        for (const auto &c : cs) {
            CHECK(c.result == UN_ERR_CANCELED);
        }
        test::Pair q;
        REQUIRE(un_tcp_read_submit(q.server, bufs[2], 8, test::kWait, 3) > 0);
        REQUIRE(un_tcp_read_submit(q.server, bufs[3], 8, -1, 4) > 0);
        REQUIRE(wait_for_stat("in_flight", 2));
    }
    REQUIRE(un_runtime_shutdown() == 0);
    const auto cs = test::collect(2, 0);
    REQUIRE(cs.size() == 2);
    for (const auto &c : cs) {
        CHECK(c.result == UN_ERR_SHUT_DOWN);
    }
    un_completion_t extra{};
    CHECK(un_poll(&extra, 1, 0) == 0);
    CHECK(test::open_fds() == fds);
}

TEST_CASE("the receive buffer ring is configurable and checked", "[multishot][runtime]") {
    CHECK(un_runtime_configure_recv_buffers(0, 4096) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_recv_buffers(3, 4096) == UN_ERR_INVALID_ARGUMENT); // not a power of two
    CHECK(un_runtime_configure_recv_buffers(65536, 4096) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_recv_buffers(8, 1000) == UN_ERR_INVALID_ARGUMENT);   // not a multiple of 1024
    CHECK(un_runtime_configure_recv_buffers(8, 512) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_recv_buffers(8, 2 << 20) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_recv_buffers(512, 1 << 20) == UN_ERR_INVALID_ARGUMENT); // 512 MiB
    REQUIRE(un_runtime_configure_recv_buffers(16, 8192) == 0);
    {
        test::Runtime rt;
        const auto st = test::stats();
        CHECK(st["recv_ring_bytes"] == (st["multishot_recv"].get<bool>() ? 16 * 8192 : 0));
        test::Pair p; // and it works
        char buf[8];
        REQUIRE(un_tcp_write(p.client, "ring", 4, test::kWait) == 4);
        CHECK(read_async(p.server, buf, sizeof buf, test::kWait) == 4);
    }
    REQUIRE(un_runtime_configure_recv_buffers(64, 32768) == 0); // the default again
    {
        test::Runtime rt;
        const auto st = test::stats();
        CHECK(st["recv_ring_bytes"] == (st["multishot_recv"].get<bool>() ? 64 * 32768 : 0));
    }
}

TEST_CASE("when the buffer ring runs dry the receive is armed again and nothing is lost", "[multishot]") {
    // A ring of four 4 KiB buffers, and 64 KiB for each stream while the runtime is busy: the
    // kernel fills the ring before the runtime can give any buffer back.
    REQUIRE(un_runtime_configure_recv_buffers(4, 4096) == 0);
    struct Restore {
        ~Restore() { un_runtime_configure_recv_buffers(64, 32768); }
    } restore;
    test::Runtime rt;
    if (!has_multishot_recv()) {
        conformance::skip("the runtime has no multishot receive (epoll, or a kernel older than 6.0)");
        return;
    }
    Held held;
    REQUIRE(un_set_completion_callback(on_completion, &held) == 0);
    test::Listener l;
    constexpr size_t kEach = 64 * 1024, kStreams = 4;
    const uint64_t ring = test::stats()["recv_ring_bytes"].get<uint64_t>();
    REQUIRE(ring == 4 * 4096);
    std::vector<int> peers;
    std::vector<int64_t> streams;
    std::vector<char> first(kStreams);
    for (size_t i = 0; i < kStreams; ++i) {
        peers.push_back(test::raw_connect(l.addr));
        streams.push_back(un_tcp_accept(l.handle, test::kWait));
        REQUIRE(streams.back() > 0);
        REQUIRE(un_tcp_read_submit(streams.back(), &first[i], 1, test::kWait,
                                   i) > 0);
        REQUIRE(send(peers.back(), "s", 1, 0) == 1);
    }
    REQUIRE(wait_results(held, kStreams) == kStreams); // every stream now receives through its multishot receive
    const uint64_t dry = total("buffer_ring_empty");

    hold_runtime(held);
    const std::string data = pattern(kEach);
    std::vector<size_t> sent(kStreams, 0);
    for (size_t i = 0; i < kStreams; ++i) { // as much as each socket takes while the runtime is busy
        const ssize_t n = send(peers[i], data.data(), data.size(), MSG_DONTWAIT);
        sent[i] = n > 0 ? static_cast<size_t>(n) : 0;
    }
    held.release.store(true);
    for (size_t i = 0; i < kStreams; ++i) {
        const size_t k = i;
        const int peer = peers[k];
        const int flags = fcntl(peer, F_GETFL);
        fcntl(peer, F_SETFL, flags & ~O_NONBLOCK);
        std::thread rest([&, peer, k] {
            size_t off = sent[k];
            while (off < data.size()) {
                const ssize_t n = send(peer, data.data() + off, data.size() - off, 0);
                if (n <= 0) {
                    break;
                }
                off += static_cast<size_t>(n);
            }
        });
        const std::string got = test::read_exact(streams[k], kEach);
        rest.join();
        CHECK(got == data);
        close(peer);
    }
    size_t all = 0;
    for (size_t n : sent) {
        all += n;
    }
    INFO("bytes sent while the runtime was busy: " << all);
    CHECK(all > ring); // more than the ring holds
    CHECK(total("buffer_ring_empty") > dry);
    un_set_completion_callback(nullptr, nullptr);
}
