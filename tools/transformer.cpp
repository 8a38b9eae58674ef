// transformer.cpp — normlab_transformer: the Transformer trainer measured natively.
// Usage: normlab_transformer --time          ms per step of the study's model per norm and placement,
//                                            the variants interleaved (process CPU time: the machine may
//                                            be shared), and RMSNorm's step time relative to LayerNorm's
//        normlab_transformer --study         transformer_study_config() over learning rates x variants x
//                                            seeds 1, 2, 3: Post-LN vs Pre-LN, warm-up, RMSNorm vs LayerNorm
//        normlab_transformer --fingerprint   FNV-1a of the loss bits of short runs of every norm and
//                                            placement: a WebAssembly build of this tool prints the same lines
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "fnv1a.hpp"
#include "normlab/normalize.hpp"
#include "normlab/random.hpp"
#include "normlab/train.hpp"

namespace {

struct Variant {
    const char* label;
    const char* norm;
    const char* placement;
    int warmup;
};

// The study's variants: LayerNorm and RMSNorm in both placements, Post-LN with warm-up, and no norm.
const std::vector<Variant>& variants() {
    static const std::vector<Variant> v = {
        {"Pre-LN", "layer", "pre", 0}, {"Post-LN", "layer", "post", 0}, {"Post-LN, warm-up 100", "layer", "post", 100},
        {"Pre-RMS", "rms", "pre", 0},  {"Post-RMS", "rms", "post", 0},  {"Post-RMS, warm-up 100", "rms", "post", 100},
        {"no norm", "none", "pre", 0},
    };
    return v;
}

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The norms alone, as the model calls them per step: forward and backward over the batch's token rows
// [batch · tokens, width], interleaved rounds of 2000 calls; what RMSNorm saves is the mean and β.
int time_norm_kernels(const normlab::TrainConfig& c) {
    const std::size_t rows = static_cast<std::size_t>(c.batch_size * c.sequence_length), d = c.width;
    const normlab::Shape shape{rows, d, 1};
    normlab::Rng rng(5);
    std::vector<float> x(rows * d), dy(rows * d), y(rows * d), dx(rows * d), mean(rows), rstd(rows);
    for (std::size_t i = 0; i < rows * d; ++i)
        x[i] = static_cast<float>(rng.normal()), dy[i] = static_cast<float>(rng.normal());
    std::vector<float> gamma(d, 1.0f), beta(d, 0.0f), dgamma(d), dbeta(d);
    std::vector<std::vector<double>> us(2);
    for (int r = 0; r < 21; ++r)
        for (int k = 0; k < 2; ++k) {
            const normlab::Kind kind = k == 0 ? normlab::Kind::layer : normlab::Kind::rms;
            normlab::NormOptions o;
            o.gamma = gamma;
            if (k == 0) o.beta = beta;
            const double t0 = cpu_seconds();
            for (int i = 0; i < 2000; ++i) {
                normlab::normalize_into(kind, x, shape, o, y, mean, rstd);
                normlab::backward_into(kind, x, dy, shape, o, dx, dgamma,
                                       k == 0 ? std::span<float>(dbeta) : std::span<float>());
            }
            us[k].push_back(1e6 * (cpu_seconds() - t0) / 2000);
        }
    std::printf(
        "norm kernels alone on [%zu, %zu] (forward + backward, one call each): LayerNorm %.1f us, "
        "RMSNorm %.1f us (median of 21 rounds); the model calls them %d times per step\n",
        rows, d, median(us[0]), median(us[1]), 2 * c.depth + 1);
    return 0;
}

// Rounds of 100 steps per variant, in turn, so that a change in the machine's load hits every variant alike.
int time_steps() {
    const std::vector<std::pair<const char*, const char*>> kinds = {
        {"layer", "pre"}, {"rms", "pre"}, {"layer", "post"}, {"rms", "post"}, {"none", "pre"}};
    std::vector<normlab::Trainer> trainers;
    for (const auto& [norm, placement] : kinds) {
        // Rate 0.003: every variant trains there without diverging over the many timed steps.
        normlab::TrainConfig c = normlab::transformer_study_config(norm, placement, 0);
        c.learning_rate = 0.003;
        trainers.emplace_back(c);
        trainers.back().run(20);  // warm-up of caches and allocator
    }
    const int rounds = 21, steps = 100;
    std::vector<std::vector<double>> ms(kinds.size());
    for (int r = 0; r < rounds; ++r)
        for (std::size_t k = 0; k < kinds.size(); ++k) {
            const double t0 = cpu_seconds();
            trainers[k].run(steps);
            ms[k].push_back(1000 * (cpu_seconds() - t0) / steps);
        }
    const normlab::TrainConfig c = normlab::transformer_study_config("layer", "pre", 0);
    std::printf("model: %d layers, width %d, %d heads, batch %d x %d tokens; median of %d rounds of %d steps\n",
                c.depth, c.width, c.heads, c.batch_size, c.sequence_length, rounds, steps);
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        const double m = median(ms[k]), fastest = *std::min_element(ms[k].begin(), ms[k].end());
        std::printf("%-5s %-4s  median %.3f ms/step (CPU), %.0f steps/s; fastest round %.3f ms/step%s\n",
                    kinds[k].first, kinds[k].second, m, 1000 / m, fastest, trainers[k].diverged() ? " (diverged)" : "");
    }
    for (std::size_t k : {0u, 2u}) {
        std::vector<double> ratio;
        for (int r = 0; r < rounds; ++r) ratio.push_back(ms[k + 1][r] / ms[k][r]);
        std::printf("RMSNorm / LayerNorm step time, %s: median %.3f (per-round range %.3f-%.3f)\n", kinds[k].second,
                    median(ratio), *std::min_element(ratio.begin(), ratio.end()),
                    *std::max_element(ratio.begin(), ratio.end()));
    }
    return time_norm_kernels(c);
}

