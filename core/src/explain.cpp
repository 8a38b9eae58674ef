// explain.cpp — one element through the forward pass, from the same statistics and kernel as normalize().
#include "normlab/explain.hpp"

#include <string>
#include <vector>

#include "norm_stats.hpp"
#include "normlab/errors.hpp"
#include "normlab/groups.hpp"
#include "stats.hpp"

namespace normlab {

ElementExplanation explain_element(Kind kind, std::span<const float> input, Shape shape, std::size_t index,
                                   const NormOptions& opts) {
    validate(kind, input.size(), shape, opts);
    require(index < shape.size(), "index",
            "must be an integer in [0, " + std::to_string(shape.size()) + ") (N*C*L), got " + std::to_string(index));

    // The whole forward pass, so that output and statistics are normalize()'s own, bit for bit. Running
    // statistics are only read: in training they are dropped (nothing to update), in eval they are the stats.
    NormOptions o = opts;
    if (o.training) o.running_mean = o.running_var = {};
    const std::size_t count = stat_count(kind, shape, o.groups);
    std::vector<float> output(shape.size()), mean(count), rstd(count);
    normalize_into(kind, input, shape, o, output, mean, rstd);
    const detail::GroupStats st = detail::compute_stats(kind, input.data(), shape, o);

    const std::size_t n = index / (shape.c * shape.l), c = (index / shape.l) % shape.c, l = index % shape.l;
    ElementExplanation e{};
    e.x = input[index];
    e.group = group_of(kind, shape, o.groups, n, c);
    e.group_size = group_size(kind, shape, o.groups);
    e.mean = mean[e.group];
    e.rstd = rstd[e.group];
    e.centered = detail::SplitMean(st.mean[e.group]).center(e.x);
    e.normalized = e.centered * e.rstd;
    e.param = param_index(kind, shape, c, l);
    e.gamma = o.gamma.empty() ? 1.0f : o.gamma[e.param];
    e.beta = o.beta.empty() ? 0.0f : o.beta[e.param];
    e.output = output[index];
    return e;
}

}  // namespace normlab
