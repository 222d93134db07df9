// Scenarios that provoke each error for real; see conformance.hpp.
#include "conformance.hpp"

#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <poll.h>
#include <fstream>
#include <atomic>
#include <functional>
#include <thread>

#include "helpers.hpp"
#include "netns.hpp"
#include "private_dns.hpp"
#include "sandbox.hpp"

namespace conformance {
namespace {

constexpr uint32_t kStreamBit = 1u << UN_HANDLE_TCP_STREAM;
constexpr uint32_t kListenerBit = 1u << UN_HANDLE_TCP_LISTENER;
constexpr uint32_t kUdpBit = 1u << UN_HANDLE_UDP_SOCKET;

// Closes a handle of any kind through the public API: the close of the wrong kind answers
// WRONG_KIND and changes nothing, so the right one is found by trying.
int64_t close_handle(int64_t h) {
    int64_t r = un_tcp_close(h);
    if (r == UN_ERR_WRONG_KIND) {
        r = un_tcp_listener_close(h);
    }
    if (r == UN_ERR_WRONG_KIND) {
        r = un_udp_close(h);
    }
    return r;
}

std::atomic<int64_t> g_in_flight_op{0};

// What a scenario returns when the situation it waits for never came (the test then fails
// with this value instead of passing on a fault injected at the wrong moment).
constexpr int64_t kNeverInFlight = INT64_MIN + 4;

/// What one scenario works with: the operation, its arguments and live resources.
struct Env {
    const Operation &op;
    Args args;
    bool running = false;
    int64_t listener = 0, client = 0, server = 0, udp = 0, udp_peer = 0;

    explicit Env(const Operation &o) : op(o) {}
    ~Env() {
        if (running) {
            un_runtime_shutdown();
        }
    }
    Env(const Env &) = delete;
    Env &operator=(const Env &) = delete;

    bool is(const char *name) const { return std::string(op.name) == name; }
    void init() { running = un_runtime_init() == 0; }
    void shutdown() {
        un_runtime_shutdown();
        running = false;
    }

    const Param *first(ParamType t) const {
        for (const Param &p : op.params) {
            if (p.type == t) {
                return &p;
            }
        }
        return nullptr;
    }
    const Param *handle_param() const { return first(ParamType::handle); }
    int64_t &handle() { return args.at(handle_param()->name).i; }
    Args::Value &arg(const char *n) { return args.at(n); }

    // Resources, made on first use.
    int64_t the_listener() {
        if (!listener) { // (descriptors pass over Unix streams only)
            listener = un_tcp_listen(std::string(op.name).rfind("unix_", 0) == 0 ? test::unix_name().c_str() : "127.0.0.1:0", 0, 0);
        }
        return listener;
    }
    int64_t the_server_stream() {
        if (!server) {
            client = un_tcp_connect(test::local_addr(the_listener()).c_str(), test::kWait);
            server = un_tcp_accept(listener, test::kWait);
        }
        return server;
    }
    int64_t the_udp() {
        if (!udp) {
            udp = un_udp_bind("127.0.0.1:0", 0);
        }
        return udp;
    }
    int64_t the_udp_peer() {
        if (!udp_peer) {
            udp_peer = un_udp_bind("127.0.0.1:0", 0);
        }
        return udp_peer;
    }

    /// Valid arguments for every parameter: calling the op with them would succeed.
    /// A socket of the kind the adopt operation takes (the handle owns it once adopted).
    int fd_to_adopt() {
        if (is("udp_adopt")) {
            return test::plain_socket(SOCK_DGRAM, false);
        }
        if (is("tcp_adopt_listener")) {
            return test::plain_socket(SOCK_STREAM, true);
        }
        return test::raw_connect(test::local_addr(the_listener()));
    }

    void defaults() {
        for (const Param &p : op.params) {
            Args::Value &v = args.at(p.name);
            switch (p.type) {
            case ParamType::handle:
                v.i = (p.kind_mask & kStreamBit)     ? the_server_stream()
                      : (p.kind_mask & kListenerBit) ? the_listener()
                                                     : the_udp();
                break;
            case ParamType::address:
                v.text = (is("tcp_listen") || is("udp_bind")) ? "127.0.0.1:0"
                         : is("tcp_connect")                  ? test::local_addr(the_listener())
                                                              : test::local_addr(the_udp_peer());
                break;
            case ParamType::bytes_in:
            case ParamType::bytes_out:
            case ParamType::text_out:
                v.bytes.assign(64, 'c');
                break;
            case ParamType::completions_out:
                v.bytes.assign(64 * sizeof(un_completion_t), 0);
                break;
            case ParamType::callback:
            case ParamType::pointer:
            case ParamType::op_id:
                break; // NULL callback and ctx; op id 0
            case ParamType::text:
                v.text = std::string(p.name) == "group" ? "239.1.2.3" : "lo";
                break;
            case ParamType::enumeration:
                v.i = 1; // the first value of every enum in the spec... or a valid one
                break;
            case ParamType::u32:
                v.i = (std::string(p.name) == "flags") ? 0 : 64;
                break;
            case ParamType::i64:
                v.i = std::string(p.name) == "timeout_ms" ? 1000 : std::string(p.name) == "entries" ? 256 : 1;
                break;
            case ParamType::i32:
                v.i = std::string(p.name) != "fd" ? 0
                      : is("unix_send_fd")        ? test::plain_socket(SOCK_DGRAM, false) // (any open descriptor)
                                                  : fd_to_adopt();
                break;
            case ParamType::boolean:
                v.i = 0;
                break;
            }
        }
    }

