#include "store/schema.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/connection.hpp"
#include "store/renormalize.hpp"

namespace campaign::store {

namespace {

// Times are ISO 8601 UTC text ("2026-11-26T09:30:00Z") and days are "YYYY-MM-DD": they sort as they read, and
// the SQL stays portable to PostgreSQL.
constexpr std::string_view k_schema_1 = R"sql(
CREATE TABLE prospects (
    id          INTEGER PRIMARY KEY,
    profile_url TEXT NOT NULL UNIQUE,
    first_name  TEXT NOT NULL DEFAULT '',
    last_name   TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    company     TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    location    TEXT NOT NULL DEFAULT '',
    industry    TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    fields      TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    erased_at   TEXT
);

CREATE TABLE prospect_tags (
    prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (prospect_id, tag)
);
CREATE INDEX prospect_tags_by_tag ON prospect_tags (tag, prospect_id);

CREATE TABLE senders (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    timezone     TEXT NOT NULL DEFAULT 'UTC',
    account      TEXT NOT NULL DEFAULT 'premium'
                 CHECK (account IN ('free', 'premium', 'sales_navigator')),
    paused_at    TEXT,
    pause_reason TEXT
);

CREATE TABLE campaigns (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE campaign_versions (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    version     INTEGER NOT NULL,
    digest      TEXT NOT NULL,
    definition  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (campaign_id, version)
);

CREATE TABLE enrollments (
    id                  INTEGER PRIMARY KEY,
    campaign_id         INTEGER NOT NULL REFERENCES campaigns (id),
    campaign_version_id INTEGER NOT NULL REFERENCES campaign_versions (id),
    prospect_id         INTEGER NOT NULL REFERENCES prospects (id),
    sender_id           INTEGER NOT NULL REFERENCES senders (id),
    state               TEXT NOT NULL
                        CHECK (state IN ('active', 'done', 'replied', 'opted_out', 'failed', 'stopped')),
    current_step        TEXT,
    next_due_at         TEXT,
    enrolled_at         TEXT NOT NULL,
    finished_at         TEXT,
    UNIQUE (campaign_id, prospect_id)
);
-- The scheduler's "what is due next": only enrollments with something to do carry a due time.
CREATE INDEX enrollments_due ON enrollments (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX enrollments_by_prospect ON enrollments (prospect_id, state);
CREATE INDEX enrollments_by_sender ON enrollments (sender_id, state);

CREATE TABLE actions (
    id                  INTEGER PRIMARY KEY,
    enrollment_id       INTEGER NOT NULL REFERENCES enrollments (id),
    campaign_id         INTEGER NOT NULL REFERENCES campaigns (id),
    campaign_version_id INTEGER NOT NULL REFERENCES campaign_versions (id),
    prospect_id         INTEGER NOT NULL REFERENCES prospects (id),
    sender_id           INTEGER NOT NULL REFERENCES senders (id),
    step                TEXT NOT NULL,
    variant             TEXT,
    type                TEXT NOT NULL,
    idempotency_key     TEXT NOT NULL UNIQUE,
    state               TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed', 'in_doubt')),
    rendered_text       TEXT,
    at_utc              TEXT NOT NULL,
    at_local            TEXT NOT NULL,
    response            TEXT,
    error               TEXT,
    UNIQUE (enrollment_id, step)
);
-- Sender limits count a sender's actions of one type over a day or a week.
CREATE INDEX actions_by_sender_time ON actions (sender_id, type, at_utc);
CREATE INDEX actions_by_campaign_time ON actions (campaign_id, at_utc);
CREATE INDEX actions_in_flight ON actions (state) WHERE state IN ('sending', 'in_doubt');

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    external_id   TEXT NOT NULL UNIQUE,
    type          TEXT NOT NULL
                  CHECK (type IN ('accepted', 'replied', 'opted_out', 'bounced', 'withdrawn', 'restricted')),
    prospect_id   INTEGER REFERENCES prospects (id),
    sender_id     INTEGER REFERENCES senders (id),
    enrollment_id INTEGER REFERENCES enrollments (id),
    action_id     INTEGER REFERENCES actions (id),
    occurred_at   TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    applied_at    TEXT,
    text          TEXT
);
CREATE INDEX events_pending ON events (received_at) WHERE applied_at IS NULL;
CREATE INDEX events_by_prospect ON events (prospect_id, occurred_at);
CREATE INDEX events_by_type_time ON events (type, occurred_at);

CREATE TABLE suppressions (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('profile', 'email_domain', 'forgotten')),
    value      TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (kind, value)
);

CREATE TABLE ssi_snapshots (
    sender_id     INTEGER NOT NULL REFERENCES senders (id),
    day           TEXT NOT NULL,
    brand         REAL NOT NULL CHECK (brand BETWEEN 0 AND 25),
    people        REAL NOT NULL CHECK (people BETWEEN 0 AND 25),
    insights      REAL NOT NULL CHECK (insights BETWEEN 0 AND 25),
    relationships REAL NOT NULL CHECK (relationships BETWEEN 0 AND 25),
    total         REAL NOT NULL,
    industry_rank INTEGER CHECK (industry_rank BETWEEN 1 AND 100),
    network_rank  INTEGER CHECK (network_rank BETWEEN 1 AND 100),
    source        TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    PRIMARY KEY (sender_id, day)
);

CREATE TABLE activities (
    sender_id INTEGER NOT NULL REFERENCES senders (id),
    day       TEXT NOT NULL,
    activity  TEXT NOT NULL
              CHECK (activity IN ('profile_views', 'connection_requests', 'connections_accepted', 'messages_sent',
                                  'replies_received', 'posts', 'comments', 'likes', 'follows', 'endorsements')),
    count     INTEGER NOT NULL CHECK (count >= 0),
    source    TEXT NOT NULL,
    PRIMARY KEY (sender_id, day, activity, source)
);
)sql";

// Campaign runs: the engine's queues. An enrollment whose step's action has not gone out carries the action's type
// and is found through its sender's queue; one waiting on an outcome carries only its timer.
constexpr std::string_view k_schema_2 = R"sql(
ALTER TABLE enrollments ADD COLUMN due_action TEXT;
ALTER TABLE enrollments ADD COLUMN waiting_since TEXT;
-- Replaced by the two below; one index less to write on every move of an enrollment.
DROP INDEX enrollments_due;
-- An event lands on the prospect's active enrollments with one sender.
DROP INDEX enrollments_by_prospect;
CREATE INDEX enrollments_by_prospect ON enrollments (prospect_id, state, sender_id);
CREATE INDEX enrollments_queue ON enrollments (campaign_id, sender_id, due_action, next_due_at)
    WHERE due_action IS NOT NULL;
CREATE INDEX enrollments_timers ON enrollments (campaign_id, next_due_at)
    WHERE due_action IS NULL AND next_due_at IS NOT NULL;

-- The file a version was read from: its templates folder is relative to it.
ALTER TABLE campaign_versions ADD COLUMN source TEXT NOT NULL DEFAULT '';

-- Who an event is about as it was reported, so that an opt-out from someone not (or no longer) in the CRM still
-- reaches the suppression list.
ALTER TABLE events ADD COLUMN profile_url TEXT;
ALTER TABLE events ADD COLUMN sender TEXT;

ALTER TABLE actions ADD COLUMN subject TEXT;
ALTER TABLE actions ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;

CREATE INDEX prospects_by_update ON prospects (updated_at);

-- One row per `campaign run`: what it ran on and how far its clock went, so that a simulated run goes on from
-- where the last one stopped.
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    transport   TEXT NOT NULL,
    clock       TEXT NOT NULL CHECK (clock IN ('simulated', 'wall')),
    seed        INTEGER NOT NULL,
    started_at  TEXT NOT NULL,
    reached_at  TEXT NOT NULL,
    stopped_at  TEXT,
    stop_reason TEXT
);
)sql";

