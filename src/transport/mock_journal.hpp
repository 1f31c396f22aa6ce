// What the simulated LinkedIn side received, kept in a file so that it outlives the process: after a kill and a
// restart, the mock transport still knows which actions were performed and which events they set off.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/campaign.hpp"
#include "core/event.hpp"
#include "core/time.hpp"
#include "transport/transport.hpp"

namespace campaign::transport {

// One performed action and the events it scheduled, as they were drawn (a later withdrawal may cancel one).
struct JournalEntry {
    std::string idempotency_key;
    core::ActionType type = core::ActionType::view_profile;
    std::string sender;
    std::string profile_url;
    core::Timestamp at{};
    SendResult result;
    std::vector<core::Event> events;
};

// Whether the database beside the journal recorded the action of this idempotency key.
using RecordedAction = std::function<bool(const std::string& idempotency_key)>;

// A JSON Lines file, one entry a line, appended to and flushed to the system before append() returns.
class MockJournal {
public:
    // Reads the entries already there and opens the file to append. A last line cut short by a kill is dropped from
    // the file; any other damage is a core::RuntimeFailure naming the path and line. With `recorded`, the last
    // entries whose actions the database does not hold are dropped too: a simulated run commits its intents several
    // at a time, and one killed before a commit leaves its last sends in the journal only, sends that the run now
    // takes again as if they had never happened.
    explicit MockJournal(std::filesystem::path path, const RecordedAction& recorded = {});

    // The entries the file held when it was opened, in the order they were written.
    std::vector<JournalEntry> take_recovered() { return std::move(m_recovered); }
    void append(const JournalEntry& entry);

private:
    struct CloseFile {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };

    std::filesystem::path m_path;
    std::vector<JournalEntry> m_recovered;
    std::unique_ptr<std::FILE, CloseFile> m_file;
};

} // namespace campaign::transport
