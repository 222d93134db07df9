// The calling thread's fast path for blocking reads and writes (Go's approach): try the
// non-blocking syscall on the calling thread first, and post to the runtime thread only when
// it would block. A read whose data is already there, or a write the socket buffer can take,
// then costs no thread hop at all.
//
// Safety: each shard publishes, per handle slot, the handle's generation and fd in a
// FastSlot that any thread may read. A caller counts itself in `users`, then checks the
// generation is still live; the shard, when it closes a handle, first withdraws it and then
// waits for `users` to drain before it closes the fd (callers only make non-blocking calls,
// so that wait is short). Writes keep their order: a caller writes directly only while no
// other write on the stream is queued or in flight (`writers`), and hands any remainder to
// the runtime thread before another writer can go first. Reads on a stream that receives
// through a multishot receive (data may already wait in the shard) are never made directly:
// the shard marks such a stream before any of its reads completes.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>

namespace uringnet {

struct FastSlot {
    std::atomic<uint64_t> key{0};      ///< (generation << 32) | kLive | kShardReads? | fd
    std::atomic<uint32_t> users{0};    ///< callers using fd right now
    std::atomic<uint32_t> writers{0};  ///< writes queued or in flight, kFastWriter while a caller writes
    std::atomic<uint32_t> readers{0};  ///< reads queued or in flight on the shard: no direct read may overtake them
    static constexpr uint32_t kFastWriter = 1u << 31;

    static constexpr uint64_t kLive = 1u << 31;
    static constexpr uint64_t kShardReads = 1u << 30; ///< reads go through the shard
    static constexpr uint64_t kFdMask = (1u << 30) - 1; ///< (Linux caps fds below 2^30: fs.nr_open)

    static uint64_t make_key(int fd, uint32_t gen) {
        return (static_cast<uint64_t>(gen) << 32) | kLive | (static_cast<uint32_t>(fd) & kFdMask);
    }
    static uint32_t gen_of(uint64_t key) { return static_cast<uint32_t>(key >> 32); }
    static int fd_of(uint64_t key) { return static_cast<int>(key & kFdMask); }
};

/// FastSlots by slot index, in chunks that are allocated once and never move.
class FastTable {
  public:
    static constexpr uint32_t kChunkBits = 12, kChunk = 1u << kChunkBits, kChunks = 1u << (24 - kChunkBits);

    /// The slot, or null when its chunk was never allocated (any thread).
    FastSlot *find(uint32_t index) const {
        FastSlot *chunk = chunks_[index >> kChunkBits].load(std::memory_order_acquire);
        return chunk ? &chunk[index & (kChunk - 1)] : nullptr;
    }
    /// The slot, allocating its chunk (shard thread only).
    FastSlot &at(uint32_t index) {
        auto &c = chunks_[index >> kChunkBits];
        FastSlot *chunk = c.load(std::memory_order_relaxed);
        if (chunk == nullptr) {
            owned_[index >> kChunkBits] = std::make_unique<FastSlot[]>(kChunk);
            chunk = owned_[index >> kChunkBits].get();
            c.store(chunk, std::memory_order_release);
        }
        return chunk[index & (kChunk - 1)];
    }

  private:
    std::array<std::atomic<FastSlot *>, kChunks> chunks_{};
    std::array<std::unique_ptr<FastSlot[]>, kChunks> owned_{};
};

} // namespace uringnet
