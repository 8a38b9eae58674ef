// layers.hpp (private) — the dense building blocks on row-major float arrays: Linear, activations,
// softmax cross-entropy and initialization.
// Every inner loop runs over a contiguous output row in a fixed order (an "axpy"), so the compiler may
// vectorize it without reassociating a sum: native SSE and WASM SIMD give the same bits.
#pragma once

#include <cstddef>

#include "normlab/random.hpp"
#include "spec.hpp"

namespace normlab::train {

// y[rows, out] = x[rows, in] · W[in, out] + b[out]
void linear_forward(float* y, const float* x, const float* w, const float* b, std::size_t rows, std::size_t in,
                    std::size_t out);

// dW = xᵀ·dy, db = Σ_rows dy (written, not accumulated).
void linear_backward_params(float* dw, float* db, const float* x, const float* dy, std::size_t rows, std::size_t in,
                            std::size_t out);

// dx[rows, in] = dy[rows, out] · Wᵀ; wt is scratch of in·out floats (W transposed so the loop is an axpy).
void linear_backward_input(float* dx, float* wt, const float* dy, const float* w, std::size_t rows, std::size_t in,
                           std::size_t out);

// a = act(z), elementwise over n values.
void activation_forward(float* a, const float* z, std::size_t n, Activation act);

// dz = da · act'(z), using the stored output a where that is cheaper (tanh: 1 - a², sigmoid: a(1 - a)).
void activation_backward(float* dz, const float* da, const float* z, const float* a, std::size_t n, Activation act);

// Softmax cross-entropy summed over rows (in double); if dlogits is not null it receives the gradient of
// the *mean* loss, d(Σ/rows)/d logits. `correct` receives the number of rows whose arg-max is the label.
double softmax_cross_entropy(float* dlogits, const float* logits, const int* labels, std::size_t rows,
                             std::size_t classes, std::size_t* correct);

// W[in, out] ~ N(0, σ²): he σ² = 2/in, xavier σ² = 2/(in + out), poor σ = 0.01.
void init_weights(float* w, std::size_t in, std::size_t out, Init init, Rng& rng);

}  // namespace normlab::train
