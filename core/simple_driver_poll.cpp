// std.net.driver's externs that poll and hand out completions (see simple_driver.hpp).
#include <algorithm>
#include <chrono>
#include <string>

#include "simple_driver.hpp"
#include "simple_rt.hpp"
#include "uringnet/uringnet_simple.h"

namespace uringnet::simple::driver {
namespace {

const Done *polled(int64_t d, int64_t index) {
    Driver *dr = find_driver(d);
    if (dr == nullptr || index < 0 || static_cast<size_t>(index) >= dr->polled.size()) {
        return nullptr;
    }
    return &dr->polled[static_cast<size_t>(index)];
}

} // namespace
} // namespace uringnet::simple::driver

using namespace uringnet::simple;
using namespace uringnet::simple::driver;

extern "C" {

UN_API int64_t monoio_driver_poll_count(int64_t driver, int64_t max, int64_t timeout_ms) {
    auto take = [&]() -> int64_t { // moves what is ready into polled; its size, or an error
        Driver *dr = find_driver(driver);
        if (dr == nullptr) {
            return UN_ERR_INVALID_ARGUMENT;
        }
        while (!dr->ready.empty() && static_cast<int64_t>(dr->polled.size()) < max) {
            dr->polled.push_back(std::move(dr->ready.front()));
            dr->ready.pop_front();
        }
        return static_cast<int64_t>(dr->polled.size());
    };
    {
        std::lock_guard lk(g_mu);
        Driver *dr = find_driver(driver);
        if (dr == nullptr) {
            return driver < 0 ? driver : UN_ERR_INVALID_ARGUMENT;
        }
        dr->polled.clear();
        flush_locked(*dr);
        const int64_t have = take();
        if (have > 0) {
            return have; // (what is ready is handed out at once, with no wait)
        }
    }
    const int64_t n = poll_once(timeout_ms);
    std::lock_guard lk(g_mu);
    const int64_t have = take();
    return n < 0 && have == 0 ? n : have;
}

UN_API int64_t monoio_driver_wait_for(int64_t driver, int64_t op_id, int64_t timeout_ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max<int64_t>(timeout_ms, 0));
    while (true) {
        int64_t wait_ms = -1;
        {
            std::lock_guard lk(g_mu);
            Driver *dr = find_driver(driver);
            if (dr == nullptr) {
                return driver < 0 ? driver : UN_ERR_INVALID_ARGUMENT;
            }
            flush_locked(*dr);
            auto it = std::find_if(dr->ready.begin(), dr->ready.end(), [&](const Done &d) { return d.id == op_id; });
            if (it != dr->ready.end()) {
                dr->polled.clear();
                dr->polled.push_back(std::move(*it));
                dr->ready.erase(it);
                return 1;
            }
            if (op_id <= 0 || dr->pending.count(static_cast<uint64_t>(op_id)) == 0) {
                return 0; // not in flight: nothing to wait for
            }
            if (timeout_ms >= 0) {
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
                if (left.count() <= 0) {
                    return 0;
                }
                wait_ms = left.count();
            }
        }
        if (const int64_t n = poll_once(wait_ms); n < 0) {
            return n;
        }
    }
}

UN_API int64_t monoio_driver_poll_id(int64_t driver, int64_t index) {
    std::lock_guard lk(g_mu);
    const Done *d = polled(driver, index);
    return d != nullptr ? d->id : 0;
}

UN_API int64_t monoio_driver_poll_result(int64_t driver, int64_t index) {
    std::lock_guard lk(g_mu);
    const Done *d = polled(driver, index);
    return d != nullptr ? d->result : 0;
}

UN_API int64_t monoio_driver_poll_flags(int64_t /*driver*/, int64_t /*index*/) { return 0; }

UN_API int64_t monoio_driver_poll_fd(int64_t driver, int64_t index) {
    std::lock_guard lk(g_mu);
    const Done *d = polled(driver, index);
    return d != nullptr ? d->fd : -1;
}

UN_API int64_t monoio_driver_poll_data_len(int64_t driver, int64_t index) {
    std::lock_guard lk(g_mu);
    const Done *d = polled(driver, index);
    return d != nullptr ? static_cast<int64_t>(d->data.size()) : 0;
}

UN_API un_rv_t monoio_driver_poll_data(int64_t driver, int64_t index) {
    std::lock_guard lk(g_mu);
    const Done *d = polled(driver, index);
    return d != nullptr ? make_text(d->data.data(), d->data.size()) : make_text("", 0);
}

UN_API un_rv_t monoio_driver_poll_recv_bytes(int64_t driver, int64_t index) {
    std::lock_guard lk(g_mu);
    const Done *d = polled(driver, index);
    return d != nullptr ? make_bytes(d->bytes.data(), d->bytes.size()) : make_bytes(nullptr, 0);
}

UN_API un_rv_t monoio_driver_backend(int64_t /*driver*/) {
    const int64_t b = un_runtime_backend(nullptr, 0);
    const char *name = b == UN_BACKEND_IO_URING ? "uringnet-io_uring" : b == UN_BACKEND_EPOLL ? "uringnet-epoll" : "uringnet";
    return make_text(name, std::char_traits<char>::length(name));
}

} // extern "C"
