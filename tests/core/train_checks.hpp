// train_checks.hpp — helpers the trainer tests share (MLP, conv net, Transformer): which field a changed
// configuration breaks, and bit-for-bit equality of curves.
#pragma once

#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "checks.hpp"
#include "normlab/train.hpp"

namespace ref {

// The field normlab::validate names after change(base), or "(nothing thrown)".
inline std::string config_error(normlab::TrainConfig base, const std::function<void(normlab::TrainConfig&)>& change) {
    change(base);
    const std::string field = thrown_argument([&] { normlab::validate(base); });
    return field.empty() ? "(nothing thrown)" : field;
}

inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace ref
