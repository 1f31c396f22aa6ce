#include <catch2/catch.hpp>
#include <utility>
#include <vector>

#include "crm/profile_url.hpp"

using namespace campaign::crm;

TEST_CASE("every way of writing a profile URL normalizes to https://linkedin.com/in/<slug>", "[crm]") {
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
    };
    for (const auto& [input, expected] : cases) {
        CAPTURE(input);
        auto normalized = normalize_profile_url(input);
        CHECK(normalized);
        CHECK(normalized.url == expected);
        CHECK(normalized.problem == "");
    }
}

TEST_CASE("what is not a person's profile URL is rejected with the reason", "[crm]") {
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
    };
    for (const auto& [input, problem] : cases) {
        CAPTURE(input);
        auto normalized = normalize_profile_url(input);
        CHECK_FALSE(normalized);
        CHECK(normalized.url == "");
        CHECK(normalized.problem == problem);
    }
}

TEST_CASE("the identity hash is the hex SHA-256 of the normalized URL", "[crm]") {
    // printf %s 'https://linkedin.com/in/jane-doe' | sha256sum
    CHECK(identity_hash("https://linkedin.com/in/jane-doe") ==
          "3fb82eadce117a1008bb75666e7cc398ebe26da46144583a4fa489277bdd929d");
    // printf '' | sha256sum
    CHECK(identity_hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(identity_hash("https://linkedin.com/in/jane-do") != identity_hash("https://linkedin.com/in/jane-doe"));
}
