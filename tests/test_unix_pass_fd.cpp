// Passing descriptors over Unix streams (SCM_RIGHTS): unix_send_fd, unix_send_handle and
// unix_recv_fd, in order with the stream's data, across shards, under closes, threads and
// signals, on both backends; and who owns what afterwards (the sender keeps its descriptor,
// the receiver owns the one it gets: no descriptor is leaked or closed twice).
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "conformance.hpp"
#include "helpers.hpp"

namespace {

struct UnixPair {
    int64_t listener = 0, a = 0, b = 0; // a connected to b
    UnixPair() {
        listener = un_tcp_listen(test::unix_name().c_str(), 0, 0);
        REQUIRE(listener > 0);
        a = un_tcp_connect(test::local_addr(listener).c_str(), test::kWait);
        REQUIRE(a > 0);
        b = un_tcp_accept(listener, test::kWait);
        REQUIRE(b > 0);
    }
    ~UnixPair() {
        un_tcp_close(a);
        un_tcp_close(b);
        un_tcp_listener_close(listener);
    }
};

std::string read_fd(int fd, size_t n) {
    std::string s(n, '\0');
    size_t got = 0;
    while (got < n) {
        const ssize_t r = read(fd, s.data() + got, n - got);
        if (r <= 0) {
            break;
        }
        got += static_cast<size_t>(r);
    }
    s.resize(got);
    return s;
}

} // namespace

TEST_CASE("a passed descriptor reads what was written to the one sent", "[unix][pass-fd]") {
    test::Runtime rt;
    UnixPair p;
    const int fds = test::open_fds();
    int pipefd[2];
    REQUIRE(pipe2(pipefd, O_CLOEXEC) == 0);
    REQUIRE(un_unix_send_fd(p.a, pipefd[0], test::kWait) == 0);
    REQUIRE(close(pipefd[0]) == 0); // the sender's own: the peer got a duplicate
    const int64_t got = un_unix_recv_fd(p.b, test::kWait);
    REQUIRE(got >= 0);
    CHECK((fcntl(static_cast<int>(got), F_GETFD) & FD_CLOEXEC) != 0);
    REQUIRE(write(pipefd[1], "through the pipe", 16) == 16);
    CHECK(read_fd(static_cast<int>(got), 16) == "through the pipe");
    close(pipefd[1]);
    close(static_cast<int>(got));
    CHECK(test::open_fds() == fds);
}

TEST_CASE("descriptors pass in order with the stream's data, blocking and submitted", "[unix][pass-fd]") {
    test::Runtime rt;
    UnixPair p;
    int pipes[3][2];
    for (auto &pp : pipes) {
        REQUIRE(pipe2(pp, O_CLOEXEC) == 0);
    }
    // data, fd 0, data, fd 1 (submitted), data, fd 2 (submitted), all in call order.
    REQUIRE(un_tcp_write(p.a, "one", 3, test::kWait) == 3);
    REQUIRE(un_unix_send_fd(p.a, pipes[0][0], test::kWait) == 0);
    REQUIRE(un_tcp_write_submit(p.a, "two", 3, test::kWait, 1) > 0);
    REQUIRE(un_unix_send_fd_submit(p.a, pipes[1][0], test::kWait, 2) > 0);
    REQUIRE(un_tcp_write_submit(p.a, "three", 5, test::kWait, 3) > 0);
    REQUIRE(un_unix_send_fd_submit(p.a, pipes[2][0], test::kWait, 4) > 0);
    std::vector<un_completion_t> done(4);
    int n = 0;
    while (n < 4) {
        const int64_t k = un_poll(done.data() + n, static_cast<uint32_t>(4 - n), test::kWait);
        REQUIRE(k > 0);
        n += static_cast<int>(k);
    }
    for (const auto &c : done) {
        CHECK(c.result == (c.user_data % 2 == 1 ? (c.user_data == 3 ? 5 : 3) : 0));
    }
    CHECK(test::read_exact(p.b, 3) == "one");
    int64_t f0 = un_unix_recv_fd(p.b, test::kWait);
    CHECK(test::read_exact(p.b, 3) == "two");
    // The second descriptor through the submitted form.
    REQUIRE(un_unix_recv_fd_submit(p.b, test::kWait, 9) > 0);
    un_completion_t c{};
    REQUIRE(un_poll(&c, 1, test::kWait) == 1);
    const int64_t f1 = c.result;
    CHECK(test::read_exact(p.b, 5) == "three");
    const int64_t f2 = un_unix_recv_fd(p.b, test::kWait);
    const int64_t got[3] = {f0, f1, f2};
    for (int i = 0; i < 3; ++i) {
        REQUIRE(got[i] >= 0);
        const std::string mark = "pipe " + std::to_string(i);
        REQUIRE(write(pipes[i][1], mark.data(), mark.size()) == static_cast<ssize_t>(mark.size()));
        CHECK(read_fd(static_cast<int>(got[i]), mark.size()) == mark); // each arrived where it was sent
        close(static_cast<int>(got[i]));
        close(pipes[i][0]);
        close(pipes[i][1]);
    }
    // A byte of plain data where a descriptor was expected: NO_FD, and the byte is gone.
    REQUIRE(un_tcp_write(p.a, "xy", 2, test::kWait) == 2);
    CHECK(un_unix_recv_fd(p.b, test::kWait) == UN_ERR_NO_FD);
    CHECK(test::read_exact(p.b, 1) == "y");
    // A plain read that meets a descriptor's byte gets the byte; the kernel closes the descriptor.
    const int fds = test::open_fds();
    REQUIRE(un_unix_send_fd(p.a, 1, test::kWait) == 0);
    CHECK(test::read_exact(p.b, 1) == std::string(1, '\0'));
    CHECK(test::open_fds() == fds);
}

