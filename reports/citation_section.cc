// Renders the citation and the BibTeX of a claim page; see citation_section.h.
#include "reports/citation_section.h"

#include <algorithm>

#include "reports/escape.h"

namespace thmcheck::report {
namespace {

std::string ContextText(const ClaimResult& claim, const char* key) {
  const auto it = claim.context.find(key);
  return it != claim.context.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string CitationHtml(const Citation& c) {
  std::string html = "<p>";
  if (!c.authors.empty()) html += HtmlEscape(c.authors);
  if (c.year) html += " (" + std::to_string(*c.year) + ")";
  if (!c.authors.empty() || c.year) html += ". ";
  if (!c.title.empty()) html += "<em>" + HtmlEscape(c.title) + "</em>. ";
  if (!c.venue.empty()) html += HtmlEscape(c.venue) + ". ";
  if (!c.arxiv.empty()) {
    html += "arXiv: ";
    html += cite::LooksLikeArxivId(c.arxiv)
                ? "<a href=\"https://arxiv.org/abs/" + HtmlEscape(c.arxiv) + "\">" +
                      HtmlEscape(c.arxiv) + "</a>. "
                : HtmlEscape(c.arxiv) + ". ";
  }
  if (!c.theorem.empty()) html += "<strong>" + HtmlEscape(c.theorem) + "</strong>.";
  if (html == "<p>") html += "<span class=\"muted\">No citation recorded.</span>";
  html += "</p>\n";
  for (const std::string& line : c.also) {
    html += "<p class=\"small\">See also: " + HtmlEscape(line) + ".</p>\n";
  }
  return html;
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

std::string CiteSection(const ClaimResult& claim, const std::string& bib_href) {
  const std::string bib = ClaimBibtex(claim);
  if (bib.empty()) {
    return "<p class=\"muted\">The result records no paper, so there is nothing to cite.</p>\n";
  }
  return "<p>Cite the claim test that produced these numbers (its id, protocol version and "
         "commit) together with the theorem's paper. Claim ids are stable; a change in what a "
         "claim measures bumps its protocol version, and with it the key. File: <a href=\"" +
         HtmlEscape(bib_href) + "\">citation.bib</a>.</p>\n<pre><code>" + HtmlEscape(bib) +
         "</code></pre>\n";
}

}  // namespace thmcheck::report
