// tcp_connect to a host name tries every address (Happy Eyeballs v2, RFC 8305): IPv6 first,
// the next attempt after the connect delay or as soon as one fails, the first connection
// wins, and when all fail the most telling error. Each case runs in a child with a network
// namespace of its own, where a private name server (tests/private_dns.hpp) answers names
// with addresses that answer, refuse, are unreachable (an unreachable route) or black-hole
// every packet (a veth pair whose far end drops frames not addressed to it): nothing leaves
// the machine.
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "conformance.hpp"
#include "helpers.hpp"
#include "netns.hpp"
#include "private_dns.hpp"

namespace {

// Child exit codes for a network that cannot be made here (the parent skips, saying why).
constexpr int kNoVeth = 77, kNoIpv6 = 78, kNoMountNs = 79, kNoNameServer = 80;

// What the name server answers, as hosts-file lines ("address name"). The roles, by family:
// ok (a listener on the test's port), refused (nothing listens on the port there),
// unreachable (an unreachable route), black hole (packets vanish).
constexpr const char *kNames =
    "fd00:76::2 bh6-ok4.test\n127.0.0.1 bh6-ok4.test\n"
    "::1 ok6-bh4.test\n198.51.100.2 ok6-bh4.test\n"
    "fd00:77::1 ref6-ok4.test\n127.0.0.1 ref6-ok4.test\n"
    "::1 ok6-ref4.test\n127.0.0.2 ok6-ref4.test\n"
    "fd00:76::2 bh6-ref4.test\n127.0.0.2 bh6-ref4.test\n"
    "fd00:77::1 ref6-bh4.test\n198.51.100.2 ref6-bh4.test\n"
    "fd00:76::2 bh6-bh4.test\n198.51.100.2 bh6-bh4.test\n"
    "2001:db8:99::5 un6-bh4.test\n198.51.100.2 un6-bh4.test\n"
    "2001:db8:99::5 un6-ref4.test\n127.0.0.2 un6-ref4.test\n"
    "fd00:77::1 ref6-un4.test\n203.0.113.5 ref6-un4.test\n"
    "2001:db8:99::5 un6-un4.test\n203.0.113.5 un6-un4.test\n"
    "fd00:76::2 three.test\n198.51.100.2 three.test\n127.0.0.1 three.test\n"
    "192.0.2.99 bind-second.test\n::1 bind-second.test\n"
    "192.0.2.99 bind-none.test\nfd00:99::9 bind-none.test\n"
    "127.0.0.1 dual.test\n::1 dual.test\n"
    "127.0.0.2 ref4-ok4.test\n127.0.0.1 ref4-ok4.test\n"
    "198.51.100.2 bh4-ok4.test\n127.0.0.1 bh4-ok4.test\n"
    "fd00:77::1 ref6-ok6.test\n::1 ref6-ok6.test\n"
    "fd00:76::2 bh6-ok6.test\n::1 bh6-ok6.test\n";

// In a child already in a fresh network namespace: the addresses above, and resolv.conf
// naming the private name server (127.0.0.1), in a mount namespace of its own. 0, or the
// exit code saying what is missing.
int make_network() {
    const char *cmds[] = {
        "ip link add bh0 type veth peer name bh1",
        "ip link set bh0 up",
        "ip link set bh1 up",
        "ip addr add 198.51.100.1/24 dev bh0",
        "ip -6 addr add fd00:76::1/64 dev bh0 nodad",
        "ip neigh add 198.51.100.2 lladdr 02:00:00:00:00:09 dev bh0 nud permanent",
        "ip -6 neigh add fd00:76::2 lladdr 02:00:00:00:00:09 dev bh0 nud permanent",
        "ip route add unreachable 203.0.113.0/24",
        "ip -6 route add unreachable 2001:db8:99::/48",
        "ip -6 addr add fd00:77::1/128 dev lo nodad",
    };
    if (!test::ipv6_loopback()) {
        return kNoIpv6;
    }
    for (const char *c : cmds) {
        if (std::system((std::string(c) + " >/dev/null 2>&1").c_str()) != 0) {
            std::fprintf(stderr, "network setup failed: %s\n", c);
            return kNoVeth;
        }
    }
    if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        !test::mount_file("/etc/hosts", "127.0.0.1 localhost\n") ||
        !test::mount_file("/etc/resolv.conf", "nameserver 127.0.0.1\noptions timeout:5 attempts:2\n")) {
        return kNoMountNs;
    }
    return 0;
}

