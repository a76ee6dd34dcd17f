import { describe, expect, it } from "@jest/globals";
import { helmChartDetector, helmValuesDetector } from "../../../src/scan/detectors/helm-chart.js";
import { kubernetesManifestDetector } from "../../../src/scan/detectors/kubernetes-manifests.js";
import { evidenceOf, itemKeys, runDetector, warningsOf } from "./run-detector.js";

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/orders-api:1.4.2
        - name: cache
          image: redis:7.2-alpine
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: kafka
spec:
  template:
    spec:
      containers:
        - name: kafka
          image: bitnami/kafka:3.7
---
apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
stringData:
  password: planted-k8s-secret-value
  image: postgres:16
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
---
`;

describe("kubernetes manifest detector", () => {
  it("matches YAML files except those other detectors own", () => {
    expect(kubernetesManifestDetector.matches("deploy/k8s/app.yaml")).toBe(true);
    expect(kubernetesManifestDetector.matches("k8s/secret.yml")).toBe(true);
    for (const path of ["docker-compose.yml", ".github/workflows/ci.yml", "charts/app/Chart.yaml", "charts/app/values.yaml", "api/openapi.yaml", ".gitlab-ci.yml", "pnpm-lock.yaml", "README.md"]) {
      expect(kubernetesManifestDetector.matches(path)).toBe(false);
    }
  });

  it("reports kinds, workloads as services, images and ingress controllers", async () => {
    const findings = await runDetector(kubernetesManifestDetector, "k8s/all.yaml", MANIFESTS);
    expect(itemKeys(findings)).toEqual(["caches:redis@7.2", "infra:kubernetes", "infra:nginx", "messaging:kafka@3.7"]);
    const services = findings.filter((f) => f.kind === "service");
    expect(services).toEqual([
      { kind: "service", name: "orders-api", source: "kubernetes", image: "ghcr.io/acme/orders-api:1.4.2", evidence: { file: "k8s/all.yaml", line: 4, detail: "Deployment orders-api" } },
      { kind: "service", name: "kafka", source: "kubernetes", image: "bitnami/kafka:3.7", evidence: { file: "k8s/all.yaml", line: 17, detail: "StatefulSet kafka" } },
    ]);
    expect(evidenceOf(findings, "redis")).toEqual([{ file: "k8s/all.yaml", line: 12, detail: "image redis:7.2-alpine" }]);
    expect(evidenceOf(findings, "nginx")).toEqual([{ file: "k8s/all.yaml", line: 39, detail: "ingress class nginx" }]);
    expect(evidenceOf(findings, "kubernetes").map((e) => e.detail)).toEqual(["kind Deployment", "kind StatefulSet", "kind Secret", "kind Ingress"]);
  });

  it("never reads Secret content", async () => {
    const findings = await runDetector(kubernetesManifestDetector, "k8s/all.yaml", MANIFESTS);
    const text = JSON.stringify(findings);
    expect(text).not.toContain("planted-k8s-secret-value");
    expect(text).not.toContain("db-credentials");
    expect(itemKeys(findings)).not.toContain("datastores:postgresql@16");
  });

  it("stays silent on YAML that is not a manifest and on Helm templates", async () => {
    expect(await runDetector(kubernetesManifestDetector, "config/app.yaml", "server:\n  port: 8080\n")).toEqual([]);
    expect(await runDetector(kubernetesManifestDetector, "charts/x/templates/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n")).toEqual([]);
  });

  it("recognises a kustomization without apiVersion", async () => {
    const findings = await runDetector(kubernetesManifestDetector, "deploy/kustomization.yaml", "resources:\n  - deployment.yaml\n");
    expect(itemKeys(findings)).toEqual(["infra:kubernetes", "infra:kustomize"]);
  });

  it("turns a broken manifest into a warning with its line", async () => {
    const findings = await runDetector(kubernetesManifestDetector, "k8s/bad.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n");
    expect(findings).toHaveLength(1);
    expect(warningsOf(findings)[0]).toMatchObject({ file: "k8s/bad.yaml" });
    expect(warningsOf(findings)[0]?.line).toBeGreaterThanOrEqual(4);
  });
});

describe("Helm detectors", () => {
  it("reads a chart and its dependencies", async () => {
    const chart = `apiVersion: v2\nname: orders\nversion: 0.3.1\nappVersion: "1.4.2"\ndependencies:\n  - name: postgresql\n    version: 15.2.5\n    repository: oci://registry-1.docker.io/bitnamicharts\n  - name: redis\n    version: 19.0.1\n    repository: https://charts.bitnami.com/bitnami\n`;
    const findings = await runDetector(helmChartDetector, "charts/orders/Chart.yaml", chart);
    expect(itemKeys(findings)).toEqual(["caches:redis", "datastores:postgresql", "infra:helm"]);
    expect(evidenceOf(findings, "helm")).toEqual([{ file: "charts/orders/Chart.yaml", line: 2, detail: "chart orders 0.3.1" }]);
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "charts/orders/Chart.yaml", line: 6, detail: "chart dependency postgresql 15.2.5" }]);
    expect(findings.filter((f) => f.kind === "service").map((f) => f.kind === "service" && f.name)).toEqual(["orders", "postgresql", "redis"]);
  });

  it("reads image repositories from values, and no other values", async () => {
    const values = `replicaCount: 2\nimage:\n  repository: ghcr.io/acme/orders\n  tag: "1.4.2"\npostgresql:\n  auth:\n    password: planted-helm-password\n  image:\n    registry: docker.io\n    repository: bitnami/postgresql\n    tag: 16.2.0\nworker:\n  image: rabbitmq:3.13-management\n`;
    const findings = await runDetector(helmValuesDetector, "charts/orders/values.yaml", values);
    expect(itemKeys(findings)).toEqual(["datastores:postgresql@16.2.0", "infra:helm", "messaging:rabbitmq@3.13"]);
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "charts/orders/values.yaml", line: 10, detail: "image bitnami/postgresql:16.2.0" }]);
    expect(JSON.stringify(findings)).not.toContain("planted-helm-password");
  });
});
