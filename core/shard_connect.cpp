// Shard: tcp_connect, to one address or racing a host name's addresses (Happy Eyeballs v2,
// RFC 8305; ConnectRace in shard.hpp says who owns what).
#include "shard.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "runtime.hpp"
#include "socket_options.hpp"

namespace uringnet {
namespace {

// How telling a failed attempt's error is when every attempt failed: a refusal (something
// answered) beats an unreachable host or network, which beats any other error, which beats
// a timeout (nothing answered).
int connect_error_rank(int64_t err) {
    switch (err) {
    case UN_ERR_CONNECTION_REFUSED:
        return 4;
    case UN_ERR_HOST_UNREACHABLE:
        return 3;
    case UN_ERR_TIMED_OUT:
        return 1;
    default:
        return 2;
    }
}

void keep_most_telling(ConnectRace &race, int64_t err) {
    if (race.error == 0 || connect_error_rank(err) > connect_error_rank(race.error)) {
        race.error = err;
    }
}

} // namespace

// A literal, a Unix path, or a name with one address: one connect op. A name with more
// (localhost has two): a race.
void Shard::connect(Request &req, int64_t timeout_ms) {
    if (req.candidates.size() > 1) {
        start_race(req, timeout_ms);
        return;
    }
    const int fd = socket(req.address.family(), SOCK_STREAM | socket_flags(), 0);
    if (fd < 0) {
        complete(req, errno_code());
        return;
    }
    Op *op = new_op(OpKind::connect, &req, kNoSlot, timeout_ms);
    op->fd = fd;
    op->target = &req.address;
    start_op(op);
}

void Shard::start_race(Request &req, int64_t timeout_ms) {
    auto owned = std::make_unique<ConnectRace>();
    ConnectRace *race = owned.get();
    races_.emplace(race, std::move(owned));
    race->addrs = connect_order(req.candidates);
    Op *parent = new_op(OpKind::race, &req, kNoSlot, timeout_ms);
    parent->race = race;
    race->parent = parent;
    bump(stats_.in_flight);
    parent->to(parent->deadline_ns >= 0 ? OpState::waiting_deadline : OpState::waiting);
    if (parent->deadline_ns >= 0) {
        backend_->arm_deadline(parent);
    }
    race->busy = true;
    next_attempt(race);
    race->busy = false;
    forget_race_if_done(race);
}

// Starts the next address's attempt (the race began, the stagger timer fired or an attempt
// failed) and arms the timer for the one after it.
void Shard::next_attempt(ConnectRace *race) {
    if (race->stagger != nullptr && !race->stagger->canceled) { // an attempt failed before the delay was up: go on now
        race->stagger->canceled = true;
        backend_->cancel(race->stagger);
    }
    while (race->next < race->addrs.size()) {
        const Address &to = race->addrs[race->next++];
        const int fd = socket(to.family(), SOCK_STREAM | socket_flags(), 0);
        if (fd < 0) {
            keep_most_telling(*race, errno_code());
            continue;
        }
        Op *op = new_op(OpKind::connect, nullptr, kNoSlot, -1);
        op->fd = fd;
        op->target = &to;
        op->race = race;
        race->attempts.push_back(op);
        begin(op);
        arm_stagger(race);
        return;
    }
    fail_if_exhausted(race);
}

// The delay before the next attempt starts, counted from the one just started. While the
// cancelled timer of the one before is still out, nothing: it is armed when that comes back.
void Shard::arm_stagger(ConnectRace *race) {
    if (race->next >= race->addrs.size() || race->stagger != nullptr) {
        return;
    }
    Op *t = new_op(OpKind::timer, nullptr, kNoSlot, connect_delay_ms());
    t->race = race;
    race->stagger = t;
    bump(stats_.in_flight);
    t->to(OpState::waiting_deadline);
    backend_->arm_deadline(t);
}

// Every address was tried, every attempt failed: the request fails with the most telling error.
void Shard::fail_if_exhausted(ConnectRace *race) {
    if (race->parent != nullptr && race->parent->state != OpState::settling && race->next >= race->addrs.size() &&
        race->attempts.empty() && race->stagger == nullptr) {
        settle(race->parent, static_cast<int>(race->error != 0 ? race->error : UN_ERR_HOST_UNREACHABLE), false);
    }
}

// An attempt or the stagger timer came back from the backend.
void Shard::on_race_op(Op *op) {
    ConnectRace *race = op->race;
    race->busy = true; // what it calls may end the request (end_race): the race is forgotten here, at the end
    drop(stats_.in_flight);
    const bool racing = race->parent != nullptr && race->parent->state != OpState::settling && !op->shut_down;
    if (op->kind == OpKind::timer) {
        race->stagger = nullptr;
        const bool fired = !op->canceled;
        free_op(op);
        if (racing && fired) {
            next_attempt(race);
        } else if (racing) { // cancelled: an attempt failed and the next started meanwhile
            arm_stagger(race);
            fail_if_exhausted(race);
        }
        race->busy = false;
        forget_race_if_done(race);
        return;
    }
    race->attempts.erase(std::find(race->attempts.begin(), race->attempts.end(), op));
    const int fd = op->fd;
    op->fd = -1;
    backend_->remove_fd(fd); // add_handle registers the winner again as the stream's fd
    if (op->res == 0 && racing && !op->canceled) {
        bump(stats_.connects);
        race->family = op->target->family();
        free_op(op);
        for (Op *a : race->attempts) { // the losers end with their sockets closed
            a->canceled = true;
            backend_->cancel(a);
        }
        settle(race->parent, fd, true);
        race->busy = false;
        forget_race_if_done(race);
        return;
    }
    close(fd);
    if (!op->canceled && !op->shut_down) {
        keep_most_telling(*race, op_error(op, op->res == 0 ? -ECANCELED : op->res));
    }
    free_op(op);
    if (racing) {
        next_attempt(race);
    }
    race->busy = false;
    forget_race_if_done(race);
}

int64_t Shard::end_race(Op *parent, int64_t result) {
    ConnectRace *race = parent->race;
    race->parent = nullptr;
    for (Op *a : race->attempts) {
        if (!a->canceled) {
            a->canceled = true;
            backend_->cancel(a);
        }
    }
    if (race->stagger != nullptr && !race->stagger->canceled) {
        race->stagger->canceled = true;
        backend_->cancel(race->stagger);
    }
    if (result == UN_ERR_TIMED_OUT && race->error != 0 &&
        connect_error_rank(race->error) > connect_error_rank(UN_ERR_TIMED_OUT)) {
        result = race->error; // a refusal or unreachable address says more than the time being up
    }
    forget_race_if_done(race);
    return result;
}

void Shard::forget_race_if_done(ConnectRace *race) {
    if (!race->busy && race->parent == nullptr && race->attempts.empty() && race->stagger == nullptr) {
        races_.erase(race);
    }
}

} // namespace uringnet
