// The citation and the BibTeX of a claim page; see citation_section.h.
#include "reports/citation_section.h"

#include <algorithm>

namespace thmcheck::report {
namespace {

std::string ContextText(const ClaimResult& claim, const char* key) {
  const auto it = claim.context.find(key);
  return it != claim.context.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

nlohmann::json CitationView(const Citation& c) {
  return {{"authors", c.authors},
          {"year", c.year ? std::to_string(*c.year) : ""},
          {"byline", !c.authors.empty() || c.year},
          {"title", c.title},
          {"venue", c.venue},
          {"arxiv", c.arxiv},
          {"arxiv_link", cite::LooksLikeArxivId(c.arxiv)},
          {"theorem", c.theorem},
          {"none", c.authors.empty() && !c.year && c.title.empty() && c.venue.empty() &&
                       c.arxiv.empty() && c.theorem.empty()},
          {"also", c.also}};
}

bool CitationRecordOf(const ClaimResult& claim, cite::ClaimTest* record) {
  const Citation& c = claim.citation;
  if (c.title.empty() && c.arxiv.empty()) return false;
  record->id = claim.claim.empty() ? claim.id : claim.claim;
  record->protocol = claim.protocol.value_or(1);
  record->title = claim.title;
  record->suite_version = ContextText(claim, "suite");
  if (record->suite_version.empty()) record->suite_version = "unknown";
  record->commit = ContextText(claim, "commit");
  if (record->commit.empty()) record->commit = "unknown";
  const std::string started = ContextText(claim, "started");  // "2025-06-01T12:00:00Z"
  if (started.size() >= 4 && std::all_of(started.begin(), started.begin() + 4,
                                         [](char ch) { return ch >= '0' && ch <= '9'; })) {
    record->year = started.substr(0, 4);
  }
  record->paper = c;
  return true;
}

std::string ClaimBibtex(const ClaimResult& claim) {
  cite::ClaimTest record;
  return CitationRecordOf(claim, &record) ? cite::Bibtex(record) : "";
}

}  // namespace thmcheck::report
