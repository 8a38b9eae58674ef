// fnv1a.hpp — the fingerprint the tools print and tests/wasm compare: 64-bit FNV-1a over the bytes of each
// double, in order (tests/wasm/trainer.test.mjs computes the same in JavaScript).
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

inline std::uint64_t fnv1a(const std::vector<double>& values, std::uint64_t h = 0xcbf29ce484222325ull) {
    for (double v : values) {
        unsigned char bytes[sizeof v];
        std::memcpy(bytes, &v, sizeof v);
        for (unsigned char b : bytes) h = (h ^ b) * 0x100000001b3ull;
    }
    return h;
}