// The name server's table, from kNames.
std::vector<std::pair<std::string, std::string>> name_table() {
    std::vector<std::pair<std::string, std::string>> t;
    std::string text(kNames);
    for (size_t at = 0; at < text.size();) {
        const size_t nl = text.find('\n', at);
        const std::string line = text.substr(at, nl - at);
        const size_t sp = line.find(' ');
        t.emplace_back(line.substr(sp + 1), line.substr(0, sp));
        at = nl + 1;
    }
    return t;
}

// Runs fn (which returns 0 when every expectation held) in a child with that network and a
// runtime of its own; skips where the network cannot be made.
void in_network(const std::function<int()> &fn) {
    std::string why;
    const int rc = test::in_fresh_netns(
        [&] {
            if (const int setup = make_network(); setup != 0) {
                return setup;
            }
            test::AnsweringNameServer dns;
            dns.table = name_table();
            if (!dns.start()) {
                return kNoNameServer;
            }
            if (un_runtime_init() != 0) {
                return 2;
            }
            const int r = fn();
            un_runtime_shutdown();
            return r;
        },
        why);
    if (rc == -1) {
        conformance::skip(why.c_str());
        return;
    }
    if (rc == kNoVeth) {
        conformance::skip("cannot make a veth pair, routes and neighbours in a network namespace (ip link add ... type veth)");
        return;
    }
    if (rc == kNoIpv6) {
        conformance::skip("a fresh network namespace has no IPv6 on loopback here");
        return;
    }
    if (rc == kNoMountNs) {
        conformance::skip("cannot give a child its own /etc/resolv.conf (mount namespace)");
        return;
    }
    if (rc == kNoNameServer) {
        conformance::skip("cannot run a private name server on 127.0.0.1:53 in the child's namespace");
        return;
    }
    CHECK(rc == 0);
}

// One byte there and back over a connected stream and the stream its listener accepted.
bool echoes(int64_t client, int64_t listener) {
    const int64_t s = un_tcp_accept(listener, 5000);
    char c = 0;
    const bool ok = s > 0 && un_tcp_write(client, "x", 1, 5000) == 1 && un_tcp_read(s, &c, 1, 5000) == 1 && c == 'x';
    un_tcp_close(s);
    return ok;
}

// The connecting test's listeners: one port, on 127.0.0.1 and on ::1 (nothing listens on the
// refusing addresses, 127.0.0.2 and fd00:77::1, at that port).
struct Listeners {
    int64_t v4 = 0, v6 = 0;
    uint16_t port = 0;
    bool open() {
        for (int tries = 0; tries < 20 && (v4 <= 0 || v6 <= 0); ++tries) {
            v4 = un_tcp_listen("127.0.0.1:0", 0, 0);
            char addr[64] = {};
            if (v4 <= 0 || un_socket_local_addr(v4, addr, sizeof addr) <= 0) {
                return false;
            }
            port = static_cast<uint16_t>(std::atoi(std::strrchr(addr, ':') + 1));
            v6 = un_tcp_listen(("[::1]:" + std::to_string(port)).c_str(), 0, 0);
            if (v6 <= 0) {
                un_tcp_listener_close(v4);
            }
        }
        return v4 > 0 && v6 > 0 && warm_up();
    }
    // One echo over a literal first: what the library makes once per thread (a calling
    // thread's wake-up fd) is then made before a test counts fds.
    bool warm_up() const;
    std::string at(const char *name) const { return std::string(name) + ":" + std::to_string(port); }
};

