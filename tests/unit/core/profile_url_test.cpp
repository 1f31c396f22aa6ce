#include <catch2/catch.hpp>
#include <utility>
#include <vector>

#include "core/profile_url.hpp"

using namespace campaign::core;

TEST_CASE("every way of writing a profile URL normalizes to https://linkedin.com/in/<slug>", "[core]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"https://www.linkedin.com/in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"http://www.linkedin.com/in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"linkedin.com/in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"www.linkedin.com/in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"https://m.linkedin.com/in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"https://uk.linkedin.com/in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"https://fr.linkedin.com/in/jane-doe/", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com/in/jane-doe/", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com/in/jane-doe?originalSubdomain=uk", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com/in/jane-doe/?trk=people#experience", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com/in/jane-doe#about", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com/in/jane-doe/details/experience/", "https://linkedin.com/in/jane-doe"},
        {"HTTPS://WWW.LinkedIn.COM/IN/Jane-Doe", "https://linkedin.com/in/jane-doe"},
        {"  https://www.linkedin.com/in/jane-doe\t", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com/in/jos%C3%A9", "https://linkedin.com/in/josé"},
        {"https://www.linkedin.com/in/jos%c3%a9", "https://linkedin.com/in/josé"},
        {"https://www.linkedin.com/in/JOS%C3%A9-Garc%C3%ADa", "https://linkedin.com/in/josé-garcía"},
        {"linkedin.com/in/josé", "https://linkedin.com/in/josé"},
        {"linkedin.com/in/jane-doe?redirect=https://example.com", "https://linkedin.com/in/jane-doe"},
        {"\xC2\xA0https://www.linkedin.com/in/jane-doe\xE2\x80\x8B", "https://linkedin.com/in/jane-doe"},
        {"\xEF\xBB\xBFlinkedin.com/in/jane-doe/\xC2\xA0", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com/in/%C5%81UKASZ-Nowak", "https://linkedin.com/in/łukasz-nowak"},
        {"https://www.linkedin.com/in/ingridsolheim-5d0e42a7", "https://linkedin.com/in/ingridsolheim-5d0e42a7"},
        // LinkedIn's lite mobile site, a link from a page's source, the port of the web, the root's dot.
        {"https://www.linkedin.com/mwlite/in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"https://linkedin.com/MWLite/in/Jane-Doe/", "https://linkedin.com/in/jane-doe"},
        {"//www.linkedin.com/in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com:443/in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"http://linkedin.com:80/in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com./in/jane-doe", "https://linkedin.com/in/jane-doe"},
        {"//uk.linkedin.com.:443/mwlite/in/jane-doe?trk=x", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com//in//jane-doe", "https://linkedin.com/in/jane-doe"},
        // A decomposed é (e and U+0301), as macOS and some exports write it, is the composed one.
        {"linkedin.com/in/jose\xCC\x81", "https://linkedin.com/in/josé"},
        {"linkedin.com/in/JOSE\xCC\x81", "https://linkedin.com/in/josé"},
        {"https://www.linkedin.com/in/jose%CC%81", "https://linkedin.com/in/josé"},
        {"https://www.linkedin.com/in/Chlo%C3%A9-Fournier", "https://linkedin.com/in/chloé-fournier"},
        {"https://www.linkedin.com/in/%E5%A9%B7-%E9%99%88", "https://linkedin.com/in/婷-陈"},
        // Percent-encoded plain characters are the characters.
        {"https://www.linkedin.com/in/jane%2Ddoe", "https://linkedin.com/in/jane-doe"},
        {"https://www.linkedin.com/in/%6Aane-doe", "https://linkedin.com/in/jane-doe"},
    };
    for (const auto& [input, expected] : cases) {
        CAPTURE(input);
        auto normalized = normalize_profile_url(input);
        CHECK(normalized);
        CHECK(normalized.url == expected);
        CHECK(normalized.problem == "");
    }
}

TEST_CASE("what is not a person's profile URL is rejected with the reason", "[core]") {
    const std::string company = "a company or school page, not a person's profile";
    const std::string sales = "a Sales Navigator or Recruiter link; use the public profile URL (linkedin.com/in/...)";
    const std::string pub = "an old /pub/ profile link; use the current profile URL (linkedin.com/in/...)";
    const std::string not_profile = "not a profile URL (expected linkedin.com/in/<name>)";
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "no profile URL"},
        {" \t ", "no profile URL"},
        {"https://www.linkedin.com/company/acme", company},
        {"https://www.linkedin.com/school/oxford/", company},
        {"https://www.linkedin.com/showcase/acme-labs", company},
        {"https://www.linkedin.com/sales/lead/ACwAAAB2Jx0,NAME_SEARCH,Yd3K", sales},
        {"https://www.linkedin.com/talent/profile/AEMAAAB2Jx0", sales},
        {"https://www.linkedin.com/recruiter/profile/123", sales},
        {"https://www.linkedin.com/pub/jane-doe/12/345/678", pub},
        {"https://www.linkedin.com/feed/", not_profile},
        {"https://www.linkedin.com/in/", not_profile},
        {"https://www.linkedin.com", not_profile},
        {"linkedin.com?in=jane-doe", not_profile},
        {"https://notlinkedin.com/in/jane-doe", "not a LinkedIn address"},
        {"https://linkedin.com.evil.example/in/jane-doe", "not a LinkedIn address"},
        {"https://www.uk.linkedin.com.evil.example/in/jane-doe", "not a LinkedIn address"},
        {"https://evil.www.linkedin.com/in/jane-doe", "not a LinkedIn address"},
        {"https://example.com/in/jane-doe", "not a LinkedIn address"},
        {"jane-doe", "not a LinkedIn address"},
        {"ftp://linkedin.com/in/jane-doe", "not a web address"},
        {"https://www.linkedin.com/in/jos%E9", "the profile name is not valid UTF-8"},
        {"https://www.linkedin.com/in/jane%G1", "broken percent-encoding in the profile name"},
        {"https://www.linkedin.com/in/jane%2", "broken percent-encoding in the profile name"},
        {"https://www.linkedin.com/in/jane%", "broken percent-encoding in the profile name"},
        {"https://www.linkedin.com/in/jane%20doe", "the profile name has characters a profile URL cannot have"},
        {"https://www.linkedin.com/in/jane%2Fdoe", "the profile name has characters a profile URL cannot have"},
        // Decoded, these would read differently the next time: the normalized URL would not normalize to itself.
        {"https://www.linkedin.com/in/jane%25doe", "the profile name has characters a profile URL cannot have"},
        {"https://www.linkedin.com/in/jane%3Fdoe", "the profile name has characters a profile URL cannot have"},
        {"https://www.linkedin.com/in/jane%23doe", "the profile name has characters a profile URL cannot have"},
        {"https://www.linkedin.com/in/jane%0Adoe", "the profile name has characters a profile URL cannot have"},
        {"https://www.linkedin.com:8080/in/jane-doe", "not a LinkedIn address"},
        {"https://www.linkedin.com../in/jane-doe", "not a LinkedIn address"},
        {"//evil.example/in/jane-doe", "not a LinkedIn address"},
        {"https://www.linkedin.com/mwlite/company/acme", company},
    };
    for (const auto& [input, problem] : cases) {
        CAPTURE(input);
        auto normalized = normalize_profile_url(input);
        CHECK_FALSE(normalized);
        CHECK(normalized.url == "");
        CHECK(normalized.problem == problem);
    }
}

TEST_CASE("a member id URL keeps its case, which LinkedIn and the gateways tell ids apart by", "[core]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"https://www.linkedin.com/in/ACoAAAbCdEf0123_-xYz", "https://linkedin.com/in/ACoAAAbCdEf0123_-xYz"},
        {"http://uk.linkedin.com/in/ACoAAAbCdEf0123_-xYz/?trk=x", "https://linkedin.com/in/ACoAAAbCdEf0123_-xYz"},
        {"https://www.linkedin.com/in/ACwAAABGC0cBTaYzMWKXyySFD4zZyoPI59OadWk",
         "https://linkedin.com/in/ACwAAABGC0cBTaYzMWKXyySFD4zZyoPI59OadWk"},
        // Not an id: the prefix is case-sensitive, and an id has no other characters.
        {"https://www.linkedin.com/in/acoaaabcdef", "https://linkedin.com/in/acoaaabcdef"},
        {"https://www.linkedin.com/in/ACoAA.Smith", "https://linkedin.com/in/acoaa.smith"},
    };
    for (const auto& [input, expected] : cases) {
        CAPTURE(input);
        CHECK(normalize_profile_url(input).url == expected);
    }
    CHECK(member_id_of("https://linkedin.com/in/ACoAAAbCdEf0123_-xYz") == "ACoAAAbCdEf0123_-xYz");
    CHECK(member_id_of("https://linkedin.com/in/acoaaabcdef") == "");
    CHECK(member_id_of("https://linkedin.com/in/jane-doe") == "");
    CHECK(member_id_of("erased:12") == "");
    CHECK(is_member_id("ACwAAABGC0cBTaYzMWKXyySFD4zZyoPI59OadWk"));
    CHECK_FALSE(is_member_id("ACoA"));
    CHECK_FALSE(is_member_id("jane-doe"));
    CHECK_FALSE(is_member_id(""));
}

TEST_CASE("a normalized URL normalizes to itself", "[core]") {
    for (const std::string input :
         {"https://www.linkedin.com/in/JOS%C3%A9-Garc%C3%ADa", "linkedin.com/in/jose\xCC\x81",
          "https://www.linkedin.com/in/ACoAAAbCdEf0123_-xYz", "//www.linkedin.com:443/mwlite/in/Ingrid-Solheim",
          "https://www.linkedin.com/in/%E5%A9%B7-%E9%99%88", "https://www.linkedin.com/in/%C5%81UKASZ-Nowak"}) {
        CAPTURE(input);
        auto once = normalize_profile_url(input);
        REQUIRE(once);
        CHECK(normalize_profile_url(once.url).url == once.url);
    }
}

TEST_CASE("the forms earlier versions gave a URL are known, to find what they stored", "[core]") {
    using Forms = std::vector<std::string>;
    // Before schema 8 a member id was lower-cased, and a decomposed name stayed decomposed.
    CHECK(earlier_profile_urls("https://linkedin.com/in/ACoAAAbCdEf0123_-xYz") ==
          Forms{"https://linkedin.com/in/acoaaabcdef0123_-xyz"});
    CHECK(earlier_profile_urls("https://linkedin.com/in/josé") == Forms{"https://linkedin.com/in/jose\xCC\x81"});
    CHECK(earlier_profile_urls("https://linkedin.com/in/jane-doe").empty());
    CHECK(earlier_profile_urls("https://linkedin.com/in/婷-陈").empty()); // no decomposition
    CHECK(earlier_profile_urls("erased:12").empty());
}
