// std.net.driver's externs (api/net.json, simple_driver): Simple's asynchronous completion
// driver, IoDriver, on uringnet's *_submit operations, batches and un_poll.
//
// One object owns each driver: its operations in flight (each with the buffer it reads into
// or the data it sends, kept until the operation's completion has come, even after close),
// the completions routed to it and not yet polled, and the last poll's. Completions carry
// the driver and its op id in user_data, so drivers share the process's completion queue:
// whichever driver polls routes each completion to its owner. Raw fds are adopted once, for
// every driver (g_owned); from then on the handle owns the fd.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "handle.hpp"
#include "simple_driver.hpp"
#include "simple_rt.hpp"
#include "uringnet/uringnet.h"
#include "uringnet/uringnet_simple.h"

namespace uringnet::simple::driver {

std::mutex g_mu;
std::unordered_map<uint64_t, std::unique_ptr<Driver>> g_drivers;
std::unordered_map<int64_t, int64_t> g_owned; ///< raw fd -> the handle it was adopted as
static uint64_t g_next_driver = 1; // (ids of drivers made so far)

Driver *find_driver(int64_t d) {
    auto it = g_drivers.find(static_cast<uint64_t>(d));
    return it == g_drivers.end() || it->second->closed ? nullptr : it->second.get();
}

int64_t flush_locked(Driver &dr) {
    if (!dr.batch) {
        return 0;
    }
    dr.batch = false;
    return un_batch_end();
}

namespace {

// Hands a completion to its driver (dropped when its driver or operation is unknown).
void route(const un_completion_t &c) {
    auto it = g_drivers.find(c.user_data >> kDriverShift);
    if (it == g_drivers.end()) {
        return;
    }
    Driver &dr = *it->second;
    auto op = dr.pending.find(c.user_data & kOpMask);
    if (op == dr.pending.end()) {
        return;
    }
    Pending &p = op->second;
    if (!dr.closed) {
        Done done{static_cast<int64_t>(op->first), c.result, p.fd, {}, {}};
        if ((p.recv || p.udp_recv) && c.result >= 0) {
            const auto n = static_cast<size_t>(std::min<int64_t>(c.result, static_cast<int64_t>(p.recv_size)));
            done.bytes.assign(p.rbuf.bytes.get(), p.rbuf.bytes.get() + n);
            done.data = p.udp_recv ? std::string(p.from) : std::string(done.bytes.begin(), done.bytes.end());
        }
        dr.ready.push_back(std::move(done));
    }
    if (p.rbuf.bytes != nullptr && dr.spare_bytes + p.rbuf.size <= Driver::kSpareBytes) {
        dr.spare_bytes += p.rbuf.size;
        dr.spare.push_back(std::move(p.rbuf));
    }
    dr.pending.erase(op);
    if (dr.closed && dr.pending.empty()) {
        g_drivers.erase(it);
    }
}

} // namespace

// Polls the process's completions once (waiting up to timeout_ms) and routes them: how many
// came, or un_poll's error. Called without g_mu.
int64_t poll_once(int64_t timeout_ms) {
    un_completion_t got[kPollBatch];
    const int64_t n = un_poll(got, kPollBatch, timeout_ms);
    std::lock_guard lk(g_mu);
    for (int64_t i = 0; i < n; ++i) {
        route(got[i]);
    }
    return n;
}

namespace {

// The handle for fd: a handle as it is, a raw fd adopted (once) as the kind the operation
// needs; an error code when it cannot be.
int64_t handle_of(int64_t fd, Kind kind) {
    if (fd < 0 || fd > kMaxRawFd) {
        return fd; // a handle (or not: uringnet answers BAD_HANDLE)
    }
    if (auto it = g_owned.find(fd); it != g_owned.end()) {
        return it->second;
    }
    const int raw = static_cast<int>(fd);
    const int64_t h = kind == Kind::listener ? un_tcp_adopt_listener(raw)
                      : kind == Kind::stream ? un_tcp_adopt_stream(raw)
                                             : un_udp_adopt(raw);
    if (h > 0) {
        g_owned[fd] = h;
    }
    return h;
}

// Starts one operation of driver d: start(pending, user_data) returns uringnet's op id or an
// error, which the operation then completes with at the next poll. The driver's op id, or
// the driver's own error.
template <typename Start>
int64_t submit(int64_t d, Pending p, Start start) {
    std::lock_guard lk(g_mu);
    Driver *dr = find_driver(d);
    if (dr == nullptr) {
        return d < 0 ? d : UN_ERR_INVALID_ARGUMENT;
    }
    const uint64_t id = dr->next_op++;
    Pending &slot = dr->pending[id] = std::move(p);
    if (slot.recv_size > 0) { // a spare buffer large enough, or a new one
        if (!dr->spare.empty() && dr->spare.back().size >= slot.recv_size) {
            dr->spare_bytes -= dr->spare.back().size;
            slot.rbuf = std::move(dr->spare.back());
            dr->spare.pop_back();
        } else {
            slot.rbuf = {std::make_unique_for_overwrite<uint8_t[]>(slot.recv_size), slot.recv_size};
        }
    }
    if (!dr->batch && un_batch_begin() == 0) {
        dr->batch = true;
    }
    const int64_t r = start(slot, (dr->id << kDriverShift) | id);
    if (r < 0) {
        dr->ready.push_back({static_cast<int64_t>(id), r, slot.fd, {}, {}});
        dr->pending.erase(id);
    } else {
        slot.un_op = r;
    }
    return static_cast<int64_t>(id);
}

int64_t buffer_size(int64_t n) { return std::clamp<int64_t>(n, 1, kMaxChunk); }

Pending on(int64_t fd) {
    Pending p;
    p.fd = fd;
    return p;
}

} // namespace
} // namespace uringnet::simple::driver