int study() {
    const std::vector<double> rates = {0.001, 0.003, 0.01, 0.03, 0.1};
    std::printf(
        "| variant | rate | final train loss (seeds 1, 2, 3) | held-out accuracy | diverged |\n"
        "|---|---|---|---|---|\n");
    for (const Variant& v : variants())
        for (double rate : rates) {
            std::string losses, accs;
            int diverged = 0;
            for (std::uint32_t seed : {1u, 2u, 3u}) {
                normlab::TrainConfig c = normlab::transformer_study_config(v.norm, v.placement, v.warmup);
                c.learning_rate = rate;
                c.seed = seed;
                normlab::Trainer t(c);
                t.run(c.steps);
                const normlab::EvalReport e = t.evaluate();
                diverged += t.diverged();
                char buf[64];
                std::snprintf(buf, sizeof buf, "%s%.3f", seed == 1 ? "" : ", ", e.train.loss);
                losses += buf;
                std::snprintf(buf, sizeof buf, "%s%.3f", seed == 1 ? "" : ", ", e.heldout.accuracy);
                accs += buf;
            }
            std::printf("| %s | %g | %s | %s | %d |\n", v.label, rate, losses.c_str(), accs.c_str(), diverged);
            std::fflush(stdout);
        }
    return 0;
}

int fingerprint() {
    for (std::string norm : {"none", "layer", "rms"})
        for (std::string placement : {"pre", "post"}) {
            normlab::TrainConfig c = normlab::transformer_study_config(norm, placement, 20);
            c.eval_every = 20;
            c.batch_size = 8;
            normlab::Trainer t(c);
            const normlab::StepResult r = t.step(40);
            std::vector<double> evals;
            for (const auto& e : r.evals)
                evals.insert(evals.end(), {e.train.loss, e.heldout.loss, e.preact_std[1], e.grad_norm[0]});
            std::printf("transformer %-5s %-4s loss[39] %.17g  curve %016llx  evals %016llx\n", norm.c_str(),
                        placement.c_str(), r.loss.back(), static_cast<unsigned long long>(fnv1a(r.loss)),
                        static_cast<unsigned long long>(fnv1a(evals)));
        }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: normlab_transformer --time | --study | --fingerprint\n");
        return 2;
    }
    if (std::strcmp(argv[1], "--time") == 0) return time_steps();
    if (std::strcmp(argv[1], "--study") == 0) return study();
    if (std::strcmp(argv[1], "--fingerprint") == 0) return fingerprint();
    std::fprintf(stderr, "unknown option %s\n", argv[1]);
    return 2;
}
