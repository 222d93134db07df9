// std.net.driver (Simple's IoDriver on uringnet), driven through its externs exactly as the
// generated driver.spl calls them, with Simple's calling convention (tests/simple_standin):
// integers raw, text and byte arrays as RuntimeValue words. Servers and clients are written
// against IoDriver's methods only.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "simple_standin.hpp"
#include "uringnet/uringnet_simple.h"

using standin::Layout;

namespace {

constexpr int64_t kErrUnsupported = -38;

struct Completed {
    int64_t result = INT64_MIN;
    int64_t fd = -1;
    std::string data;  ///< poll_data
    std::string bytes; ///< poll_recv_bytes
};

// IoDriver.new() ... close(), as driver.spl makes and ends it.
struct Driver {
    int64_t d;
    Driver() : d(monoio_driver_new(0)) { REQUIRE(d > 0); }
    ~Driver() { monoio_driver_close(d); }

    // poll_count and the poll_* accessors until every op id in ids has completed (or the
    // test's patience is over): each one's completion.
    std::map<int64_t, Completed> wait_for(const std::vector<int64_t> &ids) {
        std::map<int64_t, Completed> out;
        auto missing = [&] {
            for (int64_t id : ids) {
                if (out.count(id) == 0) {
                    return true;
                }
            }
            return false;
        };
        for (int round = 0; round < 200 && missing(); ++round) {
            const int64_t n = monoio_driver_poll_count(d, 64, 100);
            REQUIRE(n >= 0);
            for (int64_t i = 0; i < n; ++i) {
                Completed c;
                c.result = monoio_driver_poll_result(d, i);
                c.fd = monoio_driver_poll_fd(d, i);
                c.data = standin::text_of(monoio_driver_poll_data(d, i));
                CHECK(monoio_driver_poll_data_len(d, i) == static_cast<int64_t>(c.data.size()));
                CHECK(monoio_driver_poll_flags(d, i) == 0);
                c.bytes = standin::bytes_of(monoio_driver_poll_recv_bytes(d, i));
                out[monoio_driver_poll_id(d, i)] = c;
            }
        }
        return out;
    }
    Completed wait_one(int64_t id) {
        auto got = wait_for({id});
        REQUIRE(got.count(id) == 1);
        return got[id];
    }
};

int port_of(int fd) {
    sockaddr_in sa{};
    socklen_t len = sizeof sa;
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len) == 0);
    return ntohs(sa.sin_port);
}

std::string message(int i, size_t n) {
    std::string m(n, '\0');
    for (size_t k = 0; k < n; ++k) {
        m[k] = static_cast<char>((i * 31 + k * 7 + k / 253) & 0xFF);
    }
    return m;
}

const char *layout_name(Layout l) {
    return l == Layout::inline_words ? "inline words" : l == Layout::out_of_line ? "out-of-line words" : "packed bytes";
}

} // namespace

