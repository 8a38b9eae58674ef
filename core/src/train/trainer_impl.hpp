// trainer_impl.hpp (private) — the Trainer's state, shared by trainer.cpp (training) and evaluate.cpp.
#pragma once

#include <string>
#include <vector>

#include "datasets.hpp"
#include "network.hpp"
#include "normlab/random.hpp"
#include "normlab/train.hpp"
#include "optim.hpp"

namespace normlab {

struct Trainer::Impl {
    Impl(const TrainConfig& config, std::span<const std::uint8_t> digits);

    // One mini-batch step; false (and diverged set) if it diverged, in which case the model is rolled
    // back to the previous step and loss/accuracy are not meaningful.
    bool train_step(double& loss, double& accuracy);
    // Marks the run diverged; with rollback, restores the model saved before the failing step.
    void diverge(const std::string& why, bool rollback = true);
    // Inference-mode loss and accuracy of a split; with `stats` the per-layer statistics of the pass too.
    SplitMetrics metrics(const std::vector<float>& x, const std::vector<int>& y, EvalReport* stats);

    TrainConfig config;
    train::Dataset data;
    train::Network net;
    train::Optimizer opt;
    Rng batch_rng;
    train::Workspace train_ws, eval_ws;  // preallocated: the step loop allocates nothing
    std::vector<std::size_t> order;      // the current epoch's shuffled training indices
    std::size_t cursor = 0;
    std::vector<float> batch_x, saved;
    std::vector<int> batch_y;
    std::vector<float> watch_values;  // the watched layer's pre-activations over the training set
    int steps = 0;
    bool diverged = false;
    std::string reason;
    Divergence divergence;
};

namespace train {
// Rows per inference-mode forward pass (evaluation, grid): bounds the evaluation workspace. A conv net
// keeps side² = 64 values per unit, so it evaluates 32 images at a time (every norm's inference output
// is per sample, so the chunk size changes no number). A Transformer keeps 4·width values per token.
constexpr std::size_t kEvalChunk = 256, kConvEvalChunk = 32, kTransformerEvalChunk = 32;
}  // namespace train

}  // namespace normlab