std::string peer_of(int64_t stream) {
    char buf[64] = {};
    const int64_t n = un_socket_peer_addr(stream, buf, sizeof buf);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

int64_t ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
}

bool Listeners::warm_up() const {
    const int64_t c = un_tcp_connect(("127.0.0.1:" + std::to_string(port)).c_str(), 5000);
    const bool ok = c > 0 && echoes(c, v4);
    un_tcp_close(c);
    return ok;
}

// Settled: nothing in flight and no more fds than before (the losers' sockets are closed).
bool settled(int fds_before) {
    const bool ok = test::eventually([&] { return test::in_flight_now() == 0 && test::open_fds() <= fds_before; }, 5000);
    if (!ok) {
        std::fprintf(stderr, "in flight %llu, fds %d (before %d)\n", static_cast<unsigned long long>(test::in_flight_now()),
                     test::open_fds(), fds_before);
    }
    return ok;
}

} // namespace

TEST_CASE("connect to a name whose IPv6 address black-holes starts the IPv4 attempt after the connect delay",
          "[tcp][happy-eyeballs]") {
    in_network([] {
        Listeners l;
        CHILD_EXPECT(l.open());
        const int fds = test::open_fds();
        auto t0 = std::chrono::steady_clock::now();
        const int64_t c = un_tcp_connect(l.at("bh6-ok4.test").c_str(), 20000);
        const int64_t took = ms_since(t0);
        CHILD_EXPECT(c > 0);
        CHILD_EXPECT(peer_of(c) == "127.0.0.1:" + std::to_string(l.port));
        // Not before the default delay of 250 ms, and long before the black hole's 20 s (the
        // bound is loose: no speed is asserted, only that nothing waited for the black hole).
        CHILD_EXPECT(took >= 250);
        CHILD_EXPECT(took < 5000);
        CHILD_EXPECT(echoes(c, l.v4));
        un_tcp_close(c);
        CHILD_EXPECT(settled(fds)); // the black-holed attempt was cancelled and its socket closed

        // A longer delay, configured: the second attempt waits for it.
        CHILD_EXPECT(un_runtime_configure_connect_delay(1500) == 0);
        t0 = std::chrono::steady_clock::now();
        const int64_t d = un_tcp_connect(l.at("bh6-ok4.test").c_str(), 20000);
        CHILD_EXPECT(d > 0 && ms_since(t0) >= 1500);
        CHILD_EXPECT(echoes(d, l.v4)); // (its listener would keep the accepted end)
        un_tcp_close(d);
        CHILD_EXPECT(settled(fds));
        return 0;
    });
}

TEST_CASE("connect to a name tries IPv6 first and uses the first address that answers", "[tcp][happy-eyeballs]") {
    in_network([] {
        Listeners l;
        CHILD_EXPECT(l.open());
        const int fds = test::open_fds();
        const std::string port = std::to_string(l.port);
        // IPv6 answers: it wins, the black-holed IPv4 address is never needed.
        const int64_t a = un_tcp_connect(l.at("ok6-bh4.test").c_str(), 20000);
        CHILD_EXPECT(a > 0 && peer_of(a) == "[::1]:" + port);
        CHILD_EXPECT(echoes(a, l.v6));
        // IPv6 answers, IPv4 would refuse.
        const int64_t b = un_tcp_connect(l.at("ok6-ref4.test").c_str(), 20000);
        CHILD_EXPECT(b > 0 && peer_of(b) == "[::1]:" + port);
        CHILD_EXPECT(echoes(b, l.v6));
        // The first of three (IPv6 black hole, IPv4 black hole, IPv4 answering) that answers.
        const int64_t c = un_tcp_connect(l.at("three.test").c_str(), 20000);
        CHILD_EXPECT(c > 0 && peer_of(c) == "127.0.0.1:" + port);
        CHILD_EXPECT(echoes(c, l.v4));
        for (int64_t h : {a, b, c}) {
            un_tcp_close(h);
        }
        CHILD_EXPECT(settled(fds));
        return 0;
    });
}

