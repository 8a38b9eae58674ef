// datasets.hpp (private) — the data sets: seeded 3-class spirals, the 8x8 digits, and the Transformer's
// seeded digit sequences (sequences.cpp).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace normlab::train {

struct Dataset {
    std::size_t inputs = 0, classes = 0;
    std::size_t targets = 1;                // labels per sample (a sequence has one per position)
    std::vector<float> train_x, heldout_x;  // row-major [count, inputs]
    std::vector<int> train_y, heldout_y;    // row-major [count, targets]
    std::size_t train_count() const { return train_y.size() / targets; }
    std::size_t heldout_count() const { return heldout_y.size() / targets; }
};

// The lesson's spirals: 3 classes x 100 training points, 1.25 turns, angular noise 0.15 (radians, normal),
// radius 0..1; plus 3 x 50 held-out points at uniform random radii from the same distribution.
Dataset make_spirals(std::uint64_t seed);

constexpr std::size_t kDigitsCount = 1797, kDigitsPixels = 64;
// digits.bin: 1797·64 pixels (0..16) then 1797 labels (0..9). Pixels are scaled to [0, 1]; a seeded
// shuffle puts one fifth (359 images) in the held-out set. Throws invalid_argument("digits") on bad bytes.
Dataset make_digits(std::span<const std::uint8_t> bytes, std::uint64_t seed);

// The Transformer's task: 2048 training and 512 held-out sequences of `length` digits 0..9 drawn
// uniformly (a held-out sequence never occurs in the training set); inputs are the digits (token ids as
// floats), the targets per position are the digits reversed ("reverse") or in ascending order ("sort").
// Both need attention: position i's answer depends on other positions' digits.
constexpr std::size_t kSequenceTrain = 2048, kSequenceHeldout = 512, kSequenceVocab = 10;
Dataset make_sequences(const std::string& task, std::size_t length, std::uint64_t seed);

// sin and cos from + - * / only (Cody–Waite reduction, Taylor series): libm's differ between builds.
double det_sin(double x);
double det_cos(double x);

}  // namespace normlab::train
