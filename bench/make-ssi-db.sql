-- An SSI history at agency scale for bench/ssi.sh: :senders senders, each with :days days of snapshots from
-- 2024-01-01 (a day in twenty missing, as a real hand-kept history has gaps) and daily posts, comments and likes.
-- The pillars wander within 0..25 and brand answers posts two days later, so the report has something to find.
-- Run against a database that `campaign` created, so that the schema is the program's own.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;

INSERT INTO senders (id, name, timezone)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :senders)
SELECT i, printf('sender-%04d', i), 'UTC' FROM n;

CREATE TEMP TABLE days AS
WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < :days - 1)
SELECT i, date('2024-01-01', '+' || i || ' days') AS day FROM d;

INSERT INTO activities (sender_id, day, activity, count, source)
SELECT s.id, d.day, a.activity,
       CASE a.activity
           WHEN 'posts' THEN abs(random() % 3) * (abs(random() % 3) = 0)
           WHEN 'comments' THEN abs(random() % 6)
           ELSE abs(random() % 15)
       END,
       'bench'
FROM senders s, days d, (SELECT 'posts' AS activity UNION ALL SELECT 'comments' UNION ALL SELECT 'likes') a;

INSERT INTO ssi_snapshots (sender_id, day, brand, people, insights, relationships, total, industry_rank,
                           network_rank, source, recorded_at)
SELECT sender_id, day, brand, people, insights, relationships,
       round(brand + people + insights + relationships, 2), 20, 30, 'bench', '2024-01-01T00:00:00Z'
FROM (
    SELECT s.id AS sender_id, d.day, d.i,
           round(min(25, max(0, 12 + 6 * sin(d.i / 40.0 + s.id) + 0.25 * COALESCE(
               (SELECT SUM(count) FROM activities p
                WHERE p.sender_id = s.id AND p.activity = 'posts'
                  AND p.day BETWEEN date(d.day, '-30 days') AND date(d.day, '-2 days')), 0))), 2) AS brand,
           round(11 + 4 * sin(d.i / 55.0 + 2 * s.id) + (abs(random() % 100) / 400.0), 2) AS people,
           round(10 + 5 * cos(d.i / 35.0 + s.id) + (abs(random() % 100) / 400.0), 2) AS insights,
           round(13 + 3 * sin(d.i / 70.0 + 3 * s.id) + (abs(random() % 100) / 400.0), 2) AS relationships
    FROM senders s, days d
)
WHERE abs(random() % 20) <> 0;

COMMIT;
