// spec.hpp (private) — TrainConfig parsed into enums: what the network, optimizer and data code read.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>

#include "normlab/normalize.hpp"
#include "normlab/train.hpp"

namespace normlab::train {

enum class Activation { relu, tanh, sigmoid };
enum class Init { he, xavier, poor };
// conv: 3x3 convolution (padding 1) → Norm → act blocks on square images, global average pooling, linear head.
// transformer: token + position embeddings, [self-attention, MLP] sublayers with residuals, a head per position.
enum class Arch { plain, residual, conv, transformer };
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
    // transformer: inputs = tokens per sample, classes = vocabulary (inputs and outputs), width = d.
    std::size_t heads = 1;
    bool post = false;  // Post-LN: x ← Norm(x + F(x)); Pre-LN (false): x ← x + F(Norm(x)), then a final Norm

    // Positions per channel: side² for conv, 1 for the MLP (its norms see [N, width, 1]).
    std::size_t spatial() const { return side * side; }
};

// Parses a validated config; inputs/classes come from the data set.
NetSpec net_spec(const TrainConfig& config, std::size_t inputs, std::size_t classes);
OptimizerKind optimizer_of(const TrainConfig& config);
// Throw invalid_argument(field) unless v is one of options / an integer in [lo, hi] (config.cpp).
void require_choice(const std::string& v, const char* field, std::initializer_list<const char*> options);
void require_int(int v, const char* field, int lo, int hi);
// The Transformer's shape, norm, placement and task rules (transformer_config.cpp); throws
// invalid_argument naming the field.
void validate_transformer(const TrainConfig& config);

}  // namespace normlab::train
