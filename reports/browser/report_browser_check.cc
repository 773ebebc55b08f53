// ctest `report_browser`: opens a generated report in headless Chromium and checks, page by page,
// starting at REPORT/index.html and following every local link to an .html page:
//   - the page loads (no navigation error) and is one of ours (<meta name="generator">);
//   - no image is missing: every <img> is complete with a natural width > 0, and no request failed
//     (Network.loadingFailed);
//   - no console error: no uncaught exception, console.error/assert, or error-level log entry
//     (Chromium logs a failed resource load there too);
//   - every local link to another file (SVG, PNG, PDF, .gp, .dat, .bib) points at a file that
//   exists.
// Links to other sites (arxiv.org) are not followed: the report must work offline.
// Usage: report_browser_check REPORT_DIR [CHROMIUM]. Exit 0 all pages clean, 1 a problem (each is
// printed), 2 usage, 77 Chromium not installed (ctest SKIP_RETURN_CODE; .ci/deps installs it).
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "reports/browser/devtools_pipe.h"

namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using thmcheck::browser::DevToolsPipe;

constexpr milliseconds kCallTimeout{30000};
constexpr milliseconds kLoadTimeout{60000};  // a page with a dozen SVG plots on a busy 2-core box
constexpr int kExitSkip = 77;

// Runs in the page after its load event: what a reader would miss, and where the page links to.
constexpr const char* kInspect = R"js(JSON.stringify({
  generator: !!document.querySelector('meta[name="generator"]'),
  title: document.title,
  images: document.images.length,
  broken: Array.from(document.images)
      .filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src')),
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href)
}))js";

