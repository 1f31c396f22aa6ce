#include "store/import_mentions.hpp"

#include "store/row_reading.hpp"

namespace campaign::store {

namespace {

// Named without its schema (`temp` on SQLite, `pg_temp` on PostgreSQL): both look among the temporary tables first.
Connection& with_table(Database& database) {
    auto& db = database.connection();
    // The key is SQLite's row id, as INTEGER PRIMARY KEY is there alone.
    db.execute(std::string("CREATE TEMP TABLE IF NOT EXISTS import_mentions (prospect_id ") +
               (database.backend() == Backend::sqlite ? "INTEGER" : "BIGINT") +
               " PRIMARY KEY, line INTEGER NOT NULL, changed INTEGER NOT NULL)");
    db.execute("DELETE FROM import_mentions");
    return db;
}

} // namespace

ImportMentions::ImportMentions(Database& database)
    : m_database(database),
      m_find(std::make_unique<Statement>(with_table(database),
                                         "SELECT line, changed FROM import_mentions WHERE prospect_id = ?")),
      m_record(std::make_unique<Statement>(database.connection(),
                                           "INSERT INTO import_mentions (prospect_id, line, changed) VALUES (?, ?, ?)"
                                           " ON CONFLICT (prospect_id) DO UPDATE SET changed = excluded.changed")) {}

ImportMentions::~ImportMentions() {
    m_find.reset();
    m_record.reset();
    try {
        m_database.connection().execute("DROP TABLE IF EXISTS import_mentions");
    } catch (const std::exception&) {
        // Gone with the connection anyway.
    }
}

std::optional<int> ImportMentions::inserted_by(core::ProspectId id) const {
    if (m_inserted_lines.empty() || id < m_first_inserted ||
        id - m_first_inserted >= static_cast<core::ProspectId>(m_inserted_lines.size())) {
        return std::nullopt;
    }
    return m_inserted_lines[static_cast<std::size_t>(id - m_first_inserted)];
}

std::optional<Mention> ImportMentions::first(core::ProspectId id) {
    if (auto line = inserted_by(id)) {
        return Mention{*line, true};
    }
    ResetOnExit reset(*m_find);
    m_find->bind(1, id);
    if (!m_find->step()) {
        return std::nullopt;
    }
    return Mention{m_find->column(0).small_integer(), m_find->column(1).small_integer() != 0};
}

void ImportMentions::record_inserted(core::ProspectId id, int line) {
    if (m_inserted_lines.empty()) {
        m_first_inserted = id;
    }
    if (id == m_first_inserted + static_cast<core::ProspectId>(m_inserted_lines.size())) {
        m_inserted_lines.push_back(line);
        return;
    }
    record(id, {line, true}); // a gap in the ids (another writer's rows, on a server)
}

void ImportMentions::record(core::ProspectId id, const Mention& mention) {
    if (inserted_by(id)) {
        return; // inserted, so changed already, and its first line stays
    }
    ResetOnExit reset(*m_record);
    m_record->bind(1, id);
    m_record->bind(2, mention.line);
    m_record->bind(3, mention.changed ? 1 : 0);
    m_record->run();
}

} // namespace campaign::store
