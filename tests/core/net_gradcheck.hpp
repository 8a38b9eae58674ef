// net_gradcheck.hpp — the finite-difference harness the network gradient checks share (MLP, conv and
// Transformer).
//
// The networks are float (they run on normalize_into/backward_into, which are float), so the harness does
// its part in double: the loss is accumulated in double, the difference quotient is formed in double,
// and it uses the fourth-order stencil (f(-2h) - 8f(-h) + 8f(h) - f(2h)) / 12h with h = 2^-7, whose
// truncation error (~h^4) is far below the float rounding noise of the forward (~1e-7 / h).
// Parameters are snapped to multiples of 2^-12 first, so θ ± h and θ ± 2h are exact in float.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "normlab/random.hpp"
#include "train/layers.hpp"
#include "train/network.hpp"

namespace gradcheck {

using namespace normlab::train;

struct Problem {
    NetSpec spec;
    std::vector<float> x;
    std::vector<int> y;  // rows · targets labels
    std::size_t rows = 6;
    std::size_t targets = 1;  // labels per sample (the Transformer: one per token)
};

// Parameters away from their initial values (gamma 1, beta 0, biases 0 would hide mistakes), snapped.
inline void perturb_and_snap(std::vector<float>& params, std::uint64_t seed) {
    normlab::Rng rng(seed);
    for (float& v : params) {
        const double moved = v + 0.3 * rng.normal();
        v = static_cast<float>(std::nearbyint(moved * 4096.0) / 4096.0);
    }
}

inline double loss_of(Network& net, Workspace& ws, const Problem& p) {
    const float* logits = net.forward(ws, p.x.data(), p.rows, Pass::probe);
    const std::size_t labels = p.rows * p.targets;
    return softmax_cross_entropy(nullptr, logits, p.y.data(), labels, p.spec.classes, nullptr) /
           static_cast<double>(labels);
}

inline std::vector<double> analytic(Network& net, Workspace& ws, const Problem& p) {
    const float* logits = net.forward(ws, p.x.data(), p.rows, Pass::probe);
    softmax_cross_entropy(ws.dlogits.data(), logits, p.y.data(), p.rows * p.targets, p.spec.classes, nullptr);
    net.backward(ws, p.x.data(), p.rows);
    return {net.grads().begin(), net.grads().end()};
}

// Which activation inputs are > 0, over every hidden layer: ReLU's branch pattern.
inline std::vector<bool> active_pattern(const Network& net, const Workspace& ws, const Problem& p) {
    std::vector<bool> pattern;
    for (std::size_t l = 0; l < net.hidden_layers(); ++l) {
        const float* z = net.preactivation(ws, l);
        for (std::size_t i = 0; i < p.rows * net.units(); ++i) pattern.push_back(z[i] > 0);
    }
    return pattern;
}

// NaN marks a parameter whose stencil moved a ReLU across its kink (the difference quotient is then
// not a derivative); tanh and sigmoid never produce one.
inline std::vector<double> numeric(Network& net, Workspace& ws, const Problem& p) {
    const double h = 1.0 / 128;
    loss_of(net, ws, p);
    const std::vector<bool> base = active_pattern(net, ws, p);
    std::vector<double> g;
    for (float& theta : net.params()) {
        const float saved = theta;
        bool kink = false;
        auto at = [&](double k) {
            theta = static_cast<float>(saved + k * h);  // exact: saved is a multiple of 2^-12
            const double loss = loss_of(net, ws, p);
            kink = kink || (p.spec.activation == Activation::relu && active_pattern(net, ws, p) != base);
            return loss;
        };
        const double fm2 = at(-2), fm1 = at(-1), fp1 = at(1), fp2 = at(2);
        theta = saved;
        g.push_back(kink ? std::nan("") : (fm2 - 8 * fm1 + 8 * fp1 - fp2) / (12 * h));
    }
    return g;
}

inline std::size_t kinks(const std::vector<double>& fd) {
    return static_cast<std::size_t>(std::count_if(fd.begin(), fd.end(), [](double v) { return std::isnan(v); }));
}

// max_i |fd_i - an_i| / max_i |fd_i| over the parameters with a derivative (fd_i not NaN)
inline double max_relative_error(const std::vector<double>& fd, const std::vector<double>& an) {
    double err = 0, scale = 0;
    for (std::size_t i = 0; i < fd.size(); ++i) {
        if (std::isnan(fd[i])) continue;
        err = std::max(err, std::abs(fd[i] - an[i]));
        scale = std::max(scale, std::abs(fd[i]));
    }
    return err / scale;
}

struct Check {
    std::vector<double> fd, an;
};

// Analytic and numeric gradients of p's network (initialized from seed 3, then perturbed and snapped).
inline Check run_problem(const Problem& p) {
    normlab::Rng init(3);
    Network net(p.spec, init);
    perturb_and_snap(net.params(), 11);
    Workspace ws = net.make_workspace(p.rows);
    Check c;
    c.an = analytic(net, ws, p);
    c.fd = numeric(net, ws, p);
    return c;
}

}  // namespace gradcheck
