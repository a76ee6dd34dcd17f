import { describe, expect, it } from "@jest/globals";
import { kubernetesManifestDetector } from "../../../src/scan/detectors/kubernetes-manifests.js";
import { evidenceOf, itemKeys, runDetector } from "./run-detector.js";

// Custom resources whose API group proves the technology serving them (groups and kinds as the projects document them).
const MESH = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
---
apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata:
  name: default
spec:
  mtls:
    mode: STRICT
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: l7-rule
---
apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata:
  name: cluster-rule
---
apiVersion: policy.linkerd.io/v1beta1
kind: Server
metadata:
  name: web-http
---
apiVersion: linkerd.io/v1alpha2
kind: ServiceProfile
metadata:
  name: web.default.svc.cluster.local
---
apiVersion: configuration.konghq.com/v1
kind: KongPlugin
metadata:
  name: rate-limit
plugin: rate-limiting
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: strip-prefix
---
apiVersion: consul.hashicorp.com/v1alpha1
kind: ServiceIntentions
metadata:
  name: api
---
apiVersion: planetscale.com/v2
kind: VitessCluster
metadata:
  name: commerce
`;

describe("kubernetes custom resources", () => {
  it("names the technology a custom resource's API group proves, cited on its kind line", async () => {
    const findings = await runDetector(kubernetesManifestDetector, "k8s/mesh.yaml", MESH);
    expect(itemKeys(findings)).toEqual([
      "datastores:vitess",
      "infra:cilium",
      "infra:consul",
      "infra:istio",
      "infra:kong",
      "infra:kubernetes",
      "infra:linkerd",
      "infra:traefik",
    ]);
    expect(evidenceOf(findings, "istio")).toEqual([
      { file: "k8s/mesh.yaml", line: 2, detail: "kind VirtualService (networking.istio.io/v1)" },
      { file: "k8s/mesh.yaml", line: 9, detail: "kind PeerAuthentication (security.istio.io/v1beta1)" },
    ]);
    expect(evidenceOf(findings, "cilium")).toEqual([
      { file: "k8s/mesh.yaml", line: 17, detail: "kind CiliumNetworkPolicy (cilium.io/v2)" },
      { file: "k8s/mesh.yaml", line: 22, detail: "kind CiliumClusterwideNetworkPolicy (cilium.io/v2)" },
    ]);
    expect(evidenceOf(findings, "linkerd")).toEqual([
      { file: "k8s/mesh.yaml", line: 27, detail: "kind Server (policy.linkerd.io/v1beta1)" },
      { file: "k8s/mesh.yaml", line: 32, detail: "kind ServiceProfile (linkerd.io/v1alpha2)" },
    ]);
    expect(evidenceOf(findings, "kong")).toEqual([{ file: "k8s/mesh.yaml", line: 37, detail: "kind KongPlugin (configuration.konghq.com/v1)" }]);
    expect(evidenceOf(findings, "traefik")).toEqual([{ file: "k8s/mesh.yaml", line: 43, detail: "kind Middleware (traefik.io/v1alpha1)" }]);
    expect(evidenceOf(findings, "consul")).toEqual([{ file: "k8s/mesh.yaml", line: 48, detail: "kind ServiceIntentions (consul.hashicorp.com/v1alpha1)" }]);
    expect(evidenceOf(findings, "vitess")).toEqual([{ file: "k8s/mesh.yaml", line: 53, detail: "kind VitessCluster (planetscale.com/v2)" }]);
  });

  it("keeps the Traefik v2 group and IngressRoute working", async () => {
    const findings = await runDetector(kubernetesManifestDetector, "k8s/route.yaml", "apiVersion: traefik.containo.us/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: web\n");
    expect(evidenceOf(findings, "traefik")).toEqual([{ file: "k8s/route.yaml", line: 2, detail: "kind IngressRoute (traefik.containo.us/v1alpha1)" }]);
  });

  it("ignores core groups, unknown groups and kinds a narrowed group does not list", async () => {
    const text = [
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: istio\n",
      "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: web\n",
      "apiVersion: linkerd.io/v1alpha1\nkind: SomethingElse\nmetadata:\n  name: x\n",
      "apiVersion: planetscale.com/v2\nkind: UnrelatedThing\nmetadata:\n  name: y\n",
      "apiVersion: example.com/v1\nkind: VirtualService\nmetadata:\n  name: z\n",
    ].join("---\n");
    const findings = await runDetector(kubernetesManifestDetector, "k8s/other.yaml", text);
    expect(itemKeys(findings)).toEqual(["infra:kubernetes"]);
  });
});
