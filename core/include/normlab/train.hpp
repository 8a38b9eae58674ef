// train.hpp — the training simulation: an MLP (plain or residual pre-norm) trained with SGD/Adam on
// 2-D spirals or the 8x8 digits, a small conv net on the digits, or a small Transformer on digit
// sequences, built on normalize_into/backward_into (the same code as the figures).
// Every number is deterministic for a seed, and native and WASM builds give bit-identical curves:
// randomness only from normlab::Rng, transcendental math only from normlab::det.
// The API is plain structs of numbers, strings and std::vectors so that Embind can expose it as is.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace normlab {

// One training set-up. Field names in the error messages are the camelCase names the JS API uses.
// A new field also takes one line in the field table of core/bindings/train_config.hpp (its JS name).
struct TrainConfig {
    std::string dataset = "spirals";        // "spirals" | "digits" | "sequence" (the transformer's digit sequences)
    int depth = 8;                          // hidden layers (plain), residual blocks (residual), 2..16;
                                            //   conv: conv blocks, 1..8; transformer: layers, 1..8
    int width = 32;                         // units per hidden layer, 8..256; conv: channels per block, 4..32;
                                            //   transformer: model width d, 8..64 (its MLP is 4·d wide)
    std::string activation = "relu";        // "relu" | "tanh" | "sigmoid"
    std::string init = "he";                // "he" | "xavier" | "poor" (N(0, 0.01^2): deliberately too small)
    std::string architecture = "plain";     // "plain": Linear→Norm→act | "residual": h ← h + W2·act(W1·Norm(h))
                                            //   | "conv": [3x3 conv (pad 1)→Norm→act] x depth → global average
                                            //   pool → Linear; needs dataset "digits"
                                            //   | "transformer": embeddings → [attention, MLP] x depth →
                                            //   Linear per position; needs dataset "sequence"
    std::string norm = "none";              // "none" | "batch" | "layer" | "rms" | "group"; conv: "none" |
                                            //   "batch" | "group" | "instance" | "layer" (over C, H, W with
                                            //   per-channel γ, β: GroupNorm with one group);
                                            //   transformer: "none" | "layer" | "rms"
    std::string placement;                  // transformer only: "pre" (the default when empty) | "post";
                                            //   any other architecture: must stay empty
    int heads = 4;                          // transformer: attention heads, 1..8; must divide width
    int groups = 4;                         // GroupNorm groups; must divide width
    std::string optimizer = "sgd";          // "sgd" (with momentum) | "adam" (beta1 0.9, beta2 0.999, eps 1e-8)
    double momentum = 0.9;                  // SGD momentum in [0, 1); 0 = plain SGD
    double learning_rate = 0.03;            // 1e-4..3, constant after the warm-up
    int warmup_steps = 0;                   // linear warm-up: step t uses rate·min(1, t / warmupSteps); 0 = none
    int batch_size = 64;                    // 1..512 (MLP BatchNorm needs >= 2); conv: 1..128
    double eps = 1e-5;                      // normalization epsilon, (0, 1]
    double bn_momentum = 0.1;               // BatchNorm running-statistics momentum, (0, 1]
    int steps = 3000;                       // budget: the most steps sweep runs take (Trainer itself has no cap)
    int eval_every = 25;                    // evaluate (inference mode) every k steps
    std::uint32_t seed = 1;                 // initialization and mini-batch order
    std::uint32_t data_seed = 1;            // the data set (spiral noise, digits split): fixed across seeds
    double divergence_loss = 100;           // a training loss above this (or NaN/Inf) counts as divergence
    int watch_layer = -1;                   // hidden layer (0-based) whose histogram is reported; -1 = depth / 2
    int hist_bins = 40;                     // histogram of the watched layer's pre-activations: bins over
    double hist_range = 5;                  //   the fixed range [-histRange, histRange], so frames compare
    std::string sequence_task = "reverse";  // dataset "sequence": "reverse" | "sort" the digits (datasets.hpp)
    int sequence_length = 8;                // digits per sequence, 4..12; batchSize · sequenceLength <= 512
};

// Throws normlab::invalid_argument naming the first field (camelCase) that breaks its constraint.
void validate(const TrainConfig& config);

