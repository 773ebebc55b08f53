// The theorem's citation on a claim page and the BibTeX that cites the result: one entry for the
// claim test that produced it (suite version and commit from the result's context, claim id and
// protocol version) and one for the paper, formatted by harness/schema/citation_format.h — the leaf
// header `thmcheck cite` uses — so the page and the CLI never disagree on the format. The data
// comes from verdict.json only; the year of the claim-test entry is the year the run started.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "harness/schema/citation_format.h"
#include "reports/results.h"

namespace thmcheck::report {

// The view of templates/citation_paper.mustache: "authors (year). title. venue. arXiv: id.
// theorem." (the id linked when arxiv.org resolves it) and the "see also" lines.
nlohmann::json CitationView(const Citation& citation);

// The citation record of a result; false when it records no paper to cite (no title, no arXiv id).
bool CitationRecordOf(const ClaimResult& claim, cite::ClaimTest* record);

// The BibTeX text of a result ("" when CitationRecordOf is false).
std::string ClaimBibtex(const ClaimResult& claim);

}  // namespace thmcheck::report
