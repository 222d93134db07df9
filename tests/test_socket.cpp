// Operations on any socket and the rest of TCP: shutdown, flush, addresses, options,
// cancellation, resets, fd exhaustion and host names that do not resolve.
#include <netinet/in.h>
#include <poll.h>
#include <sys/mount.h>
#include <sys/resource.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <functional>
#include <thread>
#include <vector>

#include "conformance.hpp"
#include "helpers.hpp"
#include "netns.hpp"
#include "private_dns.hpp"

namespace {

std::string peer_addr(int64_t h) {
    char buf[64];
    const int64_t n = un_socket_peer_addr(h, buf, sizeof buf);
    REQUIRE(n > 0);
    return std::string(buf, static_cast<size_t>(n));
}

} // namespace

TEST_CASE("shutdown(write): the peer reads end of stream while reading still works", "[tcp][shutdown]") {
    test::Runtime rt;
    test::Pair p;
    REQUIRE(un_tcp_write(p.client, "bye", 3, test::kWait) == 3);
    REQUIRE(un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_WRITE) == 0);
    CHECK(test::read_exact(p.server, 3) == "bye");
    char buf[8];
    CHECK(un_tcp_read(p.server, buf, sizeof buf, test::kWait) == 0);
    // The other direction is still open.
    REQUIRE(un_tcp_write(p.server, "still", 5, test::kWait) == 5);
    CHECK(test::read_exact(p.client, 5) == "still");
    CHECK(un_tcp_write(p.client, "x", 1, test::kWait) == UN_ERR_BROKEN_PIPE);
}

TEST_CASE("shutdown(read) and shutdown(both)", "[tcp][shutdown]") {
    test::Runtime rt;
    test::Pair p;
    char buf[8];
    REQUIRE(un_tcp_shutdown(p.server, UN_SHUTDOWN_HOW_READ) == 0);
    CHECK(un_tcp_read(p.server, buf, sizeof buf, test::kWait) == 0);
    REQUIRE(un_tcp_write(p.server, "w", 1, test::kWait) == 1); // writing still works
    CHECK(test::read_exact(p.client, 1) == "w");
    REQUIRE(un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_BOTH) == 0);
    CHECK(un_tcp_read(p.client, buf, sizeof buf, test::kWait) == 0);
    CHECK(un_tcp_read(p.server, buf, sizeof buf, test::kWait) == 0);
    CHECK(un_tcp_shutdown(p.client, 7) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_tcp_shutdown(p.l.handle, UN_SHUTDOWN_HOW_BOTH) == UN_ERR_WRONG_KIND);
}

TEST_CASE("flush pushes data out and keeps the nodelay setting", "[tcp]") {
    test::Runtime rt;
    test::Pair p;
    REQUIRE(un_socket_set_option(p.client, UN_SOCKET_OPTION_NODELAY, 0) == 0);
    REQUIRE(un_tcp_write(p.client, "abc", 3, test::kWait) == 3);
    CHECK(un_tcp_flush(p.client) == 0);
    CHECK(test::read_exact(p.server, 3) == "abc");
    CHECK(un_socket_get_option(p.client, UN_SOCKET_OPTION_NODELAY) == 0);
    CHECK(un_tcp_flush(p.l.handle) == UN_ERR_WRONG_KIND);
}

TEST_CASE("local and peer addresses as text, IPv4 and IPv6", "[tcp][addr]") {
    test::Runtime rt;
    test::Pair p;
    CHECK(peer_addr(p.client) == p.l.addr);
    CHECK(test::local_addr(p.client) == peer_addr(p.server));
    CHECK(test::local_addr(p.server) == p.l.addr);
    CHECK(test::local_addr(p.l.handle).rfind("127.0.0.1:", 0) == 0);
    char tiny[8];
    CHECK(un_socket_local_addr(p.client, tiny, sizeof tiny) == UN_ERR_BUFFER_TOO_SMALL);
    CHECK(un_socket_peer_addr(p.l.handle, tiny, sizeof tiny) == UN_ERR_WRONG_KIND);
}

