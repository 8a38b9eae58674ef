// Forward of every kind: hand-computed PyTorch-convention values, the double reference, invariances,
// numerical robustness and every validation rule.
#include <cmath>
#include <vector>

#include "normlab/compare.hpp"
#include "normlab/normalize.hpp"
#include "normlab/sample.hpp"
#include "reference.hpp"

using namespace normlab;

namespace {

const Kind kAll[] = {Kind::batch, Kind::layer, Kind::rms, Kind::group, Kind::instance};

}  // namespace

TEST_CASE("layer: hand-computed values, biased variance, eps inside the sqrt") {
    const std::vector<float> x{1, 2, 3, 4};
    const auto r = normalize(Kind::layer, x, {1, 2, 2});
    const double rstd = 1 / std::sqrt(1.25 + 1e-5);  // biased variance of 1..4 is 1.25
    CHECK(r.mean[0] == doctest::Approx(2.5));
    CHECK(r.rstd[0] == doctest::Approx(rstd).epsilon(1e-6));
    CHECK(r.output[0] == doctest::Approx(-1.5 * rstd).epsilon(1e-6));
    CHECK(r.output[3] == doctest::Approx(1.5 * rstd).epsilon(1e-6));

    NormOptions o;
    o.eps = 1.0;  // var 1 + eps 1 → divide by sqrt(2), not by (1 + 1)
    const auto big_eps = normalize(Kind::layer, std::vector<float>{0, 2}, {1, 2, 1}, o);
    CHECK(big_eps.output[1] == doctest::Approx(1 / std::sqrt(2.0)).epsilon(1e-6));
}

TEST_CASE("batch: per channel over N and L; running stats use the unbiased variance, momentum 0.1") {
    // channel 0 holds {1, 3} (mean 2, var 1), channel 1 holds {2, 6} (mean 4, var 4)
    const std::vector<float> x{1, 2, 3, 6};
    std::vector<float> rm{0, 0}, rv{1, 1};
    NormOptions o;
    o.running_mean = rm;
    o.running_var = rv;
    const auto r = normalize(Kind::batch, x, {2, 2, 1}, o);
    CHECK(r.mean[0] == doctest::Approx(2));
    CHECK(r.mean[1] == doctest::Approx(4));
    CHECK(r.rstd[1] == doctest::Approx(1 / std::sqrt(4 + 1e-5)));
    CHECK(r.output[0] == doctest::Approx(-1 / std::sqrt(1 + 1e-5)));
    CHECK(rm[0] == doctest::Approx(0.2));
    CHECK(rm[1] == doctest::Approx(0.4));
    CHECK(rv[0] == doctest::Approx(0.9 + 0.1 * 2));  // unbiased: 1 * 2/(2-1)
    CHECK(rv[1] == doctest::Approx(0.9 + 0.1 * 8));

    SUBCASE("eval mode normalizes with the running statistics and leaves them alone") {
        NormOptions e;
        e.training = false;
        e.running_mean = rm;
        e.running_var = rv;
        const auto y = normalize(Kind::batch, x, {2, 2, 1}, e);
        CHECK(y.output[0] == doctest::Approx((1 - 0.2) / std::sqrt(1.1 + 1e-5)).epsilon(1e-6));
        CHECK(y.mean[1] == doctest::Approx(0.4));
        CHECK(rm[0] == doctest::Approx(0.2));
    }
}

TEST_CASE("rms: x / sqrt(mean(x^2) + eps) * gamma, mean reported as 0") {
    const std::vector<float> x{3, 4};
    const std::vector<float> gamma{2, 1};
    NormOptions o;
    o.gamma = gamma;
    const auto r = normalize(Kind::rms, x, {1, 2, 1}, o);
    const double rstd = 1 / std::sqrt(12.5 + 1e-5);
    CHECK(r.mean[0] == 0);
    CHECK(r.rstd[0] == doctest::Approx(rstd));
    CHECK(r.output[0] == doctest::Approx(6 * rstd));
    CHECK(r.output[1] == doctest::Approx(4 * rstd));
}

