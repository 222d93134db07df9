// Blocking calls that wait on their calling thread (issue: blocking calls at plain-socket
// speed): what ends such a wait, the order against calls made later from other threads and
// callbacks, and the wake-up fds they use. Whether a call waited on its own thread is read
// from the public statistics (caller_waits), never from private state. Waiting reads run with
// no timeout, a far one and one of two days: on io_uring the first two wait inside recv (ended
// by shutdown or the wake signal), the last in ppoll; on the epoll backend all wait in ppoll.
#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "helpers.hpp"

using test::caller_waits;
using test::WaitingRead;

// A blocking read's timeout, one run each: none, one far away (on io_uring both wait inside
// recv, the second with SO_RCVTIMEO), and one of two days (that one waits in ppoll).
static int64_t read_timeout() { return GENERATE(int64_t{-1}, test::kWait, int64_t{2} * 24 * 3600 * 1000); }

TEST_CASE("a blocking read that finds no data waits on its own thread and gets the data", "[blocking]") {
    test::Runtime rt;
    test::Pair p;
    const int64_t timeout = read_timeout();
    CAPTURE(timeout);
    // (on io_uring a read waits inside recv: the wake signal is free here)
    CHECK(test::stats()["reads_wait_in_recv"] == (test::stats()["backend"] == "io_uring"));
    WaitingRead r(p.server, 5, timeout);
    CHECK(r.result.load() == 1); // still waiting
    REQUIRE(un_tcp_write(p.client, "hello", 5, test::kWait) == 5);
    CHECK(r.join() == 5);
    CHECK(r.data == "hello");
    CHECK(test::total_stats()["in_flight"] == 0);
}

TEST_CASE("what ends a blocking read waiting on its own thread, with the same codes as in the runtime", "[blocking]") {
    const int64_t timeout = read_timeout();
    CAPTURE(timeout);
    test::Runtime rt;
    test::Pair p;
    SECTION("socket_cancel: CANCELED, and the stream stays usable") {
        WaitingRead r(p.server, 4, timeout);
        CHECK(un_socket_cancel(p.server) == 1); // the waiting call is counted
        CHECK(r.join() == UN_ERR_CANCELED);
        REQUIRE(un_tcp_write(p.client, "more", 4, test::kWait) == 4);
        CHECK(test::read_exact(p.server, 4) == "more");
    }
    SECTION("close: CANCELED, then the handle answers CLOSED") {
        WaitingRead r(p.server, 4, timeout);
        CHECK(un_tcp_close(p.server) == 0);
        CHECK(r.join() == UN_ERR_CANCELED);
        char b[4];
        CHECK(un_tcp_read(p.server, b, sizeof b, 0) == UN_ERR_CLOSED);
    }
    SECTION("its deadline: TIMED_OUT, and no data is lost") {
        WaitingRead r(p.server, 4, 100);
        CHECK(r.join() == UN_ERR_TIMED_OUT);
        REQUIRE(un_tcp_write(p.client, "kept", 4, test::kWait) == 4);
        CHECK(test::read_exact(p.server, 4) == "kept");
    }
    SECTION("shutdown of the reading side: end of stream (0)") {
        WaitingRead r(p.server, 4, timeout);
        CHECK(un_tcp_shutdown(p.server, UN_SHUTDOWN_HOW_READ) == 0);
        CHECK(r.join() == 0);
    }
    SECTION("a reset from the peer: RESET, for this read and every later one") {
        WaitingRead r(p.server, 4, timeout);
        REQUIRE(un_socket_set_option(p.client, UN_SOCKET_OPTION_LINGER, 0) == 0);
        REQUIRE(un_tcp_close(p.client) == 0);
        CHECK(r.join() == UN_ERR_RESET);
        char b[4];
        CHECK(un_tcp_read(p.server, b, sizeof b, 100) == UN_ERR_RESET);
        CHECK(un_tcp_read(p.server, b, sizeof b, 100) == UN_ERR_RESET);
    }
    SECTION("runtime shutdown: SHUT_DOWN") {
        WaitingRead r(p.server, 4, timeout);
        REQUIRE(un_runtime_shutdown() == 0);
        CHECK(r.join() == UN_ERR_SHUT_DOWN);
        REQUIRE(un_runtime_init() == 0); // (for test::Runtime's shutdown)
    }
}

