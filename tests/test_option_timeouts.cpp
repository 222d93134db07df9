// A timeout_ms of UN_TIMEOUT_FROM_OPTION (-2): the call waits as long as its handle's
// read_timeout or write_timeout option says (what Simple's std.net passes, so that a read costs
// one call). On the calling thread's path and on the runtime thread, for every operation that
// takes it; the option is the handle's own and starts at -1 (forever) for every new handle.
#include <sys/socket.h>

#include <string>
#include <vector>

#include "helpers.hpp"

namespace {

int64_t set(int64_t h, int32_t option, int64_t ms) { return un_socket_set_option(h, option, ms); }

} // namespace

TEST_CASE("a stream's read with TIMEOUT_FROM_OPTION waits as its read_timeout option says", "[options][timeout]") {
    test::Runtime rt;
    test::Pair p;
    char buf[8];
    // Unset: forever. The read waits (on its calling thread) until data comes.
    {
        test::WaitingRead r(p.server, 5, UN_TIMEOUT_FROM_OPTION);
        CHECK(r.result.load() == 1); // still waiting
        REQUIRE(un_tcp_write(p.client, "hello", 5, test::kWait) == 5);
        CHECK(r.join() == 5);
        CHECK(r.data == "hello");
    }
    // Set: that long, on the calling thread; back to -1: forever again.
    REQUIRE(set(p.server, UN_SOCKET_OPTION_READ_TIMEOUT, 30) == 0);
    CHECK(un_tcp_read(p.server, buf, sizeof buf, UN_TIMEOUT_FROM_OPTION) == UN_ERR_TIMED_OUT);
    REQUIRE(set(p.server, UN_SOCKET_OPTION_READ_TIMEOUT, -1) == 0);
    {
        test::WaitingRead again(p.server, 1, UN_TIMEOUT_FROM_OPTION);
        CHECK(un_socket_cancel(p.server) == 1);
        CHECK(again.join() == UN_ERR_CANCELED);
    }
    // On the runtime thread: a submitted read (after which the stream's reads all go there),
    // then a blocking one.
    REQUIRE(set(p.server, UN_SOCKET_OPTION_READ_TIMEOUT, 30) == 0);
    REQUIRE(un_tcp_read_submit(p.server, buf, sizeof buf, UN_TIMEOUT_FROM_OPTION, 7) > 0);
    const auto done = test::collect(1);
    CHECK(done[0].user_data == 7);
    CHECK(done[0].result == UN_ERR_TIMED_OUT);
    CHECK(un_tcp_read(p.server, buf, sizeof buf, UN_TIMEOUT_FROM_OPTION) == UN_ERR_TIMED_OUT);
    // Data that is there is read at once, whatever the option.
    REQUIRE(un_tcp_write(p.client, "ok", 2, test::kWait) == 2);
    CHECK(test::read_exact(p.server, 2) == "ok");
    // The option is the handle's own: the other end's is still unset.
    CHECK(un_socket_get_option(p.client, UN_SOCKET_OPTION_READ_TIMEOUT) == -1);
}

TEST_CASE("a stream's write with TIMEOUT_FROM_OPTION waits as its write_timeout option says", "[options][timeout]") {
    test::Runtime rt;
    test::Pair p;
    REQUIRE(set(p.client, UN_SOCKET_OPTION_WRITE_TIMEOUT, 50) == 0);
    // Far more than the socket buffers hold while the peer reads nothing: the write has to wait.
    std::vector<char> big(64 << 20, 'w');
    const int64_t r = un_tcp_write(p.client, big.data(), static_cast<uint32_t>(big.size()), UN_TIMEOUT_FROM_OPTION);
    CHECK(r == UN_ERR_TIMED_OUT);
    // The read timeout is another option: unset, so a read of the stream would wait.
    CHECK(un_socket_get_option(p.client, UN_SOCKET_OPTION_READ_TIMEOUT) == -1);
}

TEST_CASE("accept and UDP receives and sends with TIMEOUT_FROM_OPTION follow their handle's option", "[options][timeout][udp]") {
    test::Runtime rt;
    test::Listener l;
    REQUIRE(set(l.handle, UN_SOCKET_OPTION_READ_TIMEOUT, 30) == 0);
    CHECK(un_tcp_accept(l.handle, UN_TIMEOUT_FROM_OPTION) == UN_ERR_TIMED_OUT);

    const int64_t u = un_udp_bind("127.0.0.1:0", 0);
    REQUIRE(u > 0);
    char buf[16], from[64];
    REQUIRE(set(u, UN_SOCKET_OPTION_READ_TIMEOUT, 30) == 0);
    CHECK(un_udp_recv_from(u, buf, sizeof buf, from, sizeof from, UN_TIMEOUT_FROM_OPTION) == UN_ERR_TIMED_OUT);
    const std::string self = test::local_addr(u);
    REQUIRE(un_udp_connect(u, self.c_str()) == 0);
    CHECK(un_udp_recv(u, buf, sizeof buf, UN_TIMEOUT_FROM_OPTION) == UN_ERR_TIMED_OUT);
    // A send that can go at once is not held up by the option; then the datagram arrives.
    REQUIRE(set(u, UN_SOCKET_OPTION_WRITE_TIMEOUT, 0) == 0);
    CHECK(un_udp_send(u, "abc", 3, UN_TIMEOUT_FROM_OPTION) == 3);
    CHECK(un_udp_send_to(u, "de", 2, self.c_str(), UN_TIMEOUT_FROM_OPTION) == 2);
    CHECK(un_udp_recv(u, buf, sizeof buf, UN_TIMEOUT_FROM_OPTION) == 3);
    CHECK(un_udp_recv_from(u, buf, sizeof buf, from, sizeof from, UN_TIMEOUT_FROM_OPTION) == 2);
    CHECK(std::string(from) == self);
    REQUIRE(un_udp_close(u) == 0);
}

TEST_CASE("a new handle's timeout options start at -1, also after closed handles had them set", "[options][timeout]") {
    test::Runtime rt;
    for (int round = 0; round < 3; ++round) { // (closed handles' slots are taken again)
        test::Pair p;
        CHECK(un_socket_get_option(p.server, UN_SOCKET_OPTION_READ_TIMEOUT) == -1);
        CHECK(un_socket_get_option(p.server, UN_SOCKET_OPTION_WRITE_TIMEOUT) == -1);
        CHECK(un_socket_get_option(p.l.handle, UN_SOCKET_OPTION_READ_TIMEOUT) == -1);
        for (const int64_t h : {p.server, p.client, p.l.handle}) {
            REQUIRE(set(h, UN_SOCKET_OPTION_READ_TIMEOUT, 10) == 0);
            REQUIRE(set(h, UN_SOCKET_OPTION_WRITE_TIMEOUT, 10) == 0);
        }
        REQUIRE(un_tcp_close(p.server) == 0);
        REQUIRE(un_tcp_close(p.client) == 0);
        REQUIRE(un_tcp_listener_close(p.l.handle) == 0);
    }
    const int64_t u = un_udp_bind("127.0.0.1:0", 0);
    REQUIRE(u > 0);
    CHECK(un_socket_get_option(u, UN_SOCKET_OPTION_READ_TIMEOUT) == -1);
    REQUIRE(un_udp_close(u) == 0);
}