TEST_CASE("a handle's socket passes to the peer, which adopts it as a handle of its own", "[unix][pass-fd]") {
    test::Runtime rt;
    UnixPair p;
    // A TCP stream: the receiver adopts it and writes on it; its TCP peer reads that.
    test::Listener tcp;
    const int64_t client = un_tcp_connect(tcp.addr.c_str(), test::kWait);
    const int64_t server = un_tcp_accept(tcp.handle, test::kWait);
    REQUIRE(client > 0);
    REQUIRE(server > 0);
    REQUIRE(un_unix_send_handle(p.a, client, test::kWait) == 0);
    const int64_t fd = un_unix_recv_fd(p.b, test::kWait);
    REQUIRE(fd >= 0);
    const int64_t adopted = un_tcp_adopt_stream(static_cast<int>(fd));
    REQUIRE(adopted > 0);
    REQUIRE(un_tcp_write(adopted, "via the passed socket", 21, test::kWait) == 21);
    CHECK(test::read_exact(server, 21) == "via the passed socket");
    // The sender's handle is still open and the same socket.
    REQUIRE(un_tcp_write(client, "and the original", 16, test::kWait) == 16);
    CHECK(test::read_exact(server, 16) == "and the original");
    CHECK(un_tcp_close(adopted) == 0);
    CHECK(un_tcp_close(client) == 0);
    CHECK(un_tcp_close(server) == 0);
    // A listener (one nobody accepted on yet: a listener that accepted keeps taking
    // connections, on io_uring before they are asked for): the receiver accepts on it.
    test::Listener fresh;
    REQUIRE(un_unix_send_handle(p.a, fresh.handle, test::kWait) == 0);
    const int64_t lfd = un_unix_recv_fd(p.b, test::kWait);
    REQUIRE(lfd >= 0);
    const int64_t l2 = un_tcp_adopt_listener(static_cast<int>(lfd));
    REQUIRE(l2 > 0);
    const int64_t c2 = un_tcp_connect(fresh.addr.c_str(), test::kWait);
    REQUIRE(c2 > 0);
    const int64_t s2 = un_tcp_accept(l2, test::kWait);
    CHECK(s2 > 0);
    un_tcp_close(s2);
    un_tcp_close(c2);
    un_tcp_listener_close(l2);
    un_tcp_listener_close(fresh.handle);
    // Errors: a TCP stream cannot carry descriptors; a closed handle cannot be sent.
    CHECK(un_unix_send_handle(server, p.a, test::kWait) == UN_ERR_CLOSED);
    CHECK(un_unix_send_handle(p.a, server, test::kWait) == UN_ERR_CLOSED);
}

TEST_CASE("handles on another shard pass too", "[unix][pass-fd][shards]") {
    if (un_runtime_num_cores() < 2) {
        conformance::skip("one core: a runtime has one shard here");
        return;
    }
    REQUIRE(un_runtime_configure_shards(2) == 0);
    {
        test::Runtime rt;
        UnixPair p;
        const int fds = test::open_fds();
        std::vector<int64_t> socks;
        for (int i = 0; i < 6; ++i) { // spread over both shards (least loaded first)
            socks.push_back(un_udp_bind("127.0.0.1:0", 0));
            REQUIRE(socks.back() > 0);
        }
        for (int64_t s : socks) {
            REQUIRE(un_unix_send_handle(p.a, s, test::kWait) == 0);
            const int64_t fd = un_unix_recv_fd(p.b, test::kWait);
            REQUIRE(fd >= 0);
            sockaddr_storage ss{};
            socklen_t len = sizeof ss;
            REQUIRE(getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr *>(&ss), &len) == 0);
            CHECK(test::local_addr(s) == "127.0.0.1:" + std::to_string(ntohs(reinterpret_cast<sockaddr_in *>(&ss)->sin_port)));
            close(static_cast<int>(fd));
        }
        for (int64_t s : socks) {
            un_udp_close(s);
        }
        CHECK(test::eventually([&] { return test::open_fds() == fds; })); // (the duplicates made on the way are closed)
    }
    REQUIRE(un_runtime_configure_shards(1) == 0);
}

