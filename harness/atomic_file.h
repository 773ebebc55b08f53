// Whole-file writes that a reader (or a `--resume` after SIGKILL or a node crash) never sees half
// done: write a temporary file beside the target, fsync it, rename it over the target (POSIX
// rename is atomic within a file system). A crash leaves the old file or the new one, plus at
// worst a stray `<name>.tmp.<host>.<pid>.<thread>` that no reader looks at.
#pragma once

#include <filesystem>
#include <string>

namespace thmcheck {

// Creates the parent folders as needed. Throws std::runtime_error naming the path on any failure
// (disk full, permission), after removing its temporary file.
void WriteFileAtomic(const std::filesystem::path& path, const std::string& content);

// Reads the whole file into *content; false when it cannot be opened or read.
bool ReadWholeFile(const std::filesystem::path& path, std::string* content);

}  // namespace thmcheck
