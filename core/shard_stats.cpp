// Shard: statistics (counters and gauges) and their JSON.
#include "shard.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "handle.hpp"
#include "runtime.hpp"

#include <array>
#include <string>

#include <nlohmann/json.hpp>

namespace uringnet {

void Shard::count_bytes(bool read, uint64_t n) { bump(read ? stats_.bytes_read : stats_.bytes_written, n); }

namespace {
// The counters a reset zeroes, in the order of Shard::baseline_.
std::array<const std::atomic<uint64_t> *, 15> counters(const ShardStats &s) {
    return {&s.requests,         &s.completed,        &s.errors,         &s.bytes_read,
            &s.bytes_written,    &s.accepts,          &s.connects,       &s.wakeups,
            &s.submit_calls,     &s.sqes,             &s.handed_over,    &s.zero_copy_sends,
            &s.multishot_accepts, &s.multishot_recvs, &s.buffer_ring_empty};
}
} // namespace

void Shard::reset_counters() {
    // Counters are written by the shard's thread only; a reset from any thread records
    // where they stand and the statistics report the difference.
    const auto cs = counters(stats_);
    for (size_t i = 0; i < cs.size(); ++i) {
        baseline_[i].store(cs[i]->load(std::memory_order_relaxed), std::memory_order_relaxed);
    }
    stats_.largest_drain.store(0, std::memory_order_relaxed);
    fast_baseline_[0].store(fast_reads_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    fast_baseline_[1].store(fast_writes_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    fast_baseline_[2].store(fast_bytes_read_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    fast_baseline_[3].store(fast_bytes_written_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    caller_waits_baseline_.store(caller_waits_.load(std::memory_order_relaxed), std::memory_order_relaxed);
}

std::string Shard::stats_json() const {
    const auto cs = counters(stats_);
    auto get = [&](const std::atomic<uint64_t> &c) {
        uint64_t v = c.load(std::memory_order_relaxed);
        for (size_t i = 0; i < cs.size(); ++i) {
            if (cs[i] == &c) {
                v -= baseline_[i].load(std::memory_order_relaxed);
            }
        }
        return v;
    };
    nlohmann::ordered_json j;
    j["shard"] = id_;
    auto fast = [&](const std::atomic<uint64_t> &c, size_t i) {
        return c.load(std::memory_order_relaxed) - fast_baseline_[i].load(std::memory_order_relaxed);
    };
    const uint64_t fr = fast(fast_reads_, 0), fw = fast(fast_writes_, 1);
    const uint64_t fbr = fast(fast_bytes_read_, 2), fbw = fast(fast_bytes_written_, 3);
    // Operations the calling threads completed themselves count like the others.
    j["requests"] = get(stats_.requests) + fr + fw;
    j["completed"] = get(stats_.completed) + fr + fw;
    j["errors"] = get(stats_.errors);
    j["bytes_read"] = get(stats_.bytes_read) + fbr;
    j["bytes_written"] = get(stats_.bytes_written) + fbw;
    j["fast_reads"] = fr;
    j["fast_writes"] = fw;
    j["caller_waits"] = caller_waits_.load(std::memory_order_relaxed) - caller_waits_baseline_.load(std::memory_order_relaxed);
    j["accepts"] = get(stats_.accepts);
    j["connects"] = get(stats_.connects);
    // Blocking calls waiting on their calling threads are operations in flight too.
    j["in_flight"] = get(stats_.in_flight) + callers_waiting_.load(std::memory_order_relaxed);
    j["open_handles"] = get(stats_.open_handles);
    j["wakeups"] = get(stats_.wakeups);
    j["submit_calls"] = get(stats_.submit_calls);
    j["sqes"] = get(stats_.sqes);
    j["largest_drain"] = get(stats_.largest_drain);
    j["handed_over"] = get(stats_.handed_over);
    j["zero_copy_sends"] = get(stats_.zero_copy_sends);
    j["registered_files"] = get(stats_.registered_files);
    j["multishot_accepts"] = get(stats_.multishot_accepts);
    j["multishot_recvs"] = get(stats_.multishot_recvs);
    j["buffer_ring_empty"] = get(stats_.buffer_ring_empty);
    return j.dump();
}

} // namespace uringnet
