// std.net's stream read buffer (monoio_tcp_read_line, monoio_tcp_read_exact and the reads and
// close that go through it), driven through the Simple calling convention (tests/simple_standin):
// what read_line and read_exact take and leave, in every array layout, is the next read's, in
// order, whatever ends a call (a timeout, the end of the stream, a close, an array too small).
#include <algorithm>
#include <csignal>
#include <numeric>
#include <random>
#include <thread>

#include "helpers.hpp"
#include "simple_standin.hpp"
#include "uringnet/uringnet_simple.h"

using standin::Layout;

namespace {

struct SimpleRuntime {
    SimpleRuntime() { REQUIRE(monoio_runtime_init() == 0); }
    ~SimpleRuntime() { monoio_runtime_shutdown(); }
};

void send_all(int64_t stream, const std::string &s) {
    REQUIRE(un_tcp_write(stream, s.data(), static_cast<uint32_t>(s.size()), test::kWait) ==
            static_cast<int64_t>(s.size()));
}

// TcpStream.read_line: the line, or "<error N>" / "<end>".
std::string read_line(int64_t stream, int64_t timeout_ms = test::kWait, int64_t max_len = 1 << 20) {
    const standin::rv out = standin::make_array(Layout::out_of_line, 1);
    const int64_t n = monoio_tcp_read_line(stream, out, max_len, timeout_ms);
    if (n < 0) {
        return "<error " + std::to_string(n) + ">";
    }
    if (n == 0) {
        return rt_array_len(out) == 0 ? "<end>" : "<end, but the array was changed>";
    }
    const std::string line = standin::text_of(rt_array_get(out, 0));
    return line.size() == static_cast<size_t>(n) ? line : "<count " + std::to_string(n) + " for " + line + ">";
}

// TcpStream.read_exact into an array of the layout.
std::string read_exact(int64_t stream, int64_t len, Layout layout = Layout::out_of_line,
                       int64_t timeout_ms = test::kWait) {
    const standin::rv buf = standin::make_array(layout, static_cast<uint64_t>(len));
    const int64_t n = monoio_tcp_read_exact(stream, buf, len, timeout_ms);
    return n < 0 ? "<error " + std::to_string(n) + ">" : standin::bytes_of(buf, n);
}

// TcpStream.read_timeout (up to max bytes).
std::string read_some(int64_t stream, int64_t max, Layout layout = Layout::out_of_line,
                      int64_t timeout_ms = test::kWait) {
    const standin::rv buf = standin::make_array(layout, static_cast<uint64_t>(max));
    const int64_t n = monoio_tcp_read_timeout(stream, buf, max, timeout_ms);
    return n < 0 ? "<error " + std::to_string(n) + ">" : standin::bytes_of(buf, n);
}

// A host's own SIGUSR2 handler (SA_RESTART, doing nothing), installed for the scope.
struct HostHandler {
    struct sigaction old {};
    HostHandler() {
        struct sigaction sa {};
        sa.sa_handler = [](int) {};
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        REQUIRE(sigaction(SIGUSR2, &sa, &old) == 0);
    }
    ~HostHandler() { sigaction(SIGUSR2, &old, nullptr); }
    HostHandler(const HostHandler &) = delete;
    HostHandler &operator=(const HostHandler &) = delete;
};

uint64_t requests() { return test::total_stats()["requests"].get<uint64_t>(); }

} // namespace

