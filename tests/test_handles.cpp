// Handles: closed, stale, never issued, wrong kind, garbage — each a distinct error.
#include <unistd.h>

#include <vector>

#include "helpers.hpp"
#include "netns.hpp"

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
    // More new streams than were ever closed: whichever slot layout the registry has, one of
    // them takes over the closed stream's slot.
    std::vector<int64_t> fresh;
    for (int i = 0; i < 8; ++i) {
        fresh.push_back(un_tcp_connect(l.addr.c_str(), test::kWait));
        REQUIRE(fresh.back() > 0);
        CHECK(fresh.back() != a);
        REQUIRE(un_tcp_accept(l.handle, test::kWait) > 0);
    }
    CHECK(un_tcp_write(a, "stale", 5, 0) == UN_ERR_CLOSED);
    CHECK(un_tcp_close(a) == UN_ERR_CLOSED);
    for (int64_t h : fresh) { // the stale handle's calls reached none of them
        CHECK(un_tcp_write(h, "fresh", 5, test::kWait) == 5);
        CHECK(un_tcp_close(h) == 0);
    }
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

namespace {

// A listener handle from a forked child's second runtime, sent back through a pipe.
int64_t unissued_listener() {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const int status = test::wait_child(test::spawn([&] {
        un_runtime_init();
        un_runtime_shutdown();
        un_runtime_init();
        const int64_t h = un_tcp_listen("127.0.0.1:0", 0, 0);
        return write(fds[1], &h, sizeof h) == sizeof h ? 0 : 1;
    }));
    close(fds[1]);
    int64_t h = 0;
    if (status != 0 || read(fds[0], &h, sizeof h) != sizeof h) {
        h = 0;
    }
    close(fds[0]);
    return h;
}

} // namespace

TEST_CASE("never-issued and malformed handles answer BAD_HANDLE", "[handles]") {
    const int64_t unissued_first = unissued_listener(); // before this process's first runtime
    test::Runtime rt;
    test::Listener l;
    char buf[8];
    for (int64_t h : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{42}, INT64_MAX, INT64_MIN}) {
        INFO("handle " << h);
        CHECK(un_tcp_read(h, buf, sizeof buf, 0) == UN_ERR_BAD_HANDLE);
        CHECK(un_tcp_accept(h, 0) == UN_ERR_BAD_HANDLE);
    }
    // A well-formed handle this process never issued: a child made it in its second runtime,
    // one that does not exist here (this process is in its first).
    const int64_t unissued = unissued_first;
    REQUIRE(unissued > 0);
    CHECK(un_tcp_accept(unissued, 0) == UN_ERR_BAD_HANDLE);
    CHECK(un_tcp_listener_close(unissued) == UN_ERR_BAD_HANDLE);
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
