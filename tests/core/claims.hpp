// claims.hpp — the lesson's statements about the simulation, as tests. A sentence of web/content/lesson.json
// that states what our simulation shows carries an id, `[claim:some-id]` (docs/content-schema.md, "Claims");
// NORMLAB_CLAIM("some-id") { ... } is a doctest case that recomputes that outcome with the native build and
// CHECKs it. test_claims.cpp fails when a content id has no check or a check names an id the content lacks,
// so a change to the simulation that makes a sentence false fails the build. One file per model family
// (test_claims_mlp.cpp, test_claims_conv.cpp, …) keeps each family's checks beside its set-up.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace claims {

// The ids of every NORMLAB_CLAIM in the test binary.
inline std::set<std::string>& registered() {
    static std::set<std::string> ids;
    return ids;
}

inline bool register_claim(const char* id) {
    registered().insert(id);
    return true;
}

// A file of the repository, by its path from the root, as bytes.
inline std::vector<std::uint8_t> repo_file(const std::string& relative) {
    const std::string here = __FILE__;
    std::ifstream in(here.substr(0, here.rfind("tests/core/")) + relative, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// data/digits/digits.bin, read once.
inline const std::vector<std::uint8_t>& digits() {
    static const std::vector<std::uint8_t> bytes = repo_file("data/digits/digits.bin");
    return bytes;
}

}  // namespace claims

#define NORMLAB_CLAIM_CAT2(a, b) a##b
#define NORMLAB_CLAIM_CAT(a, b) NORMLAB_CLAIM_CAT2(a, b)
// Registers the id and opens its test case ("claim <id>").
#define NORMLAB_CLAIM(id)                                                                       \
    static const bool NORMLAB_CLAIM_CAT(normlab_claim_, __LINE__) = claims::register_claim(id); \
    TEST_CASE("claim " id)
