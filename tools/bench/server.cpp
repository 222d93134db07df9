// bench-server: the echo servers the benchmark compares, one per process so that each
// one's CPU time can be read from /proc.
//
//   bench-server uringnet PORT [auto|io_uring|epoll] [BUFFER] [SHARDS]
//                                                     our asynchronous C API: completions are
//                                                     handled by a callback on the runtime thread;
//                                                     BUFFER bytes per connection (default 65536)
//   bench-server uringnet-poll PORT                   the same server taking its completions with
//                                                     un_poll on a thread of its own (as a host
//                                                     whose event loop is its own thread does)
//   bench-server driver PORT                          Simple's IoDriver (std.net.driver's externs,
//                                                     with Simple's calling convention and the
//                                                     test stand-in's arrays): the same echo,
//                                                     written against IoDriver's methods
//   bench-server epoll PORT                           a plain edge-triggered epoll loop
//   bench-server blocking PORT                        a thread per connection, blocking syscalls
//
// Each prints "ready" once it listens on 127.0.0.1:PORT and runs until SIGTERM or SIGINT.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unordered_map>

#include "bench_address.hpp"
#include "simple_standin.hpp"
#include "uringnet/uringnet.h"
#include "uringnet/uringnet_simple.h"

namespace {

std::atomic<bool> g_stop{false};
void on_signal(int) { g_stop.store(true); }

int plain_listener(int port, bool nonblocking) {
    sockaddr_storage ss;
    const socklen_t len = bench::sockaddr_of(port, ss);
    const int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), 0);
    const int one = 1;
    if (ss.ss_family == AF_INET) {
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    } else {
        unlink(bench::unix_path(port).c_str()); // (this benchmark's own file, from an earlier run)
    }
    if (bind(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0 || listen(fd, SOMAXCONN) != 0) {
        std::perror("bench-server: bind/listen");
        std::exit(1);
    }
    return fd;
}

// ---- plain epoll ----

int run_epoll(int port) {
    const int l = plain_listener(port, true);
    const int ep = epoll_create1(EPOLL_CLOEXEC);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = l;
    epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev);
    std::printf("ready\n");
    std::fflush(stdout);
    std::vector<char> buf(64 * 1024);
    epoll_event events[256];
    while (!g_stop.load()) {
        const int n = epoll_wait(ep, events, 256, 200);
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == l) {
                for (int c; (c = accept4(l, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0;) {
                    const int one = 1;
                    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    epoll_event cev{};
                    cev.events = EPOLLIN | EPOLLET;
                    cev.data.fd = c;
                    epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
                }
                continue;
            }
            // Edge-triggered: read until EAGAIN, echo everything (blocking briefly on a full
            // send buffer is not expected at these message sizes).
            for (;;) {
                const ssize_t r = read(fd, buf.data(), buf.size());
                if (r > 0) {
                    ssize_t off = 0;
                    while (off < r) {
                        const ssize_t w = send(fd, buf.data() + off, static_cast<size_t>(r - off), MSG_NOSIGNAL);
                        if (w > 0) {
                            off += w;
                        } else if (w < 0 && errno != EAGAIN) {
                            break;
                        }
                    }
                    continue;
                }
                if (r == 0 || errno != EAGAIN) {
                    close(fd);
                }
                break;
            }
        }
    }
    return 0;
}

// ---- blocking, a thread per connection ----

