// config.cpp — the TrainConfig contract: validate() names the offending field as JS spells it.
#include <cmath>
#include <string>

#include "normlab/errors.hpp"
#include "spec.hpp"

namespace normlab {

namespace train {

void require_choice(const std::string& v, const char* field, std::initializer_list<const char*> options) {
    for (const char* o : options)
        if (v == o) return;
    std::string list;
    for (const char* o : options) list += (list.empty() ? "" : " | ") + std::string("\"") + o + "\"";
    throw invalid_argument(field, "must be one of " + list + ", got \"" + v + "\"");
}

void require_int(int v, const char* field, int lo, int hi) {
    require(v >= lo && v <= hi, field,
            "must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + std::to_string(v));
}

}  // namespace train

namespace {

using train::require_choice;
using train::require_int;

// The MLP's shape rules (the architecture already checked).
void validate_mlp(const TrainConfig& c) {
    require_int(c.depth, "depth", 2, 16);
    require_int(c.width, "width", 8, 256);
    require_choice(c.activation, "activation", {"relu", "tanh", "sigmoid"});
    require_choice(c.init, "init", {"he", "xavier", "poor"});
    require_choice(c.norm, "norm", {"none", "batch", "layer", "rms", "group"});
}

// The conv net's: 8x8 images only; width is the channel count. Its largest kernel tap list, 9 · width,
// stays within the dense kernels' 512 terms.
void validate_conv(const TrainConfig& c) {
    require(c.dataset == "digits", "dataset",
            "architecture \"conv\" needs the 8x8 images of \"digits\", got \"" + c.dataset + "\"");
    require_int(c.depth, "depth", 1, 8);
    require_int(c.width, "width", 4, 32);
    require_choice(c.activation, "activation", {"relu", "tanh", "sigmoid"});
    require_choice(c.init, "init", {"he", "xavier", "poor"});
    require_choice(c.norm, "norm", {"none", "batch", "group", "instance", "layer"});
}

}  // namespace

void validate(const TrainConfig& c) {
    require_choice(c.dataset, "dataset", {"spirals", "digits", "sequence"});
    require_choice(c.architecture, "architecture", {"plain", "residual", "conv", "transformer"});
    const bool conv = c.architecture == "conv", transformer = c.architecture == "transformer";
    if (transformer)
        train::validate_transformer(c);
    else if (conv)
        validate_conv(c);
    else
        validate_mlp(c);
    require(
        transformer || c.placement.empty(), "placement",
        "applies only to architecture \"transformer\", got \"" + c.placement + "\" with \"" + c.architecture + "\"");
    require(transformer || c.dataset != "sequence", "dataset",
            "\"sequence\" needs architecture \"transformer\", got \"" + c.architecture + "\"");
    // The Transformer's own fields are refused elsewhere unless left at their defaults: a value that would be
    // silently ignored is a mistake to name, not to run with. (With norm "none" the two placements build
    // the same block, x + f(x), so a placement there is accepted.)
    if (!transformer) {
        const TrainConfig defaults;
        const std::string where = " with architecture \"" + c.architecture + "\"";
        require(c.heads == defaults.heads, "heads",
                "applies only to architecture \"transformer\", got " + std::to_string(c.heads) + where);
        require(c.sequence_task == defaults.sequence_task, "sequenceTask",
                "applies only to dataset \"sequence\", got \"" + c.sequence_task + "\"" + where);
        require(c.sequence_length == defaults.sequence_length, "sequenceLength",
                "applies only to dataset \"sequence\", got " + std::to_string(c.sequence_length) + where);
    }
    if (c.norm == "group") {
        require(c.groups >= 1 && c.groups <= c.width && c.width % c.groups == 0, "groups",
                "must divide width (" + std::to_string(c.width) + "), got " + std::to_string(c.groups));
    }
    require_choice(c.optimizer, "optimizer", {"sgd", "adam"});
    require(std::isfinite(c.momentum) && c.momentum >= 0 && c.momentum < 1, "momentum", "must be a number in [0, 1)");
    require(std::isfinite(c.learning_rate) && c.learning_rate >= 1e-4 && c.learning_rate <= 3, "learningRate",
            "must be a number in [1e-4, 3]");
    require_int(c.batch_size, "batchSize", 1, conv ? 128 : 512);
    // A conv net's BatchNorm pools N·H·W values per channel, so one image is a batch (as BatchNorm2d).
    require(!(c.norm == "batch" && c.batch_size < 2 && !conv), "batchSize",
            "BatchNorm needs at least 2 samples per batch (one sample has no batch statistics)");
    require(std::isfinite(c.eps) && c.eps > 0 && c.eps <= 1, "eps", "must be a number in (0, 1]");
    require(std::isfinite(c.bn_momentum) && c.bn_momentum > 0 && c.bn_momentum <= 1, "bnMomentum",
            "must be a number in (0, 1]");
    require_int(c.warmup_steps, "warmupSteps", 0, 1000000);
    require_int(c.steps, "steps", 1, 1000000);
    require_int(c.eval_every, "evalEvery", 1, 1000000);
    require(std::isfinite(c.divergence_loss) && c.divergence_loss > 0, "divergenceLoss", "must be a finite number > 0");
    require(c.watch_layer >= -1 && c.watch_layer < c.depth, "watchLayer",
            "must be -1 (the middle layer) or a layer index in [0, depth - 1]");
    require_int(c.hist_bins, "histBins", 1, 1000);
    require(std::isfinite(c.hist_range) && c.hist_range > 0, "histRange", "must be a finite number > 0");
}

TrainConfig conv_batch_study_config(const std::string& norm, int batch_size) {
    require_int(batch_size, "batchSize", 1, 128);
    TrainConfig c;
    c.dataset = "digits";
    c.architecture = "conv";
    c.depth = 3;
    c.width = 16;
    c.groups = 4;
    c.norm = norm;
    c.batch_size = batch_size;
    c.learning_rate = 0.1 * batch_size / 32.0;
    c.steps = 4 * 1438 / batch_size;
    validate(c);
    return c;
}

namespace train {

NetSpec net_spec(const TrainConfig& c, std::size_t inputs, std::size_t classes) {
    NetSpec s;
    s.inputs = inputs;
    s.classes = classes;
    s.depth = static_cast<std::size_t>(c.depth);
    s.width = static_cast<std::size_t>(c.width);
    s.activation = c.activation == "relu"   ? Activation::relu
                   : c.activation == "tanh" ? Activation::tanh
                                            : Activation::sigmoid;
    s.init = c.init == "he" ? Init::he : c.init == "xavier" ? Init::xavier : Init::poor;
    s.arch = c.architecture == "residual"      ? Arch::residual
             : c.architecture == "conv"        ? Arch::conv
             : c.architecture == "transformer" ? Arch::transformer
                                               : Arch::plain;
    s.normalized = c.norm != "none";
    if (s.normalized) s.kind = parse_kind(c.norm);
    s.groups = c.norm == "group" ? static_cast<std::size_t>(c.groups) : 0;
    if (s.arch == Arch::conv) {
        s.side = 8;
        // A conv net's LayerNorm normalizes over (C, H, W) with one γ, β per channel: GroupNorm with one
        // group, as Wu & He define it (PyTorch: nn.GroupNorm(1, C)).
        if (c.norm == "layer") s.kind = Kind::group, s.groups = 1;
    }
    if (s.arch == Arch::transformer) {
        s.heads = static_cast<std::size_t>(c.heads);
        s.post = c.placement == "post";
    }
    s.eps = c.eps;
    s.bn_momentum = c.bn_momentum;
    return s;
}

OptimizerKind optimizer_of(const TrainConfig& c) {
    return c.optimizer == "adam" ? OptimizerKind::adam : OptimizerKind::sgd;
}

}  // namespace train

}  // namespace normlab