TEST_CASE("IoDriver: an echo server on a listening fd made with socket, bind and listen, many clients, every byte "
          "checked",
          "[simple][driver]") {
    Driver drv;
    const int64_t d = drv.d;
    const int listen_fd = test::plain_socket(SOCK_STREAM, true); // adopted on first use
    const int port = port_of(listen_fd);
    constexpr int kClients = 12;
    std::vector<int64_t> accepts, connects;
    for (int i = 0; i < kClients; ++i) {
        accepts.push_back(monoio_driver_submit_accept(d, listen_fd));
        connects.push_back(monoio_driver_submit_connect(d, standin::make_text("127.0.0.1"), port, 1000));
    }
    CHECK(monoio_driver_flush(d) >= 0);
    std::vector<int64_t> all = accepts;
    all.insert(all.end(), connects.begin(), connects.end());
    auto done = drv.wait_for(all);
    std::vector<int64_t> servers, clients;
    for (int64_t id : accepts) {
        REQUIRE(done[id].result > 0); // a stream handle
        CHECK(done[id].fd == listen_fd);
        servers.push_back(done[id].result);
    }
    for (int64_t id : connects) {
        REQUIRE(done[id].result > 0);
        clients.push_back(done[id].result);
    }
    // Each client sends its own message in the three array layouts; the server side echoes
    // what it reads; the client reads it back whole.
    const Layout layouts[] = {Layout::inline_words, Layout::out_of_line, Layout::packed_bytes};
    for (int i = 0; i < kClients; ++i) {
        const Layout layout = layouts[i % 3];
        INFO("client " << i << ", array layout " << layout_name(layout));
        const std::string msg = message(i, 3000 + static_cast<size_t>(i) * 1000);
        const int64_t sent = monoio_driver_submit_send_bytes(d, clients[i], standin::make_bytes(layout, msg));
        REQUIRE(drv.wait_one(sent).result == static_cast<int64_t>(msg.size()));
        // Which server stream belongs to this client: the one whose peer is its local address.
        std::string got;
        int64_t server = 0;
        const std::string client_addr = test::local_addr(clients[i]);
        for (int64_t s : servers) {
            char peer[64];
            if (un_socket_peer_addr(s, peer, sizeof peer) > 0 && client_addr == peer) {
                server = s;
            }
        }
        REQUIRE(server > 0);
        while (got.size() < msg.size()) {
            const Completed c = drv.wait_one(monoio_driver_submit_recv(d, server, 1 << 16));
            REQUIRE(c.result > 0);
            CHECK(c.bytes.size() == static_cast<size_t>(c.result));
            CHECK(c.data == c.bytes);
            got += c.bytes;
        }
        CHECK(got == msg);
        const int64_t back = monoio_driver_submit_send(d, server, standin::make_text(got));
        REQUIRE(drv.wait_one(back).result == static_cast<int64_t>(got.size()));
        std::string echoed;
        while (echoed.size() < msg.size()) {
            const Completed c = drv.wait_one(monoio_driver_submit_recv(d, clients[i], 1 << 16));
            REQUIRE(c.result > 0);
            echoed += c.bytes;
        }
        CHECK(echoed == msg);
    }
    // submit_close ends the streams: the peer's receive sees the end of the stream (0).
    const int64_t closed = monoio_driver_submit_close(d, clients[0]);
    CHECK(drv.wait_one(closed).result == 0);
    CHECK(drv.wait_one(monoio_driver_submit_recv(d, servers[0], 64)).result == 0);
    // The adopted listener is the driver's to close; then nothing listens on its port.
    CHECK(drv.wait_one(monoio_driver_submit_close(d, listen_fd)).result == 0);
    const Completed refused = drv.wait_one(monoio_driver_submit_connect(d, standin::make_text("127.0.0.1"), port, 1000));
    CHECK(refused.result == UN_ERR_CONNECTION_REFUSED);
}

TEST_CASE("IoDriver: UDP send and receive with the sender's address, on raw fds", "[simple][driver]") {
    Driver drv;
    const int64_t d = drv.d;
    const int a = test::plain_socket(SOCK_DGRAM, false), b = test::plain_socket(SOCK_DGRAM, false);
    const std::string a_addr = "127.0.0.1:" + std::to_string(port_of(a));
    const std::string b_addr = "127.0.0.1:" + std::to_string(port_of(b));
    const int64_t recv = monoio_driver_submit_udp_recv(d, b, 1500);
    const std::string payload("ping\0pong", 9);
    const int64_t send = monoio_driver_submit_udp_send(d, a, standin::make_text(payload), standin::make_text(b_addr));
    auto done = drv.wait_for({recv, send});
    CHECK(done[send].result == 9);
    CHECK(done[recv].result == 9);
    CHECK(done[recv].bytes == payload);
    CHECK(done[recv].data == a_addr); // the sender
    CHECK(done[recv].fd == b);
    CHECK(drv.wait_one(monoio_driver_submit_close(d, a)).result == 0);
    CHECK(drv.wait_one(monoio_driver_submit_close(d, b)).result == 0);
}

TEST_CASE("IoDriver: a timeout fires after its time, a cancelled receive completes CANCELED, cancel_fd ends the rest",
          "[simple][driver]") {
    Driver drv;
    const int64_t d = drv.d;
    const auto t0 = std::chrono::steady_clock::now();
    const Completed timer = drv.wait_one(monoio_driver_submit_timeout(d, 40));
    CHECK(timer.result == 0);
    CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(40));

    test::Pair p; // (made through the C API: its handles work with the driver too)
    const int64_t r1 = monoio_driver_submit_recv(d, p.server, 64);
    CHECK(monoio_driver_flush(d) >= 0);
    REQUIRE(test::eventually([] { return test::total_stats()["in_flight"] >= 1; }));
    CHECK(monoio_driver_cancel(d, r1) == 1);
    CHECK(drv.wait_one(r1).result == UN_ERR_CANCELED);
    CHECK(monoio_driver_cancel(d, r1) == 0); // completed: nothing to cancel

    const int64_t r2 = monoio_driver_submit_recv(d, p.server, 64);
    const int64_t r3 = monoio_driver_submit_recv(d, p.server, 64);
    CHECK(monoio_driver_flush(d) >= 0);
    REQUIRE(test::eventually([] { return test::total_stats()["in_flight"] >= 1; }));
    CHECK(monoio_driver_cancel_fd(d, p.server) >= 1);
    auto done = drv.wait_for({r2, r3});
    CHECK(done[r2].result == UN_ERR_CANCELED);
    CHECK(done[r3].result == UN_ERR_CANCELED);
    // Data sent afterwards is still there for the next receive: nothing was lost.
    REQUIRE(un_tcp_write(p.client, "after", 5, test::kWait) == 5);
    CHECK(drv.wait_one(monoio_driver_submit_recv(d, p.server, 64)).bytes == "after");
}