// What reports count, kept up to date by the database as actions and enrollments are written, so that a report over
// a million actions reads a few thousand rows instead of scanning them all. Days are UTC. An action's first contact
// is the first invitation, or the first message or InMail, its enrollment sent: it counts the prospects invited or
// messaged. An action that went out stays sent, which the tallies rely on and the database enforces.
constexpr std::string_view k_schema_3 = R"sql(
CREATE TABLE action_tallies (
    campaign_id    INTEGER NOT NULL,
    sender_id      INTEGER NOT NULL,
    step           TEXT NOT NULL,
    variant        TEXT NOT NULL,
    type           TEXT NOT NULL,
    state          TEXT NOT NULL,
    day            TEXT NOT NULL,
    actions        INTEGER NOT NULL,
    first_contacts INTEGER NOT NULL,
    first_id       INTEGER NOT NULL, -- the group's earliest action: steps are shown in the order they were reached
    PRIMARY KEY (campaign_id, sender_id, step, variant, type, state, day)
) WITHOUT ROWID;

CREATE TABLE enrollment_tallies (
    campaign_id INTEGER NOT NULL,
    sender_id   INTEGER NOT NULL,
    day         TEXT NOT NULL,
    enrolled    INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, sender_id, day)
) WITHOUT ROWID;

