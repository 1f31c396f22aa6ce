// The prospects one import has met so far, each with the line of the file that first named them: a later line about
// the same person is a duplicate. Kept in a temporary table, so that memory does not grow with the file.
#pragma once

#include <memory>
#include <optional>

#include "core/prospect.hpp"
#include "store/connection.hpp"
#include "store/database.hpp"

namespace campaign::store {

struct Mention {
    int line = 0;
    bool changed = false; // the line inserted or updated the prospect
};

class ImportMentions {
public:
    explicit ImportMentions(Database& database);
    ~ImportMentions();
    ImportMentions(const ImportMentions&) = delete;
    ImportMentions& operator=(const ImportMentions&) = delete;

    std::optional<Mention> first(core::ProspectId id);
    // Records the first line about a prospect, or that a later one changed it.
    void record(core::ProspectId id, const Mention& mention);

private:
    Database& m_database;
    std::unique_ptr<Statement> m_find;
    std::unique_ptr<Statement> m_record;
};

} // namespace campaign::store
