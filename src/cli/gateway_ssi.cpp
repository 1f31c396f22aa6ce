#include "cli/gateway_ssi.hpp"

#include "crm/ssi_files.hpp"
#include "store/ssi_store.hpp"

namespace campaign::cli {

int GatewaySsi::fetch(core::Timestamp now) {
    auto day = std::chrono::floor<std::chrono::days>(now);
    if (m_fetched == day) {
        return 0;
    }
    m_fetched = day;
    store::SsiStore ssi(m_database);
    int recorded = 0;
    for (const auto& sender : m_senders) {
        auto answer = m_transport.fetch_ssi(sender);
        if (!answer) {
            continue;
        }
        auto read = crm::read_fetched_ssi(*answer, "the gateway's SSI of sender '" + sender + "'", {sender, day},
                                          [&](const core::SsiSnapshot& snapshot) {
                                              ssi.record(snapshot, now);
                                              ++recorded;
                                          });
        for (const auto& problem : read.diagnostics) {
            m_next.on_warning(problem.to_string());
        }
    }
    return recorded;
}

void GatewaySsi::on_progress(const engine::Progress& progress) {
    fetch(progress.now);
    m_next.on_progress(progress);
}

} // namespace campaign::cli
