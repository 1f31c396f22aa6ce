// The senders' SSI as a gateway fetches it (LinkedIn's salesApiSsi answer), recorded as the day's snapshot when an
// http run starts and again each day it goes on: the observer of the run, passing everything else to the printer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/observer.hpp"
#include "store/database.hpp"
#include "transport/transport.hpp"

namespace campaign::cli {

class GatewaySsi final : public engine::RunObserver {
public:
    GatewaySsi(store::Database& database, transport::Transport& transport, std::vector<std::string> senders,
               engine::RunObserver& next)
        : m_database(database), m_transport(transport), m_senders(std::move(senders)), m_next(next) {}

    // Fetches and records each sender's SSI, once per UTC day; returns how many snapshots were recorded.
    int fetch(core::Timestamp now);

    void on_action(const engine::ActionReport& report) override { m_next.on_action(report); }
    void on_progress(const engine::Progress& progress) override;
    void on_note(const std::string& note) override { m_next.on_note(note); }
    void on_warning(const std::string& warning) override { m_next.on_warning(warning); }

private:
    store::Database& m_database;
    transport::Transport& m_transport;
    std::vector<std::string> m_senders;
    engine::RunObserver& m_next;
    std::optional<core::Day> m_fetched;
};

} // namespace campaign::cli
