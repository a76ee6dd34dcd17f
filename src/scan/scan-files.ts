// Runs the detector registry over files already in memory (read from git objects, say), and
// merges the findings exactly as scanRepository does, so both scans can be compared.
import { detectors as registry } from "./detectors/index.js";
import { mergeFindings, type MergedContext } from "./merge.js";
import { createParserLoader } from "./parsers.js";
import { redactInPlace } from "./redact.js";
import { applyPostRules } from "./rules.js";
import type { Detector, Finding, ParserName, ScannedFile } from "./types.js";
import { isScannablePath } from "./walk.js";

/** True when some detector asks for this path (and the scanner may read it at all). */
export function wantedByDetectors(relPath: string, detectors: readonly Detector[] = registry): boolean {
  return isScannablePath(relPath) && detectors.some((detector) => safeMatches(detector, relPath, relPath.slice(relPath.lastIndexOf("/") + 1)));
}

/**
 * Scans in-memory files with the detectors and merges the findings (mergeFindings, then
 * applyPostRules) and redacts them. Evidence is not capped, so two scans compare in full.
 * Never throws on contents: a failing detector becomes a warning.
 */
export async function scanFiles(files: readonly ScannedFile[], detectors: readonly Detector[] = registry): Promise<MergedContext> {
  const matched = files
    .filter((file) => isScannablePath(file.path))
    .map((file) => {
      const name = file.path.slice(file.path.lastIndexOf("/") + 1);
      return { file, detectors: detectors.filter((detector) => safeMatches(detector, file.path, name)) };
    })
    .filter((entry) => entry.detectors.length > 0);
  const needed = new Set<ParserName>();
  for (const entry of matched) for (const detector of entry.detectors) for (const parser of detector.uses ?? []) needed.add(parser);
  const loader = createParserLoader();
  const parsers = await loader.load(needed);
  const findings: Finding[] = [];
  for (const { file, detectors: matching } of matched) {
    for (const detector of matching) {
      try {
        findings.push(...detector.detect(file, parsers));
      } catch (error) {
        findings.push({ kind: "warning", file: file.path, message: `detector ${detector.id} failed: ${(error as Error)?.message ?? String(error)}` });
      }
    }
  }
  // As in scanRepository: detectors never copy secrets, and redacting the result protects every consumer anyway.
  return redactInPlace(applyPostRules(mergeFindings(findings)));
}

function safeMatches(detector: Detector, relPath: string, name: string): boolean {
  try {
    return detector.matches(detector.matchesByName === true ? name : relPath);
  } catch {
    return false;
  }
}
