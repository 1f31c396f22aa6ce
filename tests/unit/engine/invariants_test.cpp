// Invariants 1 to 3 over many seeds: two campaigns share senders in three time zones, two of them warming up and all
// with holidays and a month's InMail credits, one campaign reaching prospects in their own hours too, run on the mock
// transport across the spring and autumn daylight-saving changes, and the action log is checked afterwards in SQL
// and against the day's effective limits.
#include <SQLiteCpp/SQLiteCpp.h>
#include <array>
#include <catch2/catch.hpp>
#include <map>

#include "engine/engine.hpp"
#include "fakes.hpp"
#include "fixture.hpp"
#include "schedule/calendar.hpp"
#include "schedule/limits.hpp"
#include "schedule/prospect_time.hpp"
#include "store/prospect_store.hpp"
#include "transport/mock_transport.hpp"
#include "unit/store/temp_folder.hpp"

using namespace campaign;
using namespace std::chrono_literals;

namespace {

constexpr int k_inmail_credits = 4;

// Where the prospects are: three zones and an unknown one.
constexpr std::array<const char*, 4> k_locations{"Greater Chicago Area", "Berlin, Germany",
                                                 "Mumbai, Maharashtra, India", "Remote"};

core::WorkingHours prospect_hours() {
    core::WorkingHours hours;
    hours.days = {false, true, true, true, true, true, false};
    hours.from_minute = 9 * 60;
    hours.to_minute = 17 * 60;
    return hours;
}

core::Sender sender(std::string id, std::string zone, int from_minute, int to_minute) {
    core::Sender made;
    made.id = std::move(id);
    made.timezone = std::move(zone);
    made.working_hours.days = {false, true, true, true, true, true, false};
    made.working_hours.from_minute = from_minute;
    made.working_hours.to_minute = to_minute;
    made.limits = core::default_limits(core::AccountType::premium);
    made.limits.per_day[core::ActionType::view_profile] = 9;
    made.limits.per_day[core::ActionType::connect] = 5;
    made.limits.per_day[core::ActionType::message] = 7;
    made.limits.invitations_per_week = 18;
    made.limits.inmails_per_month = k_inmail_credits;
    made.pacing = {2min, 9min};
    return made;
}

core::Step step(std::string id, core::ActionType type, core::Duration after = {}) {
    core::Step made;
    made.id = std::move(id);
    made.type = type;
    made.after = after;
    made.template_name = core::sends_text(type) ? "text.mustache" : "";
    return made;
}

core::Branch branch(core::Outcome on, std::string target, std::optional<core::Duration> within = std::nullopt) {
    core::Branch made;
    made.on = on;
    made.target = std::move(target);
    made.within = within;
    return made;
}

int day_number(const char* text) {
    return static_cast<int>(core::parse_day(text)->time_since_epoch().count());
}

// Paris warms up from its first action and takes days off around both changes of its clocks; New York keeps the
// US holidays and withdraws invitations pending too long; Kolkata warms up from a day of its own.
std::vector<core::Sender> senders() {
    auto paris = sender("paris", "Europe/Paris", 9 * 60, 17 * 60 + 30);
    paris.warmup = core::Warmup{std::nullopt, 3, 2};
    paris.holidays.days = {day_number("2026-03-04"), day_number("2026-03-30"), day_number("2026-10-21"),
                           day_number("2026-10-26")};
    auto new_york = sender("new-york", "America/New_York", 8 * 60 + 30, 17 * 60);
    new_york.holidays.days = {day_number("2026-03-17"), day_number("2026-11-11"), day_number("2026-11-26")};
    new_york.withdraw_invitations_after = 9 * 24h;
    new_york.limits.per_day[core::ActionType::withdraw_invite] = 3;
    auto kolkata = sender("kolkata", "Asia/Kolkata", 10 * 60, 18 * 60);
    kolkata.warmup = core::Warmup{day_number("2026-03-05"), 2, 1};
    return {paris, new_york, kolkata};
}

// Both campaigns use the same three senders; each reaches its own tag. Alpha's last touch is an InMail; beta
// reaches its prospects in their own hours too.
core::Campaign campaign_for(const std::string& id) {
    core::Campaign campaign;
    campaign.id = id;
    campaign.senders = senders();
    campaign.audience.tags = {id};
    auto invite = step("invite", core::ActionType::connect, 12h);
    invite.branches = {branch(core::Outcome::accepted, "hello"), branch(core::Outcome::not_accepted, "end", 7 * 24h)};
    auto hello = step("hello", core::ActionType::message, 6h);
    hello.branches = {branch(core::Outcome::replied, "end"), branch(core::Outcome::no_reply, "again", 3 * 24h)};
    campaign.steps = {step("look", core::ActionType::view_profile), invite, hello,
                      step("again", id == "alpha" ? core::ActionType::inmail : core::ActionType::message)};
    if (id == "beta") {
        campaign.prospect_hours = prospect_hours();
    }
    return campaign;
}

int query(SQLite::Database& db, const std::string& sql) {
    return db.execAndGet(sql).getInt();
}

void check_invariants(const std::filesystem::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    // 1. Per sender, type and local day, across both campaigns; at_local's date is the sender's calendar day.
    CHECK(query(db,
                "SELECT count(*) FROM (SELECT sender_id, type, substr(at_local, 1, 10), count(*) AS n FROM actions"
                " WHERE state <> 'failed' GROUP BY 1, 2, 3 HAVING n > CASE type WHEN 'connect' THEN 5"
                " WHEN 'message' THEN 7 WHEN 'view_profile' THEN 9 WHEN 'inmail' THEN 5 WHEN 'withdraw_invite' THEN 3"
                " ELSE 0 END)") == 0);
    // The month's InMail credits, on the sender's calendar.
    CHECK(query(db, "SELECT count(*) FROM (SELECT sender_id, substr(at_local, 1, 7) FROM actions WHERE type = 'inmail'"
                    " AND state <> 'failed' GROUP BY 1, 2 HAVING count(*) > " +
                        std::to_string(k_inmail_credits) + ")") == 0);
    CHECK(query(db, "SELECT count(*) FROM actions WHERE type = 'inmail' AND state = 'sent'") > 0);
    CHECK(query(db, "SELECT count(*) FROM actions a WHERE a.type = 'connect' AND a.state <> 'failed' AND"
                    " (SELECT count(*) FROM actions b WHERE b.sender_id = a.sender_id AND b.type = 'connect'"
                    " AND b.state <> 'failed' AND b.at_utc <= a.at_utc"
                    " AND b.at_utc > strftime('%Y-%m-%dT%H:%M:%SZ', a.at_utc, '-7 days')) > 18") == 0);
    // 2. Inside working days and hours, in local time: at_local is "YYYY-MM-DDTHH:MM:SS+HH:MM".
    CHECK(query(db,
                "SELECT count(*) FROM actions a JOIN senders s ON s.id = a.sender_id WHERE a.state <> 'failed' AND ("
                " strftime('%w', substr(a.at_local, 1, 10)) IN ('0', '6') OR"
                " substr(a.at_local, 12, 5) < CASE s.name WHEN 'paris' THEN '09:00' WHEN 'new-york' THEN '08:30'"
                " ELSE '10:00' END OR"
                " substr(a.at_local, 12, 5) >= CASE s.name WHEN 'paris' THEN '17:30' WHEN 'new-york' THEN '17:00'"
                " ELSE '18:00' END)") == 0);
    // 3. Nothing after a reply in the campaign (an away notice is none), nothing while the prospect said they were
    // away (a day's margin for the sender's zone), nothing to a suppressed prospect after it was suppressed.
    CHECK(query(db, "SELECT count(*) FROM actions a JOIN events e ON e.enrollment_id = a.enrollment_id"
                    " JOIN replies r ON r.event_id = e.id"
                    " WHERE e.type = 'replied' AND r.class <> 'out_of_office' AND a.at_utc > e.occurred_at") == 0);
    CHECK(query(db, "SELECT count(*) FROM actions a JOIN events e ON e.enrollment_id = a.enrollment_id"
                    " JOIN replies r ON r.event_id = e.id WHERE r.class = 'out_of_office' AND r.until IS NOT NULL"
                    " AND a.at_utc > e.occurred_at AND substr(a.at_utc, 1, 10) < date(r.until, '-1 day')") == 0);
    CHECK(query(db, "SELECT count(*) FROM events e LEFT JOIN replies r ON r.event_id = e.id"
                    " WHERE e.type = 'replied' AND r.event_id IS NULL") == 0);
    CHECK(query(db, "SELECT count(*) FROM actions a JOIN prospects p ON p.id = a.prospect_id"
                    " JOIN suppressions s ON s.kind = 'profile' AND s.value = p.profile_url"
                    " WHERE a.at_utc > s.created_at") == 0);
    // New York's invitations pending 9 days are withdrawn: never one accepted before, never sooner, never while its
    // campaign still had a step for the prospect.
    CHECK(query(db, "SELECT count(*) FROM actions WHERE step = 'withdraw:pending' AND state = 'sent'") > 0);
    CHECK(query(db, "SELECT count(*) FROM actions w JOIN events e ON e.prospect_id = w.prospect_id"
                    " AND e.sender_id = w.sender_id AND e.type = 'accepted' AND e.occurred_at <= w.at_utc"
                    " WHERE w.step = 'withdraw:pending' AND w.state <> 'failed'") == 0);
    CHECK(query(db, "SELECT count(*) FROM actions w JOIN actions c ON c.enrollment_id = w.enrollment_id"
                    " AND c.type = 'connect' WHERE w.step = 'withdraw:pending'"
                    " AND julianday(w.at_utc) - julianday(c.at_utc) < 9") == 0);
    CHECK(query(db, "SELECT count(*) FROM actions w JOIN actions a ON a.enrollment_id = w.enrollment_id"
                    " AND a.at_utc > w.at_utc WHERE w.step = 'withdraw:pending'") == 0);
    // 4. One row per (enrollment, step), and nothing left in flight.
    CHECK(query(db, "SELECT count(*) FROM actions WHERE state = 'sending'") == 0);
    CHECK(query(db, "SELECT count(*) FROM actions") > 100);
    // The run did meet what the checks are about.
    CHECK(query(db, "SELECT count(*) FROM events WHERE type = 'replied'") > 0);
    CHECK(query(db, "SELECT count(*) FROM suppressions") > 0);
    CHECK(query(db, "SELECT count(*) FROM actions WHERE attempts > 1 AND state = 'sent'") > 0); // retried
}

// The limits of each day as the warm-up lowers them, the week's invitations, and no action on a holiday: checked
// action by action against the schedule's own rules, on the sender's calendar.
void check_effective_limits(const std::filesystem::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    int binding_ramp_days = 0;
    for (auto sender : senders()) {
        INFO("sender " << sender.id);
        schedule::SenderCalendar calendar(sender);
        SQLite::Statement rows(db,
                               "SELECT a.type, a.at_utc, a.state FROM actions a JOIN senders s ON s.id = a.sender_id"
                               " WHERE s.name = ? ORDER BY a.at_utc");
        rows.bind(1, sender.id);
        std::map<std::pair<core::ActionType, schedule::LocalDay>, int> per_day;
        std::vector<core::Timestamp> invitations;
        while (rows.executeStep()) {
            auto type = *core::parse_action_type(rows.getColumn(0).getString());
            auto at = *core::parse_utc(rows.getColumn(1).getString());
            auto day = calendar.local_day(at);
            CHECK_FALSE(sender.holidays.days.contains(day));
            auto state = rows.getColumn(2).getString();
            if (state != "sent" && state != "sending" && state != "in_doubt") {
                continue;
            }
            if (sender.warmup && !sender.first_action_day) {
                sender.first_action_day = day;
            }
            auto used = ++per_day[{type, day}];
            auto limit = schedule::day_limit(sender, type, day);
            REQUIRE(limit);
            CHECK(used <= *limit);
            binding_ramp_days += used == *limit && schedule::limit_share(sender, day) < 1.0 ? 1 : 0;
            if (type == core::ActionType::connect) {
                invitations.push_back(at);
                auto in_week = std::count_if(invitations.begin(), invitations.end(),
                                             [at](core::Timestamp other) { return other > at - 7 * 24h; });
                CHECK(in_week <= schedule::week_invitation_limit(sender, day));
            }
        }
    }
    CHECK(binding_ramp_days > 0); // the warm-ups did hold work back
}

// Every step of the campaign with prospect hours went inside them (a withdrawal reaches nobody and goes in the
// sender's hours alone), where the prospect's zone is known and their
// hours meet the sender's.
void check_prospect_hours(const std::filesystem::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    schedule::ProspectHours hours(prospect_hours());
    std::map<std::string, schedule::SenderCalendar> calendars;
    for (const auto& one : senders()) {
        calendars.emplace(one.id, schedule::SenderCalendar(one));
    }
    SQLite::Statement rows(db, "SELECT s.name, p.location, a.at_utc FROM actions a JOIN senders s ON s.id = a.sender_id"
                               " JOIN prospects p ON p.id = a.prospect_id JOIN campaigns c ON c.id = a.campaign_id"
                               " WHERE c.name = 'beta' AND a.state <> 'failed' AND a.step <> 'withdraw:pending'");
    int in_their_hours = 0;
    while (rows.executeStep()) {
        core::Prospect prospect;
        prospect.location = rows.getColumn(1).getString();
        auto at = *core::parse_utc(rows.getColumn(2).getString());
        auto zone = schedule::prospect_zone(prospect);
        if (!zone) {
            continue;
        }
        INFO(rows.getColumn(0).getString() << " to a prospect in " << *zone << " at " << core::format_utc(at));
        auto shared = hours.next_shared(calendars.at(rows.getColumn(0).getString()), *zone, at);
        CHECK((!shared || *shared == at));
        in_their_hours += shared ? 1 : 0;
    }
    CHECK(in_their_hours > 0);
}

} // namespace

