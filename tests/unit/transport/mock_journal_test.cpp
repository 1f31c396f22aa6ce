// The mock transport's journal: what the simulated LinkedIn side received outlives the process, a line cut short by
// a kill is dropped, and any other damage stops the run with the place to look at.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "unit/store/temp_folder.hpp"
#include "unit/transport/mock_fixture.hpp"

using namespace campaign;
using namespace campaign::test;
using core::ActionType;
using transport::LookupStatus;
using transport::MockTransport;
using transport::SendStatus;

namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream input(path, std::ios::binary);
    std::ostringstream content;
    content << input.rdbuf();
    return content.str();
}

void append(const std::filesystem::path& path, std::string_view text) {
    std::ofstream output(path, std::ios::binary | std::ios::app);
    output << text;
}

} // namespace

TEST_CASE("a journal brings back what was performed and the events it set off", "[transport]") {
    TempFolder folder;
    auto journal = folder / "mock.jsonl";
    std::vector<std::string> delivered;
    std::string response;
    {
        MockTransport first(model(1.0, 1.0), 17, journal);
        response = first.send(action("q4:1:invite", ActionType::connect, prospect(1))).response;
        first.send(action("q4:2:thanks", ActionType::message, prospect(2)));
        first.send(action("q4:3:invite", ActionType::connect, prospect(3)));
        auto withdrawn_at = accepted_at(17, "q4:3:invite", prospect(3)) - std::chrono::seconds{1};
        first.send(action("q4:3:withdraw", ActionType::withdraw_invite, prospect(3), withdrawn_at));
        delivered = describe(first.poll(k_far_future));
    }
    REQUIRE(delivered.size() == 2);

    MockTransport second(model(0.0, 0.0), 99, journal);
    auto lookup = second.lookup("q4:1:invite");
    CHECK(lookup.status == LookupStatus::performed);
    CHECK(lookup.result.response == response);
    CHECK(second.lookup("q4:3:withdraw").status == LookupStatus::performed);
    CHECK(second.lookup("q4:4:invite").status == LookupStatus::not_performed);
    // Events come again, as the journal recorded them, with the withdrawn acceptance still cancelled.
    CHECK(describe(second.poll(k_far_future)) == delivered);
    CHECK(second.send(action("q4:1:invite", ActionType::connect, prospect(1))).response == response);
    CHECK(second.poll(k_far_future).empty());
}

TEST_CASE("a journal entry is on disk when send returns, and failures are not recorded", "[transport]") {
    TempFolder folder;
    auto journal = folder / "mock.jsonl";
    MockTransport always_failing(model(1.0, 1.0, 0.0, 1.0), 1, journal);
    CHECK(always_failing.send(action("a", ActionType::connect, prospect(1))).status == SendStatus::retry_later);
    CHECK(read(journal).empty());

    MockTransport mock(model(1.0, 0.0), 1, journal);
    mock.send(action("b", ActionType::connect, prospect(2)));
    auto text = read(journal);
    CHECK(std::count(text.begin(), text.end(), '\n') == 1);
    CHECK(text.find(R"("key":"b")") != std::string::npos);
    CHECK(text.find(R"("id":"mock:b:accepted")") != std::string::npos);
}

TEST_CASE("a last journal line cut short by a kill is dropped and the journal goes on", "[transport]") {
    TempFolder folder;
    auto journal = folder / "mock.jsonl";
    {
        MockTransport first(model(1.0, 1.0), 3, journal);
        first.send(action("a", ActionType::connect, prospect(1)));
    }
    SECTION("without its newline") {
        append(journal, R"({"key":"b","type":"conn)");
    }
    SECTION("with a newline but unreadable") {
        append(journal, "{\"key\":\"b\"}\n");
    }
    {
        MockTransport second(model(1.0, 1.0), 3, journal);
        CHECK(second.lookup("a").status == LookupStatus::performed);
        CHECK(second.lookup("b").status == LookupStatus::not_performed);
        second.send(action("c", ActionType::connect, prospect(3)));
    }
    MockTransport third(model(1.0, 1.0), 3, journal);
    CHECK(third.lookup("a").status == LookupStatus::performed);
    CHECK(third.lookup("c").status == LookupStatus::performed);
    CHECK(third.poll(k_far_future).size() == 2);
}

