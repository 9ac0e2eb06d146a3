#include "linter/cli/write_fixes.h"

#include <unistd.h>

namespace synlint::cli {

bool WriteFixes(FileSystem& fs, const FixResult& fix, std::string* err) {
  fs.ForgetSnapshot();  // what changed on disk since the files were read
  for (const auto& [path, text] : fix.fixed) {
    auto orig = fix.original.find(path);
    const NodeStat st = fs.Lstat(path);
    if (orig == fix.original.end()) {
      if (st.kind != NodeKind::kMissing) {
        *err = "'" + path + "' appeared since it was checked; nothing written";
        return false;
      }
      // The new file's directory must resolve to itself: no symlink on the way.
      const std::string dir(DirName(path));
      const Resolved r = Resolve(fs, dir);
      if (r.status == Resolved::Status::kOk && (r.kind != NodeKind::kDirectory || r.path != dir)) {
        *err = "'" + dir + "' is not a plain directory inside the root; nothing written";
        return false;
      }
      if (r.status == Resolved::Status::kLoop || r.status == Resolved::Status::kEscapes ||
          r.status == Resolved::Status::kDevNull) {
        *err = "'" + dir + "': " + (r.error.empty() ? "not usable" : r.error) + "; nothing written";
        return false;
      }
      continue;
    }
    if (st.kind != NodeKind::kRegular) {
      *err = "'" + path + "' is no longer a regular file; nothing written";
      return false;
    }
    std::string now, read_err;
    if (!fs.ReadFile(path, &now, &read_err)) {
      *err = "cannot read '" + path + "' again: " + read_err + "; nothing written";
      return false;
    }
    if (now != orig->second) {
      *err = "'" + path + "' changed since it was read; nothing written (run synlint again)";
      return false;
    }
    if (auto* disk = dynamic_cast<DiskFileSystem*>(&fs)) {
      if (access(disk->HostPath(path).c_str(), W_OK) != 0) {
        *err = "'" + path + "' is not writable; nothing written";
        return false;
      }
    }
  }
  for (const auto& [path, text] : fix.fixed) {
    std::string write_err;
    if (!fs.WriteFile(path, text, 0644, &write_err)) {
      *err = "cannot write '" + path + "': " + write_err;
      return false;
    }
  }
  return true;
}

}  // namespace synlint::cli
