// test_trainer_gradcheck.cpp — the whole network's backward pass (every norm, both architectures)
// against central finite differences of its forward pass (the harness: net_gradcheck.hpp).
// Pass: max_i |fd_i - analytic_i| <= 2e-3 · max_i |fd_i| (measured: 1e-5 to 5e-4);
// the last test shows a 1 % error in one gradient entry fails the same check.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "net_gradcheck.hpp"

using namespace normlab::train;
using namespace gradcheck;

namespace {

constexpr double kTolerance = 2e-3;

Problem make_problem(Arch arch, const std::string& norm, Activation act) {
    Problem p;
    p.spec.inputs = 3;
    p.spec.classes = 3;
    p.spec.depth = 2;
    p.spec.width = 8;
    p.spec.activation = act;
    p.spec.init = Init::xavier;
    p.spec.arch = arch;
    p.spec.normalized = norm != "none";
    if (p.spec.normalized) p.spec.kind = normlab::parse_kind(norm);
    p.spec.groups = norm == "group" ? 2 : 0;
    normlab::Rng rng(7);
    for (std::size_t i = 0; i < p.rows * p.spec.inputs; ++i) p.x.push_back(static_cast<float>(rng.normal()));
    for (std::size_t r = 0; r < p.rows; ++r) p.y.push_back(static_cast<int>(rng.below(3)));
    return p;
}

Check run_check(Arch arch, const std::string& norm, Activation act) {
    return run_problem(make_problem(arch, norm, act));
}

}  // namespace

TEST_CASE("trainer gradient check: every norm, both architectures, against finite differences") {
    for (Arch arch : {Arch::plain, Arch::residual})
        for (std::string norm : {"none", "batch", "layer", "rms", "group"})
            for (Activation act : {Activation::tanh, Activation::sigmoid}) {
                CAPTURE(norm);
                const std::string arch_name = arch == Arch::plain ? "plain" : "residual";
                CAPTURE(arch_name);
                const std::string act_name = act == Activation::tanh ? "tanh" : "sigmoid";
                CAPTURE(act_name);
                const Check c = run_check(arch, norm, act);
                const double err = max_relative_error(c.fd, c.an);
                CHECK(err < kTolerance);
            }
}

// ReLU has a kink at 0, where a difference quotient is no derivative: parameters whose stencil flips
// any unit on or off are left out, and most parameters must remain.
TEST_CASE("trainer gradient check: ReLU network, away from the kinks") {
    for (Arch arch : {Arch::plain, Arch::residual})
        for (std::string norm : {"none", "batch", "layer", "rms", "group"}) {
            CAPTURE(norm);
            const std::string arch_name = arch == Arch::plain ? "plain" : "residual";
            CAPTURE(arch_name);
            const Check c = run_check(arch, norm, Activation::relu);
            CHECK(kinks(c.fd) * 4 < c.fd.size());
            CHECK(max_relative_error(c.fd, c.an) < kTolerance);
        }
}

TEST_CASE("trainer gradient check can fail: a 1% error in one entry is caught") {
    Check c = run_check(Arch::plain, "batch", Activation::tanh);
    REQUIRE(max_relative_error(c.fd, c.an) < kTolerance);
    std::size_t largest = 0;
    for (std::size_t i = 0; i < c.an.size(); ++i)
        if (std::abs(c.an[i]) > std::abs(c.an[largest])) largest = i;
    c.an[largest] *= 1.01;
    CHECK(max_relative_error(c.fd, c.an) > kTolerance);
}
