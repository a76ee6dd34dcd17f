import { isIsoDate } from "../domain/dates.js";
import { execFile } from "node:child_process";
import type { AdrgenConfig } from "../config/schema.js";
import { usageError } from "../domain/errors.js";

export { isIsoDate };

/** The date a new ADR carries: `ADRGEN_DATE` (validated) when set, else today's local date. */
export function resolveAdrDate(env: NodeJS.ProcessEnv, now: Date = new Date()): string {
  const fixed = env.ADRGEN_DATE?.trim();
  if (fixed) {
    if (!isIsoDate(fixed)) throw usageError(`ADRGEN_DATE=${fixed} is not a valid date.`, "Use YYYY-MM-DD, e.g. ADRGEN_DATE=2026-01-15, or unset it.");
    return fixed;
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Splits a comma-separated list of names, dropping blanks. */
export function splitNames(value: string): string[] {
  return value
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/** `git config user.name` in a directory, or undefined when git or the value is missing. */
export function gitUserName(cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", ["config", "user.name"], { cwd, env, timeout: 5000, windowsHide: true }, (error, stdout) => {
      const name = error ? "" : String(stdout).trim();
      resolve(name === "" ? undefined : name);
    });
  });
}

/** Decision-makers of a new ADR: `ADRGEN_DECISION_MAKERS`, else config `decisionMakers`, else git user.name, else none. */
export async function resolveDecisionMakers(options: { config: AdrgenConfig; env: NodeJS.ProcessEnv; root: string }): Promise<string[]> {
  const fromEnv = options.env.ADRGEN_DECISION_MAKERS;
  if (fromEnv !== undefined) return splitNames(fromEnv);
  if (options.config.decisionMakers && options.config.decisionMakers.length > 0) return options.config.decisionMakers;
  const name = await gitUserName(options.root, options.env);
  return name ? [name] : [];
}
