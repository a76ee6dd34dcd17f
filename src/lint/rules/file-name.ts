import path from "node:path";
import type { LintRule } from "../types.js";

// A number (adrgen and adr-tools write four digits; log4brains writes YYYYMMDD) and a kebab slug.
const ADR_FILE_NAME = /^\d{4,}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/** File names follow `NNNN-kebab-slug.md` (date-named log4brains files are accepted). */
export const fileNameRule: LintRule = {
  id: "file-name",
  severity: "warning",
  description: "File name is `NNNN-kebab-slug.md` (lower-case; log4brains `YYYYMMDD-slug.md` accepted)",
  check(record) {
    const name = path.basename(record.path);
    if (ADR_FILE_NAME.test(name)) return [];
    return [{ line: null, message: `file name "${name}" does not follow NNNN-kebab-slug.md` }];
  },
};