WITH contact AS (
    SELECT id, CASE WHEN state = 'sent' AND type IN ('connect', 'message', 'inmail')
                         AND ROW_NUMBER() OVER (PARTITION BY enrollment_id, state = 'sent',
                                                CASE type WHEN 'connect' THEN 'connect' ELSE 'message' END
                                                ORDER BY at_utc, id) = 1
                    THEN 1 ELSE 0 END AS first_contact
    FROM actions)
INSERT INTO action_tallies
    SELECT a.campaign_id, a.sender_id, a.step, COALESCE(a.variant, ''), a.type, a.state, substr(a.at_utc, 1, 10),
           COUNT(*), SUM(c.first_contact), MIN(a.id)
    FROM actions a JOIN contact c ON c.id = a.id
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO enrollment_tallies
    SELECT campaign_id, sender_id, substr(enrolled_at, 1, 10), COUNT(*) FROM enrollments GROUP BY 1, 2, 3;

CREATE TRIGGER actions_stay_sent BEFORE UPDATE OF state, at_utc, variant ON actions
    WHEN OLD.state = 'sent'
         AND (NEW.state IS NOT OLD.state OR NEW.at_utc IS NOT OLD.at_utc OR NEW.variant IS NOT OLD.variant)
BEGIN
    SELECT RAISE(ABORT, 'an action that went out stays sent');
END;

CREATE TRIGGER action_tallies_on_insert AFTER INSERT ON actions
BEGIN
    INSERT INTO action_tallies VALUES (
        NEW.campaign_id, NEW.sender_id, NEW.step, COALESCE(NEW.variant, ''), NEW.type, NEW.state,
        substr(NEW.at_utc, 1, 10), 1,
        NEW.state = 'sent' AND NEW.type IN ('connect', 'message', 'inmail') AND NOT EXISTS (
            SELECT 1 FROM actions o WHERE o.enrollment_id = NEW.enrollment_id AND o.id <> NEW.id AND o.state = 'sent'
            AND (o.type = NEW.type OR (o.type IN ('message', 'inmail') AND NEW.type IN ('message', 'inmail')))),
        NEW.id)
    ON CONFLICT DO UPDATE SET actions = actions + 1, first_contacts = first_contacts + excluded.first_contacts,
                              first_id = MIN(first_id, excluded.first_id);
END;

-- Only an action that has not gone out changes, so the row it leaves holds no first contact of it.
CREATE TRIGGER action_tallies_on_update AFTER UPDATE OF state, at_utc, variant ON actions
    WHEN NEW.state IS NOT OLD.state OR NEW.at_utc IS NOT OLD.at_utc OR NEW.variant IS NOT OLD.variant
BEGIN
    UPDATE action_tallies SET actions = actions - 1
        WHERE campaign_id = OLD.campaign_id AND sender_id = OLD.sender_id AND step = OLD.step
              AND variant = COALESCE(OLD.variant, '') AND type = OLD.type AND state = OLD.state
              AND day = substr(OLD.at_utc, 1, 10);
    INSERT INTO action_tallies VALUES (
        NEW.campaign_id, NEW.sender_id, NEW.step, COALESCE(NEW.variant, ''), NEW.type, NEW.state,
        substr(NEW.at_utc, 1, 10), 1,
        NEW.state = 'sent' AND NEW.type IN ('connect', 'message', 'inmail') AND NOT EXISTS (
            SELECT 1 FROM actions o WHERE o.enrollment_id = NEW.enrollment_id AND o.id <> NEW.id AND o.state = 'sent'
            AND (o.type = NEW.type OR (o.type IN ('message', 'inmail') AND NEW.type IN ('message', 'inmail')))),
        NEW.id)
    ON CONFLICT DO UPDATE SET actions = actions + 1, first_contacts = first_contacts + excluded.first_contacts,
                              first_id = MIN(first_id, excluded.first_id);
