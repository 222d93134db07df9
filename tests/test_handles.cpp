// Handles: closed, stale, never issued, wrong kind, garbage — each a distinct error.
#include "helpers.hpp"

TEST_CASE("closed and double-closed handles answer CLOSED", "[handles]") {
    test::Runtime rt;
    test::Listener l;
    const int64_t c = un_tcp_connect(l.addr.c_str(), test::kWait);
    REQUIRE(c > 0);
    char buf[8];
    REQUIRE(un_tcp_close(c) == 0);
    CHECK(un_tcp_close(c) == UN_ERR_CLOSED);
    CHECK(un_tcp_read(c, buf, sizeof buf, 0) == UN_ERR_CLOSED);
    CHECK(un_tcp_write(c, "x", 1, 0) == UN_ERR_CLOSED);
    REQUIRE(un_tcp_listener_close(l.handle) == 0);
    CHECK(un_tcp_listener_close(l.handle) == UN_ERR_CLOSED);
    CHECK(un_tcp_accept(l.handle, 0) == UN_ERR_CLOSED);
}

TEST_CASE("a stale handle never reaches the slot's new owner", "[handles]") {
    test::Runtime rt;
    test::Listener l;
    const int64_t a = un_tcp_connect(l.addr.c_str(), test::kWait);
    REQUIRE(a > 0);
    REQUIRE(un_tcp_close(a) == 0);
    // The next stream reuses the registry slot with a new generation.
    const int64_t b = un_tcp_connect(l.addr.c_str(), test::kWait);
    REQUIRE(b > 0);
    CHECK(b != a);
    CHECK((b & 0xFFFFFF) == (a & 0xFFFFFF));
    const int64_t server_side = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(server_side > 0);
    CHECK(un_tcp_write(a, "stale", 5, 0) == UN_ERR_CLOSED);
    CHECK(un_tcp_write(b, "fresh", 5, test::kWait) == 5);
}

TEST_CASE("handles of the wrong kind answer WRONG_KIND", "[handles]") {
    test::Runtime rt;
    test::Listener l;
    const int64_t c = un_tcp_connect(l.addr.c_str(), test::kWait);
    REQUIRE(c > 0);
    char buf[8];
    CHECK(un_tcp_read(l.handle, buf, sizeof buf, 0) == UN_ERR_WRONG_KIND);
    CHECK(un_tcp_close(l.handle) == UN_ERR_WRONG_KIND);
    CHECK(un_tcp_accept(c, 0) == UN_ERR_WRONG_KIND);
    CHECK(un_tcp_listener_close(c) == UN_ERR_WRONG_KIND);
    // Both handles still work afterwards.
    CHECK(un_tcp_listener_close(l.handle) == 0);
    CHECK(un_tcp_close(c) == 0);
}

TEST_CASE("never-issued and malformed handles answer BAD_HANDLE", "[handles]") {
    test::Runtime rt;
    test::Listener l;
    char buf[8];
    for (int64_t h : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{42}, INT64_MAX, INT64_MIN}) {
        INFO("handle " << h);
        CHECK(un_tcp_read(h, buf, sizeof buf, 0) == UN_ERR_BAD_HANDLE);
        CHECK(un_tcp_accept(h, 0) == UN_ERR_BAD_HANDLE);
    }
    // A well-formed handle for a slot index that was never used.
    const int64_t unused_index = l.handle + 1000;
    CHECK(un_tcp_accept(unused_index, 0) == UN_ERR_BAD_HANDLE);
    // A generation newer than the slot's.
    const int64_t future_gen = l.handle + (int64_t{5} << 24);
    CHECK(un_tcp_accept(future_gen, 0) == UN_ERR_BAD_HANDLE);
    // A shard that does not exist.
    const int64_t other_shard = l.handle | (int64_t{7} << 44);
    CHECK(un_tcp_accept(other_shard, 0) == UN_ERR_BAD_HANDLE);
    // The real listener is untouched by all of that.
    CHECK(un_tcp_listener_close(l.handle) == 0);
}

TEST_CASE("null buffers and addresses are rejected before reaching the runtime", "[handles]") {
    test::Runtime rt;
    test::Listener l;
    const int64_t c = un_tcp_connect(l.addr.c_str(), test::kWait);
    REQUIRE(c > 0);
    CHECK(un_tcp_read(c, nullptr, 10, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_tcp_write(c, nullptr, 10, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_tcp_write(c, nullptr, 0, 0) == 0);
    CHECK(un_tcp_connect(nullptr, 0) == UN_ERR_BAD_ADDRESS);
    CHECK(un_tcp_listen(nullptr, 0, 0) == UN_ERR_BAD_ADDRESS);
    CHECK(un_runtime_stats(nullptr, 0) == UN_ERR_BUFFER_TOO_SMALL);
}
