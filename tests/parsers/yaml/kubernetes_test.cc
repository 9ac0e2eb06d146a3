// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "parsers/yaml/kubernetes.h"

namespace synlint::yaml {
namespace {

KubernetesObjects Extract(const std::string& text) {
  const YamlFile f = ReadYaml(text);
  EXPECT_FALSE(f.error) << f.error->message;
  KubernetesObjects out;
  ExtractKubernetes(text, f.docs, &out);
  return out;
}

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      securityContext:
        sysctls:
          - name: net.core.somaxconn
            value: "1024"   # quoted, as Kubernetes wants
      containers:
        - name: nginx
          image: nginx:1.25
          args: ["sh", "-c", "sysctl -w net.ipv4.tcp_syncookies=1 && nginx"]
          volumeMounts:
            - {name: conf, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}
      volumes:
        - name: conf
          configMap: {name: web-conf}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-conf
data:
  nginx.conf: |
    events {}
  plain: "x"
)";

TEST(Kubernetes, ReadsPodTemplateSysctlsContainersAndConfigMaps) {
  const std::string text = kDeployment;
  const KubernetesObjects k = Extract(text);
  EXPECT_TRUE(k.errors.empty());
  ASSERT_EQ(k.pods.size(), 1u);
  const Pod& p = k.pods[0];
  EXPECT_EQ(p.kind, "Deployment");
  EXPECT_EQ(p.name, "web");
  EXPECT_EQ(text.substr(p.at.begin, p.at.size()), "Deployment");
  ASSERT_EQ(p.sysctls.size(), 1u);
  EXPECT_EQ(p.sysctls[0].name.value, "net.core.somaxconn");
  ASSERT_TRUE(p.sysctls[0].value);
  EXPECT_EQ(text.substr(p.sysctls[0].value->span.begin, p.sysctls[0].value->span.size()), "\"1024\"");
  ASSERT_TRUE(p.add_sysctl);
  EXPECT_EQ(p.add_sysctl->indent, "          ");
  EXPECT_EQ(p.add_sysctl->open, "");
  EXPECT_EQ(text.substr(p.add_sysctl->where, 16), "          - name");
  ASSERT_EQ(p.containers.size(), 1u);
  EXPECT_EQ(p.containers[0].image, "nginx:1.25");
  ASSERT_EQ(p.containers[0].mounts.size(), 1u);
  EXPECT_EQ(p.containers[0].mounts[0].sub_path, "nginx.conf");
  ASSERT_EQ(p.configmap_volumes.size(), 1u);
  EXPECT_EQ(p.configmap_volumes[0].second, "web-conf");
  const auto writes = SysctlWrites(text, p.containers[0].command);
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(writes[0].key, "net.ipv4.tcp_syncookies");
  EXPECT_EQ(text.substr(writes[0].span.begin, writes[0].span.size()), "net.ipv4.tcp_syncookies=1");
  ASSERT_EQ(k.configmaps.size(), 1u);
  ASSERT_EQ(k.configmaps[0].data.size(), 2u);
  EXPECT_TRUE(k.configmaps[0].data[0].block);
  EXPECT_FALSE(k.configmaps[0].data[1].block);
}

TEST(Kubernetes, InsertionPointsWhenSysctlsOrSecurityContextAreMissing) {
  const std::string text =
      "kind: Pod\napiVersion: v1\nspec:\n  containers: []\n---\nkind: Pod\napiVersion: v1\nspec:\n"
      "  securityContext:\n    runAsUser: 1\n  containers: []\n---\nkind: Pod\napiVersion: v1\nspec: {containers: []}\n";
  const KubernetesObjects k = Extract(text);
  ASSERT_EQ(k.pods.size(), 3u);
  ASSERT_TRUE(k.pods[0].add_sysctl);
  EXPECT_EQ(k.pods[0].add_sysctl->open, "securityContext");
  EXPECT_EQ(k.pods[0].add_sysctl->indent, "  ");
  EXPECT_EQ(text.substr(k.pods[0].add_sysctl->where, 12), "  containers");
  ASSERT_TRUE(k.pods[1].add_sysctl);
  EXPECT_EQ(k.pods[1].add_sysctl->open, "sysctls");
  EXPECT_EQ(k.pods[1].add_sysctl->indent, "    ");
  EXPECT_FALSE(k.pods[2].add_sysctl);  // flow style: no safe place
}

TEST(Kubernetes, ListsCronJobsKubeletConfigsAndAnchors) {
  const std::string text = R"(apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: CronJob
    metadata: {name: tick}
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              securityContext:
                sysctls: &s
                  - {name: net.ipv4.ip_local_port_range, value: "1024 65000"}
              containers: [{name: c, image: busybox}]
  - apiVersion: v1
    kind: Pod
    metadata: {name: again}
    spec:
      securityContext:
        sysctls: *s
---
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
allowedUnsafeSysctls: ["net.core.somaxconn", 'net.ipv4.tcp_*']
)";
  const KubernetesObjects k = Extract(text);
  ASSERT_EQ(k.pods.size(), 2u);
  EXPECT_EQ(k.pods[0].kind, "CronJob");
  ASSERT_EQ(k.pods[1].sysctls.size(), 1u);
  EXPECT_EQ(k.pods[1].sysctls[0].value->value, "1024 65000");
  ASSERT_EQ(k.kubelets.size(), 1u);
  ASSERT_EQ(k.kubelets[0].allowed_unsafe_sysctls.size(), 2u);
  EXPECT_EQ(k.kubelets[0].allowed_unsafe_sysctls[1].value, "net.ipv4.tcp_*");
}

TEST(Kubernetes, WrongShapesAreErrorsNotCrashes) {
  const std::string text = "kind: Pod\napiVersion: v1\nspec:\n  securityContext:\n    sysctls: {a: b}\n---\n"
                           "kind: Pod\napiVersion: v1\nspec:\n  securityContext:\n    sysctls: [x, {value: 1}]\n"
                           "---\nkind: [1]\n---\n- 1\n---\nkind: Deployment\nspec: 3\n";
  const KubernetesObjects k = Extract(text);
  EXPECT_EQ(k.errors.size(), 3u);
}

}  // namespace
}  // namespace synlint::yaml
