// Escaping for every language the report emits text into: HTML (text and attribute values),
// URL path segments (links to claim folders), gnuplot string literals (titles and labels in the
// generated .gp scripts) and POSIX shell words (the gnuplot command line). Every string that
// comes from a result file passes through one of these before it is written anywhere.
#pragma once

#include <string>
#include <string_view>

namespace thmcheck::report {

// Escapes & < > " ' so the result is safe as HTML text and inside a quoted attribute value.
std::string HtmlEscape(std::string_view text);

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
