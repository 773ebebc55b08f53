// Citation formats (see citation.h).
#include "harness/citation.h"

#include <cctype>
#include <map>
#include <sstream>
#include <vector>

#include "harness/build_info.h"
#include "harness/errors.h"

namespace thmcheck {
namespace {

// The non-ASCII characters our titles and author lists use, spelled for LaTeX.
const std::map<std::string, std::string>& LatexSpellings() {
  static const std::map<std::string, std::string> m = {
      {"á", "{\\'a}"},  {"é", "{\\'e}"},  {"í", "{\\'i}"},  {"ó", "{\\'o}"},  {"ú", "{\\'u}"},
      {"à", "{\\`a}"},  {"è", "{\\`e}"},  {"ä", "{\\\"a}"}, {"ö", "{\\\"o}"}, {"ü", "{\\\"u}"},
      {"ñ", "{\\~n}"},  {"ç", "{\\c{c}}"}, {"š", "{\\v{s}}"}, {"č", "{\\v{c}}"}, {"ł", "{\\l}"},
      {"α", "$\\alpha$"}, {"β", "$\\beta$"}, {"η", "$\\eta$"}, {"λ", "$\\lambda$"},
      {"θ", "$\\theta$"}, {"σ", "$\\sigma$"}, {"≤", "$\\le$"}, {"≥", "$\\ge$"}, {"≪", "$\\ll$"},
      {"≫", "$\\gg$"},  {"²", "$^2$"},    {"√", "$\\sqrt{}$"}, {"∞", "$\\infty$"},
      {"−", "-"},       {"–", "--"},      {"—", "---"},     {"’", "'"},       {"·", "$\\cdot$"}};
  return m;
}

std::vector<std::string> SplitAuthors(const std::string& authors) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(authors);
  while (std::getline(in, cur, ',')) {
    while (!cur.empty() && cur.front() == ' ') cur.erase(cur.begin());
    if (!cur.empty()) out.push_back(cur);
  }
  return out;
}

// "S. S. Du" → ("S. S.", "Du"); "et al." stays whole.
std::pair<std::string, std::string> GivenFamily(const std::string& name) {
  const auto sp = name.rfind(' ');
  if (sp == std::string::npos) return {"", name};
  return {name.substr(0, sp), name.substr(sp + 1)};
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string AsciiLetters(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c)) out += static_cast<char>(c);
  return out;
}

std::string PaperKey(const Citation& c) {
  const auto authors = SplitAuthors(c.authors);
  const std::string family = authors.empty() ? "anon" : GivenFamily(authors[0]).second;
  return Lower(AsciiLetters(family)) + std::to_string(c.year) + "arxiv" + AsciiLetters(c.arxiv);
}

std::string ClaimKey(const ClaimSpec& claim) {
  return "thmcheck_" + claim.id + "_v" + std::to_string(claim.protocol);
}

std::string Year() {
  const std::string date = BuildCommitDate();
  return date.size() >= 4 && date != "unknown" ? date.substr(0, 4) : "";
}

std::string Bibtex(const ClaimSpec& claim) {
  const Citation& c = claim.citation;
  std::string authors;
  for (const auto& a : SplitAuthors(c.authors))
    authors += (authors.empty() ? "" : " and ") + (a == "et al." ? "others" : LatexEscape(a));
  std::ostringstream os;
  os << "@misc{" << ClaimKey(claim) << ",\n"
     << "  author = {{thmcheck developers}},\n"
     << "  title = {{thmcheck} claim test \\texttt{" << LatexEscape(claim.id) << "} (protocol "
     << claim.protocol << "): " << LatexEscape(claim.title) << "},\n";
  if (!Year().empty()) os << "  year = {" << Year() << "},\n";
  os << "  note = {thmcheck " << SuiteVersion() << ", commit " << LatexEscape(BuildCommit())
     << "; checks " << LatexEscape(c.theorem) << " of \\cite{" << PaperKey(c) << "}},\n"
     << "  howpublished = {Software}\n}\n\n"
     << "@article{" << PaperKey(c) << ",\n"
     << "  author = {" << authors << "},\n"
     << "  title = {{" << LatexEscape(c.title) << "}},\n"
     << "  journal = {arXiv preprint arXiv:" << c.arxiv << "},\n"
     << "  eprint = {" << c.arxiv << "},\n"
     << "  archivePrefix = {arXiv},\n"
     << "  year = {" << c.year << "}";
  if (!c.venue.empty()) os << ",\n  note = {" << LatexEscape(c.venue) << "}";
  os << "\n}\n";
  return os.str();
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

std::string Cff(const ClaimSpec& claim) {
  const Citation& c = claim.citation;
  std::ostringstream os;
  os << "cff-version: 1.2.0\n"
     << "message: " << Quote("If you use the thmcheck claim test " + claim.id + ", cite it and the theorem's paper.") << "\n"
     << "title: " << Quote("thmcheck claim test " + claim.id + " (protocol " + std::to_string(claim.protocol) + "): " + claim.title) << "\n"
     << "type: software\n"
     << "version: " << Quote(SuiteVersion()) << "\n"
     << "commit: " << Quote(BuildCommit()) << "\n"
     << "authors:\n  - name: \"thmcheck developers\"\n"
     << "references:\n  - type: article\n"
     << "    title: " << Quote(c.title) << "\n"
     << "    year: " << c.year << "\n"
     << "    authors:\n";
  for (const auto& a : SplitAuthors(c.authors)) {
    const auto [given, family] = GivenFamily(a);
    if (a == "et al.") {
      os << "      - name: \"et al.\"\n";
      continue;
    }
    os << "      - family-names: " << Quote(family) << "\n        given-names: " << Quote(given) << "\n";
  }
  os << "    identifiers:\n      - type: other\n        value: " << Quote("arXiv:" + c.arxiv) << "\n"
     << "    notes: " << Quote("Checked: " + c.theorem) << "\n";
  return os.str();
}

std::string Text(const ClaimSpec& claim) {
  const Citation& c = claim.citation;
  std::ostringstream os;
  os << "thmcheck " << SuiteVersion() << ", claim test " << claim.id << " (protocol "
     << claim.protocol << "), commit " << BuildCommit() << ": " << claim.title << ".\n"
     << "It checks " << c.theorem << " of: " << c.authors << " (" << c.year << "). " << c.title
     << ". arXiv:" << c.arxiv << (c.venue.empty() ? "" : ", " + c.venue) << ".\n";
  return os.str();
}

}  // namespace

std::string LatexEscape(const std::string& s) {
  const auto& spell = LatexSpellings();
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      const std::string ch = s.substr(i, len);
      auto it = spell.find(ch);
      out += it != spell.end() ? it->second : ch;
      i += len;
      continue;
    }
    switch (c) {
      case '#': case '$': case '%': case '&': case '_': case '{': case '}':
        out += '\\';
        out += static_cast<char>(c);
        break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\\': out += "\\textbackslash{}"; break;
      default: out += static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

CiteFormat ParseCiteFormat(const std::string& name) {
  if (name == "bibtex") return CiteFormat::kBibtex;
  if (name == "cff") return CiteFormat::kCff;
  if (name == "text") return CiteFormat::kText;
  throw UsageError("--format " + name + ": must be one of bibtex|cff|text");
}

std::string FormatCitation(const ClaimSpec& claim, CiteFormat format) {
  switch (format) {
    case CiteFormat::kBibtex: return Bibtex(claim);
    case CiteFormat::kCff: return Cff(claim);
    case CiteFormat::kText: return Text(claim);
  }
  return "";
}

}  // namespace thmcheck
