// The `adrgen export --json` document, version 1: the one definition the exporter, the importer and the
// published JSON Schema (docs/schemas/export-v1.json) come from. Compatibility promise: fields may be added
// within version 1 (readers must ignore keys they do not know); renaming, removing or retyping a field
// makes version 2 with a new schema id.
import { z } from "zod";
import { ADR_FORMATS } from "./adr.js";

/** The stable id of the version-1 export schema (also the `$id` of its JSON Schema). */
export const EXPORT_SCHEMA_ID = "https://adrgen.dev/schemas/export/v1.json";
/** The schema version this adrgen writes and reads. */
export const EXPORT_VERSION = 1;

const line = z.number().int().positive();

const refSchema = z.object({
  number: z.number().int().nonnegative().nullable().describe("The referenced ADR's number when the reference names one"),
  target: z.string().describe("The link target or text as written in the file"),
  path: z.string().nullable().describe("The referenced ADR's path (relative to the repository root) when it resolves to an exported ADR or file"),
  line: line.optional().describe("1-based line of the reference"),
});

const linkSchema = refSchema.extend({ type: z.string().describe('The relation as written, e.g. "relates to", "amends"') });

const sectionSchema = z.object({
  heading: z.string(),
  depth: z.number().int().min(1).max(6),
  line: line.describe("1-based line of the heading"),
  endLine: line.describe("1-based last line of the section (inclusive)"),
  body: z.string().describe("The section's markdown without its heading, trimmed"),
});

const diagnosticSchema = z.object({
  file: z.string(),
  line: line.nullable(),
  rule: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
});

/** One exported ADR: the fields the full parser reads, plus the file's exact text. */
export const exportedAdrSchema = z.object({
  number: z.number().int().nonnegative().nullable().describe("From the file name (NNNN-…); null for date-named or unnumbered files"),
  title: z.string().nullable().describe("The first H1 without its number prefix"),
  status: z.string().nullable().describe("Lower-cased status as written; null when the file states none"),
  date: z.string().nullable().describe("ISO date (YYYY-MM-DD) or null"),
  dateRaw: z.string().optional().describe("The stated date when it is not a valid ISO date"),
  tags: z.array(z.string()),
  decisionMakers: z.array(z.string()),
  consulted: z.array(z.string()),
  informed: z.array(z.string()),
  format: z.enum(ADR_FORMATS),
  path: z.string().min(1).describe("Path relative to the repository root, forward slashes"),
  dirLabel: z.string().describe("Label of the ADR directory the file is in"),
  frontMatter: z.record(z.string(), z.unknown()).nullable().describe("Parsed front matter, or null when there is none or it is invalid"),
  statusStyle: z.enum(["front-matter", "bullet", "line", "section", "badge", "none"]),
  statusLine: line.nullable(),
  titleLine: line.nullable(),
  supersedes: z.array(refSchema),
  supersededBy: z.array(refSchema),
  links: z.array(linkSchema),
  sections: z.array(sectionSchema),
  consideredOptions: z.array(z.string()),
  chosenOption: z.string().nullable(),
  diagnostics: z.array(diagnosticSchema),
  markdown: z.string().describe("The file's full text, byte for byte (UTF-8)"),
});

/** The whole export document. */
export const exportDocumentSchema = z
  .object({
    schema: z.literal(EXPORT_SCHEMA_ID),
    version: z.literal(EXPORT_VERSION),
    generator: z.object({ name: z.string(), version: z.string() }),
    generatedAt: z.string().describe("ISO 8601 timestamp; fixed to ADRGEN_DATE at midnight UTC when that is set"),
    repository: z.object({
      name: z.string().describe("The repository root's directory name"),
      head: z.string().nullable().describe("The HEAD commit when the repository is a git repository with commits"),
      dirs: z.array(z.object({ path: z.string(), label: z.string() })).describe("The ADR directories exported, relative to the root"),
    }),
    adrs: z.array(exportedAdrSchema),
  })
  .describe("adrgen export: every ADR of a repository with its parsed fields, links, sections and text");

export type ExportedRef = z.infer<typeof refSchema>;
export type ExportedLink = z.infer<typeof linkSchema>;
export type ExportedAdr = z.infer<typeof exportedAdrSchema>;
export type ExportDocument = z.infer<typeof exportDocumentSchema>;

/**
 * The published JSON Schema of the export. Input mode leaves out `additionalProperties: false`, so a
 * validator built from it accepts fields added later within version 1, as the compatibility promise says.
 */
export function exportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(exportDocumentSchema, { io: "input" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: EXPORT_SCHEMA_ID, title: "adrgen export, version 1", ...rest };
}
