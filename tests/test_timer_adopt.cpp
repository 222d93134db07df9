// Timers (timer, timer_submit) and sockets the host made itself (tcp_adopt_listener,
// tcp_adopt_stream, udp_adopt): what an asynchronous driver such as Simple's IoDriver needs
// beside the socket operations. Both backends (CI runs the suite again with epoll forced).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "helpers.hpp"

namespace {

using Clock = std::chrono::steady_clock;

int64_t ms_since(Clock::time_point t0) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
}

bool fd_open(int fd) { return fcntl(fd, F_GETFD) >= 0; }

// The port of a plain socket bound by test::plain_socket.
std::string plain_addr(int fd) {
    sockaddr_in sa{};
    socklen_t len = sizeof sa;
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len) == 0);
    return "127.0.0.1:" + std::to_string(ntohs(sa.sin_port));
}

// Writes msg on a and reads it whole on b (every byte checked).
void echo_through(int64_t a, int64_t b, const std::string &msg) {
    REQUIRE(un_tcp_write(a, msg.data(), static_cast<uint32_t>(msg.size()), test::kWait) ==
            static_cast<int64_t>(msg.size()));
    CHECK(test::read_exact(b, msg.size()) == msg);
}

} // namespace

// ---- timers ----

TEST_CASE("timer_submit completes with 0 once its time is up, timers in the order of their deadlines", "[timer]") {
    test::Runtime rt;
    const auto t0 = Clock::now();
    const std::map<uint64_t, int64_t> ms = {{1, 150}, {2, 30}, {3, 90}};
    for (const auto &[id, t] : ms) {
        REQUIRE(un_timer_submit(t, id) > 0);
    }
    CHECK(test::total_stats()["in_flight"] == 3); // waiting timers are operations in flight
    std::vector<uint64_t> order;
    for (int i = 0; i < 3; ++i) {
        const auto c = test::collect(1);
        REQUIRE(c.size() == 1);
        CHECK(c[0].result == 0);
        CHECK(c[0].request == UN_REQUEST_TIMER);
        CHECK(ms_since(t0) >= ms.at(c[0].user_data)); // never before its time
        order.push_back(c[0].user_data);
    }
    CHECK(order == std::vector<uint64_t>{2, 3, 1});
    CHECK(test::total_stats()["in_flight"] == 0);
}

TEST_CASE("a blocking timer returns 0 after its time and a timer of 0 at once", "[timer]") {
    test::Runtime rt;
    const auto t0 = Clock::now();
    CHECK(un_timer(40) == 0);
    CHECK(ms_since(t0) >= 40);
    CHECK(un_timer(0) == 0);
    REQUIRE(un_timer_submit(0, 9) > 0);
    const auto c = test::collect(1);
    REQUIRE(c.size() == 1);
    CHECK(c[0].result == 0);
}

TEST_CASE("op_cancel ends a timer early with CANCELED, one without a deadline too", "[timer]") {
    test::Runtime rt;
    const int64_t forever = un_timer_submit(-1, 1);
    const int64_t long_one = un_timer_submit(60000, 2);
    const int64_t short_one = un_timer_submit(20, 3);
    REQUIRE(forever > 0);
    REQUIRE(long_one > 0);
    REQUIRE(short_one > 0);
    CHECK(un_op_cancel(forever) == 0);
    CHECK(un_op_cancel(long_one) == 0);
    auto c = test::collect(3);
    REQUIRE(c.size() == 3);
    std::map<uint64_t, int64_t> by_id;
    for (const auto &one : c) {
        by_id[one.user_data] = one.result;
    }
    CHECK(by_id[1] == UN_ERR_CANCELED);
    CHECK(by_id[2] == UN_ERR_CANCELED);
    CHECK(by_id[3] == 0); // the others' cancel left it alone
    CHECK(un_op_cancel(short_one) == UN_ERR_OP_NOT_FOUND);
    CHECK(test::total_stats()["in_flight"] == 0);
}

