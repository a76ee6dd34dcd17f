import { fileNameOf } from "../text-lines.js";
import type { Detector } from "../types.js";
import { parseYamlFile } from "./yaml-file.js";

/** pnpm-workspace.yaml → the monorepo's package globs. */
export const pnpmWorkspaceDetector: Detector = {
  id: "pnpm-workspace",
  uses: ["yaml"],
  matchesByName: true,
  matches: (path) => /^pnpm-workspace\.ya?ml$/.test(fileNameOf(path)),
  detect(file, parsers) {
    const parsed = parseYamlFile(file, parsers.yaml);
    if (!parsed.ok) return [parsed.warning];
    const doc = parsed.value.docs[0];
    const root = doc?.contents;
    if (!parsers.yaml.isMap(root)) return [];
    const packagesNode = root.get("packages", true);
    if (!parsers.yaml.isSeq(packagesNode)) return [];
    const patterns = packagesNode.items.flatMap((item) => (parsers.yaml.isScalar(item) && typeof item.value === "string" ? [item.value] : []));
    if (patterns.length === 0) return [];
    const line = parsed.value.lineOf(root.items.find((pair) => parsers.yaml.isScalar(pair.key) && pair.key.value === "packages")?.key);
    return [{ kind: "workspace", patterns, evidence: { file: file.path, ...(line !== undefined ? { line } : {}), detail: "pnpm workspace" } }];
  },
};
