import { insertLines, joinLines, splitLines, type LineDoc } from "./lines.js";
import { findHeading, lastNonBlank, ownContent, scanOutline, type Outline } from "./outline.js";
import { insertStatusSection, setStatus } from "./edit-status.js";
import {
  capitalize,
  escapeRegExp,
  madrLabel,
  markdownLink,
  nygardLabel,
  type AdrTarget,
  type EditableRecord,
} from "./edit-target.js";

/** Where a file keeps its relation lines. */
export type RelationPlacement = "status-section" | "links-section" | "more-information";

/**
 * adr-tools writes relations as lines in the Status section; MADR 2 and log4brains keep a
 * `## Links` list; MADR 3/4 have no links section, so relations go to `## More Information`.
 */
export function relationPlacement(outline: Outline, format: string): RelationPlacement {
  if (format === "madr2" || format === "log4brains") return "links-section";
  if (findHeading(outline, /^links$/i)) return "links-section";
  if (format === "nygard") return "status-section";
  if (format === "other" && findHeading(outline, /^status$/i)) return "status-section";
  return "more-information";
}

/** Marks an ADR as superseded by another, in the style of its status (see setStatus). */
export function markSuperseded(text: string, record: EditableRecord, by: AdrTarget): string {
  return setStatus(text, record, "superseded", { supersededBy: by });
}

/** True when some line already states this relation to this target (any bullet, any label). */
function hasRelation(doc: LineDoc, outline: Outline, type: string, href: string): boolean {
  const words = type.trim().split(/\s+/).map(escapeRegExp).join("\\s+");
  const pattern = new RegExp(`^\\s*(?:[-*+]\\s+)?${words}\\s*:?\\s*\\[[^\\]]*\\]\\(<?${escapeRegExp(href)}>?\\)`, "i");
  return doc.lines.some((line, i) => !outline.code.has(i) && pattern.test(line));
}

/**
 * Records a typed relation (`supersedes`, `amends`, `relates to`, …) to another ADR:
 * an adr-tools line in the Status section, or a bullet under `## Links` / `## More Information`
 * (created at the end when missing). Applying the same relation twice changes nothing.
 */
export function addRelation(text: string, record: EditableRecord, type: string, target: AdrTarget): string {
  const doc = splitLines(text);
  const outline = scanOutline(doc);
  if (hasRelation(doc, outline, type, target.href)) return text;
  const phrase = capitalize(type.trim().replace(/\s+/g, " "));
  const placement = relationPlacement(outline, record.format);
  if (placement === "status-section") {
    const line = `${phrase} ${markdownLink(nygardLabel(target), target.href)}`;
    const heading = findHeading(outline, /^status$/i);
    if (!heading) {
      insertStatusSection(doc, outline, line);
      return joinLines(doc);
    }
    const { start, end } = ownContent(outline, heading, doc.lines.length);
    const last = lastNonBlank(doc, start, end);
    const needsGap = end < doc.lines.length && last + 1 === end;
    insertLines(doc, last + 1, needsGap ? ["", line, ""] : ["", line]);
    return joinLines(doc);
  }
  const name = placement === "links-section" ? "Links" : "More Information";
  const label = madrLabel(target);
  appendBullet(doc, outline, name, `${phrase} ${markdownLink(label, target.href)}`, record.format === "log4brains" ? "-" : "*");
  return joinLines(doc);
}

/** Appends a bullet to a `## <name>` section, creating the section at the end of the file when missing. */
function appendBullet(doc: LineDoc, outline: Outline, name: string, item: string, defaultMarker: string): void {
  const heading = findHeading(outline, new RegExp(`^${escapeRegExp(name)}$`, "i"));
  if (!heading) {
    const last = lastNonBlank(doc, 0, doc.lines.length);
    const level = "#".repeat(outline.headings.find((h) => h.depth >= 2)?.depth ?? 2);
    const block = [`${level} ${name}`, "", `${defaultMarker} ${item}`];
    insertLines(doc, last + 1, last >= 0 ? ["", ...block] : block);
    return;
  }
  const { start, end } = ownContent(outline, heading, doc.lines.length);
  const last = lastNonBlank(doc, start, end);
  const listItem = last >= start ? /^(\s{0,3}[-*+])\s+/.exec(doc.lines[last]!) : null;
  const lines = listItem ? [`${listItem[1]} ${item}`] : ["", `${defaultMarker} ${item}`];
  // A following heading needs a blank line before it once the list ends right above it.
  const needsGap = end < doc.lines.length && last + 1 === end;
  insertLines(doc, last + 1, needsGap ? [...lines, ""] : lines);
}
