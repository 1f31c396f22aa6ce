// Senders' SSI histories with effects planted in them, written to a fresh database for the SSI report's tests, and
// kept beside it so that a test can work out the report's numbers from the days themselves. Pillars move in steps of
// 1/16, which doubles hold exactly, so that a change computed by hand is the report's change to the last bit.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>

#include "core/ssi.hpp"
#include "core/time.hpp"
#include "report/ssi_report.hpp"
#include "store/database.hpp"
#include "store/ssi_store.hpp"
#include "unit/store/temp_folder.hpp"

namespace campaign::test {

inline core::Day ssi_day(std::string_view text) {
    return core::parse_day(text).value();
}

// A Monday.
inline const core::Day k_ssi_first = ssi_day("2026-08-03");

struct SsiHistory {
    std::string sender;
    core::Day first{};
    int days = 0;
    std::map<core::Day, std::array<double, 4>> levels; // the days with a snapshot
    std::map<std::pair<core::Day, core::Activity>, std::int64_t> counts;

    std::optional<double> level(core::Day day, core::Measure measure) const {
        auto found = levels.find(day);
        if (found == levels.end()) {
            return std::nullopt;
        }
        const auto& pillars = found->second;
        return measure == core::Measure::total ? pillars[0] + pillars[1] + pillars[2] + pillars[3]
                                               : pillars[static_cast<std::size_t>(measure)];
    }
    std::int64_t count(core::Day day, core::Activity activity) const {
        auto found = counts.find({day, activity});
        return found == counts.end() ? 0 : found->second;
    }
};

// `days` days from `first`, with a snapshot on each but the day numbers in `missing` (0 is `first`):
// - posts (on about a third of the days) take 0.125 each off the brand the same day; Mondays add 0.0625;
// - people never moves, so its correlations are undefined;
// - comments add 0.0625 each to insights two days later;
// - accepted connections (fewer at weekends) add 0.125 each to relationships the next day;
// each pillar with some noise of its own.
inline SsiHistory planted_history(std::string sender, int days, unsigned seed, std::set<int> missing = {},
                                  core::Day first = k_ssi_first) {
    SsiHistory history{std::move(sender), first, days, {}, {}};
    std::minstd_rand random(seed);
    auto draw = [&random](unsigned below) { return static_cast<int>(random() % below); };
    std::array<double, 4> levels{15, 12, 10, 12};
    std::vector<int> accepted;
    std::vector<int> comments;
    for (int i = 0; i < days; ++i) {
        auto day = first + std::chrono::days{i};
        int weekday = core::weekday_index(day);
        accepted.push_back(weekday >= 5 ? draw(2) : draw(5));
        int posts = draw(3) == 0 ? 1 : 0;
        comments.push_back(draw(4));
        if (i > 0) {
            levels[0] += -0.125 * posts + 0.0625 * (draw(3) - 1) + (weekday == 0 ? 0.0625 : 0);
            levels[2] +=
                (i >= 2 ? 0.0625 * comments[static_cast<std::size_t>(i - 2)] : 0) - 0.09375 + 0.0625 * (draw(5) - 2);
            levels[3] += 0.125 * accepted[static_cast<std::size_t>(i - 1)] - 0.1875 + 0.125 * (draw(5) - 2);
        }
        for (double level : levels) {
            if (level < 0 || level > 25) {
                throw std::logic_error("a planted pillar left 0..25: choose another seed");
            }
        }
        if (!missing.contains(i)) {
            history.levels[day] = levels;
        }
        for (auto [activity, count] :
             {std::pair{core::Activity::connections_accepted, accepted.back()}, std::pair{core::Activity::posts, posts},
              std::pair{core::Activity::comments, comments.back()}}) {
            if (count > 0) {
                history.counts[{day, activity}] = count;
            }
        }
    }
    return history;
}

struct SsiDatabase {
    TempFolder folder;
    store::Database database{folder / "campaign.db", store::OpenMode::create};
    store::SsiStore ssi{database};

    void snapshot(const std::string& sender, core::Day day, std::array<double, 4> pillars) {
        core::SsiSnapshot snapshot;
        snapshot.sender = sender;
        snapshot.day = day;
        snapshot.pillars = pillars;
        snapshot.total = core::pillar_sum(snapshot);
        snapshot.source = "csv";
        ssi.record(snapshot, core::parse_utc("2027-01-01T00:00:00Z").value());
    }

    void activity(const std::string& sender, core::Day day, core::Activity activity, std::int64_t count) {
        ssi.add_activity(sender, {day, activity, count}, "activity.csv");
    }

    void add(const SsiHistory& history) {
        store::Transaction transaction(database);
        for (const auto& [day, pillars] : history.levels) {
            snapshot(history.sender, day, pillars);
        }
        for (const auto& [key, count] : history.counts) {
            activity(history.sender, key.first, key.second, count);
        }
        transaction.commit();
    }

    report::SsiReport build(const report::SsiReportOptions& options = {}) {
        return report::build_ssi_report(database, options);
    }
};

} // namespace campaign::test
