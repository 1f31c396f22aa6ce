#include "fuzz/gateway_support.hpp"

#include <charconv>

#include "crm/ssi_files.hpp"

namespace campaign::fuzz {

core::GatewaySettings gateway_settings(core::WireProfile profile) {
    core::GatewaySettings settings;
    settings.profile = profile;
    settings.url = "https://gateway.example/v1";
    settings.api_key_env = "GATEWAY_KEY";
    settings.attempts = 2;
    settings.backoff = std::chrono::milliseconds{1};
    settings.max_backoff = std::chrono::milliseconds{2};
    settings.accounts = {{"alice", "acc-alice"}};
    return settings;
}

ScriptedClient::ScriptedClient(std::string_view input) {
    auto files = split_files(input, "200");
    for (const auto& file : files) {
        transport::HttpResponse answer;
        auto [end, error] = std::from_chars(file.name.data(), file.name.data() + file.name.size(), answer.status);
        if (error != std::errc{} || answer.status < 100 || answer.status > 599) {
            answer.status = 200;
        }
        answer.body = file.content;
        if (answer.status == 429 || answer.status == 503) {
            answer.retry_after = "1";
        }
        m_answers.push_back(std::move(answer));
    }
}

transport::HttpResponse ScriptedClient::perform(const transport::HttpRequest& /*request*/) {
    if (m_next >= m_answers.size()) {
        transport::HttpResponse none;
        none.failure = transport::Failure::not_connected;
        none.error = "Could not connect to server";
        return none;
    }
    return m_answers[m_next++];
}

namespace {

transport::Outbound action(core::ActionType type, const core::Prospect& prospect, core::Timestamp at) {
    transport::Outbound outbound;
    outbound.idempotency_key = "fuzz/1/" + std::string(core::to_string(type));
    outbound.type = type;
    outbound.sender = "alice";
    outbound.prospect = prospect;
    outbound.subject = type == core::ActionType::inmail ? "A question" : "";
    outbound.text = core::sends_text(type) ? "Hi Zoë, shall we talk?" : "";
    outbound.at = at;
    outbound.not_after = at + std::chrono::hours{8};
    return outbound;
}

} // namespace

void drive(transport::Transport& transport, Run& run) {
    auto prospect = fuzz_prospects().front();
    for (auto type : core::k_action_types) {
        auto outbound = action(type, prospect, run.clock.now());
        transport.send(outbound);
        transport.lookup(outbound);
        run.clock.advance(std::chrono::minutes{5});
    }
    transport.resume("cursor-1");
    for (int poll = 0; poll < 2; ++poll) {
        transport.poll(run.clock.now());
        transport.cursor();
        run.clock.advance(std::chrono::minutes{1});
    }
    if (auto answer = transport.fetch_ssi("alice")) {
        crm::read_fetched_ssi(*answer, "the gateway's SSI of sender 'alice'",
                              {"alice", std::chrono::floor<std::chrono::days>(run.clock.now())},
                              [](const core::SsiSnapshot&) {});
    }
}

} // namespace campaign::fuzz
