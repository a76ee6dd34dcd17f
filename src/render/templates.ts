import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AdrgenConfig } from "../config/schema.js";
import { TEMPLATE_NAMES } from "../config/template-names.js";
import { fromSystemError, usageError } from "../domain/errors.js";
import { TEMPLATE_HELPERS } from "./helpers.js";
import type { AdrViewModel } from "./view-model.js";

export const DEFAULT_TEMPLATE = "madr4";

/** A template picked by flag, config or default: its name (or path as given) and its file. */
export interface TemplateChoice {
  name: string;
  file: string;
  builtin: boolean;
}

let templatesDir: string | undefined;

/**
 * The folder holding the built-in templates: walks up from this module to the folder with
 * `templates/madr4.hbs`, which is the package root both from src/ (Jest) and from dist/chunks (bundle).
 */
export function builtinTemplatesDir(): string {
  if (templatesDir) return templatesDir;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "templates");
    if (existsSync(path.join(candidate, `${DEFAULT_TEMPLATE}.hbs`))) return (templatesDir = candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`adrgen's templates folder was not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

function looksLikePath(value: string): boolean {
  return /[\\/]/.test(value) || /\.(hbs|handlebars|md)$/i.test(value) || value.startsWith(".");
}

function fileChoice(name: string, file: string, origin: string): TemplateChoice {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw usageError(`Template file ${file} (${origin}) does not exist.`, "Fix the path, or use a built-in template: " + TEMPLATE_NAMES.join(", ") + ".");
  }
  return { name, file, builtin: false };
}

export interface TemplateRequest {
  /** `--template`: a name or a path relative to `cwd`. */
  flag?: string | undefined;
  config: AdrgenConfig;
  /** Repository root: config paths are relative to it. */
  root: string;
  /** Directory the command runs in: flag paths are relative to it. */
  cwd: string;
}

/** Picks the template: `--template`, else config `template`, else MADR 4. Names in config `templates` win over built-ins. */
export function resolveTemplate(request: TemplateRequest): TemplateChoice {
  const { flag, config, root, cwd } = request;
  const [wanted, base, origin] = flag ? [flag, cwd, "--template"] : config.template ? [config.template, root, "config template"] : [DEFAULT_TEMPLATE, root, "default"];
  const named = config.templates?.[wanted];
  if (named) return fileChoice(wanted, path.resolve(root, named), `config templates.${wanted}`);
  if ((TEMPLATE_NAMES as readonly string[]).includes(wanted)) {
    return { name: wanted, file: path.join(builtinTemplatesDir(), `${wanted}.hbs`), builtin: true };
  }
  if (looksLikePath(wanted)) return fileChoice(wanted, path.resolve(base, wanted), origin);
  const choices = [...TEMPLATE_NAMES, ...Object.keys(config.templates ?? {})];
  throw usageError(`Unknown template "${wanted}" (${origin}).`, `Choose one of ${choices.join(", ")}, or give the path of a Handlebars file.`);
}

/** Renders an ADR with a template: deterministic for a given view model; ends with one newline. */
export async function renderTemplate(choice: TemplateChoice, view: AdrViewModel): Promise<string> {
  let source: string;
  try {
    source = await readFile(choice.file, "utf8");
  } catch (error) {
    throw fromSystemError(error, `read the template ${choice.file}`);
  }
  let text: string;
  try {
    const spec = choice.builtin ? (await precompiledTemplates())?.[choice.name] : undefined;
    if (spec) {
      // Built-in templates were compiled by the build; the small Handlebars runtime runs them.
      const { default: Runtime } = await import("handlebars/runtime");
      const env = Runtime.create();
      for (const [name, helper] of Object.entries(TEMPLATE_HELPERS)) env.registerHelper(name, helper);
      text = env.template(spec as never)(view);
    } else {
      const { default: Handlebars } = await import("handlebars");
      const env = Handlebars.create();
      for (const [name, helper] of Object.entries(TEMPLATE_HELPERS)) env.registerHelper(name, helper);
      // Markdown, not HTML: nothing is escaped.
      text = env.compile(source, { noEscape: true })(view);
    }
  } catch (error) {
    throw usageError(`Template ${choice.file} failed to render: ${(error as Error).message}`, "Fix the Handlebars syntax of the template.");
  }
  return tidyMarkdown(text);
}

let precompiled: Promise<Record<string, unknown> | null> | undefined;

/**
 * The built-in templates precompiled by scripts/build.mjs (dist/templates.cjs); null when running
 * from source. CommonJS, so the ES-module chunks and the CommonJS bundle (dist/lean) load it alike.
 */
function precompiledTemplates(): Promise<Record<string, unknown> | null> {
  precompiled ??= Promise.resolve()
    .then(() => createRequire(import.meta.url)("../templates.cjs") as Record<string, unknown>)
    .catch(() => null);
  return precompiled;
}

/** Collapses runs of blank lines that optional template blocks leave, and ends the file with one newline. */
export function tidyMarkdown(text: string): string {
  return `${text.replace(/\r\n/g, "\n").replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