TEST_CASE("connect to a name with several addresses of one family reaches the one that answers",
          "[tcp][happy-eyeballs]") {
    in_network([] {
        Listeners l;
        CHILD_EXPECT(l.open());
        const int fds = test::open_fds();
        const std::string port = std::to_string(l.port);
        // (Within a family the resolver's order stands, whatever it is: each works in either.)
        for (const char *name : {"ref4-ok4.test", "bh4-ok4.test"}) {
            const int64_t c = un_tcp_connect(l.at(name).c_str(), 20000);
            CHILD_EXPECT(c > 0 && peer_of(c) == "127.0.0.1:" + port);
            CHILD_EXPECT(echoes(c, l.v4));
            un_tcp_close(c);
        }
        for (const char *name : {"ref6-ok6.test", "bh6-ok6.test"}) {
            const int64_t c = un_tcp_connect(l.at(name).c_str(), 20000);
            CHILD_EXPECT(c > 0 && peer_of(c) == "[::1]:" + port);
            CHILD_EXPECT(echoes(c, l.v6));
            un_tcp_close(c);
        }
        CHILD_EXPECT(settled(fds));
        return 0;
    });
}

TEST_CASE("connect goes on to the next address as soon as an attempt fails", "[tcp][happy-eyeballs]") {
    in_network([] {
        Listeners l;
        CHILD_EXPECT(l.open());
        // A delay far longer than the call may take: only a failure can start the second attempt.
        CHILD_EXPECT(un_runtime_configure_connect_delay(60000) == 0);
        const auto t0 = std::chrono::steady_clock::now();
        const int64_t c = un_tcp_connect(l.at("ref6-ok4.test").c_str(), 30000);
        CHILD_EXPECT(c > 0 && peer_of(c) == "127.0.0.1:" + std::to_string(l.port));
        CHILD_EXPECT(ms_since(t0) < 30000);
        CHILD_EXPECT(echoes(c, l.v4));
        un_tcp_close(c);
        return 0;
    });
}

TEST_CASE("connect to a name whose every address fails gives the most telling error", "[tcp][happy-eyeballs]") {
    in_network([] {
        Listeners l;
        CHILD_EXPECT(l.open());
        const int fds = test::open_fds();
        // Refused beats timed out, in either order (the black hole is still waiting at the timeout).
        CHILD_EXPECT(un_tcp_connect(l.at("ref6-bh4.test").c_str(), 1000) == UN_ERR_CONNECTION_REFUSED);
        CHILD_EXPECT(un_tcp_connect(l.at("bh6-ref4.test").c_str(), 1000) == UN_ERR_CONNECTION_REFUSED);
        // Refused beats unreachable, in either order (both fail at once: no timeout needed).
        CHILD_EXPECT(un_tcp_connect(l.at("un6-ref4.test").c_str(), -1) == UN_ERR_CONNECTION_REFUSED);
        CHILD_EXPECT(un_tcp_connect(l.at("ref6-un4.test").c_str(), -1) == UN_ERR_CONNECTION_REFUSED);
        // Unreachable beats timed out; nothing but unreachable addresses: unreachable.
        CHILD_EXPECT(un_tcp_connect(l.at("un6-bh4.test").c_str(), 1000) == UN_ERR_HOST_UNREACHABLE);
        CHILD_EXPECT(un_tcp_connect(l.at("un6-un4.test").c_str(), -1) == UN_ERR_HOST_UNREACHABLE);
        // Nothing answered at all within the timeout.
        const auto t0 = std::chrono::steady_clock::now();
        CHILD_EXPECT(un_tcp_connect(l.at("bh6-bh4.test").c_str(), 800) == UN_ERR_TIMED_OUT);
        CHILD_EXPECT(ms_since(t0) >= 800);
        CHILD_EXPECT(settled(fds));
        return 0;
    });
}

