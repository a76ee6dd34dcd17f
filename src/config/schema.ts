import { z } from "zod";

export const TEMPLATE_NAMES = ["madr4", "madr4-minimal", "nygard"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

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
  })
  .strict();

export type AdrgenConfig = z.infer<typeof configSchema>;
