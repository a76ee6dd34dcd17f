import type { Workspace } from "../config/workspace.js";
import { fromSystemError, usageError } from "../domain/errors.js";
import { adrFileName, nextAdrNumber } from "../domain/numbering.js";
import { slugify } from "../domain/slug.js";
import { errorCode, nodeFileSystem, type FileSystem } from "../io/file-system.js";
import { assertInside, createFileExclusive, isAlreadyExists, withDirLock } from "../io/fs.js";
import { resolveAdrDate, resolveDecisionMakers } from "../render/defaults.js";
import { renderTemplate, resolveTemplate, type TemplateChoice } from "../render/templates.js";
import { buildRelationView, buildViewModel, type AdrSections } from "../render/view-model.js";
import { resolveRelationTargets, type RelationRequest } from "./adr-targets.js";

export const MAX_TITLE_LENGTH = 500;

export interface NewAdrOptions {
  title: string;
  /** `--template`: a built-in name, a config name or a path. */
  template?: string | undefined;
  status?: string | undefined;
  supersedes?: Array<string | number>;
  /** `N` or `N:type`. */
  links?: string[];
  /** Render only; write nothing. */
  dryRun?: boolean;
  /** Filled sections (the advisor); missing ones render as placeholders. */
  sections?: AdrSections;
  /** Render missing sections as MADR `{…}` placeholders. */
  blank?: boolean;
  /** Tags, already normalised (normalizeTagArgs). */
  tags?: string[];
  /** Write the relation lines into the new file (default true); off when the relations module writes them. */
  relationLines?: boolean;
}

export interface NewAdrDeps {
  /** Where flag paths (a `--template` file) are relative to. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  fs?: FileSystem;
  now?: () => Date;
  /** Decision-makers already being resolved (generate-adr starts `git config user.name` beside the scan). */
  decisionMakers?: Promise<string[]>;
}

export interface NewAdrResult {
  /** Absolute path of the (would-be) file. */
  path: string;
  number: number;
  title: string;
  /** The rendered markdown. */
  text: string;
  written: boolean;
  relations: RelationRequest[];
}

/** Trims and validates a title: not empty, at most 500 characters, on one line. */
export function normalizeTitle(raw: string): string {
  // Line breaks or control characters in a title would break the H1 and the front matter.
  const title = raw.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  if (title === "") throw usageError("The title is empty.", 'Give the decision a title: adrgen new "Use PostgreSQL for persistence" --blank');
  // A title has no more characters than UTF-16 code units, so only a long one needs counting
  // (building the grapheme Segmenter loads ICU data: ~8 ms).
  const length = title.length > MAX_TITLE_LENGTH ? characterCount(title) : title.length;
  if (length > MAX_TITLE_LENGTH) {
    throw usageError(`The title has ${length} characters; the limit is ${MAX_TITLE_LENGTH}.`, "Keep the title short; put details in the Context section.");
  }
  return title;
}

/** Characters as a reader counts them (grapheme clusters): an emoji or an accented letter is one. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) count += 1;
  return count;
}

/** A validated request for a new ADR: everything checked, nothing written yet. */
export interface NewAdrPlan {
  dir: Workspace["primary"];
  title: string;
  slug: string;
  relations: RelationRequest[];
  /** The template the ADR is rendered with. */
  template: TemplateChoice;
  /** Renders the ADR for a number. */
  render(number: number): Promise<string>;
}

/** Validates title, template, date and relation targets (usage errors, exit 2) before anything is written. */
export async function planNewAdr(workspace: Workspace, options: NewAdrOptions, deps: NewAdrDeps): Promise<NewAdrPlan> {
  const fs = deps.fs ?? nodeFileSystem;
  const dir = workspace.primary;
  const title = normalizeTitle(options.title);
  const template = resolveTemplate({ flag: options.template, config: workspace.config, root: workspace.root, cwd: deps.cwd });
  const date = resolveAdrDate(deps.env, deps.now?.());
  const relations = await resolveRelationTargets(dir, { supersedes: options.supersedes ?? [], links: options.links ?? [] }, fs);
  const decisionMakers = await (deps.decisionMakers ?? resolveDecisionMakers({ config: workspace.config, env: deps.env, root: workspace.root }));
  const relationViews = (options.relationLines ?? true) ? relations.map((r) => buildRelationView(r.type, { ...r.target, file: r.target.fileName })) : [];
  const tags = options.tags ?? [];
  const render = async (number: number) => withTags(await renderTemplate(
      template,
      buildViewModel({
        number,
        title,
        date,
        status: options.status ?? "proposed",
        decisionMakers,
        relations: relationViews,
        tags: options.tags ?? [],
        blank: options.blank ?? true,
        sections: options.sections ?? {},
      }),
    ), tags, dir, template);
  return { dir, title, slug: slugify(title), relations, template, render };
}

