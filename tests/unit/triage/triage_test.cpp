#include <catch2/catch.hpp>

#include "config/triage_rules_loader.hpp"
#include "core/time.hpp"
#include "triage/triage.hpp"

using namespace campaign;
using core::ReplyClass;
namespace chrono = std::chrono;

namespace {

const triage::Triage& built_in() {
    static const triage::Triage triage(config::load_triage_rules().languages);
    return triage;
}

triage::Reading read(const std::string& text, const std::string& received = "2026-12-04") {
    return built_in().read(text, chrono::year_month_day{*core::parse_day(received)});
}

ReplyClass class_of(const std::string& text) {
    return read(text).reply_class;
}

std::string until_of(const std::string& text, const std::string& received) {
    auto until = read(text, received).until;
    return until ? core::format_day(chrono::sys_days{*until}) : "none";
}

} // namespace

TEST_CASE("the issue's replies are read as a sales team would", "[triage]") {
    CHECK(class_of("Ha, I can't stop laughing at the video - yes, let's talk next week!") == ReplyClass::interested);
    CHECK(class_of("not interested right now, try me in Q3") == ReplyClass::later);
    CHECK(class_of("I'm not interested, thanks") == ReplyClass::not_interested);
    CHECK(class_of("Thanks!\n\n> Reply STOP to unsubscribe") == ReplyClass::neutral);
    CHECK(class_of("I am out of the office until 12 January with limited access to email.") ==
          ReplyClass::out_of_office);
    CHECK(class_of("Please remove me from your list.") == ReplyClass::opt_out);
}

TEST_CASE("an opt-out needs an explicit request", "[triage]") {
    CHECK(class_of("stop") != ReplyClass::opt_out);
    CHECK(class_of("STOP") != ReplyClass::opt_out);
    CHECK(class_of("Not interested.") == ReplyClass::not_interested);
    CHECK(class_of("Don't hesitate to contact me next week, happy to chat") == ReplyClass::interested);
    CHECK(class_of("I don't want to unsubscribe, just send me the deck") != ReplyClass::opt_out);
    CHECK(class_of("Please do not contact me again.") == ReplyClass::opt_out);
    CHECK(class_of("Under GDPR I ask you to delete my data.") == ReplyClass::opt_out);
}

TEST_CASE("each class, with its reason and confidence", "[triage]") {
    auto interested = read("Sounds interesting - could you send over the pricing?");
    CHECK(interested.reply_class == ReplyClass::interested);
    CHECK(interested.language == "en");
    CHECK(interested.confidence >= 0.8);
    CHECK_FALSE(interested.reason.empty());

    auto referral = read("I'm not the right person. Talk to Anna Berg, anna.berg@example.com");
    CHECK(referral.reply_class == ReplyClass::referral);
    CHECK(referral.referral == "anna.berg@example.com");

    auto named = read("You should speak to Priya Shah, our head of growth.");
    CHECK(named.reply_class == ReplyClass::referral);
    CHECK(named.referral == "Priya Shah");

    auto later = read("Bad timing, we're mid-audit. Ping me after the summer.", "2026-05-06");
    CHECK(later.reply_class == ReplyClass::later);
    CHECK(later.until == chrono::year_month_day{chrono::year{2026}, chrono::September, chrono::day{1}});

    CHECK(class_of("Thanks for connecting!") == ReplyClass::neutral);
    CHECK(read("").reply_class == ReplyClass::neutral);
    CHECK(read("").confidence == 0.5);
    CHECK(read("").reason.empty());
}

TEST_CASE("an away notice wins over the stand-in it names and gives its return", "[triage]") {
    auto away = read("Automatic reply: I'm on annual leave until 5 January. For urgent matters contact "
                     "Julie (julie@example.com).",
                     "2026-12-21");
    CHECK(away.reply_class == ReplyClass::out_of_office);
    CHECK(away.until == chrono::year_month_day{chrono::year{2027}, chrono::January, chrono::day{5}});
    CHECK_FALSE(away.referral);
    CHECK(until_of("Out of office through Thursday.", "2026-12-01") == "2026-12-04");
}

TEST_CASE("a yes that puts the talk weeks out is a later", "[triage]") {
    CHECK(class_of("Sounds great, let's talk in March.") == ReplyClass::later);
    CHECK(class_of("Sounds great, let's talk next week.") == ReplyClass::interested);
    CHECK(class_of("Looks interesting but we're not interested right now.") == ReplyClass::not_interested);
    CHECK(class_of("Not for us, but happy to see a demo of the other product.") == ReplyClass::interested);
}
