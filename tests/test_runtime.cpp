// Runtime lifetime: init, shutdown, ring entries, cores, statistics, calls at the wrong time.
#include <dirent.h>
#include <sched.h>

#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "helpers.hpp"

TEST_CASE("calls before runtime_init return NOT_INITIALIZED", "[runtime]") {
    char buf[8];
    CHECK(un_tcp_listen("127.0.0.1:0", 0, 0) == UN_ERR_NOT_INITIALIZED);
    CHECK(un_tcp_connect("127.0.0.1:1", 0) == UN_ERR_NOT_INITIALIZED);
    CHECK(un_tcp_read(1, buf, sizeof buf, 0) == UN_ERR_NOT_INITIALIZED);
    CHECK(un_runtime_stats(buf, sizeof buf) == UN_ERR_NOT_INITIALIZED);
    CHECK(un_runtime_shutdown() == UN_ERR_NOT_INITIALIZED);
}

TEST_CASE("runtime init and shutdown pair up", "[runtime]") {
    REQUIRE(un_runtime_init() == 0);
    CHECK(un_runtime_init() == UN_ERR_ALREADY_INITIALIZED);
    CHECK(un_runtime_shutdown() == 0);
    CHECK(un_runtime_shutdown() == UN_ERR_SHUT_DOWN);
    REQUIRE(un_runtime_init() == 0); // a runtime can be started again
    CHECK(un_runtime_shutdown() == 0);
}

TEST_CASE("ring entries are configurable from 1 to 32768", "[runtime]") {
    CHECK(un_runtime_configure_entries(0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_entries(-1) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_runtime_configure_entries(32769) == UN_ERR_INVALID_ARGUMENT);
    for (int64_t entries : {int64_t{1}, int64_t{2}, int64_t{32768}}) {
        INFO("entries " << entries);
        REQUIRE(un_runtime_configure_entries(entries) == 0);
        test::Runtime rt;
        CHECK(test::stats()["entries"] == entries);
        // A real exchange works on the smallest and the largest ring.
        test::Pair p;
        CHECK(un_tcp_write(p.client, "ping", 4, test::kWait) == 4);
        CHECK(test::read_exact(p.server, 4) == "ping");
    }
}

TEST_CASE("number of cores matches the process affinity", "[runtime]") {
    cpu_set_t set;
    CPU_ZERO(&set);
    REQUIRE(sched_getaffinity(0, sizeof set, &set) == 0);
    CHECK(un_runtime_num_cores() == CPU_COUNT(&set));
}

TEST_CASE("statistics count operations, bytes and handles", "[runtime]") {
    test::Runtime rt;
    auto before = test::stats();
    CHECK(before["backend"] == test::expected_backend());
    CHECK(before["backend_reason"].get<std::string>().size() > 10);
    CHECK(before["total"]["accepts"] == 0);
    test::Pair p;
    const int64_t c = p.client, s = p.server;
    REQUIRE(un_tcp_write(c, "hello", 5, test::kWait) == 5);
    REQUIRE(test::read_exact(s, 5) == "hello");
    auto after = test::stats();
    const auto &t = after["total"];
    CHECK(t["accepts"] == 1);
    CHECK(t["connects"] == 1);
    CHECK(t["bytes_written"] == 5);
    CHECK(t["bytes_read"] == 5);
    CHECK(t["open_handles"] == 3);
    CHECK(t["in_flight"] == 0);
    CHECK(t["completed"].get<uint64_t>() >= 6);
    CHECK(after["shards"].size() == 1);
    // io_uring registers every socket in its file table where the kernel allows it.
    CHECK(t["registered_files"].get<uint64_t>() == (after["fixed_files"].get<bool>() ? 3 : 0));
    if (after["backend"] == "epoll") {
        CHECK_FALSE(after["fixed_files"].get<bool>());
    } else if (!after["fixed_files"].get<bool>()) {
        WARN("this kernel has no sparse file table (Linux 5.19+): sockets are not registered");
    }
    CHECK(un_tcp_read(s, nullptr, 0, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(test::stats()["total"]["errors"] == 1);
    char tiny[4];
    CHECK(un_runtime_stats(tiny, sizeof tiny) == UN_ERR_BUFFER_TOO_SMALL);
}

TEST_CASE("every call after shutdown returns SHUT_DOWN", "[runtime]") {
    int64_t l, c, s;
    {
        test::Runtime rt;
        test::Listener listener;
        l = listener.handle;
        c = un_tcp_connect(listener.addr.c_str(), test::kWait);
        s = un_tcp_accept(l, test::kWait);
        REQUIRE(c > 0);
        REQUIRE(s > 0);
    }
    char buf[64];
    CHECK(un_tcp_listen("127.0.0.1:0", 0, 0) == UN_ERR_SHUT_DOWN);
    CHECK(un_tcp_connect("127.0.0.1:1", 0) == UN_ERR_SHUT_DOWN);
    CHECK(un_tcp_accept(l, 0) == UN_ERR_SHUT_DOWN);
    CHECK(un_tcp_read(s, buf, sizeof buf, 0) == UN_ERR_SHUT_DOWN);
    CHECK(un_tcp_write(c, "x", 1, 0) == UN_ERR_SHUT_DOWN);
    CHECK(un_tcp_close(c) == UN_ERR_SHUT_DOWN);
    CHECK(un_tcp_listener_close(l) == UN_ERR_SHUT_DOWN);
    CHECK(un_socket_local_addr(l, buf, sizeof buf) == UN_ERR_SHUT_DOWN);
    CHECK(un_runtime_stats(buf, sizeof buf) == UN_ERR_SHUT_DOWN);
}

TEST_CASE("shutdown completes blocked operations with SHUT_DOWN and leaks no fd", "[runtime]") {
    const int fds_before = test::open_fds();
    REQUIRE(un_runtime_init() == 0);
    test::Pair p; // the client end stays open, so reads on the server end wait
    test::Listener &l = p.l;
    const int64_t s = p.server;
    constexpr int kBlocked = 20;
    std::vector<int64_t> results(kBlocked, 1);
    std::vector<std::thread> threads;
    for (int i = 0; i < kBlocked; ++i) {
        threads.emplace_back([&, i] {
            char buf[16];
            // Half wait in accept, half in read; none has a deadline.
            results[i] = (i % 2) ? un_tcp_accept(l.handle, -1) : un_tcp_read(s, buf, sizeof buf, -1);
        });
    }
    // Wait until every request reached the runtime thread and sits in the kernel.
    for (int tries = 0; tries < 1000; ++tries) {
        if (test::stats()["total"]["in_flight"] == kBlocked) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(test::stats()["total"]["in_flight"] == kBlocked);
    REQUIRE(un_runtime_shutdown() == 0);
    for (auto &t : threads) {
        t.join();
    }
    for (int i = 0; i < kBlocked; ++i) {
        CHECK(results[i] == UN_ERR_SHUT_DOWN);
    }
    CHECK(test::open_fds() == fds_before);
}

TEST_CASE("handles of an earlier runtime are rejected with WRONG_RUNTIME", "[runtime]") {
    int64_t old_listener;
    {
        test::Runtime rt;
        old_listener = test::Listener().handle;
    }
    test::Runtime rt;
    test::Listener fresh;
    CHECK(un_tcp_accept(old_listener, 0) == UN_ERR_WRONG_RUNTIME);
    CHECK(un_tcp_listener_close(old_listener) == UN_ERR_WRONG_RUNTIME);
    CHECK(un_tcp_listener_close(fresh.handle) == 0);
}
