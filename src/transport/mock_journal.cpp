#include "transport/mock_journal.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"

namespace campaign::transport {

namespace {

using nlohmann::json;

// Thrown for a line that is not an entry; the caller knows whether that is a cut-short last line or damage.
struct BadLine {};

json to_json(const JournalEntry& entry) {
    auto events = json::array();
    for (const auto& event : entry.events) {
        events.push_back({{"id", event.id},
                          {"type", core::to_string(event.type)},
                          {"at", core::format_utc(event.at)},
                          {"text", event.text}});
    }
    return {{"key", entry.idempotency_key},
            {"type", core::to_string(entry.type)},
            {"sender", entry.sender},
            {"profile_url", entry.profile_url},
            {"at", core::format_utc(entry.at)},
            {"result", {{"status", "sent"}, {"response", entry.result.response}}},
            {"events", events}};
}

core::Timestamp timestamp(const json& value) {
    auto parsed = core::parse_utc(value.get<std::string>());
    if (!parsed) {
        throw BadLine{};
    }
    return *parsed;
}

core::Event event_from_json(const json& value, const JournalEntry& entry) {
    core::Event event;
    event.id = value.at("id").get<std::string>();
    auto type = core::parse_event_type(value.at("type").get<std::string>());
    if (!type) {
        throw BadLine{};
    }
    event.type = *type;
    event.sender = entry.sender;
    event.profile_url = entry.profile_url;
    event.at = timestamp(value.at("at"));
    event.text = value.at("text").get<std::string>();
    event.idempotency_key = entry.idempotency_key;
    return event;
}

JournalEntry entry_from_line(const std::string& line) {
    try {
        auto value = json::parse(line);
        JournalEntry entry;
        entry.idempotency_key = value.at("key").get<std::string>();
        auto type = core::parse_action_type(value.at("type").get<std::string>());
        if (!type || value.at("result").at("status") != "sent") {
            throw BadLine{};
        }
        entry.type = *type;
        entry.sender = value.at("sender").get<std::string>();
        entry.profile_url = value.at("profile_url").get<std::string>();
        entry.at = timestamp(value.at("at"));
        entry.result.status = SendStatus::sent;
        entry.result.response = value.at("result").at("response").get<std::string>();
        for (const auto& event : value.at("events")) {
            entry.events.push_back(event_from_json(event, entry));
        }
        return entry;
    } catch (const json::exception&) {
        throw BadLine{};
    }
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        return {}; // a journal that does not exist yet
    }
    std::ostringstream content;
    content << input.rdbuf();
    return content.str();
}

core::RuntimeFailure failure(const std::filesystem::path& path, const std::string& what) {
    return core::RuntimeFailure(what + " the mock journal " + path.string() + ": " + std::strerror(errno));
}

} // namespace

MockJournal::MockJournal(std::filesystem::path path) : m_path(std::move(path)) {
    auto content = read_file(m_path);
    std::size_t kept = 0; // bytes of the complete, readable lines
    int line_number = 0;
    for (std::size_t start = 0; start < content.size();) {
        auto end = content.find('\n', start);
        ++line_number;
        if (end == std::string::npos) {
            break; // the process was killed while writing this line: the action was never acknowledged
        }
        try {
            m_recovered.push_back(entry_from_line(content.substr(start, end - start)));
        } catch (const BadLine&) {
            if (end + 1 < content.size()) {
                core::Diagnostic damage{{m_path.string(), line_number, 0},
                                        "the mock journal is damaged: this line is not an action it recorded"};
                throw core::RuntimeFailure(damage.to_string());
            }
            break;
        }
        kept = end + 1;
        start = kept;
    }
    // What comes after the last good line would run into the next entry appended.
    if (kept < content.size()) {
        std::error_code error;
        std::filesystem::resize_file(m_path, kept, error);
        if (error) {
            throw core::RuntimeFailure("cannot repair the mock journal " + m_path.string() + ": " + error.message());
        }
    }
    m_file.reset(std::fopen(m_path.c_str(), "ab"));
    if (!m_file) {
        throw failure(m_path, "cannot open");
    }
}

void MockJournal::append(const JournalEntry& entry) {
    auto line = to_json(entry).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    // Flushed to the system before send() returns, so that a killed run loses nothing. Not synced to the disk: like a
    // simulated run's database, a power cut may lose the last simulated actions, which nothing outside ever saw, and
    // a sync per action would make a 90-day simulation take minutes instead of seconds.
    if (std::fwrite(line.data(), 1, line.size(), m_file.get()) != line.size() || std::fflush(m_file.get()) != 0) {
        throw failure(m_path, "cannot write to");
    }
}

} // namespace campaign::transport
