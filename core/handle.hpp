// Generational typed handles: positive int64 values that carry everything needed to
// reject a bad one without touching freed memory.
//
//   bits  0..21  slot index in the shard's registry (4M handles per shard)
//   bits 22..53  slot generation (32 bits; bumped when the slot is closed and again when
//                it is freed, and slots are reused first-in first-out, so a closed handle
//                repeats only after its slot was reused 2^31 times)
//   bits 54..55  handle kind (the spec's handle "kind" number, 1..3)
//   bits 56..61  shard number (up to 64 shards)
//   bits 62..63  zero, so a handle is always positive and never looks like an error
//
// There is no runtime number: each runtime's generations start above every generation an
// earlier runtime of this process issued (Runtime::first_gen), so a handle from an earlier
// runtime is told by its generation alone (WRONG_RUNTIME), without a counter that wraps.
#pragma once

#include <cstdint>

#include "uringnet/uringnet.h"

namespace uringnet::handle {

constexpr unsigned kIndexBits = 22, kGenBits = 32, kKindBits = 2, kShardBits = 6;
constexpr unsigned kGenShift = kIndexBits;
constexpr unsigned kKindShift = kGenShift + kGenBits;
constexpr unsigned kShardShift = kKindShift + kKindBits;
constexpr uint32_t kMaxIndex = (1u << kIndexBits) - 1;
constexpr uint32_t kMaxShards = 1u << kShardBits;
static_assert(kShardShift + kShardBits == 62, "handles use 62 bits and stay positive");
static_assert(UN_HANDLE_TCP_LISTENER > 0 && UN_HANDLE_UDP_SOCKET < (1 << kKindBits), "kinds fit in their bits");

struct Parts {
    uint32_t index;
    uint32_t gen;
    uint32_t kind;
    uint32_t shard;
};

constexpr int64_t encode(const Parts &p) {
    return static_cast<int64_t>(static_cast<uint64_t>(p.index) | (static_cast<uint64_t>(p.gen) << kGenShift) |
                                (static_cast<uint64_t>(p.kind) << kKindShift) |
                                (static_cast<uint64_t>(p.shard) << kShardShift));
}

constexpr Parts decode(int64_t h) {
    const auto u = static_cast<uint64_t>(h);
    return Parts{static_cast<uint32_t>(u & kMaxIndex), static_cast<uint32_t>(u >> kGenShift),
                 static_cast<uint32_t>((u >> kKindShift) & ((1u << kKindBits) - 1)),
                 static_cast<uint32_t>((u >> kShardShift) & (kMaxShards - 1))};
}

/// True when the value has the shape of a handle at all (positive, top bits clear, a kind).
constexpr bool well_formed(int64_t h) {
    return h > 0 && (static_cast<uint64_t>(h) >> (kShardShift + kShardBits)) == 0 && decode(h).kind != 0;
}

} // namespace uringnet::handle
