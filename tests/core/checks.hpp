// checks.hpp — doctest plus the helpers every test file may use without the slow reference.
#pragma once

#include <functional>
#include <string>

#include <doctest/doctest.h>

#include "normlab/errors.hpp"

namespace ref {

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
