// Backward of every kind against central finite differences of the double reference.
#include <cmath>
#include <vector>

#include "normlab/groups.hpp"
#include "normlab/normalize.hpp"
#include "reference.hpp"

using namespace normlab;

namespace {

double rel_error(const std::vector<float>& got, const std::vector<double>& want) {
    double scale = 1e-3;
    for (double w : want) scale = std::max(scale, std::abs(w));
    return ref::max_abs_diff(got, want) / scale;
}

}  // namespace

TEST_CASE("backward matches finite differences for every kind, with and without affine") {
    const Shape s{3, 4, 3};
    const auto x = ref::draw(Distribution::normal, s.size(), 21, 0.3, 1.5);
    const auto w = ref::draw(Distribution::normal, s.size(), 22, 0.0, 1.0);  // the upstream gradient dL/dy
    for (Kind k : {Kind::batch, Kind::layer, Kind::rms, Kind::group, Kind::instance}) {
        for (bool affine : {false, true}) {
            CAPTURE(kind_name(k));
            CAPTURE(affine);
            const std::size_t plen = param_length(k, s);
            const auto gamma = ref::draw(Distribution::normal, plen, 23, 1.0, 0.4),
                       beta = ref::draw(Distribution::normal, plen, 24, 0.0, 0.5);
            NormOptions o;
            o.groups = 2;
            ref::Params p;
            p.groups = 2;
            if (affine) {
                o.gamma = gamma;
                p.gamma = ref::to_double(gamma);
                if (k != Kind::rms) {
                    o.beta = beta;
                    p.beta = ref::to_double(beta);
                }
            }
            const auto got = backward(k, x, w, s, o);
            const auto want_dx =
                ref::numeric_gradient([&](const std::vector<double>& v) { return ref::forward(k, v, s, p); },
                                      ref::to_double(x), ref::to_double(w));
            CHECK(rel_error(got.grad_input, want_dx) < 1e-5);
            if (!affine) {
                CHECK(got.grad_gamma.empty());
                continue;
            }
            // The reference's gradient with respect to γ or β: vary that member of its parameters only.
            const auto numeric_param = [&](std::vector<double> ref::Params::*member) {
                return ref::numeric_gradient(
                    [&](const std::vector<double>& v) {
                        ref::Params q = p;
                        q.*member = v;
                        return ref::forward(k, ref::to_double(x), s, q);
                    },
                    p.*member, ref::to_double(w));
            };
            CHECK(rel_error(got.grad_gamma, numeric_param(&ref::Params::gamma)) < 1e-5);
            if (k != Kind::rms) {
                CHECK(rel_error(got.grad_beta, numeric_param(&ref::Params::beta)) < 1e-5);
            } else {
                CHECK(got.grad_beta.empty());
            }
        }
    }
}

TEST_CASE("batch eval backward: dx = g * gamma / sqrt(running_var + eps), no coupling") {
    const std::vector<float> x{1, 2, 3, 4}, g{1, -2, 0.5, 3}, gamma{2, 0.5};
    std::vector<float> rm{0.5, 1}, rv{4, 0.25};
    NormOptions o;
    o.training = false;
    o.gamma = gamma;
    o.running_mean = rm;
    o.running_var = rv;
    const auto r = backward(Kind::batch, x, g, {2, 2, 1}, o);
    CHECK(r.grad_input[0] == doctest::Approx(1 * 2 / std::sqrt(4 + 1e-5)));
    CHECK(r.grad_input[3] == doctest::Approx(3 * 0.5 / std::sqrt(0.25 + 1e-5)));
    // dgamma_c = sum g * xhat with the running statistics
    CHECK(r.grad_gamma[0] == doctest::Approx((1 * 0.5 + 0.5 * 2.5) / std::sqrt(4 + 1e-5)));
    CHECK(rm[0] == 0.5f);  // untouched
}

TEST_CASE("backward validates gradOutput") {
    const std::vector<float> x(8, 1.0f), g(7, 1.0f);
    CHECK(ref::thrown_argument([&] { backward(Kind::layer, x, g, {2, 2, 2}); }) == "gradOutput");
}
