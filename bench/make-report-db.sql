-- Fills an empty campaign database (made by the binary, so that its schema is the program's) with the history of
-- :enrollments enrollments in 4 campaigns and 40 senders over 2026: each prospect's profile is visited, then an
-- invitation goes out (variant a or b; 2% fail); 35% accept within 4 days and get a message a day later, and those
-- who do not reply within 5 days a follow-up; the others' invitations are withdrawn after 3 weeks. 12% of messages
-- are answered. Nine events in ten carry their action's key, as the mock transport's do; the rest are credited
-- through their enrollment. About 3.3 actions an enrollment: 300,000 enrollments make a million actions.
--
-- Pseudo-random but deterministic: each choice is a multiplicative hash of the row id, so the same size gives the
-- same database. Run by bench/report.sh, which substitutes :enrollments.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
CREATE TEMP TABLE knobs AS SELECT :enrollments AS n;

INSERT INTO campaigns (id, name, created_at)
    VALUES (1, 'founders-intro', '2026-01-01T00:00:00Z'), (2, 'vp-sales-followup', '2026-01-01T00:00:00Z'),
           (3, 'webinar-2026', '2026-01-01T00:00:00Z'), (4, 'partners', '2026-01-01T00:00:00Z');
INSERT INTO campaign_versions (id, campaign_id, version, digest, definition, created_at)
    SELECT id, id, 1, 'bench', 'campaign: ' || name, created_at FROM campaigns;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 40)
INSERT INTO senders (id, name, timezone) SELECT i, 'sender' || i, 'Europe/Paris' FROM s;

WITH RECURSIVE p(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM p WHERE i < (SELECT n FROM knobs))
INSERT INTO prospects (id, profile_url, first_name, last_name, company, created_at, updated_at)
    SELECT i, 'https://www.linkedin.com/in/bench-' || i, 'First' || i, 'Last' || i, 'Company ' || (i % 5000),
           '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM p;

-- h: a hash of the enrollment in 0..999 999; enrolled on one of 300 days, at a minute of the working day.
CREATE TEMP TABLE plan AS
    SELECT id, (id * 2654435761) % 1000003 AS h,
           strftime('%s', '2026-01-05T08:00:00Z') + (id % 300) * 86400 + (id * 7919 % 480) * 60 AS t0
    FROM prospects;
INSERT INTO enrollments (id, campaign_id, campaign_version_id, prospect_id, sender_id, state, enrolled_at)
    SELECT id, 1 + id % 4, 1 + id % 4, id, 1 + id % 40, 'done', strftime('%Y-%m-%dT%H:%M:%SZ', t0, 'unixepoch')
    FROM plan;

CREATE TEMP TABLE step (enrollment_id, step, variant, type, state, at, key);
INSERT INTO step SELECT id, 'look', NULL, 'view_profile', 'sent', t0 + 3600, 'look-' || id FROM plan;
INSERT INTO step SELECT id, 'invite', CASE WHEN h % 2 = 0 THEN 'a' ELSE 'b' END, 'connect',
                        CASE WHEN (h / 7) % 50 = 0 THEN 'failed' ELSE 'sent' END, t0 + 86400, 'invite-' || id FROM plan;
-- Accepted: h % 100 < 35 (and the invitation went out), after up to 4 days.
CREATE TEMP TABLE accepted AS
    SELECT id, h, t0 + 86400 + 1800 + (h % 345600) AS at FROM plan WHERE h % 100 < 35 AND (h / 7) % 50 <> 0;
INSERT INTO step SELECT id, 'thanks', NULL, 'message', 'sent', at + 86400, 'thanks-' || id FROM accepted;
-- Replied to the first message: (h / 100) % 100 < 12; to the follow-up: (h / 10000) % 100 < 12.
INSERT INTO step SELECT id, 'nudge', NULL, 'message', 'sent', at + 6 * 86400, 'nudge-' || id FROM accepted
    WHERE (h / 100) % 100 >= 12;
INSERT INTO step SELECT id, 'withdraw', NULL, 'withdraw_invite', 'sent', t0 + 22 * 86400, 'withdraw-' || id
    FROM plan WHERE h % 100 >= 35 AND (h / 7) % 50 <> 0;

INSERT INTO actions (enrollment_id, campaign_id, campaign_version_id, prospect_id, sender_id, step, variant, type,
                     idempotency_key, state, at_utc, at_local)
    SELECT s.enrollment_id, 1 + s.enrollment_id % 4, 1 + s.enrollment_id % 4, s.enrollment_id,
           1 + s.enrollment_id % 40, s.step, s.variant, s.type, s.key, s.state,
           strftime('%Y-%m-%dT%H:%M:%SZ', s.at, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%S+01:00', s.at + 3600,
           'unixepoch')
    FROM step s ORDER BY s.at;
CREATE TEMP TABLE key_of AS SELECT idempotency_key AS key, id FROM actions WHERE type IN ('connect', 'message');
CREATE UNIQUE INDEX temp.key_of_key ON key_of (key);

INSERT INTO events (external_id, type, prospect_id, sender_id, enrollment_id, action_id, occurred_at, received_at,
                    applied_at, text)
    SELECT 'accept-' || a.id, 'accepted', a.id, 1 + a.id % 40, a.id,
           CASE WHEN a.h % 10 = 0 THEN NULL ELSE (SELECT id FROM key_of WHERE key = 'invite-' || a.id) END,
           strftime('%Y-%m-%dT%H:%M:%SZ', a.at, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%SZ', a.at, 'unixepoch'),
           strftime('%Y-%m-%dT%H:%M:%SZ', a.at, 'unixepoch'), NULL
    FROM accepted a;
CREATE TEMP TABLE texts (k, text);
INSERT INTO texts VALUES (0, 'Sure, happy to chat — how does Thursday look?'),
    (1, 'Thanks, send it over and I''ll take a look.'), (2, 'We already have a vendor for this, thanks.'),
    (3, 'I''m out of office until Monday with limited access to email.'), (4, 'Please remove me from your list.'),
    (5, 'Who else at your company should I talk to?'), (6, 'What does pricing look like?');
INSERT INTO events (external_id, type, prospect_id, sender_id, enrollment_id, action_id, occurred_at, received_at,
                    applied_at, text)
    SELECT 'reply-' || a.id || '-' || r.step, 'replied', a.id, 1 + a.id % 40, a.id,
           CASE WHEN a.h % 10 = 1 THEN NULL ELSE (SELECT id FROM key_of WHERE key = r.step || '-' || a.id) END,
           strftime('%Y-%m-%dT%H:%M:%SZ', r.at, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%SZ', r.at, 'unixepoch'),
           strftime('%Y-%m-%dT%H:%M:%SZ', r.at, 'unixepoch'), (SELECT text FROM texts WHERE k = a.h % 7)
    FROM (SELECT id AS enrollment, 'thanks' AS step, at + 86400 + 3600 + (h % 172800) AS at FROM accepted
          WHERE (h / 100) % 100 < 12
          UNION ALL
          SELECT id, 'nudge', at + 6 * 86400 + 7200 + (h % 259200) FROM accepted
          WHERE (h / 100) % 100 >= 12 AND (h / 10000) % 100 < 12) r
    JOIN accepted a ON a.id = r.enrollment;
COMMIT;
ANALYZE;
