// evaluate.cpp — inference-mode measurements: loss/accuracy of a split, per-layer pre-activation
// statistics and gradient norms, the watched layer's histogram (normlab::describe), decision regions.
#include <algorithm>
#include <cmath>

#include "layers.hpp"
#include "normlab/describe.hpp"
#include "normlab/detmath.hpp"
#include "normlab/errors.hpp"
#include "trainer_impl.hpp"

namespace normlab {

namespace {

// Mean and M2 = Σ(v - mean)² of a set of values, mergeable across chunks (Chan et al. 1979), so the
// statistics over the whole training set are two-pass per chunk and never use E[x²] - E[x]².
struct Moments {
    double count = 0, mean = 0, m2 = 0;

    void add_chunk(const float* v, std::size_t n) {
        if (n == 0) return;
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) sum += v[i];
        const double nb = static_cast<double>(n), mb = sum / nb;
        double m2b = 0;
        for (std::size_t i = 0; i < n; ++i) m2b += (v[i] - mb) * (v[i] - mb);
        const double total = count + nb, delta = mb - mean;
        mean += delta * nb / total;
        m2 += m2b + delta * delta * count * nb / total;
        count = total;
    }
    double std() const { return count > 0 ? std::sqrt(m2 / count) : 0.0; }
};

std::size_t watched_layer(const TrainConfig& c) {
    return static_cast<std::size_t>(c.watch_layer >= 0 ? c.watch_layer : c.depth / 2);
}

void fill_histogram(EvalReport& r, const std::vector<float>& values, const TrainConfig& c) {
    const double range = c.hist_range;
    for (float v : values) {
        if (!std::isfinite(v)) return;  // only a diverging model gets here; leave the histogram empty
        r.hist_below += v < -range;
        r.hist_above += v > range;
    }
    DescribeOptions opts;
    opts.bins = static_cast<std::size_t>(c.hist_bins);
    opts.has_range = true;
    opts.lo = -range;
    opts.hi = range;
    const Summary s = describe(values, opts);
    r.hist_edges = s.histogram.edges;
    r.hist_counts.assign(s.histogram.counts.begin(), s.histogram.counts.end());
}

}  // namespace

SplitMetrics Trainer::Impl::metrics(const std::vector<float>& x, const std::vector<int>& y, EvalReport* stats) {
    const std::size_t per = data.targets, count = y.size() / per, in = data.inputs, width = net.units(),
                      layers = net.hidden_layers();
    const std::size_t watch = watched_layer(config);
    std::vector<Moments> moments(stats ? layers : 0);
    if (stats) watch_values.resize(0);
    double loss = 0;
    std::size_t correct = 0;
    for (std::size_t start = 0; start < count; start += eval_ws.capacity) {
        const std::size_t rows = std::min(eval_ws.capacity, count - start);
        const float* logits = net.forward(eval_ws, &x[start * in], rows, train::Pass::infer);
        std::size_t hits = 0;
        loss += train::softmax_cross_entropy(nullptr, logits, &y[start * per], rows * per, data.classes, &hits);
        correct += hits;
        if (!stats) continue;
        for (std::size_t l = 0; l < layers; ++l) moments[l].add_chunk(net.preactivation(eval_ws, l), rows * width);
        const float* w = net.preactivation(eval_ws, watch);
        watch_values.insert(watch_values.end(), w, w + rows * width);
    }
    if (stats) {
        for (std::size_t l = 0; l < layers; ++l) {
            stats->preact_mean.push_back(moments[l].mean);
            stats->preact_std.push_back(moments[l].std());
            stats->grad_norm.push_back(net.weight_grad_norm(l));
        }
        stats->watch_layer = static_cast<int>(watch);
        fill_histogram(*stats, watch_values, config);
    }
    const double labels = static_cast<double>(y.size());  // a sequence counts each position
    return SplitMetrics{loss / labels, static_cast<double>(correct) / labels};
}

EvalReport Trainer::evaluate() {
    Impl& s = *impl_;
    EvalReport r;
    r.step = s.steps;
    r.train = s.metrics(s.data.train_x, s.data.train_y, &r);
    r.heldout = s.metrics(s.data.heldout_x, s.data.heldout_y, nullptr);
    if (!s.diverged && !(std::isfinite(r.train.loss) && std::isfinite(r.heldout.loss)))
        s.diverge("the inference-mode loss is not finite", false);
    return r;
}

double Trainer::train_loss() {
    Impl& s = *impl_;
    return s.metrics(s.data.train_x, s.data.train_y, nullptr).loss;
}

GridPrediction Trainer::predict_grid(int resolution) {
    Impl& s = *impl_;
    require(s.data.inputs == 2, "dataset", "predictGrid needs the 2-D spirals data set");
    require(resolution >= 2 && resolution <= 256, "resolution", "must be an integer in [2, 256]");
    GridPrediction g;
    g.resolution = resolution;
    // The bounding box of all points, padded by 10 % of its extent on each side.
    double lo[2] = {1e300, 1e300}, hi[2] = {-1e300, -1e300};
    for (const auto* xs : {&s.data.train_x, &s.data.heldout_x})
        for (std::size_t i = 0; i < xs->size(); ++i) {
            lo[i % 2] = std::min(lo[i % 2], static_cast<double>((*xs)[i]));
            hi[i % 2] = std::max(hi[i % 2], static_cast<double>((*xs)[i]));
        }
    for (int d = 0; d < 2; ++d) {
        const double pad = 0.1 * (hi[d] - lo[d]);
        lo[d] -= pad;
        hi[d] += pad;
    }
    g.x_min = lo[0], g.x_max = hi[0], g.y_min = lo[1], g.y_max = hi[1];

    const std::size_t res = static_cast<std::size_t>(resolution), cells = res * res, classes = s.data.classes;
    g.classes.resize(cells);
    g.confidence.resize(cells);
    std::vector<float> points(train::kEvalChunk * 2);
    for (std::size_t start = 0; start < cells; start += train::kEvalChunk) {
        const std::size_t rows = std::min(train::kEvalChunk, cells - start);
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t i = (start + r) / res, j = (start + r) % res;
            points[2 * r] = static_cast<float>(lo[0] + (j + 0.5) * (hi[0] - lo[0]) / res);
            points[2 * r + 1] = static_cast<float>(lo[1] + (i + 0.5) * (hi[1] - lo[1]) / res);
        }
        const float* logits = s.net.forward(s.eval_ws, points.data(), rows, train::Pass::infer);
        for (std::size_t r = 0; r < rows; ++r) {
            const float* l = logits + r * classes;
            std::size_t arg = 0;
            for (std::size_t k = 1; k < classes; ++k)
                if (l[k] > l[arg]) arg = k;
            double sum = 0;
            for (std::size_t k = 0; k < classes; ++k) sum += det::exp(static_cast<double>(l[k]) - l[arg]);
            g.classes[start + r] = static_cast<int>(arg);
            g.confidence[start + r] = 1.0 / sum;  // softmax of the arg-max: e^0 / Σ e^(l - max)
        }
    }
    return g;
}

}  // namespace normlab
