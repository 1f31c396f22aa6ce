// The SQL that finds the action an event answers, shared by the reply report and `status`, so that both count the
// same people as having replied.
#pragma once

namespace campaign::store {

// The action an event answers: the one it names, or the latest fitting action sent in the prospect's enrollment
// (the one the event was applied to, or their latest enrollment with the sender before the event) before it.
// An acceptance answers an invitation; a reply answers whatever carried text, but an answer written in the inbox,
// which is no step of the campaign's.
inline constexpr const char* k_answered_action = R"sql(
    COALESCE(e.action_id, (
        SELECT f.id FROM actions f
        WHERE f.enrollment_id = COALESCE(e.enrollment_id, (
                  SELECT n.id FROM enrollments n
                  WHERE n.prospect_id = e.prospect_id AND n.sender_id = e.sender_id
                        AND n.enrolled_at <= e.occurred_at
                  ORDER BY n.enrolled_at DESC, n.id DESC LIMIT 1))
              AND f.state = 'sent' AND f.at_utc <= e.occurred_at
              AND (f.type = 'connect' OR (e.type <> 'accepted' AND f.type IN ('message', 'inmail')))
              AND f.step NOT LIKE 'inbox:%' 
        ORDER BY f.at_utc DESC, f.id DESC LIMIT 1))
)sql";

} // namespace campaign::store