TEST_CASE("a connect racing addresses ends on op_cancel, its timeout and shutdown with nothing left behind",
          "[tcp][happy-eyeballs][async]") {
    in_network([] {
        Listeners l;
        CHILD_EXPECT(l.open());
        const int fds = test::open_fds();
        CHILD_EXPECT(un_runtime_configure_connect_delay(20) == 0);
        // Cancelled while both black-holed attempts are in flight.
        const int64_t id = un_tcp_connect_submit(l.at("bh6-bh4.test").c_str(), -1, 5);
        CHILD_EXPECT(id > 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        CHILD_EXPECT(un_op_cancel(id) == 0);
        un_completion_t done{};
        CHILD_EXPECT(un_poll(&done, 1, 5000) == 1);
        CHILD_EXPECT(done.op_id == id && done.user_data == 5 && done.result == UN_ERR_CANCELED);
        CHILD_EXPECT(settled(fds));
        // The submitted form wins like the blocking one.
        const int64_t won = un_tcp_connect_submit(l.at("bh6-ok4.test").c_str(), 10000, 6);
        CHILD_EXPECT(won > 0 && un_poll(&done, 1, 5000) == 1);
        CHILD_EXPECT(done.op_id == won && done.result > 0 && echoes(done.result, l.v4));
        un_tcp_close(done.result);
        CHILD_EXPECT(settled(fds));
        // Shutdown while a race waits without a deadline: it completes with SHUT_DOWN.
        const int64_t pending = un_tcp_connect_submit(l.at("bh6-bh4.test").c_str(), -1, 7);
        CHILD_EXPECT(pending > 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        CHILD_EXPECT(un_runtime_shutdown() == 0);
        CHILD_EXPECT(un_poll(&done, 1, 5000) == 1 && done.op_id == pending && done.result == UN_ERR_SHUT_DOWN);
        CHILD_EXPECT(un_runtime_init() == 0);
        return 0;
    });
}

TEST_CASE("connects racing addresses from many threads under signals, cancels and timeouts", "[tcp][happy-eyeballs][stress]") {
    in_network([] {
        Listeners l;
        CHILD_EXPECT(l.open());
        const int fds = test::open_fds();
        CHILD_EXPECT(un_runtime_configure_connect_delay(30) == 0);
        struct sigaction sa{};
        sa.sa_handler = [](int) {};
        sigaction(SIGUSR1, &sa, nullptr);
        std::atomic<bool> stop{false};
        std::thread signaller([&] {
            while (!stop.load()) {
                kill(getpid(), SIGUSR1);
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
        std::atomic<int> wrong{0}, connected{0};
        std::vector<std::thread> threads;
        const char *names[] = {"bh6-ok4.test", "ref6-ok4.test", "ok6-ref4.test", "three.test", "bh6-bh4.test", "un6-ref4.test"};
        for (int t = 0; t < 6; ++t) {
            threads.emplace_back([&, t] {
                std::mt19937 rng(static_cast<unsigned>(t));
                for (int i = 0; i < 12; ++i) {
                    const std::string name = names[(t + i) % 6];
                    const std::string addr = l.at(name.c_str());
                    const bool fails = name == "bh6-bh4.test" || name == "un6-ref4.test";
                    if (i % 3 == 2) { // submitted, then cancelled at some moment
                        const int64_t id = un_tcp_connect_submit(addr.c_str(), -1, 0);
                        std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 80));
                        const int64_t rc = un_op_cancel(id);
                        wrong += rc != 0 && rc != UN_ERR_OP_NOT_FOUND;
                        continue;
                    }
                    const int64_t c = un_tcp_connect(addr.c_str(), fails ? 300 : 10000);
                    if (fails) {
                        wrong += c != UN_ERR_TIMED_OUT && c != UN_ERR_CONNECTION_REFUSED;
                    } else if (c > 0) {
                        ++connected;
                        un_tcp_close(c);
                    } else {
                        wrong += 1;
                    }
                }
            });
        }
        for (auto &th : threads) {
            th.join();
        }
        // The cancelled ones' completions: each is CANCELED or a connection (closed here).
        un_completion_t done[64];
        int64_t n = 0;
        while ((n = un_poll(done, 64, 1000)) > 0) {
            for (int64_t i = 0; i < n; ++i) {
                if (done[i].result > 0) {
                    un_tcp_close(done[i].result);
                } else {
                    wrong += done[i].result != UN_ERR_CANCELED && done[i].result != UN_ERR_CONNECTION_REFUSED;
                }
            }
        }
        stop.store(true);
        signaller.join();
        CHILD_EXPECT(wrong.load() == 0);
        CHILD_EXPECT(connected.load() > 0);
        // Accepted connections still queued on the listeners are theirs; close them first.
        un_tcp_listener_close(l.v4);
        un_tcp_listener_close(l.v6);
        CHILD_EXPECT(settled(fds - 2));
        return 0;
    });
}

TEST_CASE("localhost reaches a server that listens on ::1 only", "[tcp][happy-eyeballs]") {
    if (!test::needs_ipv6_loopback()) {
        return;
    }
    test::Runtime rt;
    test::Listener l("[::1]:0");
    const std::string port = l.addr.substr(l.addr.rfind(':') + 1);
    const int64_t c = un_tcp_connect(("localhost:" + port).c_str(), test::kWait);
    REQUIRE(c > 0);
    CHECK(peer_of(c) == "[::1]:" + port);
    const int64_t s = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(s > 0);
    CHECK(un_tcp_write(c, "hi", 2, test::kWait) == 2);
    CHECK(test::read_exact(s, 2) == "hi");
    un_tcp_close(s);
    un_tcp_close(c);
}

TEST_CASE("tcp_listen and udp_bind on a name bind the first address that can be bound", "[tcp][udp][happy-eyeballs]") {
    in_network([] {
        // IPv4 first: 192.0.2.99 is no address of this machine, so ::1 is bound.
        const int64_t l = un_tcp_listen("bind-second.test:0", 0, 0);
        CHILD_EXPECT(l > 0);
        char addr[64] = {};
        CHILD_EXPECT(un_socket_local_addr(l, addr, sizeof addr) > 0 && std::string(addr).rfind("[::1]:", 0) == 0);
        const int64_t u = un_udp_bind("bind-second.test:0", 0);
        CHILD_EXPECT(u > 0);
        CHILD_EXPECT(un_socket_local_addr(u, addr, sizeof addr) > 0 && std::string(addr).rfind("[::1]:", 0) == 0);
        // None can be bound: the first address's error.
        CHILD_EXPECT(un_tcp_listen("bind-none.test:0", 0, 0) == UN_ERR_ADDRESS_NOT_AVAILABLE);
        CHILD_EXPECT(un_udp_bind("bind-none.test:0", 0) == UN_ERR_ADDRESS_NOT_AVAILABLE);
        // localhost binds 127.0.0.1.
        const int64_t lo = un_tcp_listen("localhost:0", 0, 0);
        CHILD_EXPECT(lo > 0 && un_socket_local_addr(lo, addr, sizeof addr) > 0 &&
                     std::string(addr).rfind("127.0.0.1:", 0) == 0);
        // A datagram to a name with both families goes to the address of the socket's family.
        const int64_t v6 = un_udp_bind("[::1]:0", 0);
        CHILD_EXPECT(v6 > 0 && un_socket_local_addr(v6, addr, sizeof addr) > 0);
        const std::string port = std::string(addr).substr(std::string(addr).rfind(':') + 1);
        CHILD_EXPECT(un_udp_send_to(v6, "d", 1, ("dual.test:" + port).c_str(), 5000) == 1);
        char got[4];
        char from[64];
        CHILD_EXPECT(un_udp_recv_from(v6, got, sizeof got, from, sizeof from, 5000) == 1 && got[0] == 'd');
        return 0;
    });
}
