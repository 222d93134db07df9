// Faults over real sockets, with exact codes: resets in the middle of a read and of a write,
// close while a read and a write are in flight on other threads, a peer that stops reading,
// a peer that sends one byte at a time. (EMFILE during accept, connect to a closed port, a
// half-closed connection, calls after shutdown, double close, handles of another runtime and
// blocking calls from a completion callback are tested in test_socket, test_tcp,
// test_handles, test_runtime and test_async.)
#include <sys/socket.h>

#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "helpers.hpp"

namespace {

// Waits until n operations are in flight in the runtime (they reached the kernel).
void wait_in_flight(uint64_t n) { REQUIRE(test::wait_for_stat("in_flight", n)); }

void reset_from_peer(int64_t stream) {
    REQUIRE(un_socket_set_option(stream, UN_SOCKET_OPTION_LINGER, 0) == 0);
    REQUIRE(un_tcp_close(stream) == 0);
}

} // namespace

TEST_CASE("a reset arriving while a read waits gives RESET", "[faults]") {
    test::Runtime rt;
    test::Pair p;
    test::WaitingRead r(p.server, 64, test::kWait);
    reset_from_peer(p.client);
    CHECK(r.join() == UN_ERR_RESET);
}

TEST_CASE("a reset arriving while a write waits gives RESET", "[faults]") {
    test::Runtime rt;
    test::Pair p;
    std::vector<char> big(64 << 20, 'w'); // far more than the socket buffers: the write waits
    std::atomic<int64_t> result{1};
    std::thread writer([&] { result = un_tcp_write(p.server, big.data(), static_cast<uint32_t>(big.size()), test::kWait); });
    wait_in_flight(1); // what the calling thread could not write waits in the runtime: the buffers are full
    reset_from_peer(p.client);
    writer.join();
    CHECK(result.load() == UN_ERR_RESET);
}

TEST_CASE("close while a read and a write are in flight on other threads: both CANCELED", "[faults]") {
    test::Runtime rt;
    test::Pair p;
    std::vector<char> big(64 << 20, 'w');
    std::atomic<int64_t> read_result{1}, write_result{1};
    std::thread reader([&] {
        char buf[64];
        read_result = un_tcp_read(p.server, buf, sizeof buf, -1);
    });
    std::thread writer([&] { write_result = un_tcp_write(p.server, big.data(), static_cast<uint32_t>(big.size()), -1); });
    wait_in_flight(2);
    REQUIRE(un_tcp_close(p.server) == 0);
    reader.join();
    writer.join();
    CHECK(read_result.load() == UN_ERR_CANCELED);
    CHECK(write_result.load() == UN_ERR_CANCELED);
    CHECK(un_tcp_write(p.server, "x", 1, 0) == UN_ERR_CLOSED);
}

TEST_CASE("a peer that stops reading: writes time out and memory stays bounded", "[faults]") {
    test::Runtime rt;
    test::Pair p;
    std::vector<char> chunk(1 << 20, 's');
    // Fill the socket buffers first, then measure: every further write must time out without
    // the library holding on to (or copying) what it could not send.
    while (un_tcp_write(p.client, chunk.data(), static_cast<uint32_t>(chunk.size()), 50) > 0) {
    }
    const long before = test::rss_kib();
    for (int i = 0; i < 30; ++i) {
        REQUIRE(un_tcp_write(p.client, chunk.data(), static_cast<uint32_t>(chunk.size()), 5) == UN_ERR_TIMED_OUT);
    }
    const long after = test::rss_kib();
    INFO("RSS before " << before << " KiB, after " << after << " KiB");
    CHECK(after - before < 8 * 1024); // 30 MiB were offered; far less may stay resident
    // The stream still works once the peer reads again.
    std::vector<char> sink(1 << 16);
    CHECK(un_tcp_read(p.server, sink.data(), static_cast<uint32_t>(sink.size()), test::kWait) > 0);
}

TEST_CASE("a peer that sends one byte at a time: every byte arrives in order", "[faults]") {
    test::Runtime rt;
    test::Pair p;
    REQUIRE(un_socket_set_option(p.client, UN_SOCKET_OPTION_NODELAY, 1) == 0);
    std::string sent;
    for (int i = 0; i < 2000; ++i) {
        sent.push_back(static_cast<char>('a' + i % 26));
    }
    std::thread trickle([&] {
        for (char c : sent) {
            un_tcp_write(p.client, &c, 1, test::kWait);
        }
        un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_WRITE);
    });
    std::string got;
    char buf[512];
    for (int64_t n; (n = un_tcp_read(p.server, buf, sizeof buf, test::kWait)) > 0;) {
        got.append(buf, static_cast<size_t>(n));
    }
    trickle.join();
    CHECK(got == sent);
}
