// The calling thread's path for blocking reads and writes: a blocking call that is first in
// its stream's line does its syscalls on the calling thread and, when it has to wait, waits
// there in the kernel as a plain blocking socket would: a read inside recv itself (its
// deadline as SO_RCVTIMEO), other waits in ppoll on the stream's fd and the thread's own
// wake-up eventfd. No thread hop, no shard in the middle (core/caller_path.cpp,
// core/caller_wake.hpp).
//
// Safety: each shard publishes, per handle slot, the handle's generation and fd in a
// FastSlot that any thread may read. A caller counts itself in `users`, then checks the
// generation is still live; the shard never closes the fd while `users` is not zero. A
// caller that waits publishes itself in the slot (parked, under the slot's park lock), and
// the shard wakes it when the handle is closed (key withdrawn), when socket_cancel is
// called (cancels bumped), when the runtime stops (key kStopped) and when a later call on
// the stream needs it to hand over (kHandover): so `users` always drains promptly.
//
// Order: each direction of a stream (reads, writes) is a line (core/line.hpp): only a call
// that takes its line may use the calling thread. Reads on a stream that receives through a
// multishot receive (data may already wait in the shard) are never made on the calling thread.
#pragma once

#include <array>
#include <cerrno>
#include <atomic>
#include <cstdint>
#include <memory>

#include "line.hpp"
#include "uringnet/uringnet.h"

namespace uringnet {

struct CallerWaker;

// One cache line per slot: calling threads on different streams never share one (each call
// changes users and its line twice).
struct alignas(64) FastSlot {
    std::atomic<uint64_t> key{0};      ///< (generation << 32) | kLive | kShardReads? | fd; 0 closed, kStopped
    std::atomic<uint32_t> users{0};    ///< callers using fd right now (the fd stays open meanwhile)
    std::atomic<uint32_t> cancels{0};  ///< socket_cancel calls: a waiting caller that sees it change ends
    std::atomic<int32_t> read_err{0};  ///< -errno of a reset a read met: every later read gets it
    std::array<Line, 2> lines;         ///< by LineKind
    std::array<CallerWaker *, 2> parked{}; ///< the caller waiting per line, or null (park lock)
    uint8_t read_waits = 0;            ///< reads on the caller's path had to wait (read line's holder only)
    /// The socket's SO_RCVTIMEO in ms, 0 none: the timeout of the last read that waited inside
    /// recv (read line's holder; reset when a new stream takes the slot).
    std::atomic<uint32_t> recv_timeout_ms{0};
    /// The handle's read_timeout and write_timeout options (by LineKind; -1 none), which a
    /// timeout of TIMEOUT_FROM_OPTION stands for. Every handle kind's slot has them (set when
    /// the handle is made, changed by socket_set_option on the shard); any thread reads them.
    std::array<std::atomic<int32_t>, 2> option_timeout_ms;

    static constexpr uint64_t kLive = 1u << 31;
    static constexpr uint64_t kShardReads = 1u << 30; ///< reads go through the shard
    static constexpr uint64_t kFdMask = (1u << 30) - 1; ///< (Linux caps fds below 2^30: fs.nr_open)
    static constexpr uint64_t kStopped = 1;            ///< withdrawn because the runtime stops

    static uint64_t make_key(int fd, uint32_t gen) {
        return (static_cast<uint64_t>(gen) << 32) | kLive | (static_cast<uint32_t>(fd) & kFdMask);
    }
    /// Where a socket option is remembered (read_timeout, write_timeout), or null for others.
    template <typename Self> static auto *option_timeout(Self &f, int64_t option) {
        return option == UN_SOCKET_OPTION_READ_TIMEOUT    ? &f.option_timeout_ms[kReadLine]
               : option == UN_SOCKET_OPTION_WRITE_TIMEOUT ? &f.option_timeout_ms[kWriteLine]
                                                          : nullptr;
    }
    static uint32_t gen_of(uint64_t key) { return static_cast<uint32_t>(key >> 32); }
    static int fd_of(uint64_t key) { return static_cast<int>(key & kFdMask); }
};

static_assert(sizeof(FastSlot) == 64, "a FastSlot is one cache line");

/// Whether a read's error (a positive errno) is the connection's: the kernel reports a reset
/// once, so every later read of the stream must say it too. An error of the call itself (a
/// bad buffer: EFAULT, ENOMEM, ...) says nothing about the stream, whose next read goes on.
inline bool breaks_stream(int e) {
    switch (e) {
    case ECONNRESET:
    case ECONNABORTED:
    case ETIMEDOUT:
    case EPIPE:
    case EHOSTUNREACH:
    case ENETUNREACH:
    case ENETDOWN:
    case ENOTCONN:
        return true;
    default:
        return false;
    }
}

/// FastSlots by slot index, in chunks that are allocated once and never move. A chunk is
/// mapped zeroed and its pages are backed only when a slot on them is first used: the
/// all-zero FastSlot is the unused one (nothing live, no caller, counts 0), so a runtime with
/// few streams pays for few pages, not 256 KiB per chunk.
class FastTable {
  public:
    FastTable() = default;
    FastTable(const FastTable &) = delete;
    FastTable &operator=(const FastTable &) = delete;
    ~FastTable();
    static constexpr uint32_t kChunkBits = 12, kChunk = 1u << kChunkBits, kChunks = 1u << (24 - kChunkBits);

    /// The slot, or null when its chunk was never allocated (any thread).
    FastSlot *find(uint32_t index) const {
        FastSlot *chunk = chunks_[index >> kChunkBits].load(std::memory_order_acquire);
        return chunk ? &chunk[index & (kChunk - 1)] : nullptr;
    }
    /// The slot, mapping its chunk (shard thread only); null when it cannot be mapped.
    FastSlot *at(uint32_t index);

  private:
    std::array<std::atomic<FastSlot *>, kChunks> chunks_{};
};

} // namespace uringnet
