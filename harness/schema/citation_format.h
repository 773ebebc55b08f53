// How a claim test is cited, formatted from plain data: one entry for the claim test itself (suite,
// version, claim id, protocol version, commit) and one for the theorem's paper, as BibTeX (accepted
// by bibtex and biber: non-ASCII letters become LaTeX accents), CFF 1.2.0 or plain text.
// A leaf header beside the result records (header-only): `thmcheck cite` fills it from
// the ClaimSpec and this build (citation.cc); the report fills it from a result's verdict.json (its
// "citation" block and the commit in its context), so a report page cites the build that produced
// its numbers, formatted by the very same code. Legend: key = the BibTeX citation key.
#pragma once

#include <cctype>
#include <cstddef>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "harness/schema/records.h"

namespace thmcheck::cite {

// The theorem's paper: the "citation" record of verdict.json (records.h), the one definition of
// its fields; the claim declares the same record.
using Paper = schema::Citation;

struct ClaimTest {
  std::string id;  // stable forever
  int protocol = 1;
  std::string title;
  std::string suite_version;  // "0.1.0"
  std::string commit;         // full hash, "-dirty" suffix allowed
  std::string year;           // "2025"; empty: the entry has no year
  Paper paper;
};

namespace detail {

// The non-ASCII characters our titles and author lists use, spelled for LaTeX.
inline const std::map<std::string, std::string>& LatexSpellings() {
  // clang-format off
  static const std::map<std::string, std::string> m = {
      {"á", "{\\'a}"},  {"é", "{\\'e}"},  {"í", "{\\'i}"},  {"ó", "{\\'o}"},  {"ú", "{\\'u}"},
      {"à", "{\\`a}"},  {"è", "{\\`e}"},  {"ä", "{\\\"a}"}, {"ö", "{\\\"o}"}, {"ü", "{\\\"u}"},
      {"ñ", "{\\~n}"},  {"ç", "{\\c{c}}"}, {"š", "{\\v{s}}"}, {"č", "{\\v{c}}"}, {"ł", "{\\l}"},
      {"Ł", "{\\L}"},  {"ž", "{\\v{z}}"}, {"ř", "{\\v{r}}"}, {"ć", "{\\'c}"},  {"ś", "{\\'s}"},
      {"ê", "{\\^e}"}, {"ô", "{\\^o}"}, {"ï", "{\\\"\\i}"}, {"ø", "{\\o}"},  {"å", "{\\aa}"},
      {"ß", "{\\ss}"}, {"ő", "{\\H{o}}"}, {"É", "{\\'E}"}, {"Ö", "{\\\"O}"}, {"Ü", "{\\\"U}"},
      {"α", "$\\alpha$"}, {"β", "$\\beta$"}, {"η", "$\\eta$"}, {"λ", "$\\lambda$"},
      {"θ", "$\\theta$"}, {"σ", "$\\sigma$"}, {"≤", "$\\le$"}, {"≥", "$\\ge$"}, {"≪", "$\\ll$"},
      {"≫", "$\\gg$"},  {"²", "$^2$"},    {"√", "$\\surd$"}, {"∞", "$\\infty$"},
      {"−", "-"},       {"–", "--"},      {"—", "---"},     {"’", "'"},       {"·", "$\\cdot$"}};
  // clang-format on
  return m;
}

inline std::vector<std::string> SplitAuthors(const std::string& authors) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(authors);
  while (std::getline(in, cur, ',')) {
    while (!cur.empty() && cur.front() == ' ') cur.erase(cur.begin());
    while (!cur.empty() && cur.back() == ' ') cur.pop_back();
    if (!cur.empty()) out.push_back(cur);
  }
  return out;
}

// "S. S. Du" → ("S. S.", "Du").
inline std::pair<std::string, std::string> GivenFamily(const std::string& name) {
  const auto sp = name.rfind(' ');
  if (sp == std::string::npos) return {"", name};
  return {name.substr(0, sp), name.substr(sp + 1)};
}

inline std::string AsciiAlnum(const std::string& s, bool lower) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out += static_cast<char>(lower ? std::tolower(c) : c);
  }
  return out;
}

