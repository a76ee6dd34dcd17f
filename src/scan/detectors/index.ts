import type { Detector } from "../types.js";
import { composeDetector } from "./compose.js";
import { dockerfileDetector } from "./dockerfile.js";
import { envExampleDetector } from "./env-example.js";
import { nginxDetector } from "./nginx.js";
import { packageJsonDetector } from "./package-json.js";
import { pnpmWorkspaceDetector } from "./pnpm-workspace.js";
import { tsconfigDetector } from "./tsconfig.js";

/**
 * Every detector the scanner runs. To add one: write `detectors/<source>.ts` exporting a
 * `Detector` and add it here; keep one import line per detector so parallel edits merge.
 */
export const detectors: Detector[] = [
  packageJsonDetector,
  pnpmWorkspaceDetector,
  tsconfigDetector,
  composeDetector,
  dockerfileDetector,
  envExampleDetector,
  nginxDetector,
];
