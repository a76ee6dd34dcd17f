import { lineOfJsonKey } from "../text-lines.js";
import type { Detector, Finding } from "../types.js";
import { categoryOf } from "../vocabulary.js";
import { namesForNpmDependency } from "../vocabulary-npm.js";
import { parseJsonFile } from "./json-file.js";

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;

interface PackageJson {
  name?: unknown;
  workspaces?: unknown;
  [field: string]: unknown;
}

/** The version a dependency range pins at least (`^4.18.2` → `4.18.2`, `~5.x` → `5`); undefined for tags, paths and URLs. */
export function versionFromRange(range: unknown): string | undefined {
  if (typeof range !== "string") return undefined;
  // A monorepo repeats the same ranges (`^4.19.2`) thousands of times.
  if (rangeVersions.has(range)) return rangeVersions.get(range);
  const spec = range.startsWith("npm:") ? range.slice(range.lastIndexOf("@") + 1) : range;
  const match = /^\s*(?:[\^~]|[<>]=?|=)?\s*v?(\d+(?:\.\d+){0,2})(?:\.[xX*])*(?:[-+][0-9A-Za-z.-]+)?(?:\s|$|\|)/.exec(spec);
  if (rangeVersions.size < MAX_REMEMBERED_RANGES) rangeVersions.set(range, match?.[1]);
  return match?.[1];
}

const rangeVersions = new Map<string, string | undefined>();
const MAX_REMEMBERED_RANGES = 10_000;

/** `workspaces: [...]` or `workspaces: { packages: [...] }` → the glob list. */
function workspacePatterns(value: unknown): string[] {
  const list = Array.isArray(value) ? value : (value as { packages?: unknown } | null)?.packages;
  return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === "string") : [];
}

/** package.json: JavaScript/TypeScript, frameworks, ORMs, datastore/broker/auth/API clients, workspaces. */
export const packageJsonDetector: Detector = {
  id: "package-json",
  matchesByName: true,
  matches: (path) => path === "package.json" || path.endsWith("/package.json"),
  detect(file) {
    const parsed = parseJsonFile<PackageJson>(file);
    if (!parsed.ok) return [parsed.warning];
    const pkg = parsed.value;
    const findings: Finding[] = [{ kind: "item", category: "languages", name: "javascript", evidence: { file: file.path, detail: "package.json" } }];

    for (const field of DEPENDENCY_FIELDS) {
      const deps = pkg[field];
      if (deps === null || typeof deps !== "object" || Array.isArray(deps)) continue;
      for (const [dependency, range] of Object.entries(deps as Record<string, unknown>)) {
        const names = namesForNpmDependency(dependency);
        if (names.length === 0) continue;
        const line = lineOfJsonKey(file.text, dependency, field);
        const version = versionFromRange(range);
        const detail = `${field}: ${dependency}`;
        // Literals instead of spreads: this runs for every dependency of every package.json (key order is the output's).
        const evidence = line !== undefined ? { file: file.path, line, detail } : { file: file.path, detail };
        for (const name of names) {
          const category = categoryOf(name);
          if (!category) continue;
          // A client library's version is not the server's: only frameworks, languages and tools take it.
          const withVersion = version !== undefined && versionedFrom(dependency, name);
          findings.push(withVersion ? { kind: "item", category, name, version, evidence: { ...evidence } } : { kind: "item", category, name, evidence: { ...evidence } });
        }
      }
    }

    const patterns = workspacePatterns(pkg.workspaces);
    if (patterns.length > 0) {
      const line = lineOfJsonKey(file.text, "workspaces");
      findings.push({ kind: "workspace", patterns, evidence: { file: file.path, ...(line !== undefined ? { line } : {}), detail: "workspaces" } });
    }
    const slash = file.path.lastIndexOf("/");
    if (slash > 0 && typeof pkg.name === "string" && pkg.name !== "") {
      const line = lineOfJsonKey(file.text, "name");
      findings.push({ kind: "package", name: pkg.name, path: file.path.slice(0, slash), requiresWorkspace: true, evidence: { file: file.path, ...(line !== undefined ? { line } : {}) } });
    }
    return findings;
  },
};

/** Whether the dependency's own version is the technology's version (express 4 is express 4; `pg` 8 is not PostgreSQL 8). */
function versionedFrom(dependency: string, name: string): boolean {
  const category = categoryOf(name);
  if (category === "frameworks" || category === "languages") return dependency === name || PRIMARY[dependency] === name;
  return false;
}

const PRIMARY: Readonly<Record<string, string>> = {
  next: "nextjs", "@nestjs/core": "nestjs", "@hapi/hapi": "hapi", "@angular/core": "angular", "@prisma/client": "prisma",
  "drizzle-orm": "drizzle", "@sveltejs/kit": "sveltekit", "solid-js": "solid", "@adonisjs/core": "adonisjs",
};
