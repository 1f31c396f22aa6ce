#include <catch2/catch.hpp>

#include "core/audience.hpp"

using namespace campaign::core;

namespace {

Prospect founder() {
    Prospect prospect;
    prospect.profile_url = "https://linkedin.com/in/ada";
    prospect.first_name = "Ada";
    prospect.title = "Founder ";
    prospect.location = "Paris, France";
    prospect.fields["team_size"] = "12";
    prospect.tags = {"founders", "europe"};
    return prospect;
}

FieldFilter filter(std::string field, FieldTest test, std::vector<std::string> values) {
    FieldFilter made;
    made.field = std::move(field);
    made.test = test;
    made.values = std::move(values);
    return made;
}

} // namespace

TEST_CASE("field values are standard or custom, and an empty value is no value", "[core]") {
    auto prospect = founder();
    CHECK(field_value(prospect, "first_name") == "Ada");
    CHECK(field_value(prospect, "team_size") == "12");
    CHECK_FALSE(field_value(prospect, "company"));
    CHECK_FALSE(field_value(prospect, "unknown"));
}

TEST_CASE("field filters compare as a user reads", "[core]") {
    auto prospect = founder();
    CHECK(matches(filter("title", FieldTest::equals, {"founder"}), prospect));
    CHECK(matches(filter("title", FieldTest::in, {"CEO", "FOUNDER"}), prospect));
    CHECK_FALSE(matches(filter("title", FieldTest::in, {"CEO", "CTO"}), prospect));
    CHECK(matches(filter("location", FieldTest::contains, {"france"}), prospect));
    CHECK_FALSE(matches(filter("company", FieldTest::contains, {""}), prospect));

    auto exists = filter("company", FieldTest::exists, {});
    exists.exists = false;
    CHECK(matches(exists, prospect));
    exists.exists = true;
    CHECK_FALSE(matches(exists, prospect));
}

TEST_CASE("an audience needs every tag, one of the any-tags, every filter, and no exclusion", "[core]") {
    auto prospect = founder();
    Audience audience;
    audience.tags = {"founders"};
    audience.any_tags = {"north-america", "europe"};
    audience.where = {filter("title", FieldTest::equals, {"Founder"})};
    CHECK(matches(audience, prospect));

    SECTION("a missing tag") {
        audience.tags.push_back("saas");
        CHECK_FALSE(matches(audience, prospect));
    }
    SECTION("none of the any-tags") {
        audience.any_tags = {"asia"};
        CHECK_FALSE(matches(audience, prospect));
    }
    SECTION("an excluded tag") {
        audience.exclude_tags = {"customer", "europe"};
        CHECK_FALSE(matches(audience, prospect));
    }
    SECTION("an excluding filter") {
        audience.exclude_where = {filter("team_size", FieldTest::in, {"11", "12"})};
        CHECK_FALSE(matches(audience, prospect));
    }
}
