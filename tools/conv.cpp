// conv.cpp — normlab_conv: the conv trainer measured natively.
// Usage: normlab_conv DIGITS.bin --time          steps/s of the study's net per norm at batch 32 and 2
//                                                (wall and process CPU time: the machine may be shared)
//        normlab_conv DIGITS.bin --study         GroupNorm vs BatchNorm as the batch shrinks (Wu & He
//                                                2018): conv_batch_study_config() at batch 32, 8, 2, 1
//        normlab_conv DIGITS.bin --study DEPTH WIDTH EPOCHS
//                                                the same at batch 32 and 2 with another depth, width
//                                                (groups of 4 channels) and number of epochs
//        normlab_conv DIGITS.bin --fingerprint   FNV-1a of the loss bits of short runs of every norm: a
//                                                WebAssembly build of this tool must print the same lines
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fnv1a.hpp"
#include "normlab/train.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

int time_steps(std::span<const std::uint8_t> digits) {
    for (int batch : {32, 2})
        for (std::string norm : {"none", "batch", "group", "instance", "layer"}) {
            const normlab::TrainConfig c = normlab::conv_batch_study_config(norm, batch);
            normlab::Trainer t(c, digits);
            const int steps = batch == 32 ? 200 : 2000;
            t.run(10);  // warm-up
            const auto t0 = Clock::now();
            const std::clock_t c0 = std::clock();
            t.run(steps);
            const double s = seconds_since(t0), cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
            std::printf(
                "%-8s batch %-3d %d steps: wall %.3f s, %.0f steps/s; CPU %.3f s, %.0f steps/s, %.0f images/s%s\n",
                norm.c_str(), batch, steps, s, steps / s, cpu, steps / cpu, steps * batch / cpu,
                t.diverged() ? " (diverged)" : "");
        }
    return 0;
}

// The study's net, or a variant of it: depth blocks of width channels in groups of 4, epochs of the training
// set at every batch size (the rate stays 0.1 x batch / 32).
struct StudyShape {
    int depth = 0, width = 0, epochs = 0;  // 0: the study's own
};

normlab::TrainConfig study_config(const std::string& norm, int batch, const StudyShape& shape) {
    normlab::TrainConfig c = normlab::conv_batch_study_config(norm, batch);
    if (shape.depth == 0) return c;
    c.depth = shape.depth;
    c.width = shape.width;
    c.groups = shape.width / 4;
    c.steps = shape.epochs * 1438 / batch;
    normlab::validate(c);
    return c;
}

int study(std::span<const std::uint8_t> digits, const StudyShape& shape) {
    std::printf(
        "| batch | rate | steps | norm | eval accuracy, train set (seeds 1, 2, 3) | held-out accuracy | "
        "mini-batch accuracy, last 100 steps |\n|---|---|---|---|---|---|---|\n");
    const std::vector<int> batches = shape.depth == 0 ? std::vector<int>{32, 8, 2, 1} : std::vector<int>{32, 2};
    for (int batch : batches)
        for (std::string norm : {"batch", "group"}) {
            std::string train_acc, heldout_acc, minibatch_acc;
            normlab::TrainConfig c = study_config(norm, batch, shape);
            for (std::uint32_t seed : {1u, 2u, 3u}) {
                c.seed = seed;
                normlab::Trainer t(c, digits);
                t.run(c.steps - 100);
                const normlab::StepResult r = t.step(100);
                double mean = 0;
                for (double a : r.accuracy) mean += a / static_cast<double>(r.accuracy.size());
                const normlab::EvalReport e = t.evaluate();
                char buf[64];
                std::snprintf(buf, sizeof buf, "%s%.3f", seed == 1 ? "" : ", ", e.train.accuracy);
                train_acc += buf;
                std::snprintf(buf, sizeof buf, "%s%.3f", seed == 1 ? "" : ", ", e.heldout.accuracy);
                heldout_acc += buf;
                std::snprintf(buf, sizeof buf, "%s%.3f", seed == 1 ? "" : ", ", mean);
                minibatch_acc += buf;
            }
            std::printf("| %d | %g | %d | %s | %s | %s | %s |\n", batch, c.learning_rate, c.steps, norm.c_str(),
                        train_acc.c_str(), heldout_acc.c_str(), minibatch_acc.c_str());
            std::fflush(stdout);
        }
    return 0;
}

int fingerprint(std::span<const std::uint8_t> digits) {
    for (std::string norm : {"none", "batch", "group", "instance", "layer"}) {
        normlab::TrainConfig c = normlab::conv_batch_study_config(norm, 8);
        c.eval_every = 20;
        normlab::Trainer t(c, digits);
        const normlab::StepResult r = t.step(60);
        std::vector<double> evals;
        for (const auto& e : r.evals) evals.insert(evals.end(), {e.train.loss, e.heldout.loss, e.preact_std[1]});
        std::printf("conv %-8s loss[59] %.17g  curve %016llx  evals %016llx\n", norm.c_str(), r.loss.back(),
                    static_cast<unsigned long long>(fnv1a(r.loss)), static_cast<unsigned long long>(fnv1a(evals)));
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const bool shaped = argc == 6 && std::strcmp(argv[2], "--study") == 0;
    if (argc != 3 && !shaped) {
        std::fprintf(stderr, "usage: normlab_conv DIGITS.bin --time | --study [DEPTH WIDTH EPOCHS] | --fingerprint\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    const std::vector<std::uint8_t> digits{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (std::strcmp(argv[2], "--time") == 0) return time_steps(digits);
    if (shaped) return study(digits, {std::atoi(argv[3]), std::atoi(argv[4]), std::atoi(argv[5])});
    if (std::strcmp(argv[2], "--study") == 0) return study(digits, {});
    if (std::strcmp(argv[2], "--fingerprint") == 0) return fingerprint(digits);
    std::fprintf(stderr, "unknown option %s\n", argv[2]);
    return 2;
}