END;

CREATE TRIGGER enrollment_tallies_on_insert AFTER INSERT ON enrollments
BEGIN
    INSERT INTO enrollment_tallies VALUES (NEW.campaign_id, NEW.sender_id, substr(NEW.enrolled_at, 1, 10), 1)
    ON CONFLICT DO UPDATE SET enrolled = enrolled + 1;
END;
)sql";

// SSI: the group averages that LinkedIn's JSON gives beside the ranks, and the daily series the SSI report reads.
constexpr std::string_view k_schema_4 = R"sql(
ALTER TABLE ssi_snapshots ADD COLUMN industry_average REAL CHECK (industry_average BETWEEN 0 AND 100);
ALTER TABLE ssi_snapshots ADD COLUMN network_average REAL CHECK (network_average BETWEEN 0 AND 100);
CREATE INDEX events_by_sender_time ON events (sender_id, occurred_at) WHERE type IN ('accepted', 'replied');
CREATE INDEX action_tallies_by_sender ON action_tallies (sender_id, day);
)sql";

// Where polling a gateway for events has got to, saved with the events each poll brought; pending events by the time
// they happened, as events dated ahead of the clock wait for it; and until when a gateway asked a sender to wait (a
// rate limit), which the next run keeps too.
constexpr std::string_view k_schema_5 = R"sql(
ALTER TABLE senders ADD COLUMN held_until TEXT;
CREATE INDEX events_pending_by_time ON events (occurred_at) WHERE applied_at IS NULL;
CREATE TABLE event_cursors (
    source TEXT PRIMARY KEY,
    cursor TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
)sql";

// LinkedIn's own id of each member (ACoAA...), learned when a gateway looks their profile up: Unipile names someone who
// writes by it alone, and the profile URL does not show it. Unique, as one member is one prospect; compared as it is
// written, since LinkedIn's ids are case-sensitive where a profile URL's slug is not.
constexpr std::string_view k_schema_6 = R"sql(
ALTER TABLE prospects ADD COLUMN member_id TEXT;
CREATE UNIQUE INDEX prospects_by_member_id ON prospects (member_id) WHERE member_id IS NOT NULL;
)sql";

// A rehearsal's database says which live CRM it was copied from and when; a live one has no row. A step that failed
// says why in a word, so that the failures a change can fix can be tried again by reason.
constexpr std::string_view k_schema_7 = R"sql(
CREATE TABLE rehearsal (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    copied_from TEXT NOT NULL,
    copied_at   TEXT NOT NULL,
    fingerprint TEXT NOT NULL
);
ALTER TABLE actions ADD COLUMN failure TEXT CHECK (failure IN ('template', 'limit', 'rejected', 'gave_up'));
UPDATE actions SET failure = CASE
        WHEN error LIKE '%may not send %: its %limit is 0' THEN 'limit'
        WHEN error LIKE '%; gave up after % attempts' THEN 'gave_up'
        WHEN error LIKE 'no template %' OR error LIKE '%no value for %' OR error LIKE '%.mustache:%' THEN 'template'
        ELSE 'rejected' END
    WHERE state = 'failed' AND enrollment_id IN (SELECT id FROM enrollments WHERE state = 'failed');
)sql";

// Profile URLs as this version normalizes them (member ids keep their case, names are NFC): the stored ones are
// normalized again, and prospects that turn out to be one person are merged (store/renormalize.cpp). A row merged
// into another stays only when both were enrolled in the same campaign, to own its enrollment and its history.
constexpr std::string_view k_schema_8 = R"sql(
ALTER TABLE prospects ADD COLUMN merged_into INTEGER REFERENCES prospects (id);
)sql";

