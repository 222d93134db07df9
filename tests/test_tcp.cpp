// TCP over real loopback sockets: echo, bulk transfer, accept loops, errors, cancellation.
#include <sys/socket.h>

#include <atomic>
#include <cstring>
#include <map>
#include <thread>
#include <vector>

#include "conformance.hpp"
#include "helpers.hpp"

namespace {

// Echoes everything a stream sends until it closes its side, then closes the stream.
void echo_until_eof(un_tcp_stream_t s) {
    char buf[16384];
    for (;;) {
        const int64_t n = un_tcp_read(s, buf, sizeof buf, test::kWait);
        if (n <= 0) {
            break;
        }
        if (un_tcp_write(s, buf, static_cast<uint32_t>(n), test::kWait) != n) {
            break;
        }
    }
    un_tcp_close(s);
}

void run_echo(int connections, int messages) {
    test::Runtime rt;
    test::Listener l;
    // Catch2's assertions are not thread-safe: worker threads count, the main thread checks.
    std::atomic<int> accepted{0};
    std::thread server([&] {
        std::vector<std::thread> workers;
        for (int i = 0; i < connections; ++i) {
            const int64_t s = un_tcp_accept(l.handle, test::kWait);
            if (s <= 0) {
                break;
            }
            accepted.fetch_add(1);
            workers.emplace_back(echo_until_eof, s);
        }
        for (auto &w : workers) {
            w.join();
        }
    });
    std::atomic<int> verified{0};
    std::vector<std::thread> clients;
    for (int i = 0; i < connections; ++i) {
        clients.emplace_back([&, i] {
            const int64_t c = un_tcp_connect(l.addr.c_str(), test::kWait);
            if (c <= 0) {
                return;
            }
            for (int m = 0; m < messages; ++m) {
                const std::string msg = "client " + std::to_string(i) + " message " + std::to_string(m);
                if (un_tcp_write(c, msg.data(), static_cast<uint32_t>(msg.size()), test::kWait) !=
                    static_cast<int64_t>(msg.size())) {
                    return;
                }
                std::string back(msg.size(), '\0');
                size_t got = 0;
                while (got < back.size()) {
                    const int64_t n = un_tcp_read(c, back.data() + got,
                                                  static_cast<uint32_t>(back.size() - got), test::kWait);
                    if (n <= 0) {
                        return;
                    }
                    got += static_cast<size_t>(n);
                }
                if (back != msg) {
                    return;
                }
                verified.fetch_add(1);
            }
            un_tcp_close(c);
        });
    }
    for (auto &c : clients) {
        c.join();
    }
    server.join();
    CHECK(accepted.load() == connections);
    CHECK(verified.load() == connections * messages);
}

} // namespace

TEST_CASE("echo over one connection", "[tcp]") { run_echo(1, 100); }

TEST_CASE("echo over 100 concurrent connections", "[tcp]") { run_echo(100, 20); }

TEST_CASE("1 MiB is transferred in one write and verified byte for byte", "[tcp]") {
    test::Runtime rt;
    test::Pair p;
    const int64_t c = p.client, s = p.server;
    std::vector<unsigned char> data(1 << 20);
    for (size_t i = 0; i < data.size(); ++i) {
        data[i] = static_cast<unsigned char>((i * 131 + (i >> 11)) & 0xff);
    }
    int64_t written = 0;
    // One call for the whole MiB: larger than the socket buffers, so the kernel sends it in
    // pieces and the runtime must continue every short write.
    std::thread writer([&] { written = un_tcp_write(c, data.data(), static_cast<uint32_t>(data.size()), test::kWait); });
    std::vector<unsigned char> got(data.size());
    size_t n = 0;
    while (n < got.size()) {
        const int64_t r = un_tcp_read(s, got.data() + n, 65536, test::kWait);
        REQUIRE(r > 0);
        n += static_cast<size_t>(r);
    }
    writer.join();
    CHECK(written == static_cast<int64_t>(data.size()));
    CHECK(got == data);

    REQUIRE(un_tcp_close(c) == 0);
    char b;
    CHECK(un_tcp_read(s, &b, 1, test::kWait) == 0);
}

