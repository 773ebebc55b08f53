// Escaping for the languages besides HTML that the report writes text from result files into:
// URL path segments (links to claim folders), gnuplot string literals (titles and labels in the
// generated .gp scripts), POSIX shell words (commands a page shows for copying) and file stems.
// HTML itself is escaped by the templates (page_template.h).
#pragma once

#include <string>
#include <string_view>

namespace thmcheck::report {

// Percent-encodes all but RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~), so a folder name
// can be one segment of a relative link whatever it contains.
std::string UrlEscapeSegment(std::string_view text);

// A gnuplot single-quoted string literal: ' doubles to '' (gnuplot's only escape inside single
// quotes, which do not interpret backslashes); control characters, which would end the command
// or corrupt a legend, become spaces.
std::string GnuplotQuote(std::string_view text);

// A POSIX shell word in single quotes: ' becomes '\'' (close, escaped quote, reopen).
std::string ShellQuote(std::string_view text);

// A file-name stem made of [A-Za-z0-9_-] only (others become '_'), never empty, for naming plot
// files after observables without trusting the observable's spelling.
std::string FileStem(std::string_view text);

}  // namespace thmcheck::report