// SQLite tests `x IN ('a', 'b', 'c')` by building a temporary index of the list every time a statement runs: the
// tally triggers did so on every write of an action, and the CHECK constraints below on every insert and update of
// an action, an enrollment and an event, about a fifth of a simulated run's instructions. The same tests written as
// comparisons cost nothing. The triggers are made again; the constraints change in place (below).
//
// A prospect's tags are kept in the order of their key, without a row id: each tag was a row, its key's index and
// the index by tag, three B-trees written per tag of every prospect imported, where two do.
constexpr std::string_view k_schema_9 = R"sql(
CREATE TABLE prospect_tags_by_prospect (
    prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (prospect_id, tag)
) WITHOUT ROWID;
INSERT INTO prospect_tags_by_prospect SELECT prospect_id, tag FROM prospect_tags;
DROP TABLE prospect_tags;
ALTER TABLE prospect_tags_by_prospect RENAME TO prospect_tags;
CREATE INDEX prospect_tags_by_tag ON prospect_tags (tag, prospect_id);

DROP TRIGGER action_tallies_on_insert;
DROP TRIGGER action_tallies_on_update;

CREATE TRIGGER action_tallies_on_insert AFTER INSERT ON actions
BEGIN
    INSERT INTO action_tallies VALUES (
        NEW.campaign_id, NEW.sender_id, NEW.step, COALESCE(NEW.variant, ''), NEW.type, NEW.state,
        substr(NEW.at_utc, 1, 10), 1,
        NEW.state = 'sent' AND (NEW.type = 'connect' OR NEW.type = 'message' OR NEW.type = 'inmail') AND NOT EXISTS (
            SELECT 1 FROM actions o WHERE o.enrollment_id = NEW.enrollment_id AND o.id <> NEW.id AND o.state = 'sent'
            AND (o.type = NEW.type OR (o.type IN ('message', 'inmail') AND NEW.type IN ('message', 'inmail')))),
        NEW.id)
    ON CONFLICT DO UPDATE SET actions = actions + 1, first_contacts = first_contacts + excluded.first_contacts,
                              first_id = MIN(first_id, excluded.first_id);
END;

CREATE TRIGGER action_tallies_on_update AFTER UPDATE OF state, at_utc, variant ON actions
    WHEN NEW.state IS NOT OLD.state OR NEW.at_utc IS NOT OLD.at_utc OR NEW.variant IS NOT OLD.variant
BEGIN
    UPDATE action_tallies SET actions = actions - 1
        WHERE campaign_id = OLD.campaign_id AND sender_id = OLD.sender_id AND step = OLD.step
              AND variant = COALESCE(OLD.variant, '') AND type = OLD.type AND state = OLD.state
              AND day = substr(OLD.at_utc, 1, 10);
    INSERT INTO action_tallies VALUES (
        NEW.campaign_id, NEW.sender_id, NEW.step, COALESCE(NEW.variant, ''), NEW.type, NEW.state,
        substr(NEW.at_utc, 1, 10), 1,
        NEW.state = 'sent' AND (NEW.type = 'connect' OR NEW.type = 'message' OR NEW.type = 'inmail') AND NOT EXISTS (
            SELECT 1 FROM actions o WHERE o.enrollment_id = NEW.enrollment_id AND o.id <> NEW.id AND o.state = 'sent'
            AND (o.type = NEW.type OR (o.type IN ('message', 'inmail') AND NEW.type IN ('message', 'inmail')))),
        NEW.id)
    ON CONFLICT DO UPDATE SET actions = actions + 1, first_contacts = first_contacts + excluded.first_contacts,
                              first_id = MIN(first_id, excluded.first_id);
END;
)sql";

// Replies as the triage rules read them when they were applied (data/triage/README.md), kept so that a report, the
// inbox and the run agree on what each said, and a change of the rules reclassifies nothing until asked; a person's
// correction wins over the rules and stays. The inbox marks what the team has dealt with, and keeps the answers it
// writes until a run sends them, each once. A prospect who declines ends as `lost` (the constraint below); one who is
// away or asked to be contacted later has their sequence paused until a moment, with what was due shifted past it.
constexpr std::string_view k_schema_10 = R"sql(
CREATE TABLE IF NOT EXISTS replies (
    event_id      INTEGER PRIMARY KEY REFERENCES events (id),
    class         TEXT NOT NULL
                  CHECK (class = 'interested' OR class = 'not_interested' OR class = 'later' OR class = 'referral'
                         OR class = 'out_of_office' OR class = 'opt_out' OR class = 'neutral'),
    language      TEXT NOT NULL DEFAULT '',
    confidence    REAL NOT NULL,
    until         TEXT, -- YYYY-MM-DD: the day a later or an away notice points to
    reason        TEXT NOT NULL DEFAULT '',
    referral      TEXT, -- who a referral points to: an address, a profile or a name
    read_at       TEXT NOT NULL,
    corrected_at  TEXT, -- a person set the class: the rules never change it again
    applied_class TEXT, -- the class a run last acted on, and when: a correction undoes what that did
    applied_at    TEXT,
    done_at       TEXT, -- dealt with: out of the inbox
    snoozed_until TEXT  -- out of the inbox until then
) STRICT;
CREATE INDEX IF NOT EXISTS replies_by_class ON replies (class);
CREATE INDEX IF NOT EXISTS replies_open ON replies (event_id) WHERE done_at IS NULL;