TEST_CASE("Simple stream: read_line takes lines from large reads, the rest is the next read's", "[simple]") {
    SimpleRuntime rt;
    test::Pair p;
    for (Layout layout : {Layout::inline_words, Layout::out_of_line, Layout::packed_bytes}) {
        INFO("array layout " << static_cast<int>(layout));
        // Several lines in one packet, one line across packets.
        send_all(p.client, "a\nbb\nccc");
        CHECK(read_line(p.server) == "a\n");
        CHECK(read_line(p.server) == "bb\n");
        std::atomic<int64_t> sent{0};
        std::thread late([&] { // (no Catch assertion in a thread: checked after the join)
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
            sent = un_tcp_write(p.client, "c\nrest of the data", 18, test::kWait);
        });
        CHECK(read_line(p.server) == "cccc\n");
        late.join();
        REQUIRE(sent.load() == 18);
        // What read_line read past its line comes first, for read, read_exact and read_line.
        CHECK(read_some(p.server, 4, layout) == "rest");
        CHECK(read_exact(p.server, 4, layout) == " of ");
        send_all(p.client, "\n");
        CHECK(read_line(p.server) == "the data\n");
        // A line longer than max_len comes in pieces of max_len; a NUL is just a byte.
        send_all(p.client, std::string("0123456789\0ab\n", 14));
        CHECK(read_line(p.server, test::kWait, 4) == "0123");
        CHECK(read_line(p.server, test::kWait, 4) == "4567");
        CHECK(read_line(p.server) == std::string("89\0ab\n", 6));
    }
    // Many lines cost few reads: 2000 lines of 10 bytes in one write.
    std::string many;
    for (int i = 0; i < 2000; ++i) {
        char line[16];
        std::snprintf(line, sizeof line, "line %04d\n", i);
        many += line;
    }
    send_all(p.client, many);
    const uint64_t before = requests();
    std::string got;
    for (int i = 0; i < 2000; ++i) {
        got += read_line(p.server);
    }
    CHECK(got == many);
    CHECK(requests() - before < 50); // (one per byte was 20000; one per line 2000)
}

TEST_CASE("Simple stream: the end of the stream", "[simple]") {
    SimpleRuntime rt;
    SECTION("read_line: the last line without its newline, then the end") {
        test::Pair p;
        send_all(p.client, "one\ntwo");
        REQUIRE(un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_WRITE) == 0);
        CHECK(read_line(p.server) == "one\n");
        CHECK(read_line(p.server) == "two");
        CHECK(read_line(p.server) == "<end>");
        CHECK(read_some(p.server, 8) == "");
    }
    SECTION("read_exact: END_OF_STREAM, and the bytes that came are the next read's") {
        test::Pair p;
        send_all(p.client, "abcde");
        REQUIRE(un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_WRITE) == 0);
        CHECK(read_exact(p.server, 3) == "abc");
        CHECK(read_exact(p.server, 8) == "<error " + std::to_string(UN_ERR_END_OF_STREAM) + ">");
        CHECK(un_error_class(UN_ERR_END_OF_STREAM) == UN_ERR_IO);
        CHECK(read_some(p.server, 8) == "de");
        CHECK(read_some(p.server, 8) == "");
    }
}

