// bound.cpp — the memory-bandwidth "bound" of a normalization: the least work any kernel must do over the
// same bytes. Pass 1 reads the input once (sum and sum of squares, the statistics), pass 2 reads it again
// and writes the output once (y = (x - mean) * scale). No grouping, no double accumulation, no options:
// what is left is memory traffic plus two SIMD multiply-adds per element, so a real kernel within ~1.5x
// of it is close to what the machine allows.
// Built twice by bench/tfjs.bench.mjs: natively by bench/bandwidth.cpp (which includes this file) with
// g++ -O3 -march=native, and to a standalone WebAssembly module with em++ -O3 -msimd128 (no JS glue, no
// imports; the buffers are static so that the page's allocator plays no part).
#include <cstddef>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

extern "C" {

// Two arrays of up to 1024 x 4096 floats (the largest benchmark shape), 64-byte aligned.
constexpr std::size_t kBoundCapacity = std::size_t{1} << 22;
alignas(64) static float bound_storage[2 * kBoundCapacity];

__attribute__((used)) float* bound_buffer() { return bound_storage; }

// x and y hold n floats (n a multiple of 64); returns the mean so that nothing is optimised away.
__attribute__((used)) float bound_pass(const float* x, float* y, std::size_t n) {
#ifdef __wasm_simd128__
    // Four independent accumulators per sum, so the loop is bound by loads, not by add latency.
    v128_t s0 = wasm_f32x4_splat(0), s1 = s0, s2 = s0, s3 = s0, q0 = s0, q1 = s0, q2 = s0, q3 = s0;
    for (std::size_t i = 0; i < n; i += 16) {
        const v128_t a = wasm_v128_load(x + i), b = wasm_v128_load(x + i + 4);
        const v128_t c = wasm_v128_load(x + i + 8), d = wasm_v128_load(x + i + 12);
        s0 = wasm_f32x4_add(s0, a);
        s1 = wasm_f32x4_add(s1, b);
        s2 = wasm_f32x4_add(s2, c);
        s3 = wasm_f32x4_add(s3, d);
        q0 = wasm_f32x4_add(q0, wasm_f32x4_mul(a, a));
        q1 = wasm_f32x4_add(q1, wasm_f32x4_mul(b, b));
        q2 = wasm_f32x4_add(q2, wasm_f32x4_mul(c, c));
        q3 = wasm_f32x4_add(q3, wasm_f32x4_mul(d, d));
    }
    const v128_t s = wasm_f32x4_add(wasm_f32x4_add(s0, s1), wasm_f32x4_add(s2, s3));
    const v128_t q = wasm_f32x4_add(wasm_f32x4_add(q0, q1), wasm_f32x4_add(q2, q3));
    float sum = wasm_f32x4_extract_lane(s, 0) + wasm_f32x4_extract_lane(s, 1) + wasm_f32x4_extract_lane(s, 2) +
                wasm_f32x4_extract_lane(s, 3);
    float sumsq = wasm_f32x4_extract_lane(q, 0) + wasm_f32x4_extract_lane(q, 1) + wasm_f32x4_extract_lane(q, 2) +
                  wasm_f32x4_extract_lane(q, 3);
    const float mean = sum / static_cast<float>(n), scale = 1.0f / (1.0f + sumsq / static_cast<float>(n));
    const v128_t m = wasm_f32x4_splat(mean), k = wasm_f32x4_splat(scale);
    for (std::size_t i = 0; i < n; i += 4)
        wasm_v128_store(y + i, wasm_f32x4_mul(wasm_f32x4_sub(wasm_v128_load(x + i), m), k));
    return mean;
#else
    // 64 independent lanes: g++ -O3 -march=native turns these into several vector registers per sum.
    constexpr std::size_t kLanes = 64;
    float s[kLanes] = {}, q[kLanes] = {};
    for (std::size_t i = 0; i < n; i += kLanes)
        for (std::size_t j = 0; j < kLanes; ++j) {
            s[j] += x[i + j];
            q[j] += x[i + j] * x[i + j];
        }
    float sum = 0, sumsq = 0;
    for (std::size_t j = 0; j < kLanes; ++j) sum += s[j], sumsq += q[j];
    const float mean = sum / static_cast<float>(n), scale = 1.0f / (1.0f + sumsq / static_cast<float>(n));
    for (std::size_t i = 0; i < n; ++i) y[i] = (x[i] - mean) * scale;
    return mean;
#endif
}

}  // extern "C"
