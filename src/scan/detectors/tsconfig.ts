import { fileNameOf } from "../text-lines.js";
import type { Detector } from "../types.js";

/** tsconfig*.json → TypeScript. Not even read: tsconfig allows comments, and the file's presence is the proof. */
export const tsconfigDetector: Detector = {
  id: "tsconfig",
  readsText: false,
  matchesByName: true,
  matches: (path) => /^tsconfig(\.[^/]+)?\.json$/.test(fileNameOf(path)),
  detect(file) {
    return [{ kind: "item", category: "languages", name: "typescript", evidence: { file: file.path, detail: "TypeScript config" } }];
  },
};
