// The asynchronous API: *_submit, completions by poll / eventfd / callback, op_cancel,
// batches, ordering, many submitters, and shutdown with a thousand operations in flight.
#include <dirent.h>
#include <poll.h>

#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <vector>

#include "helpers.hpp"

using test::collect;

TEST_CASE("async accept, connect, write and read complete once, with their user_data", "[async]") {
    test::Runtime rt;
    test::Listener l;
    const int64_t acc = un_tcp_accept_submit(l.handle, test::kWait, 1);
    const int64_t con = un_tcp_connect_submit(l.addr.c_str(), test::kWait, 2);
    REQUIRE(acc > 0);
    REQUIRE(con > 0);
    CHECK(acc != con);
    std::map<uint64_t, un_completion_t> by_user;
    for (const auto &c : collect(2)) {
        by_user[c.user_data] = c;
    }
    REQUIRE(by_user.size() == 2);
    CHECK(by_user[1].op_id == acc);
    CHECK(by_user[1].request == UN_REQUEST_TCP_ACCEPT);
    CHECK(by_user[2].request == UN_REQUEST_TCP_CONNECT);
    const int64_t server = by_user[1].result, client = by_user[2].result;
    REQUIRE(server > 0);
    REQUIRE(client > 0);

    char in[16] = {};
    const int64_t rd = un_tcp_read_submit(server, in, sizeof in, test::kWait, 3);
    const int64_t wr = un_tcp_write_submit(client, "async!", 6, test::kWait, 4);
    REQUIRE(rd > 0);
    REQUIRE(wr > 0);
    std::map<uint64_t, int64_t> results;
    for (const auto &c : collect(2)) {
        results[c.user_data] = c.result;
    }
    CHECK(results[3] == 6);
    CHECK(results[4] == 6);
    CHECK(std::memcmp(in, "async!", 6) == 0);
    un_completion_t extra{};
    CHECK(un_poll(&extra, 1, 0) == 0); // nothing more
}

TEST_CASE("async writes on one stream arrive in submit order", "[async][order]") {
    test::Runtime rt;
    test::Pair p;
    const int64_t c = p.client, s = p.server;
    constexpr int kRecords = 200;
    constexpr size_t kSize = 32 * 1024; // several need more than one send
    std::vector<std::vector<char>> records(kRecords, std::vector<char>(kSize));
    for (int i = 0; i < kRecords; ++i) {
        std::memset(records[i].data(), 'A' + i % 26, kSize);
        std::memcpy(records[i].data(), &i, sizeof i);
        REQUIRE(un_tcp_write_submit(c, records[i].data(), kSize, test::kWait, static_cast<uint64_t>(i)) > 0);
    }
    for (int i = 0; i < kRecords; ++i) {
        const std::string rec = test::read_exact(s, kSize);
        int seq;
        std::memcpy(&seq, rec.data(), sizeof seq);
        REQUIRE(seq == i);
        REQUIRE(rec.find_first_not_of(static_cast<char>('A' + i % 26), sizeof seq) == std::string::npos);
    }
    const auto done = collect(kRecords);
    REQUIRE(done.size() == kRecords);
    for (const auto &d : done) {
        CHECK(d.result == static_cast<int64_t>(kSize));
    }
}

TEST_CASE("completion eventfd is readable exactly while completions wait", "[async]") {
    test::Runtime rt;
    const int fd = static_cast<int>(un_completion_fd());
    REQUIRE(fd >= 0);
    CHECK(un_completion_fd() == fd); // one per process
    pollfd p{fd, POLLIN, 0};
    CHECK(::poll(&p, 1, 0) == 0);
    const int64_t a = un_udp_bind("127.0.0.1:0", 0);
    char buf[8];
    char from[64];
    const int64_t id = un_udp_recv_from_submit(a, buf, sizeof buf, from, sizeof from, 10, 99);
    REQUIRE(id > 0);
    REQUIRE(::poll(&p, 1, static_cast<int>(test::kWait)) == 1); // the host's event loop wakes
    un_completion_t c{};
    REQUIRE(un_poll(&c, 1, 0) == 1);
    CHECK(c.op_id == id);
    CHECK(c.user_data == 99);
    CHECK(c.result == UN_ERR_TIMED_OUT);
    CHECK(::poll(&p, 1, 0) == 0); // drained: no longer readable
}