using namespace uringnet::simple;
using namespace uringnet::simple::driver;

extern "C" {

UN_API int64_t monoio_driver_new(int64_t /*depth*/) {
    if (!runtime_linked()) {
        return UN_ERR_RUNTIME_NOT_LINKED;
    }
    const int64_t r = un_runtime_init();
    if (r < 0 && r != UN_ERR_ALREADY_INITIALIZED) {
        return r;
    }
    std::lock_guard lk(g_mu);
    auto dr = std::make_unique<Driver>();
    dr->id = g_next_driver++;
    const auto id = static_cast<int64_t>(dr->id);
    g_drivers[dr->id] = std::move(dr);
    return id;
}

UN_API int64_t monoio_driver_close(int64_t driver) {
    {
        std::lock_guard lk(g_mu);
        Driver *dr = find_driver(driver);
        if (dr == nullptr) {
            return UN_ERR_INVALID_ARGUMENT;
        }
        flush_locked(*dr);
        dr->closed = true;
        dr->ready.clear();
        dr->polled.clear();
        for (const auto &[id, p] : dr->pending) {
            un_op_cancel(p.un_op);
        }
        if (dr->pending.empty()) {
            g_drivers.erase(dr->id);
            return 0;
        }
    }
    // Its buffers stay the kernel's until their cancelled operations complete: wait a little
    // for them here (a later poll of any driver finishes the rest).
    for (int i = 0; i < 20; ++i) {
        {
            std::lock_guard lk(g_mu);
            if (g_drivers.count(static_cast<uint64_t>(driver)) == 0) {
                break;
            }
        }
        if (poll_once(50) < 0) {
            break;
        }
    }
    return 0;
}

UN_API int64_t monoio_driver_submit_accept(int64_t driver, int64_t listen_fd) {
    return submit(driver, on(listen_fd), [&](Pending &, uint64_t ud) {
        const int64_t l = handle_of(listen_fd, Kind::listener);
        return l < 0 ? l : un_tcp_accept_submit(l, -1, ud);
    });
}

UN_API int64_t monoio_driver_submit_connect(int64_t driver, un_rv_t addr, int64_t port, int64_t timeout_ms) {
    std::string target;
    const int64_t err = text(addr, target);
    return submit(driver, on(-1), [&](Pending &p, uint64_t ud) -> int64_t {
        if (err != 0) {
            return err;
        }
        p.addr = port > 0 ? target + ":" + std::to_string(port) : target;
        return un_tcp_connect_submit(p.addr.c_str(), timeout_ms, ud);
    });
}

UN_API int64_t monoio_driver_submit_recv(int64_t driver, int64_t fd, int64_t buf_size) {
    Pending p = on(fd);
    p.recv = true;
    p.recv_size = static_cast<size_t>(buffer_size(buf_size));
    return submit(driver, std::move(p), [&](Pending &q, uint64_t ud) {
        const int64_t s = handle_of(fd, Kind::stream);
        return s < 0 ? s : un_tcp_read_submit(s, q.rbuf.bytes.get(), static_cast<uint32_t>(q.recv_size), -1, ud);
    });
}

namespace {

int64_t submit_write(int64_t driver, int64_t fd, Pending p, int64_t err) {
    return submit(driver, std::move(p), [&](Pending &q, uint64_t ud) -> int64_t {
        if (err != 0) {
            return err;
        }
        const int64_t s = handle_of(fd, Kind::stream);
        return s < 0 ? s : un_tcp_write_submit(s, q.buf.data(), static_cast<uint32_t>(q.buf.size()), -1, ud);
    });
}

} // namespace

UN_API int64_t monoio_driver_submit_send(int64_t driver, int64_t fd, un_rv_t data) {
    Pending p = on(fd);
    const int64_t err = text_bytes(data, p.buf);
    return submit_write(driver, fd, std::move(p), err);
}

UN_API int64_t monoio_driver_submit_send_bytes(int64_t driver, int64_t fd, un_rv_t data) {
    Pending p = on(fd);
    const int64_t len = array_len(data);
    const int64_t err = len < 0 ? check_array(data) : bytes_in(data, len, p.buf);
    return submit_write(driver, fd, std::move(p), err);
}

UN_API int64_t monoio_driver_submit_udp_recv(int64_t driver, int64_t fd, int64_t buf_size) {
    Pending p = on(fd);
    p.udp_recv = true;
    p.recv_size = static_cast<size_t>(buffer_size(buf_size));
    return submit(driver, std::move(p), [&](Pending &q, uint64_t ud) {
        const int64_t u = handle_of(fd, Kind::udp);
        return u < 0 ? u
                     : un_udp_recv_from_submit(u, q.rbuf.bytes.get(), static_cast<uint32_t>(q.recv_size), q.from,
                                               sizeof q.from, -1, ud);
    });
}

UN_API int64_t monoio_driver_submit_udp_send(int64_t driver, int64_t fd, un_rv_t data, un_rv_t addr) {
    Pending p = on(fd);
    int64_t err = text_bytes(data, p.buf);
    if (err == 0) {
        err = text(addr, p.addr);
    }
    return submit(driver, std::move(p), [&](Pending &q, uint64_t ud) -> int64_t {
        if (err != 0) {
            return err;
        }
        const int64_t u = handle_of(fd, Kind::udp);
        return u < 0 ? u
                     : un_udp_send_to_submit(u, q.buf.data(), static_cast<uint32_t>(q.buf.size()), q.addr.c_str(), -1,
                                             ud);
    });
}

UN_API int64_t monoio_driver_submit_timeout(int64_t driver, int64_t timeout_ms) {
    return submit(driver, on(-1), [&](Pending &, uint64_t ud) { return un_timer_submit(timeout_ms, ud); });
}

UN_API int64_t monoio_driver_submit_close(int64_t driver, int64_t fd) {
    return submit(driver, on(fd), [&](Pending &, uint64_t ud) -> int64_t {
        int64_t h = fd;
        if (fd >= 0 && fd <= kMaxRawFd) {
            auto it = g_owned.find(fd);
            if (it == g_owned.end()) {
                return kErrUnsupported; // not the driver's: it stays open
            }
            h = it->second;
            g_owned.erase(it);
        }
        if (!uringnet::handle::well_formed(h)) {
            return UN_ERR_BAD_HANDLE;
        }
        switch (uringnet::handle::decode(h).kind) {
        case UN_HANDLE_TCP_LISTENER:
            return un_tcp_listener_close_submit(h, ud);
        case UN_HANDLE_UDP_SOCKET:
            return un_udp_close_submit(h, ud);
        default:
            return un_tcp_close_submit(h, ud);
        }
    });
}

UN_API int64_t monoio_driver_submit_unsupported(int64_t driver) {
    return submit(driver, on(-1), [](Pending &, uint64_t) { return kErrUnsupported; });
}

UN_API int64_t monoio_driver_cancel(int64_t driver, int64_t op_id) {
    std::lock_guard lk(g_mu);
    Driver *dr = find_driver(driver);
    if (dr == nullptr || op_id <= 0) {
        return 0;
    }
    auto it = dr->pending.find(static_cast<uint64_t>(op_id));
    return it != dr->pending.end() && un_op_cancel(it->second.un_op) == 0 ? 1 : 0;
}

UN_API int64_t monoio_driver_cancel_fd(int64_t driver, int64_t fd) {
    std::lock_guard lk(g_mu);
    if (find_driver(driver) == nullptr) {
        return UN_ERR_INVALID_ARGUMENT;
    }
    auto it = g_owned.find(fd);
    return un_socket_cancel(it != g_owned.end() ? it->second : fd);
}

UN_API int64_t monoio_driver_flush(int64_t driver) {
    std::lock_guard lk(g_mu);
    Driver *dr = find_driver(driver);
    return dr == nullptr ? UN_ERR_INVALID_ARGUMENT : flush_locked(*dr);
}
} // extern "C"
