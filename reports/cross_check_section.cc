// Renders a cross-check section (see cross_check_section.h).
#include "reports/cross_check_section.h"

#include <algorithm>

#include "reports/escape.h"
#include "reports/format.h"
#include "reports/html_page.h"

namespace thmcheck::report {
namespace {

std::string Code(const std::string& text) { return "<code>" + HtmlEscape(text) + "</code>"; }

// A shell word for a folder: as it is when plainly safe, else single-quoted.
std::string Word(const std::string& path) {
  const bool plain = !path.empty() && path.find_first_not_of(
                                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                          "0123456789_./-") == std::string::npos;
  return plain ? path : ShellQuote(path);
}

std::string Title(const CrossCheck& spec) {
  return spec.title.empty() ? "Cross-check with " + spec.claim : spec.title;
}

// "the ResNet below α²/16: no (per output: yes)" — the group's words, or "" when the group is
// not declared; the per-output word only where it was judged.
std::string SideLine(const CrossCheckGroup& group, const char* where, const std::string& level,
                     Side side, Side per_output) {
  if (group.observables.empty()) return "";
  const std::string label = group.label.empty() ? "every listed observable" : group.label;
  std::string html = HtmlEscape(label + " " + where + " " + level + ": ") + "<strong>" +
                     SideName(side) + "</strong>";
  if (per_output != Side::kNone)
    html += " (per output: <strong>" + std::string(SideName(per_output)) + "</strong>)";
  return html;
}

std::string EntryCell(const CrossCheckEntry& e) {
  if (e.n == 0) return Td(kAbsent, "num");
  std::string html = "<td class=\"num\">" + FormatNumber(e.mean) + " " +
                     HtmlEscape(FormatInterval(e.ci)) + "<br><span class=\"muted small\">n " +
                     std::to_string(e.n);
  if (e.per_output) html += " \u00B7 per output " + FormatNumber(e.per_output);
  return html + "</span></td>";
}

std::string Source(const CrossCheckTable& table) {
  const ClaimResult& other = *table.other;
  const CrossCheck& spec = table.spec;
  std::string html =
      "<p>From <a href=\"../" + HtmlEscape(UrlEscapeSegment(other.id)) + "/index.html\">" +
      Code(other.id) + "</a> " + Badge(other.verdict) + " (arm " + Code(spec.arm) + ", scale " +
      HtmlEscape(other.scale.empty() ? kAbsent : other.scale) + ", seed " +
      HtmlEscape(other.seed.empty() ? kAbsent : other.seed) + "): at each " + Code(spec.x) +
      ", the mean over replicates of each observable with its 90% t-interval"
      " (n replicates";
  if (!spec.per_output.empty()) html += "; per output: the mean \u00F7 " + Code(spec.per_output);
  html += "), against the level " + HtmlEscape(spec.level_label) + " = " +
          FormatNumber(spec.level_coefficient, 4) + "\u00B7" + Code(spec.x) + "<sup>" +
          FormatNumber(spec.level_power) +
          "</sup>. <em>yes</em>: the 90% interval lies on the "
          "stated side of the level (below: its upper bound; above: its lower bound); <em>no</em>: "
          "it lies wholly on the other side; <em>undecided</em>: it holds the level.</p>\n";
  return html;
}

std::string Table(const CrossCheckTable& table) {
  const CrossCheck& spec = table.spec;
  std::string html = "<table>\n<tr><th>" + HtmlEscape(spec.x) + "</th>";
  for (const std::string& p : spec.params) html += "<th>" + HtmlEscape(p) + "</th>";
  if (spec.premise) html += "<th>" + HtmlEscape(spec.premise->label) + "</th>";
  html += "<th>" + HtmlEscape(spec.level_label) + "</th>";
  for (const std::string& c : table.columns) html += "<th>" + Code(c) + "</th>";
  html += "<th>Status</th></tr>\n";
  for (const CrossCheckRow& row : table.rows) {
    html += "<tr>" + Td(FormatNumber(row.x, 6), "num");
    for (const std::string& p : row.params) html += Td(p, "num");
    if (spec.premise)
      html += Td(row.premise ? (*row.premise ? "yes (" : "no (") + row.premise_text + ")" : kAbsent,
                 "num");
    html += Td(FormatNumber(row.level, 4), "num");
    for (const CrossCheckEntry& e : row.entries) html += EntryCell(e);
    const std::string below = SideLine(spec.below, "below", spec.level_label, row.below,
                                       row.below_per_output),
                      above = SideLine(spec.above, "above", spec.level_label, row.above,
                                       row.above_per_output);
    const char* between = below.empty() || above.empty() ? "" : "<br>";
    html += "<td>" + below + between + above + "</td></tr>\n";
  }
  return html + "</table>\n";
}

// The x values where both groups sit as declared (summed, or per output).
std::string BothHold(const CrossCheckTable& table, bool per_output) {
  std::string both;
  for (const CrossCheckRow& row : table.rows) {
    const Side below = per_output ? row.below_per_output : row.below;
    const Side above = per_output ? row.above_per_output : row.above;
    const bool below_ok = table.spec.below.observables.empty() || below == Side::kYes;
    const bool above_ok = table.spec.above.observables.empty() || above == Side::kYes;
    if (below_ok && above_ok) both += (both.empty() ? "" : ", ") + FormatNumber(row.x, 6);
  }
  return both;
}

// Where both groups sit as declared: the comparison the cross-check exists for; per output too
// when it was judged (the level may be read per output or summed; both are shown, never merged).
std::string Summary(const CrossCheckTable& table) {
  const std::string x = Code(table.spec.x);
  const std::string both = BothHold(table, false);
  std::string html = both.empty() ? "<p><strong>At no " + x + " do both hold.</strong>"
                                  : "<p><strong>Both hold at " + x + " = " + both + ".</strong>";
  const bool judged_per_output =
      std::any_of(table.rows.begin(), table.rows.end(), [](const CrossCheckRow& r) {
        return r.below_per_output != Side::kNone || r.above_per_output != Side::kNone;
      });
  if (judged_per_output) {
    const std::string per = BothHold(table, true);
    html +=
        per.empty() ? " Per output: at no " + x + "." : " Per output: at " + x + " = " + per + ".";
  }
  return html + "</p>\n";
}

std::string Notes(const CrossCheckTable& table) {
  std::string html;
  if (!table.skipped.empty()) {
    std::string names;
    for (const std::string& s : table.skipped) names += (names.empty() ? "" : ", ") + Code(s);
    html += "<p class=\"muted small\">Not recorded by that run, so not shown: " + names + ".</p>\n";
  }
  if (table.excluded > 0)
    html += "<p class=\"muted small\"><strong>" + std::to_string(table.excluded) +
            " cell(s) of the arm excluded</strong> (diverged, failed, or without a numeric " +
            Code(table.spec.x) + ").</p>\n";
  return html;
}

}  // namespace

std::string CrossCheckSectionHtml(const CrossCheckTable& table) {
  const CrossCheck& spec = table.spec;
  std::string html = "<h2>" + HtmlEscape(Title(spec)) + "</h2>\n";
  if (!spec.why.empty()) html += "<p>" + HtmlEscape(spec.why) + "</p>\n";
  if (table.other == nullptr) {
    return html + "<p class=\"muted\">No results of " + Code(spec.claim) + " in " +
           Code(table.folder) + ". To fill this section: " +
           Code("thmcheck run " + spec.claim + " --out " + Word(table.folder)) +
           ", then write this report again.</p>\n";
  }
  html += Source(table);
  if (table.rows.empty()) {
    return html + "<p class=\"muted\">" + Code(table.other->id) + " holds no usable cell of arm " +
           Code(spec.arm) + " with a numeric " + Code(spec.x) + ".</p>\n" + Notes(table);
  }
  return html + Table(table) + Summary(table) + Notes(table);
}

}  // namespace thmcheck::report
