// sweep.cpp — normlab_sweep: the default preset's learning-rate sweep (default_sweep_plan()) computed
// natively, written as the JSON the page ships; a live WASM re-run of the same plan must reproduce it.
// Usage: normlab_sweep OUT.json            write the sweep, print the summary table and the wall time
//        normlab_sweep --time              time 3000 steps of the default config per norm (no sweep)
//        normlab_sweep --fingerprint       FNV-1a of the loss bits of short runs of every variant: the
//                                          native and WASM builds must print the same lines
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "fnv1a.hpp"
#include "normlab/train.hpp"
#include "train_json.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

using train_json::config_json;
using train_json::list;
using train_json::num;
using train_json::str;

std::string variant_json(const normlab::VariantSummary& v) {
    auto rate = [](const normlab::RateSummary& r) {
        return "{\"learningRate\": " + num(r.learning_rate) +
               ", \"medianReached\": " + (r.median_reached ? "true" : "false") +
               ", \"medianSteps\": " + num(r.median_steps) + ", \"reached\": " + num(r.reached) +
               ", \"diverged\": " + num(r.diverged) + ", \"notReached\": " + num(r.not_reached) + "}";
    };
    return "{\"norm\": " + str(v.norm) + ", \"reached\": " + (v.reached ? "true" : "false") +
           ", \"bestRate\": " + num(v.best_rate) + ", \"bestSteps\": " + num(v.best_steps) +
           ", \"stableRates\": " + list(v.stable_rates) + ", \"largestStableRate\": " + num(v.largest_stable_rate) +
           ", \"divergences\": " + num(v.divergences) + ", \"speedupStatus\": " + str(v.speedup_status) +
           ", \"speedup\": " + num(v.speedup) + ",\n      \"rates\": " + list(v.rates, rate) + "}";
}

std::string sweep_json(const normlab::SweepPlan& plan, const std::vector<normlab::SweepResult>& sweeps,
                       const normlab::SweepSummary& summary) {
    std::string runs;
    for (const auto& s : sweeps)
        for (const auto& r : s.runs)
            runs += std::string(runs.empty() ? "" : ",\n    ") + "{\"norm\": " + str(s.norm) +
                    ", \"learningRate\": " + num(r.learning_rate) + ", \"seed\": " + num(r.seed) +
                    ", \"outcome\": " + str(r.outcome) + ", \"steps\": " + num(r.steps) + "}";
    std::string variants;
    for (const auto& v : summary.variants) variants += std::string(variants.empty() ? "" : ",\n    ") + variant_json(v);
    return "{\n  \"generator\": \"normlab_sweep " NORMLAB_VERSION
           "\",\n  \"plan\": \"default_sweep_plan()\",\n"
           "  \"config\": " +
           config_json(plan.config) + ",\n  \"targetLoss\": " + num(plan.target_loss) +
           ",\n  \"norms\": " + list(plan.norms, str) + ",\n  \"learningRates\": " + list(plan.learning_rates) +
           ",\n  \"seeds\": " + list(plan.seeds) + ",\n  \"runs\": [\n    " + runs + "\n  ],\n  \"summary\": [\n    " +
           variants + "\n  ]\n}\n";
}

std::string short_num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

void print_table(const normlab::SweepSummary& summary) {
    std::printf("%-6s %-12s %-9s %-8s %-11s %-6s %s\n", "norm", "best rate", "median", "stable", "max stable", "div",
                "speed-up");
    for (const auto& v : summary.variants) {
        std::string speed = v.speedup_status == "ratio" ? short_num(v.speedup) + "x" : v.speedup_status;
        std::printf("%-6s %-12s %-9s %-8zu %-11s %-6d %s\n", v.norm.c_str(),
                    v.reached ? short_num(v.best_rate).c_str() : "-",
                    v.reached ? short_num(v.best_steps).c_str() : "never", v.stable_rates.size(),
                    short_num(v.largest_stable_rate).c_str(), v.divergences, speed.c_str());
        std::printf("       median steps per rate:");
        for (const auto& r : v.rates) {
            const std::string cell = r.median_reached ? short_num(r.median_steps) : "x";
            std::printf(" %s:%s%s%s", short_num(r.learning_rate).c_str(), cell.c_str(),
                        r.reached < r.reached + r.diverged + r.not_reached && r.median_reached ? "*" : "",
                        r.diverged ? ("(DIV" + std::to_string(r.diverged) + ")").c_str() : "");
        }
        std::printf("\n");
    }
}