TEST_CASE("runtime_shutdown ends waiting timers with SHUT_DOWN", "[timer]") {
    REQUIRE(un_runtime_init() == 0);
    REQUIRE(un_timer_submit(-1, 1) > 0);
    REQUIRE(un_timer_submit(60000, 2) > 0);
    std::atomic<int64_t> blocking{1};
    std::thread t([&] { blocking = un_timer(-1); });
    REQUIRE(test::eventually([] { return test::total_stats()["in_flight"] == 3; }));
    REQUIRE(un_runtime_shutdown() == 0);
    t.join();
    CHECK(blocking.load() == UN_ERR_SHUT_DOWN);
    const auto c = test::collect(2, 0);
    REQUIRE(c.size() == 2);
    for (const auto &one : c) {
        CHECK(one.result == UN_ERR_SHUT_DOWN);
    }
}

TEST_CASE("many timers at once, each completed once, none early", "[timer]") {
    test::Runtime rt;
    constexpr int kTimers = 500;
    const auto t0 = Clock::now();
    un_batch_begin();
    for (int i = 0; i < kTimers; ++i) {
        REQUIRE(un_timer_submit(1 + i % 50, static_cast<uint64_t>(i)) > 0);
    }
    un_batch_end();
    const auto c = test::collect(kTimers);
    REQUIRE(c.size() == kTimers);
    std::vector<int> seen(kTimers, 0);
    for (const auto &one : c) {
        CHECK(one.result == 0);
        ++seen[one.user_data];
    }
    CHECK(std::count(seen.begin(), seen.end(), 1) == kTimers);
    CHECK(ms_since(t0) >= 50);
}

// ---- adopting the host's sockets ----

TEST_CASE("a listener the host made with socket, bind and listen is adopted: it accepts, and its close closes it",
          "[adopt]") {
    test::Runtime rt;
    const int fd = test::plain_socket(SOCK_STREAM, true);
    const std::string addr = plain_addr(fd);
    const int64_t l = un_tcp_adopt_listener(fd);
    REQUIRE(l > 0);
    CHECK(test::local_addr(l) == addr);
    for (int i = 0; i < 5; ++i) {
        const int64_t client = un_tcp_connect(addr.c_str(), test::kWait);
        REQUIRE(client > 0);
        const int64_t server = un_tcp_accept(l, test::kWait);
        REQUIRE(server > 0);
        echo_through(client, server, "hello " + std::to_string(i));
        echo_through(server, client, std::string(100000, static_cast<char>('a' + i)));
        CHECK(un_tcp_close(client) == 0);
        CHECK(un_tcp_close(server) == 0);
    }
    CHECK(un_tcp_listener_close(l) == 0);
    CHECK(un_tcp_connect(addr.c_str(), test::kWait) == UN_ERR_CONNECTION_REFUSED); // its socket is closed
}

TEST_CASE("a connected socket the host made is adopted as a stream: reads, writes, shutdown and close", "[adopt]") {
    test::Runtime rt;
    test::Listener l;
    const int fd = test::raw_connect(l.addr);
    const int64_t peer = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(peer > 0);
    const int64_t s = un_tcp_adopt_stream(fd);
    REQUIRE(s > 0);
    char addr[64];
    CHECK(un_socket_peer_addr(s, addr, sizeof addr) > 0);
    CHECK(std::string(addr) == l.addr);
    std::string big(1 << 20, '\0');
    for (size_t i = 0; i < big.size(); ++i) {
        big[i] = static_cast<char>(i * 7 + i / 251);
    }
    echo_through(s, peer, big);
    echo_through(peer, s, big);
    static char buf[64];
    REQUIRE(un_tcp_read_submit(s, buf, sizeof buf, test::kWait, 7) > 0); // the asynchronous form too
    REQUIRE(un_tcp_write(peer, "async", 5, test::kWait) == 5);
    const auto c = test::collect(1);
    REQUIRE(c.size() == 1);
    CHECK(std::string(buf, static_cast<size_t>(c[0].result)) == "async");
    CHECK(un_tcp_shutdown(s, UN_SHUTDOWN_HOW_WRITE) == 0);
    CHECK(un_tcp_read(peer, buf, sizeof buf, test::kWait) == 0);
    CHECK(un_tcp_close(s) == 0);
    CHECK(un_tcp_read(peer, buf, sizeof buf, test::kWait) <= 0);
}

