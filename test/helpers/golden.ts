// Golden files in adr-examples/: compared byte for byte; `UPDATE_GOLDEN=1` rewrites them after an intended change.
import { expect } from "@jest/globals";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Asserts `actual` equals the golden file at `golden` (written first when UPDATE_GOLDEN=1). */
export function expectGolden(golden: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(path.dirname(golden), { recursive: true });
    writeFileSync(golden, actual);
  }
  expect(existsSync(golden)).toBe(true);
  expect(actual).toBe(readFileSync(golden, "utf8"));
}
