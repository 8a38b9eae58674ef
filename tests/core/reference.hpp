// reference.hpp — the slow truth the kernels are checked against, written the way PyTorch's documentation
// defines each kind: view the input as [N, G, C/G, L] and reduce over the axes the kind normalizes over,
// two-pass statistics in double (docs/derivations.md §2), plus a central-difference gradient. It shares no
// code with the core's layout functions (group_of, param_index): its group order falls out of the
// row-major reductions, so a mistake in either shows up as a disagreement.
#pragma once

#include <array>
#include <cmath>
#include <functional>
#include <vector>

#include <doctest/doctest.h>
// libxtensor-dev 0.24 uses the flat include layout; 0.26+ moved these to containers/, views/, reducers/.
#include <xtensor/xadapt.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>

#include "checks.hpp"
#include "normlab/normalize.hpp"

namespace ref {

using normlab::Kind;
using normlab::Shape;

struct Params {
    std::vector<double> gamma, beta;  // empty = identity
    double eps = 1e-5;
    std::size_t groups = 0;
};

using Tensor4 = xt::xtensor<double, 4>;

// The axes of [N, G, C/G, L] a kind reduces over: batch all but the channel, layer/rms all but the sample,
// group and instance the channels of a group and the positions (instance is G = C).
inline std::vector<std::size_t> reduced_axes(Kind k) {
    switch (k) {
        case Kind::batch:
            return {0, 2, 3};
        case Kind::layer:
        case Kind::rms:
            return {1, 2, 3};
        case Kind::group:
        case Kind::instance:
            return {2, 3};
    }
    return {};
}

// gamma or beta broadcastable against [N, G, C/G, L]: [1, G, C/G, L] for layer/rms (nn.LayerNorm's
// elementwise affine over [C, L]; RMSNorm's scale likewise), [1, G, C/G, 1] (one per channel) otherwise.
inline Tensor4 affine(Kind k, const std::vector<double>& p, const std::array<std::size_t, 4>& dims, double fallback) {
    const bool per_element = k == Kind::layer || k == Kind::rms;
    const std::array<std::size_t, 4> shape{1, dims[1], dims[2], per_element ? dims[3] : 1};
    if (p.empty()) return Tensor4(shape, fallback);
    return xt::adapt(p, shape);
}

// Training-mode forward in double (BatchNorm uses batch statistics). means/vars receive one entry per
// group in row-major order of the reduced tensor, which is normalize()'s order of mean/rstd.
inline std::vector<double> forward(Kind k, const std::vector<double>& x, Shape s, const Params& p,
                                   std::vector<double>* means = nullptr, std::vector<double>* vars = nullptr) {
    const std::size_t g = k == Kind::group ? p.groups : s.c;
    const std::array<std::size_t, 4> dims{s.n, g, s.c / g, s.l};
    const Tensor4 t = xt::adapt(x, dims);
    const auto axes = reduced_axes(k);
    Tensor4 mean = xt::mean(t, axes, xt::keep_dims | xt::evaluation_strategy::immediate);
    if (k == Kind::rms) mean.fill(0.0);  // RMSNorm does not centre: its "variance" is the mean square
    const Tensor4 centred = t - mean;
    const Tensor4 var = xt::mean(centred * centred, axes, xt::keep_dims | xt::evaluation_strategy::immediate);
    const Tensor4 y = centred / xt::sqrt(var + p.eps) * affine(k, p.gamma, dims, 1.0) + affine(k, p.beta, dims, 0.0);
    if (means) *means = std::vector<double>(mean.begin(), mean.end());
    if (vars) *vars = std::vector<double>(var.begin(), var.end());
    return std::vector<double>(y.begin(), y.end());
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

}  // namespace ref