// A YAML double-quoted scalar.
inline std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

}  // namespace detail

// LaTeX-safe text: escapes # $ % & _ { } ~ ^ \ and spells the accented letters and math symbols
// our titles use as LaTeX commands (others pass through as UTF-8, which biber reads).
inline std::string LatexEscape(const std::string& utf8) {
  const auto& spell = detail::LatexSpellings();
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0x80) {
      const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      const std::string ch = utf8.substr(i, len);
      const auto it = spell.find(ch);
      out += it != spell.end() ? it->second : ch;
      i += len;
      continue;
    }
    switch (c) {
      case '#':
      case '$':
      case '%':
      case '&':
      case '_':
      case '{':
      case '}':
        out += '\\';
        out += static_cast<char>(c);
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '\\':
        out += "\\textbackslash{}";
        break;
      default:
        out += static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

// arXiv identifiers are digits, letters, '.', '/' and '-' ("1810.02054", "math/0601001v2"); only
// those become a URL.
inline bool LooksLikeArxivId(const std::string& id) {
  if (id.empty()) return false;
  for (unsigned char c : id) {
    if (!std::isalnum(c) && c != '.' && c != '/' && c != '-') return false;
  }
  return true;
}

// "du2018arxiv181002054": first author's family name, year, arXiv id (ASCII letters and digits);
// "rahimi2008" for a paper with no arXiv id.
inline std::string PaperKey(const Paper& p) {
  const auto authors = detail::SplitAuthors(p.authors);
  const std::string family = authors.empty() ? "anon" : detail::GivenFamily(authors[0]).second;
  return detail::AsciiAlnum(family, true) + std::to_string(p.year.value_or(0)) +
         (p.arxiv.empty() ? "" : "arxiv" + detail::AsciiAlnum(p.arxiv, false));
}

// ", arXiv:<id>", or "" for a paper with no arXiv id (a conference paper that never had one).
inline std::string ArxivPart(const Paper& p) { return p.arxiv.empty() ? "" : ", arXiv:" + p.arxiv; }
// The same in words, as `thmcheck list` and the verdict table print it: ", arXiv <id>" or "".
inline std::string ArxivWords(const std::string& id) { return id.empty() ? "" : ", arXiv " + id; }

// "thmcheck_ntk_closeness_v1": a protocol bump gives a new key, so two results that measure
// different things are never cited as one.
inline std::string ClaimTestKey(const ClaimTest& t) {
  return "thmcheck_" + t.id + "_v" + std::to_string(t.protocol);
}

// "Du et al. (2018), arXiv:1810.02054": how the claim-test entry names its paper. Plain text, not
// \cite: a \cite inside a bibliography needs extra LaTeX runs and breaks with some styles.
inline std::string PaperShortName(const Paper& p) {
  const auto authors = detail::SplitAuthors(p.authors);
  std::string name = authors.empty() ? "Anonymous" : detail::GivenFamily(authors[0]).second;
  if (authors.size() == 2) name += " and " + detail::GivenFamily(authors[1]).second;
  if (authors.size() > 2) name += " et al.";
  return name + " (" + std::to_string(p.year.value_or(0)) + ")" + ArxivPart(p);
}

inline std::string Bibtex(const ClaimTest& t) {
  const Paper& p = t.paper;
  std::string authors;
  for (const auto& a : detail::SplitAuthors(p.authors)) {
    authors += (authors.empty() ? "" : " and ") + (a == "et al." ? "others" : LatexEscape(a));
  }
  std::ostringstream os;
  os << "@misc{" << ClaimTestKey(t) << ",\n"
     << "  author = {{thmcheck developers}},\n"
     << "  title = {{thmcheck} claim test \\texttt{" << LatexEscape(t.id) << "}, protocol "
     << t.protocol << ": {" << LatexEscape(t.title) << "}},\n";
  if (!t.year.empty()) os << "  year = {" << t.year << "},\n";
  os << "  version = {" << LatexEscape(t.suite_version) << "},\n"
     << "  howpublished = {Software, thmcheck " << LatexEscape(t.suite_version) << "},\n"
     << "  note = {Commit " << LatexEscape(t.commit) << ". Checks " << LatexEscape(p.theorem)
     << " of " << LatexEscape(PaperShortName(p)) << "}\n}\n\n";
  if (p.arxiv.empty()) {  // a paper known by its venue only
    os << "@inproceedings{" << PaperKey(p) << ",\n"
       << "  author = {" << authors << "},\n"
       << "  title = {{" << LatexEscape(p.title) << "}},\n"
       << "  booktitle = {" << LatexEscape(p.venue) << "},\n"
       << "  year = {" << p.year.value_or(0) << "}\n}\n";
    return os.str();
  }
  os << "@article{" << PaperKey(p) << ",\n"
     << "  author = {" << authors << "},\n"
     << "  title = {{" << LatexEscape(p.title) << "}},\n"
     << "  journal = {arXiv preprint arXiv:" << LatexEscape(p.arxiv) << "},\n"
     << "  eprint = {" << LatexEscape(p.arxiv) << "},\n"
     << "  archiveprefix = {arXiv},\n";
  if (LooksLikeArxivId(p.arxiv)) os << "  url = {https://arxiv.org/abs/" << p.arxiv << "},\n";
  os << "  year = {" << p.year.value_or(0) << "}";
  if (!p.venue.empty()) os << ",\n  note = {" << LatexEscape(p.venue) << "}";
  os << "\n}\n";
  return os.str();
}

inline std::string Cff(const ClaimTest& t) {
  using detail::Quote;
  const Paper& p = t.paper;
  std::ostringstream os;
  os << "cff-version: 1.2.0\n"
     << "message: "
     << Quote("If you use the thmcheck claim test " + t.id + ", cite it and the theorem's paper.")
     << "\n"
     << "title: "
     << Quote("thmcheck claim test " + t.id + " (protocol " + std::to_string(t.protocol) +
              "): " + t.title)
     << "\n"
     << "type: software\n"
     << "version: " << Quote(t.suite_version) << "\n"
     << "commit: " << Quote(t.commit) << "\n"
     << "authors:\n  - name: \"thmcheck developers\"\n"
     << "references:\n  - type: article\n"
     << "    title: " << Quote(p.title) << "\n"
     << "    year: " << p.year.value_or(0) << "\n"
     << "    authors:\n";
  for (const auto& a : detail::SplitAuthors(p.authors)) {
    if (a == "et al.") {
      os << "      - name: \"et al.\"\n";
      continue;
    }
    const auto [given, family] = detail::GivenFamily(a);
    os << "      - family-names: " << Quote(family) << "\n        given-names: " << Quote(given)
       << "\n";
  }
  if (LooksLikeArxivId(p.arxiv)) {
    os << "    identifiers:\n      - type: url\n        value: "
       << Quote("https://arxiv.org/abs/" + p.arxiv) << "\n"
       << "        description: " << Quote("arXiv:" + p.arxiv) << "\n";
  }
  os << "    notes: " << Quote("Checked: " + p.theorem) << "\n";
  return os.str();
}

inline std::string Text(const ClaimTest& t) {
  const Paper& p = t.paper;
  std::ostringstream os;
  os << "thmcheck " << t.suite_version << ", claim test " << t.id << " (protocol " << t.protocol
     << "), commit " << t.commit << ": " << t.title << ".\n"
     << "It checks " << p.theorem << " of: " << p.authors << " (" << p.year.value_or(0) << "). "
     << p.title << ".";
  if (!p.arxiv.empty()) {
    os << " arXiv:" << p.arxiv << (p.venue.empty() ? "" : ", " + p.venue) << ".";
  } else if (!p.venue.empty()) {
    os << " " << p.venue << ".";
  }
  os << "\n";
  for (const auto& line : p.also) os << "See also: " << line << ".\n";
  return os.str();
}

}  // namespace thmcheck::cite
