// What the handler files share (core/handlers*.cpp): handle kind masks and the lookup that
// completes a request with the error when its handle is not there.
#pragma once

#include <cstdint>

#include "shard.hpp"

namespace uringnet::gen {

constexpr uint32_t kListener = kind_bit(UN_HANDLE_TCP_LISTENER);
constexpr uint32_t kStream = kind_bit(UN_HANDLE_TCP_STREAM);
constexpr uint32_t kUdp = kind_bit(UN_HANDLE_UDP_SOCKET);
constexpr uint32_t kAny = kListener | kStream | kUdp;

/// Looks the handle up; on failure completes req with the error and returns false.
bool find(Shard &shard, Request &req, int64_t h, uint32_t kind_mask, uint32_t &index);

} // namespace uringnet::gen
