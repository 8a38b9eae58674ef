// simd.hpp (private) — four floats as one value, for loops whose lanes must keep a fixed order.
// GCC/clang vector extensions: each operation is plain IEEE float arithmetic lane by lane (never
// reassociated, never fused under -ffp-contract=off), so a sum held in lane j adds the same terms in the
// same order as the float a[j] of a scalar loop, bit for bit, natively and in WASM. clang 14 does not turn
// those 8-element float arrays into f32x4 itself (it pairs a[j] with q[j] and loads scalars), and a loop
// that writes one buffer while reading others is vectorized only behind alias checks, or not at all.
#pragma once

#include <cstddef>
#include <cstring>

namespace normlab::detail {

using f32x4 = float __attribute__((vector_size(16)));

inline f32x4 load4(const float* p) {
    f32x4 v;
    std::memcpy(&v, p, sizeof v);  // unaligned load (v128.load, movups)
    return v;
}
inline void store4(float* p, f32x4 v) { std::memcpy(p, &v, sizeof v); }
inline f32x4 splat4(float v) { return f32x4{v, v, v, v}; }

// The same element-wise formula for four lanes or one: T is f32x4 or float.
template <class T>
inline T load_as(const float* p) {
    if constexpr (sizeof(T) == sizeof(float))
        return *p;
    else
        return load4(p);
}
template <class T>
inline T splat_as(float v) {
    if constexpr (sizeof(T) == sizeof(float))
        return v;
    else
        return splat4(v);
}

// y[j] = f(x[j], j) for j < n: f takes T = f32x4 for four elements at j (j a multiple of 4) and float for
// the tail, and must compute the same thing in both. One explicit SIMD loop, no alias checks.
template <class F>
inline void map4(const float* x, float* y, std::size_t n, F f) {
    std::size_t j = 0;
    for (; j + 4 <= n; j += 4) store4(y + j, f(load4(x + j), j));
    for (; j < n; ++j) y[j] = f(x[j], j);
}

}  // namespace normlab::detail
