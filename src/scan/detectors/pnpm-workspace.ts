import { fileNameOf } from "../text-lines.js";
import type { Detector } from "../types.js";
import { parseYamlFile } from "./yaml-file.js";
import { mapOf } from "./yaml-nodes.js";

/** pnpm-workspace.yaml → the monorepo's package globs. */
export const pnpmWorkspaceDetector: Detector = {
  id: "pnpm-workspace",
  uses: ["yaml"],
  matchesByName: true,
  matches: (path) => /^pnpm-workspace\.ya?ml$/.test(fileNameOf(path)),
  detect(file, parsers) {
    const parsed = parseYamlFile(file, parsers.yaml);
    if (!parsed.ok) return [parsed.warning];
    const root = mapOf(parsed.value.docs[0]);
    const packages = root?.packages;
    if (!Array.isArray(packages)) return [];
    const patterns = packages.filter((item): item is string => typeof item === "string");
    if (patterns.length === 0) return [];
    const line = parsed.value.spot(0).at("packages").line;
    return [{ kind: "workspace", patterns, evidence: { file: file.path, ...(line !== undefined ? { line } : {}), detail: "pnpm workspace" } }];
  },
};