TEST_CASE("local and peer addresses of an IPv6 stream", "[tcp][addr][ipv6]") {
    if (!test::needs_ipv6_loopback()) {
        return;
    }
    test::Runtime rt;
    test::Pair v6("[::1]:0");
    CHECK(peer_addr(v6.client) == v6.l.addr);
    CHECK(test::local_addr(v6.server).rfind("[::1]:", 0) == 0);
}

TEST_CASE("TCP options are set and read back", "[tcp][options]") {
    test::Runtime rt;
    test::Pair p;
    const int64_t s = p.client;
    auto roundtrip = [&](int64_t handle, int32_t opt, int64_t value) {
        INFO("option " << opt << " value " << value);
        REQUIRE(un_socket_set_option(handle, opt, value) == 0);
        return un_socket_get_option(handle, opt);
    };
    // Off reads -1, which is ERROR's code too but never an error of get_option (all below -1).
    CHECK(un_socket_get_option(s, UN_SOCKET_OPTION_LINGER) == -1);
    CHECK(un_socket_get_option(s, UN_SOCKET_OPTION_WRITE_TIMEOUT) == -1);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_NODELAY, 1) == 1);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_NODELAY, 0) == 0);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_KEEPALIVE, 30) == 30);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_KEEPALIVE, 0) == 0);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_RECV_BUFFER, 65536) == 2 * 65536); // Linux doubles it
    CHECK(roundtrip(s, UN_SOCKET_OPTION_SEND_BUFFER, 65536) == 2 * 65536);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_LINGER, 5) == 5);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_LINGER, -1) == -1);
    CHECK(roundtrip(s, UN_SOCKET_OPTION_TTL, 33) == 33);
    CHECK(roundtrip(p.l.handle, UN_SOCKET_OPTION_REUSE_ADDRESS, 0) == 0);
    CHECK(roundtrip(p.l.handle, UN_SOCKET_OPTION_REUSE_ADDRESS, 1) == 1);
    CHECK(roundtrip(p.l.handle, UN_SOCKET_OPTION_REUSE_PORT, 1) == 1);

    CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_TTL, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_TTL, 256) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_NODELAY, 2) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_RECV_BUFFER, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_set_option(s, 99, 1) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_get_option(s, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_BROADCAST, 1) == UN_ERR_UNSUPPORTED);
    CHECK(un_socket_get_option(s, UN_SOCKET_OPTION_MULTICAST_TTL) == UN_ERR_UNSUPPORTED);
}

TEST_CASE("the TTL option of an IPv6 stream is its hop limit", "[tcp][options][ipv6]") {
    if (!test::needs_ipv6_loopback()) {
        return;
    }
    test::Runtime rt;
    test::Pair v6("[::1]:0");
    REQUIRE(un_socket_set_option(v6.client, UN_SOCKET_OPTION_TTL, 17) == 0);
    CHECK(un_socket_get_option(v6.client, UN_SOCKET_OPTION_TTL) == 17);
    CHECK(un_tcp_listen("[::1]:0", 0, UN_BIND_FLAG_V6_ONLY) > 0); // the v6_only flag on IPv6
}

