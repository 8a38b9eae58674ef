// test_claims.cpp — the content's claim ids and the registered checks are the same set (claims.hpp).
#include <regex>
#include <set>
#include <string>

#include "claims.hpp"

namespace {

// Every [claim:id] in the lesson content, wherever it stands.
std::set<std::string> content_claims() {
    const auto bytes = claims::repo_file("web/content/lesson.json");
    const std::string text(bytes.begin(), bytes.end());
    static const std::regex marker(R"(\[claim:([a-z0-9]+(?:-[a-z0-9]+)*)\])");
    std::set<std::string> ids;
    for (std::sregex_iterator it(text.begin(), text.end(), marker), end; it != end; ++it) ids.insert((*it)[1]);
    return ids;
}

}  // namespace

TEST_CASE("claims: every claim in the content has a check, every check a claim in the content") {
    const std::set<std::string> content = content_claims();
    REQUIRE(!content.empty());
    for (const std::string& id : content) {
        INFO("lesson.json states [claim:" << id << "]");
        CHECK_MESSAGE(claims::registered().count(id) == 1, "no NORMLAB_CLAIM(\"" << id << "\") recomputes it");
    }
    for (const std::string& id : claims::registered()) {
        INFO("NORMLAB_CLAIM(\"" << id << "\")");
        CHECK_MESSAGE(content.count(id) == 1, "no sentence of web/content/lesson.json carries [claim:" << id << "]");
    }
}
