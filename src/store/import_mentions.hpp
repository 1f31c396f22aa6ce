// The prospects one import has met so far, each with the line of the file that first named them: a later line about
// the same person is a duplicate. The prospects it inserted, whose ids follow one another, are kept in memory as the
// line of each (4 bytes a row); the others, which it found, in a temporary table.
#pragma once

#include <memory>
#include <optional>
#include <vector>

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
    // Records the line that inserted a prospect.
    void record_inserted(core::ProspectId id, int line);

private:
    std::optional<int> inserted_by(core::ProspectId id) const;

    Database& m_database;
    core::ProspectId m_first_inserted = 0;
    std::vector<int> m_inserted_lines; // [i]: the line of prospect m_first_inserted + i
    std::unique_ptr<Statement> m_find;
    std::unique_ptr<Statement> m_record;
};

} // namespace campaign::store
