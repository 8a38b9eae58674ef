// datasets.cpp — seeded spirals and the digits split; only Rng and IEEE-exact operations, so that the
// native and WASM builds see the very same points.
#include "datasets.hpp"

#include <numeric>
#include <string>

#include "normlab/errors.hpp"
#include "normlab/random.hpp"

namespace normlab::train {

namespace {

constexpr double kTwoPi = 6.283185307179586;
// 2π split into a high part with trailing zero bits and the rest, so k·hi is exact (Cody–Waite).
constexpr double kTwoPiHi = 6.28318530717958623200e+00;
constexpr double kTwoPiLo = 2.44929359829470635445e-16;

// x reduced to about [-π, π]; exact enough for |x| up to a few hundred, all the spirals need.
double reduce(double x) {
    const double k = static_cast<double>(static_cast<long long>(x / kTwoPi + (x >= 0 ? 0.5 : -0.5)));
    return (x - k * kTwoPiHi) - k * kTwoPiLo;
}

// Σ (-1)^n x^(2n+start) / (2n+start)!, Horner from the highest term; 14 terms reach 1e-17 on [-π, π].
double taylor(double x, int start) {
    const double x2 = x * x;
    double sum = 0;
    for (int n = 13; n >= 0; --n) {
        const int p = 2 * n + start;
        sum = 1.0 - sum * x2 / static_cast<double>((p + 1) * (p + 2));
    }
    return start == 1 ? x * sum : sum;
}

void add_spiral_point(Dataset& d, bool train, int cls, double radius, double noise) {
    const double turns = 1.25, classes = 3;
    const double angle = kTwoPi * (cls / classes + turns * radius) + 0.15 * noise;
    auto& x = train ? d.train_x : d.heldout_x;
    x.push_back(static_cast<float>(radius * det_cos(angle)));
    x.push_back(static_cast<float>(radius * det_sin(angle)));
    (train ? d.train_y : d.heldout_y).push_back(cls);
}

}  // namespace

double det_sin(double x) { return taylor(reduce(x), 1); }
double det_cos(double x) { return taylor(reduce(x), 0); }

Dataset make_spirals(std::uint64_t seed) {
    Dataset d;
    d.inputs = 2;
    d.classes = 3;
    Rng rng(seed);
    const int per_class = 100, heldout_per_class = 50;
    for (int cls = 0; cls < 3; ++cls)
        for (int i = 0; i < per_class; ++i) add_spiral_point(d, true, cls, i / (per_class - 1.0), rng.normal());
    for (int cls = 0; cls < 3; ++cls)
        for (int i = 0; i < heldout_per_class; ++i) {
            const double radius = rng.uniform();
            add_spiral_point(d, false, cls, radius, rng.normal());
        }
    return d;
}

Dataset make_digits(std::span<const std::uint8_t> bytes, std::uint64_t seed) {
    const std::size_t n = kDigitsCount, p = kDigitsPixels;
    require(bytes.size() == n * (p + 1), "digits",
            "must be data/digits/digits.bin: " + std::to_string(n * (p + 1)) +
                " bytes (1797 x 64 pixels, then "
                "1797 labels), got " +
                std::to_string(bytes.size()));
    for (std::size_t i = 0; i < n * p; ++i) require(bytes[i] <= 16, "digits", "pixel values must be 0..16");
    for (std::size_t i = 0; i < n; ++i) require(bytes[n * p + i] <= 9, "digits", "labels must be 0..9");

    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    Rng rng(seed);
    for (std::size_t i = n - 1; i > 0; --i) std::swap(order[i], order[rng.below(i + 1)]);  // Fisher–Yates

    Dataset d;
    d.inputs = p;
    d.classes = 10;
    const std::size_t heldout = n / 5;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t img = order[k];
        const bool train = k >= heldout;
        auto& x = train ? d.train_x : d.heldout_x;
        for (std::size_t j = 0; j < p; ++j) x.push_back(bytes[img * p + j] / 16.0f);
        (train ? d.train_y : d.heldout_y).push_back(bytes[n * p + img]);
    }
    return d;
}

}  // namespace normlab::train
