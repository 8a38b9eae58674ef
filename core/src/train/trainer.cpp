// trainer.cpp — the training loop: mini-batches from seeded epoch shuffles, one optimizer update per
// step, divergence detection (NaN/Inf loss, loss above divergenceLoss, non-finite parameters).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "layers.hpp"
#include "normlab/errors.hpp"
#include "trainer_impl.hpp"

namespace normlab {

namespace {

train::Dataset load(const TrainConfig& c, std::span<const std::uint8_t> digits) {
    validate(c);
    if (c.dataset == "sequence")
        return train::make_sequences(c.sequence_task, static_cast<std::size_t>(c.sequence_length), c.data_seed);
    return c.dataset == "digits" ? train::make_digits(digits, c.data_seed) : train::make_spirals(c.data_seed);
}

// Network initialization and batch order use two streams, so that changing one leaves the other alone.
Rng init_stream(std::uint32_t seed) { return Rng(seed); }
Rng batch_stream(std::uint32_t seed) { return Rng(std::uint64_t{seed} + 0x9E3779B97F4A7C15ull); }

train::Network make_network(const TrainConfig& c, const train::Dataset& d) {
    Rng rng = init_stream(c.seed);
    return train::Network(train::net_spec(c, d.inputs, d.classes), rng);
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

}  // namespace

Trainer::Impl::Impl(const TrainConfig& c, std::span<const std::uint8_t> digits)
    : config(c),
      data(load(c, digits)),
      net(make_network(c, data)),
      opt(train::optimizer_of(c), net.params().size(), c.learning_rate, c.momentum),
      batch_rng(batch_stream(c.seed)) {
    const std::size_t batch = static_cast<std::size_t>(c.batch_size);
    train_ws = net.make_workspace(batch);
    const train::Arch arch = net.spec().arch;
    eval_ws = net.make_workspace(arch == train::Arch::conv          ? train::kConvEvalChunk
                                 : arch == train::Arch::transformer ? train::kTransformerEvalChunk
                                                                    : train::kEvalChunk);
    order.resize(data.train_count());
    std::iota(order.begin(), order.end(), std::size_t{0});
    cursor = order.size();  // the first step shuffles
    batch_x.resize(batch * data.inputs);
    batch_y.resize(batch * data.targets);
    net.save(saved);
}

bool Trainer::Impl::train_step(double& loss, double& accuracy) {
    // The batch: the next indices of the epoch's shuffle, reshuffling when it runs out, so a batch
    // larger than the training set simply holds some samples twice.
    const std::size_t rows = batch_x.size() / data.inputs, in = data.inputs, per = data.targets;
    for (std::size_t r = 0; r < rows; ++r) {
        if (cursor == order.size()) {
            for (std::size_t i = order.size() - 1; i > 0; --i) std::swap(order[i], order[batch_rng.below(i + 1)]);
            cursor = 0;
        }
        const std::size_t k = order[cursor++];
        std::copy_n(&data.train_x[k * in], in, &batch_x[r * in]);
        std::copy_n(&data.train_y[k * per], per, &batch_y[r * per]);
    }

    net.save(saved);
    ++steps;
    const float* logits = net.forward(train_ws, batch_x.data(), rows, train::Pass::train);
    std::size_t correct = 0;
    const std::size_t labels = batch_y.size();  // a sequence's loss is the mean over its positions
    loss =
        train::softmax_cross_entropy(train_ws.dlogits.data(), logits, batch_y.data(), labels, data.classes, &correct) /
        static_cast<double>(labels);
    accuracy = static_cast<double>(correct) / static_cast<double>(labels);
    if (!std::isfinite(loss)) {
        diverge("the training loss is " + std::string(std::isnan(loss) ? "NaN" : "infinite"));
        return false;
    }
    if (loss > config.divergence_loss) {
        diverge("the training loss " + number(loss) + " exceeded divergenceLoss (" + number(config.divergence_loss) +
                ")");
        return false;
    }
    net.backward(train_ws, batch_x.data(), rows);
    const int warmup = config.warmup_steps;  // linear warm-up (Goyal et al. 2017; Vaswani et al. 2017)
    if (warmup > 0 && steps <= warmup)
        opt.set_learning_rate(steps == warmup ? config.learning_rate
                                              : config.learning_rate * static_cast<double>(steps) / warmup);
    opt.step(net.params(), net.grads());
    if (!net.finite()) {
        diverge("a parameter became NaN or infinite");
        return false;
    }
    return true;
}

void Trainer::Impl::diverge(const std::string& why, bool rollback) {
    if (rollback) net.restore(saved);  // the last finite model stays evaluable
    diverged = true;
    divergence = {steps, why};
    reason = "diverged at step " + std::to_string(steps) + ": " + why;
}

Trainer::Trainer(const TrainConfig& config, std::span<const std::uint8_t> digits)
    : impl_(std::make_unique<Impl>(config, digits)) {}
Trainer::~Trainer() = default;
Trainer::Trainer(Trainer&&) noexcept = default;
Trainer& Trainer::operator=(Trainer&&) noexcept = default;

StepResult Trainer::step(int n) {
    require(n >= 0, "steps", "must be >= 0");
    Impl& s = *impl_;
    StepResult out;
    out.first_step = s.steps + 1;
    out.loss.reserve(static_cast<std::size_t>(n));
    out.accuracy.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n && !s.diverged; ++i) {
        double loss = 0, accuracy = 0;
        if (!s.train_step(loss, accuracy)) break;
        out.loss.push_back(loss);
        out.accuracy.push_back(accuracy);
        if (s.steps % s.config.eval_every == 0) {
            EvalReport report = evaluate();
            if (s.diverged) break;
            out.evals.push_back(std::move(report));
        }
    }
    out.diverged = s.diverged;
    out.reason = s.reason;
    out.divergence = s.divergence;
    return out;
}

bool Trainer::run(int n) {
    require(n >= 0, "steps", "must be >= 0");
    double loss = 0, accuracy = 0;
    for (int i = 0; i < n && !impl_->diverged; ++i) impl_->train_step(loss, accuracy);
    return !impl_->diverged;
}

bool Trainer::diverged() const { return impl_->diverged; }
const std::string& Trainer::divergence_reason() const { return impl_->reason; }
const Divergence& Trainer::divergence() const { return impl_->divergence; }
int Trainer::steps_done() const { return impl_->steps; }
const TrainConfig& Trainer::config() const { return impl_->config; }

DataSnapshot Trainer::data() const {
    const train::Dataset& d = impl_->data;
    return DataSnapshot{
        static_cast<int>(d.inputs), static_cast<int>(d.classes), d.train_x, d.heldout_x, d.train_y, d.heldout_y};
}

}  // namespace normlab
