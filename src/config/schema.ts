import { z } from "zod";

export { TEMPLATE_NAMES, type TemplateName } from "./template-names.js";

const adrDirEntry = z.union([
  z.string().min(1),
  z.object({ path: z.string().min(1), label: z.string().min(1).optional() }).strict(),
]);

/** The adrgen configuration file (`.adrgenrc.json`, `.adrgenrc.yaml` or `adrgen` in package.json). */
export const configSchema = z
  .object({
    /** The ADR directory, relative to the repository root. */
    dir: z.string().min(1).optional(),
    /** Several ADR directories (monorepo packages); read commands cover all of them. */
    dirs: z.array(adrDirEntry).min(1).optional(),
    /** Default template: a built-in name or a path to a Handlebars file. */
    template: z.string().min(1).optional(),
    /** Extra named templates: name → path of a Handlebars file. */
    templates: z.record(z.string(), z.string().min(1)).optional(),
    /** The index file written by `adrgen index`, relative to the ADR directory. */
    index: z.object({ file: z.string().min(1).optional() }).strict().optional(),
    /** Lint rule severities. */
    lint: z
      .object({
        rules: z.record(z.string(), z.enum(["error", "warning", "off"])).optional(),
      })
      .strict()
      .optional(),
    /** Default decision-makers for new ADRs (otherwise git user.name). */
    decisionMakers: z.array(z.string().min(1)).optional(),
    /** The Anthropic engine (docs/readme/anthropic.md). Nothing secret here: the API key comes from ANTHROPIC_API_KEY. */
    anthropic: z
      .object({
        model: z.string().min(1).optional(),
        maxTokens: z.number().int().positive().optional(),
        baseUrl: z.url().optional(),
        timeoutMs: z.number().int().positive().optional(),
        idleTimeoutMs: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    /** `adrgen site` (docs/readme/site.md): where the static site goes (relative to the repository root; default `.adrgen/site`) and its title. */
    site: z
      .object({
        out: z.string().min(1).optional(),
        title: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** `adrgen suggest` and `check --require-adr` (docs/readme/suggest.md): what never counts, and how significant a change must be. */
    suggest: z
      .object({
        ignore: z
          .object({
            /** Vocabulary names (kafka, postgresql) or service/package names whose changes need no ADR. */
            technologies: z.array(z.string().min(1)).optional(),
            /** Globs of files not scanned for changes (examples/**, test/fixtures/**). */
            paths: z.array(z.string().min(1)).optional(),
          })
          .strict()
          .optional(),
        /** low: new services and packages too (default); medium: technologies and major versions; high: replacements only. */
        threshold: z.enum(["low", "medium", "high"]).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type AdrgenConfig = z.infer<typeof configSchema>;
