// reference.hpp — the slow truth the kernels are checked against: plain loops in double, two-pass
// statistics straight from the definitions (lesson-facts §4.2), and a central-difference gradient.
#pragma once

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "normlab/errors.hpp"
#include "normlab/normalize.hpp"

namespace ref {

using normlab::Kind;
using normlab::Shape;

// The group of element (n, c), written independently of group_ids().
inline std::size_t group_of(Kind k, Shape s, std::size_t groups, std::size_t n, std::size_t c) {
    switch (k) {
        case Kind::batch:
            return c;
        case Kind::layer:
        case Kind::rms:
            return n;
        case Kind::group:
            return n * groups + c / (s.c / groups);
        case Kind::instance:
            return n * s.c + c;
    }
    return 0;
}

inline std::size_t param_of(Kind k, Shape s, std::size_t c, std::size_t l) {
    return (k == Kind::layer || k == Kind::rms) ? c * s.l + l : c;
}

struct Params {
    std::vector<double> gamma, beta;  // empty = identity
    double eps = 1e-5;
    std::size_t groups = 0;
};

// Training-mode forward in double (BatchNorm uses batch statistics).
inline std::vector<double> forward(Kind k, const std::vector<double>& x, Shape s, const Params& p,
                                   std::vector<double>* means = nullptr, std::vector<double>* vars = nullptr) {
    const std::size_t count = normlab::stat_count(k, s, p.groups);
    std::vector<double> sum(count, 0), n(count, 0), var(count, 0);
    auto each = [&](auto f) {
        for (std::size_t a = 0; a < s.n; ++a)
            for (std::size_t c = 0; c < s.c; ++c)
                for (std::size_t l = 0; l < s.l; ++l) f(a, c, l, (a * s.c + c) * s.l + l);
    };
    each([&](auto a, auto c, auto, auto i) {
        sum[group_of(k, s, p.groups, a, c)] += x[i];
        n[group_of(k, s, p.groups, a, c)] += 1;
    });
    std::vector<double> mean(count);
    for (std::size_t g = 0; g < count; ++g) mean[g] = k == Kind::rms ? 0.0 : sum[g] / n[g];
    each([&](auto a, auto c, auto, auto i) {
        const auto g = group_of(k, s, p.groups, a, c);
        var[g] += (x[i] - mean[g]) * (x[i] - mean[g]);  // for rms: the mean square
    });
    for (std::size_t g = 0; g < count; ++g) var[g] /= n[g];
    std::vector<double> y(x.size());
    each([&](auto a, auto c, auto l, auto i) {
        const auto g = group_of(k, s, p.groups, a, c);
        const auto q = param_of(k, s, c, l);
        const double xh = (x[i] - mean[g]) / std::sqrt(var[g] + p.eps);
        y[i] = xh * (p.gamma.empty() ? 1.0 : p.gamma[q]) + (p.beta.empty() ? 0.0 : p.beta[q]);
    });
    if (means) *means = mean;
    if (vars) *vars = var;
    return y;
}

// d(sum_i w_i f(x)_i)/dx by central differences, in double.
inline std::vector<double> numeric_gradient(const std::function<std::vector<double>(const std::vector<double>&)>& f,
                                            std::vector<double> x, const std::vector<double>& w, double h = 1e-6) {
    std::vector<double> grad(x.size());
    auto loss = [&](const std::vector<double>& v) {
        const auto y = f(v);
        double s = 0;
        for (std::size_t i = 0; i < y.size(); ++i) s += y[i] * w[i];
        return s;
    };
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double keep = x[i];
        x[i] = keep + h;
        const double up = loss(x);
        x[i] = keep - h;
        const double down = loss(x);
        x[i] = keep;
        grad[i] = (up - down) / (2 * h);
    }
    return grad;
}

inline std::vector<float> to_float(const std::vector<double>& v) { return {v.begin(), v.end()}; }
inline std::vector<double> to_double(const std::vector<float>& v) { return {v.begin(), v.end()}; }

inline double max_abs_diff(const std::vector<float>& a, const std::vector<double>& b) {
    REQUIRE(a.size() == b.size());
    double m = 0;
    for (std::size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
    return m;
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