    /// Sets the length parameter that belongs to buffer `buf_name` (by the spec's naming).
    void set_len(int64_t n) {
        for (const char *len : {"max_len", "len", "out_len"}) {
            if (args.has(len)) {
                args.at(len).i = n;
                return;
            }
        }
    }

    int64_t call() { return op.invoke(args); }
};

using Body = std::function<int()>;

// A plain listener on loopback whose queue is full (listen(0), one connection made): it drops
// new SYNs, so a connect to addr waits. Returns its fd (the caller closes it).
int full_listener(std::string &addr) {
    const int l = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    listen(l, 0);
    socklen_t len = sizeof sa;
    getsockname(l, reinterpret_cast<sockaddr *>(&sa), &len);
    addr = "127.0.0.1:" + std::to_string(ntohs(sa.sin_port));
    un_tcp_connect(addr.c_str(), test::kWait); // fills the queue
    return l;
}

void host_signal_handler(int) {}

// Calls the operation on this thread with runtime_configure_interruptible on, and sends
// this thread a signal with a handler of the host's once the call waits (in_flight rose).
int64_t interrupted_call(Env &env) {
    struct sigaction sa {}, old {};
    sa.sa_handler = host_signal_handler;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, &old);
    un_runtime_configure_interruptible(true);
    const uint64_t before = test::total_stats()["in_flight"];
    const pthread_t self = pthread_self();
    std::atomic<bool> done{false};
    std::thread signaller([&] {
        (void)test::eventually([&] { return done.load() || test::total_stats()["in_flight"].get<uint64_t>() > before; });
        // Again every 50 ms until the call returns: a signal that lands just before the call
        // enters its wait is only the host's (that wait does not see it).
        for (int i = 0; i < 60 && !done.load(); ++i) {
            pthread_kill(self, SIGUSR1);
            (void)test::eventually([&] { return done.load(); }, 50);
        }
    });
    const int64_t r = env.call();
    done = true;
    signaller.join();
    un_runtime_configure_interruptible(false);
    sigaction(SIGUSR1, &old, nullptr);
    return r;
}

// Runs fn in a child that launch starts and waits for (launch returns the child's exit
// status, or -1 when it could not start one); returns the int64 fn produced, sent back
// through a pipe, or INT64_MIN. status receives what launch returned.
int64_t child_result(const std::function<int(const Body &)> &launch, const std::function<int64_t()> &fn,
                     int &status) {
    int fds[2];
    if (pipe(fds) != 0) {
        status = -1;
        return INT64_MIN;
    }
    status = launch([&] {
        const int64_t r = fn();
        [[maybe_unused]] ssize_t n = write(fds[1], &r, sizeof r);
        return 0;
    });
    close(fds[1]);
    int64_t r = INT64_MIN;
    if (status != 0 || read(fds[0], &r, sizeof r) != sizeof r) {
        r = INT64_MIN;
    }
    close(fds[0]);
    return r;
}

// fn's result from a forked child of this process.
int64_t in_child(const std::function<int64_t()> &fn) {
    int status;
    return child_result([](const Body &body) { return test::wait_child(test::spawn(body)); }, fn, status);
}

// fn's result from a child in a fresh network namespace with only loopback; INT64_MIN + 1
// (and why) when no namespace can be made.
int64_t in_fresh_netns(const std::function<int64_t()> &fn, std::string &why) {
    int status;
    const int64_t r = child_result([&](const Body &body) { return test::in_fresh_netns(body, why); }, fn, status);
    return status == -1 ? INT64_MIN + 1 : r;
}

// fn's result from a child in a fresh network namespace whose name server (one of the
// test's, on 127.0.0.1) holds every query; INT64_MIN + 1 (and why) when that cannot be set up.
int64_t in_private_dns(const std::function<int64_t(test::SlowNameServer &)> &fn, std::string &why) {
    const int64_t r = in_fresh_netns([&] { return test::serve_names(fn, INT64_MIN + 1); }, why);
    if (r == INT64_MIN + 1 && why.empty()) {
        why = "cannot give a private namespace its own name server";
    }
    return r;
}

// Fills the resolver's queue with lookups the private name server holds, so that the next
// operation on a host name is refused. A resolver thread that starts late takes a queued
// lookup (making room), so after a pause the queue is topped up again, until a probe made
// after a pause is refused at once. (A probe has timeout 0: one that is queued answers
// TIMED_OUT and keeps its place.)
void fill_lookup_queue(int64_t udp) {
    static char one[1] = {'x'};
    int n = 0;
    const auto held = [&n] { return "held-" + std::to_string(n++) + ".test:9"; };
    for (int i = 0; i < 300; ++i) {
        un_udp_send_to_submit(udp, one, 1, held().c_str(), -1, 0);
    }
    for (int round = 0; round < 20; ++round) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        int queued = 0;
        while (queued < 300 && un_udp_send_to(udp, one, 1, held().c_str(), 0) != UN_ERR_NO_RESOURCES) {
            ++queued;
        }
        if (queued == 0) {
            return;
        }
    }
}

