import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatZodIssues } from "../../../config/load.js";
import { runtimeError } from "../../../domain/errors.js";
import type { Question, Topic } from "./schema.js";

const compiledUrl = new URL("../knowledge.json", import.meta.url);
// The YAML parser and zod (~50 ms to load) are needed only without the build's validated JSON.
const fromSource = existsSync(compiledUrl) ? undefined : await import("./source-loaders.js");

/** The YAML parser and schemas; only a knowledge file missing from dist/knowledge.json needs them in a build. */
export function sourceLoaders(): typeof import("./source-loaders.js") {
  if (fromSource) return fromSource;
  throw runtimeError("The adrgen knowledge base does not match its build (dist/knowledge.json).", "Rebuild adrgen (npm run build) or reinstall it.");
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

let compiled: Record<string, unknown> | null | undefined;

/**
 * The build (scripts/build.mjs) converts every knowledge file to JSON in dist/knowledge.json,
 * keyed by its path relative to knowledge/, already validated by the schemas below: parsing JSON
 * is far cheaper than YAML, and zod need not run again.
 * Running from source there is no such file, and the YAML is read directly.
 */
function compiledKnowledge(): Record<string, unknown> | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled = JSON.parse(readFileSync(compiledUrl, "utf8")) as Record<string, unknown>;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** The build's validated copy of a knowledge file, when running from dist. */
export function prebuilt(file: string): unknown {
  const key = path.relative(knowledgeDir(), file).split(path.sep).join("/");
  return compiledKnowledge()?.[key];
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
