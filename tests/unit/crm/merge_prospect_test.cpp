#include <catch2/catch.hpp>

#include "crm/importer.hpp"

using namespace campaign;

namespace {

core::Prospect known_jane() {
    core::Prospect jane;
    jane.id = 7;
    jane.profile_url = "https://linkedin.com/in/jane-doe";
    jane.first_name = "Jane";
    jane.last_name = "Doe";
    jane.email = "jane@example.com";
    jane.company = "Acme";
    jane.title = "CEO";
    jane.location = "London";
    jane.industry = "Software";
    jane.source = "first.csv";
    jane.fields = {{"note", "met at Web Summit"}};
    jane.tags = {"founders"};
    jane.created_at = core::parse_utc("2026-11-01T00:00:00Z").value();
    jane.updated_at = jane.created_at;
    return jane;
}

} // namespace

TEST_CASE("merge_prospect takes new non-empty values", "[crm]") {
    auto jane = known_jane();
    core::Prospect incoming;

    SECTION("an empty row changes nothing") {
        CHECK_FALSE(crm::merge_prospect(jane, incoming));
    }
    SECTION("the same values change nothing") {
        incoming = known_jane();
        incoming.source = "second.csv";
        incoming.updated_at = core::parse_utc("2026-12-01T00:00:00Z").value();
        CHECK_FALSE(crm::merge_prospect(jane, incoming));
    }
    SECTION("each standard field is taken") {
        incoming.first_name = "Janet";
        incoming.last_name = "Doe-Smith";
        incoming.email = "janet@acme.example";
        incoming.company = "Acme Corp";
        incoming.title = "Chair";
        incoming.location = "Paris";
        incoming.industry = "Robotics";
        CHECK(crm::merge_prospect(jane, incoming));
        CHECK(jane.first_name == "Janet");
        CHECK(jane.last_name == "Doe-Smith");
        CHECK(jane.email == "janet@acme.example");
        CHECK(jane.company == "Acme Corp");
        CHECK(jane.title == "Chair");
        CHECK(jane.location == "Paris");
        CHECK(jane.industry == "Robotics");
    }
    SECTION("one changed field is a change") {
        incoming.industry = "Robotics";
        CHECK(crm::merge_prospect(jane, incoming));
        CHECK(jane.industry == "Robotics");
        CHECK(jane.company == "Acme");
    }
    SECTION("a custom field is added or replaced") {
        incoming.fields = {{"note", "met again"}, {"region", "EMEA"}};
        CHECK(crm::merge_prospect(jane, incoming));
        CHECK(jane.fields == std::map<std::string, std::string>{{"note", "met again"}, {"region", "EMEA"}});
    }
    SECTION("an empty custom field erases nothing and adds nothing") {
        incoming.fields = {{"note", ""}, {"region", ""}};
        CHECK_FALSE(crm::merge_prospect(jane, incoming));
        CHECK(jane.fields == std::map<std::string, std::string>{{"note", "met at Web Summit"}});
    }
    SECTION("tags are added, never removed") {
        incoming.tags = {"founders", "vip"};
        CHECK(crm::merge_prospect(jane, incoming));
        CHECK(jane.tags == std::set<std::string>{"founders", "vip"});
        CHECK_FALSE(crm::merge_prospect(jane, incoming));
        CHECK_FALSE(crm::merge_prospect(jane, core::Prospect{}));
        CHECK(jane.tags == std::set<std::string>{"founders", "vip"});
    }
    SECTION("the first source is kept") {
        incoming.source = "second.csv";
        CHECK_FALSE(crm::merge_prospect(jane, incoming));
        CHECK(jane.source == "first.csv");
        jane.source = "";
        CHECK(crm::merge_prospect(jane, incoming));
        CHECK(jane.source == "second.csv");
    }

    // Identity and history are not the row's to change.
    CHECK(jane.id == 7);
    CHECK(jane.profile_url == "https://linkedin.com/in/jane-doe");
    CHECK(jane.created_at == core::parse_utc("2026-11-01T00:00:00Z").value());
    CHECK(jane.updated_at == jane.created_at);
}

TEST_CASE("merge_prospect keeps what an empty value would erase", "[crm]") {
    auto jane = known_jane();
    core::Prospect incoming;
    incoming.company = "Acme Corp";
    CHECK(crm::merge_prospect(jane, incoming));
    CHECK(jane.first_name == "Jane");
    CHECK(jane.last_name == "Doe");
    CHECK(jane.email == "jane@example.com");
    CHECK(jane.title == "CEO");
    CHECK(jane.location == "London");
    CHECK(jane.industry == "Software");
    CHECK(jane.fields == std::map<std::string, std::string>{{"note", "met at Web Summit"}});
    CHECK(jane.tags == std::set<std::string>{"founders"});
}
