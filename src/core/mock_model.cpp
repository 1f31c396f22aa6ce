#include "core/mock_model.hpp"

namespace campaign::core {

// Roughly what outreach teams report for personalized LinkedIn campaigns: a third of invitations accepted within a
// day or two, one message in ten answered, a few of those asking to stop.
OutcomeRates default_outcome_rates() {
    OutcomeRates rates;
    rates.accept = 0.35;
    rates.accept_delay = std::chrono::hours{30};
    rates.reply = 0.12;
    rates.reply_delay = std::chrono::hours{20};
    rates.opt_out = 0.08;
    rates.failure = 0.01;
    return rates;
}

} // namespace campaign::core
