import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { usageError } from "../domain/errors.js";
import { withNamedExports } from "../io/commonjs.js";
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
    const text = readFileSync(file, "utf8");
    let raw: unknown;
    try {
      raw = name.endsWith(".json") ? JSON.parse(text) : withNamedExports(await import("yaml")).parse(text);
    } catch (error) {
      throw usageError(`${name} is not valid ${name.endsWith(".json") ? "JSON" : "YAML"}: ${(error as Error).message}`, `Fix ${file}.`);
    }
    return { config: await validate(raw ?? {}, name), file };
  }
  const pkgFile = path.join(root, "package.json");
  // A package.json of many megabytes (generated, vendored) cannot be a hand-written config holder;
  // parsing it would cost several times its size in memory (issue 9: large files must not exhaust memory).
  if (existsSync(pkgFile) && statSync(pkgFile).size <= MAX_PACKAGE_JSON_BYTES) {
    try {
      const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as { adrgen?: unknown };
      if (pkg.adrgen !== undefined) return { config: await validate(pkg.adrgen, "package.json#adrgen"), file: pkgFile };
    } catch (error) {
      if ((error as { exitCode?: number }).exitCode !== undefined) throw error;
      // A broken package.json is the scanner's business, not a reason to refuse ADR commands.
    }
  }
  return { config: {}, file: undefined };
}

// zod is loaded only when there is a config to check: most runs have none.
async function validate(raw: unknown, label: string): Promise<AdrgenConfig> {
  const { configSchema } = await import("./schema.js");
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  throw usageError(`Invalid configuration in ${label}:\n${formatZodIssues(result.error)}`, "See the Configuration section of the README.");
}
