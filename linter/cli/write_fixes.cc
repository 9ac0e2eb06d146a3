// SPDX-License-Identifier: MIT
#include "linter/cli/write_fixes.h"

#include <signal.h>

#include <iostream>
#include <memory>
#include <vector>

#include "core/confined_write.h"

namespace synlint::cli {

namespace {

/// While alive, SIGINT and SIGTERM remove the temporary files of the write
/// in progress, then end the process as the signal would have.
class RemoveTempsOnSignal {
 public:
  RemoveTempsOnSignal() {
    struct sigaction sa {};
    sa.sa_handler = [](int sig) {
      RemovePendingTempFiles();
      raise(sig);  // SA_RESETHAND restored the default action
    };
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~RemoveTempsOnSignal() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

std::string QuotedList(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += (out.empty() ? "'" : ", '") + p + "'";
  return out;
}

}  // namespace

bool WriteFixes(FileSystem& fs, const FixResult& fix, std::string* err) {
  fs.ForgetSnapshot();  // what changed on disk since the files were read
  RemoveTempsOnSignal guard;
  std::vector<std::string> paths;
  std::vector<std::unique_ptr<PendingWrite>> pending;
  // Undone in reverse, so a directory made for several files empties last.
  auto undo = [&pending] {
    while (!pending.empty()) pending.pop_back();
  };
  for (const auto& [path, text] : fix.fixed) {
    auto orig = fix.original.find(path);
    std::string why;
    auto p = fs.PrepareWrite(path, text, 0644, orig == fix.original.end() ? nullptr : &orig->second, &why);
    if (!p) {
      undo();
      *err = "cannot write '" + path + "': " + why + "; nothing written";
      return false;
    }
    for (const std::string& note : p->notes()) std::cerr << "synlint: " << note << "\n";
    paths.push_back(path);
    pending.push_back(std::move(p));
  }
  // Every file is written and fsynced beside its target: now the renames.
  for (size_t i = 0; i < pending.size(); ++i) {
    std::string why;
    if (pending[i]->Commit(&why)) continue;
    undo();
    *err = "cannot write '" + paths[i] + "': " + why + "; ";
    if (i == 0) {
      *err += "nothing written";
    } else {
      *err += "written: " + QuotedList({paths.begin(), paths.begin() + i}) +
              "; not written: " + QuotedList({paths.begin() + i, paths.end()});
    }
    return false;
  }
  return true;
}

}  // namespace synlint::cli
