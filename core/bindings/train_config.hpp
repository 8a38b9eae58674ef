// train_config.hpp — TrainConfig to and from a JS object, by name, for the training module's bindings
// (train.cpp, sweep.cpp).
#pragma once

#include <string>
#include <vector>

#include "common.hpp"
#include "normlab/train.hpp"

namespace normlab::bind {

// The field table: JS name (camelCase), member of TrainConfig. A new TrainConfig field is one line here,
// in the struct's order; its type needs a read_field overload in common.hpp (std::string, int, double,
// std::uint32_t and bool have one). Reading, writing back and the list of accepted names all come from it.
#define NORMLAB_TRAIN_CONFIG(X)          \
    X("dataset", dataset)                \
    X("depth", depth)                    \
    X("width", width)                    \
    X("activation", activation)          \
    X("init", init)                      \
    X("architecture", architecture)      \
    X("norm", norm)                      \
    X("groups", groups)                  \
    X("optimizer", optimizer)            \
    X("momentum", momentum)              \
    X("learningRate", learning_rate)     \
    X("batchSize", batch_size)           \
    X("eps", eps)                        \
    X("bnMomentum", bn_momentum)         \
    X("steps", steps)                    \
    X("evalEvery", eval_every)           \
    X("seed", seed)                      \
    X("dataSeed", data_seed)             \
    X("divergenceLoss", divergence_loss) \
    X("watchLayer", watch_layer)         \
    X("histBins", hist_bins)             \
    X("histRange", hist_range)

// The fields config names (unknown names are an error); the rest keep their defaults. Not validated
// here: the Trainer (or run_to_target) validates the whole config.
inline TrainConfig to_train_config(const val& config) {
    static const std::vector<const char*> names = {
#define NORMLAB_NAME(name, member) name,
        NORMLAB_TRAIN_CONFIG(NORMLAB_NAME)
#undef NORMLAB_NAME
    };
    TrainConfig c;
    if (!check_keys(config, names, "config")) return c;
#define NORMLAB_READ(name, member) read_field(config, name, c.member);
    NORMLAB_TRAIN_CONFIG(NORMLAB_READ)
#undef NORMLAB_READ
    return c;
}

inline val from_train_config(const TrainConfig& c) {
    val o = val::object();
#define NORMLAB_WRITE(name, member) o.set(name, field_out(c.member));
    NORMLAB_TRAIN_CONFIG(NORMLAB_WRITE)
#undef NORMLAB_WRITE
    return o;
}

}  // namespace normlab::bind
