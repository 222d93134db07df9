// Counters the calling threads update on their own path (reads and writes they completed,
// the waits): striped by thread, so that threads on different cores do not fight over one
// cache line for every call; readers sum the stripes.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace uringnet {

class CallerStats {
  public:
    /// calls and call_errors: every read and write a calling thread finished itself, whatever
    /// its result (reads and writes: those that moved data).
    enum Counter : size_t { reads, writes, bytes_read, bytes_written, waits, waiting, calls, call_errors, kCount };

    void add(Counter c, uint64_t n) { stripe().v[c].fetch_add(n, std::memory_order_relaxed); }
    /// Two counters at once (one look-up of this thread's stripe).
    void add(Counter c, uint64_t n, Counter d, uint64_t m) {
        Stripe &s = stripe();
        s.v[c].fetch_add(n, std::memory_order_relaxed);
        s.v[d].fetch_add(m, std::memory_order_relaxed);
    }
    void sub(Counter c, uint64_t n) { stripe().v[c].fetch_sub(n, std::memory_order_relaxed); }
    /// The sum over every thread's stripe (any thread; a counter minus its last reset).
    uint64_t sum(Counter c) const {
        uint64_t total = 0;
        for (const Stripe &s : stripes_) {
            total += s.v[c].load(std::memory_order_relaxed);
        }
        return total - baseline_[c].load(std::memory_order_relaxed);
    }
    /// Counters start again from zero (the gauge `waiting` does not).
    void reset() {
        for (size_t c = 0; c < kCount; ++c) {
            if (c != waiting) {
                baseline_[c].store(sum(static_cast<Counter>(c)) + baseline_[c].load(std::memory_order_relaxed),
                                   std::memory_order_relaxed);
            }
        }
    }

  private:
    struct alignas(64) Stripe {
        std::array<std::atomic<uint64_t>, kCount> v{};
    };
    static constexpr size_t kStripes = 16;
    static Stripe &pick(std::array<Stripe, kStripes> &stripes);
    Stripe &stripe() { return pick(stripes_); }
    std::array<Stripe, kStripes> stripes_{};
    std::array<std::atomic<uint64_t>, kCount> baseline_{};
};

} // namespace uringnet
