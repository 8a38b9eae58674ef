// test_claims.cpp — the content's claim ids and the registered checks are the same set (claims.hpp). The
// content is the lesson (web/content/lesson.json) and the UI catalogue (web/src/i18n/strings-en.js), whose
// preset notes say what each training preset shows; a catalogue sentence may repeat a lesson sentence's id
// when it states the same outcome.
#include <regex>
#include <set>
#include <string>

#include "claims.hpp"

namespace {

const char* const kContentFiles[] = {"web/content/lesson.json", "web/src/i18n/strings-en.js"};

// Every [claim:id] in a content file, wherever it stands.
std::set<std::string> claims_in(const std::string& file) {
    const auto bytes = claims::repo_file(file);
    const std::string text(bytes.begin(), bytes.end());
    static const std::regex marker(R"(\[claim:([a-z0-9]+(?:-[a-z0-9]+)*)\])");
    std::set<std::string> ids;
    for (std::sregex_iterator it(text.begin(), text.end(), marker), end; it != end; ++it) ids.insert((*it)[1]);
    return ids;
}

}  // namespace

TEST_CASE("claims: every claim in the content has a check, every check a claim in the content") {
    std::set<std::string> content;
    for (const char* file : kContentFiles) {
        const std::set<std::string> ids = claims_in(file);
        INFO(file);
        CHECK(!ids.empty());
        for (const std::string& id : ids) {
            INFO(file << " states [claim:" << id << "]");
            CHECK_MESSAGE(claims::registered().count(id) == 1, "no NORMLAB_CLAIM(\"" << id << "\") recomputes it");
        }
        content.insert(ids.begin(), ids.end());
    }
    for (const std::string& id : claims::registered()) {
        INFO("NORMLAB_CLAIM(\"" << id << "\")");
        CHECK_MESSAGE(content.count(id) == 1,
                      "no sentence of the lesson or the catalogue carries [claim:" << id << "]");
    }
}
