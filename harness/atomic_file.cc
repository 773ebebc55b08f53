// Atomic whole-file writes (see atomic_file.h).
#include "harness/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace thmcheck {
namespace {

std::string HostName() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "host";
  return buf;
}

[[noreturn]] void Fail(const std::string& what, const std::filesystem::path& p, int err) {
  throw std::runtime_error("cannot " + what + " " + p.string() + ": " + std::strerror(err));
}

}  // namespace

void WriteFileAtomic(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  // Unique per host, process and thread: shards on several machines sharing one results folder
  // (and threads of one process) never share a temporary file.
  std::ostringstream name;
  name << path.filename().string() << ".tmp." << HostName() << "." << ::getpid() << "."
       << std::hash<std::thread::id>{}(std::this_thread::get_id());
  const std::filesystem::path tmp = path.parent_path() / name.str();
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) Fail("create", tmp, errno);
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : EIO;
      ::close(fd);
      ::unlink(tmp.c_str());
      Fail("write", tmp, err);
    }
    done += static_cast<size_t>(n);
  }
  // fsync before rename: after a power cut the name then points at the full content or at the
  // old file, never at an empty one (a SIGKILL alone would not need it: the page cache survives).
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    Fail("flush", tmp, err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    Fail("rename onto", path, err);
  }
}

bool ReadWholeFile(const std::filesystem::path& path, std::string* content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return false;
  *content = ss.str();
  return true;
}

}  // namespace thmcheck
