#!/usr/bin/env bash
# ctest `nightly_history`: .ci/nightly, run twice as if on two commits, yields a history report with
# trend plots, and its regression rule flags a deliberately slowed benchmark and only that one.
#   run 1 (commit 1111…): claims at smoke scale, the canary benchmarks (regression_canary_bench.cc)
#   run 2 (commit 2222…): the same, with THMCHECK_BENCH_CANARY_SLOWDOWN=3 (the test-only knob):
#     BM_RegressionCanary/knob now does 3× the work, BM_RegressionCanary/steady is unchanged.
# Then REPORT/history/regressions.tsv must name …/knob (ratio 3 > the 2× a short history allows) and not
# …/steady, run 2 must exit 1 (a flag), and the trend pages and plots must exist. The browser test
# (report_browser) then opens this report: it is the fixture `nightly_report`.
# Usage: nightly_history_test.sh REPO BUILD WORK  (BUILD holds thmcheck and thmcheck_bench).
set -uo pipefail
repo=$1 build=$2 work=$3
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work" || fail "cannot create $work"
common=(--no-build --build "$build" --scale smoke --claims ntk_closeness --threads 2
        --history "$work/history" --bench-filter 'BM_RegressionCanary' --bench-repetitions 5
        --bench-min-time 0.05 --machine ci-test)

"$repo/.ci/nightly" "${common[@]}" --commit 1111111111111111111111111111111111111111 \
  --results "$work/results1" --report "$work/report1"
status1=$?
[ "$status1" -le 1 ] || fail "first nightly run exited $status1"
[ ! -s "$work/report1/history/regressions.tsv" ] ||
  ! grep -q '^benchmark' "$work/report1/history/regressions.tsv" ||
  fail "the first run flagged a benchmark with nothing to compare against"

THMCHECK_BENCH_CANARY_SLOWDOWN=3 "$repo/.ci/nightly" "${common[@]}" \
  --commit 2222222222222222222222222222222222222222 --results "$work/results2" \
  --report "$work/report"
status2=$?
[ "$status2" -eq 1 ] || fail "second nightly run exited $status2, expected 1 (a regression flagged)"

flags=$work/report/history/regressions.tsv
echo "--- $flags"
cat "$flags"
grep -q $'^benchmark\tBM_RegressionCanary/knob\t' "$flags" || fail "the slowed benchmark was not flagged"
if grep -q $'^benchmark\tBM_RegressionCanary/steady\t' "$flags"; then
  fail "the unchanged benchmark was flagged"
fi

records=$(find "$work/history" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | wc -l)
[ "$records" -eq 2 ] || fail "expected 2 history records, found $records"
for page in index.html history/index.html history/benchmarks.html history/claim_ntk_closeness.html \
            ntk_closeness/index.html ntk_closeness/citation.bib; do
  [ -s "$work/report/$page" ] || fail "missing $page"
done
ls "$work"/report/history/plots/bench_BM_RegressionCanary*.svg > /dev/null 2>&1 ||
  fail "no benchmark trend plot (is gnuplot installed?)"
ls "$work"/report/history/plots/est_ntk_closeness_*.svg > /dev/null 2>&1 ||
  fail "no estimate trend plot"
grep -q 'Nightly trends' "$work/report/index.html" || fail "the index does not link the trends"
echo "PASS: 2 records; BM_RegressionCanary/knob flagged, /steady not; trend pages and plots written"
