// Simple's completion driver (std.net.driver), the state its externs share: one Driver
// object a driver owns its operations in flight (each with its buffer or data, the kernel's
// until the completion has come), the completions routed to it and the last poll's. The
// submits are in simple_driver.cpp, polling and what a poll hands out in
// simple_driver_poll.cpp. Everything here is guarded by g_mu.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "uringnet/uringnet.h"

namespace uringnet::simple::driver {

constexpr int64_t kErrUnsupported = -38; ///< Simple's driver's ERR_UNSUPPORTED
constexpr unsigned kDriverShift = 40;    ///< user_data: driver id above, op id below
constexpr uint64_t kOpMask = (1ull << kDriverShift) - 1;
constexpr int64_t kMaxRawFd = INT32_MAX; ///< a raw fd is at most this; a handle is far above (its kind bits)
constexpr int64_t kPollBatch = 64;

enum class Kind : uint8_t { listener, stream, udp };

/// A receive's buffer: not zeroed when made (the kernel fills what the completion counts).
struct RecvBuffer {
    std::unique_ptr<uint8_t[]> bytes;
    size_t size = 0;
};

struct Pending {
    int64_t un_op = 0; ///< uringnet's op id
    int64_t fd = -1;   ///< what the operation was submitted on (poll_fd)
    bool recv = false, udp_recv = false;
    size_t recv_size = 0;     ///< a receive's length: rbuf is given one at least this large at submit
    RecvBuffer rbuf;          ///< a receive's buffer: the kernel's until the completion
    std::vector<uint8_t> buf; ///< a send's data: the kernel's until the completion
    std::string addr;         ///< a connect's or UDP send's target
    char from[128] = {};      ///< a UDP receive's sender (116 fit a Unix address)
};

struct Done {
    int64_t id, result, fd;
    std::string data;
    std::vector<uint8_t> bytes;
};

struct Driver {
    uint64_t id = 0;
    uint64_t next_op = 1;
    bool batch = false;  ///< this driver began the calling thread's batch (flush ends it)
    bool closed = false; ///< close was called: kept until its last operation has completed
    std::unordered_map<uint64_t, Pending> pending;
    std::deque<Done> ready;   ///< routed here, not yet polled
    std::vector<Done> polled; ///< the last poll_count's
    /// Receive buffers whose operations have completed, for the next receives: a receive then
    /// costs no allocation (at most kSpareBytes of them kept, so a burst's buffers are not).
    std::vector<RecvBuffer> spare;
    size_t spare_bytes = 0;
    static constexpr size_t kSpareBytes = 16 << 20;
};

extern std::mutex g_mu; // guards everything below
extern std::unordered_map<uint64_t, std::unique_ptr<Driver>> g_drivers;
extern std::unordered_map<int64_t, int64_t> g_owned; ///< raw fd -> the handle it was adopted as

/// The driver of id d, unless it is unknown or closed.
Driver *find_driver(int64_t d);
/// Posts the batch the driver's submits collected in (how many), if it began one.
int64_t flush_locked(Driver &dr);
/// Polls the process's completions once (waiting up to timeout_ms) and routes each to its
/// driver: how many came, or un_poll's error. Called without g_mu.
int64_t poll_once(int64_t timeout_ms);

} // namespace uringnet::simple::driver