TEST_CASE("a blocking read with timeout 0 returns the data that is there, TIMED_OUT when there is none", "[blocking]") {
    test::Runtime rt;
    test::Listener l;
    const int client = test::raw_connect(l.addr); // (a plain socket: it can tell when its bytes are acknowledged)
    const int64_t server = un_tcp_accept(l.handle, test::kWait);
    REQUIRE(server > 0);
    char b[8];
    for (int round = 0; round < 10; ++round) { // (also after reads that found nothing: no guessing)
        CAPTURE(round);
        CHECK(un_tcp_read(server, b, sizeof b, 0) == UN_ERR_TIMED_OUT);
        REQUIRE(send(client, "x", 1, MSG_NOSIGNAL) == 1);
        REQUIRE(test::eventually([&] { // acknowledged: in the server socket's receive queue
            int unacked = -1;
            return ioctl(client, SIOCOUTQ, &unacked) == 0 && unacked == 0;
        }));
        CHECK(un_tcp_read(server, b, sizeof b, 0) == 1);
    }
    close(client);
}

TEST_CASE("each blocking read's timeout is its own: a short one before does not end a later read early", "[blocking]") {
    test::Runtime rt;
    test::Pair p;
    char b[4];
    CHECK(un_tcp_read(p.server, b, sizeof b, 30) == UN_ERR_TIMED_OUT);
    for (const int64_t later : {int64_t{-1}, int64_t{5000}}) {
        CAPTURE(later);
        WaitingRead r(p.server, 4, later);
        // Well past the earlier read's 30 ms: still waiting (it would be TIMED_OUT now if the
        // socket had kept that read's timeout).
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        CHECK(r.result.load() == 1);
        REQUIRE(un_tcp_write(p.client, "late", 4, test::kWait) == 4);
        CHECK(r.join() == 4);
        CHECK(r.data == "late");
        CHECK(un_tcp_read(p.server, b, sizeof b, 30) == UN_ERR_TIMED_OUT); // and short again
    }
}

TEST_CASE("a blocking write waiting on its own thread ends with CANCELED on close, TIMED_OUT at its deadline",
          "[blocking]") {
    test::Runtime rt;
    test::Pair p;
    std::vector<char> big(64 << 20, 'w'); // far more than the socket buffers
    for (const bool close_it : {false, true}) {
        INFO((close_it ? "close" : "deadline"));
        const uint64_t before = caller_waits();
        std::atomic<int64_t> result{1};
        const int64_t timeout = close_it ? -1 : 200;
        std::thread writer([&] { result = un_tcp_write(p.server, big.data(), static_cast<uint32_t>(big.size()), timeout); });
        REQUIRE(test::eventually([&] { return caller_waits() > before; }));
        if (close_it) {
            CHECK(un_tcp_close(p.server) == 0);
        }
        writer.join();
        CHECK(result.load() == (close_it ? UN_ERR_CANCELED : UN_ERR_TIMED_OUT));
    }
}

TEST_CASE("calls made after a call that waits on its own thread come after it", "[blocking][order]") {
    const int64_t timeout = read_timeout();
    CAPTURE(timeout);
    test::Runtime rt;
    const std::string where = GENERATE(as<std::string>{}, "127.0.0.1:0", "unix"); // TCP and Unix streams
    CAPTURE(where);
    test::Pair p(test::stream_bind_address(where).c_str());
    SECTION("a submitted read gets the bytes after the waiting blocking read's") {
        WaitingRead r(p.server, 4, timeout);
        char later[4];
        REQUIRE(un_tcp_read_submit(p.server, later, sizeof later, test::kWait, 9) > 0);
        REQUIRE(un_tcp_write(p.client, "01234567", 8, test::kWait) == 8);
        CHECK(r.join() == 4);
        const auto cs = test::collect(1);
        REQUIRE(cs.size() == 1);
        CHECK(cs[0].result == 4);
        CHECK(r.data == "0123");
        CHECK(std::string(later, 4) == "4567");
    }
    SECTION("a blocking read on another thread gets the bytes after the waiting one's") {
        WaitingRead first(p.server, 4, timeout);
        std::atomic<int64_t> second_result{1};
        char second[4];
        std::thread t([&] { second_result = un_tcp_read(p.server, second, sizeof second, timeout); });
        REQUIRE(test::wait_for_stat("in_flight", 2)); // the second waits in the runtime, behind the first
        REQUIRE(un_tcp_write(p.client, "01234567", 8, test::kWait) == 8);
        CHECK(first.join() == 4);
        t.join();
        CHECK(second_result.load() == 4);
        CHECK(first.data == "0123");
        CHECK(std::string(second, 4) == "4567");
    }
    SECTION("a submitted write is sent after all of a blocking write that waits on its thread") {
        std::vector<char> big(8 << 20, 'a');
        const uint64_t before = caller_waits();
        std::atomic<int64_t> result{1};
        std::thread writer([&] { result = un_tcp_write(p.client, big.data(), static_cast<uint32_t>(big.size()), test::kWait); });
        REQUIRE(test::eventually([&] { return caller_waits() > before; }));
        REQUIRE(un_tcp_write_submit(p.client, "TAIL", 4, test::kWait, 3) > 0);
        const std::string got = test::read_exact(p.server, big.size() + 4);
        writer.join();
        CHECK(result.load() == static_cast<int64_t>(big.size()));
        CHECK(got.find('T') == big.size()); // not one byte earlier
        CHECK(got.substr(big.size()) == "TAIL");
        const auto cs = test::collect(1);
        REQUIRE(cs.size() == 1);
        CHECK(cs[0].result == 4);
    }
}

