import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { usageError } from "../domain/errors.js";
import { withNamedExports } from "../io/commonjs.js";
import { describeJsonFailure, describeYamlFailure, formatParseFailure, type ParseFailure } from "../io/parse-location.js";
import type { AdrgenConfig } from "./schema.js";

/** package.json files larger than this are not searched for an `adrgen` key. */
const MAX_PACKAGE_JSON_BYTES = 4 * 1024 * 1024;

export const CONFIG_FILES = [".adrgenrc.json", ".adrgenrc.yaml", ".adrgenrc.yml"] as const;

export interface LoadedConfig {
  config: AdrgenConfig;
  /** The file the config came from, or undefined when none exists. */
  file: string | undefined;
}

/** Formats every zod issue on its own line: `dirs.0: Expected string`. */
export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  - ${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("\n");
}

/** Reads and validates the config of a repository root; reports every problem at once. */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  for (const name of CONFIG_FILES) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    const text = withoutBom(readFileSync(file, "utf8"));
    const raw = name.endsWith(".json") ? parseJsonConfig(text, name, file) : await parseYamlConfig(text, name, file);
    return { config: await validate(raw ?? {}, name, { name, text, at: [] }), file };
  }
  const pkgFile = path.join(root, "package.json");
  // A package.json of many megabytes (generated, vendored) cannot be a hand-written config holder;
  // parsing it would cost several times its size in memory (issue 9: large files must not exhaust memory).
  if (existsSync(pkgFile) && statSync(pkgFile).size <= MAX_PACKAGE_JSON_BYTES) {
    let text = "";
    try {
      text = withoutBom(readFileSync(pkgFile, "utf8"));
      const pkg = JSON.parse(text) as { adrgen?: unknown };
      if (pkg.adrgen !== undefined) return { config: await validate(pkg.adrgen, "package.json#adrgen", { name: "package.json", text, at: ["adrgen"] }), file: pkgFile };
    } catch (error) {
      if ((error as { exitCode?: number }).exitCode !== undefined) throw error;
      // A broken package.json is the scanner's business, not a reason to refuse ADR commands,
      // unless it evidently meant to configure adrgen: then say where it breaks.
      if (/"adrgen"\s*:\s*\{/.test(text)) throw malformed("package.json", "JSON", describeJsonFailure(text, error), pkgFile);
    }
  }
  return { config: {}, file: undefined };
}

// Editors on Windows save JSON with a byte order mark; JSON.parse rejects it, Node's own package.json reader does not.
// Stripped before parsing and before locating errors, so lines and columns are those the editor shows.
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJsonConfig(text: string, name: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformed(name, "JSON", describeJsonFailure(text, error), file);
  }
}

async function parseYamlConfig(text: string, name: string, file: string): Promise<unknown> {
  const yaml = withNamedExports(await import("yaml"));
  try {
    return yaml.parse(text);
  } catch (error) {
    throw malformed(name, "YAML", describeYamlFailure(text, error), file);
  }
}

/** The usage error for a config file that does not parse: `name:line:column`, the reason and a caret excerpt. */
function malformed(name: string, format: "JSON" | "YAML", failure: ParseFailure, file: string): Error {
  return usageError(formatParseFailure(name, `not valid ${format}`, failure), `Fix ${file} at line ${failure.line}, column ${failure.column}.`);
}

/** The file a config came from, so validation problems can name their line: its display name, text and the config's path in it. */
interface ConfigSource {
  name: string;
  text: string;
  at: PropertyKey[];
}

// zod is loaded only when there is a config to check: most runs have none.
async function validate(raw: unknown, label: string, source: ConfigSource): Promise<AdrgenConfig> {
  const { configSchema } = await import("./schema.js");
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = await Promise.all(result.error.issues.map(async (issue) => `  - ${await issueLocation(issue, source)}${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`));
  throw usageError(`Invalid configuration in ${label}:\n${lines.join("\n")}`, "See the Configuration section of the README.");
}

/** `file:line:column ` of the value an issue is about (of the first unknown key for unrecognized keys), or "" when it cannot be found. */
async function issueLocation(issue: z.core.$ZodIssue, source: ConfigSource): Promise<string> {
  const { locateValue } = await import("../io/value-location.js");
  const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const position = await locateValue(source.text, [...source.at, ...issue.path], unknownKey).catch(() => undefined);
  return position ? `${source.name}:${position.line}:${position.column} ` : "";
}
