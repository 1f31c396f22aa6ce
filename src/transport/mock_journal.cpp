#include "transport/mock_journal.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"

namespace campaign::transport {

namespace {

using nlohmann::json;

// Thrown for a line that is not an entry; the caller knows whether that is a cut-short last line or damage.
struct BadLine {};

// A string as JSON writes it (nlohmann's dump, without escaping what is not ASCII), written out directly: a journal
// line is appended for every simulated send, and building a JSON object for each cost as much as the send itself.
void append_string(std::string& line, std::string_view text) {
    if (!core::is_valid_utf8(text)) {
        line += json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
        return;
    }
    line += '"';
    for (char c : text) {
        switch (c) {
        case '"':
            line += "\\\"";
            break;
        case '\\':
            line += "\\\\";
            break;
        case '\b':
            line += "\\b";
            break;
        case '\f':
            line += "\\f";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        case '\t':
            line += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[7];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                line += escaped;
            } else {
                line += c;
            }
        }
    }
    line += '"';
}

void append_field(std::string& line, std::string_view name, std::string_view value) {
    line += '"';
    line += name;
    line += "\":";
    append_string(line, value);
}

// One line of the journal, its keys in the order nlohmann writes an object's (sorted), so that a journal reads the same
// whichever version wrote it.
std::string line_of(const JournalEntry& entry) {
    std::string line = "{";
    append_field(line, "at", core::format_utc(entry.at));
    line += ",\"events\":[";
    for (std::size_t i = 0; i < entry.events.size(); ++i) {
        const auto& event = entry.events[i];
        line += i > 0 ? ",{" : "{";
        append_field(line, "at", core::format_utc(event.at));
        line += ',';
        append_field(line, "id", event.id);
        line += ',';
        append_field(line, "text", event.text);
        line += ',';
        append_field(line, "type", core::to_string(event.type));
        line += '}';
    }
    line += "],";
    append_field(line, "key", entry.idempotency_key);
    line += ',';
    append_field(line, "profile_url", entry.profile_url);
    line += ",\"result\":{";
    append_field(line, "response", entry.result.response);
    line += ",\"status\":\"sent\"},";
    append_field(line, "sender", entry.sender);
    line += ',';
    append_field(line, "type", core::to_string(entry.type));
    line += "}\n";
    return line;
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

core::RuntimeFailure damaged(const std::filesystem::path& path, int line) {
    core::Diagnostic damage;
    damage.location.file = path.string();
    damage.location.line = line;
    damage.message = "the mock journal is damaged: this line is not an action it recorded";
    return core::RuntimeFailure(damage.to_string());
}

} // namespace

MockJournal::MockJournal(std::filesystem::path path, const RecordedAction& recorded) : m_path(std::move(path)) {
    auto content = read_file(m_path);
    std::size_t kept = 0;            // bytes of the complete, readable lines
    std::vector<std::size_t> starts; // where each recovered entry's line starts
    int line_number = 0;
    for (std::size_t start = 0; start < content.size();) {
        auto end = content.find('\n', start);
        ++line_number;
        if (end == std::string::npos) {
            break; // the process was killed while writing this line: the action was never acknowledged
        }
        try {
            m_recovered.push_back(entry_from_line(content.substr(start, end - start)));
            starts.push_back(start);
        } catch (const BadLine&) {
            if (end + 1 < content.size()) {
                throw damaged(m_path, line_number);
            }
            break;
        }
        kept = end + 1;
        start = kept;
    }
    // Only the last entries can be ahead of the database: the ones sent since its last commit.
    while (recorded && !m_recovered.empty() && !recorded(m_recovered.back().idempotency_key)) {
        kept = starts.back();
        starts.pop_back();
        m_recovered.pop_back();
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
    auto line = line_of(entry);
    // Flushed to the system before send() returns, so that a killed run loses nothing. Not synced to the disk: like a
    // simulated run's database, a power cut may lose the last simulated actions, which nothing outside ever saw, and
    // a sync per action would make a 90-day simulation take minutes instead of seconds.
    if (std::fwrite(line.data(), 1, line.size(), m_file.get()) != line.size() || std::fflush(m_file.get()) != 0) {
        throw failure(m_path, "cannot write to");
    }
}

} // namespace campaign::transport
