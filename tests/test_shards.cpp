// Thread-per-core shards: handles name their shard, new work goes to the least-loaded shard,
// accepted connections are handed between shards, everything works across them.
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <vector>

#include "conformance.hpp"
#include "helpers.hpp"

namespace {

// The shards that hold open handles, read from the statistics (handles are opaque).
std::set<uint32_t> shards_holding_handles() {
    std::set<uint32_t> used;
    const auto stats = test::stats(); // (kept alive while its shards are read)
    for (const auto &shard : stats["shards"]) {
        if (shard["open_handles"].get<uint64_t>() > 0) {
            used.insert(shard["shard"].get<uint32_t>());
        }
    }
    return used;
}

// Two shards, or a skip where the process may use only one core.
bool two_shards() {
    if (un_runtime_num_cores() < 2) {
        conformance::skip("this process may run on one core only: shards need two");
        return false;
    }
    REQUIRE(un_runtime_configure_shards(2) == 0);
    return true;
}

} // namespace

TEST_CASE("the shard count is checked", "[shards]") {
    CHECK(un_runtime_configure_shards(0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_shards(un_runtime_num_cores() + 1) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_shards(1) == 0);
}

TEST_CASE("accepted connections spread over two shards", "[shards]") {
    if (!two_shards()) {
        return;
    }
    test::Runtime rt;
    REQUIRE(test::stats()["shard_count"] == 2);
    test::Listener l;
    // Clients outside the runtime (plain sockets): all the load is the accepted streams.
    std::vector<int> clients;
    std::vector<int64_t> servers;
    for (int i = 0; i < 40; ++i) {
        clients.push_back(test::raw_connect(l.addr));
        servers.push_back(un_tcp_accept(l.handle, test::kWait));
        REQUIRE(servers.back() > 0);
    }
    CHECK(shards_holding_handles() == std::set<uint32_t>{0, 1});
    const auto s = test::stats();
    CHECK(s["shards"][0]["open_handles"].get<uint64_t>() >= 15);
    CHECK(s["shards"][1]["open_handles"].get<uint64_t>() >= 15);
    CHECK(s["total"]["handed_over"].get<uint64_t>() > 0); // the listener's shard gave some away
    // Every connection works, whichever shard holds it.
    for (size_t i = 0; i < clients.size(); ++i) {
        const std::string msg = "conn " + std::to_string(i);
        REQUIRE(send(clients[i], msg.data(), msg.size(), 0) == static_cast<ssize_t>(msg.size()));
        CHECK(test::read_exact(servers[i], msg.size()) == msg);
        REQUIRE(un_tcp_write(servers[i], "ok", 2, test::kWait) == 2);
        char back[2];
        CHECK(recv(clients[i], back, 2, MSG_WAITALL) == 2);
        close(clients[i]);
    }
}

TEST_CASE("new streams and sockets keep the shards balanced", "[shards]") {
    if (!two_shards()) {
        return;
    }
    test::Runtime rt;
    test::Listener l;
    for (int i = 0; i < 10; ++i) {
        REQUIRE(un_tcp_connect(l.addr.c_str(), test::kWait) > 0);
        REQUIRE(un_tcp_accept(l.handle, test::kWait) > 0);
        REQUIRE(un_udp_bind("127.0.0.1:0", 0) > 0);
    }
    const auto s = test::stats();
    const auto a = s["shards"][0]["open_handles"].get<int64_t>(), b = s["shards"][1]["open_handles"].get<int64_t>();
    INFO("shard 0 holds " << a << " handles, shard 1 holds " << b);
    CHECK(a + b == 31);
    CHECK(std::abs(a - b) <= 1);
}

TEST_CASE("async operations, batches and op_cancel across shards", "[shards][async]") {
    if (!two_shards()) {
        return;
    }
    test::Runtime rt;
    std::vector<int64_t> socks;
    for (int i = 0; i < 4; ++i) {
        socks.push_back(un_udp_bind("127.0.0.1:0", 0));
    }
    REQUIRE(shards_holding_handles().size() == 2); // the four sockets are all it holds
    static char bufs[4][16];
    std::vector<int64_t> ids;
    REQUIRE(un_batch_begin() == 0);
    for (int i = 0; i < 4; ++i) {
        ids.push_back(un_udp_recv_submit(socks[i], bufs[i], 16, -1, static_cast<uint64_t>(i)));
    }
    REQUIRE(un_batch_end() == 4);
    REQUIRE(test::eventually([] { return test::total_stats()["in_flight"] == 4; }, 1000));
    for (int64_t id : ids) { // each op id finds its own shard
        CHECK(un_op_cancel(id) == 0);
    }
    un_completion_t c[4];
    int got = 0;
    while (got < 4) {
        const int64_t n = un_poll(c + got, static_cast<uint32_t>(4 - got), test::kWait);
        REQUIRE(n > 0);
        got += static_cast<int>(n);
    }
    for (const auto &done : c) {
        CHECK(done.result == UN_ERR_CANCELED);
    }
}

TEST_CASE("streams on every shard receive through their own shard's buffer ring", "[shards][multishot]") {
    if (!two_shards()) {
        return;
    }
    test::Runtime rt;
    const bool ms = test::stats()["multishot_recv"].get<bool>();
    test::Listener l;
    constexpr int kPairs = 4;
    std::vector<int64_t> ends; // client, server, client, server, ...: both shards hold some
    for (int i = 0; i < kPairs; ++i) {
        ends.push_back(un_tcp_connect(l.addr.c_str(), test::kWait));
        ends.push_back(un_tcp_accept(l.handle, test::kWait));
        REQUIRE(ends.back() > 0);
    }
    REQUIRE(shards_holding_handles().size() == 2);
    static char bufs[2 * kPairs][32];
    const auto message = [](int round, size_t end) { return "round " + std::to_string(round) + " end " + std::to_string(end); };
    for (int round = 0; round < 3; ++round) {
        for (size_t i = 0; i < ends.size(); ++i) {
            REQUIRE(un_tcp_read_submit(ends[i], bufs[i], sizeof bufs[i], test::kWait, i) > 0);
        }
        for (size_t i = 0; i < ends.size(); ++i) { // each end writes to its partner
            const std::string msg = message(round, i ^ 1);
            REQUIRE(un_tcp_write(ends[i], msg.data(), static_cast<uint32_t>(msg.size()), test::kWait) ==
                    static_cast<int64_t>(msg.size()));
        }
        const auto done = test::collect(ends.size());
        REQUIRE(done.size() == ends.size());
        for (const auto &c : done) {
            const std::string msg = message(round, c.user_data);
            REQUIRE(c.result == static_cast<int64_t>(msg.size()));
            CHECK(std::string(bufs[c.user_data], msg.size()) == msg);
        }
    }
    const auto stats = test::stats();
    for (const auto &shard : stats["shards"]) {
        INFO("shard " << shard["shard"]);
        CHECK((shard["multishot_recvs"].get<uint64_t>() > 0) == ms);
    }
}

TEST_CASE("statistics reset on every shard, and shutdown stops every shard", "[shards]") {
    if (!two_shards()) {
        return;
    }
    REQUIRE(un_runtime_init() == 0);
    std::vector<int64_t> socks;
    for (int i = 0; i < 4; ++i) {
        socks.push_back(un_udp_bind("127.0.0.1:0", 0));
    }
    CHECK(test::stats()["total"]["completed"].get<uint64_t>() >= 4);
    REQUIRE(un_runtime_reset_stats() == 0);
    const auto s = test::stats();
    CHECK(s["shards"][0]["completed"].get<uint64_t>() <= 1); // at most the stats call itself
    CHECK(s["shards"][1]["completed"].get<uint64_t>() <= 1);
    CHECK(s["total"]["open_handles"] == 4); // gauges are not reset
    std::vector<std::thread> blocked;
    std::vector<int64_t> results(socks.size(), 1);
    for (size_t i = 0; i < socks.size(); ++i) {
        blocked.emplace_back([&, i] {
            char buf[8];
            results[i] = un_udp_recv(socks[i], buf, sizeof buf, -1);
        });
    }
    REQUIRE(test::eventually([&] { return test::total_stats()["in_flight"] == socks.size(); }, 1000));
    REQUIRE(un_runtime_shutdown() == 0);
    for (auto &t : blocked) {
        t.join();
    }
    for (int64_t r : results) {
        CHECK(r == UN_ERR_SHUT_DOWN);
    }
}