// Loss and accuracy of one data split, evaluated in inference mode (BatchNorm: running statistics).
struct SplitMetrics {
    double loss = 0, accuracy = 0;
};

// What evaluate() measures; per-layer vectors have one entry per hidden layer (plain) or block (residual,
// conv). A conv block's pre-activations are all its channels' values at every position.
struct EvalReport {
    int step = 0;                           // training steps done when measured
    SplitMetrics train, heldout;            // full training set and held-out set, inference mode
    std::vector<double> preact_mean;        // mean of the activation's input over the training set, per layer
    std::vector<double> preact_std;         // its population std, per layer
    std::vector<double> grad_norm;          // L2 norm of the layer's weight gradient(s) at the last step, per layer
    int watch_layer = 0;                    // the layer the histogram shows
    std::vector<double> hist_edges;         // hist_bins + 1 edges over [-histRange, histRange]
    std::vector<double> hist_counts;        // values per bin (numpy.histogram semantics within the range)
    double hist_below = 0, hist_above = 0;  // values outside the range, so the page can say so
};

// When and why training diverged; step 0 and an empty cause while it has not.
struct Divergence {
    int step = 0;       // the step whose loss or update was not finite, or whose loss exceeded divergenceLoss
    std::string cause;  // e.g. "the training loss is NaN"
};

// The result of Trainer::step(n): one entry per step actually run (fewer than n once diverged).
struct StepResult {
    int first_step = 0;             // 1-based number of the step whose loss is loss[0]
    std::vector<double> loss;       // mini-batch cross-entropy (training mode), per step
    std::vector<double> accuracy;   // mini-batch accuracy, per step
    std::vector<EvalReport> evals;  // the evaluations that fell due (every evalEvery steps)
    bool diverged = false;          // true once training has diverged (now or earlier)
    std::string reason;             // "diverged at step <step>: <cause>"; empty otherwise
    Divergence divergence;          // the same, as fields
};

// Class per cell of a resolution x resolution grid over the spirals' bounding box (padded by 10 %).
// Cell (row i, column j) is centred at x = x_min + (j + 0.5)·(x_max - x_min)/res, likewise y with i;
// row 0 is the bottom (y_min).
struct GridPrediction {
    int resolution = 0;
    double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
    std::vector<int> classes;        // resolution^2, row-major
    std::vector<double> confidence;  // softmax probability of that class, same layout
};

// The data set as the trainer sees it (inputs scaled), for plotting.
struct DataSnapshot {
    int inputs = 0, classes = 0;
    std::vector<float> train_x, heldout_x;  // row-major [count, inputs]
    std::vector<int> train_y, heldout_y;
};

class Trainer {
  public:
    // Validates the config; digits must hold data/digits/digits.bin (1797·64 pixels then 1797 labels)
    // when config.dataset is "digits" and is ignored otherwise. The bytes are copied.
    explicit Trainer(const TrainConfig& config, std::span<const std::uint8_t> digits = {});
    ~Trainer();
    Trainer(Trainer&&) noexcept;
    Trainer& operator=(Trainer&&) noexcept;

