#include <catch2/catch.hpp>
#include <sstream>

#include "crm/csv_reader.hpp"

using namespace campaign::crm;

namespace {

using Fields = std::vector<std::string>;

struct Read {
    Fields fields;
    int line;
};

std::vector<Read> read_all(const std::string& text, char delimiter = ',') {
    std::istringstream input(text);
    CsvReader reader(input, delimiter);
    std::vector<Read> records;
    CsvRecord record;
    while (reader.next(record)) {
        records.push_back({record.fields, record.line});
    }
    return records;
}

Fields fields_of(const std::vector<Read>& records) {
    Fields all;
    for (const auto& record : records) {
        all.insert(all.end(), record.fields.begin(), record.fields.end());
    }
    return all;
}

std::vector<int> lines_of(const std::vector<Read>& records) {
    std::vector<int> lines;
    for (const auto& record : records) {
        lines.push_back(record.line);
    }
    return lines;
}

// The CsvError that reading all of `text` throws, as "line: message".
std::string error_of(const std::string& text) {
    try {
        read_all(text);
    } catch (const CsvError& error) {
        return std::to_string(error.line()) + ": " + error.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("CSV records split on the delimiter, one a line", "[crm]") {
    auto records = read_all("name,url,company\nJane,linkedin.com/in/jane,Acme\n");
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields == Fields{"name", "url", "company"});
    CHECK(records[1].fields == Fields{"Jane", "linkedin.com/in/jane", "Acme"});
    CHECK(lines_of(records) == std::vector<int>{1, 2});

    SECTION("the last record needs no line break") {
        CHECK(read_all("a,b\nc,d").back().fields == Fields{"c", "d"});
        CHECK(read_all("a,b\nc,d").size() == 2);
    }
    SECTION("spaces are part of the value") {
        CHECK(read_all(" a , b ")[0].fields == Fields{" a ", " b "});
    }
    SECTION("empty input has no records") {
        CHECK(read_all("").empty());
    }
}

TEST_CASE("quoted CSV fields hold delimiters, quotes and line breaks", "[crm]") {
    auto records = read_all("name,note\n"
                            "\"Doe, Jane\",\"She said \"\"hi\"\"\"\n"
                            "\"Multi\nline\nnote\",x\n"
                            "\"\",after\n"
                            "plain\"quote,\"\"\"\"\n");
    REQUIRE(records.size() == 5);
    CHECK(records[1].fields == Fields{"Doe, Jane", "She said \"hi\""});
    CHECK(records[2].fields == Fields{"Multi\nline\nnote", "x"});
    CHECK(records[3].fields == Fields{"", "after"});
    CHECK(records[4].fields == Fields{"plain\"quote", "\""});
    // The record after a three-line field starts on line 6, not line 4.
    CHECK(lines_of(records) == std::vector<int>{1, 2, 3, 6, 7});
}

TEST_CASE("CSV lines end in LF, CRLF or a lone CR", "[crm]") {
    SECTION("each ending alone") {
        for (std::string ending : {"\n", "\r\n", "\r"}) {
            CAPTURE(ending);
            auto records = read_all("a,b" + ending + "c,d" + ending + "e,f");
            CHECK(fields_of(records) == Fields{"a", "b", "c", "d", "e", "f"});
            CHECK(lines_of(records) == std::vector<int>{1, 2, 3});
        }
    }
    SECTION("mixed in one file") {
        auto records = read_all("a\r\nb\nc\rd\r\n");
        CHECK(fields_of(records) == Fields{"a", "b", "c", "d"});
        CHECK(lines_of(records) == std::vector<int>{1, 2, 3, 4});
    }
    SECTION("inside a quoted field the line break is kept and counted") {
        for (std::string ending : {"\n", "\r\n", "\r"}) {
            CAPTURE(ending);
            auto records = read_all("\"one" + ending + "two\",x" + ending + "next,y" + ending + "last,z" + ending);
            REQUIRE(records.size() == 3);
            CHECK(records[0].fields == Fields{"one" + ending + "two", "x"});
            CHECK(records[1].fields == Fields{"next", "y"});
            CHECK(lines_of(records) == std::vector<int>{1, 3, 4});
        }
    }
}

TEST_CASE("a UTF-8 byte order mark is not part of the first field", "[crm]") {
    std::string text = "\xEF\xBB\xBF"
                       "name,url\nJane,x\n";
    std::istringstream input(text);
    CsvReader reader(input);
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(record.fields == Fields{"name", "url"});
    CHECK(record.line == 1);
    REQUIRE(reader.next(record));
    CHECK_FALSE(reader.next(record));
    CHECK(reader.bytes_read() == text.size());

    SECTION("text that only starts like one is kept whole") {
        CHECK(read_all("\xEF\xBB"
                       "a,b")[0]
                  .fields == Fields{"\xEF\xBB"
                                    "a",
                                    "b"});
        CHECK(read_all("abc,d")[0].fields == Fields{"abc", "d"});
        CHECK(read_all("ab")[0].fields == Fields{"ab"});
    }
}

TEST_CASE("the CSV delimiter is guessed from the header line", "[crm]") {
    CHECK(guess_delimiter("First Name,Last Name,URL") == ',');
    CHECK(guess_delimiter("Vorname;Nachname;URL;Firma, Ort") == ';');
    CHECK(guess_delimiter("first\tlast\turl") == '\t');
    CHECK(guess_delimiter("url") == ',');
    CHECK(guess_delimiter("") == ',');
    // Delimiters inside quotes do not count.
    CHECK(guess_delimiter("\"a;b;c\",url") == ',');
    CHECK(guess_delimiter("\"Firma, Ort, Land\";url") == ';');

    SECTION("the reader splits on the delimiter it is given") {
        CHECK(read_all("Jane;\"Founder; CEO\";Acme, Inc.;\n", ';')[0].fields ==
              Fields{"Jane", "Founder; CEO", "Acme, Inc.", ""});
        CHECK(read_all("Jane\tFounder, CEO\t\n", '\t')[0].fields == Fields{"Jane", "Founder, CEO", ""});
    }
}

TEST_CASE("trailing empty CSV fields are kept", "[crm]") {
    CHECK(read_all("a,,\n")[0].fields == Fields{"a", "", ""});
    CHECK(read_all(",\n")[0].fields == Fields{"", ""});
    CHECK(read_all("a,\"\"\r\n")[0].fields == Fields{"a", ""});
}

TEST_CASE("blank CSV lines are records that are blank", "[crm]") {
    auto records = read_all("a,b\n\n \t\n,\nc,d\n");
    REQUIRE(records.size() == 5);
    CHECK(lines_of(records) == std::vector<int>{1, 2, 3, 4, 5});
    CHECK(records[1].fields == Fields{""});

    std::vector<bool> blank;
    for (const auto& record : records) {
        blank.push_back(CsvRecord{record.fields, record.line}.is_blank());
    }
    CHECK(blank == std::vector<bool>{false, true, true, true, false});
    CHECK_FALSE(CsvRecord{{"", " x"}, 1}.is_blank());
}

TEST_CASE("a quoted CSV field that never ends is an error at the line it starts", "[crm]") {
    CHECK(error_of("a,b\n\"never\nends,x\n") == "2: a quoted field starts here and never ends");
    CHECK(error_of("a,b\nc,\"d") == "2: a quoted field starts here and never ends");
    CHECK(error_of("\"one\ntwo\",x\r\ny,z\r\n\"open") == "4: a quoted field starts here and never ends");
    CHECK(error_of("a,b\n\"closed\"\"\n") == "2: a quoted field starts here and never ends");
    CHECK(error_of("a,b\n\"closed\"\n") == "no error");

    SECTION("the records before it are read") {
        std::istringstream input("a,b\n\"open\n");
        CsvReader reader(input);
        CsvRecord record;
        REQUIRE(reader.next(record));
        CHECK(record.fields == Fields{"a", "b"});
        CHECK_THROWS_AS(reader.next(record), CsvError);
    }
}

TEST_CASE("the CSV reader counts the bytes it has read", "[crm]") {
    std::istringstream input("ab,c\nde\n");
    CsvReader reader(input);
    CsvRecord record;
    CHECK(reader.bytes_read() == 0);
    REQUIRE(reader.next(record));
    CHECK(reader.bytes_read() == 5);
    REQUIRE(reader.next(record));
    CHECK(reader.bytes_read() == 8);
    CHECK_FALSE(reader.next(record));
    CHECK(reader.bytes_read() == 8);
}
