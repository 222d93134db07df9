// The process-wide runtime: its shards and its instance number (epoch).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "shard.hpp"

namespace uringnet {

struct Runtime {
    uint32_t epoch = 0;
    unsigned entries = 0;
    std::vector<std::unique_ptr<Shard>> shards;

    /// Statistics of every shard and their total, as a JSON object.
    std::string stats_json() const;
};

} // namespace uringnet
