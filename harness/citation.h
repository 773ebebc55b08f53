// `thmcheck cite CLAIM`: how to cite one claim test — an entry for the test itself (suite,
// version, claim id, protocol version, commit) and one for the theorem's paper — as BibTeX
// (accepted by bibtex and biber), CFF or plain text. The formatting itself is the leaf
// schema/citation_format.h, shared with the report; this file feeds it the ClaimSpec and this
// build.
#pragma once

#include <string>

#include "harness/claim.h"
#include "harness/schema/citation_format.h"

namespace thmcheck {

enum class CiteFormat { kBibtex, kCff, kText };

// Throws UsageError for an unknown format name (allowed: bibtex|cff|text).
CiteFormat ParseCiteFormat(const std::string& name);

// The claim with this build's suite version and commit; the entry's year is the commit's.
cite::ClaimTest CitationRecord(const ClaimSpec& claim);

std::string FormatCitation(const ClaimSpec& claim, CiteFormat format);

}  // namespace thmcheck
