// A recording transport and fixed messages for the engine's tests: the transport accepts invitations and answers
// messages by a rule of the prospect's number, so every test knows what should happen.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/messages.hpp"
#include "transport/transport.hpp"

namespace campaign::test {

class RecordingTransport final : public transport::Transport {
public:
    std::vector<transport::Outbound> sent;
    std::set<std::string> performed;
    std::vector<core::Event> scheduled; // sorted by time when polled
    std::size_t delivered = 0;
    // Which prospects (by the number at the end of their URL) accept, reply and opt out.
    int accept_every = 2;
    int reply_every = 3;
    int opt_out_every = 7;
    bool duplicate_events = false;
    // Each send tells the prospect's member id ("ACoAAxQ" and their number), as Unipile's provider_id; with
    // `events_by_member_id`, the events name them by it alone, in a URL ".../in/ACoAAxQ7" as Unipile writes it.
    bool member_ids = false;
    bool events_by_member_id = false;
    // An answer other than sent for an action, when it gives one: a gateway's rate limit, restriction, doubt.
    std::function<std::optional<transport::SendResult>(const transport::Outbound&)> answer;
    // Called first by every call that would reach the other side: a send, a lookup, a poll.
    std::function<void()> on_reach;
    // A cursor the transport reports after each poll, and the one a run resumed it from.
    std::optional<std::string> cursor_value;
    std::optional<std::string> resumed_from;

    std::string_view name() const override { return "recording"; }

    transport::SendResult send(const transport::Outbound& action) override {
        reach();
        if (answer) {
            if (auto given = answer(action)) {
                return *given;
            }
        }
        if (performed.contains(action.idempotency_key)) {
            throw std::logic_error("sent twice: " + action.idempotency_key);
        }
        sent.push_back(action);
        performed.insert(action.idempotency_key);
        auto number = std::stoi(action.prospect.profile_url.substr(action.prospect.profile_url.rfind('p') + 1));
        auto member_id = "ACoAAxQ" + std::to_string(number);
        auto event = [&](core::EventType type, core::Duration after, std::string text) {
            core::Event made{action.idempotency_key + ":" + std::string(core::to_string(type)),
                             type,
                             action.sender,
                             events_by_member_id ? "https://www.linkedin.com/in/" + member_id
                                                 : action.prospect.profile_url,
                             action.at + after,
                             std::move(text),
                             action.idempotency_key,
                             events_by_member_id ? member_id : ""};
            schedule(made);
            if (duplicate_events) {
                schedule(made);
            }
        };
        if (action.type == core::ActionType::connect && number % accept_every == 0) {
            event(core::EventType::accepted, std::chrono::hours{20}, "");
        }
        if (action.type == core::ActionType::message && number % reply_every == 0) {
            event(core::EventType::replied, std::chrono::hours{5},
                  number % opt_out_every == 0 ? "Please remove me from your list" : "Sure, let's talk");
        }
        transport::SendResult result{transport::SendStatus::sent, "ok", "", std::nullopt};
        if (member_ids) {
            result.member_id = member_id;
        }
        return result;
    }

    // An event the other side reports on its own, at its time.
    void add_event(const core::Event& event) { schedule(event); }

    transport::Lookup lookup(const transport::Outbound& action) override {
        reach();
        if (performed.contains(action.idempotency_key)) {
            return {transport::LookupStatus::performed, {transport::SendStatus::sent, "ok", "", std::nullopt}};
        }
        return {transport::LookupStatus::not_performed, {}};
    }

    std::vector<core::Event> poll(core::Timestamp now) override {
        reach();
        std::vector<core::Event> due;
        while (delivered < scheduled.size() && scheduled[delivered].at <= now) {
            due.push_back(scheduled[delivered++]);
        }
        return due;
    }

    std::optional<transport::Cursor> cursor() const override {
        return cursor_value ? std::optional<transport::Cursor>(transport::Cursor{*cursor_value}) : std::nullopt;
    }
    void resume(const std::string& cursor) override { resumed_from = cursor; }

    std::optional<core::Timestamp> next_event_at() const override {
        if (delivered < scheduled.size()) {
            return scheduled[delivered].at;
        }
        return std::nullopt;
    }

private:
    void reach() const {
        if (on_reach) {
            on_reach();
        }
    }

    void schedule(const core::Event& event) {
        auto at = std::upper_bound(scheduled.begin() + static_cast<long>(delivered), scheduled.end(), event,
                                   [](const core::Event& a, const core::Event& b) { return a.at < b.at; });
        scheduled.insert(at, event);
    }
};

class FixedMessages final : public engine::Messages {
public:
    engine::TextResult text_for(const core::Campaign&, const core::Step& step, const std::string& template_name,
                                const core::Prospect& prospect, const core::Sender&) override {
        if (template_name == "too-long.mustache") {
            return {std::nullopt, "the connection note is 312 characters; the limit is 300"};
        }
        return {engine::Text{"", step.id + " for " + prospect.first_name}, ""};
    }
};

} // namespace campaign::test
