// SPDX-License-Identifier: MIT
// A scratch repository in the test's temporary directory.
#pragma once

#include <string>
#include <vector>

#include "linter/config/config.h"

namespace synlint::testing_util {

/// The SL IDs the tests treat as registered.
const std::vector<std::string>& KnownRules();

class TestRepo {
 public:
  /// Creates an empty directory unique to the running test.
  TestRepo();
  ~TestRepo();
  const std::string& dir() const { return dir_; }
  void Write(const std::string& rel, const std::string& text) const;
  std::string Read(const std::string& rel) const;
  /// Copies a directory tree (e.g. fixtures/config/repo) into the repo.
  void CopyFrom(const std::string& source) const;
  /// Writes .synlint.yaml and loads it; returns "LINE:COL: MESSAGE" for each error.
  std::vector<std::string> Load(const std::string& yaml, Config* out = nullptr) const;

 private:
  std::string dir_;
};

}  // namespace synlint::testing_util