TEST_CASE("callbacks run on the runtime thread, may submit, may not block", "[async][callback]") {
    test::Runtime rt;
    struct State {
        std::mutex mu;
        std::vector<un_completion_t> seen;
        std::thread::id thread;
        int64_t blocking_result = 0;
        int64_t chained = 0;
        std::atomic<int> count{0};
        int64_t sock = 0;
        std::string peer;
        char buf[8] = {};
    } st;
    st.sock = un_udp_bind("127.0.0.1:0", 0);
    st.peer = test::local_addr(st.sock);
    REQUIRE(un_set_completion_callback(
                [](void *ctx, const un_completion_t *c) {
                    auto *s = static_cast<State *>(ctx);
                    {
                        std::lock_guard lk(s->mu);
                        s->seen.push_back(*c);
                        s->thread = std::this_thread::get_id();
                    }
                    if (c->user_data == 1) {
                        char tiny[8];
                        s->blocking_result = un_udp_recv(s->sock, tiny, sizeof tiny, 0); // blocking: refused
                        s->chained = un_udp_send_to_submit(s->sock, "chain", 5, s->peer.c_str(), -1, 2);
                    }
                    s->count.fetch_add(1);
                },
                &st) == 0);
    REQUIRE(un_udp_send_to_submit(st.sock, "first", 5, st.peer.c_str(), -1, 1) > 0);
    REQUIRE(test::eventually([&] { return st.count.load() >= 2; }));
    un_set_completion_callback(nullptr, nullptr);
    REQUIRE(st.count.load() == 2);
    CHECK(st.thread != std::this_thread::get_id());
    CHECK(st.blocking_result == UN_ERR_WOULD_DEADLOCK);
    CHECK(st.chained > 0);
    CHECK(st.seen[1].op_id == st.chained);
    CHECK(st.seen[1].result == 5);
    char got[8];
    CHECK(un_udp_recv(st.sock, got, sizeof got, test::kWait) == 5);
    CHECK(un_udp_recv(st.sock, got, sizeof got, test::kWait) == 5);
    CHECK(un_poll(st.seen.data(), 1, 0) == 0); // none went to the queue
}

TEST_CASE("changing the callback waits for a running call of the old one", "[async][callback]") {
    test::Runtime rt;
    struct State {
        std::atomic<bool> inside{false};
        std::atomic<int> calls{0};
    };
    auto st = std::make_unique<State>();
    const auto slow = [](void *ctx, const un_completion_t *) {
        auto *s = static_cast<State *>(ctx);
        s->inside.store(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        s->calls.fetch_add(1);
        s->inside.store(false);
    };
    REQUIRE(un_set_completion_callback(slow, st.get()) == 0);
    const int64_t sock = un_udp_bind("127.0.0.1:0", 0);
    const std::string peer = test::local_addr(sock);
    REQUIRE(un_udp_send_to_submit(sock, "x", 1, peer.c_str(), -1, 1) > 0);
    REQUIRE(test::eventually([&] { return st->inside.load(); }));
    REQUIRE(un_set_completion_callback(nullptr, nullptr) == 0);
    CHECK_FALSE(st->inside.load()); // the call had returned: its ctx may go
    CHECK(st->calls.load() == 1);
    st.reset();
    // Later completions are queued again.
    REQUIRE(un_udp_send_to_submit(sock, "y", 1, peer.c_str(), -1, 2) > 0);
    const auto cs = collect(1);
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].user_data == 2);
}

TEST_CASE("a callback may replace itself, and later completions go to the new one", "[async][callback]") {
    test::Runtime rt;
    struct Counts {
        std::atomic<int> first{0}, second{0};
    } counts;
    const auto second = [](void *ctx, const un_completion_t *) { static_cast<Counts *>(ctx)->second.fetch_add(1); };
    static un_completion_fn s_second = second;
    const auto first = [](void *ctx, const un_completion_t *) {
        auto *c = static_cast<Counts *>(ctx);
        c->first.fetch_add(1);
        un_set_completion_callback(s_second, ctx); // from inside a callback: does not wait for itself
    };
    REQUIRE(un_set_completion_callback(first, &counts) == 0);
    const int64_t sock = un_udp_bind("127.0.0.1:0", 0);
    const std::string peer = test::local_addr(sock);
    for (uint64_t i = 0; i < 3; ++i) {
        REQUIRE(un_udp_send_to_submit(sock, "x", 1, peer.c_str(), -1, i) > 0);
    }
    REQUIRE(test::eventually([&] { return counts.first.load() + counts.second.load() >= 3; }));
    REQUIRE(un_set_completion_callback(nullptr, nullptr) == 0); // frees the replaced pairs
    CHECK(counts.first.load() == 1);
    CHECK(counts.second.load() == 2);
}

