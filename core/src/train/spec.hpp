// spec.hpp (private) — TrainConfig parsed into enums: what the network, optimizer and data code read.
#pragma once

#include <cstddef>

#include "normlab/normalize.hpp"
#include "normlab/train.hpp"

namespace normlab::train {

enum class Activation { relu, tanh, sigmoid };
enum class Init { he, xavier, poor };
// conv: 3x3 convolution (padding 1) → Norm → act blocks on square images, global average pooling, linear head.
enum class Arch { plain, residual, conv };
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
    std::size_t side = 1;  // conv: side of the square input images (8 for the digits); 1 for the MLP

    // Positions per channel: side² for conv, 1 for the MLP (its norms see [N, width, 1]).
    std::size_t spatial() const { return side * side; }
};

// Parses a validated config; inputs/classes come from the data set.
NetSpec net_spec(const TrainConfig& config, std::size_t inputs, std::size_t classes);
OptimizerKind optimizer_of(const TrainConfig& config);

}  // namespace normlab::train
