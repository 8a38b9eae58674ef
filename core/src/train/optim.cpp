// optim.cpp — parameter updates (optim.hpp).
//   SGD (PyTorch):  v = μ·v + g,   θ = θ - lr·v
//   Adam:           m = β1·m + (1-β1)·g,  v = β2·v + (1-β2)·g²,  θ = θ - lr·m̂ / (√v̂ + ε),
//                   m̂ = m / (1-β1^t),  v̂ = v / (1-β2^t);  β1 0.9, β2 0.999, ε 1e-8
#include "optim.hpp"

#include <cmath>
#include <limits>

namespace normlab::train {

Optimizer::Optimizer(OptimizerKind kind, std::size_t size, double learning_rate, double momentum)
    : kind_(kind),
      lr_(static_cast<float>(learning_rate)),
      momentum_(static_cast<float>(momentum)),
      m_(size, 0.0f),
      v_(kind == OptimizerKind::adam ? size : 0, 0.0f) {}

void Optimizer::step(std::vector<float>& params, const std::vector<float>& grads) {
    const std::size_t n = params.size();
    float* p = params.data();
    const float* g = grads.data();
    float* m = m_.data();
    if (kind_ == OptimizerKind::sgd) {
        // A velocity that decays into the subnormal range (a dead unit: g = 0 for good) is flushed to 0:
        // subnormal arithmetic is ~100x slower on x86, and the flush is explicit, so WASM does the same.
        const float mu = momentum_, lr = lr_, tiny = std::numeric_limits<float>::min();
        for (std::size_t i = 0; i < n; ++i) {
            const float v = mu * m[i] + g[i];
            m[i] = std::abs(v) < tiny ? 0.0f : v;
            p[i] = p[i] - lr * m[i];
        }
        return;
    }
    const float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
    beta1_t_ *= 0.9;
    beta2_t_ *= 0.999;
    const float c1 = static_cast<float>(1.0 / (1.0 - beta1_t_)), c2 = static_cast<float>(1.0 / (1.0 - beta2_t_));
    float* v = v_.data();
    for (std::size_t i = 0; i < n; ++i) {
        m[i] = b1 * m[i] + (1.0f - b1) * g[i];
        v[i] = b2 * v[i] + (1.0f - b2) * (g[i] * g[i]);
        p[i] = p[i] - lr_ * (m[i] * c1) / (std::sqrt(v[i] * c2) + eps);
    }
}

}  // namespace normlab::train
