// normlab_bench — native timings of the normalization kernels, printed as JSON lines so that
// bench/tfjs.bench.mjs can put them beside the WASM and JS numbers of the same run.
// Each figure is the median and minimum ns/element over repeated timed batches after a warm-up.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "normlab/normalize.hpp"
#include "normlab/sample.hpp"

using namespace normlab;

namespace {

template <class F>
void report(const char* impl, const char* kind, const char* pass, Shape s, F&& run) {
    using clock = std::chrono::steady_clock;
    for (int i = 0; i < 3; ++i) run();  // warm-up
    const double elements = static_cast<double>(s.size());
    const int reps = std::max(1, static_cast<int>(2e6 / elements));
    std::vector<double> ns;
    for (int t = 0; t < 15; ++t) {
        const auto t0 = clock::now();
        for (int r = 0; r < reps; ++r) run();
        const std::chrono::duration<double, std::nano> dt = clock::now() - t0;
        ns.push_back(dt.count() / reps / elements);
    }
    std::sort(ns.begin(), ns.end());
    std::printf("{\"impl\":\"%s\",\"kind\":\"%s\",\"pass\":\"%s\",\"n\":%zu,\"c\":%zu,\"median\":%.4f,\"min\":%.4f}\n",
                impl, kind, pass, s.n, s.c, ns[ns.size() / 2], ns[0]);
}

}  // namespace

int main() {
    const Shape shapes[] = {{32, 256, 1}, {256, 1024, 1}, {1024, 4096, 1}};
    for (Shape s : shapes) {
        SampleParams p;
        p.seed = 1;
        const auto x = sample(Distribution::normal, s.size(), p);
        const auto g = sample(Distribution::uniform, s.size(), p);
        std::vector<float> y(s.size()), dx(s.size());
        for (Kind k : {Kind::batch, Kind::layer, Kind::rms, Kind::group}) {
            NormOptions o;
            o.groups = 8;
            std::vector<float> mean(stat_count(k, s, 8)), rstd(mean.size());
            const std::string name(kind_name(k));
            report("native", name.c_str(), "forward", s, [&] { normalize_into(k, x, s, o, y, mean, rstd); });
            report("native", name.c_str(), "backward", s, [&] { backward_into(k, x, g, s, o, dx, {}, {}); });
        }
    }
    return 0;
}
