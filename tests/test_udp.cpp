// UDP over loopback, and broadcast and multicast between two network namespaces.
#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

#include "conformance.hpp"
#include "helpers.hpp"
#include "netns.hpp"

namespace {

struct Received {
    int64_t rc;
    std::string data, from;
};

Received recv_from(int64_t sock, uint32_t max_len = 2048, int64_t timeout = test::kWait) {
    std::vector<char> buf(max_len + 1);
    char from[64] = {};
    const int64_t rc = un_udp_recv_from(sock, buf.data(), max_len, from, sizeof from, timeout);
    const size_t n = rc > 0 ? static_cast<size_t>(rc) : (rc == UN_ERR_TRUNCATED ? max_len : 0);
    return {rc, std::string(buf.data(), n), from};
}

} // namespace

// send_to and recv_from between two sockets bound to `any`, and back to the reported sender.
static void exchange_datagrams(const char *any) {
    {
        INFO(any);
        const int64_t a = un_udp_bind(any, 0);
        const int64_t b = un_udp_bind(any, 0);
        REQUIRE(a > 0);
        REQUIRE(b > 0);
        const std::string a_addr = test::local_addr(a), b_addr = test::local_addr(b);
        CHECK(un_udp_send_to(a, "datagram", 8, b_addr.c_str(), test::kWait) == 8);
        Received r = recv_from(b);
        CHECK(r.rc == 8);
        CHECK(r.data == "datagram");
        CHECK(r.from == a_addr);
        // And back, to the address recv_from reported.
        CHECK(un_udp_send_to(b, "reply", 5, r.from.c_str(), test::kWait) == 5);
        r = recv_from(a);
        CHECK(r.data == "reply");
        CHECK(r.from == b_addr);
        CHECK(un_udp_close(a) == 0);
        CHECK(un_udp_close(b) == 0);
        CHECK(un_udp_close(b) == UN_ERR_CLOSED);
    }
}

TEST_CASE("send_to and recv_from return the data and the sender, IPv4", "[udp]") {
    test::Runtime rt;
    exchange_datagrams("127.0.0.1:0");
}

TEST_CASE("send_to and recv_from return the data and the sender, IPv6", "[udp][ipv6]") {
    if (!test::needs_ipv6_loopback()) {
        return;
    }
    test::Runtime rt;
    exchange_datagrams("[::1]:0");
}

TEST_CASE("connect, send and recv on UDP", "[udp]") {
    test::Runtime rt;
    const int64_t a = un_udp_bind("127.0.0.1:0", 0);
    const int64_t b = un_udp_bind("127.0.0.1:0", 0);
    const int64_t other = un_udp_bind("127.0.0.1:0", 0);
    REQUIRE(un_udp_connect(a, test::local_addr(b).c_str()) == 0);
    REQUIRE(un_udp_connect(b, test::local_addr(a).c_str()) == 0);
    char peer[64];
    REQUIRE(un_socket_peer_addr(a, peer, sizeof peer) > 0);
    CHECK(std::string(peer) == test::local_addr(b));
    CHECK(un_udp_send(a, "one", 3, test::kWait) == 3);
    char buf[16];
    CHECK(un_udp_recv(b, buf, sizeof buf, test::kWait) == 3);
    CHECK(std::memcmp(buf, "one", 3) == 0);
    // A connected socket ignores datagrams from anyone else.
    CHECK(un_udp_send_to(other, "noise", 5, test::local_addr(b).c_str(), test::kWait) == 5);
    CHECK(un_udp_send(a, "two", 3, test::kWait) == 3);
    CHECK(un_udp_recv(b, buf, sizeof buf, test::kWait) == 3);
    CHECK(std::memcmp(buf, "two", 3) == 0);
    CHECK(un_udp_connect(a, "garbage") == UN_ERR_BAD_ADDRESS);
}

TEST_CASE("send on an unconnected UDP socket gives NOT_CONNECTED", "[udp][errors]") {
    test::Runtime rt;
    const int64_t a = un_udp_bind("127.0.0.1:0", 0);
    CHECK(un_udp_send(a, "x", 1, test::kWait) == UN_ERR_NOT_CONNECTED);
    char buf[8];
    CHECK(un_socket_peer_addr(a, buf, sizeof buf) == UN_ERR_NOT_CONNECTED);
}

