// test_conv_gradcheck.cpp — the conv net's layers and the whole conv net against finite differences.
// The 3x3 convolution and the average pooling are linear, so their reference is a plain double loop
// straight from the definition, and central differences of it are exact up to rounding: the kernels'
// forward must match the loop and their backward the differences. The whole network (every norm in its
// [N, C, H·W] layout) goes through the harness of the MLP's check (net_gradcheck.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "net_gradcheck.hpp"
#include "reference.hpp"
#include "train/conv.hpp"

using namespace normlab::train;
using namespace gradcheck;

namespace {

struct ConvCase {
    std::size_t n = 2, cin = 3, cout = 4, side = 5;
    std::vector<double> x, w, b;
};

ConvCase make_conv_case() {
    ConvCase c;
    normlab::Rng rng(21);
    auto fill = [&](std::vector<double>& v, std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) v.push_back(static_cast<float>(rng.normal()));
    };
    fill(c.x, c.n * c.cin * c.side * c.side);
    fill(c.w, 9 * c.cin * c.cout);
    fill(c.b, c.cout);
    return c;
}

// y[n, co, h, w] = b[co] + Σ x[n, ci, h + kh - 1, w + kw - 1] · W[(ci·3 + kh)·3 + kw, co], zero outside.
std::vector<double> conv_reference(const ConvCase& c, const std::vector<double>& x, const std::vector<double>& w,
                                   const std::vector<double>& b) {
    const long s = static_cast<long>(c.side);
    std::vector<double> y(c.n * c.cout * c.side * c.side);
    for (std::size_t n = 0; n < c.n; ++n)
        for (std::size_t co = 0; co < c.cout; ++co)
            for (long h = 0; h < s; ++h)
                for (long q = 0; q < s; ++q) {
                    double sum = b[co];
                    for (std::size_t ci = 0; ci < c.cin; ++ci)
                        for (long kh = 0; kh < 3; ++kh)
                            for (long kw = 0; kw < 3; ++kw) {
                                const long hh = h + kh - 1, qq = q + kw - 1;
                                if (hh < 0 || hh >= s || qq < 0 || qq >= s) continue;
                                sum += x[((n * c.cin + ci) * c.side + hh) * c.side + qq] *
                                       w[((ci * 3 + kh) * 3 + kw) * c.cout + co];
                            }
                    y[((n * c.cout + co) * c.side + h) * c.side + q] = sum;
                }
    return y;
}

// The conv net, depth 2 with 4 channels, on 3 random 8x8 images.
Problem conv_problem(const std::string& norm, Activation act) {
    normlab::TrainConfig config;
    config.dataset = "digits";
    config.architecture = "conv";
    config.norm = norm;
    config.depth = 2;
    config.width = 4;
    config.groups = 2;
    Problem p;
    p.rows = 3;
    p.spec = net_spec(config, 64, 10);
    p.spec.activation = act;
    p.spec.init = Init::xavier;
    normlab::Rng rng(7);
    for (std::size_t i = 0; i < p.rows * 64; ++i) p.x.push_back(static_cast<float>(rng.uniform()));
    for (std::size_t r = 0; r < p.rows; ++r) p.y.push_back(static_cast<int>(rng.below(10)));
    return p;
}

Check run_conv_check(const std::string& norm, Activation act) { return run_problem(conv_problem(norm, act)); }

}  // namespace

