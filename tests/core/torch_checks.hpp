// torch_checks.hpp — what the trainers' PyTorch tests share (conv net, Transformer): reading a vector file
// of tests/golden/ and comparing float32 arrays with the tolerances those tests document.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "json_lite.hpp"

namespace torch_checks {

// tests/golden/<file>, found from this header's path (tests run from anywhere).
inline json_lite::Value golden(const std::string& file) {
    const std::string here = __FILE__;
    return json_lite::read_file(here.substr(0, here.rfind("tests/core/")) + "tests/golden/" + file);
}

// max |a - b| relative to max(floor, max |b|).
inline double rel_error(const std::vector<float>& a, const std::vector<float>& b, double floor) {
    REQUIRE(a.size() == b.size());
    double err = 0, scale = floor;
    for (std::size_t i = 0; i < a.size(); ++i) {
        err = std::max(err, std::abs(static_cast<double>(a[i]) - b[i]));
        scale = std::max(scale, std::abs(static_cast<double>(b[i])));
    }
    return err / scale;
}

// Forward values: max |ours - torch| <= 2e-5 · max(1, max |torch|).
inline void check_forward(const char* what, const std::vector<float>& ours, const json_lite::Value& torch) {
    CAPTURE(what);
    CHECK(rel_error(ours, torch.floats(), 1.0) < 2e-5);
}

// Gradients: max |ours - torch| <= 1e-4 · max(floor, max |torch|). floor: a scale for gradients that are
// zero in exact arithmetic (e.g. a conv bias before BatchNorm), where both sides hold rounding noise only.
inline void check_grad(const char* what, const std::vector<float>& ours, const json_lite::Value& torch,
                       double floor = 0) {
    CAPTURE(what);
    CHECK(rel_error(ours, torch.floats(), floor) < 1e-4);
}

}  // namespace torch_checks
