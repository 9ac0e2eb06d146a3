// SPDX-License-Identifier: MIT
// Kubernetes' safe sysctls by release and node kernel, and the container
// model on an in-memory repository (model/kubernetes_sysctls.h, containers.h).
#include <gtest/gtest.h>

#include "core/file_system.h"
#include "model/containers.h"
#include "model/kubernetes_sysctls.h"

namespace synlint {
namespace {

TEST(KubernetesSysctls, SafeByReleaseAndKernel) {
  std::string why;
  EXPECT_TRUE(KubernetesSafe("net.ipv4.tcp_syncookies", KernelVersion{1, 20}, KernelVersion{6, 1}, &why));
  EXPECT_FALSE(KubernetesSafe("net.core.somaxconn", std::nullopt, KernelVersion{6, 1}, &why));
  EXPECT_EQ(why, "not on Kubernetes' safe list");
  EXPECT_FALSE(KubernetesSafe("net.ipv4.ip_local_reserved_ports", KernelVersion{1, 26}, KernelVersion{6, 1}, &why));
  EXPECT_EQ(why, "on Kubernetes' safe list only since 1.27");
  EXPECT_TRUE(KubernetesSafe("net.ipv4.ip_local_reserved_ports", KernelVersion{1, 27}, KernelVersion{6, 1}, &why));
  EXPECT_FALSE(KubernetesSafe("net.ipv4.tcp_keepalive_time", std::nullopt, KernelVersion{4, 4}, &why));
  EXPECT_EQ(why, "kept on the kubelet's safe list only on node kernels 4.5 and later");
}

TEST(KubernetesSysctls, VersionsAndPatterns) {
  EXPECT_EQ(ParseKubernetesVersion("1.29"), (KernelVersion{1, 29}));
  EXPECT_EQ(ParseKubernetesVersion("v1.30.2"), (KernelVersion{1, 30}));
  for (const char* bad : {"", "1", "2.0", "1.x", "1.29.", "v", "1.29.3.4", "11111.1"})
    EXPECT_FALSE(ParseKubernetesVersion(bad)) << bad;
  EXPECT_TRUE(KubeletPatternAllows("net.ipv4.tcp_*", "net.ipv4.tcp_rmem"));
  EXPECT_FALSE(KubeletPatternAllows("net.ipv4.tcp_*", "net.core.somaxconn"));
  EXPECT_TRUE(KubeletPatternAllows("net.core.somaxconn", "net.core.somaxconn"));
}

TEST(Containers, ConfigMapNginxLocationsPointIntoTheManifest) {
  MemoryFileSystem fs;
  const std::string manifest =
      "kind: Pod\napiVersion: v1\nmetadata: {name: p}\nspec:\n  containers:\n  - name: n\n    image: nginx\n"
      "    volumeMounts: [{name: c, mountPath: /etc/nginx/conf.d}]\n  volumes: [{name: c, configMap: {name: cm}}]\n"
      "---\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: cm}\ndata:\n  a.conf: |\n"
      "    server {\n      listen 81 backlog=300;\n    }\n  b.conf: |\n    server { listen 82 backlog=\n";
  fs.AddFile("m.yaml", manifest);
  SourceSet sources(fs);
  const ContainerModel m = LoadContainers(sources, {{"m.yaml"}, {}, {}});
  ASSERT_EQ(m.namespaces.size(), 1u);
  ASSERT_EQ(m.namespaces[0].services.size(), 1u);
  const ServiceFacts& nginx = m.namespaces[0].services[0];
  ASSERT_GE(nginx.listeners.size(), 1u);
  const Listener& l = nginx.listeners[0];
  ASSERT_TRUE(l.backlog);
  EXPECT_EQ(l.backlog->location.file, "m.yaml");
  // Byte for byte: the span is the same text in the manifest.
  EXPECT_EQ(manifest.substr(l.backlog->location.span.begin, l.backlog->location.span.size()), "backlog=300");
  EXPECT_EQ(l.backlog->location.start.line, 17u);
  // b.conf's syntax error is SL001 in the manifest, not in a file of the container.
  bool syntax = false;
  for (const Finding& f : m.findings) syntax = syntax || (f.rule == "SL001" && f.location.file == "m.yaml");
  EXPECT_TRUE(syntax);
}

}  // namespace
}  // namespace synlint
