#include "store/import_mentions.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

SQLite::Database& with_table(Database& database) {
    auto& db = database.sqlite();
    db.exec("CREATE TEMP TABLE IF NOT EXISTS import_mentions ("
            " prospect_id INTEGER PRIMARY KEY, line INTEGER NOT NULL, changed INTEGER NOT NULL)");
    db.exec("DELETE FROM temp.import_mentions");
    return db;
}

} // namespace

ImportMentions::ImportMentions(Database& database)
    : m_database(database),
      m_find(std::make_unique<SQLite::Statement>(
          with_table(database), "SELECT line, changed FROM temp.import_mentions WHERE prospect_id = ?")),
      m_record(std::make_unique<SQLite::Statement>(
          database.sqlite(), "INSERT INTO temp.import_mentions (prospect_id, line, changed) VALUES (?, ?, ?)"
                             " ON CONFLICT DO UPDATE SET changed = excluded.changed")) {}

ImportMentions::~ImportMentions() {
    m_find.reset();
    m_record.reset();
    try {
        m_database.sqlite().exec("DROP TABLE IF EXISTS temp.import_mentions");
    } catch (const SQLite::Exception&) {
        // Gone with the connection anyway.
    }
}

std::optional<Mention> ImportMentions::first(core::ProspectId id) {
    ResetOnExit reset(*m_find);
    m_find->bind(1, id);
    if (!m_find->executeStep()) {
        return std::nullopt;
    }
    return Mention{m_find->getColumn(0).getInt(), m_find->getColumn(1).getInt() != 0};
}

void ImportMentions::record(core::ProspectId id, const Mention& mention) {
    ResetOnExit reset(*m_record);
    m_record->bind(1, id);
    m_record->bind(2, mention.line);
    m_record->bind(3, mention.changed ? 1 : 0);
    m_record->exec();
}

} // namespace campaign::store