TEST_CASE("a large write through the runtime thread is sent without a copy where the kernel can", "[tcp][zerocopy]") {
    test::Runtime rt;
    if (!test::stats()["zero_copy"].get<bool>()) {
        conformance::skip(("zero-copy send is not available (" + test::stats()["backend_reason"].get<std::string>() + ")").c_str());
        return;
    }
    test::Pair p;
    const int64_t c = p.client, s = p.server;
    std::vector<unsigned char> data(4 << 20);
    for (size_t i = 0; i < data.size(); ++i) {
        data[i] = static_cast<unsigned char>((i * 7 + (i >> 13)) & 0xff);
    }
    // Asynchronous, so it does not take the calling thread's direct path. A write with a
    // deadline is copied (no deadline could end a zero-copy send whose peer stops reading);
    // one without a deadline is sent zero-copy.
    for (const int64_t timeout : {test::kWait, int64_t{-1}}) {
        INFO("timeout " << timeout);
        REQUIRE(un_tcp_write_submit(c, data.data(), static_cast<uint32_t>(data.size()), timeout, 1) > 0);
        std::vector<unsigned char> got(data.size());
        for (size_t n = 0; n < got.size();) {
            const int64_t r = un_tcp_read(s, got.data() + n, 1 << 20, test::kWait);
            REQUIRE(r > 0);
            n += static_cast<size_t>(r);
        }
        un_completion_t done{};
        REQUIRE(un_poll(&done, 1, test::kWait) == 1);
        CHECK(done.result == static_cast<int64_t>(data.size()));
        CHECK(got == data);
        CHECK((test::total_stats()["zero_copy_sends"].get<uint64_t>() >= 1) == (timeout < 0));
    }
}