CREATE TABLE IF NOT EXISTS inbox_answers (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL UNIQUE REFERENCES events (id), -- a reply is answered once
    enrollment_id INTEGER NOT NULL REFERENCES enrollments (id),
    sender_id     INTEGER NOT NULL REFERENCES senders (id),
    text          TEXT NOT NULL,
    written_at    TEXT NOT NULL,
    due_at        TEXT, -- when a run may send it (again); none once it went out, failed for good or is in doubt
    action_id     INTEGER REFERENCES actions (id) -- once a run has recorded its intent to send it
) STRICT;
CREATE INDEX IF NOT EXISTS inbox_answers_due ON inbox_answers (sender_id, due_at) WHERE due_at IS NOT NULL;

-- Each outbound webhook to post, written in the transaction of what it tells: none is lost, and the receiver
-- de-duplicates by event_key the ones that arrive twice.
CREATE TABLE IF NOT EXISTS hook_deliveries (
    id           INTEGER PRIMARY KEY,
    event_key    TEXT NOT NULL,
    type         TEXT NOT NULL, -- reply.classified, invitation.accepted, prospect.opted_out, inbox.*
    prospect_id  INTEGER REFERENCES prospects (id), -- whom it is about: an erasure takes what it says
    url          TEXT NOT NULL,
    secret_env   TEXT NOT NULL,
    timeout_ms   INTEGER NOT NULL,
    payload      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at      TEXT, -- when to post it (again); none once delivered or given up
    delivered_at TEXT,
    last_status  INTEGER,
    last_error   TEXT,
    UNIQUE (event_key, url)
) STRICT;
CREATE INDEX IF NOT EXISTS hook_deliveries_due ON hook_deliveries (next_at) WHERE next_at IS NOT NULL;
)sql";

// Randomized activity experiments (docs/reports.md): the plan as it was drawn and shown, period by period, so that
// what a campaign follows and what the report analyses is that plan, whatever a later version would draw.
constexpr std::string_view k_schema_11 = R"sql(
CREATE TABLE IF NOT EXISTS ssi_experiments (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    sender_id  INTEGER NOT NULL REFERENCES senders (id),
    activity   TEXT NOT NULL,
    unit       TEXT NOT NULL CHECK (unit = 'week' OR unit = 'day'),
    start_day  TEXT NOT NULL, -- YYYY-MM-DD, the sender's day
    weeks      INTEGER NOT NULL CHECK (weeks > 0 AND weeks % 2 = 0),
    seed       INTEGER NOT NULL,
    lag_days   INTEGER NOT NULL CHECK (lag_days >= 0),
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS ssi_experiment_periods (
    experiment_id INTEGER NOT NULL REFERENCES ssi_experiments (id) ON DELETE CASCADE,
    first_day     TEXT NOT NULL,
    days          INTEGER NOT NULL CHECK (days > 0),
    pair          INTEGER NOT NULL,
    arm           TEXT NOT NULL CHECK (arm = 'on' OR arm = 'off'),
    PRIMARY KEY (experiment_id, first_day)
) STRICT;
)sql";

