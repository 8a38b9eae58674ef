// optim.hpp (private) — SGD with momentum and Adam over one flat parameter vector.
#pragma once

#include <cstddef>
#include <vector>

#include "spec.hpp"

namespace normlab::train {

class Optimizer {
  public:
    Optimizer(OptimizerKind kind, std::size_t size, double learning_rate, double momentum);
    // One update of params from grads (PyTorch conventions, no weight decay).
    void step(std::vector<float>& params, const std::vector<float>& grads);
    // The rate of the following steps (a warm-up schedule changes it between steps).
    void set_learning_rate(double learning_rate) { lr_ = static_cast<float>(learning_rate); }

  private:
    OptimizerKind kind_;
    float lr_, momentum_;
    std::vector<float> m_, v_;          // sgd: velocity in m_; adam: first and second moments
    double beta1_t_ = 1, beta2_t_ = 1;  // β^t by repeated multiplication (no pow: exact on every build)
};

}  // namespace normlab::train