bool OnPath(const std::string& program) {
  if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  size_t start = 0;
  while (start <= dirs.size()) {
    const size_t colon = dirs.find(':', start);
    const std::string dir = dirs.substr(start, colon == std::string::npos ? colon : colon - start);
    if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return false;
}

std::string FileUrl(const fs::path& path) { return "file://" + path.string(); }

// "file:///a/b.html#x" → "/a/b.html" (percent-escapes decoded); "" when not a file URL.
std::string LocalPath(const std::string& url) {
  if (url.rfind("file://", 0) != 0) return "";
  std::string raw = url.substr(7);
  raw = raw.substr(0, raw.find_first_of("#?"));
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size()) {
      out += static_cast<char>(std::stoi(raw.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += raw[i];
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: report_browser_check REPORT_DIR [CHROMIUM]\n";
    return 2;
  }
  const fs::path root = fs::weakly_canonical(fs::absolute(argv[1]));
  const std::string chromium = argc == 3 ? argv[2] : "chromium";
  if (!fs::is_regular_file(root / "index.html")) {
    std::cerr << "FAIL: " << (root / "index.html").string() << " does not exist\n";
    return 1;
  }
  if (!OnPath(chromium)) {
    std::cout << "SKIP: " << chromium
              << " is not installed (bash .ci/deps installs Debian's chromium)\n";
    return kExitSkip;
  }

  DevToolsPipe browser(chromium, {"--window-size=1280,1024"});
  std::vector<std::string> problems;  // of the page being checked
  browser.on_event = [&](const std::string& method, const nlohmann::json& p, const std::string&) {
    if (method == "Runtime.exceptionThrown") {
      problems.push_back(
          "uncaught exception: " + p["exceptionDetails"].value("text", std::string("?")) + " " +
          p["exceptionDetails"]
              .value("exception", nlohmann::json::object())
              .value("description", std::string()));
    } else if (method == "Runtime.consoleAPICalled" &&
               (p.value("type", "") == "error" || p.value("type", "") == "assert")) {
      problems.push_back("console." + p.value("type", std::string()) + ": " + p["args"].dump());
    } else if (method == "Log.entryAdded" && p["entry"].value("level", "") == "error") {
      problems.push_back("console error: " + p["entry"].value("text", std::string()) + " " +
                         p["entry"].value("url", std::string()));
    } else if (method == "Network.loadingFailed" && !p.value("canceled", false)) {
      problems.push_back("request failed: " + p.value("errorText", std::string()));
    }
  };
  const auto target =
      browser.Call("Target.createTarget", {{"url", "about:blank"}}, "", kCallTimeout);
  const auto attached =
      target
          ? browser.Call("Target.attachToTarget",
                         {{"targetId", (*target)["targetId"]}, {"flatten", true}}, "", kCallTimeout)
          : std::nullopt;
  if (!attached) {
    std::cerr << "FAIL: cannot drive " << chromium << ": " << browser.error() << "\n";
    return 1;
  }
  const std::string session = (*attached)["sessionId"].get<std::string>();
  for (const char* domain : {"Page.enable", "Runtime.enable", "Log.enable", "Network.enable"}) {
    if (!browser.Call(domain, nlohmann::json::object(), session, kCallTimeout)) {
      std::cerr << "FAIL: " << browser.error() << "\n";
      return 1;
    }
  }

  std::deque<fs::path> queue = {root / "index.html"};
  std::set<fs::path> seen = {root / "index.html"};
  std::set<fs::path> files_checked;
  int pages = 0, images = 0, failures = 0;
  while (!queue.empty()) {
    const fs::path page = queue.front();
    queue.pop_front();
    problems.clear();
    bool loaded = false;
    const auto nav = browser.Call("Page.navigate", {{"url", FileUrl(page)}}, session, kCallTimeout);
    if (!nav) {
      problems.push_back("navigation: " + browser.error());
    } else if (nav->contains("errorText")) {
      problems.push_back("navigation: " + (*nav)["errorText"].get<std::string>());
    } else if (!browser.WaitForEvent("Page.loadEventFired", kLoadTimeout)) {
      problems.push_back("no load event within " + std::to_string(kLoadTimeout.count()) + " ms");
    } else {
      loaded = true;  // inspected even when a resource failed: the failure is then named twice
    }
    const auto inspected =
        loaded
            ? browser.Call("Runtime.evaluate", {{"expression", kInspect}, {"returnByValue", true}},
                           session, kCallTimeout)
            : std::nullopt;
    nlohmann::json info;
    if (inspected && (*inspected)["result"].contains("value")) {
      info = nlohmann::json::parse((*inspected)["result"]["value"].get<std::string>());
      if (!info["generator"].get<bool>()) problems.push_back("not a thmcheck report page");
      for (const auto& src : info["broken"]) problems.push_back("missing image: " + src.dump());
      images += info["images"].get<int>();
      for (const auto& link : info["links"]) {
        const std::string local = LocalPath(link.get<std::string>());
        if (local.empty()) continue;  // another site: not followed (offline)
        const fs::path target_path = fs::weakly_canonical(local);
        if (target_path.extension() == ".html") {
          if (target_path.string().rfind(root.string(), 0) != 0) {
            problems.push_back("link leaves the report: " + link.get<std::string>());
          } else if (seen.insert(target_path).second) {
            queue.push_back(target_path);
          }
        } else if (files_checked.insert(target_path).second && !fs::is_regular_file(target_path)) {
          problems.push_back("broken link: " + link.get<std::string>());
        }
      }
    } else if (loaded) {
      problems.push_back("cannot inspect the page: " + browser.error());
    }
    ++pages;
    const std::string name = fs::relative(page, root).string();
    if (problems.empty()) {
      std::cout << "ok   " << name << " (" << info.value("images", 0) << " images)\n";
    } else {
      ++failures;
      for (const std::string& p : problems) std::cout << "FAIL " << name << ": " << p << "\n";
    }
  }
  std::cout << pages << " page(s), " << images << " image(s), " << files_checked.size()
            << " linked file(s): "
            << (failures == 0 ? "all clean" : std::to_string(failures) + " page(s) with problems")
            << "\n";
  return failures == 0 ? 0 : 1;
}