TEST_CASE("a descriptor receive ends on close and cancel, and a stream read by submitted reads cannot receive on io_uring",
          "[unix][pass-fd][close]") {
    test::Runtime rt;
    UnixPair p;
    const int fds = test::open_fds();
    REQUIRE(un_unix_recv_fd_submit(p.b, -1, 1) > 0);
    const int64_t id = un_unix_recv_fd_submit(p.b, -1, 2);
    REQUIRE(id > 0);
    CHECK(un_op_cancel(id) == 0);
    un_completion_t c{};
    REQUIRE(un_poll(&c, 1, test::kWait) == 1);
    CHECK(c.user_data == 2);
    CHECK(c.result == UN_ERR_CANCELED);
    REQUIRE(un_tcp_close(p.b) == 0);
    REQUIRE(un_poll(&c, 1, test::kWait) == 1);
    CHECK(c.user_data == 1);
    CHECK(c.result == UN_ERR_CANCELED);
    p.b = 0;
    CHECK(test::open_fds() <= fds);
    if (test::expected_backend() == "io_uring") {
        UnixPair q;
        char buf[4];
        REQUIRE(un_tcp_read_submit(q.b, buf, sizeof buf, -1, 3) > 0);
        CHECK(un_unix_recv_fd(q.b, test::kWait) == UN_ERR_UNSUPPORTED);
    }
}

TEST_CASE("descriptors from many threads over one stream under signals: each arrives once, none leaks",
          "[unix][pass-fd][stress]") {
    test::Runtime rt;
    UnixPair p;
    const int fds = test::open_fds();
    struct sigaction sa {};
    sa.sa_handler = [](int) {};
    sigaction(SIGUSR2, &sa, nullptr);
    constexpr int kThreads = 4, kEach = 40;
    std::atomic<bool> stop{false};
    const pthread_t main_thread = pthread_self();
    std::thread signaller([&] {
        while (!stop.load()) {
            pthread_kill(main_thread, SIGUSR2);
            std::this_thread::sleep_for(std::chrono::microseconds(300));
        }
    });
    std::atomic<int> failed{0};
    std::vector<std::thread> senders;
    for (int t = 0; t < kThreads; ++t) {
        senders.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                int pp[2];
                if (pipe2(pp, O_CLOEXEC) != 0) {
                    ++failed;
                    continue;
                }
                const std::string mark = std::to_string(t * 1000 + i) + ";";
                failed += write(pp[1], mark.data(), mark.size()) != static_cast<ssize_t>(mark.size());
                close(pp[1]);
                const int64_t r = (i % 2 == 0) ? un_unix_send_fd(p.a, pp[0], test::kWait) : [&] {
                    const int64_t id = un_unix_send_fd_submit(p.a, pp[0], test::kWait, 0);
                    return id > 0 ? int64_t{0} : id;
                }();
                failed += r != 0;
                close(pp[0]); // the sender's own, at once: the message holds its own reference
            }
        });
    }
    std::set<std::string> marks;
    for (int i = 0; i < kThreads * kEach; ++i) {
        const int64_t fd = un_unix_recv_fd(p.b, test::kWait);
        if (fd < 0) {
            FAIL("unix_recv_fd: " << fd);
        }
        std::string m;
        char ch = 0;
        while (read(static_cast<int>(fd), &ch, 1) == 1 && ch != ';') {
            m += ch;
        }
        marks.insert(m);
        close(static_cast<int>(fd));
    }
    for (auto &th : senders) {
        th.join();
    }
    stop.store(true);
    signaller.join();
    un_completion_t done[64];
    int completions = 0;
    while (completions < kThreads * kEach / 2) {
        const int64_t k = un_poll(done, 64, test::kWait);
        REQUIRE(k > 0);
        for (int64_t i = 0; i < k; ++i) {
            CHECK(done[i].result == 0);
        }
        completions += static_cast<int>(k);
    }
    CHECK(failed.load() == 0);
    CHECK(marks.size() == static_cast<size_t>(kThreads * kEach)); // every one, once
    CHECK(test::open_fds() == fds);
}
