// Which ADR style a file is written in, decided from the evidence both readers collect.
//
// Choices made on the real corpus (../shared/adr-corpus):
// - log4brains first: date-named files (YYYYMMDD-slug) with Status/Date bullets, or the log4brains template's
//   `Tags:` bullet next to a Status bullet.
// - MADR 1 by "Considered Alternatives" (later MADR versions say "Considered Options").
// - MADR 4 by `decision-makers` front matter or a "Confirmation" heading; MADR 3 by `deciders` front matter or a
//   "Validation" heading; MADR 2 by Status/Deciders/Date bullets, "Positive/Negative Consequences" or "Links".
// - Any other file with MADR sections ("Context and Problem Statement", or "Considered Options" + "Decision
//   Outcome") is madr4: nothing tells 3 from 4 there, and 4 is the current MADR.
// - Nygard: a numbered H1 (`# 3. Title`) with a `Date:` line, or Status + Context + Decision/Consequences
//   sections. Brighter's custom front matter over Nygard sections is therefore nygard.
import type { AdrFormat } from "../domain/adr.js";
import type { Evidence } from "./evidence.js";
import { isDateNamed } from "./numbers.js";
import { inlineText } from "./text.js";

/** Detects the ADR format (madr4 … log4brains, other) of a file. */
export function detectFormat(evidence: Evidence, fileName: string): AdrFormat {
  const h = evidence.headingTexts;
  const fmKeys = new Set(Object.keys(evidence.frontMatter?.data ?? {}).map((k) => k.toLowerCase()));
  const bullets = new Set(evidence.fields.filter((f) => f.style === "bullet").map((f) => f.key));
  const lineKeys = new Set(evidence.fields.filter((f) => f.style === "line").map((f) => f.key));
  const metaBullets = bullets.has("status") || bullets.has("date") || bullets.has("deciders");

  if (isDateNamed(fileName) && (bullets.has("status") || bullets.has("date"))) return "log4brains";
  if (bullets.has("tags") && bullets.has("status")) return "log4brains";
  if (h.has("considered alternatives")) return "madr1";
  const madrSections = h.has("context and problem statement") || (h.has("considered options") && h.has("decision outcome"));
  if (fmKeys.has("decision-makers") || (madrSections && h.has("confirmation"))) return "madr4";
  if (fmKeys.has("deciders") || (madrSections && h.has("validation"))) return "madr3";
  if (metaBullets || (madrSections && (h.has("positive consequences") || h.has("negative consequences") || h.has("links")))) return "madr2";
  if (madrSections) return "madr4";
  const numberedTitle = evidence.h1 !== null && /^(?:adr[-_ ]?)?\d+[.:]?\s/i.test(inlineText(evidence.h1.raw));
  if (numberedTitle && lineKeys.has("date")) return "nygard";
  if (evidence.hasStatusSection && h.has("context") && (h.has("decision") || h.has("consequences"))) return "nygard";
  return "other";
}
