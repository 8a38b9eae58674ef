// random.hpp — a seeded pseudo-random generator with our own transforms.
// std::normal_distribution & co. differ between libstdc++ (native) and libc++ (Emscripten), and libm's
// log/exp may differ in the last bit, so every transform here uses only IEEE-exact operations
// (+ - * / sqrt) and the deterministic log/exp of detmath.hpp: one seed gives the same stream everywhere.
#pragma once

#include <cstdint>

namespace normlab {

class Rng {
  public:
    // xoshiro256** state, expanded from the seed with splitmix64 (as its authors recommend).
    explicit Rng(std::uint64_t seed);

    std::uint64_t next_u64();
    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    // Uniform integer in [0, n) without modulo bias; n > 0.
    std::uint64_t below(std::uint64_t n);
    // Standard normal (Marsaglia's polar method).
    double normal();
    // Gamma(shape, 1) for shape > 0 (Marsaglia & Tsang 2000; shape < 1 by the boost u^(1/shape)).
    double gamma(double shape);
    // Student's t with df > 0 degrees of freedom: normal / sqrt(chi2(df) / df).
    double student_t(double df);

  private:
    std::uint64_t s_[4];
    bool has_spare_ = false;
    double spare_ = 0.0;
};

}  // namespace normlab