// The SSI history and the imported activity clustered by their keys (WITHOUT ROWID): a report reads a sender's days
// in one range of the table instead of an index and a lookup of each row in it, a fifth of an SSI report's time.
// The activity's check is written as comparisons, which cost an insert nothing (schema 9), and its count comes after
// the key's columns: SQLite 3.40's integrity_check misreads a NOT NULL column declared before one of the key's.
constexpr std::string_view k_schema_12 = R"sql(
CREATE TABLE ssi_snapshots_by_key (
    sender_id        INTEGER NOT NULL REFERENCES senders (id),
    day              TEXT NOT NULL,
    brand            REAL NOT NULL CHECK (brand BETWEEN 0 AND 25),
    people           REAL NOT NULL CHECK (people BETWEEN 0 AND 25),
    insights         REAL NOT NULL CHECK (insights BETWEEN 0 AND 25),
    relationships    REAL NOT NULL CHECK (relationships BETWEEN 0 AND 25),
    total            REAL NOT NULL,
    industry_rank    INTEGER CHECK (industry_rank BETWEEN 1 AND 100),
    network_rank     INTEGER CHECK (network_rank BETWEEN 1 AND 100),
    source           TEXT NOT NULL,
    recorded_at      TEXT NOT NULL,
    industry_average REAL CHECK (industry_average BETWEEN 0 AND 100),
    network_average  REAL CHECK (network_average BETWEEN 0 AND 100),
    PRIMARY KEY (sender_id, day)
) WITHOUT ROWID;
INSERT INTO ssi_snapshots_by_key (sender_id, day, brand, people, insights, relationships, total, industry_rank,
                                  network_rank, source, recorded_at, industry_average, network_average)
SELECT sender_id, day, brand, people, insights, relationships, total, industry_rank, network_rank, source, recorded_at,
       industry_average, network_average
FROM ssi_snapshots;
DROP TABLE ssi_snapshots;
ALTER TABLE ssi_snapshots_by_key RENAME TO ssi_snapshots;

CREATE TABLE activities_by_key (
    sender_id INTEGER NOT NULL REFERENCES senders (id),
    day       TEXT NOT NULL,
    activity  TEXT NOT NULL
              CHECK (activity = 'profile_views' OR activity = 'connection_requests' OR
                     activity = 'connections_accepted' OR activity = 'messages_sent' OR
                     activity = 'replies_received' OR activity = 'posts' OR activity = 'comments' OR
                     activity = 'likes' OR activity = 'follows' OR activity = 'endorsements'),
    source    TEXT NOT NULL,
    count     INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (sender_id, day, activity, source)
) WITHOUT ROWID;
INSERT INTO activities_by_key (sender_id, day, activity, count, source)
SELECT sender_id, day, activity, count, source FROM activities;
DROP TABLE activities;
ALTER TABLE activities_by_key RENAME TO activities;
)sql";

// A limit of an account for one type of action, such as LinkedIn's weekly invitations: the sender's actions of that
// type wait until held_until, and its others go on. It may be there already in a database whose version number was
// set back by hand.
constexpr std::string_view k_schema_13 = R"sql(
CREATE TABLE IF NOT EXISTS sender_holds (
    sender_id   INTEGER NOT NULL REFERENCES senders (id),
    action_type TEXT NOT NULL,
    held_until  TEXT NOT NULL,
    reason      TEXT NOT NULL,
    PRIMARY KEY (sender_id, action_type)
) WITHOUT ROWID;
)sql";

