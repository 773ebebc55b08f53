// Unit tests of the citation formats (citation.h, schema/citation_format.h): LaTeX escaping, keys,
// the shape of each format, and — when bibtex and biber are installed — that an entry full of the
// characters that break BibTeX (accents, Greek, _ % & # { } ~ ^, en dashes) is accepted by both.
// The real claims' entries are checked through the binary by ctest `<claim>_cite`.
#include "harness/citation.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/errors.h"

namespace thmcheck {
namespace {

namespace fs = std::filesystem;

cite::ClaimTest TrickyRecord() {
  cite::ClaimTest t;
  t.id = "weird_claim";
  t.protocol = 3;
  t.title = "Rates ≤ m^−1/2 for 100% of α_t & {braces} ~ #1";
  t.suite_version = "0.1.0";
  t.commit = "0123456789abcdef0123456789abcdef01234567-dirty";
  t.year = "2025";
  t.paper = {"S. S. Du, B. Póczos, J. Łukasiewicz, et al.",
             2018,
             "Gradient descent – provably — optimizes η·λ²",
             "1810.02054",
             "Remark 3.1, Lemmas 3.1–3.2",
             "ICLR 2019",
             {"Another source, arXiv 1902.06720"}};
  return t;
}

// True when every { has its } in order (BibTeX's only hard syntax rule inside a field).
bool BracesBalanced(const std::string& text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '{' || text[i + 1] == '}')) {
      ++i;  // an escaped brace
      continue;
    }
    depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth == 0;
}

bool HaveProgram(const char* name) {
  return std::system(("command -v " + std::string(name) + " > /dev/null 2>&1").c_str()) == 0;
}

TEST(CitationTest, ParsesFormatsAndRejectsOthers) {
  EXPECT_EQ(ParseCiteFormat("bibtex"), CiteFormat::kBibtex);
  EXPECT_EQ(ParseCiteFormat("cff"), CiteFormat::kCff);
  EXPECT_EQ(ParseCiteFormat("text"), CiteFormat::kText);
  EXPECT_THROW(ParseCiteFormat("ris"), UsageError);
}

TEST(CitationTest, LatexEscapeSpellsAccentsAndEscapesSpecials) {
  EXPECT_EQ(cite::LatexEscape("Póczos"), "P{\\'o}czos");
  EXPECT_EQ(cite::LatexEscape("a_b 100% & #1"), "a\\_b 100\\% \\& \\#1");
  EXPECT_EQ(cite::LatexEscape("{x}~^\\"),
            "\\{x\\}\\textasciitilde{}\\textasciicircum{}\\textbackslash{}");
  EXPECT_EQ(cite::LatexEscape("3.1–3.2"), "3.1--3.2");
  EXPECT_EQ(cite::LatexEscape("α"), "$\\alpha$");
}

TEST(CitationTest, KeysNameTheClaimProtocolAndPaper) {
  const cite::ClaimTest t = TrickyRecord();
  EXPECT_EQ(cite::ClaimTestKey(t), "thmcheck_weird_claim_v3");
  EXPECT_EQ(cite::PaperKey(t.paper), "du2018arxiv181002054");
  EXPECT_EQ(cite::PaperShortName(t.paper), "Du et al. (2018), arXiv:1810.02054");
}

TEST(CitationTest, BibtexHasBothEntriesWithBalancedBraces) {
  const std::string bib = cite::Bibtex(TrickyRecord());
  EXPECT_EQ(bib.find("@misc{thmcheck_weird_claim_v3,"), 0u) << bib;
  EXPECT_NE(bib.find("@article{du2018arxiv181002054,"), std::string::npos) << bib;
  EXPECT_NE(bib.find("P{\\'o}czos and J. {\\L}ukasiewicz and others"), std::string::npos) << bib;
  EXPECT_NE(bib.find("Commit 0123456789abcdef0123456789abcdef01234567-dirty"), std::string::npos);
  EXPECT_NE(bib.find("version = {0.1.0}"), std::string::npos);
  EXPECT_TRUE(BracesBalanced(bib)) << bib;
  // Non-ASCII left in the output would make bibtex's byte-based sorting and plain.bst's case
  // changes garble names; every character we use has a LaTeX spelling.
  for (unsigned char c : bib) EXPECT_LT(c, 0x80) << bib;
}

