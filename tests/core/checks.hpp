// checks.hpp — doctest plus the helpers every test file may use without the slow reference.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "normlab/errors.hpp"
#include "normlab/sample.hpp"

namespace ref {

// `count` values of distribution d from the core's seeded sampler, shifted and scaled: the tests' inputs.
inline std::vector<float> draw(normlab::Distribution d, std::size_t count, std::uint64_t seed, double shift,
                               double scale) {
    normlab::SampleParams p;
    p.seed = seed;
    p.shift = shift;
    p.scale = scale;
    return normlab::sample(d, count, p);
}

// Runs f and returns the argument name of the normlab::invalid_argument it throws ("" if none).
inline std::string thrown_argument(const std::function<void()>& f) {
    try {
        f();
    } catch (const normlab::invalid_argument& e) {
        return e.argument();
    }
    return "";
}

}  // namespace ref