TEST_CASE("a datagram larger than the buffer is reported as TRUNCATED", "[udp]") {
    test::Runtime rt;
    const int64_t a = un_udp_bind("127.0.0.1:0", 0);
    const int64_t b = un_udp_bind("127.0.0.1:0", 0);
    const std::string big(100, 'z');
    REQUIRE(un_udp_send_to(a, big.data(), 100, test::local_addr(b).c_str(), test::kWait) == 100);
    Received r = recv_from(b, 10);
    CHECK(r.rc == UN_ERR_TRUNCATED);
    CHECK(r.data == std::string(10, 'z'));
    CHECK(r.from == test::local_addr(a));
    // Connected recv reports it the same way; an empty datagram is 0 bytes, not an error.
    REQUIRE(un_udp_connect(b, test::local_addr(a).c_str()) == 0);
    REQUIRE(un_udp_send_to(a, big.data(), 100, test::local_addr(b).c_str(), test::kWait) == 100);
    char small[4];
    CHECK(un_udp_recv(b, small, sizeof small, test::kWait) == UN_ERR_TRUNCATED);
    REQUIRE(un_udp_send_to(a, "", 0, test::local_addr(b).c_str(), test::kWait) == 0);
    CHECK(un_udp_recv(b, small, sizeof small, test::kWait) == 0);
}

TEST_CASE("recv_from refuses a sender buffer that may be too small, before receiving", "[udp]") {
    test::Runtime rt;
    const int64_t a = un_udp_bind("127.0.0.1:0", 0);
    const int64_t b = un_udp_bind("127.0.0.1:0", 0);
    REQUIRE(un_udp_send_to(a, "keep", 4, test::local_addr(b).c_str(), test::kWait) == 4);
    char buf[8], from[8];
    CHECK(un_udp_recv_from(b, buf, sizeof buf, from, sizeof from, test::kWait) == UN_ERR_BUFFER_TOO_SMALL);
    CHECK(recv_from(b).data == "keep"); // the datagram was not consumed
}

TEST_CASE("UDP timeouts, cancellation and close", "[udp][timeout]") {
    test::Runtime rt;
    const int64_t a = un_udp_bind("127.0.0.1:0", 0);
    CHECK(recv_from(a, 64, 20).rc == UN_ERR_TIMED_OUT);
    std::atomic<int64_t> result{1};
    std::thread t([&] { result = recv_from(a, 64, -1).rc; });
    REQUIRE(test::wait_for_stat("in_flight", 1)); // the call waits in the runtime
    REQUIRE(un_udp_close(a) == 0);
    t.join();
    CHECK(result.load() == UN_ERR_CANCELED);
}

TEST_CASE("a connected UDP socket learns that nothing listens: CONNECTION_REFUSED", "[udp][errors]") {
    test::Runtime rt;
    const int64_t a = un_udp_bind("127.0.0.1:0", 0);
    const int64_t gone = un_udp_bind("127.0.0.1:0", 0);
    const std::string gone_addr = test::local_addr(gone);
    REQUIRE(un_udp_close(gone) == 0);
    REQUIRE(un_udp_connect(a, gone_addr.c_str()) == 0);
    REQUIRE(un_udp_send(a, "anyone?", 7, test::kWait) == 7);
    char buf[16];
    CHECK(un_udp_recv(a, buf, sizeof buf, test::kWait) == UN_ERR_CONNECTION_REFUSED);
}

TEST_CASE("a datagram over 64 KiB gives MESSAGE_TOO_LONG", "[udp][errors]") {
    test::Runtime rt;
    const int64_t a = un_udp_bind("127.0.0.1:0", 0);
    std::vector<char> huge(70000, 'h');
    CHECK(un_udp_send_to(a, huge.data(), static_cast<uint32_t>(huge.size()), test::local_addr(a).c_str(),
                         test::kWait) == UN_ERR_MESSAGE_TOO_LONG);
}

// Broadcast and multicast options of a UDP socket bound to `any`, set and read back.
static void udp_options(const char *any) {
    const int64_t s = un_udp_bind(any, 0);
    REQUIRE(s > 0);
    {
        CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_BROADCAST, 1) == 0);
        CHECK(un_socket_get_option(s, UN_SOCKET_OPTION_BROADCAST) == 1);
        CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_MULTICAST_TTL, 7) == 0);
        CHECK(un_socket_get_option(s, UN_SOCKET_OPTION_MULTICAST_TTL) == 7);
        CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_MULTICAST_LOOP, 0) == 0);
        CHECK(un_socket_get_option(s, UN_SOCKET_OPTION_MULTICAST_LOOP) == 0);
        CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_MULTICAST_TTL, 256) == UN_ERR_INVALID_ARGUMENT);
        CHECK(un_socket_set_option(s, UN_SOCKET_OPTION_NODELAY, 1) == UN_ERR_UNSUPPORTED);
    }
}

TEST_CASE("UDP options are set and read back, IPv4", "[udp][options]") {
    test::Runtime rt;
    udp_options("127.0.0.1:0");
}

TEST_CASE("UDP options are set and read back, IPv6", "[udp][options][ipv6]") {
    if (!test::needs_ipv6_loopback()) {
        return;
    }
    test::Runtime rt;
    udp_options("[::1]:0");
}

