// The randomized activity experiments of the CRM's senders: made by `campaign ssi plan`, followed by the campaigns
// of their sender, analysed by the SSI report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/experiment.hpp"
#include "store/database.hpp"

namespace campaign::store {

class ExperimentStore {
public:
    explicit ExperimentStore(Database& database) : m_database(database) {}

    // Records the plan with its periods. Throws core::UserError when the name is taken, or when the sender already
    // has an experiment on any of its days: two at once would each confound the other.
    void add(const core::Experiment& experiment, core::Timestamp now);
    // By sender, then start; one sender's only, when given.
    std::vector<core::Experiment> list(const std::optional<std::string>& sender = std::nullopt);
    std::optional<core::Experiment> find(const std::string& name);
    // Whether it was there to remove.
    bool remove(const std::string& name);

private:
    Database& m_database;
};

} // namespace campaign::store
