// transformer_config.cpp — the Transformer's configuration rules (spec.hpp) and the set-ups of its
// studies (train.hpp), next to each other so a study never asks for what validation refuses.
#include <string>

#include "attention.hpp"
#include "normlab/errors.hpp"
#include "spec.hpp"

namespace normlab {

namespace train {

void validate_transformer(const TrainConfig& c) {
    require(c.dataset == "sequence", "dataset",
            "architecture \"transformer\" needs the digit sequences of \"sequence\", got \"" + c.dataset + "\"");
    require_int(c.depth, "depth", 1, 8);
    require_int(c.width, "width", 8, 64);
    require_int(c.heads, "heads", 1, 8);
    require(c.width % c.heads == 0, "heads",
            "must divide width (" + std::to_string(c.width) + "), got " + std::to_string(c.heads));
    require_choice(c.activation, "activation", {"relu", "tanh", "sigmoid"});
    require_choice(c.init, "init", {"he", "xavier", "poor"});
    require_choice(c.norm, "norm", {"none", "layer", "rms"});
    if (!c.placement.empty()) require_choice(c.placement, "placement", {"pre", "post"});
    require_choice(c.sequence_task, "sequenceTask", {"reverse", "sort"});
    require_int(c.sequence_length, "sequenceLength", 4, 12);
    static_assert(kMaxTokens >= 12);
    // The dense kernels' gradient sums take at most 512 token rows per step.
    require(c.batch_size < 1 || c.batch_size * c.sequence_length <= 512, "batchSize",
            "times sequenceLength must be <= 512 (token rows per step), got " + std::to_string(c.batch_size) + " x " +
                std::to_string(c.sequence_length));
}

}  // namespace train

TrainConfig transformer_study_config(const std::string& norm, const std::string& placement, int warmup_steps) {
    TrainConfig c;
    c.dataset = "sequence";
    c.sequence_task = "reverse";
    c.sequence_length = 8;
    c.architecture = "transformer";
    c.depth = 2;
    c.width = 32;
    c.heads = 4;
    c.init = "xavier";
    c.norm = norm;
    c.placement = placement;
    c.optimizer = "adam";
    c.learning_rate = 0.03;
    c.warmup_steps = warmup_steps;
    c.batch_size = 32;
    c.steps = 200;
    c.eval_every = 25;
    validate(c);
    return c;
}

}  // namespace normlab