TEST_CASE("a UDP socket the host made is adopted: send_to and recv_from with the sender's address", "[adopt]") {
    test::Runtime rt;
    const int fd = test::plain_socket(SOCK_DGRAM, false);
    const std::string addr = plain_addr(fd);
    const int64_t u = un_udp_adopt(fd);
    REQUIRE(u > 0);
    const int64_t other = un_udp_bind("127.0.0.1:0", 0);
    REQUIRE(other > 0);
    REQUIRE(un_udp_send_to(other, "ping", 4, addr.c_str(), test::kWait) == 4);
    char buf[16];
    char from[64];
    REQUIRE(un_udp_recv_from(u, buf, sizeof buf, from, sizeof from, test::kWait) == 4);
    CHECK(std::string(buf, 4) == "ping");
    CHECK(std::string(from) == test::local_addr(other));
    REQUIRE(un_udp_send_to(u, "pong", 4, from, test::kWait) == 4);
    REQUIRE(un_udp_recv_from(other, buf, sizeof buf, from, sizeof from, test::kWait) == 4);
    CHECK(std::string(buf, 4) == "pong");
    CHECK(std::string(from) == addr);
    CHECK(un_udp_close(u) == 0);
}

TEST_CASE("an adopt that fails leaves the fd the caller's and an fd is adopted only once", "[adopt]") {
    test::Runtime rt;
    SECTION("a failed adopt: the fd stays open and usable, the caller closes it") {
        const int fd = test::plain_socket(SOCK_DGRAM, false);
        CHECK(un_tcp_adopt_listener(fd) == UN_ERR_WRONG_KIND);
        CHECK(un_tcp_adopt_stream(fd) == UN_ERR_WRONG_KIND);
        REQUIRE(fd_open(fd));
        const std::string addr = plain_addr(fd);
        const int64_t other = un_udp_bind("127.0.0.1:0", 0);
        REQUIRE(un_udp_send_to(other, "x", 1, addr.c_str(), test::kWait) == 1);
        char b = 0;
        CHECK(recv(fd, &b, 1, 0) == 1); // still the caller's plain (blocking) socket
        CHECK(b == 'x');
        CHECK(close(fd) == 0);
        const int not_socket = open("/dev/null", O_RDONLY | O_CLOEXEC);
        REQUIRE(not_socket >= 0);
        CHECK(un_udp_adopt(not_socket) == UN_ERR_WRONG_KIND);
        CHECK(close(not_socket) == 0);
    }
    SECTION("the same fd twice: the second is refused and the first handle keeps working") {
        const int fd = test::plain_socket(SOCK_STREAM, true);
        const int64_t l = un_tcp_adopt_listener(fd);
        REQUIRE(l > 0);
        CHECK(un_tcp_adopt_listener(fd) == UN_ERR_INVALID_ARGUMENT);
        const int64_t client = un_tcp_connect(plain_addr(fd).c_str(), test::kWait);
        REQUIRE(client > 0);
        const int64_t server = un_tcp_accept(l, test::kWait);
        REQUIRE(server > 0);
        echo_through(client, server, "still mine");
        CHECK(un_tcp_listener_close(l) == 0);
        // Its fd is closed and unlisted: a new socket with that number is adopted again.
        const int again = test::plain_socket(SOCK_STREAM, true);
        const int64_t l2 = un_tcp_adopt_listener(again);
        CHECK(l2 > 0);
        CHECK(un_tcp_listener_close(l2) == 0);
    }
}