int time_steps() {
    const normlab::SweepPlan plan = normlab::default_sweep_plan();
    for (const std::string& norm : plan.norms) {
        normlab::TrainConfig c = plan.config;
        c.norm = norm;
        normlab::Trainer t(c);
        const auto t0 = Clock::now();
        t.run(c.steps);
        const double s = seconds_since(t0);
        std::printf("%-6s %d steps in %.3f s: %.1f us/step, %.0f samples/s%s\n", norm.c_str(), t.steps_done(), s,
                    1e6 * s / t.steps_done(), t.steps_done() * c.batch_size / s, t.diverged() ? " (diverged)" : "");
    }
    return 0;
}

int fingerprint() {
    for (std::string arch : {"plain", "residual"})
        for (std::string act : {"relu", "tanh", "sigmoid"})
            for (std::string norm : {"none", "batch", "layer", "rms", "group"}) {
                normlab::TrainConfig c;
                c.architecture = arch;
                c.activation = act;
                c.norm = norm;
                c.depth = 4;
                c.eval_every = 50;
                c.optimizer = act == "sigmoid" ? "adam" : "sgd";
                c.learning_rate = act == "sigmoid" ? 0.003 : 0.03;
                normlab::Trainer t(c);
                const normlab::StepResult r = t.step(200);
                std::vector<double> evals;
                for (const auto& e : r.evals) {
                    evals.insert(evals.end(), {e.train.loss, e.heldout.loss, e.train.accuracy});
                    evals.insert(evals.end(), e.preact_std.begin(), e.preact_std.end());
                    evals.insert(evals.end(), e.grad_norm.begin(), e.grad_norm.end());
                }
                std::printf("%-8s %-7s %-5s loss[199] %.17g  curve %016llx  evals %016llx\n", arch.c_str(), act.c_str(),
                            norm.c_str(), r.loss.back(), static_cast<unsigned long long>(fnv1a(r.loss)),
                            static_cast<unsigned long long>(fnv1a(evals)));
            }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--time") == 0) return time_steps();
    if (argc == 2 && std::strcmp(argv[1], "--fingerprint") == 0) return fingerprint();
    if (argc != 2 || argv[1][0] == '-') {
        std::fprintf(stderr, "usage: normlab_sweep OUT.json | --time | --fingerprint\n");
        return 2;
    }
    const normlab::SweepPlan plan = normlab::default_sweep_plan();
    const auto t0 = Clock::now();
    std::vector<normlab::SweepResult> sweeps;
    for (const std::string& norm : plan.norms) {
        normlab::TrainConfig c = plan.config;
        c.norm = norm;
        const auto t1 = Clock::now();
        sweeps.push_back(normlab::sweep(c, plan.learning_rates, plan.seeds, plan.target_loss));
        std::fprintf(stderr, "%s: %.2f s\n", norm.c_str(), seconds_since(t1));
    }
    const normlab::SweepSummary summary = normlab::summarize(sweeps);
    const double total = seconds_since(t0);
    std::FILE* f = std::fopen(argv[1], "wb");
    if (!f) {
        std::perror(argv[1]);
        return 1;
    }
    const std::string json = sweep_json(plan, sweeps, summary);
    std::fwrite(json.data(), 1, json.size(), f);
    std::fclose(f);
    print_table(summary);
    std::printf("sweep: %zu runs in %.2f s; wrote %s\n",
                plan.norms.size() * plan.learning_rates.size() * plan.seeds.size(), total, argv[1]);
    return 0;
}
