// group_ids() must agree with the statistics normalize() actually computes.
#include <map>
#include <vector>

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
