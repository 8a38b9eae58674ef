// detmath.hpp — exp, log, tanh and pow built from IEEE-exact operations only, so that the native
// build (glibc libm) and the WebAssembly build (musl libm) give bit-identical results.
// Accuracy is within a few ulp of libm over the ranges the core uses; speed is secondary.
// Requires -ffp-contract=off (set in CMakeLists.txt): a fused multiply-add would change the bits.
#pragma once

namespace normlab::det {

// e^x; +inf above ~709.78, 0 below ~-745; NaN in, NaN out.
double exp(double x);
// Natural log; -inf at 0, NaN for x < 0.
double log(double x);
// Hyperbolic tangent via exp; exact ±1 for |x| > 20.
double tanh(double x);
// Logistic sigmoid 1 / (1 + e^-x), stable for large |x|.
double sigmoid(double x);
// x^y for x > 0 (exp(y * log x)).
double pow(double x, double y);

}  // namespace normlab::det
