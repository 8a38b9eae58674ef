// detmath.cpp — deterministic exp/log from IEEE-exact steps: frexp/ldexp scaling (exact) and
// polynomials evaluated in a fixed order. Constants for the ln 2 split are fdlibm's.
#include "normlab/detmath.hpp"

#include <cmath>
#include <limits>

namespace normlab::det {

namespace {
constexpr double kLn2Hi = 6.93147180369123816490e-01;  // upper bits of ln 2, exact in k * kLn2Hi
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kSqrtHalf = 0.70710678118654752440;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

double exp(double x) {
    if (x != x) return x;
    if (x > 709.782712893384) return kInf;
    if (x < -745.1332191019412) return 0.0;
    // x = k ln2 + r with |r| <= ln2 / 2, then e^x = 2^k e^r.
    const double k = std::floor(x * kInvLn2 + 0.5);
    const double r = (x - k * kLn2Hi) - k * kLn2Lo;
    // Taylor series of e^r to degree 14: the first omitted term is below 2^-60 for |r| <= 0.35.
    double p = 1.0 / 87178291200.0;  // 1/14!
    constexpr double inv_fact[14] = {1.0 / 6227020800.0,
                                     1.0 / 479001600.0,
                                     1.0 / 39916800.0,
                                     1.0 / 3628800.0,
                                     1.0 / 362880.0,
                                     1.0 / 40320.0,
                                     1.0 / 5040.0,
                                     1.0 / 720.0,
                                     1.0 / 120.0,
                                     1.0 / 24.0,
                                     1.0 / 6.0,
                                     1.0 / 2.0,
                                     1.0,
                                     1.0};
    for (double c : inv_fact) p = p * r + c;
    const int ki = static_cast<int>(k);
    // Split the scaling so that 2^1024 (not representable) is never formed on the way to a finite result.
    return ki > 1000 ? std::ldexp(std::ldexp(p, 1000), ki - 1000) : std::ldexp(p, ki);
}

double log(double x) {
    if (x != x || x < 0) return kNaN;
    if (x == 0) return -kInf;
    if (x == kInf) return x;
    int e = 0;
    double m = std::frexp(x, &e);  // x = m 2^e, m in [0.5, 1)
    if (m < kSqrtHalf) {
        m *= 2;
        --e;
    }
    // log m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| <= 0.1716: an odd series in s.
    const double f = m - 1.0;
    const double s = f / (2.0 + f);
    const double z = s * s;
    double p = 1.0 / 25.0;
    for (int k = 23; k >= 1; k -= 2) p = p * z + 1.0 / k;
    const double ed = static_cast<double>(e);
    return ed * kLn2Hi + (2.0 * s * p + ed * kLn2Lo);
}

double tanh(double x) {
    if (x != x) return x;
    const double a = x < 0 ? -x : x;
    if (a > 20) return x < 0 ? -1.0 : 1.0;
    double t;
    if (a < 1e-3) {
        const double a2 = a * a;
        t = a * (1.0 - a2 * (1.0 / 3.0 - a2 * (2.0 / 15.0)));
    } else {
        t = 1.0 - 2.0 / (exp(2.0 * a) + 1.0);
    }
    return x < 0 ? -t : t;
}

double sigmoid(double x) {
    if (x >= 0) return 1.0 / (1.0 + exp(-x));
    const double e = exp(x);
    return e / (1.0 + e);
}

double pow(double x, double y) {
    if (y == 0) return 1.0;
    if (x == 0) return y > 0 ? 0.0 : kInf;
    return exp(y * log(x));
}

}  // namespace normlab::det
