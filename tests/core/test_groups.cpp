// The layout functions (group_of, group_size, param_index) against the reference's axis reductions, and
// group_ids() against the statistics normalize() actually computes.
#include <map>
#include <vector>

#include "norm_stats.hpp"
#include "normlab/groups.hpp"
#include "normlab/sample.hpp"
#include "reference.hpp"

using namespace normlab;

TEST_CASE("group ids agree with normalize's statistics for every kind and several shapes") {
    for (Shape s : {Shape{2, 4, 3}, Shape{5, 6, 2}, Shape{1, 8, 4}}) {
        SampleParams p;
        p.seed = s.size();
        const auto x = sample(Distribution::uniform, s.size(), p);
        for (Kind k : {Kind::batch, Kind::layer, Kind::rms, Kind::group, Kind::instance}) {
            CAPTURE(kind_name(k));
            NormOptions o;
            o.groups = 2;
            const auto ids = group_ids(k, s, 2);
            REQUIRE(ids.size() == s.size());
            const auto r = normalize(k, x, s, o);
            // Recompute each group's mean from the ids and compare with the mean normalize used.
            std::map<int, std::pair<double, double>> acc;  // id -> (sum, sum of squares)
            std::map<int, int> count;
            for (std::size_t i = 0; i < x.size(); ++i) {
                acc[ids[i]].first += x[i];
                acc[ids[i]].second += double(x[i]) * x[i];
                ++count[ids[i]];
            }
            CHECK(acc.size() == stat_count(k, s, 2));
            for (auto& [id, sums] : acc) {
                const double n = count[id];
                if (k == Kind::rms) {
                    CHECK(r.rstd[id] == doctest::Approx(1 / std::sqrt(sums.second / n + 1e-5)).epsilon(1e-5));
                } else {
                    CHECK(r.mean[id] == doctest::Approx(sums.first / n).epsilon(1e-5));
                }
            }
        }
    }
}

TEST_CASE("group ids: GroupNorm(1) pools like LayerNorm, GroupNorm(C) like InstanceNorm") {
    const Shape s{2, 4, 3};
    CHECK(group_ids(Kind::group, s, 1) == group_ids(Kind::layer, s));
    CHECK(group_ids(Kind::group, s, 4) == group_ids(Kind::instance, s));
    CHECK(ref::thrown_argument([&] { group_ids(Kind::group, s, 3); }) == "groups");
    CHECK(ref::thrown_argument([&] { group_ids(Kind::instance, {2, 4, 1}); }) == "shape");
    // The picture of BatchNorm allows a single sample (normalize would refuse N*L == 1 in training).
    CHECK(group_ids(Kind::batch, {1, 3, 1}) == std::vector<std::int32_t>{0, 1, 2});
}

namespace {

constexpr Kind kAll[] = {Kind::batch, Kind::layer, Kind::rms, Kind::group, Kind::instance};

// Every element's (n, c, l), row-major.
template <class F>
void each_element(Shape s, F f) {
    for (std::size_t n = 0; n < s.n; ++n)
        for (std::size_t c = 0; c < s.c; ++c)
            for (std::size_t l = 0; l < s.l; ++l) f(n, c, l, (n * s.c + c) * s.l + l);
}

}  // namespace

TEST_CASE("group_of and group_size name the groups the reference reduces over, in its order") {
    for (Shape s : {Shape{2, 6, 3}, Shape{3, 4, 2}, Shape{1, 6, 5}}) {
        for (Kind k : kAll) {
            if (k == Kind::rms) continue;  // pools like layer, but its reference mean is 0 by definition
            CAPTURE(kind_name(k));
            ref::Params p;
            p.groups = k == Kind::group ? 3 - s.c % 3 : 0;  // 2 for C = 4, 3 for C = 6
            // Each element holds the core's group id for it: the reference's mean of group g is then g itself.
            std::vector<double> x(s.size());
            each_element(s, [&](auto n, auto c, auto, auto i) { x[i] = double(group_of(k, s, p.groups, n, c)); });
            std::vector<double> means;
            ref::forward(k, x, s, p, &means);
            REQUIRE(means.size() == stat_count(k, s, p.groups));
            for (std::size_t g = 0; g < means.size(); ++g) CHECK(means[g] == double(g));
            CHECK(group_size(k, s, p.groups) * means.size() == s.size());
        }
    }
}

TEST_CASE("param_index and param_length match the reference's affine layout") {
    const Shape s{2, 6, 3};
    for (Kind k : kAll) {
        CAPTURE(kind_name(k));
        const std::size_t groups = k == Kind::group ? 2 : 0;
        // γ = 0, 1, 2, ... and x with a spread in every group: y / x̂ then reads back each element's γ index.
        std::vector<double> gamma(param_length(k, s));
        for (std::size_t q = 0; q < gamma.size(); ++q) gamma[q] = double(q);
        std::vector<double> x(s.size());
        for (std::size_t i = 0; i < x.size(); ++i) x[i] = double((i * 7) % 5) - 1.5;
        ref::Params plain, scaled;
        plain.groups = scaled.groups = groups;
        scaled.gamma = gamma;
        const auto xhat = ref::forward(k, x, s, plain), y = ref::forward(k, x, s, scaled);
        each_element(s, [&](auto, auto c, auto l, auto i) {
            if (std::fabs(xhat[i]) > 0.1) CHECK(y[i] / xhat[i] == doctest::Approx(double(param_index(k, s, c, l))));
        });
    }
}

TEST_CASE("first_channel inverts group_of for the contiguous per-channel kinds") {
    for (Shape s : {Shape{2, 6, 3}, Shape{3, 4, 1}}) {
        for (auto [k, groups] : {std::pair{Kind::group, std::size_t{2}}, std::pair{Kind::group, std::size_t{1}},
                                 std::pair{Kind::instance, std::size_t{0}}}) {
            const std::size_t count = stat_count(k, s, groups), per_sample = count / s.n;
            const std::size_t channels_per_group = group_size(k, s, groups) / s.l;
            for (std::size_t g = 0; g < count; ++g)
                CHECK(group_of(k, s, groups, g / per_sample, detail::first_channel(s, channels_per_group, g)) == g);
        }
    }
}