TEST_CASE("many threads writing records on one stream: each record whole, each thread's in order", "[blocking][order]") {
    test::Runtime rt;
    const std::string where = GENERATE(as<std::string>{}, "127.0.0.1:0", "unix"); // TCP and Unix streams
    CAPTURE(where);
    test::Pair p(test::stream_bind_address(where).c_str());
    constexpr int kThreads = 8, kRecords = 60;
    // A record: thread (1 byte), sequence (2 bytes), length (4 bytes), then length bytes of
    // the thread's letter. Sizes up to 256 KiB make writes wait on their threads and mix with
    // the submitted ones some threads make.
    auto record = [](int t, int seq) {
        const uint32_t len = 1 + static_cast<uint32_t>((seq * 7919 + t * 104729) % (256 * 1024));
        std::string r(7 + len, static_cast<char>('a' + t));
        r[0] = static_cast<char>(t);
        r[1] = static_cast<char>(seq & 0xff);
        r[2] = static_cast<char>(seq >> 8);
        for (int k = 0; k < 4; ++k) {
            r[3 + k] = static_cast<char>((len >> (8 * k)) & 0xff);
        }
        return r;
    };
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    std::vector<std::vector<std::unique_ptr<std::string>>> submitted(kThreads); // live until completed
    for (int t = 0; t < kThreads; ++t) {
        writers.emplace_back([&, t] {
            for (int seq = 0; seq < kRecords; ++seq) {
                const std::string r = record(t, seq);
                if (t % 2 == 1 && seq % 3 == 0) { // submitted: still in this thread's order
                    const std::string &kept = *submitted[static_cast<size_t>(t)].emplace_back(std::make_unique<std::string>(r));
                    if (un_tcp_write_submit(p.client, kept.data(), static_cast<uint32_t>(kept.size()), test::kWait, 0) <= 0) {
                        ++failures;
                    }
                    continue; // (its completion is collected below)
                }
                if (un_tcp_write(p.client, r.data(), static_cast<uint32_t>(r.size()), test::kWait) != static_cast<int64_t>(r.size())) {
                    ++failures;
                }
            }
        });
    }
    std::map<int, int> next_seq;
    int records = 0;
    std::string buf;
    std::vector<char> chunk(1 << 16);
    bool ok = true;
    while (records < kThreads * kRecords && ok) {
        const int64_t n = un_tcp_read(p.server, chunk.data(), static_cast<uint32_t>(chunk.size()), test::kWait);
        if (n <= 0) {
            ok = false;
            break;
        }
        buf.append(chunk.data(), static_cast<size_t>(n));
        while (buf.size() >= 7) {
            uint32_t len = 0;
            for (int k = 0; k < 4; ++k) {
                len |= static_cast<uint32_t>(static_cast<unsigned char>(buf[3 + k])) << (8 * k);
            }
            if (buf.size() < 7 + len) {
                break;
            }
            const int t = buf[0];
            const int seq = static_cast<unsigned char>(buf[1]) | (static_cast<unsigned char>(buf[2]) << 8);
            if (t < 0 || t >= kThreads || seq != next_seq[t] || buf.compare(0, 7 + len, record(t, seq)) != 0) {
                UNSCOPED_INFO("record " << records << ": thread " << t << " seq " << seq << " len " << len
                                        << " (expected seq " << next_seq[t] << ")");
                ok = false; // interleaved with another record, or out of its thread's order
                break;
            }
            ++next_seq[t];
            ++records;
            buf.erase(0, 7 + len);
        }
    }
    if (!ok) {
        un_tcp_close(p.client); // the writers still waiting end (CANCELED)
    }
    for (auto &w : writers) {
        w.join();
    }
    CHECK(ok);
    CHECK(records == kThreads * kRecords);
    CHECK(failures.load() == 0);
    const auto cs = test::collect(static_cast<size_t>(kThreads / 2 * ((kRecords + 2) / 3)));
    CHECK(cs.size() == static_cast<size_t>(kThreads / 2 * ((kRecords + 2) / 3)));
    for (const auto &c : cs) {
        CHECK(c.result > 0);
    }
}

