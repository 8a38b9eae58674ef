// layers.cpp — Linear, activations, softmax cross-entropy, initialization (see layers.hpp).
#include "layers.hpp"

#include <algorithm>
#include <cmath>

#include "normlab/detmath.hpp"

namespace normlab::train {

// The kernels add four products per pass over an output row, so each output element is loaded and
// stored once per four products, but still one product at a time in the order a plain loop would:
// y = (((y + s0·v0) + s1·v1) + s2·v2) + s3·v3 — bit-identical to the naive loop on every platform.
// Zero scalars are skipped (ReLU outputs and the gradients behind them are about half zeros): adding
// 0·v changes no finite result.
#define NL_RESTRICT __restrict

namespace {

constexpr std::size_t kMaxList = 512;  // >= batch (512), evaluation chunk, width (256) and inputs (64)

// y[o] += Σ_k s[k]·v_k[o] for k = 0..count-1 (count <= 4), one product at a time in k order.
inline void axpy4(float* NL_RESTRICT y, const float* s, const float* const* v, std::size_t count, std::size_t n) {
    if (count == 4) {
        const float s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
        const float *NL_RESTRICT v0 = v[0], *NL_RESTRICT v1 = v[1], *NL_RESTRICT v2 = v[2], *NL_RESTRICT v3 = v[3];
        for (std::size_t o = 0; o < n; ++o) y[o] = (((y[o] + s0 * v0[o]) + s1 * v1[o]) + s2 * v2[o]) + s3 * v3[o];
        return;
    }
    for (std::size_t k = 0; k < count; ++k) {
        const float sk = s[k];
        const float* NL_RESTRICT vk = v[k];
        for (std::size_t o = 0; o < n; ++o) y[o] = y[o] + sk * vk[o];
    }
}

// The non-zero terms of Σ_k s_k·v_k, collected in k order, then added four at a time.
struct Terms {
    float s[kMaxList];
    const float* v[kMaxList];
    std::size_t count = 0;
    void add(float scalar, const float* vec) {  // branch-free: zeros are random, a branch mispredicts
        s[count] = scalar;
        v[count] = vec;
        count += scalar != 0.0f;
    }
    void apply(float* y, std::size_t n) const {
        for (std::size_t k = 0; k < count; k += 4) axpy4(y, s + k, v + k, std::min<std::size_t>(4, count - k), n);
    }
};

}  // namespace

void linear_forward(float* y, const float* x, const float* w, const float* b, std::size_t rows, std::size_t in,
                    std::size_t out) {
    Terms t;
    for (std::size_t r = 0; r < rows; ++r) {
        float* yr = y + r * out;
        std::copy(b, b + out, yr);
        t.count = 0;
        for (std::size_t i = 0; i < in; ++i) t.add(x[r * in + i], w + i * out);
        t.apply(yr, out);
    }
}

void linear_backward_params(float* dw, float* db, const float* x, const float* dy, std::size_t rows, std::size_t in,
                            std::size_t out) {
    std::fill(dw, dw + in * out, 0.0f);
    std::fill(db, db + out, 0.0f);
    Terms t;
    for (std::size_t r = 0; r < rows; ++r) t.add(1.0f, dy + r * out);
    t.apply(db, out);
    for (std::size_t i = 0; i < in; ++i) {  // dW[i, :] = Σ_r x[r, i]·dy[r, :]
        t.count = 0;
        for (std::size_t r = 0; r < rows; ++r) t.add(x[r * in + i], dy + r * out);
        t.apply(dw + i * out, out);
    }
}

void linear_backward_input(float* dx, float* wt, const float* dy, const float* w, std::size_t rows, std::size_t in,
                           std::size_t out) {
    for (std::size_t i = 0; i < in; ++i)
        for (std::size_t o = 0; o < out; ++o) wt[o * in + i] = w[i * out + o];
    Terms t;
    for (std::size_t r = 0; r < rows; ++r) {  // dx[r, :] = Σ_o dy[r, o]·Wᵀ[o, :]
        float* dxr = dx + r * in;
        std::fill(dxr, dxr + in, 0.0f);
        t.count = 0;
        for (std::size_t o = 0; o < out; ++o) t.add(dy[r * out + o], wt + o * in);
        t.apply(dxr, in);
    }
}

void activation_forward(float* a, const float* z, std::size_t n, Activation act) {
    switch (act) {
        case Activation::relu:
            for (std::size_t i = 0; i < n; ++i) a[i] = z[i] > 0.0f ? z[i] : 0.0f;
            break;
        case Activation::tanh:
            for (std::size_t i = 0; i < n; ++i) a[i] = static_cast<float>(det::tanh(z[i]));
            break;
        case Activation::sigmoid:
            for (std::size_t i = 0; i < n; ++i) a[i] = static_cast<float>(det::sigmoid(z[i]));
            break;
    }
}

void activation_backward(float* dz, const float* da, const float* z, const float* a, std::size_t n, Activation act) {
    switch (act) {
        case Activation::relu:
            for (std::size_t i = 0; i < n; ++i) {
                const float d = da[i];  // loaded unconditionally, so the select vectorizes
                dz[i] = z[i] > 0.0f ? d : 0.0f;
            }
            break;
        case Activation::tanh:
            for (std::size_t i = 0; i < n; ++i) dz[i] = da[i] * (1.0f - a[i] * a[i]);
            break;
        case Activation::sigmoid:
            for (std::size_t i = 0; i < n; ++i) dz[i] = da[i] * (a[i] * (1.0f - a[i]));
            break;
    }
}

double softmax_cross_entropy(float* dlogits, const float* logits, const int* labels, std::size_t rows,
                             std::size_t classes, std::size_t* correct) {
    double total = 0;
    std::size_t hits = 0;
    const double inv_rows = 1.0 / static_cast<double>(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const float* l = logits + r * classes;
        std::size_t arg = 0;
        for (std::size_t k = 1; k < classes; ++k)
            if (l[k] > l[arg]) arg = k;
        hits += arg == static_cast<std::size_t>(labels[r]);
        // log Σ e^l = m + log Σ e^(l - m) with m the max, so no term overflows.
        const double m = l[arg];
        double sum = 0;
        for (std::size_t k = 0; k < classes; ++k) sum += det::exp(l[k] - m);
        total += m + det::log(sum) - l[labels[r]];
        if (dlogits == nullptr) continue;
        for (std::size_t k = 0; k < classes; ++k) {
            const double p = det::exp(l[k] - m) / sum;
            const double onehot = k == static_cast<std::size_t>(labels[r]) ? 1.0 : 0.0;
            dlogits[r * classes + k] = static_cast<float>((p - onehot) * inv_rows);
        }
    }
    if (correct) *correct = hits;
    return total;
}

void init_weights(float* w, std::size_t in, std::size_t out, Init init, Rng& rng) {
    const double sigma = init == Init::he       ? std::sqrt(2.0 / static_cast<double>(in))
                         : init == Init::xavier ? std::sqrt(2.0 / static_cast<double>(in + out))
                                                : 0.01;
    for (std::size_t i = 0; i < in * out; ++i) w[i] = static_cast<float>(sigma * rng.normal());
}

}  // namespace normlab::train