TEST_CASE("conv 3x3: forward equals the definition, backward equals its finite differences") {
    const ConvCase c = make_conv_case();
    const auto xf = ref::to_float(c.x), wf = ref::to_float(c.w), bf = ref::to_float(c.b);
    ConvScratch s = make_conv_scratch(c.cin, c.cout, c.side);
    std::vector<float> y(c.n * c.cout * c.side * c.side);
    conv3x3_forward(y.data(), xf.data(), wf.data(), bf.data(), c.n, c.cin, c.cout, c.side, s);
    CHECK(ref::max_abs_diff(y, conv_reference(c, c.x, c.w, c.b)) < 1e-5);

    normlab::Rng rng(5);
    std::vector<double> gy;
    for (std::size_t i = 0; i < y.size(); ++i) gy.push_back(static_cast<float>(rng.normal()));
    const auto gyf = ref::to_float(gy);
    std::vector<float> dx(xf.size()), dw(wf.size()), db(bf.size());
    conv3x3_backward(dx.data(), dw.data(), db.data(), xf.data(), gyf.data(), wf.data(), c.n, c.cin, c.cout, c.side, s);
    const auto fd_x = ref::numeric_gradient([&](const auto& x) { return conv_reference(c, x, c.w, c.b); }, c.x, gy);
    const auto fd_w = ref::numeric_gradient([&](const auto& w) { return conv_reference(c, c.x, w, c.b); }, c.w, gy);
    const auto fd_b = ref::numeric_gradient([&](const auto& b) { return conv_reference(c, c.x, c.w, b); }, c.b, gy);
    CHECK(ref::max_abs_diff(dx, fd_x) < 1e-4);
    CHECK(ref::max_abs_diff(dw, fd_w) < 1e-4);
    CHECK(ref::max_abs_diff(db, fd_b) < 1e-4);

    std::vector<float> db_only(bf.size());
    conv3x3_backward(nullptr, dw.data(), db_only.data(), xf.data(), gyf.data(), wf.data(), c.n, c.cin, c.cout, c.side,
                     s);
    CHECK(db_only == db);  // no input gradient asked for: the parameter gradients are unchanged
}

TEST_CASE("average pooling: forward is the mean, backward its finite differences") {
    const std::size_t rows = 3, channels = 2, spatial = 9;
    normlab::Rng rng(9);
    std::vector<double> x, gy;
    for (std::size_t i = 0; i < rows * channels * spatial; ++i) x.push_back(static_cast<float>(rng.normal()));
    for (std::size_t i = 0; i < rows * channels; ++i) gy.push_back(static_cast<float>(rng.normal()));
    auto pool = [&](const std::vector<double>& v) {
        std::vector<double> y(rows * channels, 0.0);
        for (std::size_t i = 0; i < v.size(); ++i) y[i / spatial] += v[i] / spatial;
        return y;
    };
    const auto xf = ref::to_float(x), gyf = ref::to_float(gy);
    std::vector<float> y(rows * channels), dx(xf.size());
    avgpool_forward(y.data(), xf.data(), rows, channels, spatial);
    CHECK(ref::max_abs_diff(y, pool(x)) < 1e-6);
    avgpool_backward(dx.data(), gyf.data(), rows, channels, spatial);
    CHECK(ref::max_abs_diff(dx, ref::numeric_gradient(pool, x, gy)) < 1e-6);
}

TEST_CASE("conv net gradient check: every norm, smooth activations, against finite differences") {
    for (std::string norm : {"none", "batch", "group", "instance", "layer"})
        for (Activation act : {Activation::tanh, Activation::sigmoid}) {
            CAPTURE(norm);
            const std::string act_name = act == Activation::tanh ? "tanh" : "sigmoid";
            CAPTURE(act_name);
            const Check c = run_conv_check(norm, act);
            CHECK(max_relative_error(c.fd, c.an) < 2e-3);
        }
}

// As the MLP's check: parameters whose stencil flips a ReLU unit are left out. A conv net has side² = 64
// units per channel, so most parameters touch some unit near its kink: at least a quarter must remain
// (measured: 32-60 % remain).
TEST_CASE("conv net gradient check: ReLU, away from the kinks") {
    for (std::string norm : {"none", "batch", "group", "instance", "layer"}) {
        CAPTURE(norm);
        const Check c = run_conv_check(norm, Activation::relu);
        CHECK(kinks(c.fd) * 4 < c.fd.size() * 3);
        CHECK(max_relative_error(c.fd, c.an) < 2e-3);
    }
}
