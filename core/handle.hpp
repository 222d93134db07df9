// Generational typed handles: positive int64 values that carry everything needed to
// reject a bad one without touching freed memory.
//
//   bits  0..23  slot index in the shard's registry
//   bits 24..39  slot generation (bumped when the slot is closed)
//   bits 40..43  handle kind (the spec's handle "kind" number)
//   bits 44..51  shard number
//   bits 52..61  runtime epoch (1..1023, bumped by every runtime_init)
//   bits 62..63  zero, so a handle is always positive and never looks like an error
#pragma once

#include <cstdint>

namespace uringnet::handle {

constexpr unsigned kIndexBits = 24, kGenBits = 16, kKindBits = 4, kShardBits = 8, kEpochBits = 10;
constexpr unsigned kGenShift = kIndexBits;
constexpr unsigned kKindShift = kGenShift + kGenBits;
constexpr unsigned kShardShift = kKindShift + kKindBits;
constexpr unsigned kEpochShift = kShardShift + kShardBits;
constexpr uint32_t kMaxIndex = (1u << kIndexBits) - 1;
constexpr uint32_t kGenMask = (1u << kGenBits) - 1;
constexpr uint32_t kMaxEpoch = (1u << kEpochBits) - 1;

struct Parts {
    uint32_t index;
    uint32_t gen;
    uint32_t kind;
    uint32_t shard;
    uint32_t epoch;
};

constexpr int64_t encode(const Parts &p) {
    return static_cast<int64_t>(static_cast<uint64_t>(p.index) |
                                (static_cast<uint64_t>(p.gen & kGenMask) << kGenShift) |
                                (static_cast<uint64_t>(p.kind) << kKindShift) |
                                (static_cast<uint64_t>(p.shard) << kShardShift) |
                                (static_cast<uint64_t>(p.epoch) << kEpochShift));
}

constexpr Parts decode(int64_t h) {
    const auto u = static_cast<uint64_t>(h);
    return Parts{static_cast<uint32_t>(u & kMaxIndex),
                 static_cast<uint32_t>((u >> kGenShift) & kGenMask),
                 static_cast<uint32_t>((u >> kKindShift) & ((1u << kKindBits) - 1)),
                 static_cast<uint32_t>((u >> kShardShift) & ((1u << kShardBits) - 1)),
                 static_cast<uint32_t>((u >> kEpochShift) & kMaxEpoch)};
}

/// True when the value has the shape of a handle at all (positive, epoch set, top bits clear).
constexpr bool well_formed(int64_t h) {
    return h > 0 && (static_cast<uint64_t>(h) >> (kEpochShift + kEpochBits)) == 0 &&
           decode(h).epoch != 0;
}

} // namespace uringnet::handle