TEST_CASE("randomized: limits, hours, replies and suppression hold over seeds and DST changes", "[engine][invariant]") {
    for (const char* start : {"2026-03-02T00:00:00Z", "2026-10-19T00:00:00Z"}) {
        for (std::uint64_t seed = 1; seed <= 4; ++seed) {
            INFO("start " << start << ", seed " << seed);
            test::TempFolder folder;
            auto path = folder / "campaign.db";
            store::Database database(path, store::OpenMode::create);
            core::ManualClock clock(*core::parse_utc(start));
            {
                store::ProspectStore prospects(database);
                store::Transaction transaction(database);
                for (int i = 0; i < 90; ++i) {
                    core::Prospect prospect;
                    prospect.profile_url = "https://linkedin.com/in/p" + std::to_string(i);
                    prospect.tags = {i % 2 == 0 ? "alpha" : "beta"};
                    prospect.location = k_locations[static_cast<std::size_t>(i / 2) % k_locations.size()];
                    prospect.created_at = prospect.updated_at = clock.now();
                    prospects.insert(prospect);
                }
                transaction.commit();
            }
            core::MockModel model{core::default_outcome_rates(), {}, std::nullopt};
            model.base.accept = 0.6;
            model.base.reply = 0.5;
            model.base.opt_out = 0.3;
            model.base.failure = 0.05;
            transport::MockTransport transport(model, seed);
            test::FixedMessages messages;
            core::SeededRandom random(seed);
            engine::RunObserver observer;
            engine::Engine engine(database, transport, messages, random, observer);
            engine.read_replies_with(campaign::test::built_in_triage());
            auto alpha = campaign_for("alpha");
            auto beta = campaign_for("beta");
            engine.load(
                {{alpha, "alpha", "alpha.yaml"}, {beta, "beta", "beta.yaml"}},
                [](const std::string&, const std::string&) -> core::Campaign { throw std::logic_error("old"); },
                clock.now());
            engine.enroll(clock.now());
            engine::SimulatedWaiter waiter(clock);
            std::atomic<bool> stop{false};
            engine.run(clock, waiter, {clock.now() + 40 * 24h, false}, stop);
            check_invariants(path);
            check_effective_limits(path);
            check_prospect_hours(path);
        }
    }
}