TEST_CASE("the reuse_port bind flag lets two listeners share a port", "[tcp][options]") {
    test::Runtime rt;
    const int64_t a = un_tcp_listen("127.0.0.1:0", 0, UN_BIND_FLAG_REUSE_PORT);
    REQUIRE(a > 0);
    const std::string addr = test::local_addr(a);
    const int64_t b = un_tcp_listen(addr.c_str(), 0, UN_BIND_FLAG_REUSE_PORT);
    CHECK(b > 0);
    CHECK(un_socket_get_option(a, UN_SOCKET_OPTION_REUSE_PORT) == 1);
    CHECK(un_tcp_listen(addr.c_str(), 0, 0) == UN_ERR_ADDRESS_IN_USE);
    CHECK(un_tcp_listen("127.0.0.1:0", 0, 64) == UN_ERR_INVALID_ARGUMENT);
    CHECK(un_tcp_listen("127.0.0.1:0", 0, UN_BIND_FLAG_V6_ONLY) == UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("socket_cancel releases a blocked read and the stream stays usable", "[tcp][cancel]") {
    test::Runtime rt;
    test::Pair p;
    test::WaitingRead r(p.server, 8, -1);
    CHECK(un_socket_cancel(p.server) == 1);
    CHECK(r.join() == UN_ERR_CANCELED);
    CHECK(un_socket_cancel(p.server) == 0);
    REQUIRE(un_tcp_write(p.client, "ok", 2, test::kWait) == 2);
    CHECK(test::read_exact(p.server, 2) == "ok");
}

TEST_CASE("a peer that resets the connection gives RESET", "[tcp][errors]") {
    test::Runtime rt;
    test::Pair p;
    // Linger 0 makes close send a reset instead of a FIN.
    REQUIRE(un_socket_set_option(p.client, UN_SOCKET_OPTION_LINGER, 0) == 0);
    REQUIRE(un_tcp_close(p.client) == 0);
    char buf[8];
    const int64_t rc = un_tcp_read(p.server, buf, sizeof buf, test::kWait);
    CHECK(rc == UN_ERR_RESET);
    CHECK(un_error_class(rc) == UN_ERR_RESET);
}

TEST_CASE("accept under fd exhaustion fails with NO_RESOURCES and recovers", "[tcp][errors]") {
    test::Runtime rt;
    test::Listener l;
    const int64_t c = un_tcp_connect(l.addr.c_str(), test::kWait);
    REQUIRE(c > 0);
    rlimit old{};
    getrlimit(RLIMIT_NOFILE, &old);
    rlimit low = old;
    low.rlim_cur = 256;
    REQUIRE(setrlimit(RLIMIT_NOFILE, &low) == 0);
    std::vector<int> hog;
    for (int fd; (fd = dup(0)) >= 0;) {
        hog.push_back(fd);
    }
    const int64_t failed = un_tcp_accept(l.handle, test::kWait);
    for (int fd : hog) {
        close(fd);
    }
    setrlimit(RLIMIT_NOFILE, &old);
    CHECK(failed == UN_ERR_NO_RESOURCES);
    // The pending connection is still queued and the listener keeps working.
    const int64_t s = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(s > 0);
    REQUIRE(un_tcp_write(c, "back", 4, test::kWait) == 4);
    CHECK(test::read_exact(s, 4) == "back");
}

namespace {

// Runs fn in a child with a fresh network namespace, its own name server (that holds every
// query until told to answer) and hosts file; skips the test where that cannot be set up.
void with_private_dns(const std::function<int(test::SlowNameServer &)> &fn) {
    std::string why;
    const int rc = test::in_fresh_netns([&] { return test::serve_names(fn, 77); }, why);
    if (rc == -1 || rc == 77) {
        conformance::skip(rc == -1 ? why.c_str() : "cannot give a private namespace its own name server");
        return;
    }
    CHECK(rc == 0);
}

// Collects n completions (fewer if they do not come within 10 s each).
int poll_n(un_completion_t *out, int n) {
    int got = 0;
    while (got < n) {
        const int64_t k = un_poll(out + got, static_cast<uint32_t>(n - got), 10000);
        if (k <= 0) {
            break;
        }
        got += static_cast<int>(k);
    }
    return got;
}


} // namespace

TEST_CASE("a slow host-name lookup does not stall other streams", "[tcp][dns]") {
    // Names are looked up by resolver threads, never on the runtime thread: while one call
    // waits for a name server that does not answer, other streams keep working.
    with_private_dns([](test::SlowNameServer &dns) {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t l = un_tcp_listen("127.0.0.1:0", 0, 0);
        char addr[64];
        CHILD_EXPECT(l > 0 && un_socket_local_addr(l, addr, sizeof addr) > 0);
        const int64_t c = un_tcp_connect(addr, 5000);
        const int64_t s = un_tcp_accept(l, 5000);
        CHILD_EXPECT(c > 0 && s > 0);
        std::atomic<bool> looked_up{false};
        int64_t lookup = 0;
        std::thread slow([&] {
            lookup = un_tcp_connect("slow-lookup.test:80", -1);
            looked_up.store(true);
        });
        CHILD_EXPECT(test::asked(dns, 1)); // the lookup is waiting for the name server
        char buf[8];
        for (int i = 0; i < 50; ++i) { // blocking and asynchronous traffic meanwhile
            CHILD_EXPECT(un_tcp_write(c, "ping", 4, 5000) == 4);
            CHILD_EXPECT(un_tcp_read(s, buf, 4, 5000) == 4);
            CHILD_EXPECT(un_tcp_read_submit(c, buf, 4, 5000, 1) > 0);
            CHILD_EXPECT(un_tcp_write(s, "pong", 4, 5000) == 4);
            un_completion_t done{};
            CHILD_EXPECT(un_poll(&done, 1, 5000) == 1 && done.result == 4);
        }
        CHILD_EXPECT(!looked_up.load()); // all of that while the lookup still waited
        dns.answer.store(true);
        slow.join();
        CHILD_EXPECT(lookup == UN_ERR_UNKNOWN_HOST);
        CHILD_EXPECT(un_runtime_shutdown() == 0);
        return 0;
    });
}

TEST_CASE("submitting an operation on a host name never waits for the lookup", "[tcp][dns][async]") {
    with_private_dns([](test::SlowNameServer &dns) {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t id = un_tcp_connect_submit("held.test:80", -1, 1);
        CHILD_EXPECT(id > 0); // returned while the name server holds the query
        CHILD_EXPECT(test::asked(dns, 1));
        un_completion_t c{};
        CHILD_EXPECT(un_poll(&c, 1, 50) == 0); // nothing yet: the lookup still waits
        dns.answer.store(true);
        CHILD_EXPECT(un_poll(&c, 1, 10000) == 1);
        CHILD_EXPECT(c.op_id == id && c.user_data == 1 && c.result == UN_ERR_UNKNOWN_HOST);
        CHILD_EXPECT(un_runtime_shutdown() == 0);
        return 0;
    });
}

TEST_CASE("an operation's timeout covers its host-name lookup", "[tcp][udp][dns]") {
    with_private_dns([](test::SlowNameServer &) {
        CHILD_EXPECT(un_runtime_init() == 0);
        CHILD_EXPECT(un_tcp_connect("held-1.test:80", 100) == UN_ERR_TIMED_OUT);
        const int64_t u = un_udp_bind("127.0.0.1:0", 0);
        CHILD_EXPECT(u > 0);
        CHILD_EXPECT(un_udp_send_to(u, "x", 1, "held-2.test:9", 100) == UN_ERR_TIMED_OUT);
        // A timeout from the handle's option covers the lookup as well.
        CHILD_EXPECT(un_socket_set_option(u, UN_SOCKET_OPTION_WRITE_TIMEOUT, 100) == 0);
        CHILD_EXPECT(un_udp_send_to(u, "x", 1, "held-4.test:9", UN_TIMEOUT_FROM_OPTION) == UN_ERR_TIMED_OUT);
        CHILD_EXPECT(un_tcp_connect_submit("held-3.test:80", 100, 3) > 0);
        un_completion_t c{};
        CHILD_EXPECT(un_poll(&c, 1, 10000) == 1);
        CHILD_EXPECT(c.user_data == 3 && c.result == UN_ERR_TIMED_OUT);
        CHILD_EXPECT(test::in_flight_now() == 0); // each ended lookup counted out once
        CHILD_EXPECT(un_runtime_shutdown() == 0);
        return 0;
    });
}

TEST_CASE("op_cancel and shutdown end operations waiting for a lookup", "[tcp][dns][async]") {
    with_private_dns([](test::SlowNameServer &dns) {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t listen = un_tcp_listen_submit("held-4.test:0", 0, 0, 4);
        CHILD_EXPECT(listen > 0);
        CHILD_EXPECT(test::asked(dns, 1));
        CHILD_EXPECT(un_op_cancel(listen) == 0);
        un_completion_t c{};
        CHILD_EXPECT(un_poll(&c, 1, 10000) == 1);
        CHILD_EXPECT(c.user_data == 4 && c.result == UN_ERR_CANCELED);
        // Closing or cancelling the socket of a send that waits for its name ends it.
        const int64_t u = un_udp_bind("127.0.0.1:0", 0);
        CHILD_EXPECT(un_udp_send_to_submit(u, "x", 1, "held-7.test:9", -1, 7) > 0);
        CHILD_EXPECT(un_udp_send_to_submit(u, "x", 1, "held-8.test:9", 60000, 8) > 0);
        CHILD_EXPECT(test::asked(dns, 3));
        CHILD_EXPECT(un_socket_cancel(u) == 2);
        un_completion_t two[2];
        CHILD_EXPECT(poll_n(two, 2) == 2);
        CHILD_EXPECT(two[0].result == UN_ERR_CANCELED && two[1].result == UN_ERR_CANCELED);
        CHILD_EXPECT(un_udp_send_to_submit(u, "x", 1, "held-9.test:9", 60000, 9) > 0);
        CHILD_EXPECT(test::asked(dns, 4));
        CHILD_EXPECT(un_udp_close(u) == 0);
        CHILD_EXPECT(un_poll(&c, 1, 10000) == 1 && c.user_data == 9 && c.result == UN_ERR_CANCELED);
        CHILD_EXPECT(un_tcp_connect_submit("held-5.test:80", -1, 5) > 0);
        CHILD_EXPECT(un_tcp_connect_submit("held-6.test:80", 60000, 6) > 0);
        CHILD_EXPECT(test::asked(dns, 6));
        CHILD_EXPECT(un_runtime_shutdown() == 0);
        un_completion_t done[2];
        CHILD_EXPECT(un_poll(done, 2, 0) == 2); // completed by the shutdown itself
        CHILD_EXPECT(done[0].result == UN_ERR_SHUT_DOWN && done[1].result == UN_ERR_SHUT_DOWN);
        return 0;
    });
}

TEST_CASE("host names from the hosts file work for every operation that takes an address", "[tcp][udp][dns]") {
    with_private_dns([](test::SlowNameServer &dns) {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t l = un_tcp_listen("echo.test:0", 0, 0);
        CHILD_EXPECT(l > 0);
        char addr[64];
        CHILD_EXPECT(un_socket_local_addr(l, addr, sizeof addr) > 0);
        CHILD_EXPECT(std::strncmp(addr, "127.0.0.1:", 10) == 0);
        const std::string by_name = std::string("echo.test:") + (std::strchr(addr, ':') + 1);
        const int64_t c = un_tcp_connect(by_name.c_str(), 5000);
        CHILD_EXPECT(c > 0);
        CHILD_EXPECT(un_tcp_accept(l, 5000) > 0);
        CHILD_EXPECT(un_tcp_connect_submit(by_name.c_str(), 5000, 7) > 0);
        un_completion_t done{};
        CHILD_EXPECT(un_poll(&done, 1, 10000) == 1 && done.user_data == 7 && done.result > 0);
        CHILD_EXPECT(un_tcp_accept(l, 5000) > 0);
        const int64_t u = un_udp_bind("echo.test:0", 0);
        CHILD_EXPECT(u > 0);
        CHILD_EXPECT(un_socket_local_addr(u, addr, sizeof addr) > 0);
        const std::string udp_name = std::string("echo.test:") + (std::strchr(addr, ':') + 1);
        CHILD_EXPECT(un_udp_send_to(u, "to-me", 5, udp_name.c_str(), 5000) == 5);
        char buf[8];
        CHILD_EXPECT(un_udp_recv(u, buf, sizeof buf, 5000) == 5);
        const int64_t v = un_udp_bind("127.0.0.1:0", 0);
        CHILD_EXPECT(un_udp_connect(v, udp_name.c_str()) == 0);
        CHILD_EXPECT(un_udp_send(v, "hi", 2, 5000) == 2);
        CHILD_EXPECT(un_udp_recv(u, buf, sizeof buf, 5000) == 2);
        CHILD_EXPECT(dns.queries.load() == 0); // all from the hosts file
        CHILD_EXPECT(un_runtime_shutdown() == 0);
        return 0;
    });
}

TEST_CASE("localhost and names under .localhost are loopback without a lookup", "[tcp][udp][dns]") {
    with_private_dns([](test::SlowNameServer &dns) {
        // A machine without /etc/hosts (minimal images have none): here the private hosts
        // file (a bind mount of this child's own) is emptied.
        CHILD_EXPECT(static_cast<bool>(std::ofstream("/etc/hosts", std::ios::trunc) << "# no names here\n"));
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t l = un_tcp_listen("localhost:0", 0, 0);
        CHILD_EXPECT(l > 0);
        const std::string addr = test::local_addr(l);
        CHILD_EXPECT(addr.rfind("127.0.0.1:", 0) == 0);
        const std::string port = addr.substr(addr.rfind(':') + 1);
        for (const char *name : {"localhost", "LocalHost.", "app.localhost", "a.b.LOCALHOST."}) {
            const int64_t c = un_tcp_connect((std::string(name) + ":" + port).c_str(), 5000);
            CHILD_EXPECT(c > 0);
            CHILD_EXPECT(un_tcp_accept(l, 5000) > 0);
            CHILD_EXPECT(un_tcp_close(c) == 0);
        }
        const int64_t u = un_udp_bind("udp.localhost:0", 0);
        CHILD_EXPECT(u > 0);
        CHILD_EXPECT(un_udp_send_to(u, "x", 1, ("localhost:" + port).c_str(), 5000) == 1);
        CHILD_EXPECT(dns.queries.load() == 0); // not one query: none of these is looked up
        // Only whole labels count: "notlocalhost" is an ordinary name, asked of the server.
        CHILD_EXPECT(un_tcp_connect("notlocalhost:1", 50) == UN_ERR_TIMED_OUT);
        CHILD_EXPECT(dns.queries.load() >= 1);
        CHILD_EXPECT(un_runtime_shutdown() == 0);
        return 0;
    });
}

TEST_CASE("a host name that does not resolve gives UNKNOWN_HOST", "[tcp][dns]") {
    // In a fresh network namespace with nothing but loopback, a lookup cannot leave the
    // machine: the resolver fails at once and the library must say UNKNOWN_HOST.
    std::string why;
    const int rc = test::in_fresh_netns(
        [] {
            CHILD_EXPECT(un_runtime_init() == 0);
            CHILD_EXPECT(un_tcp_connect("no-such-host.invalid:80", 1000) == UN_ERR_UNKNOWN_HOST);
            CHILD_EXPECT(un_tcp_listen("no-such-host.invalid:0", 0, 0) == UN_ERR_UNKNOWN_HOST);
            CHILD_EXPECT(un_tcp_connect("localhost:1", 1000) == UN_ERR_CONNECTION_REFUSED);
            CHILD_EXPECT(un_runtime_shutdown() == 0);
            return 0;
        },
        why);
    if (rc == -1) {
        conformance::skip(why.c_str());
        return;
    }
    CHECK(rc == 0);
}
