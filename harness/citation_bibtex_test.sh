#!/usr/bin/env bash
# ctest `<claim>_cite`: what `thmcheck cite CLAIM --format bibtex` prints must be accepted as is by
#   bibtex (plain.bst: exit status 0 and no "Warning--" line, e.g. a required field left empty;
#   both entries typeset) and by biber (--tool --validate-datamodel: no WARN or ERROR line, e.g.
#   an unknown entry type or field, or a missing mandatory one, in biblatex's data model),
# the cff and text formats must print, and the root CITATION.cff must carry this build's version.
# Usage: citation_bibtex_test.sh THMCHECK CLAIM CITATION_CFF SCRATCH_DIR.
# Exit 77 (ctest SKIP_RETURN_CODE) when bibtex or biber is missing: `.ci/deps` installs them
# (texlive-binaries, texlive-base, biber), so CI never skips; a developer without TeX sees "Skipped".
set -euo pipefail
thmcheck=$1 claim=$2 citation_cff=$3 work=$4

fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work" && cd "$work"
"$thmcheck" cite "$claim" --format bibtex > entries.bib || fail "thmcheck cite $claim --format bibtex"
"$thmcheck" cite "$claim" --format cff > entries.cff || fail "thmcheck cite $claim --format cff"
"$thmcheck" cite "$claim" --format text > entries.txt || fail "thmcheck cite $claim --format text"
echo "--- thmcheck cite $claim --format bibtex"
cat entries.bib

# Every key, in order: the claim test's own entry, then its paper's.
mapfile -t keys < <(sed -n 's/^@[a-z]*{\([^,]*\),$/\1/p' entries.bib)
[ "${#keys[@]}" -eq 2 ] || fail "expected 2 BibTeX entries, found ${#keys[@]}: ${keys[*]}"
[[ "${keys[0]}" == "thmcheck_${claim}_v"* ]] ||
  fail "first key ${keys[0]} is not thmcheck_${claim}_v<protocol>"

# The root CITATION.cff cites the suite at the version this build reports.
version=$(sed -n 's/^version: "\(.*\)"$/\1/p' entries.cff)
grep -qx "version: \"$version\"" "$citation_cff" ||
  fail "$citation_cff does not say version: \"$version\" (the suite version of this build)"

if ! command -v bibtex > /dev/null || ! command -v biber > /dev/null; then
  echo "SKIP: bibtex or biber not installed (bash .ci/deps installs them)"
  exit 77
fi

# bibtex: cite every entry with the plain style. NOTE: TeX Live's bibtex exits 0 after warnings
# ("Warning--empty journal"), so the log is searched too.
printf '\\citation{*}\n\\bibdata{entries}\n\\bibstyle{plain}\n' > entries.aux
status=0
BIBINPUTS=. bibtex -terse entries > bibtex.out 2>&1 || status=$?
[ "$status" -eq 0 ] || { cat bibtex.out entries.blg; fail "bibtex exit status $status"; }
if grep -E '^Warning--' entries.blg; then fail "bibtex warned (above)"; fi
for key in "${keys[@]}"; do
  grep -q "\\\\bibitem{$key}" entries.bbl || fail "bibtex did not typeset $key"
done

# biber: parse and validate against biblatex's data model; any WARN or ERROR fails.
status=0
# NOTE: no --quiet: it silences the WARN lines we look for (biber exits 0 after warnings).
biber --tool --validate-datamodel entries.bib > biber.out 2>&1 || status=$?
[ "$status" -eq 0 ] || { cat biber.out; fail "biber exit status $status"; }
if grep -E '^(WARN|ERROR)' biber.out; then fail "biber reported the lines above"; fi
for key in "${keys[@]}"; do
  grep -qi "{$key," entries_bibertool.bib || fail "biber dropped $key"
done
echo "PASS: bibtex and biber accept both entries (${keys[*]})"
