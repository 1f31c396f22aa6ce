#include "store/experiment_store.hpp"

#include "core/error.hpp"
#include "store/connection.hpp"
#include "store/ssi_store.hpp"

namespace campaign::store {

namespace {

core::Day read_day(const std::string& text) {
    auto day = core::parse_day(text);
    if (!day) {
        throw core::RuntimeFailure("error: the database holds an experiment day '" + text + "' that is not a date");
    }
    return *day;
}

} // namespace

void ExperimentStore::add(const core::Experiment& experiment, core::Timestamp now) {
    auto& db = m_database.connection();
    Transaction transaction(m_database);
    Statement taken(db, "SELECT 1 FROM ssi_experiments WHERE name = ?");
    taken.bind(1, experiment.name);
    if (taken.step()) {
        throw core::UserError("error: there is already an experiment named '" + experiment.name + "'");
    }
    for (const auto& other : list(experiment.sender)) {
        if (other.start <= experiment.end() && experiment.start <= other.end()) {
            throw core::UserError("error: sender '" + experiment.sender + "' has the experiment '" + other.name +
                                  "' from " + core::format_day(other.start) + " to " + core::format_day(other.end()) +
                                  ": one experiment at a time, or each confounds the other");
        }
    }
    auto sender_id = SsiStore(m_database).sender_id(experiment.sender);
    Statement insert(db, "INSERT INTO ssi_experiments (name, sender_id, activity, unit, start_day, weeks, seed,"
                         " lag_days, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    insert.bind(1, experiment.name);
    insert.bind(2, sender_id);
    insert.bind(3, std::string(core::to_string(experiment.activity)));
    insert.bind(4, std::string(core::to_string(experiment.unit)));
    insert.bind(5, core::format_day(experiment.start));
    insert.bind(6, experiment.weeks);
    insert.bind(7, static_cast<std::int64_t>(experiment.seed));
    insert.bind(8, experiment.lag_days);
    insert.bind(9, core::format_utc(now));
    auto id = insert.insert();
    Statement period(
        db, "INSERT INTO ssi_experiment_periods (experiment_id, first_day, days, pair, arm) VALUES (?, ?, ?, ?, ?)");
    for (const auto& p : experiment.periods) {
        period.reset();
        period.bind(1, id);
        period.bind(2, core::format_day(p.first));
        period.bind(3, p.days);
        period.bind(4, p.pair);
        period.bind(5, p.on ? "on" : "off");
        period.run();
    }
    transaction.commit();
}

std::vector<core::Experiment> ExperimentStore::list(const std::optional<std::string>& sender) {
    auto& db = m_database.connection();
    Statement query(db, "SELECT e.id, e.name, s.name, e.activity, e.unit, e.start_day, e.weeks, e.seed, "
                        "e.lag_days FROM ssi_experiments e JOIN senders s ON s.id = e.sender_id "
                        "WHERE CAST(?1 AS TEXT) IS NULL OR s.name = ?1 ORDER BY s.name, e.start_day, e.name");
    if (sender) {
        query.bind(1, *sender);
    }
    std::vector<core::Experiment> experiments;
    std::vector<std::int64_t> ids;
    while (query.step()) {
        core::Experiment experiment;
        ids.push_back(query.column(0).integer());
        experiment.name = query.column(1).text();
        experiment.sender = query.column(2).text();
        auto activity = core::parse_activity(query.column(3).text());
        auto unit = core::parse_experiment_unit(query.column(4).text());
        if (!activity || !unit) {
            throw core::RuntimeFailure("error: the database holds the experiment '" + experiment.name +
                                       "' with an activity or unit this version does not know");
        }
        experiment.activity = *activity;
        experiment.unit = *unit;
        experiment.start = read_day(query.column(5).text());
        experiment.weeks = query.column(6).small_integer();
        experiment.seed = static_cast<std::uint64_t>(query.column(7).integer());
        experiment.lag_days = query.column(8).small_integer();
        experiments.push_back(std::move(experiment));
    }
    Statement periods(db, "SELECT first_day, days, pair, arm FROM ssi_experiment_periods "
                          "WHERE experiment_id = ? ORDER BY first_day");
    for (std::size_t i = 0; i < experiments.size(); ++i) {
        periods.reset();
        periods.bind(1, ids[i]);
        while (periods.step()) {
            experiments[i].periods.push_back({read_day(periods.column(0).text()), periods.column(1).small_integer(),
                                              periods.column(2).small_integer(), periods.column(3).text() == "on"});
        }
    }
    return experiments;
}

std::optional<core::Experiment> ExperimentStore::find(const std::string& name) {
    for (auto& experiment : list()) {
        if (experiment.name == name) {
            return std::move(experiment);
        }
    }
    return std::nullopt;
}

bool ExperimentStore::remove(const std::string& name) {
    Transaction transaction(m_database);
    Statement periods(m_database.connection(), "DELETE FROM ssi_experiment_periods WHERE experiment_id IN "
                                               "(SELECT id FROM ssi_experiments WHERE name = ?)");
    periods.bind(1, name);
    periods.run();
    Statement experiment(m_database.connection(), "DELETE FROM ssi_experiments WHERE name = ?");
    experiment.bind(1, name);
    bool removed = experiment.run() > 0;
    transaction.commit();
    return removed;
}

} // namespace campaign::store