TEST_CASE("op_cancel stops one operation, whose completion says CANCELED", "[async][cancel]") {
    test::Runtime rt;
    const int64_t a = un_udp_bind("127.0.0.1:0", 0);
    char buf[8];
    const int64_t keep = un_udp_recv_submit(a, buf, sizeof buf, -1, 1);
    char buf2[8];
    const int64_t stop = un_udp_recv_submit(a, buf2, sizeof buf2, -1, 2);
    REQUIRE(test::eventually([] { return test::total_stats()["in_flight"] == 2; }, 1000));
    CHECK(un_op_cancel(stop) == 0);
    un_completion_t c{};
    REQUIRE(un_poll(&c, 1, test::kWait) == 1);
    CHECK(c.op_id == stop);
    CHECK(c.result == UN_ERR_CANCELED);
    CHECK(un_op_cancel(stop) == UN_ERR_OP_NOT_FOUND);
    CHECK(un_op_cancel(-3) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_udp_send_to(a, "x", 1, test::local_addr(a).c_str(), test::kWait) == 1);
    REQUIRE(un_poll(&c, 1, test::kWait) == 1);
    CHECK(c.op_id == keep);
    CHECK(c.result == 1);
}

TEST_CASE("a batch reaches the runtime thread in one wake-up", "[async][batch]") {
    test::Runtime rt;
    const int64_t a = un_udp_bind("127.0.0.1:0", 0);
    const int64_t b = un_udp_bind("127.0.0.1:0", 0);
    const std::string to = test::local_addr(b);
    std::this_thread::sleep_for(std::chrono::milliseconds(20)); // let the runtime fall asleep
    const auto before = test::total_stats();
    REQUIRE(un_batch_begin() == 0);
    std::set<int64_t> ids;
    for (int i = 0; i < 100; ++i) {
        ids.insert(un_udp_send_to_submit(a, "b", 1, to.c_str(), -1, static_cast<uint64_t>(i)));
    }
    CHECK(before["largest_drain"].get<uint64_t>() < 100);
    CHECK(un_batch_end() == 100);
    const auto done = collect(100);
    CHECK(done.size() == 100);
    CHECK(ids.size() == 100);
    const auto after = test::total_stats();
    // All 100 were taken from the queue at once, after a single wake-up. (The two stats
    // calls around the batch account for at most two more wake-ups.)
    CHECK(after["largest_drain"].get<uint64_t>() >= 100);
    CHECK(after["wakeups"].get<uint64_t>() - before["wakeups"].get<uint64_t>() <= 3);
    CHECK(un_batch_end() == UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("many threads submit at once: every operation completes exactly once", "[async][concurrency]") {
    test::Runtime rt;
    const int64_t sink = un_udp_bind("127.0.0.1:0", 0);
    const std::string to = test::local_addr(sink);
    constexpr int kThreads = 8, kEach = 500;
    std::vector<int64_t> ids(kThreads * kEach, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            const int64_t s = un_udp_bind("127.0.0.1:0", 0);
            for (int i = 0; i < kEach; ++i) {
                ids[t * kEach + i] =
                    un_udp_send_to_submit(s, "m", 1, to.c_str(), -1, (static_cast<uint64_t>(t) << 32) | i);
            }
        });
    }
    for (auto &t : threads) {
        t.join();
    }
    const auto done = collect(kThreads * kEach);
    REQUIRE(done.size() == kThreads * kEach);
    std::set<int64_t> seen_ids;
    std::set<uint64_t> seen_user;
    for (const auto &c : done) {
        CHECK(c.result == 1);
        seen_ids.insert(c.op_id);
        seen_user.insert(c.user_data);
    }
    CHECK(seen_ids.size() == done.size());
    CHECK(seen_user.size() == done.size());
    CHECK(seen_ids == std::set<int64_t>(ids.begin(), ids.end()));
    un_completion_t extra{};
    CHECK(un_poll(&extra, 1, 0) == 0);
}

