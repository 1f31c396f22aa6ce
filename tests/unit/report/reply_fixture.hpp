// A small campaign whose reply report is worked out by hand (see the comments): ten prospects, two senders, an
// invitation step with variants a and b, and a message step. Shared by the report's unit and end-to-end tests.
#pragma once

#include <string>

namespace campaign::fixture {

// Rows for a database at the current schema, whose tables are empty.
//
// Enrollments 1-6 are alice's, 7-10 bob's. Invitations go out on 2026-11-02 at 09:00 UTC, variant a to 1-5,
// b to 6-10; bob's to prospect 10 fails. Prospects 1, 2, 3 and 6 accept after 2h, 4h, 6h and 10h (1 twice:
// the second is the same acceptance, reported again). Each gets a message on 11-03 at 09:00. Prospect 1 replies
// after 1h ("happy to chat": positive), 2 after 3h (out of office) and again after 30h ("sounds good":
// positive), 6 after 5h ("remove me": an opt-out). Prospect 6 was erased since.
//
// Events 3, 4 and 7 carry no idempotency key: 3 and 4 were applied to their enrollment, 7 came after the
// enrollment ended and is found through its prospect and sender.
inline const std::string k_reply_fixture_sql = R"sql(
INSERT INTO campaigns (id, name, created_at) VALUES (1, 'alpha', '2026-11-01T00:00:00Z');
INSERT INTO campaign_versions (id, campaign_id, version, digest, definition, created_at)
    VALUES (1, 1, 1, 'd1', 'campaign: alpha', '2026-11-01T00:00:00Z');
INSERT INTO senders (id, name, timezone) VALUES (1, 'alice', 'Europe/Paris'), (2, 'bob', 'America/New_York');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO prospects (id, profile_url, first_name, last_name, company, created_at, updated_at)
    SELECT i, 'https://www.linkedin.com/in/p' || i, 'First' || i, 'Last' || i, 'Company ' || i,
           '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z' FROM n;
UPDATE prospects SET profile_url = 'erased:6', first_name = '', last_name = '', company = '',
    erased_at = '2026-11-20T00:00:00Z' WHERE id = 6;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO enrollments (id, campaign_id, campaign_version_id, prospect_id, sender_id, state, enrolled_at)
    SELECT i, 1, 1, i, CASE WHEN i <= 6 THEN 1 ELSE 2 END, 'done', '2026-11-02T08:00:00Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO actions (id, enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step, variant, type,
                     idempotency_key, state, at_utc, at_local)
    SELECT i, i, 1, 1, i, CASE WHEN i <= 6 THEN 1 ELSE 2 END, 'invite', CASE WHEN i <= 5 THEN 'a' ELSE 'b' END,
           'connect', 'invite-' || i, CASE WHEN i = 10 THEN 'failed' ELSE 'sent' END, '2026-11-02T09:00:00Z',
           '2026-11-02T10:00:00+01:00' FROM n;
INSERT INTO actions (id, enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step, type,
                     idempotency_key, state, at_utc, at_local)
    SELECT 10 + id, id, 1, 1, id, 1, 'hello', 'message', 'hello-' || id, 'sent', '2026-11-03T09:00:00Z',
           '2026-11-03T10:00:00+01:00' FROM enrollments WHERE id IN (1, 2, 3, 6);
INSERT INTO events (id, external_id, type, prospect_id, sender_id, enrollment_id, action_id, occurred_at,
                    received_at, applied_at, text) VALUES
    (1, 'ev1', 'accepted', 1, 1, 1, 1, '2026-11-02T11:00:00Z', '2026-11-02T11:00:00Z', '2026-11-02T11:00:00Z', NULL),
    (2, 'ev2', 'accepted', 2, 1, 2, 2, '2026-11-02T13:00:00Z', '2026-11-02T13:00:00Z', '2026-11-02T13:00:00Z', NULL),
    (3, 'ev3', 'accepted', 3, 1, 3, NULL, '2026-11-02T15:00:00Z', '2026-11-02T15:00:00Z', '2026-11-02T15:00:00Z',
     NULL),
    (4, 'ev4', 'accepted', 6, 1, 6, NULL, '2026-11-02T19:00:00Z', '2026-11-02T19:00:00Z', '2026-11-02T19:00:00Z',
     NULL),
    (5, 'ev1-again', 'accepted', 1, 1, NULL, 1, '2026-11-05T09:00:00Z', '2026-11-05T09:00:00Z',
     '2026-11-05T09:00:00Z', NULL),
    (6, 'ev6', 'replied', 1, 1, 1, 11, '2026-11-03T10:00:00Z', '2026-11-03T10:00:00Z', '2026-11-03T10:00:00Z',
     'Sure, happy to chat!'),
    (7, 'ev7', 'replied', 6, 1, NULL, NULL, '2026-11-03T14:00:00Z', '2026-11-03T14:00:00Z', '2026-11-03T14:00:00Z',
     'Please remove me from your list'),
    (8, 'ev8', 'replied', 2, 1, 2, 12, '2026-11-03T12:00:00Z', '2026-11-03T12:00:00Z', '2026-11-03T12:00:00Z',
     'I am out of office until Monday.'),
    (9, 'ev9', 'replied', 2, 1, 2, 12, '2026-11-04T15:00:00Z', '2026-11-04T15:00:00Z', '2026-11-04T15:00:00Z',
     'Sounds good, let''s talk on Tuesday.');
)sql";

} // namespace campaign::fixture
