// SPDX-License-Identifier: MIT
// Containers' own network namespaces through the real binary (issue #24):
// a Deployment running nginx from a ConfigMap with backlog=8192 and no pod
// sysctls, on a node that raises somaxconn. The finding points at the
// ConfigMap line, names the pod's own limit and why the node's does not
// apply, and its fix (a securityContext.sysctls entry) is a patch `git
// apply` takes whose result yaml-cpp and PyYAML both read.
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

const char* kManifest = "deploy/web.yaml";

std::string Check(const std::string& root, const std::string& args) {
  return Quote(SYNLINT_BIN) + " check --root " + Quote(root) + " --kernel 6.1 --kubernetes " + kManifest + " " + args;
}

TEST(Containers, DeploymentNginxFromConfigMapIsJudgedByThePodsNamespace) {
  const FixtureHost host = FixtureHostNamed("hosts_container_k8s_nginx_configmap");
  const CommandResult r = RunShell(Check(host.tree, "--select SL5"));
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("deploy/web.yaml:32:19"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("'net.core.somaxconn' in the pod's network namespace is 4096"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("the node's value, 65535 at etc/sysctl.d/90-tuning.conf:2, does not apply inside it"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("SysctlForbidden"), std::string::npos) << r.out;
  // A kubelet that allows it: no note.
  const CommandResult allowed = RunShell(Check(host.tree, "--select SL5 --allowed-unsafe-sysctls 'net.core.*'"));
  EXPECT_EQ(allowed.out.find("SysctlForbidden"), std::string::npos) << allowed.out;
  // On a kernel before 5.4 a new namespace starts at 128.
  const CommandResult old = RunShell(Quote(SYNLINT_BIN) + " check --select SL501 --root " + Quote(host.tree) +
                                     " --kernel 4.19 --kubernetes " + kManifest);
  EXPECT_NE(old.out.find("namespace is 128"), std::string::npos) << old.out;
}

TEST(Containers, TheFixIsAPatchGitAppliesAndTheYamlStaysValid) {
  const FixtureHost host = FixtureHostNamed("hosts_container_k8s_nginx_configmap");
  TempDir dir;
  const std::string tree = dir.path() + "/tree";
  ASSERT_TRUE(CopyTree(host.tree, tree));
  const CommandResult diff = RunShell(Check(tree, "--select SL501 --diff --unsafe-fixes"));
  ASSERT_NE(diff.out.find("+      securityContext:"), std::string::npos) << Describe(diff);
  ASSERT_TRUE(WriteFile(dir.path() + "/fix.patch", diff.out));
  const CommandResult init = RunShell("git init -q . && git apply --check ../fix.patch && git apply ../fix.patch", tree);
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  const std::string fixed = ReadFile(tree + "/" + kManifest);
  // yaml-cpp reads the fixed manifest, and the pod now sets the value.
  std::vector<YAML::Node> docs;
  ASSERT_NO_THROW(docs = YAML::LoadAll(fixed)) << fixed;
  ASSERT_EQ(docs.size(), 3u);
  const YAML::Node sysctls = docs[0]["spec"]["template"]["spec"]["securityContext"]["sysctls"];
  ASSERT_TRUE(sysctls.IsSequence()) << fixed;
  EXPECT_EQ(sysctls[0]["name"].as<std::string>(), "net.core.somaxconn");
  EXPECT_EQ(sysctls[0]["value"].as<std::string>(), "8192");
  // So does PyYAML, when there is one.
  const CommandResult py = RunShell("python3 -c 'import yaml, sys; d = list(yaml.safe_load_all(open(sys.argv[1]))); "
                                    "print(d[0][\"spec\"][\"template\"][\"spec\"][\"securityContext\"])' " +
                                    Quote(tree + "/" + kManifest));
  if (py.err.find("No module named") == std::string::npos) {
    EXPECT_EQ(py.exit_code, 0) << Describe(py);
    EXPECT_NE(py.out.find("'value': '8192'"), std::string::npos) << py.out;
  }
  // Fixed: no SL501 left; SL502 says the kubelet must allow the key.
  const CommandResult again = RunShell(Check(tree, "--select SL5"));
  EXPECT_EQ(again.out.find("SL501"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("SL502"), std::string::npos) << again.out;
}

TEST(Containers, BadYamlIsAnErrorWithFileLineAndColumn) {
  TempDir dir;
  ASSERT_TRUE(WriteFile(dir.path() + "/bad.yaml", "apiVersion: v1\nkind: Pod\nspec: [1, 2\nmetadata: {}\n"));
  const CommandResult r = RunShell(Quote(SYNLINT_BIN) + " check --root " + Quote(dir.path()) +
                                   " --kernel 6.1 --kubernetes bad.yaml");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  // Where yaml-cpp gave up: the flow sequence opened on line 3 is still open at line 4, column 9.
  EXPECT_NE(r.out.find("bad.yaml:4:9: error: yaml: end of sequence flow not found [SL001]"), std::string::npos)
      << r.out;
  const CommandResult missing = RunShell(Quote(SYNLINT_BIN) + " check --root " + Quote(dir.path()) +
                                         " --kernel 6.1 --kubernetes nope.yaml");
  EXPECT_NE(missing.out.find("SL002"), std::string::npos) << Describe(missing);
  const CommandResult version = RunShell(Quote(SYNLINT_BIN) + " check --root " + Quote(dir.path()) +
                                         " --kubernetes-version 2.0");
  EXPECT_EQ(version.exit_code, 2) << Describe(version);
  EXPECT_NE(version.err.find("--kubernetes-version"), std::string::npos) << version.err;
}

}  // namespace
}  // namespace synlint::testing
