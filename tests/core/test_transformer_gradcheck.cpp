// test_transformer_gradcheck.cpp — self-attention and the whole Transformer against finite differences.
// The attention kernel's reference is a plain double loop from the definition (softmax(q·kᵀ/√dh)·v per
// head); its forward must match the loop and its backward the loop's central differences. The whole
// network (every norm, Pre-LN and Post-LN) goes through the MLP's harness (net_gradcheck.hpp), the loss
// being the mean cross-entropy over every position of every sequence.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "net_gradcheck.hpp"
#include "reference.hpp"
#include "train/attention.hpp"

using namespace normlab::train;
using namespace gradcheck;

namespace {

struct AttentionCase {
    std::size_t n = 2, t = 5, d = 6, heads = 2;
    std::vector<double> qkv;
};

// ctx[b·t + i, h·dh + c] = Σ_j softmax_j(q_i · k_j / √dh) v_j[c], head by head, in double.
std::vector<double> attention_reference(const AttentionCase& a, const std::vector<double>& qkv) {
    const std::size_t dh = a.d / a.heads, row = 3 * a.d;
    std::vector<double> ctx(a.n * a.t * a.d, 0.0);
    for (std::size_t b = 0; b < a.n; ++b)
        for (std::size_t h = 0; h < a.heads; ++h)
            for (std::size_t i = 0; i < a.t; ++i) {
                std::vector<double> s(a.t);
                double m = -1e300, sum = 0;
                for (std::size_t j = 0; j < a.t; ++j) {
                    for (std::size_t c = 0; c < dh; ++c)
                        s[j] += qkv[(b * a.t + i) * row + h * dh + c] * qkv[(b * a.t + j) * row + a.d + h * dh + c];
                    s[j] /= std::sqrt(static_cast<double>(dh));
                    m = std::max(m, s[j]);
                }
                for (double& v : s) sum += v = std::exp(v - m);
                for (std::size_t j = 0; j < a.t; ++j)
                    for (std::size_t c = 0; c < dh; ++c)
                        ctx[(b * a.t + i) * a.d + h * dh + c] +=
                            s[j] / sum * qkv[(b * a.t + j) * row + 2 * a.d + h * dh + c];
            }
    return ctx;
}

// The Transformer, depth 2, width 8, 2 heads, on 3 random sequences of 4 tokens from a vocabulary of 5.
Problem transformer_problem(const std::string& norm, const std::string& placement, Activation act) {
    normlab::TrainConfig config;
    config.dataset = "sequence";
    config.architecture = "transformer";
    config.norm = norm;
    config.placement = placement;
    config.depth = 2;
    config.width = 8;
    config.heads = 2;
    config.sequence_length = 4;
    normlab::validate(config);
    Problem p;
    p.rows = 3;
    p.targets = 4;
    p.spec = net_spec(config, 4, 5);
    p.spec.activation = act;
    p.spec.init = Init::xavier;
    normlab::Rng rng(7);
    for (std::size_t i = 0; i < p.rows * 4; ++i) p.x.push_back(static_cast<float>(rng.below(5)));
    for (std::size_t i = 0; i < p.rows * 4; ++i) p.y.push_back(static_cast<int>(rng.below(5)));
    return p;
}

}  // namespace

TEST_CASE("attention: forward equals the definition, backward equals its finite differences") {
    AttentionCase a;
    normlab::Rng rng(31);
    for (std::size_t i = 0; i < a.n * a.t * 3 * a.d; ++i) a.qkv.push_back(static_cast<float>(rng.normal()));
    const auto qkv = ref::to_float(a.qkv);
    std::vector<float> ctx(a.n * a.t * a.d), probs(a.n * a.heads * a.t * a.t);
    attention_forward(ctx.data(), probs.data(), qkv.data(), a.n, a.t, a.d, a.heads);
    CHECK(ref::max_abs_diff(ctx, attention_reference(a, a.qkv)) < 1e-5);
    for (std::size_t r = 0; r < a.n * a.heads * a.t; ++r) {  // every softmax row sums to 1
        double sum = 0;
        for (std::size_t j = 0; j < a.t; ++j) sum += probs[r * a.t + j];
        CHECK(sum == doctest::Approx(1.0).epsilon(1e-6));
    }

    std::vector<double> gctx;
    for (std::size_t i = 0; i < ctx.size(); ++i) gctx.push_back(static_cast<float>(rng.normal()));
    const auto gctx_f = ref::to_float(gctx);
    std::vector<float> dqkv(qkv.size());
    attention_backward(dqkv.data(), gctx_f.data(), qkv.data(), probs.data(), a.n, a.t, a.d, a.heads);
    const auto fd = ref::numeric_gradient([&](const auto& v) { return attention_reference(a, v); }, a.qkv, gctx);
    CHECK(ref::max_abs_diff(dqkv, fd) < 1e-4);
}

TEST_CASE("transformer gradient check: every norm, Pre-LN and Post-LN, smooth activations") {
    for (std::string norm : {"none", "layer", "rms"})
        for (std::string placement : {"pre", "post"})
            for (Activation act : {Activation::tanh, Activation::sigmoid}) {
                CAPTURE(norm);
                CAPTURE(placement);
                const std::string act_name = act == Activation::tanh ? "tanh" : "sigmoid";
                CAPTURE(act_name);
                const Check c = run_problem(transformer_problem(norm, placement, act));
                CHECK(max_relative_error(c.fd, c.an) < 2e-3);
            }
}

// As the other networks' checks: parameters whose stencil flips a ReLU unit of the MLP blocks are left
// out; most must remain.
TEST_CASE("transformer gradient check: ReLU, away from the kinks") {
    for (std::string norm : {"none", "layer", "rms"})
        for (std::string placement : {"pre", "post"}) {
            CAPTURE(norm);
            CAPTURE(placement);
            const Check c = run_problem(transformer_problem(norm, placement, Activation::relu));
            CHECK(kinks(c.fd) * 2 < c.fd.size());
            CHECK(max_relative_error(c.fd, c.an) < 2e-3);
        }
}
