import type { Detector, Finding, ScannedFile } from "../types.js";
import { imageFindings } from "./container-images.js";
import { baseName, isYamlPath, itemFinding, tech, type TechRef } from "./dependency-rules.js";
import { parseYamlDocuments } from "./structured-text.js";
import { scalarAt, seqItems } from "./yaml-nodes.js";
import type { YamlSpot } from "./yaml-outline.js";

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
  Pod: ["spec"],
};

/**
 * Custom resource API groups (the part of `apiVersion` before the slash) whose resources prove the technology that
 * serves them; `kinds` narrows a group to the kinds checked in the project's documentation. One Map lookup a document.
 */
const CUSTOM_RESOURCE_GROUPS: ReadonlyMap<string, { ref: TechRef; kinds?: ReadonlySet<string> }> = new Map([
  // vitess-operator (planetscale.com/v2)
  ["planetscale.com", { ref: tech("datastores", "vitess"), kinds: new Set(["VitessCluster", "VitessCell", "VitessKeyspace"]) }],
  // VirtualService, Gateway, DestinationRule, ServiceEntry …; PeerAuthentication, AuthorizationPolicy, RequestAuthentication
  ["networking.istio.io", { ref: tech("infra", "istio") }],
  ["security.istio.io", { ref: tech("infra", "istio") }],
  // CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy …
  ["cilium.io", { ref: tech("infra", "cilium") }],
  // Server, ServerAuthorization, AuthorizationPolicy …; ServiceProfile (linkerd.io/v1alpha2)
  ["policy.linkerd.io", { ref: tech("infra", "linkerd") }],
  ["linkerd.io", { ref: tech("infra", "linkerd"), kinds: new Set(["ServiceProfile"]) }],
  // KongPlugin, KongClusterPlugin, KongIngress, KongConsumer
  ["configuration.konghq.com", { ref: tech("infra", "kong") }],
  // IngressRoute, Middleware, TLSOption …: traefik.io in current Traefik, traefik.containo.us in older v2 releases
  ["traefik.io", { ref: tech("infra", "traefik") }],
  ["traefik.containo.us", { ref: tech("infra", "traefik") }],
  // Consul on Kubernetes config entries: ServiceDefaults, ServiceIntentions, ServiceResolver …
  ["consul.hashicorp.com", { ref: tech("infra", "consul") }],
]);

/** The technology a custom resource proves, from its API group and kind; undefined for core and unknown groups. */
function customResourceRef(apiVersion: string, kind: string): TechRef | undefined {
  const slash = apiVersion.indexOf("/");
  if (slash <= 0) return undefined;
  const rule = CUSTOM_RESOURCE_GROUPS.get(apiVersion.slice(0, slash));
  if (!rule || (rule.kinds && !rule.kinds.has(kind))) return undefined;
  return rule.ref;
}

/** YAML files other detectors own (compose, CI, Helm, OpenAPI, lock files): not Kubernetes manifests. */
const NOT_MANIFEST =
  /(^|\/)(\.github|\.circleci|\.buildkite|\.woodpecker|\.gitlab)\/|(^|\/)(\.gitlab-ci|\.travis|\.drone|\.woodpecker|bitbucket-pipelines|azure-pipelines|pnpm-lock|pnpm-workspace|\.pre-commit-config|mkdocs|Chart|values([.-][\w.-]+)?|[^/]*compose[^/]*|[^/]*openapi[^/]*|[^/]*swagger[^/]*)\.ya?ml$|(^|\/)config\/database\.yml$/i;

/** Findings for one manifest document; `Secret`-like kinds are reported by kind only, their content is never read. */
function documentFindings(file: ScannedFile, doc: unknown, spot: YamlSpot): Finding[] {
  const kind = scalarAt(doc, spot, ["kind"]);
  const apiVersion = scalarAt(doc, spot, ["apiVersion"]);
  if (typeof kind?.value !== "string" || typeof apiVersion?.value !== "string") return [];
  const at = { file: file.path, line: kind.line };
  const findings: Finding[] = [itemFinding("infra", "kubernetes", { ...at, detail: `kind ${kind.value}` })];
  if (/secret/i.test(kind.value)) return findings;

  const podSpecPath = POD_SPEC_PATHS[kind.value];
  if (podSpecPath) {
    const name = scalarAt(doc, spot, ["metadata", "name"]);
    const containerPaths = ["containers", "initContainers"].flatMap((list) => seqItems(doc, [...podSpecPath, list]).map((_, index) => [...podSpecPath, list, index]));
    const images = containerPaths.flatMap((containerPath) => {
      const image = scalarAt(doc, spot, [...containerPath, "image"]);
      return typeof image?.value === "string" ? [{ image: image.value, line: image.line }] : [];
    });
    if (typeof name?.value === "string") {
      const service: Finding = { kind: "service", name: name.value, source: "kubernetes", evidence: { file: file.path, line: name.line, detail: `${kind.value} ${name.value}` } };
      if (images[0]) service.image = images[0].image;
      findings.push(service);
    }
    for (const { image, line } of images) findings.push(...imageFindings(image, { file: file.path, line, detail: `image ${image}` }));
  }
  if (kind.value === "Ingress") {
    const className = scalarAt(doc, spot, ["spec", "ingressClassName"]) ?? scalarAt(doc, spot, ["metadata", "annotations", "kubernetes.io/ingress.class"]);
    const controller = typeof className?.value === "string" ? /nginx|traefik|haproxy|kong|istio/.exec(className.value)?.[0] : undefined;
    if (controller && className) findings.push(itemFinding("infra", controller, { file: file.path, line: className.line, detail: `ingress class ${String(className.value)}` }));
  }
  const custom = customResourceRef(apiVersion.value, kind.value);
  if (custom) findings.push(itemFinding(custom.category, custom.name, { ...at, detail: `kind ${kind.value} (${apiVersion.value})` }));
  if (kind.value === "Kustomization") findings.push(itemFinding("infra", "kustomize", at));
  return findings;
}

/**
 * Kubernetes manifests: any YAML file (multi-document) whose documents carry `apiVersion` and `kind`.
 * Helm templates (`{{ }}`) are left to the Helm detector; files without both keys are not manifests and stay silent.
 */
export const kubernetesManifestDetector: Detector = {
  id: "kubernetes-manifests",
  uses: ["yaml"],
  matches: (path) => isYamlPath(path) && !NOT_MANIFEST.test(path),
  detect(file, parsers) {
    if (!/^apiVersion:/m.test(file.text) || !/^kind:/m.test(file.text)) {
      if (!/^kustomization\.ya?ml$/i.test(baseName(file.path))) return [];
      const evidence = { file: file.path, detail: "Kustomization" };
      return [itemFinding("infra", "kustomize", evidence), itemFinding("infra", "kubernetes", evidence)];
    }
    if (file.text.includes("{{")) return [];
    const parsed = parseYamlDocuments(file, parsers.yaml);
    if (!parsed.ok) return [parsed.warning];
    const { docs, spot } = parsed.value;
    return docs.flatMap((doc, index) => (doc !== null && doc !== undefined ? documentFindings(file, doc, spot(index)) : []));
  },
};