TEST_CASE("the last sends a simulated run never committed are forgotten, the earlier ones kept", "[transport]") {
    TempFolder folder;
    auto journal = folder / "mock.jsonl";
    {
        MockTransport first(model(1.0, 1.0), 5, journal);
        for (const auto* key : {"a", "b", "c", "d"}) {
            first.send(action(key, ActionType::connect, prospect(1)));
        }
    }
    auto before = read(journal);
    // The database holds a and c (b was erased with its prospect since), not d: only d goes.
    std::set<std::string> recorded{"a", "c"};
    auto in_database = [&recorded](const std::string& key) { return recorded.contains(key); };
    {
        MockTransport second(model(1.0, 1.0), 5, journal, in_database);
        CHECK(second.lookup("a").status == LookupStatus::performed);
        CHECK(second.lookup("b").status == LookupStatus::performed);
        CHECK(second.lookup("c").status == LookupStatus::performed);
        CHECK(second.lookup("d").status == LookupStatus::not_performed);
        CHECK(second.poll(k_far_future).size() == 3);
        CHECK(read(journal) == before.substr(0, before.find("{\"at\"", before.find("\"key\":\"c\""))));
        // Sent again by the run that goes on: one line for it, as if the first had never been.
        second.send(action("d", ActionType::connect, prospect(1)));
    }
    auto text = read(journal);
    CHECK(std::count(text.begin(), text.end(), '\n') == 4);
    recorded.insert("d");
    MockTransport third(model(1.0, 1.0), 5, journal, in_database);
    CHECK(third.lookup("d").status == LookupStatus::performed);
    CHECK(read(journal) == text);
}

TEST_CASE("a journal line is JSON as nlohmann writes it, whatever the text holds", "[transport]") {
    TempFolder folder;
    auto journal = folder / "mock.jsonl";
    MockTransport mock(model(1.0, 1.0), 2, journal);
    auto someone = prospect(1);
    someone.profile_url = "https://linkedin.com/in/zo\xc3\xab-\"quoted\"\\slash\ttab\x01\x7f";
    mock.send(action("q4/1/\xe2\x82\xac", ActionType::connect, someone));
    mock.send(action("q4/2/bad-\xff", ActionType::message, someone));
    std::istringstream lines(read(journal));
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        CHECK(
            nlohmann::json::parse(line, nullptr, true).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) ==
            line);
    }
    CHECK(count == 2);
    MockTransport again(model(0.0, 0.0), 2, journal);
    CHECK(again.lookup("q4/1/\xe2\x82\xac").status == LookupStatus::performed);
}

TEST_CASE("damage before the last journal line is an error at its line", "[transport]") {
    TempFolder folder;
    auto journal = folder / "mock.jsonl";
    {
        MockTransport first(model(1.0, 1.0), 3, journal);
        first.send(action("a", ActionType::connect, prospect(1)));
    }
    auto good = read(journal);
    SECTION("not JSON") {
        append(journal, "not json\n" + good);
    }
    SECTION("an unknown action type") {
        std::string bad = good;
        bad.replace(bad.find(R"("type":"connect")"), 16, R"("type":"poke")");
        append(journal, bad + good);
    }
    SECTION("a bad time") {
        std::string bad = good;
        bad.replace(bad.find("2026-11-02T09:00:00Z"), 20, "yesterday");
        append(journal, bad + good);
    }
    REQUIRE_THROWS_MATCHES(MockTransport(model(1.0, 1.0), 3, journal), core::RuntimeFailure,
                           Catch::Message(journal.string() +
                                          ":2: error: the mock journal is damaged: this line is not an action it "
                                          "recorded"));
}

TEST_CASE("a journal that cannot be opened is a runtime failure", "[transport]") {
    TempFolder folder;
    auto journal = folder / "missing" / "mock.jsonl";
    REQUIRE_THROWS_MATCHES(
        MockTransport(model(1.0, 1.0), 3, journal), core::RuntimeFailure,
        Catch::Message("cannot open the mock journal " + journal.string() + ": No such file or directory"));
}
