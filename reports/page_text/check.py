#!/usr/bin/env python3
"""What a reader sees of a report, compared with a recorded copy (ctest `report_page_text`).

Usage: check.py RENDER FIXTURE REPORT [--update]

RENDER (page_text_render) writes REPORT from FIXTURE/results and FIXTURE/history. Then, for
every page REPORT/**/*.html, this takes the text a reader sees: the text nodes (not those of
<style> or <script>), entities decoded, plus each link target, image source, alt text and tooltip
as "[href=…]", "[src=…]", "[alt=…]", "[title=…]"; one line per block element (and per line of a
<pre>) and " | " before each table cell, runs of white space collapsed as a browser shows them.
For every plot data file REPORT/**/*.dat it takes the bytes. Each must equal
FIXTURE/golden/<same path>.txt (pages) or FIXTURE/golden/<same path> (data), and the two trees
must hold the same files. The markup is free to change; what it
says is not. --update rewrites golden/ from REPORT (after a deliberate change of what the pages
say; review its diff).

The fixture: results/ is `thmcheck run --all --scale smoke` (seed 1) as written, but for the
recorded command, made relative (no path outside the repository); history/ holds
three nightly records (layout of reports/history.h) made from those verdicts, with each check's
estimate scaled by 1, 1.05, 0.95 so the estimate trends move, and a canary benchmark 3x slower in
the third run, which the trend pages flag.
"""
import html.parser
import pathlib
import re
import shutil
import subprocess
import sys

BLOCKS = {"p", "div", "tr", "h1", "h2", "h3", "h4", "li", "ul", "ol", "table", "figure",
          "figcaption", "blockquote", "pre", "br", "details", "summary", "section", "title"}
ATTRS = ("href", "src", "alt", "title")


class PageText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0
        self.pre = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1
        if tag == "pre":
            self.pre += 1
        if tag in BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        for name, value in attrs:
            if name in ATTRS and value is not None:
                self.parts.append(" [%s=%s] " % (name, value))

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.skip -= 1
        if tag == "pre":
            self.pre -= 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        # A line break in the markup shows as a space, except inside <pre>.
        if not self.skip:
            self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self):
        lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line) + "\n"


def snapshot(report):
    files = {}
    for path in sorted(report.rglob("*")):
        rel = path.relative_to(report).as_posix()
        if path.suffix == ".html":
            parser = PageText()
            parser.feed(path.read_text(encoding="utf-8"))
            files[rel + ".txt"] = parser.text().encode("utf-8")
        elif path.suffix == ".dat":
            files[rel] = path.read_bytes()
    return files


def main(argv):
    if len(argv) not in (4, 5) or (len(argv) == 5 and argv[4] != "--update"):
        sys.stderr.write(__doc__)
        return 2
    fixture, report = pathlib.Path(argv[2]), pathlib.Path(argv[3])
    golden = fixture / "golden"
    shutil.rmtree(report, ignore_errors=True)
    rendered = subprocess.run([argv[1], str(fixture / "results"), str(fixture / "history"),
                               str(report)])
    if rendered.returncode != 0:
        return rendered.returncode  # 77: no gnuplot, skipped
    now = snapshot(report)
    if not now:
        print("%s: no pages or plot data" % report)
        return 1
    if len(argv) == 5:
        shutil.rmtree(golden, ignore_errors=True)
        for rel, data in now.items():
            (golden / rel).parent.mkdir(parents=True, exist_ok=True)
            (golden / rel).write_bytes(data)
        print("wrote %d files to %s" % (len(now), golden))
        return 0
    recorded = {p.relative_to(golden).as_posix(): p.read_bytes()
                for p in sorted(golden.rglob("*")) if p.is_file()}
    problems = []
    for rel in sorted(set(now) | set(recorded)):
        if rel not in recorded:
            problems.append("%s: new (not in %s)" % (rel, golden))
        elif rel not in now:
            problems.append("%s: missing from the report" % rel)
        elif now[rel] != recorded[rel]:
            old = recorded[rel].decode("utf-8").splitlines()
            new = now[rel].decode("utf-8").splitlines()
            first = next((i for i in range(min(len(old), len(new))) if old[i] != new[i]),
                         min(len(old), len(new)))
            problems.append("%s: line %d differs\n  was: %s\n  now: %s" % (
                rel, first + 1, old[first] if first < len(old) else "<end>",
                new[first] if first < len(new) else "<end>"))
    for problem in problems:
        print(problem)
    print("%d of %d files differ" % (len(problems), len(set(now) | set(recorded))))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