    // Runs n mini-batch steps (n >= 0); once diverged, runs none and reports the divergence.
    StepResult step(int n);
    // Runs n steps without per-step reports or evaluations (the sweep's fast path); false once diverged.
    bool run(int n);
    // Inference-mode metrics and per-layer statistics at the current step (does not train).
    EvalReport evaluate();
    // Full-training-set loss in inference mode: the sweep's criterion, cheaper than evaluate().
    double train_loss();
    bool diverged() const;
    const std::string& divergence_reason() const;
    const Divergence& divergence() const;
    int steps_done() const;
    const TrainConfig& config() const;
    // Decision regions of the spirals model (2-D data only); resolution 2..256.
    GridPrediction predict_grid(int resolution);
    DataSnapshot data() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One (rate, seed) run of a sweep: train until the full-training-set loss in inference mode, checked
// every evalEvery steps, is <= target, or the budget (config.steps) is spent, or training diverges.
struct SweepRun {
    double learning_rate = 0;
    std::uint32_t seed = 0;
    std::string outcome;  // "reached" | "not reached" | "diverged"
    int steps = 0;        // reached: steps to target; diverged: the step; not reached: budget
};

// Runs config (with learningRate and seed replaced) to the target; the sweep's unit of work.
SweepRun run_to_target(const TrainConfig& config, double learning_rate, std::uint32_t seed, double target_loss,
                       std::span<const std::uint8_t> digits = {});

// All (rate, seed) runs of one variant (config.norm), rate-major: runs[r * seeds.size() + s].
struct SweepResult {
    std::string norm;
    double target_loss = 0;
    std::vector<double> learning_rates;
    std::vector<std::uint32_t> seeds;
    std::vector<SweepRun> runs;
};

SweepResult sweep(const TrainConfig& config, const std::vector<double>& learning_rates,
                  const std::vector<std::uint32_t>& seeds, double target_loss,
                  std::span<const std::uint8_t> digits = {});

// Per rate: the median over seeds of the steps to target, counting a seed that did not reach it as
// +infinity (so the median is finite only if more than half reached it).
struct RateSummary {
    double learning_rate = 0;
    double median_steps = 0;  // meaningful only when median_reached
    bool median_reached = false;
    int reached = 0, diverged = 0, not_reached = 0;  // seed counts
};

// One variant's verdict: best rate = fewest median steps (ties: more seeds reached, then the smaller
// rate); stable = every seed reached the target; speed-up = baseline median at its best rate / this
// variant's median at its best rate, the baseline being norm "none" — never one shared rate.
struct VariantSummary {
    std::string norm;
    std::vector<RateSummary> rates;
    bool reached = false;                  // some rate has a finite median
    double best_rate = 0, best_steps = 0;  // when reached
    std::vector<double> stable_rates;      // rates at which all seeds reached the target
    double largest_stable_rate = 0;        // 0 when stable_rates is empty
    int divergences = 0;                   // diverged runs over all rates and seeds
    std::string speedup_status;            // "ratio" | "baseline" (this is "none") | "no baseline" |
                                           // "baseline never reached" | "never reached"
    double speedup = 0;                    // when speedup_status == "ratio"
};

struct SweepSummary {
    std::vector<VariantSummary> variants;
};

// Summarizes sweeps of several variants (same rates and seeds); the "none" sweep is the baseline.
SweepSummary summarize(const std::vector<SweepResult>& sweeps);

// A whole comparison: config (norm and learningRate/seed are replaced per run) x norms x rates x seeds.
struct SweepPlan {
    TrainConfig config;
    std::vector<std::string> norms;
    std::vector<double> learning_rates;
    std::vector<std::uint32_t> seeds;
    double target_loss = 0.1;
};

// The lesson's default ("fair") preset (docs/training.md): spirals, plain MLP 8x32, ReLU, He, momentum-SGD
// 0.9, batch 64, 3000-step budget, evaluation every 25 steps, target loss 0.1, norms none/batch/layer/rms,
// rates 0.001 0.003 0.01 0.03 0.1 0.3 1 3, seeds 1 2 3. The shipped JSON and the live re-run both use it.
SweepPlan default_sweep_plan();

// The conv net's batch-size study (GroupNorm vs BatchNorm as the batch shrinks, as Wu & He 2018 set it
// up): digits, 3 blocks of 16 channels, GroupNorm with 4 groups, ReLU, He, momentum-SGD 0.9; learning rate
// 0.1 at batch 32 scaled linearly with the batch, and 4 epochs of the 1438 training images at every batch
// size (steps = 4·1438 / batch). docs/training.md records its results; a CTest test recomputes them.
TrainConfig conv_batch_study_config(const std::string& norm, int batch_size);

// The Transformer study (Post-LN vs Pre-LN and warm-up, Xiong et al. 2020; RMSNorm vs LayerNorm, Zhang &
// Sennrich 2019): reverse sequences of 8 digits, 2 layers of width 32 with 4 heads and a 128-wide ReLU MLP,
// Xavier, Adam at learning rate 0.03 (where Post-LN without warm-up fails at this scale), batch 32, 200
// steps, evaluation every 25. docs/training.md records its results; a CTest test recomputes them.
TrainConfig transformer_study_config(const std::string& norm, const std::string& placement, int warmup_steps);

}  // namespace normlab
