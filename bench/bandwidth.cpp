// bandwidth.cpp — the machine's limit for a normalization, natively: bound_pass of bench/bound.cpp (read
// the input twice, write the output once) over the benchmark shapes' sizes, timed like
// tools/bench_native.cpp (warm-up, 15 timed batches of >= 2e6 elements, median and min ns/element).
// Prints one JSON line per size. Built by bench/tfjs.bench.mjs with g++ -O3 -march=native.
//   usage: bandwidth N1 N2 ...   (element counts, multiples of 64, at most 2^22)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "bound.cpp"

int main(int argc, char** argv) {
    float* x = bound_buffer();
    float* y = x + kBoundCapacity;
    for (std::size_t i = 0; i < kBoundCapacity; ++i) x[i] = static_cast<float>(i % 97) * 0.01f - 0.5f;
    for (int a = 1; a < argc; ++a) {
        const std::size_t n = std::strtoull(argv[a], nullptr, 10);
        if (n == 0 || n % 64 != 0 || n > kBoundCapacity) return 2;
        volatile float sink = 0;
        for (int w = 0; w < 3; ++w) sink = sink + bound_pass(x, y, n);
        const int reps = std::max(1, static_cast<int>(2e6 / static_cast<double>(n)));
        std::vector<double> ns;
        for (int t = 0; t < 15; ++t) {
            const auto t0 = std::chrono::steady_clock::now();
            for (int r = 0; r < reps; ++r) sink = sink + bound_pass(x, y, n);
            const std::chrono::duration<double, std::nano> dt = std::chrono::steady_clock::now() - t0;
            ns.push_back(dt.count() / reps / static_cast<double>(n));
        }
        std::sort(ns.begin(), ns.end());
        std::printf("{\"elements\":%zu,\"median\":%.4f,\"min\":%.4f}\n", n, ns[ns.size() / 2], ns[0]);
    }
    return 0;
}