TEST_CASE("many threads reading one stream, some reads timing out: no byte lost or repeated", "[blocking]") {
    test::Runtime rt;
    const std::string where = GENERATE(as<std::string>{}, "127.0.0.1:0", "unix"); // TCP and Unix streams
    CAPTURE(where);
    test::Pair p(test::stream_bind_address(where).c_str());
    constexpr int kThreads = 8;
    constexpr size_t kBytes = 200000;
    std::vector<std::string> got(kThreads);
    std::atomic<size_t> total{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < kThreads; ++t) {
        readers.emplace_back([&, t] {
            char b[97];
            while (total.load() < kBytes) {
                // Short and long deadlines: some reads time out while others wait behind them.
                const int64_t n = un_tcp_read(p.server, b, sizeof b, t % 3 == 2 ? 5 : 200);
                if (n == UN_ERR_TIMED_OUT) {
                    continue;
                }
                if (n <= 0) {
                    return;
                }
                got[static_cast<size_t>(t)].append(b, static_cast<size_t>(n));
                total += static_cast<size_t>(n);
            }
        });
    }
    // Every byte value appears a known number of times; the sum over the readers must match.
    std::string sent(kBytes, '\0');
    for (size_t i = 0; i < kBytes; ++i) {
        sent[i] = static_cast<char>(i % 251);
    }
    for (size_t off = 0; off < kBytes; off += 4096) {
        const size_t n = std::min<size_t>(4096, kBytes - off);
        REQUIRE(un_tcp_write(p.client, sent.data() + off, static_cast<uint32_t>(n), test::kWait) == static_cast<int64_t>(n));
    }
    for (auto &r : readers) {
        r.join();
    }
    std::map<char, size_t> want, have;
    for (const char c : sent) {
        ++want[c];
    }
    for (const auto &g : got) {
        for (const char c : g) {
            ++have[c];
        }
    }
    CHECK(total.load() == kBytes);
    CHECK(have == want);
}

TEST_CASE("the wake-up fds of threads that waited are closed when they exit and at shutdown", "[blocking][leaks]") {
    const int fds = test::open_fds();
    {
        test::Runtime rt;
        test::Pair p;
        const int with_pair = test::open_fds();
        for (int round = 0; round < 3; ++round) { // threads that waited and exited keep nothing open
            WaitingRead r(p.server, 1, round == 1 ? test::kWait : -1);
            REQUIRE(un_tcp_write(p.client, "x", 1, test::kWait) == 1);
            CHECK(r.join() == 1);
        }
        CHECK(test::open_fds() == with_pair);
        // A thread that waited and lives on: its eventfd is closed at shutdown, and it gets a
        // new one when it waits under the next runtime.
        std::atomic<int> step{0};
        std::atomic<int64_t> next_stream{0}, second{1};
        std::thread lives([&] {
            char b;
            step = un_tcp_read(p.server, &b, 1, -1) == 1 ? 1 : -1;
            while (next_stream.load() == 0) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            second = un_tcp_read(next_stream.load(), &b, 1, test::kWait);
        });
        REQUIRE(test::eventually([&] { return caller_waits() >= 4; }));
        REQUIRE(un_tcp_write(p.client, "x", 1, test::kWait) == 1);
        REQUIRE(test::eventually([&] { return step.load() != 0; }));
        CHECK(step.load() == 1);
        REQUIRE(un_runtime_shutdown() == 0);
        CHECK(test::open_fds() == fds); // the living thread's eventfd too
        REQUIRE(un_runtime_init() == 0);
        test::Pair q;
        next_stream = q.server;
        REQUIRE(test::eventually([&] { return caller_waits() >= 1; })); // it waits again, with a new eventfd
        REQUIRE(un_tcp_write(q.client, "z", 1, test::kWait) == 1);
        lives.join();
        CHECK(second.load() == 1);
    }
    CHECK(test::open_fds() == fds);
}
