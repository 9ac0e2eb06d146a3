// SPDX-License-Identifier: MIT
#include "test_repo.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace synlint::testing_util {

namespace fs = std::filesystem;

const std::vector<std::string>& KnownRules() {
  static const std::vector<std::string> ids = {"SL001", "SL002", "SL003", "SL101", "SL102", "SL103",
                                               "SL104", "SL105", "SL106", "SL107", "SL108", "SL201",
                                               "SL202", "SL203", "SL204", "SL205", "SL206", "SL301"};
  return ids;
}

TestRepo::TestRepo() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  dir_ = (fs::path(::testing::TempDir()) / ("synlint-" + std::string(info->test_suite_name()) + "-" +
                                            info->name() + "-" + std::to_string(getpid())))
             .string();
  fs::remove_all(dir_);
  fs::create_directories(dir_);
}

TestRepo::~TestRepo() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void TestRepo::Write(const std::string& rel, const std::string& text) const {
  const fs::path p = fs::path(dir_) / rel;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string TestRepo::Read(const std::string& rel) const {
  std::ifstream in(fs::path(dir_) / rel, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void TestRepo::CopyFrom(const std::string& source) const {
  fs::copy(source, dir_, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::vector<std::string> TestRepo::Load(const std::string& yaml, Config* out) const {
  Write(".synlint.yaml", yaml);
  Config config;
  std::vector<ConfigError> errors;
  LoadConfig(dir_ + "/.synlint.yaml", KnownRules(), &config, &errors);
  std::vector<std::string> lines;
  for (const ConfigError& e : errors) {
    EXPECT_EQ(dir_ + "/.synlint.yaml", e.file);
    lines.push_back(std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message);
  }
  if (out) *out = std::move(config);
  return lines;
}

}  // namespace synlint::testing_util
