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

CallerStats::Stripe &CallerStats::pick(std::array<Stripe, kStripes> &stripes) {
    static std::atomic<size_t> next_thread{0};
    thread_local const size_t mine = next_thread.fetch_add(1, std::memory_order_relaxed) % kStripes;
    return stripes[mine];
}

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
    caller_stats_.reset();
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
    const uint64_t fr = caller_stats_.sum(CallerStats::reads), fw = caller_stats_.sum(CallerStats::writes);
    const uint64_t fbr = caller_stats_.sum(CallerStats::bytes_read), fbw = caller_stats_.sum(CallerStats::bytes_written);
    // Operations the calling threads completed themselves count like the others.
    const uint64_t calls = caller_stats_.sum(CallerStats::calls);
    j["requests"] = get(stats_.requests) + calls;
    j["completed"] = get(stats_.completed) + calls;
    j["errors"] = get(stats_.errors) + caller_stats_.sum(CallerStats::call_errors);
    j["bytes_read"] = get(stats_.bytes_read) + fbr;
    j["bytes_written"] = get(stats_.bytes_written) + fbw;
    j["fast_reads"] = fr;
    j["fast_writes"] = fw;
    j["caller_waits"] = caller_stats_.sum(CallerStats::waits);
    j["accepts"] = get(stats_.accepts);
    j["connects"] = get(stats_.connects);
    // Blocking calls waiting on their calling threads are operations in flight too.
    j["in_flight"] = get(stats_.in_flight) + caller_stats_.sum(CallerStats::waiting);
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
