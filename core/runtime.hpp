// The process-wide runtime: its shards, its instance number (epoch) and the first handle
// generation it issues (above every generation an earlier runtime issued).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "shard.hpp"

namespace uringnet {

/// The connect delay (runtime_configure_connect_delay): how long a connect to a host name's
/// addresses waits for one attempt before it starts the next, in milliseconds (any thread).
int64_t connect_delay_ms();

struct Runtime {
    uint32_t epoch = 0;
    uint32_t first_gen = 1;
    unsigned entries = 0;
    std::vector<std::unique_ptr<Shard>> shards;

    /// Statistics of every shard and their total, as a JSON object.
    std::string stats_json() const;
    /// Zeroes every shard's counters (any thread).
    void reset_stats();
    /// The shard with the fewest open handles and operations in flight (any thread).
    Shard *least_loaded() const;
    /// Stops every shard: all are asked first, then each is joined.
    void stop_all();

    /// Adopted fds (tcp_adopt_*, udp_adopt) are listed while a handle owns them, so that one
    /// fd never gets two handles (which would close it twice). claim_fd is false when fd is
    /// listed already; release_fd unlists it once its handle has closed it (any thread).
    bool claim_fd(int fd);
    void release_fd(int fd);

  private:
    std::mutex adopted_mu_;
    std::unordered_set<int> adopted_;
};

} // namespace uringnet