TEST_CASE("shutdown with 1000 operations in flight completes them all and leaks nothing", "[async][shutdown]") {
    const int fds = test::open_fds();
    REQUIRE(un_runtime_init() == 0);
    constexpr int kSockets = 10, kEach = 100;
    static char bufs[kSockets * kEach][16];
    for (int s = 0; s < kSockets; ++s) {
        const int64_t sock = un_udp_bind("127.0.0.1:0", 0);
        for (int i = 0; i < kEach; ++i) {
            REQUIRE(un_udp_recv_submit(sock, bufs[s * kEach + i], 16, -1, static_cast<uint64_t>(s * kEach + i)) > 0);
        }
    }
    REQUIRE(test::eventually([] { return test::total_stats()["in_flight"] == kSockets * kEach; }));
    REQUIRE(test::total_stats()["in_flight"] == kSockets * kEach);
    REQUIRE(un_runtime_shutdown() == 0);
    const auto done = collect(kSockets * kEach, 0); // still collectable after the shutdown
    REQUIRE(done.size() == kSockets * kEach);
    for (const auto &c : done) {
        CHECK(c.result == UN_ERR_SHUT_DOWN);
    }
    un_completion_t extra{};
    CHECK(un_poll(&extra, 1, -1) == 0); // nothing will come: no wait
    CHECK(un_udp_recv_submit(1, bufs[0], 16, -1, 0) == UN_ERR_SHUT_DOWN);
    CHECK(test::open_fds() == fds);
}

TEST_CASE("reads and writes that need not wait complete on the calling thread", "[fastpath]") {
    test::Runtime rt;
    test::Pair p;
    const int64_t c = p.client, s = p.server;
    const auto before = test::total_stats();
    REQUIRE(un_tcp_write(c, "direct", 6, test::kWait) == 6); // the socket buffer takes it
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(test::read_exact(s, 6) == "direct"); // the data is already there
    const auto after = test::total_stats();
    CHECK(after["fast_writes"].get<uint64_t>() - before["fast_writes"].get<uint64_t>() == 1);
    CHECK(after["fast_reads"].get<uint64_t>() - before["fast_reads"].get<uint64_t>() == 1);
    CHECK(after["bytes_written"].get<uint64_t>() - before["bytes_written"].get<uint64_t>() == 6);
    // With nothing to read, the read waits on the runtime thread and still times out there.
    char buf[4];
    CHECK(un_tcp_read(s, buf, sizeof buf, 10) == UN_ERR_TIMED_OUT);
}

TEST_CASE("async and blocking writes mixed on one stream keep their order", "[fastpath][order]") {
    test::Runtime rt;
    test::Pair p;
    const int64_t c = p.client, s = p.server;
    constexpr int kRecords = 300;
    constexpr size_t kSize = 16 * 1024;
    std::vector<std::vector<char>> records(kRecords, std::vector<char>(kSize));
    std::atomic<int> submitted{0};
    std::thread writer([&] {
        for (int i = 0; i < kRecords; ++i) {
            std::memset(records[i].data(), 'a' + i % 26, kSize);
            std::memcpy(records[i].data(), &i, sizeof i);
            if (i % 3 == 0) { // every third one asynchronous, the rest blocking (often direct)
                un_tcp_write_submit(c, records[i].data(), kSize, test::kWait, static_cast<uint64_t>(i));
                submitted.fetch_add(1);
            } else {
                un_tcp_write(c, records[i].data(), kSize, test::kWait);
            }
        }
    });
    for (int i = 0; i < kRecords; ++i) {
        const std::string rec = test::read_exact(s, kSize);
        int seq;
        std::memcpy(&seq, rec.data(), sizeof seq);
        REQUIRE(seq == i);
    }
    writer.join();
    CHECK(collect(static_cast<size_t>(submitted.load())).size() == static_cast<size_t>(submitted.load()));
}
