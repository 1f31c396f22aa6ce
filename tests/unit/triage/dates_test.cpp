#include <catch2/catch.hpp>

#include "config/triage_rules_loader.hpp"
#include "core/time.hpp"
#include "triage/dates.hpp"

using namespace campaign;
using namespace campaign::triage;
namespace chrono = std::chrono;

namespace {

chrono::year_month_day day(const std::string& text) {
    return chrono::year_month_day{*core::parse_day(text)};
}

const LanguageRules& english() {
    static const auto languages = config::load_triage_rules().languages;
    return languages.front();
}

// The day `text` implies, received on `received`, as "YYYY-MM-DD" or "none".
std::string implied(const std::string& text, const std::string& received) {
    auto sentences = read_sentences(text);
    auto mentions = find_dates(sentences, {&english()}, day(received));
    auto date = implied_date(mentions, day(received));
    return date ? core::format_day(chrono::sys_days{*date}) : "none";
}

} // namespace

TEST_CASE("dates in words and numbers take the next year that makes them ahead", "[triage]") {
    CHECK(implied("Back on 12 January.", "2026-12-04") == "2027-01-12");
    CHECK(implied("Back on January 12th, 2027.", "2026-12-04") == "2027-01-12");
    CHECK(implied("Back on the 3rd of March", "2026-12-04") == "2027-03-03");
    CHECK(implied("back 05/01/2027", "2026-12-20") == "2027-01-05");
    CHECK(implied("back 8/1", "2026-12-20") == "2027-01-08");  // day before month
    CHECK(implied("back 1/25", "2026-12-20") == "2027-01-25"); // unless only the other way is a date
    CHECK(implied("back 2027-02-01", "2026-12-20") == "2027-02-01");
    CHECK(implied("back 31/02", "2026-12-20") == "none");
    CHECK(implied("I worked on it in 2019.", "2026-12-20") == "none");
}

TEST_CASE("until, through, inclusive and back markers give the first day back", "[triage]") {
    CHECK(implied("Out until 12 January", "2026-12-20") == "2027-01-12");
    CHECK(implied("Out until 12 January inclusive", "2026-12-20") == "2027-01-13");
    CHECK(implied("I'm off through Thursday", "2026-12-04") == "2026-12-11"); // a Friday, the day after
    CHECK(implied("Away from 20 December to 4 January, back on 6 January", "2026-12-10") == "2027-01-06");
    CHECK(implied("Away from 20 December to 4 January", "2026-12-10") == "2027-01-04");
}

TEST_CASE("weekdays, relative dates, months, quarters and holidays", "[triage]") {
    CHECK(implied("back Thursday", "2026-12-03") == "2026-12-10"); // a Thursday: the next one
    CHECK(implied("back Thursday", "2026-12-01") == "2026-12-03");
    CHECK(implied("tomorrow", "2026-12-31") == "2027-01-01");
    CHECK(implied("next week", "2026-12-04") == "2026-12-07");
    CHECK(implied("in two weeks", "2026-11-18") == "2026-12-02");
    CHECK(implied("in a month", "2026-01-31") == "2026-02-28");
    CHECK(implied("next month", "2026-10-30") == "2026-11-01");
    CHECK(implied("try me in Q3", "2026-03-24") == "2026-07-01");
    CHECK(implied("try me in Q2", "2026-05-01") == "2027-04-01"); // Q2 has begun
    CHECK(implied("the second quarter of next year", "2026-05-01") == "2027-04-01");
    CHECK(implied("H2", "2026-03-01") == "2026-07-01");
    CHECK(implied("at the end of Q1", "2026-12-04") == "2027-03-31");
    CHECK(implied("by the end of 2027", "2026-12-04") == "2027-12-31");
    CHECK(implied("in 2028", "2026-12-04") == "2028-01-01");
    CHECK(implied("back Thursday the 10th", "2026-12-04") == "2026-12-10");
    CHECK(implied("in March", "2026-12-04") == "2027-03-01");
    CHECK(implied("mid-January", "2026-12-04") == "2027-01-15");
    CHECK(implied("end of February", "2026-12-04") == "2027-02-28");
    CHECK(implied("after the holidays", "2026-10-27") == "2027-01-04"); // the first Monday on or after 2 January
    CHECK(implied("after the holidays", "2027-12-20") == "2028-01-03");
    CHECK(implied("after the summer", "2026-05-06") == "2026-09-01");
    CHECK(implied("after Easter", "2027-03-01") == "2027-03-30"); // Easter Sunday 2027 is 28 March
    CHECK(implied("next year", "2026-06-24") == "2027-01-01");
    // "may" is a word as well as a month: alone, it is not a date.
    CHECK(implied("We may talk", "2026-03-01") == "none");
    CHECK(implied("in May", "2026-03-01") == "2026-05-01");
}