// Starts the op on a thread with no deadline, waits until it is in flight, closes its
// handle, returns the op's result.
int64_t call_then_close(Env &env) {
    if (env.args.has("timeout_ms")) {
        env.arg("timeout_ms").i = -1;
    }
    const uint64_t before = test::total_stats()["in_flight"].get<uint64_t>();
    int64_t result = INT64_MIN;
    std::thread t([&] { result = env.call(); });
    const bool started = test::eventually([&] { return test::total_stats()["in_flight"].get<uint64_t>() > before; });
    close_handle(env.handle());
    t.join();
    return started ? result : kNeverInFlight;
}

// Makes the stream's peer reset the connection, and waits until the reset has arrived (the
// stream then has no peer address).
bool peer_resets(Env &env) {
    un_socket_set_option(env.client, UN_SOCKET_OPTION_LINGER, 0);
    un_tcp_close(env.client);
    return test::eventually([&] {
        char addr[64];
        return un_socket_peer_addr(env.server, addr, sizeof addr) == UN_ERR_NOT_CONNECTED;
    });
}

enum class Held { timeout, close, cancel };

// An operation that waits only for its host name: a name whose lookup the private name
// server holds keeps it waiting until its timeout, until its socket is closed, or until
// op_cancel (a submitted form).
int64_t held_name(Env &env, std::string &skip, Held how) {
    const int64_t r = in_private_dns(
        [&](test::SlowNameServer &dns) -> int64_t {
            env.init();
            env.defaults();
            env.arg(env.first(ParamType::address)->name).text = "held.test:9";
            if (how == Held::timeout) {
                env.arg("timeout_ms").i = 20;
                return env.call();
            }
            if (env.args.has("timeout_ms")) {
                env.arg("timeout_ms").i = -1;
            }
            int64_t result = INT64_MIN;
            std::thread t([&] { result = env.call(); });
            bool waiting = test::asked(dns, 1);
            if (how == Held::close) {
                close_handle(env.handle());
            } else {
                waiting = waiting && test::eventually([] { return g_in_flight_op.load() != 0; });
                un_op_cancel(g_in_flight_op.load());
            }
            t.join();
            return waiting ? result : kNeverInFlight;
        },
        skip);
    env.running = false;
    return r;
}

// A connected UDP send that waits for room in its socket's send buffer: in a private
// namespace whose loopback drains at 8 kbit/s (a token-bucket qdisc that queues, never
// drops: its limit is a megabyte), a socket with a 4 KiB
// send buffer fills after a few 1,200-byte datagrams. The send then times out, or waits
// until its socket is closed.
int64_t udp_send_blocked(Env &env, std::string &skip, Held how) {
    const int64_t r = in_fresh_netns(
        [&]() -> int64_t {
            if (std::system("tc qdisc add dev lo root tbf rate 8kbit burst 1600 limit 1000000 2>/dev/null") != 0) {
                return INT64_MIN + 1;
            }
            env.init();
            env.defaults();
            un_socket_set_option(env.udp, UN_SOCKET_OPTION_SEND_BUFFER, 4096);
            un_udp_connect(env.udp, test::local_addr(env.the_udp_peer()).c_str());
            env.arg("buf").bytes.assign(1200, 'u');
            env.set_len(1200);
            env.arg("timeout_ms").i = 20;
            int64_t r = 1200;
            for (int i = 0; i < 100 && r == 1200; ++i) {
                r = env.call();
            }
            if (how == Held::timeout || r != UN_ERR_TIMED_OUT) {
                return r;
            }
            env.arg("timeout_ms").i = -1;
            return call_then_close(env);
        },
        skip);
    if (r == INT64_MIN + 1 && skip.empty()) {
        skip = "tc cannot add a tbf qdisc here (iproute2's tc and the sch_tbf module are needed)";
    }
    env.running = false;
    return r;
}

// Exhausts file descriptors in this process but `leave` (call only in a child).
void exhaust_fds(int leave = 0) {
    rlimit low{};
    getrlimit(RLIMIT_NOFILE, &low);
    low.rlim_cur = 256;
    setrlimit(RLIMIT_NOFILE, &low);
    int last = -1;
    for (int fd; (fd = dup(0)) >= 0;) {
        last = fd;
    }
    for (int i = 0; i < leave && last >= 0; ++i) {
        close(last--);
    }
}

int unprivileged_port_start() {
    std::ifstream f("/proc/sys/net/ipv4/ip_unprivileged_port_start");
    int v = 1024;
    f >> v;
    return v;
}