TEST_CASE("Simple stream: a timeout, the option's timeout and an interrupt keep what was taken", "[simple]") {
    SimpleRuntime rt;
    test::Pair p;
    // A partial line, then the timeout: the bytes stay.
    send_all(p.client, "abc");
    CHECK(read_line(p.server, 50) == "<error " + std::to_string(UN_ERR_TIMED_OUT) + ">");
    send_all(p.client, "def\n");
    CHECK(read_line(p.server) == "abcdef\n");
    // read_exact likewise.
    send_all(p.client, "12");
    CHECK(read_exact(p.server, 4, Layout::packed_bytes, 50) == "<error " + std::to_string(UN_ERR_TIMED_OUT) + ">");
    send_all(p.client, "34");
    CHECK(read_exact(p.server, 4, Layout::packed_bytes) == "1234");
    // The timeout bounds the whole call, not each read: a peer that trickles a byte every
    // 10 ms without a newline does not keep read_line waiting past it.
    std::atomic<bool> stop{false};
    std::thread trickle([&] {
        for (int i = 0; i < 500 && !stop; ++i) {
            un_tcp_write(p.client, "x", 1, test::kWait);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
    CHECK(read_line(p.server, 200) == "<error " + std::to_string(UN_ERR_TIMED_OUT) + ">");
    stop = true;
    trickle.join();
    send_all(p.client, "\n");
    const std::string xs = read_line(p.server);
    CHECK(xs.size() >= 2);
    CHECK(xs.find_first_not_of('x') == xs.size() - 1); // every x that came, then the newline
    // TIMEOUT_FROM_OPTION: the stream's read_timeout option, for the whole call.
    REQUIRE(un_socket_set_option(p.server, UN_SOCKET_OPTION_READ_TIMEOUT, 40) == 0);
    send_all(p.client, "zz");
    CHECK(read_line(p.server, UN_TIMEOUT_FROM_OPTION) == "<error " + std::to_string(UN_ERR_TIMED_OUT) + ">");
    CHECK(read_exact(p.server, 3, Layout::inline_words, UN_TIMEOUT_FROM_OPTION) ==
          "<error " + std::to_string(UN_ERR_TIMED_OUT) + ">");
    send_all(p.client, "z\n");
    CHECK(read_line(p.server, UN_TIMEOUT_FROM_OPTION) == "zzz\n");
}

TEST_CASE("Simple stream: close ends a waiting read_line, and a closed stream's bytes are gone", "[simple]") {
    SimpleRuntime rt;
    SECTION("monoio_tcp_close from another thread while read_line waits") {
        test::Pair p;
        send_all(p.client, "partial");
        std::atomic<int64_t> result{1};
        const uint64_t waits = test::caller_waits();
        std::thread reader([&] {
            const standin::rv out = standin::make_array(Layout::out_of_line, 1);
            result = monoio_tcp_read_line(p.server, out, 1 << 20, -1);
        });
        REQUIRE(test::eventually(
            [&] { return test::caller_waits() > waits && test::total_stats()["in_flight"] >= 1; }));
        CHECK(monoio_tcp_close(p.server) == 0);
        reader.join();
        CHECK(result.load() == UN_ERR_CANCELED);
        CHECK(read_line(p.server) == "<error " + std::to_string(UN_ERR_CLOSED) + ">");
        CHECK(read_some(p.server, 8) == "<error " + std::to_string(UN_ERR_CLOSED) + ">");
    }
    SECTION("a stream closed through the C API with bytes buffered answers CLOSED") {
        test::Pair p;
        send_all(p.client, "line\nleft over");
        CHECK(read_line(p.server) == "line\n");
        REQUIRE(un_tcp_close(p.server) == 0);
        CHECK(read_some(p.server, 64) == "<error " + std::to_string(UN_ERR_CLOSED) + ">");
        CHECK(read_exact(p.server, 2) == "<error " + std::to_string(UN_ERR_CLOSED) + ">");
    }
}

TEST_CASE("Simple stream: arguments that are not right", "[simple]") {
    SimpleRuntime rt;
    test::Pair p;
    const standin::rv out = standin::make_array(Layout::out_of_line, 1);
    CHECK(monoio_tcp_read_line(p.l.handle, out, 64, 0) == UN_ERR_WRONG_KIND);
    CHECK(monoio_tcp_read_line(12345, out, 64, 0) == UN_ERR_BAD_HANDLE);
    CHECK(monoio_tcp_read_line(p.server, standin::make_text("not an array"), 64, 0) == UN_ERR_WRONG_VALUE_KIND);
    CHECK(monoio_tcp_read_line(p.server, out, 0, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(monoio_tcp_read_exact(p.server, standin::make_int(3), 4, 0) == UN_ERR_WRONG_VALUE_KIND);
    CHECK(monoio_tcp_read_exact(p.server, out, 0, 0) == UN_ERR_INVALID_ARGUMENT);
    CHECK(monoio_tcp_read_exact(p.l.handle, out, 4, 0) == UN_ERR_WRONG_KIND);
    // An array too small for read_exact: BUFFER_TOO_SMALL, and the bytes are the next read's.
    send_all(p.client, "0123456789");
    CHECK(monoio_tcp_read_exact(p.server, standin::make_array(Layout::inline_words, 4), 10, test::kWait) ==
          UN_ERR_BUFFER_TOO_SMALL);
    CHECK(read_exact(p.server, 10, Layout::inline_words) == "0123456789");
    CHECK(monoio_runtime_shutdown() == 0);
    CHECK(monoio_tcp_read_line(p.server, out, 64, 0) == UN_ERR_SHUT_DOWN);
    CHECK(monoio_tcp_read_exact(p.server, out, 4, 0) == UN_ERR_SHUT_DOWN);
}

TEST_CASE("Simple stream: mixed reads under host signals lose and reorder nothing", "[simple]") {
    // A writer sends random chunks with random newlines; the reader takes them with a random
    // mix of read, read_exact and read_line, some with short timeouts, while a host signal
    // (SA_RESTART handler) hits it every millisecond or two: what it got, in order, is what
    // was sent.
    SimpleRuntime rt;
    HostHandler host; // (SIGUSR2)
    test::Pair p;
    std::mt19937 rng(12345);
    std::string sent;
    for (int i = 0; i < 3000; ++i) {
        std::string chunk(1 + rng() % 300, '\0');
        for (char &c : chunk) {
            c = rng() % 20 == 0 ? '\n' : static_cast<char>('a' + rng() % 26);
        }
        sent += chunk;
    }
    std::thread writer([&] {
        std::mt19937 wr(7);
        for (size_t at = 0; at < sent.size();) {
            const size_t n = std::min<size_t>(1 + wr() % 700, sent.size() - at);
            if (un_tcp_write(p.client, sent.data() + at, static_cast<uint32_t>(n), test::kWait) != static_cast<int64_t>(n)) {
                return;
            }
            at += n;
            if (wr() % 8 == 0) {
                std::this_thread::sleep_for(std::chrono::microseconds(300));
            }
        }
        un_tcp_shutdown(p.client, UN_SHUTDOWN_HOW_WRITE);
    });
    std::string got, problem;
    std::atomic<bool> done{false};
    const pthread_t reader_thread = pthread_self();
    std::thread signaller([&] {
        std::mt19937 pause(3);
        while (!done) {
            pthread_kill(reader_thread, SIGUSR2);
            std::this_thread::sleep_for(std::chrono::microseconds(1000 + pause() % 1000));
        }
    });
    const std::string timed_out = "<error " + std::to_string(UN_ERR_TIMED_OUT) + ">";
    const std::string ended = "<error " + std::to_string(UN_ERR_END_OF_STREAM) + ">";
    for (int calls = 0; problem.empty() && calls < 100000; ++calls) {
        const int how = static_cast<int>(rng() % 3);
        const int64_t timeout = rng() % 4 == 0 ? 1 : test::kWait;
        const auto layout = static_cast<Layout>(rng() % 3);
        std::string r;
        if (how == 0) {
            r = read_some(p.server, 1 + rng() % 500, layout, timeout);
        } else if (how == 1) {
            r = read_exact(p.server, 1 + rng() % 400, layout, timeout);
        } else {
            r = read_line(p.server, timeout, 1 + rng() % 1000);
        }
        if (r == timed_out || r == ended) {
            continue; // (what it took stays for the next call)
        }
        if (r == "<end>" || r.empty()) {
            break;
        }
        if (r[0] == '<') {
            problem = r;
        }
        got += r;
    }
    done = true;
    signaller.join();
    writer.join();
    CHECK(problem == "");
    CHECK(got.size() == sent.size());
    CHECK(got == sent);
}

TEST_CASE("Simple stream: four threads reading one stream lose and repeat nothing, then a close ends them all",
          "[simple]") {
    // The stream is numbered 16-byte lines. Four readers take whole lines with read_line and
    // read_exact (up to 8 lines, some with 1 ms timeouts that end with the bytes kept), under
    // host signals; each result must be consecutive lines, and over all threads every line
    // arrives exactly once. Eight more lines follow the counted ones, so that a read_exact of
    // the last ones (which holds the others behind it, in order) can be served. Then, with the
    // readers waiting, a close ends every wait.
    SimpleRuntime rt;
    HostHandler host; // (SIGUSR2)
    test::Pair p;
    constexpr int kLines = 20000, kReaders = 4;
    std::vector<std::vector<int>> got(kReaders);
    std::vector<std::string> problems(kReaders);
    std::atomic<int> lines_seen{0};
    std::vector<std::atomic<int64_t>> ended(kReaders);
    std::vector<pthread_t> ids(kReaders);
    std::atomic<int> started{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < kReaders; ++t) {
        ended[t] = 1;
        readers.emplace_back([&, t] {
            ids[t] = pthread_self();
            started.fetch_add(1);
            std::mt19937 rng(100 + t);
            for (;;) {
                const bool line = rng() % 2 == 0;
                const int64_t timeout = rng() % 4 == 0 ? 1 : -1;
                const int64_t n = line ? 16 : 16 * (1 + rng() % 8);
                const standin::rv out = standin::make_array(Layout::out_of_line, line ? 1 : static_cast<uint64_t>(n));
                const int64_t r = line ? monoio_tcp_read_line(p.server, out, 1 << 20, timeout)
                                       : monoio_tcp_read_exact(p.server, out, n, timeout);
                if (r == UN_ERR_TIMED_OUT) {
                    continue;
                }
                if (r < 0) {
                    ended[t] = r;
                    return;
                }
                const std::string s = line ? standin::text_of(rt_array_get(out, 0)) : standin::bytes_of(out, r);
                if (s.size() % 16 != 0 || s.empty()) {
                    problems[t] = "a result of " + std::to_string(s.size()) + " bytes";
                    continue;
                }
                int prev = -1;
                for (size_t at = 0; at < s.size(); at += 16) {
                    const int k = std::atoi(s.substr(at, 15).c_str());
                    if (s[at + 15] != '\n' || (prev >= 0 && k != prev + 1)) {
                        problems[t] = "not consecutive lines: " + s.substr(0, 64);
                    }
                    got[t].push_back(k);
                    prev = k;
                }
                lines_seen.fetch_add(static_cast<int>(s.size() / 16));
            }
        });
    }
    REQUIRE(test::eventually([&] { return started.load() == kReaders; }));
    std::atomic<bool> done{false};
    std::thread signaller([&] {
        while (!done) {
            for (pthread_t id : ids) {
                pthread_kill(id, SIGUSR2);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    std::string all;
    for (int k = 0; k < kLines + 8; ++k) {
        char line[17];
        std::snprintf(line, sizeof line, "%015d\n", k);
        all += line;
    }
    for (size_t at = 0; at < all.size(); at += 4000) {
        send_all(p.client, all.substr(at, 4000));
    }
    CHECK(test::eventually([&] { return lines_seen.load() >= kLines; }, 20000));
    // All four wait for more now (or will at once): the close ends every one of them.
    CHECK(monoio_tcp_close(p.server) == 0);
    for (auto &r : readers) {
        r.join();
    }
    done = true;
    signaller.join();
    std::vector<int> every;
    for (int t = 0; t < kReaders; ++t) {
        INFO("reader " << t);
        CHECK(problems[t] == "");
        CHECK((ended[t] == UN_ERR_CANCELED || ended[t] == UN_ERR_CLOSED));
        every.insert(every.end(), got[t].begin(), got[t].end());
    }
    std::sort(every.begin(), every.end());
    CHECK(std::adjacent_find(every.begin(), every.end()) == every.end()); // none twice
    every.resize(std::min<size_t>(every.size(), kLines));               // (the counted ones)
    std::vector<int> want(kLines);
    std::iota(want.begin(), want.end(), 0);
    CHECK(every == want);
}