TEST_CASE("multicast join and leave check their arguments", "[udp][multicast]") {
    test::Runtime rt;
    const int64_t a = un_udp_bind("0.0.0.0:0", 0);
    CHECK(un_udp_join_multicast(a, "10.1.2.3", "") == UN_ERR_BAD_ADDRESS);    // not a group
    CHECK(un_udp_join_multicast(a, "not-an-ip", "") == UN_ERR_BAD_ADDRESS);
    CHECK(un_udp_join_multicast(a, "239.1.2.3", "nosuch0") == UN_ERR_NO_SUCH_INTERFACE);
    CHECK(un_udp_join_multicast(a, "ff02::1:3", "lo") == UN_ERR_UNSUPPORTED); // IPv4 socket
    CHECK(un_udp_leave_multicast(a, "239.1.2.3", "lo") == UN_ERR_ADDRESS_NOT_AVAILABLE);
    REQUIRE(un_udp_join_multicast(a, "239.1.2.3", "lo") == 0);
    CHECK(un_udp_join_multicast(a, "239.1.2.3", "lo") == UN_ERR_ADDRESS_IN_USE);
    CHECK(un_udp_leave_multicast(a, "239.1.2.3", "lo") == 0);
    CHECK(un_udp_join_multicast(a, nullptr, "lo") == UN_ERR_INVALID_ARGUMENT);
}

TEST_CASE("IPv4 multicast between two namespaces: join, TTL, leave", "[udp][multicast][netns]") {
    test::VethPair net;
    if (!net.ok()) {
        conformance::skip(net.why().c_str());
        return;
    }
    test::Signal joined, sent_after_leave, left;
    const pid_t receiver = net.run_in('a', [&] {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t s = un_udp_bind("0.0.0.0:47000", 0);
        CHILD_EXPECT(s > 0);
        CHILD_EXPECT(un_udp_join_multicast(s, "239.7.7.7", "una") == 0);
        joined.post();
        char buf[64], from[64];
        const int64_t n = un_udp_recv_from(s, buf, sizeof buf, from, sizeof from, 5000);
        CHILD_EXPECT(n == 5 && std::memcmp(buf, "group", 5) == 0);
        CHILD_EXPECT(std::string(from).rfind("192.0.2.2:", 0) == 0);
        CHILD_EXPECT(un_udp_leave_multicast(s, "239.7.7.7", "una") == 0);
        left.post();
        sent_after_leave.wait();
        CHILD_EXPECT(un_udp_recv_from(s, buf, sizeof buf, from, sizeof from, 300) == UN_ERR_TIMED_OUT);
        return un_runtime_shutdown() == 0 ? 0 : 1;
    });
    const pid_t sender = net.run_in('b', [&] {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t s = un_udp_bind("192.0.2.2:0", 0);
        CHILD_EXPECT(s > 0);
        CHILD_EXPECT(un_socket_set_option(s, UN_SOCKET_OPTION_MULTICAST_TTL, 1) == 0);
        CHILD_EXPECT(un_socket_get_option(s, UN_SOCKET_OPTION_MULTICAST_TTL) == 1);
        CHILD_EXPECT(joined.wait());
        CHILD_EXPECT(un_udp_send_to(s, "group", 5, "239.7.7.7:47000", 1000) == 5);
        CHILD_EXPECT(left.wait());
        CHILD_EXPECT(un_udp_send_to(s, "after", 5, "239.7.7.7:47000", 1000) == 5);
        sent_after_leave.post();
        return un_runtime_shutdown() == 0 ? 0 : 1;
    });
    CHECK(test::wait_child(receiver) == 0);
    CHECK(test::wait_child(sender) == 0);
}

TEST_CASE("IPv6 multicast between two namespaces", "[udp][multicast][netns][ipv6]") {
    test::VethPair net;
    if (!net.ok()) {
        conformance::skip(net.why().c_str());
        return;
    }
    test::Signal joined;
    const pid_t receiver = net.run_in('a', [&] {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t s = un_udp_bind("[::]:47001", 0);
        CHILD_EXPECT(s > 0);
        CHILD_EXPECT(un_udp_join_multicast(s, "ff02::1:7", "una") == 0);
        joined.post();
        char buf[64], from[64];
        const int64_t n = un_udp_recv_from(s, buf, sizeof buf, from, sizeof from, 5000);
        CHILD_EXPECT(n == 3 && std::memcmp(buf, "six", 3) == 0);
        CHILD_EXPECT(std::string(from).rfind("[fe80:", 0) == 0 || std::string(from).rfind("[fd00:75::2]:", 0) == 0);
        CHILD_EXPECT(un_udp_leave_multicast(s, "[ff02::1:7]", "una") == 0);
        return un_runtime_shutdown() == 0 ? 0 : 1;
    });
    const pid_t sender = net.run_in('b', [&] {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t s = un_udp_bind("[::]:0", 0);
        CHILD_EXPECT(s > 0);
        CHILD_EXPECT(un_socket_set_option(s, UN_SOCKET_OPTION_MULTICAST_TTL, 1) == 0);
        CHILD_EXPECT(joined.wait());
        CHILD_EXPECT(un_udp_send_to(s, "six", 3, "[ff02::1:7%unb]:47001", 1000) == 3);
        return un_runtime_shutdown() == 0 ? 0 : 1;
    });
    CHECK(test::wait_child(receiver) == 0);
    CHECK(test::wait_child(sender) == 0);
}

