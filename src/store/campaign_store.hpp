// Campaigns and the versions of their definitions, the senders they act through, and the runs that played them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/campaign.hpp"
#include "core/enrollment.hpp"
#include "store/database.hpp"

namespace campaign::store {

struct CampaignVersion {
    core::RowId campaign_id = 0;
    core::RowId version_id = 0;
    int version = 0;
    std::string digest;
    std::string definition; // the campaign file's text
    std::string source;     // the path it was read from
};

struct RegisteredVersion {
    CampaignVersion current;
    bool is_new = false;                     // this definition was not stored before
    std::optional<CampaignVersion> previous; // the latest version before this one
};

struct SenderRow {
    core::RowId id = 0;
    std::string name;
    std::string display_name;
    std::string timezone;
    std::optional<core::Timestamp> paused_at;
    std::string pause_reason;
    std::optional<core::Timestamp> held_until; // a gateway's rate limit
};

// A limit of the account for one type of action (LinkedIn's weekly invitations): no action of the type goes before
// `until`.
struct ActionHold {
    core::ActionType type = core::ActionType::connect;
    core::Timestamp until{};
    std::string reason;
};

struct RunRow {
    core::RowId id = 0;
    std::string transport;
    std::string clock; // simulated or wall
    std::uint64_t seed = 0;
    core::Timestamp started_at{};
    core::Timestamp reached_at{};
};

class CampaignStore {
public:
    explicit CampaignStore(Database& database);
    ~CampaignStore();
    CampaignStore(const CampaignStore&) = delete;
    CampaignStore& operator=(const CampaignStore&) = delete;

    // The campaign's version with this digest, stored as the next version when it is new.
    RegisteredVersion register_version(const std::string& name, const std::string& digest,
                                       const std::string& definition, const std::string& source, core::Timestamp now);
    std::optional<core::RowId> find_campaign(const std::string& name);
    std::vector<std::pair<core::RowId, std::string>> campaigns(); // id and name, by name
    std::optional<CampaignVersion> latest_version(core::RowId campaign_id);
    std::optional<CampaignVersion> version(core::RowId version_id);
    // The campaign's versions that still have active enrollments.
    std::vector<CampaignVersion> versions_in_use(core::RowId campaign_id);

    // Creates the sender or updates its name and zone; a pause stays.
    core::RowId register_sender(const core::Sender& sender);
    std::vector<SenderRow> senders();
    std::optional<SenderRow> find_sender(const std::string& name);
    void pause_sender(core::RowId id, core::Timestamp at, const std::string& reason);
    bool resume_sender(const std::string& name);
    // Until when a gateway asked the sender to wait.
    void hold_sender(core::RowId id, core::Timestamp until);
    // Until when the sender's actions of a type wait for a limit of its account, and why.
    void hold_actions(core::RowId id, const ActionHold& hold);
    // The holds of a sender that end after `now`, by type.
    std::vector<ActionHold> action_holds(core::RowId id, core::Timestamp now);

    core::RowId begin_run(const RunRow& run);
    void end_run(core::RowId id, core::Timestamp reached_at, core::Timestamp stopped_at, const std::string& reason);
    // Where the last simulated run's clock stopped.
    std::optional<core::Timestamp> last_simulated_time();
    std::optional<RunRow> latest_run();

    // Where polling `source` (a gateway) for events has got to.
    std::optional<std::string> event_cursor(const std::string& source);
    void save_event_cursor(const std::string& source, const std::string& cursor, core::Timestamp at);

private:
    struct Statements;

    Database& m_database;
    std::unique_ptr<Statements> m_statements; // prepared when first used
};

} // namespace campaign::store
