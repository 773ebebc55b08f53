// `thmcheck cite` (see citation.h): the ClaimSpec and the build info, formatted by
// schema/citation_format.h.
#include "harness/citation.h"

#include "harness/build_info.h"
#include "harness/errors.h"

namespace thmcheck {

CiteFormat ParseCiteFormat(const std::string& name) {
  if (name == "bibtex") return CiteFormat::kBibtex;
  if (name == "cff") return CiteFormat::kCff;
  if (name == "text") return CiteFormat::kText;
  throw UsageError("--format " + name + ": must be one of bibtex|cff|text");
}

cite::ClaimTest CitationRecord(const ClaimSpec& claim) {
  const Citation& c = claim.citation;
  cite::ClaimTest t;
  t.id = claim.id;
  t.protocol = claim.protocol;
  t.title = claim.title;
  t.suite_version = SuiteVersion();
  t.commit = BuildCommit();
  const std::string date = BuildCommitDate();  // "YYYY-MM-DD" or "unknown"
  if (date.size() >= 4 && date != "unknown") t.year = date.substr(0, 4);
  t.paper = c;
  return t;
}

std::string FormatCitation(const ClaimSpec& claim, CiteFormat format) {
  const cite::ClaimTest record = CitationRecord(claim);
  switch (format) {
    case CiteFormat::kBibtex:
      return cite::Bibtex(record);
    case CiteFormat::kCff:
      return cite::Cff(record);
    case CiteFormat::kText:
      return cite::Text(record);
  }
  return "";
}

}  // namespace thmcheck
