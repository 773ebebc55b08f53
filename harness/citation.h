// `thmcheck cite CLAIM`: how to cite one claim test — an entry for the test itself (suite,
// version, claim id, protocol version, commit) and one for the theorem's paper — as BibTeX
// (accepted by bibtex and biber: non-ASCII letters become LaTeX accents), CFF or plain text.
#pragma once

#include <string>

#include "harness/claim.h"

namespace thmcheck {

enum class CiteFormat { kBibtex, kCff, kText };

// Throws UsageError for an unknown format name (allowed: bibtex|cff|text).
CiteFormat ParseCiteFormat(const std::string& name);

std::string FormatCitation(const ClaimSpec& claim, CiteFormat format);

// LaTeX-safe text: escapes # $ % & _ { } ~ ^ \ and spells accented letters and the math symbols
// our titles use as LaTeX commands.
std::string LatexEscape(const std::string& utf8);

}  // namespace thmcheck