TEST_CASE("every kind matches the double reference, with and without affine") {
    const Shape s{3, 4, 5};
    const auto x = ref::draw(Distribution::skewed, s.size(), 7, 0.5, 2.0);
    const auto gamma_c = ref::draw(Distribution::skewed, 4, 8, 1.0, 0.3),
               beta_c = ref::draw(Distribution::skewed, 4, 9, 0.0, 0.5);
    const auto gamma_e = ref::draw(Distribution::skewed, 20, 10, 1.0, 0.3),
               beta_e = ref::draw(Distribution::skewed, 20, 11, 0.0, 0.5);
    for (Kind k : kAll) {
        for (bool affine : {false, true}) {
            CAPTURE(kind_name(k));
            CAPTURE(affine);
            const bool per_element = k == Kind::layer || k == Kind::rms;
            NormOptions o;
            o.groups = 2;
            ref::Params p;
            p.groups = 2;
            if (affine) {
                o.gamma = per_element ? gamma_e : gamma_c;
                p.gamma = ref::to_double(per_element ? gamma_e : gamma_c);
                if (k != Kind::rms) {
                    o.beta = per_element ? beta_e : beta_c;
                    p.beta = ref::to_double(per_element ? beta_e : beta_c);
                }
            }
            std::vector<double> means;
            const auto expected = ref::forward(k, ref::to_double(x), s, p, &means);
            const auto r = normalize(k, x, s, o);
            CHECK(ref::max_abs_diff(r.output, expected) < 2e-6);
            CHECK(ref::max_abs_diff(r.mean, means) < 1e-5);
            CHECK(r.mean.size() == stat_count(k, s, 2));
        }
    }
}

TEST_CASE("invariances: mean 0 and std sqrt(var/(var+eps)) within every group") {
    const Shape s{6, 8, 3};
    const auto x = ref::draw(Distribution::skewed, s.size(), 3, 0.5, 2.0);
    for (Kind k : kAll) {
        CAPTURE(kind_name(k));
        NormOptions o;
        o.groups = 4;
        const auto r = normalize(k, x, s, o);
        const auto before = group_moments(k, x, s, 4);
        const auto after = group_moments(k, r.output, s, 4);
        for (std::size_t g = 0; g < after.mean.size(); ++g) {
            if (k == Kind::rms) {
                // RMSNorm does not centre: the mean moves only by the common scale factor.
                CHECK(after.mean[g] == doctest::Approx(before.mean[g] * r.rstd[g]).epsilon(1e-5));
                continue;
            }
            const double var = before.std[g] * before.std[g];
            CHECK(std::abs(after.mean[g]) < 1e-6);
            CHECK(after.std[g] == doctest::Approx(std::sqrt(var / (var + 1e-5))).epsilon(1e-5));
            // An affine map within the group leaves the shape alone: skewness is unchanged.
            CHECK(after.skewness[g] == doctest::Approx(before.skewness[g]).epsilon(1e-4));
        }
    }
}

TEST_CASE("layer: adding a constant per sample changes nothing; rms: scaling a sample changes nothing") {
    const Shape s{2, 3, 4};
    const auto x = ref::draw(Distribution::skewed, s.size(), 5, 0.5, 2.0);
    auto shifted = x, scaled = x;
    for (std::size_t i = 0; i < x.size(); ++i) {
        shifted[i] += i < 12 ? 10.0f : -3.0f;
        scaled[i] *= i < 12 ? 4.0f : 0.25f;
    }
    NormOptions o;
    o.eps = 1e-12;  // eps is the one term that is not scale-invariant
    CHECK(ref::max_abs_diff(normalize(Kind::layer, shifted, s, o).output,
                            ref::to_double(normalize(Kind::layer, x, s, o).output)) < 2e-5);
    CHECK(ref::max_abs_diff(normalize(Kind::rms, scaled, s, o).output,
                            ref::to_double(normalize(Kind::rms, x, s, o).output)) < 2e-6);
}