// Waits until ICMP port-unreachable answers from `addr` (a closed port on 127.0.0.1) are
// being delivered: a plain socket connected there sees its own error. The library's socket
// sent first, so its error is there too.
void icmp_arrived(const std::string &addr) {
    const int probe = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = htons(static_cast<uint16_t>(std::stoi(addr.substr(addr.rfind(':') + 1))));
    connect(probe, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
    [[maybe_unused]] ssize_t n = send(probe, "?", 1, 0);
    pollfd p{probe, 0, 0};
    poll(&p, 1, static_cast<int>(test::kWait));
    close(probe);
}

using Scenario = std::function<int64_t(Env &, std::string &skip)>;

// The scenario that provokes `code` for env.op, or nullptr when there is none.
bool env_adopts(const Operation &op) {
    const std::string n = op.name;
    return n == "tcp_adopt_listener" || n == "tcp_adopt_stream" || n == "udp_adopt";
}

Scenario scenario_for(const Operation &op, int64_t code) {
    const std::string name = op.name;
    auto is = [&](const char *n) { return name == n; };
    switch (code) {
    case UN_ERR_NOT_INITIALIZED:
        return [](Env &env, std::string &) {
            for (const Param &p : env.op.params) {
                Args::Value &v = env.arg(p.name);
                v.i = 1;
                v.text = p.type == ParamType::address ? "127.0.0.1:1" : "lo";
                v.bytes.assign(64, 0);
            }
            env.set_len(64);
            return env.call();
        };
    case UN_ERR_SHUT_DOWN:
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            env.shutdown();
            return env.call();
        };
    case UN_ERR_FORKED:
        // In a child forked while the runtime runs (its threads stayed in the parent).
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            return in_child([&] { return env.call(); });
        };
    case UN_ERR_ALREADY_INITIALIZED:
        return [](Env &env, std::string &) {
            env.init();
            return env.call();
        };
    case UN_ERR_BAD_HANDLE:
        // A value that is no handle at all, then a well-formed handle this process never
        // issued: one from a runtime that does not exist here yet (a child made it in its
        // second runtime; this process starts its first after the child is gone).
        return [](Env &env, std::string &) {
            const uint32_t mask = env.handle_param()->kind_mask;
            const int64_t unissued = in_child([&] {
                un_runtime_init();
                un_runtime_shutdown();
                Env other(env.op);
                other.init();
                return (mask & kStreamBit) ? other.the_server_stream()
                       : (mask & kListenerBit) ? other.the_listener() : other.the_udp();
            });
            env.init();
            env.defaults();
            env.handle() = 42;
            const int64_t r = env.call();
            if (r != UN_ERR_BAD_HANDLE || unissued <= 0) {
                return unissued <= 0 ? unissued : r;
            }
            env.handle() = unissued;
            return env.call();
        };
    case UN_ERR_CLOSED:
        // A closed handle, then one whose slot new sockets have taken over since.
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            const int64_t old = env.handle();
            close_handle(old);
            const int64_t r = env.call();
            if (r != UN_ERR_CLOSED) {
                return r;
            }
            const uint32_t mask = env.handle_param()->kind_mask;
            std::vector<int64_t> fresh; // more sockets than were ever closed: one reuses the slot
            for (int i = 0; i < 8; ++i) {
                fresh.push_back((mask & kListenerBit) ? un_tcp_listen("127.0.0.1:0", 0, 0)
                                : (mask & kUdpBit)    ? un_udp_bind("127.0.0.1:0", 0)
                                                      : un_tcp_connect(test::local_addr(env.listener).c_str(), test::kWait));
            }
            env.handle() = old;
            const int64_t again = env.call();
            for (int64_t h : fresh) { // each still open: the stale handle reached none of them
                char addr[64];
                if (un_socket_local_addr(h, addr, sizeof addr) < 0) {
                    return INT64_MIN;
                }
            }
            return again;
        };
    case UN_ERR_WRONG_KIND:
        if (env_adopts(op)) { // a socket of another kind (not listening, listening, a TCP one)
            return [](Env &env, std::string &) {
                env.init();
                env.defaults();
                env.arg("fd").i = env.is("tcp_adopt_listener") ? test::plain_socket(SOCK_DGRAM, false)
                                  : env.is("tcp_adopt_stream") ? test::plain_socket(SOCK_STREAM, true)
                                                               : test::plain_socket(SOCK_STREAM, false);
                return env.call();
            };
        }
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            const uint32_t mask = env.handle_param()->kind_mask;
            env.handle() = !(mask & kListenerBit) ? env.the_listener()
                           : !(mask & kUdpBit)    ? env.the_udp()
                                                  : env.the_server_stream();
            return env.call();
        };
    case UN_ERR_WRONG_RUNTIME:
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            env.shutdown();
            env.init();
            return env.call();
        };
    case UN_ERR_WOULD_DEADLOCK:
        if (is("socket_get_option") || is("socket_set_option") || is("socket_local_addr") ||
            is("socket_peer_addr") || is("tcp_shutdown") || is("tcp_flush")) {
            // These run inline in a callback on their handle's own shard; a callback on another
            // shard would have to wait for it. Two shards, receives timing out on both.
            return [](Env &env, std::string &skip) -> int64_t {
                if (un_runtime_num_cores() < 2) {
                    skip = "this process may run on one core only: two shards are needed";
                    return 0;
                }
                un_runtime_configure_shards(2);
                env.init();
                env.defaults();
                static std::atomic<int64_t> deadlocked, others;
                deadlocked = 0;
                others = 0;
                un_set_completion_callback(
                    [](void *ctx, const un_completion_t *) {
                        (static_cast<Env *>(ctx)->call() == UN_ERR_WOULD_DEADLOCK ? deadlocked : others)++;
                    },
                    &env);
                static char bufs[4][8];
                for (int i = 0; i < 4; ++i) { // new sockets go to the least-loaded shard: both get some
                    un_udp_recv_submit(un_udp_bind("127.0.0.1:0", 0), bufs[i], 8, 1, 0);
                }
                [[maybe_unused]] const bool all = test::eventually([] { return deadlocked + others == 4; });
                un_set_completion_callback(nullptr, nullptr);
                return deadlocked > 0 && others > 0 ? UN_ERR_WOULD_DEADLOCK : INT64_MIN + 5;
            };
        }
        // Called from a completion callback, on the runtime thread itself.
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            static std::atomic<int64_t> result;
            result = INT64_MIN;
            un_set_completion_callback(
                [](void *ctx, const un_completion_t *) { result = static_cast<Env *>(ctx)->call(); }, &env);
            static char stats[8192];
            un_runtime_stats_submit(stats, sizeof stats, 0);
            [[maybe_unused]] const bool called = test::eventually([] { return result != INT64_MIN; }); // else INT64_MIN fails the check
            un_set_completion_callback(nullptr, nullptr);
            return result.load();
        };
    case UN_ERR_OP_NOT_FOUND:
        return [](Env &env, std::string &) {
            env.init();
            static char stats[8192];
            const int64_t id = un_runtime_stats_submit(stats, sizeof stats, 7);
            un_completion_t c{};
            un_poll(&c, 1, test::kWait); // it has completed: nothing to cancel any more
            env.arg("op_id").i = id;
            return env.call();
        };
    case UN_ERR_INVALID_ARGUMENT:
        if (env_adopts(op) || is("unix_send_fd")) { // an fd that is not open
            return [](Env &env, std::string &) {
                env.init();
                env.defaults();
                env.arg("fd").i = -1;
                return env.call();
            };
        }
        if (is("batch_begin")) { // batches do not nest
            return [](Env &env, std::string &) {
                un_batch_begin();
                const int64_t r = env.call();
                un_batch_end();
                return r;
            };
        }
        if (is("runtime_init")) { // an unknown backend name in the environment
            return [](Env &env, std::string &) {
                return in_child([&] {
                    setenv("URINGNET_BACKEND", "io-uring-please", 1);
                    return env.call();
                });
            };
        }
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            // The first argument that makes the call invalid, in a fixed order of preference.
            const Param *p = nullptr;
            for (ParamType t : {ParamType::bytes_in, ParamType::bytes_out, ParamType::text_out,
                                ParamType::completions_out}) {
                p = p ? p : env.first(t);
            }
            if (p != nullptr) {
                env.arg(p->name).null = true;
            } else if (const Param *t = env.first(ParamType::text)) {
                env.arg(t->name).null = true;
            } else if (const Param *e = env.first(ParamType::enumeration)) {
                env.arg(e->name).i = 99;
            } else if (env.args.has("flags")) {
                env.arg("flags").i = 64;
            } else if (env.args.has("entries")) {
                env.arg("entries").i = 0;
            } else if (env.args.has("shards")) {
                env.arg("shards").i = 0;
            } else if (env.args.has("count")) {
                env.arg("count").i = 3; // not a power of two
            } else if (env.args.has("delay_ms")) {
                env.arg("delay_ms").i = 0;
            } else if (const Param *id = env.first(ParamType::op_id)) {
                env.arg(id->name).i = -5; // op ids are positive
            }
            return env.call();
        };
    case UN_ERR_BAD_ADDRESS:
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            if (const Param *a = env.first(ParamType::address)) {
                env.arg(a->name).text = "not an address";
            } else {
                env.arg("group").text = "not-an-ip";
            }
            return env.call();
        };
    case UN_ERR_UNKNOWN_HOST:
    case UN_ERR_HOST_UNREACHABLE:
        // Inside a namespace with only loopback: no lookup and no packet leaves the machine.
        return [code](Env &env, std::string &skip) {
            const int64_t r = in_fresh_netns(
                [&] {
                    env.init();
                    env.defaults();
                    env.arg(env.first(ParamType::address)->name).text =
                        code == UN_ERR_UNKNOWN_HOST ? "no-such-host.invalid:80" : "192.0.2.1:80";
                    return env.call();
                },
                skip);
            env.running = false;
            return r;
        };
    case UN_ERR_CONNECTION_REFUSED:
        return [&op](Env &env, std::string &) {
            env.init();
            env.defaults();
            const std::string closed = "127.0.0.1:" + std::to_string(test::closed_port());
            if (std::string(op.name) == "tcp_connect") {
                env.arg("addr").text = closed;
                return env.call();
            }
            // Connected UDP: the ICMP port-unreachable of one datagram fails the next call.
            un_udp_connect(env.udp, closed.c_str());
            un_udp_send(env.udp, "?", 1, test::kWait);
            icmp_arrived(closed);
            return env.call();
        };
    case UN_ERR_ADDRESS_IN_USE:
        return [&op](Env &env, std::string &) {
            env.init();
            env.defaults();
            if (std::string(op.name) == "udp_join_multicast") {
                env.call();
            } else {
                env.arg("addr").text = test::local_addr(std::string(op.name) == "udp_bind" ? env.the_udp() : env.the_listener());
            }
            return env.call();
        };
    case UN_ERR_ADDRESS_NOT_AVAILABLE:
        return [&op](Env &env, std::string &) {
            env.init();
            env.defaults();
            if (std::string(op.name) != "udp_leave_multicast") {
                env.arg("addr").text = "192.0.2.1:0"; // no interface here has this address
            }
            return env.call();
        };
    case UN_ERR_PERMISSION_DENIED:
        if (is("udp_send_to")) {
            // A broadcast without SO_BROADCAST, inside the test's own namespaces.
            return [](Env &env, std::string &skip) {
                test::VethPair net;
                if (!net.ok()) {
                    skip = net.why();
                    return int64_t{0};
                }
                int status;
                return child_result([&](const Body &body) { return test::wait_child(net.run_in('b', body)); },
                                    [&] {
                                        env.init();
                                        env.defaults();
                                        // 127.0.0.1 cannot reach the veth
                                        env.handle() = un_udp_bind("0.0.0.0:0", 0);
                                        env.arg("addr").text = "192.0.2.255:9";
                                        return env.call();
                                    },
                                    status);
            };
        }
        // Binding a privileged port without CAP_NET_BIND_SERVICE.
        return [](Env &env, std::string &skip) {
            if (unprivileged_port_start() <= 80) {
                skip = "net.ipv4.ip_unprivileged_port_start allows port 80 to everyone here";
                return int64_t{0};
            }
            return in_child([&] {
                if (!test::drop_capabilities()) {
                    return INT64_MIN;
                }
                env.init();
                env.defaults();
                env.arg("addr").text = "127.0.0.1:80";
                return env.call();
            });
        };
    case UN_ERR_NO_RESOURCES:
        if (is("udp_send_to") || is("udp_connect")) {
            // More host names waiting for a lookup than the resolver queues (the private name
            // server holds every query): the operation is refused at once.
            return [](Env &env, std::string &skip) {
                const int64_t r = in_private_dns(
                    [&](test::SlowNameServer &) -> int64_t {
                        env.init();
                        env.defaults();
                        fill_lookup_queue(env.the_udp());
                        env.arg(env.first(ParamType::address)->name).text = "held-last.test:9";
                        return env.call();
                    },
                    skip);
                env.running = false;
                return r;
            };
        }
        if (is("completion_fd")) {
            // The eventfd is made at the first call in a process: in a child with no fd left,
            // unless an earlier test of this process made it already.
            return [](Env &env, std::string &skip) {
                const int64_t r = in_child([&] {
                    exhaust_fds();
                    const int64_t fd = env.call();
                    return fd >= 0 ? INT64_MIN + 2 : fd;
                });
                if (r == INT64_MIN + 2) {
                    skip = "this process made its completion eventfd before (run the test on its own, as ctest does)";
                }
                return r;
            };
        }
        return [&op](Env &env, std::string &) {
            return in_child([&] {
                if (std::string(op.name) == "runtime_init") {
                    // One fd left: the ring gets it and the wake-up eventfd fails.
                    exhaust_fds(1);
                    return env.call();
                }
                env.init();
                env.defaults();
                if (std::string(op.name) == "tcp_accept") {
                    un_tcp_connect(test::local_addr(env.listener).c_str(), test::kWait);
                }
                exhaust_fds();
                return env.call();
            });
        };
    case UN_ERR_IO_URING_NO_MEMORY:
        // A seccomp filter makes io_uring_setup fail with ENOMEM, as a memlock or memory
        // cgroup limit would: an error with a hint, never a silent fall-back to epoll.
        return [](Env &env, std::string &) {
            return in_child([&] {
                unsetenv("URINGNET_BACKEND"); // the automatic choice (a CI run may force epoll)
                return test::refuse_io_uring(ENOMEM) ? env.call() : INT64_MIN;
            });
        };
    case UN_ERR_IO_URING_UNAVAILABLE:
        // io_uring forced where a seccomp filter refuses it (unforced, init falls back to epoll).
        return [](Env &env, std::string &) {
            return in_child([&] {
                if (!test::refuse_io_uring(EPERM)) {
                    return INT64_MIN;
                }
                un_runtime_configure_backend(UN_BACKEND_IO_URING);
                return env.call();
            });
        };
    case UN_ERR_INTERRUPTED:
        return [&op](Env &env, std::string &) {
            env.init();
            env.defaults();
            env.arg("timeout_ms").i = -1;
            const std::string n = op.name;
            if (n == "tcp_write") { // a buffer already full: the write waits before its first byte
                std::string big(1 << 20, 'w');
                env.arg("buf").bytes.assign(1 << 20, 'w');
                env.set_len(1 << 20);
                // The kernel may still make room while the call waits (the idle peer's socket
                // collapses its queue and opens its window): the write then sends a part and
                // returns that count, as specified. Then the buffer is filled again and the call
                // made again, a few times at most.
                int64_t r = 0;
                for (int attempt = 0; attempt < 5 && r >= 0; ++attempt) {
                    for (int i = 0; i < 1000 && un_tcp_write(env.handle(), "w", 1, 0) == 1; ++i) {
                        un_tcp_write(env.handle(), big.data(), static_cast<uint32_t>(big.size()), 20);
                    }
                    r = interrupted_call(env);
                }
                return r;
            } else if (n == "tcp_connect") { // a listener whose queue is full: the connect waits
                const int l = full_listener(env.arg("addr").text);
                const int64_t r = interrupted_call(env);
                close(l);
                return r;
            }
            return interrupted_call(env);
        };
    case UN_ERR_CANCELED:
        if (is("udp_send_to") || is("udp_connect")) {
            return [](Env &env, std::string &skip) { return held_name(env, skip, Held::close); };
        }
        if (is("tcp_listen") || is("tcp_connect") || is("udp_bind")) { // submitted: op_cancel
            return [](Env &env, std::string &skip) { return held_name(env, skip, Held::cancel); };
        }
        if (is("udp_send")) {
            return [](Env &env, std::string &skip) { return udp_send_blocked(env, skip, Held::close); };
        }
        if (is("timer")) { // op_cancel while it waits
            return [](Env &env, std::string &) {
                env.init();
                env.arg("timeout_ms").i = 60000;
                int64_t result = INT64_MIN;
                std::thread t([&] { result = env.call(); });
                const bool waiting = test::eventually([] { return g_in_flight_op.load() != 0; });
                un_op_cancel(g_in_flight_op.load());
                t.join();
                return waiting ? result : kNeverInFlight;
            };
        }
        if (is("tcp_shutdown") || is("tcp_flush") || is("unix_send_fd") ||
            is("unix_send_handle")) { // waiting behind a write the idle peer never drains
            return [](Env &env, std::string &) {
                env.init();
                env.defaults();
                if (env.args.has("how")) {
                    env.arg("how").i = UN_SHUTDOWN_HOW_WRITE;
                }
                const uint64_t before = test::total_stats()["in_flight"].get<uint64_t>();
                std::string big(64 << 20, 'w');
                const int64_t stream = env.handle();
                std::thread writer([&] { un_tcp_write(stream, big.data(), static_cast<uint32_t>(big.size()), -1); });
                const bool writing =
                    test::eventually([&] { return test::total_stats()["in_flight"].get<uint64_t>() > before; });
                const int64_t r = call_then_close(env);
                writer.join();
                return writing ? r : kNeverInFlight;
            };
        }
        return [&op](Env &env, std::string &) {
            env.init();
            env.defaults();
            if (std::string(op.name) == "tcp_write") { // a write the idle peer never drains
                env.arg("buf").bytes.assign(64 << 20, 'w');
                env.set_len(64 << 20);
            }
            return call_then_close(env);
        };
    case UN_ERR_TIMED_OUT:
        if (is("udp_send_to")) {
            return [](Env &env, std::string &skip) { return held_name(env, skip, Held::timeout); };
        }
        if (is("udp_send")) {
            return [](Env &env, std::string &skip) { return udp_send_blocked(env, skip, Held::timeout); };
        }
        return [&op](Env &env, std::string &) {
            env.init();
            env.defaults();
            env.arg("timeout_ms").i = 20;
            const std::string n = op.name;
            if (n == "tcp_write") {
                env.arg("buf").bytes.assign(64 << 20, 'w');
                env.set_len(64 << 20);
            } else if (n == "tcp_connect") {
                // A listener whose queue is full drops new SYNs: the connect waits.
                const int l = full_listener(env.arg("addr").text);
                const int64_t r = env.call();
                close(l);
                return r;
            }
            return env.call();
        };
    case UN_ERR_RESET:
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            return peer_resets(env) ? env.call() : kNeverInFlight;
        };
    case UN_ERR_BROKEN_PIPE:
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            un_tcp_shutdown(env.server, UN_SHUTDOWN_HOW_WRITE);
            return env.call();
        };
    case UN_ERR_NOT_CONNECTED:
        if (is("tcp_adopt_stream")) { // bound, never connected
            return [](Env &env, std::string &) {
                env.init();
                env.defaults();
                env.arg("fd").i = test::plain_socket(SOCK_STREAM, false);
                return env.call();
            };
        }
        return [&op](Env &env, std::string &) {
            env.init();
            env.defaults();
            if (std::string(op.name) == "tcp_shutdown") {
                // A stream whose peer reset it is closed: there is nothing to shut down.
                env.handle() = env.client;
                un_socket_set_option(env.server, UN_SOCKET_OPTION_LINGER, 0);
                un_tcp_close(env.server);
                if (!test::eventually([&] {
                        char addr[64];
                        return un_socket_peer_addr(env.client, addr, sizeof addr) == UN_ERR_NOT_CONNECTED;
                    })) {
                    return kNeverInFlight;
                }
            } else if (env.handle_param()->kind_mask & kUdpBit) {
                env.handle() = env.the_udp(); // never connected
            }
            return env.call();
        };
    case UN_ERR_NO_FD: // a byte of plain data where a descriptor was expected
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            un_tcp_write(env.client, "d", 1, test::kWait);
            return env.call();
        };
    case UN_ERR_END_OF_STREAM: // the peer closed without sending one
        if (is("unix_recv_fd")) {
            return [](Env &env, std::string &) {
                env.init();
                env.defaults();
                un_tcp_close(env.client);
                return env.call();
            };
        }
        return nullptr;
    case UN_ERR_BUFFER_TOO_SMALL:
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            env.arg(env.args.has("from_len") ? "from_len" : "out_len").i = 4;
            return env.call();
        };
    case UN_ERR_TRUNCATED:
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            const std::string big(100, 't');
            un_udp_send_to(env.the_udp_peer(), big.data(), 100, test::local_addr(env.udp).c_str(), test::kWait);
            env.set_len(10);
            return env.call();
        };
    case UN_ERR_MESSAGE_TOO_LONG:
        return [&op](Env &env, std::string &) {
            env.init();
            env.defaults();
            if (std::string(op.name) == "udp_send") {
                un_udp_connect(env.udp, test::local_addr(env.the_udp_peer()).c_str());
            }
            env.arg("buf").bytes.assign(70000, 'm');
            env.set_len(70000);
            return env.call();
        };
    case UN_ERR_NO_SUCH_INTERFACE:
        return [](Env &env, std::string &) {
            env.init();
            env.defaults();
            env.arg("iface").text = "nosuch0";
            return env.call();
        };
    case UN_ERR_UNSUPPORTED:
        if (is("unix_recv_fd")) { // a stream read by its multishot receive (io_uring), or a TCP stream
            return [](Env &env, std::string &) {
                env.init();
                env.defaults();
                static char buf[8];
                if (test::expected_backend() == "io_uring" && un_tcp_read_submit(env.server, buf, sizeof buf, -1, 0) > 0) {
                    return env.call();
                }
                const int64_t l = un_tcp_listen("127.0.0.1:0", 0, 0);
                un_tcp_connect(test::local_addr(l).c_str(), test::kWait);
                env.handle() = un_tcp_accept(l, test::kWait);
                return env.call();
            };
        }
        return [&op](Env &env, std::string &) {
            env.init();
            env.defaults();
            const std::string n = op.name;
            if (n.rfind("unix_send_", 0) == 0) { // descriptors pass over Unix streams only
                const int64_t l = un_tcp_listen("127.0.0.1:0", 0, 0);
                un_tcp_connect(test::local_addr(l).c_str(), test::kWait);
                env.arg("stream").i = un_tcp_accept(l, test::kWait);
            } else if (n == "socket_set_option" || n == "socket_get_option") {
                env.handle() = env.the_udp();
                env.arg("option").i = UN_SOCKET_OPTION_NODELAY; // a TCP option on UDP
            } else if (n == "udp_join_multicast" || n == "udp_leave_multicast") {
                env.arg("group").text = "ff02::1:3"; // an IPv6 group on an IPv4 socket
            } else if (n == "tcp_listen" || n == "udp_bind") {
                env.arg("addr").text = test::unix_name(); // SO_REUSEPORT is never set on a Unix socket
                env.arg("flags").i = UN_BIND_FLAG_REUSE_PORT;
            } else {
                env.arg("addr").text = "[::1]:9"; // an IPv6 peer for an IPv4 socket
            }
            return env.call();
        };
    default:
        return nullptr;
    }
}

} // namespace

