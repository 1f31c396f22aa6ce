// An events file, one JSON object a line, read as `campaign events ingest FILE.jsonl` reads it.
#include "fuzz/support.hpp"
#include "fuzz/target.hpp"
#include "transport/event_page.hpp"

CAMPAIGN_FUZZ_TARGET(events_jsonl) {
    using namespace campaign;
    bool rejected = false;
    while (!input.empty()) {
        auto end = input.find('\n');
        auto line = input.substr(0, end);
        input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            continue;
        }
        std::string problem;
        rejected = !transport::parse_event(line, problem) || rejected;
    }
    return rejected ? fuzz::Verdict::rejected : fuzz::Verdict::accepted;
}
