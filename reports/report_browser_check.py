#!/usr/bin/python3
"""Opens a generated report in headless Chromium, as a reader would (ctest `report_browser`).

Usage: report_browser_check.py REPORT_DIR. From REPORT_DIR/index.html, following every local link
to an .html page, each page must:
  - load, and be one of ours (<meta name="generator">);
  - show every image: each <img> is complete with a natural width > 0;
  - log no console error: nothing at level SEVERE in the browser log (uncaught exceptions,
    console.error/assert, and Chromium's "Failed to load resource" for a missing file);
  - link only to local files that exist (pages, SVG, PNG, PDF, .gp, .dat, .bib).
Links to other sites (arxiv.org) are not followed and name resolution is off: the report must work
offline. Exit 0 all clean, 1 a problem (each printed), 2 usage, 77 skipped: Selenium, chromedriver
or Chromium ($CHROMIUM, $CHROMEDRIVER, else looked up on PATH) is missing; a skip is not a pass.
"""
import os
import pathlib
import shutil
import sys
import tempfile
import urllib.parse

LOAD_TIMEOUT_S = 60  # a page with a dozen SVG plots on a busy 2-core box

# Runs in the loaded page: what a reader would miss, and where the page links to.
INSPECT = """return {
  generator: !!document.querySelector('meta[name="generator"]'),
  images: document.images.length,
  broken: Array.from(document.images)
      .filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src')),
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href)};"""


def skip(why):
    print("SKIP: %s (bash .ci/deps installs chromium, chromium-driver, python3-selenium)" % why)
    sys.exit(77)


def main():
    if len(sys.argv) != 2:
        print("usage: report_browser_check.py REPORT_DIR", file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1]).resolve()
    if not (root / "index.html").is_file():
        print("FAIL: %s does not exist" % (root / "index.html"))
        return 1
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        skip("python module selenium is not installed")
    programs = [os.environ.get(v, v.lower()) for v in ("CHROMIUM", "CHROMEDRIVER")]
    chromium, driver_path = map(shutil.which, programs)
    for name, found in zip(programs, (chromium, driver_path)):
        if not found:
            skip("%s is not installed" % name)

    profile = tempfile.TemporaryDirectory(prefix="report_browser.")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless", "--no-sandbox",  # no-sandbox: CI runs as root
                "--user-data-dir=" + profile.name, "--window-size=1280,1024",
                "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:  # an explicit driver path: Selenium would otherwise try to download one
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except Exception as e:  # installed but unusable (version mismatch, crash): a failure
        print("FAIL: cannot drive %s with %s: %s" % (chromium, driver_path, str(e).strip()))
        return 1
    driver.set_page_load_timeout(LOAD_TIMEOUT_S)

    queue, seen, files = [root / "index.html"], {root / "index.html"}, set()
    images = failures = 0
    try:
        while queue:
            page = queue.pop(0)
            problems = []
            try:
                driver.get(page.as_uri())  # returns after the load event: images are decoded
                info = driver.execute_script(INSPECT)
            except Exception as e:  # a timeout or a crash: name it on this page, go on
                problems.append("cannot load or inspect: %s" % str(e).strip())
                info = {"generator": True, "images": 0, "broken": [], "links": []}
            # Read after inspecting, so errors thrown while the page settled are included.
            for entry in driver.get_log("browser"):
                if entry["level"] == "SEVERE":
                    problems.append("console error: " + entry["message"])
            if not info["generator"]:
                problems.append("not a thmcheck report page")
            problems += ["missing image: %s" % src for src in info["broken"]]
            images += info["images"]
            for link in info["links"]:
                url = urllib.parse.urlsplit(link)  # file:///a/b%20c.html#x -> /a/b c.html
                if url.scheme != "file":
                    continue  # another site: not followed (offline)
                target = pathlib.Path(os.path.realpath(urllib.parse.unquote(url.path)))
                if not target.is_file():
                    problems.append("broken link: " + link)
                elif target.suffix != ".html":
                    files.add(target)
                elif root not in target.parents:
                    problems.append("link leaves the report: " + link)
                elif target not in seen:
                    seen.add(target)
                    queue.append(target)
            failures += bool(problems)
            for p in problems or ["%d images" % info["images"]]:
                print("%s %s: %s" % ("FAIL" if problems else "ok  ", page.relative_to(root), p))
    finally:
        driver.quit()
        profile.cleanup()
    print("%d page(s), %d image(s), %d linked file(s): %s" % (
        len(seen), images, len(files),
        "all clean" if not failures else "%d page(s) with problems" % failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