TEST_CASE("robust: mean 1000, std 0.01 normalizes like the double reference") {
    SampleParams p;
    p.seed = 11;
    p.shift = 1000;
    p.scale = 0.01;
    const Shape s{64, 4, 8};
    const auto x = sample(Distribution::normal, s.size(), p);
    for (Kind k : {Kind::batch, Kind::layer, Kind::group, Kind::instance}) {
        CAPTURE(kind_name(k));
        NormOptions o;
        o.groups = 2;
        o.eps = 1e-12;
        ref::Params rp;
        rp.groups = 2;
        rp.eps = 1e-12;
        const auto r = normalize(k, x, s, o);
        CHECK(ref::max_abs_diff(r.output, ref::forward(k, ref::to_double(x), s, rp)) < 1e-4);
        const auto m = group_moments(k, r.output, s, 2);
        CHECK(std::abs(m.mean[0]) < 1e-4);
        CHECK(m.std[0] == doctest::Approx(1).epsilon(1e-4));
    }
}

TEST_CASE("zero variance gives finite output: beta (or 0) everywhere") {
    const std::vector<float> x(8, 3.25f), beta{0.5f, -1};
    NormOptions o;
    o.beta = beta;
    for (Kind k : {Kind::batch, Kind::instance}) {
        const auto r = normalize(k, x, {2, 2, 2}, o);
        for (std::size_t i = 0; i < x.size(); ++i) CHECK(r.output[i] == beta[(i / 2) % 2]);
    }
    const auto r = normalize(Kind::layer, x, {2, 2, 2});
    for (float v : r.output) CHECK(v == 0);
}

TEST_CASE("errors name the argument and the constraint") {
    const std::vector<float> x(12, 1.0f);
    const Shape s{2, 3, 2};
    auto arg = [&](Kind k, Shape sh, NormOptions o, std::size_t len = 12) {
        std::vector<float> in(len, 1.0f);
        return ref::thrown_argument([&] { normalize(k, in, sh, o); });
    };
    CHECK(ref::thrown_argument([] { parse_kind("batchnorm"); }) == "kind");
    CHECK(arg(Kind::layer, s, {}, 11) == "input");
    CHECK(arg(Kind::layer, {0, 3, 2}, {}, 0) == "shape");
    NormOptions o;
    o.eps = 0;
    CHECK(arg(Kind::layer, s, o) == "eps");
    o.eps = std::nan("");
    CHECK(arg(Kind::layer, s, o) == "eps");
    NormOptions g;
    g.groups = 2;
    CHECK(arg(Kind::group, s, g) == "groups");  // 3 % 2 != 0
    CHECK(arg(Kind::group, s, {}) == "groups");
    CHECK(arg(Kind::batch, {1, 3, 1}, {}, 3) == "shape");     // N*L == 1 in training
    CHECK(arg(Kind::instance, {2, 3, 1}, {}, 6) == "shape");  // L == 1
    const std::vector<float> short_gamma(2, 1.0f), nan_gamma{1, std::nanf(""), 1}, beta3(3, 0.0f);
    NormOptions a;
    a.gamma = short_gamma;
    CHECK(arg(Kind::batch, s, a) == "gamma");
    a.gamma = nan_gamma;
    CHECK(arg(Kind::batch, s, a) == "gamma");
    NormOptions rb;
    std::vector<float> beta6(6, 0.0f);
    rb.beta = beta6;
    CHECK(arg(Kind::rms, s, rb) == "beta");
    NormOptions ev;
    ev.training = false;
    CHECK(arg(Kind::batch, s, ev) == "runningMean");
    std::vector<float> rm(3, 0.0f), rv_bad{1, -1, 1};
    ev.running_mean = rm;
    ev.running_var = rv_bad;
    CHECK(arg(Kind::batch, s, ev) == "runningVar");
    NormOptions mo;
    mo.momentum = 1.5;
    CHECK(arg(Kind::batch, s, mo) == "momentum");

    SUBCASE("the message states the constraint") {
        try {
            normalize(Kind::group, x, s, g);
            FAIL("no throw");
        } catch (const normlab::invalid_argument& e) {
            CHECK(std::string(e.what()) == "groups: C (3) must be divisible by groups (2)");
        }
    }
}
