// Shard: host-name lookups, waited for like kernel operations (see core/resolver.hpp).
#include "shard.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "handle.hpp"
#include "runtime.hpp"

#include <memory>

#include "resolver.hpp"

namespace uringnet {

// ---- host-name lookups ----
//
// A request whose address is a host name waits for a resolver thread (core/resolver.hpp)
// as a waiting op: only its deadline (the operation's timeout) is in the kernel, so a
// timeout, op_cancel or shutdown ends it like any other; an answer that comes after that
// finds no op under its id and is dropped. With the address known, the request is
// dispatched again with what is left of its timeout.

void Shard::start_lookup(Request &req) {
    // An operation on a handle (udp_send_to) waits on it: closing or cancelling the handle
    // ends the lookup too.
    uint32_t index = kNoSlot;
    if (req.handle != 0) {
        int64_t err = 0;
        if (!lookup(req.handle, kind_bit(handle::decode(req.handle).kind), index, err)) {
            complete(req, err);
            return;
        }
    }
    int64_t *timeout = gen::timeout_arg(req);
    const uint32_t id = ++next_lookup_;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    const int64_t deadline = deadline_after(now_ns(), timeout != nullptr ? *timeout : -1);
    if (!resolve_later({epoch_, id_, id, req.lookup, deadline, flag})) {
        complete(req, UN_ERR_NO_RESOURCES); // too many lookups wait already
        return;
    }
    lookup_flags_[id] = std::move(flag);
    Op *op = new_op(OpKind::lookup, &req, index, timeout != nullptr ? *timeout : -1);
    if (index != kNoSlot) {
        slots_[index].ops.push_back(op);
        op->in_slot = true;
    }
    op->lookup_id = id;
    lookups_[op->lookup_id] = op;
    bump(stats_.in_flight);
    op->to(op->deadline_ns >= 0 ? OpState::waiting_deadline : OpState::waiting);
    if (op->deadline_ns >= 0) {
        backend_->arm_deadline(op);
    }
}

void Shard::abandon_lookup(uint32_t id) {
    if (auto f = lookup_flags_.find(id); f != lookup_flags_.end()) {
        f->second->store(true);
        lookup_flags_.erase(f);
    }
}

void Shard::post_lookup_result(uint32_t id, int64_t result, const Address &address, AddressList all) {
    {
        std::lock_guard lk(mu_);
        if (exited_) {
            return; // its op was finished with SHUT_DOWN when the shard stopped
        }
        lookup_results_.push_back({id, result, address, std::move(all)});
        has_incoming_.store(true, std::memory_order_seq_cst);
    }
    wake_if_asleep();
}

void Shard::on_lookup(uint32_t id, int64_t result, const Address &address, AddressList &all) {
    auto it = lookups_.find(id);
    if (it == lookups_.end()) {
        return; // it timed out, was cancelled or the runtime is stopping
    }
    Op *op = it->second;
    if (op->canceled || op->shut_down) {
        return; // ends when its deadline is removed
    }
    lookups_.erase(it);
    lookup_flags_.erase(id);
    if (result == 0) {
        op->req->address = address;
        op->req->candidates = std::move(all);
    }
    settle(op, static_cast<int>(result), result == 0);
}

void Shard::continue_lookup(Op *op) {
    Request &req = *op->req;
    if (stopping_ || op->shut_down || op->canceled) {
        finish(op, op->canceled && !stopping_ ? UN_ERR_CANCELED : UN_ERR_SHUT_DOWN);
        return;
    }
    req.lookup.clear();
    if (int64_t *timeout = gen::timeout_arg(req); timeout != nullptr && *timeout >= 0) {
        *timeout = ms_left(op->deadline_ns);
    }
    // The op ends here without completing the request: the handler starts its own.
    if (req.op_id != 0) {
        async_ops_.erase(req.op_id);
    }
    if (op->in_slot) {
        release_slot_op(op);
    }
    free_op(op);
    gen::dispatch(*this, req);
}

} // namespace uringnet
