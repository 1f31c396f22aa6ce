// Schema 8: the profile URLs stored by earlier versions, normalized again by core::normalize_profile_url.
#pragma once

namespace campaign::store {

class Connection;
class Statement;

// Every prospect, profile suppression and event gets the URL this version makes of the one stored. Prospects that
// turn out to be the same person are merged into the one imported first: tags, enrollments, their actions and events
// move to it, and the values of the row updated last win where they are not empty. An enrollment cannot move when
// the kept prospect is enrolled in the same campaign too (one enrollment per campaign and prospect): the merged row
// then stays, hidden (merged_into), to own it and its history; if still active, the next run stops it.
// Moving rows changes no tally: the tallies count by campaign, sender, step and day, never by prospect.
void renormalize_profile_urls(Connection& db);

} // namespace campaign::store
