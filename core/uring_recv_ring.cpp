// The provided-buffer ring, registered by hand (liburing 2.3 has no io_uring_setup_buf_ring):
// one mapping holds the ring of buffer descriptors, then the buffers.
#include "uring_recv_ring.hpp"

#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

namespace uringnet {

RecvBufferRing::~RecvBufferRing() {
    if (ring_ != nullptr) {
        munmap(ring_, mapped_);
    }
}

bool RecvBufferRing::setup(io_uring &ring) {
    const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    const size_t descriptors = (buffers_ * sizeof(io_uring_buf) + page - 1) / page * page;
    mapped_ = descriptors + size_t{buffers_} * size_;
    void *mem = mmap(nullptr, mapped_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
        return false;
    }
    io_uring_buf_reg reg{};
    reg.ring_addr = reinterpret_cast<uint64_t>(mem);
    reg.ring_entries = buffers_;
    reg.bgid = kGroup;
    ring_ = static_cast<io_uring_buf_ring *>(mem);
    io_uring_buf_ring_init(ring_);
    if (io_uring_register_buf_ring(&ring, &reg, 0) != 0) {
        munmap(mem, mapped_);
        ring_ = nullptr;
        return false;
    }
    bufs_ = static_cast<char *>(mem) + descriptors;
    for (unsigned i = 0; i < buffers_; ++i) {
        io_uring_buf_ring_add(ring_, bufs_ + size_t{i} * size_, size_, static_cast<unsigned short>(i),
                              io_uring_buf_ring_mask(buffers_), static_cast<int>(i));
    }
    io_uring_buf_ring_advance(ring_, static_cast<int>(buffers_));
    return true;
}

// Arm one on a socket pair, send a byte and close the sender. A kernel that knows multishot
// receive reports the byte with IORING_CQE_F_MORE, then the end of the stream; an older one
// refuses it at once.
bool RecvBufferRing::probe_multishot(io_uring &ring, uint64_t probe_tag) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        return false;
    }
    io_uring_sqe *sqe = io_uring_get_sqe(&ring);
    prep_multishot_recv(sqe, sv[0]);
    io_uring_sqe_set_data64(sqe, probe_tag);
    bool works = false, ended = false;
    if (io_uring_submit(&ring) == 1 && send(sv[1], "x", 1, MSG_NOSIGNAL) == 1) {
        close(sv[1]);
        sv[1] = -1;
        for (int i = 0; i < 4 && !ended; ++i) {
            __kernel_timespec wait{1, 0};
            io_uring_cqe *cqe = nullptr;
            if (io_uring_wait_cqe_timeout(&ring, &cqe, &wait) != 0) {
                break;
            }
            works = works || (cqe->res == 1 && (cqe->flags & IORING_CQE_F_MORE) != 0);
            ended = (cqe->flags & IORING_CQE_F_MORE) == 0;
            if (cqe->flags & IORING_CQE_F_BUFFER) {
                give_back(cqe->flags >> IORING_CQE_BUFFER_SHIFT);
            }
            io_uring_cqe_seen(&ring, cqe);
        }
    }
    if (sv[1] >= 0) {
        close(sv[1]);
    }
    close(sv[0]);
    return works && ended;
}

void RecvBufferRing::prep_multishot_recv(io_uring_sqe *sqe, int fd) const {
    io_uring_prep_recv_multishot(sqe, fd, nullptr, 0, 0);
    sqe->flags |= IOSQE_BUFFER_SELECT;
    sqe->buf_group = kGroup;
}

void RecvBufferRing::give_back(unsigned bid) {
    io_uring_buf_ring_add(ring_, bufs_ + size_t{bid} * size_, size_, static_cast<unsigned short>(bid),
                          io_uring_buf_ring_mask(buffers_), 0);
    io_uring_buf_ring_advance(ring_, 1);
}

} // namespace uringnet
