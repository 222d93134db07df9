// The provided-buffer ring an io_uring shard's multishot receives fill, and the start-up
// probe of multishot receive itself (core/backend_uring.cpp uses both).
#pragma once

#include <liburing.h>

#include <cstddef>
#include <cstdint>

namespace uringnet {

// un_runtime_configure_recv_buffers (by default 64 buffers of 32 KiB): the shard copies each
// chunk out (to a waiting read or the stream's stash) and gives the buffer back before the
// next CQE, so the ring only has to absorb what arrives between two reaps. Its pages are
// touched only as the kernel fills them. 32 KiB buffers keep bulk transfers near a plain
// receive's cost (8 KiB ones cost a sixth more CPU per byte on loopback: four times the
// completions).
class RecvBufferRing {
  public:
    RecvBufferRing(unsigned buffers, unsigned buffer_size) : buffers_(buffers), size_(buffer_size) {}
    /// Unmaps the buffers: only after the io_uring is gone (the kernel keeps them pinned until then).
    ~RecvBufferRing();
    RecvBufferRing(const RecvBufferRing &) = delete;
    RecvBufferRing &operator=(const RecvBufferRing &) = delete;

    /// Maps and registers the ring with ring (Linux 5.19+); false where the kernel refuses it.
    bool setup(io_uring &ring);
    /// Whether the kernel has multishot receive (Linux 6.0, no opcode of its own to probe):
    /// one is tried on a socket pair; the CQE's user_data is probe_tag.
    bool probe_multishot(io_uring &ring, uint64_t probe_tag);
    /// Prepares a multishot receive on fd that picks its buffers from this ring.
    void prep_multishot_recv(io_uring_sqe *sqe, int fd) const;
    /// The data of buffer bid (a CQE's IORING_CQE_F_BUFFER id).
    const char *buffer(unsigned bid) const { return bufs_ + size_t{bid} * size_; }
    /// Returns a buffer to the ring once its data has been copied out.
    void give_back(unsigned bid);
    /// The bytes of buffers the ring holds.
    uint64_t bytes() const { return uint64_t{buffers_} * size_; }

  private:
    static constexpr uint16_t kGroup = 0;
    const unsigned buffers_, size_;
    io_uring_buf_ring *ring_ = nullptr;
    char *bufs_ = nullptr;
    size_t mapped_ = 0;
};

} // namespace uringnet
