// compare.cpp — normlab_compare: training runs of the page's comparisons computed natively, written as the
// JSON that tools/comparisons.mjs ships (web/public/data/comparisons-default.json). Each run is what the
// training figure's Start computes for one variant: Trainer(config).step(steps), every step's mini-batch loss
// and every evaluation; a live WebAssembly run of the same config must give the same numbers bit for bit.
// Usage: normlab_compare DIGITS.bin < RUNS
//   RUNS: one run per line, "STEPS name=value name=value ..." with every TrainConfig field by its JS name
//   (values without spaces); stdout: {"generator", "runs": [{steps, config, loss, evals, stepsDone,
//   diverged, divergence}]} in the lines' order.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "normlab/train.hpp"
#include "train_json.hpp"

namespace {

using train_json::num;

struct Request {
    int steps = 0;
    normlab::TrainConfig config;
};

Request parse(const std::string& line) {
    std::istringstream in(line);
    Request r;
    if (!(in >> r.steps) || r.steps < 1) throw std::invalid_argument("a run line starts with its steps: " + line);
    for (std::string pair; in >> pair;) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos) throw std::invalid_argument("expected name=value, got " + pair);
        train_json::set_field(r.config, pair.substr(0, eq), pair.substr(eq + 1));
    }
    return r;
}

std::string run_json(const Request& r, std::span<const std::uint8_t> digits) {
    normlab::Trainer t(r.config, r.config.dataset == "digits" ? digits : std::span<const std::uint8_t>{});
    const normlab::StepResult s = t.step(r.steps);
    const std::string divergence =
        s.divergence.step == 0
            ? "null"
            : "{\"step\": " + num(s.divergence.step) + ", \"cause\": " + train_json::str(s.divergence.cause) + "}";
    return "{\"steps\": " + num(r.steps) + ", \"config\": " + train_json::config_json(t.config()) +
           ",\n   \"loss\": " + train_json::list(s.loss) +
           ",\n   \"evals\": " + train_json::list(s.evals, train_json::eval_json) +
           ",\n   \"stepsDone\": " + num(t.steps_done()) + ", \"diverged\": " + (s.diverged ? "true" : "false") +
           ", \"divergence\": " + divergence + "}";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: normlab_compare DIGITS.bin < RUNS\n");
        return 2;
    }
    std::ifstream file(argv[1], std::ios::binary);
    const std::vector<std::uint8_t> digits{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    try {
        std::string runs;
        for (std::string line; std::getline(std::cin, line);) {
            if (line.empty()) continue;
            const auto t0 = std::chrono::steady_clock::now();
            const Request r = parse(line);
            runs += (runs.empty() ? "\n  " : ",\n  ") + run_json(r, digits);
            std::fprintf(stderr, "normlab_compare: %s %s, %d steps: %.2f s\n", r.config.architecture.c_str(),
                         r.config.norm.c_str(), r.steps,
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        std::cout << "{\"generator\": \"normlab_compare " NORMLAB_VERSION "\", \"runs\": [" << runs << "\n]}\n";
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "normlab_compare: %s\n", e.what());
        return 1;
    }
}