// Several runners sharing one CRM (docs/operations.md): each runner on the wall clock and its heartbeat, and the
// leases by which one of them at a time acts for a sender, or does the chores every runner would otherwise repeat
// (sender_id NULL). Times are milliseconds since 1970 on the database's clock. An epoch grows with each new owner of a
// lease, and every write of an intent or an outcome checks it.
constexpr std::string_view k_schema_14 = R"sql(
CREATE TABLE IF NOT EXISTS runners (
    id           TEXT PRIMARY KEY,
    host         TEXT NOT NULL,
    pid          INTEGER NOT NULL,
    started_ms   INTEGER NOT NULL,
    heartbeat_ms INTEGER NOT NULL,
    lease_ms     INTEGER NOT NULL CHECK (lease_ms > 0)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS leases (
    name        TEXT PRIMARY KEY,
    sender_id   INTEGER UNIQUE REFERENCES senders (id),
    owner       TEXT NOT NULL,
    epoch       INTEGER NOT NULL CHECK (epoch > 0),
    acquired_ms INTEGER NOT NULL,
    expires_ms  INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// A column's CHECK constraint, as a list the way the tables were made and as comparisons.
struct ListedCheck {
    std::string_view table;
    std::string_view column;
    std::vector<std::string_view> values;

    ListedCheck with(std::string_view value) const {
        auto more = *this;
        more.values.push_back(value);
        return more;
    }
    std::string listed() const {
        std::string text = "CHECK (" + std::string(column) + " IN (";
        for (std::size_t i = 0; i < values.size(); ++i) {
            text += (i > 0 ? ", '" : "'") + std::string(values[i]) + "'";
        }
        return text + "))";
    }
    std::string compared() const {
        std::string text = "CHECK (";
        for (std::size_t i = 0; i < values.size(); ++i) {
            text += (i > 0 ? " OR " : "") + std::string(column) + " = '" + std::string(values[i]) + "'";
        }
        return text + ")";
    }
};

// SQLite's procedure for changing a CHECK constraint that every row already meets: the table's CREATE statement is
// edited in the schema table and the schema's version raised, in the migration's transaction. `edit` gives each
// check's text before and after; a table that already has the text after, or a list of values that begins with it
// (a later version allows more), stays as it is.
void edit_checks(SQLite::Database& db, const std::vector<ListedCheck>& checks,
                 const std::function<std::pair<std::string, std::string>(const ListedCheck&)>& edit) {
    auto schema_version = db.execAndGet("PRAGMA schema_version").getInt();
    db.exec("PRAGMA writable_schema = ON");
    for (const auto& check : checks) {
        auto [before, after] = edit(check);
        SQLite::Statement update(db, "UPDATE sqlite_schema SET sql = replace(sql, ?1, ?2)"
                                     " WHERE type = 'table' AND name = ?3 AND instr(sql, ?1) > 0");
        update.bind(1, before);
        update.bind(2, after);
        update.bind(3, std::string(check.table));
        if (update.exec() == 1) {
            continue;
        }
        SQLite::Statement edited(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ? AND"
                                     " instr(sql, ?) > 0");
        edited.bind(1, std::string(check.table));
        edited.bind(2, after.substr(0, after.size() - 1)); // without its closing parenthesis
        if (!edited.executeStep()) {
            db.exec("PRAGMA writable_schema = OFF");
            throw core::RuntimeFailure("error: cannot upgrade the database: table '" + std::string(check.table) +
                                       "' does not have the constraint " + before);
        }
    }
    db.exec("PRAGMA schema_version = " + std::to_string(schema_version + 1));
    db.exec("PRAGMA writable_schema = OFF");
}

const ListedCheck k_enrollment_states{
    "enrollments", "state", {"active", "done", "replied", "opted_out", "failed", "stopped"}};

// The constraints mean the same either way (a NULL passes both forms), so no row needs checking.
void compare_instead_of_listing(SQLite::Database& db) {
    const std::vector<ListedCheck> checks{
        k_enrollment_states,
        {"actions", "state", {"sending", "sent", "failed", "in_doubt"}},
        {"actions", "failure", {"template", "limit", "rejected", "gave_up"}},
        {"events", "type", {"accepted", "replied", "opted_out", "bounced", "withdrawn", "restricted"}},
    };
    edit_checks(db, checks, [](const ListedCheck& check) { return std::pair{check.listed(), check.compared()}; });
}

// A state more, which no row has yet, and a column; both may be there already in a database whose version number was
// set back by hand.
void allow_lost_enrollments(SQLite::Database& db) {
    SQLite::Statement column(db, "SELECT 1 FROM pragma_table_info('enrollments') WHERE name = 'paused_until'");
    if (!column.executeStep()) {
        db.exec("ALTER TABLE enrollments ADD COLUMN paused_until TEXT");
    }
    edit_checks(db, {k_enrollment_states}, [](const ListedCheck& check) {
        return std::pair{check.compared(), check.with("lost").compared()};
    });
}

constexpr std::array<Migration, 14> k_migrations{
    {{k_schema_1},
     {k_schema_2},
     {k_schema_3},
     {k_schema_4},
     {k_schema_5},
     {k_schema_6},
     {k_schema_7},
     {k_schema_8, [](SQLite::Database& db) { renormalize_profile_urls(*sqlite_connection(db, "")); }},
     {k_schema_9, compare_instead_of_listing},
     {k_schema_10, allow_lost_enrollments},
     {k_schema_11},
     {k_schema_12},
     {k_schema_13},
     {k_schema_14}}};

} // namespace

std::span<const Migration> migrations() {
    return k_migrations;
}

} // namespace campaign::store
