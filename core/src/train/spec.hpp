// spec.hpp (private) — TrainConfig parsed into enums: what the network, optimizer and data code read.
#pragma once

#include <cstddef>

#include "normlab/normalize.hpp"
#include "normlab/train.hpp"

namespace normlab::train {

enum class Activation { relu, tanh, sigmoid };
enum class Init { he, xavier, poor };
enum class Arch { plain, residual };
enum class OptimizerKind { sgd, adam };

// The network's shape and normalization; `normalized` false means norm "none".
struct NetSpec {
    std::size_t inputs = 2, classes = 3, depth = 8, width = 32;
    Activation activation = Activation::relu;
    Init init = Init::he;
    Arch arch = Arch::plain;
    bool normalized = false;
    Kind kind = Kind::batch;  // meaningful only when normalized
    std::size_t groups = 4;
    double eps = 1e-5, bn_momentum = 0.1;
};

// Parses a validated config; inputs/classes come from the data set.
NetSpec net_spec(const TrainConfig& config, std::size_t inputs, std::size_t classes);
OptimizerKind optimizer_of(const TrainConfig& config);

}  // namespace normlab::train
