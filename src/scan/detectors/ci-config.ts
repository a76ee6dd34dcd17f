import type { Detector, Evidence, Finding, ScannedFile } from "../types.js";
import { commandRefs, stepRefs } from "./ci-deploy-rules.js";
import { imageFindings } from "./container-images.js";
import { isYamlPath, itemFinding, itemFindings, tech, type TechRef } from "./dependency-rules.js";
import { parseYamlDocuments } from "./structured-text.js";
import { mapOf } from "./yaml-nodes.js";
import type { YamlSpot } from "./yaml-outline.js";

/** YAML CI systems by config path → canonical name (and the platform a hosted one implies). */
const CI_SYSTEMS: Array<[RegExp, string, TechRef[]]> = [
  [/^\.github\/workflows\/[^/]+\.ya?ml$/, "github-actions", []],
  [/(^|\/)\.gitlab-ci\.ya?ml$|^\.gitlab\/ci\/[^/]+\.ya?ml$/, "gitlab-ci", []],
  [/^\.travis\.ya?ml$/, "travis-ci", []],
  [/^\.circleci\/config\.ya?ml$/, "circleci", []],
  [/^\.woodpecker\.ya?ml$|^\.woodpecker\/[^/]+\.ya?ml$/, "woodpecker", []],
  [/^(\.azure-pipelines\/[^/]+|azure-pipelines[^/]*)\.ya?ml$/, "azure-pipelines", []],
  [/^bitbucket-pipelines\.ya?ml$/, "bitbucket-pipelines", []],
  [/^\.drone\.ya?ml$/, "drone", []],
  [/^\.buildkite\/[^/]*pipeline[^/]*\.ya?ml$|^buildkite\.ya?ml$/, "buildkite", []],
  [/^\.?appveyor\.ya?ml$/, "appveyor", []],
  [/(^|\/)cloudbuild\.ya?ml$/, "google-cloud-build", [tech("infra", "gcp")]],
  [/(^|\/)buildspec\.ya?ml$/, "aws-codebuild", [tech("infra", "aws")]],
];

/** The CI system a path is the configuration of, if any. */
export function ciSystemOf(path: string): { name: string; implies: TechRef[] } | undefined {
  if (!isYamlPath(path)) return undefined;
  const hit = CI_SYSTEMS.find(([pattern]) => pattern.test(path));
  return hit ? { name: hit[1], implies: hit[2] } : undefined;
}

/** Keys whose string value names a reusable step: GitHub `uses`, Azure `task`, Drone/Woodpecker plugin `image`. */
const STEP_KEYS = new Set(["uses", "task", "image", "orb"]);

/** Walks every node: step references, images of build and service containers, and shell commands with their lines. */
function walk(node: unknown, spot: YamlSpot, file: ScannedFile, out: Finding[], key?: unknown, depth = 0): void {
  if (depth > 40) return;
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, spot.at(index), file, out, key === "services" ? "image" : key, depth + 1));
    return;
  }
  const map = mapOf(node);
  if (map) {
    // CircleCI `orbs: { name: "circleci/aws-ecs@4" }` values are step references too.
    for (const [pairKey, value] of Object.entries(map)) walk(value, spot.at(pairKey), file, out, key === "orbs" ? "orb" : pairKey, depth + 1);
    return;
  }
  if (typeof node !== "string") return;
  const line = spot.valueStart;
  if (typeof key === "string" && STEP_KEYS.has(key)) {
    const evidence: Evidence = { file: file.path, line, detail: `${key} ${node}` };
    out.push(...itemFindings(stepRefs(node), evidence));
    // A CI image tells which services tests run against (postgres:16); build-tool images do not name the app's language.
    if (key === "image") out.push(...imageFindings(node, evidence).filter((f) => f.kind !== "item" || f.category !== "languages"));
    return;
  }
  const block = spot.block ? 1 : 0;
  node.split("\n").forEach((commandLine, index) => {
    const { refs, command } = commandRefs(commandLine);
    if (refs.length === 0) return;
    const at = line === undefined ? undefined : line + block + index;
    out.push(...itemFindings(refs, { file: file.path, line: at, detail: `runs ${command}` }));
  });
}

/** CI configuration files of every YAML-based system: the system itself, plus what its steps build and deploy. */
export const ciConfigDetector: Detector = {
  id: "ci-config",
  uses: ["yaml"],
  matches: (path) => ciSystemOf(path) !== undefined,
  detect(file, parsers) {
    const system = ciSystemOf(file.path);
    if (!system) return [];
    const findings: Finding[] = [
      itemFinding("ci", system.name, { file: file.path, detail: `${system.name} configuration` }),
      ...itemFindings(system.implies, { file: file.path, detail: `${system.name} configuration` }),
    ];
    const parsed = parseYamlDocuments(file, parsers.yaml);
    if (!parsed.ok) return [...findings, parsed.warning];
    parsed.value.docs.forEach((doc, index) => walk(doc, parsed.value.spot(index), file, findings));
    return findings;
  },
};

/** Jenkinsfile (Groovy): jenkins, plus the deploy commands its `sh` steps run, by line. */
export const jenkinsfileDetector: Detector = {
  id: "ci-jenkinsfile",
  matchesByName: true,
  matches: (path) => path.includes("Jenkinsfile") && /(^|\/)Jenkinsfile([.-][\w.-]+)?$/.test(path),
  detect(file) {
    const findings: Finding[] = [itemFinding("ci", "jenkins", { file: file.path, detail: "Jenkins pipeline" })];
    file.text.split(/\r?\n/).forEach((line, index) => {
      const { refs, command } = commandRefs(line);
      findings.push(...itemFindings(refs, { file: file.path, line: index + 1, detail: `runs ${command}` }));
    });
    return findings;
  },
};
