// det:: math agrees with libm to a few ulp (it must not be libm: see detmath.hpp).
#include <cmath>

#include "checks.hpp"
#include "normlab/detmath.hpp"

using namespace normlab;

namespace {
double rel(double a, double b) { return b == 0 ? std::abs(a) : std::abs(a - b) / std::abs(b); }
}  // namespace

TEST_CASE("exp, log, tanh, sigmoid, pow against libm") {
    double worst_exp = 0, worst_log = 0, worst_tanh = 0;
    for (double x = -700; x <= 700; x += 0.37) worst_exp = std::max(worst_exp, rel(det::exp(x), std::exp(x)));
    for (double x = 1e-300; x < 1e300; x *= 1.93) worst_log = std::max(worst_log, rel(det::log(x), std::log(x)));
    for (double x = 0.5; x < 1.5; x += 0.001) worst_log = std::max(worst_log, std::abs(det::log(x) - std::log(x)));
    for (double x = -25; x <= 25; x += 0.013) worst_tanh = std::max(worst_tanh, rel(det::tanh(x), std::tanh(x)));
    CHECK(worst_exp < 1e-15);
    CHECK(worst_log < 1e-15);
    CHECK(worst_tanh < 1e-12);
    CHECK(det::exp(0) == 1);
    CHECK(det::log(1) == 0);
    CHECK(std::isinf(det::exp(710)));
    CHECK(det::exp(-800) == 0);
    CHECK(std::isnan(det::log(-1)));
    CHECK(det::sigmoid(800) == 1);
    CHECK(det::sigmoid(-800) == 0);
    CHECK(det::sigmoid(0) == 0.5);
    CHECK(det::pow(2, 10) == doctest::Approx(1024).epsilon(1e-14));
}