int64_t completion_of(int64_t id) {
    if (id <= 0) {
        return id;
    }
    g_in_flight_op = id;
    int64_t result = INT64_MIN + 3; // never completed
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < give_up) { // (others' completions may come first)
        un_completion_t c[64];
        const int64_t n = un_poll(c, 64, 1000);
        if (n < 0) {
            result = n;
            break;
        }
        bool done = false;
        for (int64_t i = 0; i < n; ++i) {
            if (static_cast<int64_t>(c[i].op_id) == id) {
                result = c[i].result;
                done = true;
            }
        }
        if (done) {
            break;
        }
    }
    g_in_flight_op = 0;
    return result;
}

int64_t in_flight_op() { return g_in_flight_op.load(); }

void skip(const char *reason) {
    std::printf("SKIP: %s\n", reason);
    std::fflush(stdout);
    if (std::getenv("UN_TEST_SKIP_CODE") != nullptr) {
        std::_Exit(77); // ctest (SKIP_RETURN_CODE 77) reports the test as skipped
    }
    WARN("SKIP: " << reason);
}

void check(const Operation &op, int64_t expected) {
    Scenario scenario = scenario_for(op, expected);
    if (!scenario) {
        FAIL("no scenario provokes " << un_error_name(expected) << " for " << op.name
                                     << ": add one to tests/conformance.cpp, or mark the error"
                                        " not_provoked in api/net.json with the reason");
        return;
    }
    Env env(op);
    std::string why;
    const int64_t got = scenario(env, why);
    if (!why.empty()) {
        skip(why.c_str());
        return;
    }
    INFO(op.name << (op.submit ? "_submit" : "") << " should return " << un_error_name(expected) << " ("
                 << expected << "), got " << un_error_name(got) << " (" << got << ")");
    CHECK(got == expected);
    const bool listed = got >= 0 || std::find(op.errors.begin(), op.errors.end(), got) != op.errors.end();
    INFO("every code an operation returns is one its spec entry lists");
    CHECK(listed);
}

} // namespace conformance