TEST(CitationTest, CffAndTextNameTheClaimVersionCommitAndPaper) {
  const std::string cff = cite::Cff(TrickyRecord());
  EXPECT_EQ(cff.find("cff-version: 1.2.0\n"), 0u);
  EXPECT_NE(cff.find("version: \"0.1.0\"\n"), std::string::npos);
  EXPECT_NE(cff.find("commit: \"0123456789abcdef0123456789abcdef01234567-dirty\"\n"),
            std::string::npos);
  EXPECT_NE(cff.find("family-names: \"Póczos\""), std::string::npos);
  EXPECT_NE(cff.find("value: \"https://arxiv.org/abs/1810.02054\""), std::string::npos);
  const std::string text = cite::Text(TrickyRecord());
  EXPECT_NE(text.find("claim test weird_claim (protocol 3)"), std::string::npos);
  EXPECT_NE(text.find("See also: Another source, arXiv 1902.06720."), std::string::npos);
}

TEST(CitationTest, APaperWithoutAnArxivIdIsCitedByItsVenue) {
  cite::ClaimTest t = TrickyRecord();
  t.paper.arxiv.clear();
  t.paper.venue = "NeurIPS 2008";
  EXPECT_EQ(cite::PaperKey(t.paper), "du2018");
  EXPECT_EQ(cite::PaperShortName(t.paper), "Du et al. (2018)");
  EXPECT_EQ(cite::ArxivWords(t.paper.arxiv), "");
  EXPECT_EQ(cite::ArxivWords("1810.02054"), ", arXiv 1810.02054");
  const std::string bib = cite::Bibtex(t);
  EXPECT_NE(bib.find("@inproceedings{du2018,"), std::string::npos) << bib;
  EXPECT_NE(bib.find("booktitle = {NeurIPS 2008}"), std::string::npos) << bib;
  EXPECT_EQ(bib.find("arXiv"), std::string::npos) << bib;
  EXPECT_TRUE(BracesBalanced(bib)) << bib;
  EXPECT_EQ(cite::Cff(t).find("arxiv.org"), std::string::npos);
  const std::string text = cite::Text(t);
  EXPECT_NE(text.find("optimizes η·λ². NeurIPS 2008.\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("arXiv:"), std::string::npos) << text;
}

// bibtex and biber on the tricky entry. Skipped (not passed) when either tool is missing.
TEST(CitationTest, BibtexAndBiberAcceptTheTrickyEntry) {
  if (!HaveProgram("bibtex") || !HaveProgram("biber")) GTEST_SKIP() << "bibtex/biber not installed";
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("thmcheck_citation_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "t.bib") << cite::Bibtex(TrickyRecord());
  std::ofstream(dir / "t.aux") << "\\citation{*}\n\\bibdata{t}\n\\bibstyle{plain}\n";
  const std::string cd = "cd '" + dir.string() + "' && ";
  // NOTE: bibtex and biber exit 0 after warnings, hence the greps; --quiet would hide biber's.
  EXPECT_EQ(std::system((cd + "BIBINPUTS=. bibtex -terse t > bibtex.out 2>&1").c_str()), 0);
  EXPECT_NE(std::system((cd + "grep -q '^Warning--' t.blg").c_str()), 0)
      << "bibtex warned; see " << dir;
  EXPECT_EQ(std::system((cd + "biber --tool --validate-datamodel t.bib > biber.out 2>&1").c_str()),
            0);
  EXPECT_NE(std::system((cd + "grep -qE '^(WARN|ERROR)' biber.out").c_str()), 0)
      << "biber warned; see " << dir;
  std::ifstream bbl(dir / "t.bbl");
  std::stringstream typeset;
  typeset << bbl.rdbuf();
  EXPECT_NE(typeset.str().find("\\bibitem{thmcheck_weird_claim_v3}"), std::string::npos);
  EXPECT_NE(typeset.str().find("\\bibitem{du2018arxiv181002054}"), std::string::npos);
  if (!HasFailure()) fs::remove_all(dir);
}

}  // namespace
}  // namespace thmcheck