namespace {

// In namespace "a": a receiver joined to group on una and a sender on the same host. With
// the loopback option on, the sender's host hears its own datagram; with it off it does not
// (on lo every packet would come back anyway, hence the veth interface).
int multicast_loop_child(const char *rx_bind, const char *group, const char *tx_bind, const char *dest) {
    CHILD_EXPECT(un_runtime_init() == 0);
    const int64_t rx = un_udp_bind(rx_bind, 0);
    CHILD_EXPECT(un_udp_join_multicast(rx, group, "una") == 0);
    const int64_t tx = un_udp_bind(tx_bind, 0);
    char buf[16], from[64];
    CHILD_EXPECT(un_socket_set_option(tx, UN_SOCKET_OPTION_MULTICAST_LOOP, 1) == 0);
    CHILD_EXPECT(un_socket_get_option(tx, UN_SOCKET_OPTION_MULTICAST_LOOP) == 1);
    CHILD_EXPECT(un_udp_send_to(tx, "loop", 4, dest, 1000) == 4);
    CHILD_EXPECT(un_udp_recv_from(rx, buf, sizeof buf, from, sizeof from, 2000) == 4);
    CHILD_EXPECT(un_socket_set_option(tx, UN_SOCKET_OPTION_MULTICAST_LOOP, 0) == 0);
    CHILD_EXPECT(un_udp_send_to(tx, "quiet", 5, dest, 1000) == 5);
    CHILD_EXPECT(un_udp_recv_from(rx, buf, sizeof buf, from, sizeof from, 300) == UN_ERR_TIMED_OUT);
    return un_runtime_shutdown() == 0 ? 0 : 1;
}

} // namespace

TEST_CASE("multicast loopback option decides whether the sender's host hears itself", "[udp][multicast][netns]") {
    test::VethPair net;
    if (!net.ok()) {
        conformance::skip(net.why().c_str());
        return;
    }
    const pid_t child = net.run_in(
        'a', [] { return multicast_loop_child("0.0.0.0:47002", "239.8.8.8", "192.0.2.1:0", "239.8.8.8:47002"); });
    CHECK(test::wait_child(child) == 0);
}

TEST_CASE("IPv6 multicast loopback option, for real", "[udp][multicast][netns][ipv6]") {
    test::VethPair net;
    if (!net.ok()) {
        conformance::skip(net.why().c_str());
        return;
    }
    const pid_t child = net.run_in(
        'a', [] { return multicast_loop_child("[::]:47004", "ff02::1:8", "[::]:0", "[ff02::1:8%una]:47004"); });
    CHECK(test::wait_child(child) == 0);
}

TEST_CASE("broadcast needs the broadcast option", "[udp][broadcast][netns]") {
    test::VethPair net;
    if (!net.ok()) {
        conformance::skip(net.why().c_str());
        return;
    }
    test::Signal bound;
    const pid_t receiver = net.run_in('a', [&] {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t s = un_udp_bind("0.0.0.0:47003", 0);
        CHILD_EXPECT(s > 0);
        bound.post();
        char buf[16], from[64];
        CHILD_EXPECT(un_udp_recv_from(s, buf, sizeof buf, from, sizeof from, 5000) == 5);
        CHILD_EXPECT(std::memcmp(buf, "bcast", 5) == 0);
        return un_runtime_shutdown() == 0 ? 0 : 1;
    });
    const pid_t sender = net.run_in('b', [&] {
        CHILD_EXPECT(un_runtime_init() == 0);
        const int64_t s = un_udp_bind("192.0.2.2:0", 0);
        CHILD_EXPECT(bound.wait());
        CHILD_EXPECT(un_udp_send_to(s, "nope", 4, "192.0.2.255:47003", 1000) == UN_ERR_PERMISSION_DENIED);
        CHILD_EXPECT(un_socket_set_option(s, UN_SOCKET_OPTION_BROADCAST, 1) == 0);
        CHILD_EXPECT(un_udp_send_to(s, "bcast", 5, "192.0.2.255:47003", 1000) == 5);
        return un_runtime_shutdown() == 0 ? 0 : 1;
    });
    CHECK(test::wait_child(receiver) == 0);
    CHECK(test::wait_child(sender) == 0);
}
