import type { Detector, Finding, Parsers } from "../types.js";
import type { LineCounter } from "yaml";
import { chartFindings, imageFindings } from "./container-images.js";
import { baseName, hasFileName, isYamlPath, itemFinding } from "./dependency-rules.js";
import { yamlNodeLine } from "./find-line.js";
import { parseYamlDocuments } from "./structured-text.js";
import { scalarAt, seqItems } from "./yaml-nodes.js";

/** Chart.yaml: the chart itself (helm, a service) and its dependencies (Bitnami postgresql, redis, kafka …). */
export const helmChartDetector: Detector = {
  id: "helm-chart",
  uses: ["yaml"],
  matchesByName: true,
  matches: (path) => hasFileName(path, "Chart.yaml"),
  detect(file, parsers) {
    const parsed = parseYamlDocuments(file, parsers.yaml);
    if (!parsed.ok) return [parsed.warning];
    const { documents, counter } = parsed.value;
    const doc = documents[0];
    if (!doc) return [];
    const name = scalarAt(parsers.yaml, doc, ["name"], counter);
    const version = scalarAt(parsers.yaml, doc, ["version"], counter);
    const chartLine = name?.line ?? 1;
    const findings: Finding[] = [itemFinding("infra", "helm", { file: file.path, line: chartLine, detail: `chart ${String(name?.value ?? "")} ${String(version?.value ?? "")}`.trim() })];
    if (typeof name?.value === "string") {
      findings.push({ kind: "service", name: name.value, source: "helm", evidence: { file: file.path, line: name.line, detail: "Helm chart" } });
    }
    for (const dependency of seqItems(parsers.yaml, doc, ["dependencies"])) {
      const depName = scalarAt(parsers.yaml, dependency, ["name"], counter);
      if (typeof depName?.value !== "string") continue;
      const depVersion = scalarAt(parsers.yaml, dependency, ["version"], counter);
      const evidence = { file: file.path, line: depName.line, detail: `chart dependency ${depName.value} ${String(depVersion?.value ?? "")}`.trim() };
      findings.push({ kind: "service", name: depName.value, source: "helm", evidence });
      findings.push(...chartFindings(depName.value, evidence));
    }
    return findings;
  },
};

/** Every `image` entry of a values tree: `image: repo:tag` or `image: {registry, repository, tag}`. Other keys (passwords …) are never read. */
function valuesImages(yaml: Parsers["yaml"], node: unknown, counter: LineCounter, found: Array<{ image: string; line: number | undefined }>, depth = 0): void {
  if (depth > 12) return;
  if (yaml.isSeq(node)) for (const item of node.items) valuesImages(yaml, item, counter, found, depth + 1);
  if (!yaml.isMap(node)) return;
  for (const pair of node.items) {
    const key = yaml.isScalar(pair.key) ? pair.key.value : pair.key;
    if (key === "image" && yaml.isScalar(pair.value) && typeof pair.value.value === "string") {
      found.push({ image: pair.value.value, line: yamlNodeLine(pair.value, counter) });
    } else if (key === "image" && yaml.isMap(pair.value)) {
      const repository = scalarAt(yaml, pair.value, ["repository"], counter);
      const tag = scalarAt(yaml, pair.value, ["tag"], counter);
      if (typeof repository?.value === "string") {
        const suffix = typeof tag?.value === "string" || typeof tag?.value === "number" ? `:${String(tag.value)}` : "";
        found.push({ image: `${repository.value}${suffix}`, line: repository.line });
      }
    } else {
      valuesImages(yaml, pair.value, counter, found, depth + 1);
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
    for (const doc of parsed.value.documents) valuesImages(parsers.yaml, doc.contents, parsed.value.counter, images);
    if (images.length === 0) return [];
    const findings: Finding[] = [itemFinding("infra", "helm", { file: file.path, detail: "Helm values" })];
    for (const { image, line } of images) findings.push(...imageFindings(image, { file: file.path, line, detail: `image ${image}` }));
    return findings;
  },
};