/**
 * A template of one's own may have no `tags` placeholder: the tags then go where the rendered file's format
 * keeps them (front matter, a Tags line), as `adrgen tag` would write them, rather than being dropped.
 */
async function withTags(text: string, tags: string[], dir: Workspace["primary"], template: TemplateChoice): Promise<string> {
  if (tags.length === 0) return text;
  // Loaded only when tags are asked for: the parser costs start-up time every other `new` does not need.
  const [{ parseAdr }, { setTags }] = await Promise.all([import("../markdown/parse.js"), import("../markdown/edit-tags.js")]);
  const file = { path: `${dir.path}/new.md`, relPath: `${dir.rel}/new.md`, dirLabel: dir.label };
  const record = parseAdr(text, file);
  if (record.tags.length > 0) return text;
  const tagged = setTags(text, record, tags);
  if (tagged === null || parseAdr(tagged, file).tags.join("\0") !== tags.join("\0")) {
    throw usageError(
      `The template ${templateLabel(template)} renders no tags, and its output has no usual place for them (front matter or a Tags: line).`,
      "Add {{#if tags}}tags: [{{#each tags}}{{this}}{{#unless @last}}, {{/unless}}{{/each}}]{{/if}} to the template's front matter, or drop --tag.",
    );
  }
  return tagged;
}

function templateLabel(template: TemplateChoice): string {
  return template.builtin ? template.name : template.file;
}

/**
 * Creates the next ADR in the primary ADR directory (made when missing): under the directory
 * lock it takes the highest number + 1 and creates `NNNN-slug.md` exclusively, so parallel runs
 * never collide. With `dryRun` it only renders.
 */
export async function newAdr(workspace: Workspace, options: NewAdrOptions, deps: NewAdrDeps): Promise<NewAdrResult> {
  const plan = await planNewAdr(workspace, options, deps);
  return writeNewAdr(plan, { dryRun: options.dryRun, fs: deps.fs });
}

/** Writes a planned ADR with the next free number (see newAdr). */
export async function writeNewAdr(plan: NewAdrPlan, options: { dryRun?: boolean | undefined; fs?: FileSystem | undefined } = {}): Promise<NewAdrResult> {
  const fs = options.fs ?? nodeFileSystem;
  const { dir, title, slug, relations } = plan;
  if (options.dryRun) {
    const number = nextAdrNumber(await listNames(dir.path, fs));
    const file = assertInside(dir.path, adrFileName(number, slug));
    return { path: file, number, title, text: await plan.render(number), written: false, relations };
  }
  await fs.mkdir(dir.path).catch((error: unknown) => {
    throw fromSystemError(error, `create the ADR directory ${dir.rel}`);
  });
  return withDirLock(
    dir.path,
    async () => {
      let number = nextAdrNumber(await listNames(dir.path, fs));
      // The lock keeps adrgen runs apart; a file made by another tool meanwhile only moves us on.
      for (let attempt = 0; ; attempt += 1) {
        const file = assertInside(dir.path, adrFileName(number, slug));
        const text = await plan.render(number);
        try {
          await createFileExclusive(file, text, fs);
          return { path: file, number, title, text, written: true, relations };
        } catch (error) {
          if (!isAlreadyExists(error) || attempt >= 20) throw error;
          number += 1;
        }
      }
    },
    { fs },
  );
}

async function listNames(dir: string, fs: FileSystem): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return [];
    throw fromSystemError(error, `read the ADR directory ${dir}`);
  }
}
