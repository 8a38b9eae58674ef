// sequences.cpp — the Transformer's digit-sequence tasks (datasets.hpp), from normlab::Rng only, so the
// native and WASM builds see the very same sequences.
#include <algorithm>
#include <cstdint>
#include <set>

#include "datasets.hpp"
#include "normlab/random.hpp"

namespace normlab::train {

namespace {

// Appends one sequence and its targets to a split.
void add_sequence(std::vector<float>& xs, std::vector<int>& ys, const std::vector<int>& digits, bool sort) {
    std::vector<int> target = digits;
    if (sort)
        std::sort(target.begin(), target.end());
    else
        std::reverse(target.begin(), target.end());
    for (int v : digits) xs.push_back(static_cast<float>(v));
    ys.insert(ys.end(), target.begin(), target.end());
}

}  // namespace

Dataset make_sequences(const std::string& task, std::size_t length, std::uint64_t seed) {
    Dataset d;
    d.inputs = length;
    d.classes = kSequenceVocab;
    d.targets = length;
    const bool sort = task == "sort";
    Rng rng(seed);
    std::set<std::uint64_t> seen;  // the training sequences, as base-10 numbers (length <= 12 fits)
    std::vector<int> digits(length);
    auto draw = [&] {
        std::uint64_t key = 0;
        for (int& v : digits) {
            v = static_cast<int>(rng.below(kSequenceVocab));
            key = key * kSequenceVocab + static_cast<std::uint64_t>(v);
        }
        return key;
    };
    for (std::size_t i = 0; i < kSequenceTrain; ++i) {
        seen.insert(draw());
        add_sequence(d.train_x, d.train_y, digits, sort);
    }
    while (d.heldout_count() < kSequenceHeldout)
        if (seen.count(draw()) == 0) add_sequence(d.heldout_x, d.heldout_y, digits, sort);
    return d;
}

}  // namespace normlab::train
