// train_fields.hpp — TrainConfig's fields by their JS name (docs/core-api.md), as one X-macro table: the
// WebAssembly module converts configs by it (train_config.hpp) and the native tools read and write the same
// names (tools/train_json.hpp). Plain C++ with no Emscripten include, so that the tools can use it too.
#pragma once

// The TrainConfig table, in the struct's order. A new TrainConfig field is one line here; its type needs
// a read_field overload in common.hpp (std::string, int, double, std::uint32_t and bool have one) and one in
// tools/train_json.hpp. Reading, writing back and the list of accepted names all come from it.
#define NORMLAB_TRAIN_CONFIG(X)          \
    X("dataset", dataset)                \
    X("depth", depth)                    \
    X("width", width)                    \
    X("activation", activation)          \
    X("init", init)                      \
    X("architecture", architecture)      \
    X("norm", norm)                      \
    X("placement", placement)            \
    X("heads", heads)                    \
    X("groups", groups)                  \
    X("optimizer", optimizer)            \
    X("momentum", momentum)              \
    X("learningRate", learning_rate)     \
    X("warmupSteps", warmup_steps)       \
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
    X("histRange", hist_range)           \
    X("sequenceTask", sequence_task)     \
    X("sequenceLength", sequence_length)
