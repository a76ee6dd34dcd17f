import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createParserLoader } from "../../../src/scan/parsers.js";
import type { Detector, Evidence, Finding } from "../../../src/scan/types.js";

/** Runs one detector on inline text, loading only the parsers it declares (so a missing `uses` fails the test). */
export async function runDetector(detector: Detector, filePath: string, text: string): Promise<Finding[]> {
  const parsers = await createParserLoader().load(detector.uses ?? []);
  return detector.detect({ path: filePath, text }, parsers);
}

/** Item findings as sorted, unique `category:name[@version]` strings. */
export function itemKeys(findings: Finding[]): string[] {
  const keys = findings.flatMap((f) => (f.kind === "item" ? [`${f.category}:${f.name}${f.version ? `@${f.version}` : ""}`] : []));
  return [...new Set(keys)].sort();
}

/** Item findings as sorted, unique `category:name` strings (versions ignored). */
export function itemNames(findings: Finding[]): string[] {
  return [...new Set(findings.flatMap((f) => (f.kind === "item" ? [`${f.category}:${f.name}`] : [])))].sort();
}

/** The evidence of every item finding with this name. */
export function evidenceOf(findings: Finding[], name: string): Evidence[] {
  return findings.flatMap((f) => (f.kind === "item" && f.name === name ? [f.evidence] : []));
}

/** The versions reported for an item name. */
export function versionsOf(findings: Finding[], name: string): Array<string | undefined> {
  return findings.flatMap((f) => (f.kind === "item" && f.name === name ? [f.version] : []));
}

/** Warning findings. */
export function warningsOf(findings: Finding[]): Array<Extract<Finding, { kind: "warning" }>> {
  return findings.filter((f): f is Extract<Finding, { kind: "warning" }> => f.kind === "warning");
}

/** Every repository-relative file path under a directory (forward slashes), sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Applies detectors to every matching file of a directory, like the scanner does, and returns all findings. */
export async function applyDetectors(dir: string, detectors: Detector[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of listFiles(dir)) {
    for (const detector of detectors.filter((d) => d.matches(file))) {
      findings.push(...(await runDetector(detector, file, readFileSync(path.join(dir, file), "utf8"))));
    }
  }
  return findings;
}
