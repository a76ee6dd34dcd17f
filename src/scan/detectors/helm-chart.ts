import type { Detector, Finding } from "../types.js";
import { chartFindings, imageFindings } from "./container-images.js";
import { baseName, hasFileName, isYamlPath, itemFinding } from "./dependency-rules.js";
import { parseYamlDocuments } from "./structured-text.js";
import { mapOf, scalarAt, seqItems } from "./yaml-nodes.js";
import type { YamlSpot } from "./yaml-outline.js";

/** Chart.yaml: the chart itself (helm, a service) and its dependencies (Bitnami postgresql, redis, kafka …). */
export const helmChartDetector: Detector = {
  id: "helm-chart",
  uses: ["yaml"],
  matchesByName: true,
  matches: (path) => hasFileName(path, "Chart.yaml"),
  detect(file, parsers) {
    const parsed = parseYamlDocuments(file, parsers.yaml);
    if (!parsed.ok) return [parsed.warning];
    const doc = parsed.value.docs[0];
    if (doc === undefined) return [];
    const spot = parsed.value.spot(0);
    const name = scalarAt(doc, spot, ["name"]);
    const version = scalarAt(doc, spot, ["version"]);
    const chartLine = name?.line ?? 1;
    const findings: Finding[] = [itemFinding("infra", "helm", { file: file.path, line: chartLine, detail: `chart ${String(name?.value ?? "")} ${String(version?.value ?? "")}`.trim() })];
    if (typeof name?.value === "string") {
      findings.push({ kind: "service", name: name.value, source: "helm", evidence: { file: file.path, line: name.line, detail: "Helm chart" } });
    }
    for (let index = 0; index < seqItems(doc, ["dependencies"]).length; index++) {
      const depName = scalarAt(doc, spot, ["dependencies", index, "name"]);
      if (typeof depName?.value !== "string") continue;
      const depVersion = scalarAt(doc, spot, ["dependencies", index, "version"]);
      const evidence = { file: file.path, line: depName.line, detail: `chart dependency ${depName.value} ${String(depVersion?.value ?? "")}`.trim() };
      findings.push({ kind: "service", name: depName.value, source: "helm", evidence });
      findings.push(...chartFindings(depName.value, evidence));
    }
    return findings;
  },
};

/** Every `image` entry of a values tree: `image: repo:tag` or `image: {registry, repository, tag}`. Other keys (passwords …) are never read. */
function valuesImages(node: unknown, spot: YamlSpot, found: Array<{ image: string; line: number | undefined }>, depth = 0): void {
  if (depth > 12) return;
  if (Array.isArray(node)) node.forEach((item, index) => valuesImages(item, spot.at(index), found, depth + 1));
  const map = mapOf(node);
  if (!map) return;
  for (const [key, value] of Object.entries(map)) {
    const image = mapOf(value);
    if (key === "image" && typeof value === "string") {
      found.push({ image: value, line: spot.at(key).valueStart });
    } else if (key === "image" && image) {
      const repository = scalarAt(image, spot.at(key), ["repository"]);
      const tag = scalarAt(image, spot.at(key), ["tag"]);
      if (typeof repository?.value === "string") {
        const suffix = typeof tag?.value === "string" || typeof tag?.value === "number" ? `:${String(tag.value)}` : "";
        found.push({ image: `${repository.value}${suffix}`, line: repository.line });
      }
    } else {
      valuesImages(value, spot.at(key), found, depth + 1);
    }
  }
}

/** Helm values files (`values*.yaml`): helm, plus what the image repositories they set are. */
export const helmValuesDetector: Detector = {
  id: "helm-values",
  uses: ["yaml"],
  matchesByName: true,
  matches: (path) => isYamlPath(path) && path.includes("values") && /^values([.-][\w.-]+)?\.ya?ml$/.test(baseName(path)),
  detect(file, parsers) {
    if (!/\bimage:/.test(file.text)) return [];
    const parsed = parseYamlDocuments(file, parsers.yaml);
    if (!parsed.ok) return [parsed.warning];
    const images: Array<{ image: string; line: number | undefined }> = [];
    parsed.value.docs.forEach((doc, index) => valuesImages(doc, parsed.value.spot(index), images));
    if (images.length === 0) return [];
    const findings: Finding[] = [itemFinding("infra", "helm", { file: file.path, detail: "Helm values" })];
    for (const { image, line } of images) findings.push(...imageFindings(image, { file: file.path, line, detail: `image ${image}` }));
    return findings;
  },
};
