// Backend choice: io_uring by default, epoll where io_uring is refused or when forced, a
// clear error when io_uring is forced where it is refused. Children run under seccomp
// filters that make io_uring_setup fail the way container sandboxes do.
#include <sys/wait.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <thread>

#include "helpers.hpp"
#include "netns.hpp"
#include "sandbox.hpp"

namespace {

std::string backend_reason(int64_t &kind) {
    char buf[512];
    kind = un_runtime_backend(buf, sizeof buf);
    return kind >= 0 ? std::string(buf) : std::string();
}

// An echo over loopback on the running runtime; true when every byte came back.
bool echo_works() {
    const int64_t l = un_tcp_listen("127.0.0.1:0", 0, 0);
    char addr[64];
    if (l < 0 || un_socket_local_addr(l, addr, sizeof addr) < 0) {
        return false;
    }
    const int64_t c = un_tcp_connect(addr, test::kWait);
    const int64_t s = un_tcp_accept(l, test::kWait);
    char buf[8] = {};
    return c > 0 && s > 0 && un_tcp_write(c, "echo", 4, test::kWait) == 4 &&
           un_tcp_read(s, buf, sizeof buf, test::kWait) == 4 && un_tcp_write(s, buf, 4, test::kWait) == 4 &&
           un_tcp_read(c, buf, sizeof buf, test::kWait) == 4 && std::memcmp(buf, "echo", 4) == 0;
}

// In a child whose io_uring_setup fails with err: init must fall back to epoll.
int fallback_child(int err, const char *errno_name) {
    unsetenv("URINGNET_BACKEND");
    CHILD_EXPECT(test::refuse_io_uring(err));
    CHILD_EXPECT(un_runtime_init() == 0);
    int64_t kind = 0;
    const std::string reason = backend_reason(kind);
    CHILD_EXPECT(kind == UN_BACKEND_EPOLL);
    CHILD_EXPECT(reason.find(errno_name) != std::string::npos);
    CHILD_EXPECT(echo_works());
    char stats[4096];
    CHILD_EXPECT(un_runtime_stats(stats, sizeof stats) > 0);
    const auto j = nlohmann::json::parse(stats);
    CHILD_EXPECT(j["backend"] == "epoll");
    CHILD_EXPECT(j["backend_reason"] == reason);
    std::printf("fallback reason: %s\n", reason.c_str());
    std::fflush(stdout);
    CHILD_EXPECT(un_runtime_shutdown() == 0);
    return 0;
}

} // namespace

TEST_CASE("io_uring refused with EPERM (seccomp): init falls back to epoll", "[backend]") {
    CHECK(test::wait_child(test::spawn([] { return fallback_child(EPERM, "EPERM"); })) == 0);
}

TEST_CASE("io_uring refused with ENOSYS: init falls back to epoll", "[backend]") {
    CHECK(test::wait_child(test::spawn([] { return fallback_child(ENOSYS, "ENOSYS"); })) == 0);
}

TEST_CASE("forcing io_uring where it is refused is a clear error, not a crash", "[backend]") {
    const int rc = test::wait_child(test::spawn([] {
        CHILD_EXPECT(test::refuse_io_uring(EPERM));
        CHILD_EXPECT(un_runtime_configure_backend(UN_BACKEND_IO_URING) == 0);
        CHILD_EXPECT(un_runtime_init() == UN_ERR_IO_URING_UNAVAILABLE);
        CHILD_EXPECT(un_tcp_listen("127.0.0.1:0", 0, 0) == UN_ERR_NOT_INITIALIZED);
        // The same forcing through the environment.
        CHILD_EXPECT(un_runtime_configure_backend(UN_BACKEND_AUTO) == 0);
        setenv("URINGNET_BACKEND", "io_uring", 1);
        CHILD_EXPECT(un_runtime_init() == UN_ERR_IO_URING_UNAVAILABLE);
        // And back to automatic: epoll.
        setenv("URINGNET_BACKEND", "auto", 1);
        CHILD_EXPECT(un_runtime_init() == 0);
        int64_t kind = 0;
        backend_reason(kind);
        CHILD_EXPECT(kind == UN_BACKEND_EPOLL);
        return un_runtime_shutdown() == 0 ? 0 : 1;
    }));
    CHECK(rc == 0);
}

TEST_CASE("the backend can be forced by the API and by URINGNET_BACKEND", "[backend]") {
    REQUIRE(un_runtime_configure_backend(UN_BACKEND_EPOLL) == 0);
    {
        test::Runtime rt;
        int64_t kind = 0;
        const std::string reason = backend_reason(kind);
        CHECK(kind == UN_BACKEND_EPOLL);
        CHECK(reason == "epoll, forced by un_runtime_configure_backend");
        CHECK(echo_works());
    }
    REQUIRE(un_runtime_configure_backend(UN_BACKEND_IO_URING) == 0);
    {
        test::Runtime rt;
        int64_t kind = 0;
        CHECK(backend_reason(kind) == "io_uring, forced by un_runtime_configure_backend");
        CHECK(kind == UN_BACKEND_IO_URING);
        CHECK(echo_works());
    }
    REQUIRE(un_runtime_configure_backend(UN_BACKEND_AUTO) == 0);
    CHECK(un_runtime_configure_backend(3) == UN_ERR_INVALID_ARGUMENT);
    const int rc = test::wait_child(test::spawn([] {
        setenv("URINGNET_BACKEND", "epoll", 1);
        CHILD_EXPECT(un_runtime_init() == 0);
        int64_t kind = 0;
        CHILD_EXPECT(backend_reason(kind) == "epoll, forced by URINGNET_BACKEND=epoll");
        CHILD_EXPECT(echo_works());
        return un_runtime_shutdown() == 0 ? 0 : 1;
    }));
    CHECK(rc == 0);
}

TEST_CASE("without forcing, io_uring is chosen where it works, and SQPOLL only on request", "[backend]") {
    const int rc = test::wait_child(test::spawn([] {
        unsetenv("URINGNET_BACKEND");
        CHILD_EXPECT(un_runtime_init() == 0);
        int64_t kind = 0;
        const std::string reason = backend_reason(kind);
        CHILD_EXPECT(kind == UN_BACKEND_IO_URING);
        CHILD_EXPECT(reason.find("SQPOLL") == std::string::npos);
        CHILD_EXPECT(un_runtime_shutdown() == 0);
        CHILD_EXPECT(un_runtime_configure_sqpoll(true) == 0);
        CHILD_EXPECT(un_runtime_init() == 0);
        CHILD_EXPECT(backend_reason(kind).find("SQPOLL on") != std::string::npos);
        CHILD_EXPECT(kind == UN_BACKEND_IO_URING);
        CHILD_EXPECT(echo_works());
        return un_runtime_shutdown() == 0 ? 0 : 1;
    }));
    CHECK(rc == 0);
}

TEST_CASE("runtime_backend's text is optional and bounded", "[backend]") {
    test::Runtime rt;
    const int64_t kind = un_runtime_backend(nullptr, 0);
    CHECK(kind == (test::expected_backend() == "epoll" ? UN_BACKEND_EPOLL : UN_BACKEND_IO_URING));
    char tiny[4];
    CHECK(un_runtime_backend(tiny, sizeof tiny) == UN_ERR_BUFFER_TOO_SMALL);
    CHECK(un_runtime_backend(nullptr, 10) == UN_ERR_INVALID_ARGUMENT);
}
