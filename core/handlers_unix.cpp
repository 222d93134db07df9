// Handlers of the operations that pass descriptors over Unix streams (unix_send_fd,
// unix_send_handle, unix_recv_fd); the work is Shard::send_fd / recv_fd (core/shard_pass_fd.cpp).
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "handle.hpp"
#include "handlers.hpp"
#include "runtime.hpp"
#include "socket_options.hpp"

namespace uringnet::gen {
namespace {

// The stream a descriptor goes over: a live Unix stream (writable() checks its writing side); on
// failure req is completed with the error.
bool unix_stream(Shard &shard, Request &req, int64_t stream, uint32_t &index) {
    if (!find(shard, req, stream, kStream, index)) {
        return false;
    }
    if (shard.slot(index).family != AF_UNIX) {
        shard.complete(req, UN_ERR_UNSUPPORTED);
        return false;
    }
    return true;
}

bool writable(Shard &shard, Request &req, uint32_t index) {
    if (shard.slot(index).write_shut) {
        shard.complete(req, UN_ERR_BROKEN_PIPE); // after tcp_shutdown(WRITE or BOTH)
        return false;
    }
    return true;
}

// Sends the duplicate the request holds (made by the export on the calling thread, or on the
// handle's shard): the op owns it from here, and closes it when it ends.
void send_passed_fd(Shard &shard, Request &req, int64_t stream, int64_t timeout_ms) {
    uint32_t index;
    if (unix_stream(shard, req, stream, index) && writable(shard, req, index)) {
        const int fd = req.passed_fd;
        req.passed_fd = -1;
        shard.send_fd(req, index, fd, true, timeout_ms);
    } // (else the request closes it)
}

} // namespace

void handle_unix_send_fd(Shard &shard, Request &req, const UnixSendFdArgs &args) {
    send_passed_fd(shard, req, args.stream, args.timeout_ms);
}

// The handle may live on another shard than the stream (the request is routed by the
// stream): the request goes to the handle's shard, which duplicates the socket's descriptor
// (so a close of the handle meanwhile cannot take it away), and comes back to the stream's
// shard with the duplicate (Request::passed_fd).
void handle_unix_send_handle(Shard &shard, Request &req, const UnixSendHandleArgs &args) {
    Runtime &rt = shard.runtime();
    if (req.passed_fd < 0) {
        const uint32_t home = handle::decode(args.handle).shard;
        if (home != shard.id()) {
            if (home >= rt.shards.size()) {
                shard.complete(req, UN_ERR_BAD_HANDLE);
                return;
            }
            rt.shards[home]->post(&req);
            return;
        }
        uint32_t index;
        if (!find(shard, req, args.handle, kAny, index)) {
            return;
        }
        req.passed_fd = fcntl(shard.slot(index).fd, F_DUPFD_CLOEXEC, 0);
        if (req.passed_fd < 0) {
            shard.complete(req, errno_code());
            return;
        }
        const uint32_t stream_shard = handle::decode(args.stream).shard;
        if (stream_shard != shard.id() && stream_shard < rt.shards.size()) {
            rt.shards[stream_shard]->post(&req);
            return;
        }
    }
    send_passed_fd(shard, req, args.stream, args.timeout_ms);
}

void handle_unix_recv_fd(Shard &shard, Request &req, const UnixRecvFdArgs &args) {
    uint32_t index;
    if (unix_stream(shard, req, args.stream, index)) {
        shard.recv_fd(req, index, args.timeout_ms);
    }
}

} // namespace uringnet::gen