TEST_CASE("IoDriver: closed handles, wrong kinds and files give clear codes", "[simple][driver]") {
    Driver drv;
    const int64_t d = drv.d;
    test::Pair p;
    REQUIRE(un_tcp_close(p.client) == 0);
    CHECK(drv.wait_one(monoio_driver_submit_recv(d, p.client, 64)).result == UN_ERR_CLOSED);
    const int udp = test::plain_socket(SOCK_DGRAM, false);
    CHECK(drv.wait_one(monoio_driver_submit_accept(d, udp)).result == UN_ERR_WRONG_KIND);
    CHECK(fcntl(udp, F_GETFD) >= 0); // not adopted: still the caller's
    CHECK(drv.wait_one(monoio_driver_submit_close(d, udp)).result == kErrUnsupported); // not the driver's
    CHECK(close(udp) == 0);
    CHECK(drv.wait_one(monoio_driver_submit_unsupported(d)).result == kErrUnsupported);
    const std::string backend = standin::text_of(monoio_driver_backend(d));
    CHECK(backend == (test::expected_backend() == "epoll" ? "uringnet-epoll" : "uringnet-io_uring"));
}

TEST_CASE("IoDriver: close with operations in flight, and two drivers each get only their own completions",
          "[simple][driver]") {
    REQUIRE(monoio_runtime_ensure() == 0);
    test::Pair p;
    {
        Driver a, b;
        const int64_t ra = monoio_driver_submit_recv(a.d, p.server, 64);
        const int64_t tb = monoio_driver_submit_timeout(b.d, 20);
        monoio_driver_flush(a.d);
        REQUIRE(test::eventually([] { return test::total_stats()["in_flight"] >= 1; }));
        // b polls: a's completions (none yet) are never handed to b.
        auto done = b.wait_for({tb});
        CHECK(done.size() == 1);
        CHECK(done[tb].result == 0);
        // a closes with its receive in flight: cancelled, its buffer kept until that completes.
        CHECK(monoio_driver_close(a.d) == 0);
        CHECK(monoio_driver_submit_recv(a.d, p.server, 64) == UN_ERR_INVALID_ARGUMENT); // a closed driver
        (void)ra;
    }
    // The stream is intact: data written now is read by a new driver's receive.
    Driver c;
    REQUIRE(un_tcp_write(p.client, "intact", 6, test::kWait) == 6);
    CHECK(c.wait_one(monoio_driver_submit_recv(c.d, p.server, 64)).bytes == "intact");
}

TEST_CASE("IoDriver: wait_for blocks for one operation and leaves the others' completions for poll",
          "[simple][driver]") {
    Driver drv;
    const int64_t d = drv.d;
    test::Pair p;
    const int64_t early = monoio_driver_submit_timeout(d, 5);
    const int64_t later = monoio_driver_submit_timeout(d, 40);
    const int64_t recv = monoio_driver_submit_recv(d, p.server, 64);
    REQUIRE(monoio_driver_wait_for(d, later, -1) == 1);
    CHECK(monoio_driver_poll_id(d, 0) == later);
    CHECK(monoio_driver_poll_result(d, 0) == 0);
    CHECK(monoio_driver_wait_for(d, recv, 20) == 0); // no data yet: the time runs out
    CHECK(monoio_driver_wait_for(d, 999999, 20) == 0); // not one of the driver's operations
    REQUIRE(un_tcp_write(p.client, "waited", 6, test::kWait) == 6);
    REQUIRE(monoio_driver_wait_for(d, recv, -1) == 1);
    CHECK(monoio_driver_poll_result(d, 0) == 6);
    CHECK(standin::bytes_of(monoio_driver_poll_recv_bytes(d, 0)) == "waited");
    // The early timer completed meanwhile; poll hands it out now.
    auto rest = drv.wait_for({early});
    CHECK(rest[early].result == 0);
}