TEST_CASE("closing a stream whose large write the peer never drains returns", "[tcp][zerocopy][close]") {
    // A zero-copy send's buffer is the kernel's until its notification, which comes only once
    // the data has left the socket: a close must not wait for that while the peer reads nothing.
    test::Runtime rt;
    test::Pair p;
    std::vector<unsigned char> data(16 << 20, 'z');
    REQUIRE(un_tcp_write_submit(p.client, data.data(), static_cast<uint32_t>(data.size()), -1, 1) > 0);
    // The send started (zero-copy, or partly written on epoll); the socket buffers fill at once.
    REQUIRE(test::eventually([] {
        const auto t = test::total_stats();
        return t["zero_copy_sends"].get<uint64_t>() + t["bytes_written"].get<uint64_t>() > 0;
    }));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const int fds = test::open_fds();
    std::atomic<bool> closed{false};
    std::thread closer([&] {
        CHECK(un_tcp_close(p.client) == 0);
        closed.store(true);
    });
    const bool returned = test::eventually([&] { return closed.load(); });
    if (!returned) {
        un_tcp_close(p.server); // frees the data so the closer can finish before failing
    }
    closer.join();
    REQUIRE(returned);
    CHECK(test::open_fds() == fds - 1);
    un_completion_t done{};
    REQUIRE(un_poll(&done, 1, test::kWait) == 1);
    CHECK(done.result == UN_ERR_CANCELED);

    // The same at shutdown: a runtime with such a write in flight stops.
    test::Pair q;
    REQUIRE(un_tcp_write_submit(q.client, data.data(), static_cast<uint32_t>(data.size()), -1, 2) > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::atomic<bool> stopped{false};
    std::thread stopper([&] {
        CHECK(un_runtime_shutdown() == 0);
        stopped.store(true);
    });
    const bool shut = test::eventually([&] { return stopped.load(); });
    if (!shut) {
        un_tcp_close(q.server);
    }
    stopper.join();
    REQUIRE(shut);
    REQUIRE(un_poll(&done, 1, 0) == 1);
    CHECK(done.result == UN_ERR_SHUT_DOWN);
    REQUIRE(un_runtime_init() == 0); // for test::Runtime's own shutdown
}

TEST_CASE("one listener accepts 100 connections", "[tcp]") {
    test::Runtime rt;
    test::Listener l;
    for (int i = 0; i < 100; ++i) {
        const int64_t c = un_tcp_connect(l.addr.c_str(), test::kWait);
        REQUIRE(c > 0);
        const int64_t s = un_tcp_accept(l.handle, test::kWait);
        REQUIRE(s > 0);
        const char byte = static_cast<char>(i);
        REQUIRE(un_tcp_write(c, &byte, 1, test::kWait) == 1);
        CHECK(test::read_exact(s, 1)[0] == byte);
        REQUIRE(un_tcp_close(c) == 0);
        REQUIRE(un_tcp_close(s) == 0);
    }
    CHECK(test::listener_addr(l.handle) == l.addr);
    // On io_uring (5.19+) one multishot accept per listener delivers them all.
    const auto st = test::stats();
    if (st["backend"] == "io_uring") {
        CHECK(st["total"]["multishot_accepts"].get<uint64_t>() >= 100);
    } else {
        CHECK(st["total"]["multishot_accepts"] == 0);
    }
}

TEST_CASE("connections that arrive before anyone accepts wait for the next accept", "[tcp][accept]") {
    test::Runtime rt;
    test::Listener l;
    // One accept arms the listener; then ten connections arrive with nobody accepting.
    CHECK(un_tcp_accept(l.handle, 0) == UN_ERR_TIMED_OUT);
    std::vector<int64_t> clients;
    for (int i = 0; i < 10; ++i) {
        clients.push_back(un_tcp_connect(l.addr.c_str(), test::kWait));
        REQUIRE(clients.back() > 0);
    }
    for (int i = 0; i < 10; ++i) {
        const int64_t s = un_tcp_accept(l.handle, 0); // already there: no waiting needed
        REQUIRE(s > 0);
    }
    CHECK(un_tcp_accept(l.handle, 0) == UN_ERR_TIMED_OUT);
    CHECK(test::total_stats()["in_flight"] == 0); // each timed-out accept counted out once
    // Closing the listener with connections still unclaimed leaks nothing.
    const int fds = test::open_fds();
    REQUIRE(un_tcp_connect(l.addr.c_str(), test::kWait) > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(un_tcp_listener_close(l.handle) == 0);
    CHECK(test::open_fds() == fds); // + the new client stream, - the listener (and nothing unclaimed)
}

TEST_CASE("when a close returns the socket is gone: its port can be bound again at once", "[tcp][close]") {
    test::Runtime rt;
    // The close's completion is seen on the runtime thread itself (a callback), the moment
    // it is delivered: the fd must be closed by then, even with an operation in flight.
    struct Seen {
        std::atomic<int> fds_at_close{-1};
        std::atomic<int> others{0};
    } seen;
    REQUIRE(un_set_completion_callback(
                [](void *ctx, const un_completion_t *c) {
                    auto *s = static_cast<Seen *>(ctx);
                    if (c->user_data == 9) {
                        s->fds_at_close.store(test::open_fds());
                    } else {
                        s->others.fetch_add(1);
                    }
                },
                &seen) == 0);
    test::Listener first;
    const std::string addr = first.addr;
    REQUIRE(un_tcp_listener_close(first.handle) == 0);
    const int fds = test::open_fds();
    for (int i = 0; i < 20; ++i) {
        const int64_t l = un_tcp_listen(addr.c_str(), 0, 0); // the same port again
        REQUIRE(l > 0);
        REQUIRE(un_tcp_accept_submit(l, -1, 1) > 0); // in flight when the listener closes
        seen.fds_at_close.store(-1);
        REQUIRE(un_tcp_listener_close_submit(l, 9) > 0);
        REQUIRE(test::eventually([&] { return seen.fds_at_close.load() >= 0; }));
        REQUIRE(seen.fds_at_close.load() == fds); // the listener's fd is closed already
    }
    REQUIRE(un_set_completion_callback(nullptr, nullptr) == 0);
    CHECK(seen.others.load() == 20); // every accept ended (CANCELED)
    // Blocking closes of a stream and a UDP socket with a read in flight.
    test::Pair p;
    const int with_pair = test::open_fds();
    char buf[8];
    REQUIRE(un_tcp_read_submit(p.server, buf, sizeof buf, -1, 2) > 0);
    REQUIRE(un_tcp_close(p.server) == 0);
    CHECK(test::open_fds() == with_pair - 1);
    const int64_t u = un_udp_bind("127.0.0.1:0", 0);
    const std::string uaddr = test::local_addr(u);
    REQUIRE(un_udp_recv_submit(u, buf, sizeof buf, -1, 3) > 0);
    REQUIRE(un_udp_close(u) == 0);
    CHECK(un_udp_bind(uaddr.c_str(), 0) > 0); // the port is free again
    CHECK(test::collect(2).size() == 2);
}

TEST_CASE("connect to a closed port is refused", "[tcp][errors]") {
    test::Runtime rt;
    const std::string addr = "127.0.0.1:" + std::to_string(test::closed_port());
    const int64_t rc = un_tcp_connect(addr.c_str(), test::kWait);
    CHECK(rc == UN_ERR_CONNECTION_REFUSED);
    CHECK(un_error_class(rc) == UN_ERR_REFUSED);
}

TEST_CASE("listening on a port in use fails with ADDRESS_IN_USE", "[tcp][errors]") {
    test::Runtime rt;
    test::Listener l;
    const int64_t rc = un_tcp_listen(l.addr.c_str(), 0, 0);
    CHECK(rc == UN_ERR_ADDRESS_IN_USE);
    CHECK(un_error_class(rc) == UN_ERR_REFUSED);
}

TEST_CASE("malformed addresses give BAD_ADDRESS", "[tcp][errors]") {
    test::Runtime rt;
    for (const char *bad : {"", "127.0.0.1", "127.0.0.1:", ":80", "127.0.0.1:99999", "127.0.0.1:8x",
                            "127.0.0.1:-1", "::1:80", "[::1]80", "[::1", "[::1]:", "[zz::1]:80",
                            "256.0.0.1:80", "1.2.3:80", "bad host:80", "host/x:80"}) {
        INFO("address \"" << bad << "\"");
        CHECK(un_tcp_connect(bad, 0) == UN_ERR_BAD_ADDRESS);
        CHECK(un_tcp_listen(bad, 0, 0) == UN_ERR_BAD_ADDRESS);
    }
}

TEST_CASE("a listener bound to localhost accepts a client that names it", "[tcp]") {
    test::Runtime rt;
    test::Listener l("localhost:0");
    const std::string port = l.addr.substr(l.addr.rfind(':') + 1);
    const int64_t c = un_tcp_connect(("localhost:" + port).c_str(), test::kWait);
    REQUIRE(c > 0);
    const int64_t s = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(s > 0);
    REQUIRE(un_tcp_write(s, "hi", 2, test::kWait) == 2);
    CHECK(test::read_exact(c, 2) == "hi");
}

TEST_CASE("IPv6 loopback echo", "[tcp][ipv6]") {
    const int probe = socket(AF_INET6, SOCK_STREAM, 0);
    sockaddr_in6 sa{};
    sa.sin6_family = AF_INET6;
    sa.sin6_addr = in6addr_loopback;
    const bool have_v6 = probe >= 0 && bind(probe, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0;
    if (probe >= 0) {
        close(probe);
    }
    if (!have_v6) {
        conformance::skip("this machine has no IPv6 loopback (::1)");
        return;
    }
    test::Runtime rt;
    test::Pair p("[::1]:0");
    CHECK(p.l.addr.rfind("[::1]:", 0) == 0);
    REQUIRE(un_tcp_write(p.client, "six", 3, test::kWait) == 3);
    CHECK(test::read_exact(p.server, 3) == "six");
}

TEST_CASE("read returns 0 after the peer closed", "[tcp]") {
    test::Runtime rt;
    test::Listener l;
    const int64_t c = un_tcp_connect(l.addr.c_str(), test::kWait);
    const int64_t s = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(un_tcp_write(c, "last", 4, test::kWait) == 4);
    REQUIRE(un_tcp_close(c) == 0);
    CHECK(test::read_exact(s, 4) == "last");
    char buf[8];
    CHECK(un_tcp_read(s, buf, sizeof buf, test::kWait) == 0);
    CHECK(un_tcp_read(s, buf, sizeof buf, test::kWait) == 0);
}

TEST_CASE("a read blocked on one thread is released when another closes the stream", "[tcp][cancel]") {
    test::Runtime rt;
    test::Pair p;
    const int64_t c = p.client, s = p.server;
    std::atomic<int64_t> result{1};
    std::thread reader([&] {
        char buf[16];
        result = un_tcp_read(s, buf, sizeof buf, -1);
    });
    REQUIRE(test::wait_for_stat("in_flight", 1)); // the call waits in the runtime
    REQUIRE(un_tcp_close(s) == 0);
    reader.join();
    CHECK(result.load() == UN_ERR_CANCELED);
    CHECK(un_tcp_close(c) == 0);
}

TEST_CASE("an accept blocked on one thread is released when another closes the listener", "[tcp][cancel]") {
    test::Runtime rt;
    test::Listener l;
    std::atomic<int64_t> result{1};
    std::thread acceptor([&] { result = un_tcp_accept(l.handle, -1); });
    REQUIRE(test::wait_for_stat("in_flight", 1)); // the call waits in the runtime
    REQUIRE(un_tcp_listener_close(l.handle) == 0);
    acceptor.join();
    CHECK(result.load() == UN_ERR_CANCELED);
    // The port is free again once the listener is closed.
    CHECK(un_tcp_listen(l.addr.c_str(), 0, 0) > 0);
}

TEST_CASE("timeouts give TIMED_OUT and leave the handle usable", "[tcp][timeout]") {
    test::Runtime rt;
    test::Listener l;
    CHECK(un_tcp_accept(l.handle, 20) == UN_ERR_TIMED_OUT);
    const int64_t c = un_tcp_connect(l.addr.c_str(), test::kWait);
    const int64_t s = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(s > 0);
    char buf[8];
    CHECK(un_tcp_read(s, buf, sizeof buf, 20) == UN_ERR_TIMED_OUT);
    CHECK(un_tcp_read(s, buf, sizeof buf, 0) == UN_ERR_TIMED_OUT);
    CHECK(un_error_class(UN_ERR_TIMED_OUT) == UN_ERR_TIMED_OUT);
    REQUIRE(un_tcp_write(c, "late", 4, test::kWait) == 4);
    CHECK(test::read_exact(s, 4) == "late");
}

TEST_CASE("concurrent writes on one stream are never interleaved", "[tcp][order]") {
    test::Runtime rt;
    test::Pair p;
    const int64_t c = p.client, s = p.server;
    constexpr int kWriters = 4, kRecords = 200;
    constexpr size_t kRecord = 64 * 1024; // larger than one send can take: forces continuation
    std::vector<std::thread> writers;
    std::atomic<int> written{0};
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            std::vector<unsigned char> rec(kRecord);
            for (int i = 0; i < kRecords; ++i) {
                std::memset(rec.data(), 'a' + w, kRecord);
                std::memcpy(rec.data(), &i, sizeof i);
                if (un_tcp_write(c, rec.data(), kRecord, test::kWait) != static_cast<int64_t>(kRecord)) {
                    return;
                }
                written.fetch_add(1);
            }
        });
    }
    std::map<int, int> next_seq;
    for (int r = 0; r < kWriters * kRecords; ++r) {
        const std::string rec = test::read_exact(s, kRecord);
        const char tag = rec[sizeof(int)];
        int seq;
        std::memcpy(&seq, rec.data(), sizeof seq);
        REQUIRE(rec.find_first_not_of(tag, sizeof(int)) == std::string::npos); // whole record
        CHECK(seq == next_seq[tag]++); // each writer's records in its call order
    }
    for (auto &w : writers) {
        w.join();
    }
    CHECK(written.load() == kWriters * kRecords);
}

TEST_CASE("writing to a closed peer returns an error, never SIGPIPE", "[tcp][errors]") {
    test::Runtime rt;
    test::Pair p;
    const int64_t c = p.client, s = p.server;
    // Unread data at close makes the kernel send a reset.
    REQUIRE(un_tcp_write(c, "unread", 6, test::kWait) == 6);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(un_tcp_close(s) == 0);
    std::vector<char> chunk(65536, 'x');
    int64_t rc = 0;
    for (int i = 0; i < 100 && rc >= 0; ++i) {
        rc = un_tcp_write(c, chunk.data(), static_cast<uint32_t>(chunk.size()), test::kWait);
    }
    // The first failing write sees the reset, or the broken pipe if the reset was consumed.
    CHECK((rc == UN_ERR_RESET || rc == UN_ERR_BROKEN_PIPE));
    CHECK(un_error_class(rc) == UN_ERR_RESET);
}
