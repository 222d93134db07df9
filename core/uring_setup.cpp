// Making a shard's io_uring (see uring_setup.hpp).
#include "uring_setup.hpp"

#include <cerrno>

namespace uringnet {
namespace {

// A ring is never smaller than this: a linked timeout needs two entries submitted together.
constexpr unsigned kMinEntries = 4;
// The opcodes the core relies on; a kernel without one of them gets the epoll backend.
struct Opcode {
    int op;
    const char *name;
};
constexpr Opcode kNeeded[] = {
    {IORING_OP_ACCEPT, "ACCEPT"},   {IORING_OP_CONNECT, "CONNECT"},
    {IORING_OP_RECV, "RECV"},       {IORING_OP_SEND, "SEND"},
    {IORING_OP_RECVMSG, "RECVMSG"}, {IORING_OP_SENDMSG, "SENDMSG"},
    {IORING_OP_READ, "READ"},       {IORING_OP_LINK_TIMEOUT, "LINK_TIMEOUT"},
    {IORING_OP_ASYNC_CANCEL, "ASYNC_CANCEL"},
};

} // namespace

int create_ring(io_uring &ring, unsigned entries, bool sqpoll) {
    entries = entries < kMinEntries ? kMinEntries : entries;
    // Only this thread submits, and it reaps completions when it waits: let the kernel run
    // completion work then (DEFER_TASKRUN, Linux 6.1) instead of interrupting it. Older
    // kernels refuse the flags with EINVAL: retry with fewer.
    const unsigned base = IORING_SETUP_CQSIZE | (sqpoll ? IORING_SETUP_SQPOLL : 0);
    const unsigned tries[] = {sqpoll ? base : base | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN,
                              sqpoll ? base : base | IORING_SETUP_COOP_TASKRUN, base, 0};
    int rc = -EINVAL;
    for (unsigned flags : tries) {
        io_uring_params params{};
        params.flags = flags;
        params.cq_entries = entries * 4;
        rc = io_uring_queue_init_params(entries, &ring, &params);
        if (rc != -EINVAL) {
            break;
        }
    }
    return rc < 0 ? -rc : 0;
}

UringOpcodes probe_opcodes(io_uring &ring, std::string &missing) {
    UringOpcodes offered;
    io_uring_probe *probe = io_uring_get_probe_ring(&ring);
    if (probe == nullptr) {
        missing = "the opcode probe (kernel older than 5.6)";
        return offered;
    }
    for (const Opcode &o : kNeeded) {
        if (!io_uring_opcode_supported(probe, o.op)) {
            missing = o.name;
            break;
        }
    }
    offered.zero_copy = io_uring_opcode_supported(probe, IORING_OP_SEND_ZC);
    offered.multishot_accept = io_uring_opcode_supported(probe, IORING_OP_SOCKET);
    io_uring_free_probe(probe);
    return offered;
}

} // namespace uringnet
