import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatZodIssues } from "../../../config/load.js";
import { runtimeError } from "../../../domain/errors.js";
import type { Question, Topic } from "./schema.js";

/**
 * The build (scripts/build.mjs) converts every knowledge file to JSON, already validated by the
 * schemas: dist/kb/<path relative to knowledge/, .json for .yaml>, plus kb/stubs.json with every
 * topic's match data. Parsing JSON is far cheaper than YAML, and zod need not run again.
 */
const builtDir = new URL("../kb/", import.meta.url);
// The YAML parser and zod (~50 ms to load) are needed only without the build's JSON (from source).
const fromSource = existsSync(new URL("stubs.json", builtDir)) ? undefined : await import("./source-loaders.js");

/** The YAML parser and schemas; only a knowledge file missing from dist/kb needs them in a build. */
export function sourceLoaders(): typeof import("./source-loaders.js") {
  if (fromSource) return fromSource;
  throw runtimeError("The adrgen knowledge base does not match its build (dist/kb).", "Rebuild adrgen (npm run build) or reinstall it.");
}

/** Finds the shipped knowledge/ folder by walking up from this module (works from src/ and dist/). */
export function knowledgeDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "knowledge");
    if (existsSync(path.join(candidate, "dimensions.yaml"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw runtimeError("The adrgen knowledge base is missing.", "Reinstall adrgen.");
    dir = parent;
  }
}

const builtFiles = new Map<string, unknown>();

/** A JSON file of the build (parsed once), or undefined when running from source or it is absent. */
function builtJson(name: string): unknown {
  if (fromSource) return undefined;
  if (!builtFiles.has(name)) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(new URL(name, builtDir), "utf8"));
    } catch {
      data = undefined;
    }
    builtFiles.set(name, data);
  }
  return builtFiles.get(name);
}

/** A knowledge file's path relative to knowledge/, with forward slashes (the build's key). */
function builtKey(file: string): string {
  return path.relative(knowledgeDir(), file).split(path.sep).join("/");
}

/** The build's validated copy of a knowledge file, when running from dist. */
export function prebuilt(file: string): unknown {
  const key = builtKey(file);
  if (key.startsWith("../") || !key.endsWith(".yaml")) return undefined;
  return builtJson(`${key.slice(0, -".yaml".length)}.json`);
}

/** The build's match data of a topic file (id, title, match, option ids, names and aliases), when running from dist. */
export function prebuiltStub(file: string): unknown {
  return (builtJson("stubs.json") as Record<string, unknown> | undefined)?.[builtKey(file)];
}

function readYaml(file: string): unknown {
  return sourceLoaders().parseYaml(readFileSync(file, "utf8"));
}

/** Loads and validates one topic file; every problem is reported with the file name. */
export function loadTopicFile(file: string): Topic {
  const built = prebuilt(file);
  if (built !== undefined) return built as Topic;
  const result = sourceLoaders().topicSchema.safeParse(readYaml(file));
  if (!result.success) throw runtimeError(`Invalid knowledge-base topic ${path.basename(file)}:\n${formatZodIssues(result.error)}`);
  return result.data;
}

/** Loads every topic of the knowledge base, sorted by id. */
export function loadTopics(dir = knowledgeDir()): Topic[] {
  const topicsDir = path.join(dir, "topics");
  return readdirSync(topicsDir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => loadTopicFile(path.join(topicsDir, name)));
}

/** Loads the generic per-dimension questions. */
export function loadDimensionQuestions(dir = knowledgeDir()): Question[] {
  const file = path.join(dir, "dimensions.yaml");
  const built = prebuilt(file) as { questions: Question[] } | undefined;
  if (built !== undefined) return built.questions;
  const result = sourceLoaders().dimensionsFileSchema.safeParse(readYaml(file));
  if (!result.success) throw runtimeError(`Invalid knowledge/dimensions.yaml:\n${formatZodIssues(result.error)}`);
  return result.data.questions;
}