int run_blocking(int port) {
    const int l = plain_listener(port, false);
    std::printf("ready\n");
    std::fflush(stdout);
    std::thread([] {
        while (!g_stop.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        std::_Exit(0);
    }).detach();
    for (;;) {
        const int c = accept4(l, nullptr, nullptr, SOCK_CLOEXEC);
        if (c < 0) {
            continue;
        }
        const int one = 1;
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::thread([c] {
            std::vector<char> buf(64 * 1024);
            for (ssize_t r; (r = read(c, buf.data(), buf.size())) > 0;) {
                if (send(c, buf.data(), static_cast<size_t>(r), MSG_NOSIGNAL) != r) {
                    break;
                }
            }
            close(c);
        }).detach();
    }
}

// ---- uringnet, asynchronous API ----

struct Conn {
    int64_t stream;
    std::vector<char> buf;
};

struct UringServer {
    int64_t listener = 0;
    size_t buffer = 64 * 1024;
    std::vector<std::unique_ptr<Conn>> conns; // only touched on the runtime thread

    enum : uint64_t { kAccept = 0, kRead = 1, kWrite = 2 };
    static uint64_t tag(size_t i, uint64_t kind) { return (static_cast<uint64_t>(i) << 2) | kind; }

    /// Listens on 127.0.0.1:port and submits the first accept; false (said) when it cannot.
    bool listen(int port) {
        const std::string addr = bench::address_text(port);
        listener = un_tcp_listen(addr.c_str(), 0, bench::unix_path(port).empty() ? 0 : UN_BIND_FLAG_UNLINK_STALE);
        if (listener < 0) {
            std::fprintf(stderr, "bench-server: listen: %s\n", un_strerror(listener));
            return false;
        }
        un_tcp_accept_submit(listener, -1, tag(0, kAccept));
        return true;
    }

    void read(size_t i) {
        Conn &c = *conns[i];
        un_tcp_read_submit(c.stream, c.buf.data(), static_cast<uint32_t>(c.buf.size()), -1, tag(i, kRead));
    }

    void on(const un_completion_t &c) {
        const size_t i = c.user_data >> 2;
        switch (c.user_data & 3) {
        case kAccept:
            if (c.result > 0) {
                un_socket_set_option(c.result, UN_SOCKET_OPTION_NODELAY, 1);
                conns.push_back(std::make_unique<Conn>(Conn{c.result, std::vector<char>(buffer)}));
                read(conns.size() - 1);
                un_tcp_accept_submit(listener, -1, tag(0, kAccept));
            }
            break;
        case kRead:
            if (c.result > 0) {
                un_tcp_write_submit(conns[i]->stream, conns[i]->buf.data(), static_cast<uint32_t>(c.result), -1,
                                    tag(i, kWrite));
            } else {
                un_tcp_close(conns[i]->stream);
            }
            break;
        default:
            if (c.result > 0) {
                read(i);
            }
            break;
        }
    }
};

// The ready line, then wait for SIGTERM (the benchmark only needs the process gone then).
[[noreturn]] void serve_until_stopped() {
    std::printf("ready\n");
    std::fflush(stdout);
    while (!g_stop.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::_Exit(0);
}

// The callback server's logic with completions taken by un_poll on this thread.
int run_uringnet_poll(int port) {
    if (un_runtime_init() != 0) {
        std::fprintf(stderr, "bench-server: runtime_init failed\n");
        return 1;
    }
    static UringServer server;
    if (!server.listen(port)) {
        return 1;
    }
    std::thread([] {
        un_completion_t done[64];
        for (;;) {
            const int64_t n = un_poll(done, 64, -1);
            for (int64_t i = 0; i < n; ++i) {
                server.on(done[i]);
            }
        }
    }).detach();
    serve_until_stopped();
}

// ---- Simple's IoDriver ----

// The echo written against IoDriver's methods as driver.spl calls them: accept, recv up to 64 KiB,
// send back the bytes poll_recv_bytes gave (a new Simple array each time), recv again once
// the send completed. Each batch of completions is one poll_count; what the batch made is
// collected after it (the stand-in's arena: as a Simple program's garbage would be).
int run_driver(int port) {
    const int64_t d = monoio_driver_new(0);
    if (d <= 0) {
        std::fprintf(stderr, "bench-server: monoio_driver_new: %lld\n", static_cast<long long>(d));
        return 1;
    }
    const int64_t listener = monoio_tcp_listen(standin::make_text(bench::address_text(port)));
    if (listener < 0) {
        std::fprintf(stderr, "bench-server: monoio_tcp_listen: %lld\n", static_cast<long long>(listener));
        return 1;
    }
    std::thread([d, listener] {
        enum Kind { kAccept, kRecv, kSend };
        std::unordered_map<int64_t, Kind> ops;
        ops[monoio_driver_submit_accept(d, listener)] = kAccept;
        monoio_driver_flush(d);
        const size_t mark = standin::mark();
        for (;;) {
            const int64_t n = monoio_driver_poll_count(d, 64, -1);
            for (int64_t i = 0; i < n; ++i) {
                const int64_t id = monoio_driver_poll_id(d, i), result = monoio_driver_poll_result(d, i);
                const auto it = ops.find(id);
                if (it == ops.end()) {
                    continue;
                }
                const Kind kind = it->second;
                ops.erase(it);
                if (kind == kAccept && result > 0) {
                    monoio_tcp_set_nodelay(result, 1);
                    ops[monoio_driver_submit_recv(d, result, 65536)] = kRecv;
                    ops[monoio_driver_submit_accept(d, listener)] = kAccept;
                } else if (kind == kRecv && result > 0) {
                    ops[monoio_driver_submit_send_bytes(d, monoio_driver_poll_fd(d, i), monoio_driver_poll_recv_bytes(d, i))] = kSend;
                } else if (kind == kSend && result > 0) {
                    ops[monoio_driver_submit_recv(d, monoio_driver_poll_fd(d, i), 65536)] = kRecv;
                } else if (kind != kAccept) {
                    monoio_tcp_close(monoio_driver_poll_fd(d, i));
                }
            }
            monoio_driver_flush(d);
            standin::release(mark);
        }
    }).detach();
    serve_until_stopped();
}

int run_uringnet(int port, const std::string &backend, size_t buffer, int shards) {
    un_runtime_configure_backend(backend == "epoll" ? UN_BACKEND_EPOLL : backend == "io_uring" ? UN_BACKEND_IO_URING : UN_BACKEND_AUTO);
    un_runtime_configure_shards(shards);
    if (un_runtime_init() != 0) {
        std::fprintf(stderr, "bench-server: runtime_init failed\n");
        return 1;
    }
    UringServer server;
    server.buffer = buffer;
    un_set_completion_callback([](void *ctx, const un_completion_t *c) { static_cast<UringServer *>(ctx)->on(*c); },
                               &server);
    if (!server.listen(port)) {
        return 1;
    }
    serve_until_stopped();
}

} // namespace

int main(int argc, char **argv) {
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    signal(SIGPIPE, SIG_IGN);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench-server uringnet|uringnet-poll|driver|epoll|blocking PORT [auto|io_uring|epoll]\n");
        return 2;
    }
    const std::string kind = argv[1];
    const int port = std::atoi(argv[2]);
    if (kind == "uringnet") {
        return run_uringnet(port, argc > 3 ? argv[3] : "auto", argc > 4 ? static_cast<size_t>(std::atol(argv[4])) : 65536,
                            argc > 5 ? std::atoi(argv[5]) : 1);
    }
    if (kind == "uringnet-poll") {
        return run_uringnet_poll(port);
    }
    if (kind == "driver") {
        return run_driver(port);
    }
    if (kind == "epoll") {
        return run_epoll(port);
    }
    if (kind == "blocking") {
        return run_blocking(port);
    }
    std::fprintf(stderr, "bench-server: unknown server '%s'\n", kind.c_str());
    return 2;
}
