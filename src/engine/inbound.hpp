// Recording an inbound event with what it is about: the prospect (by the normalized profile URL, else by the member
// id a gateway told), the sender and the action it answers. The run records what its transport polls; `campaign serve`
// what a gateway posts; each id once.
#pragma once

#include "core/event.hpp"
#include "store/action_store.hpp"
#include "store/campaign_store.hpp"
#include "store/event_store.hpp"
#include "store/prospect_store.hpp"

namespace campaign::engine {

class InboundRecorder {
public:
    explicit InboundRecorder(store::Database& database);

    // False when an event with this id was recorded before.
    bool record(core::Event event, core::Timestamp received_at);

private:
    store::CampaignStore m_campaigns;
    store::ProspectStore m_prospects;
    store::ActionStore m_actions;
    store::EventStore m_events;
};

} // namespace campaign::engine
