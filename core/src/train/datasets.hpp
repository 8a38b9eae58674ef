// datasets.hpp (private) — the two data sets: seeded 3-class spirals and the 8x8 digits.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace normlab::train {

struct Dataset {
    std::size_t inputs = 0, classes = 0;
    std::vector<float> train_x, heldout_x;  // row-major [count, inputs]
    std::vector<int> train_y, heldout_y;
    std::size_t train_count() const { return train_y.size(); }
    std::size_t heldout_count() const { return heldout_y.size(); }
};

// The lesson's spirals: 3 classes x 100 training points, 1.25 turns, angular noise 0.15 (radians, normal),
// radius 0..1; plus 3 x 50 held-out points at uniform random radii from the same distribution.
Dataset make_spirals(std::uint64_t seed);

constexpr std::size_t kDigitsCount = 1797, kDigitsPixels = 64;
// digits.bin: 1797·64 pixels (0..16) then 1797 labels (0..9). Pixels are scaled to [0, 1]; a seeded
// shuffle puts one fifth (359 images) in the held-out set. Throws invalid_argument("digits") on bad bytes.
Dataset make_digits(std::span<const std::uint8_t> bytes, std::uint64_t seed);

// sin and cos from + - * / only (Cody–Waite reduction, Taylor series): libm's differ between builds.
double det_sin(double x);
double det_cos(double x);

}  // namespace normlab::train
