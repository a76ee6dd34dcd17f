// `adrgen new "<title>"`: scan → plan questions → ask or assume → decide → validate → render
// → lint in memory (model output) → write NNNN-slug.md (the same numbering and lock as `new --blank`) → index.
import path from "node:path";
import { ASSUME, validateAnswers } from "../clarify/answers.js";
import { resolveAnswers, type Prompter } from "../clarify/prompt.js";
import type { ResolvedAnswer } from "../clarify/types.js";
import type { Workspace } from "../config/workspace.js";
import { usageError } from "../domain/errors.js";
import { adrFileName } from "../domain/numbering.js";
import type { Engine } from "../engines/types.js";
import { chosenOptionOf, decisionSections } from "../render/decision-view.js";
import { resolveDecisionMakers } from "../render/defaults.js";
import { withMachineBlock } from "../render/machine-block-text.js";
import { redactDeep, redactSecrets } from "../scan/redact.js";
import type { RepoContext } from "../scan/types.js";
import { buildContext } from "./context.js";
import { assertKnownTopic, checkDecision, givenAnswers, lintGenerated } from "./decision-pipeline.js";
import { provenanceOf } from "./decision-provenance.js";
import { normalizeTitle, planNewAdr, writeNewAdr } from "./new-adr.js";
import { takeTagAnswers } from "./tag-args.js";

export interface GenerateAdrOptions {
  title: string;
  /** `--answer key=value`, repeatable. */
  answers?: string[];
  /** `--answers file`: YAML or JSON, relative to `cwd`. */
  answersFile?: string | undefined;
  /** `--yes`: never prompt; open questions become stated assumptions. */
  yes?: boolean;
  /** `--option`: options to weigh besides (or instead of) the knowledge base's. */
  options?: string[];
  template?: string | undefined;
  status?: string | undefined;
  /** `--engine`. */
  engine?: string | undefined;
  /** Render only; write nothing. */
  dryRun?: boolean;
  /** Tags, already normalised (normalizeTagArgs). */
  tags?: string[];
}

export interface GenerateAdrDeps {
  /** Where flag paths (answers file, template) are relative to. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Asks open questions; absent when nobody can answer (no TTY, CI, --yes). */
  prompter?: Prompter | undefined;
  engine?: Engine;
  scan?: (workspace: Workspace) => Promise<RepoContext>;
  /** Progress lines for stderr. */
  progress?: (message: string) => void;
}

export interface GenerateAdrResult {
  /** Absolute path of the (would-be) file. */
  path: string;
  number: number;
  title: string;
  topic: string;
  /** Name of the chosen option. */
  chosen: string;
  assumptions: string[];
  text: string;
  written: boolean;
  indexUpdated: string[];
  warnings: string[];
  /** Engine notes (e.g. feedback it could not use). */
  notes: string[];
}



/** Generates a full ADR for a title and writes it (or, with dryRun, only renders it). Nothing is written on any error. */
export async function generateAdr(workspace: Workspace, options: GenerateAdrOptions, deps: GenerateAdrDeps): Promise<GenerateAdrResult> {
  const progress = deps.progress ?? (() => {});
  const title = normalizeTitle(options.title);
  if (options.status === "superseded") throw usageError("A new ADR cannot start as superseded.", "Use --status proposed (default) or accepted.");
  // A `tags` answer (answers file or --answer) joins --tag; it is not a clarifying question.
  const { answers: given, tags: answerTags } = takeTagAnswers(await givenAnswers(options, deps.cwd));
  const tags = [...new Set([...(options.tags ?? []), ...answerTags])];
  const namedOptions = [...new Set((options.options ?? []).map((o) => o.trim()).filter(Boolean))];
  // The scan's git processes, and `git config user.name` for the decision-makers, run while the
  // engine's modules load instead of one after another.
  const scanning = deps.scan ? deps.scan(workspace) : buildContext(workspace);
  scanning.catch(() => {}); // awaited below; a failure only matters if the engine loaded
  const decisionMakers = resolveDecisionMakers({ config: workspace.config, env: deps.env, root: workspace.root });
  const engine = deps.engine ?? (await (await import("../engines/select.js")).selectEngine({ name: options.engine, env: deps.env, config: workspace.config }));

  progress("Scanning the repository…");
  const context = await scanning;
  const questions = (await engine.plan({ title, context, given: {} })).questions;
  await assertKnownTopic(engine, title, questions, namedOptions);
  const normalized = validateAnswers(given, questions);
  const forEngine = Object.fromEntries(Object.entries(normalized).filter(([, value]) => value !== ASSUME));
  const plan = await engine.plan({ title, context, given: forEngine });
  const prompter = options.yes ? undefined : deps.prompter;
  const answers = await resolveAnswers(plan, { given: normalized, prompter });
  reportAnswers(answers, progress, prompter !== undefined);

  progress(`Deciding with the ${engine.name} engine…`);
  const result = await engine.decide({ title, context, answers, namedOptions });
  const decision = redactDeep(await checkDecision(result.decision, context));
  const provenance = provenanceOf({ ...result, decision }, answers, context);

  const planned = await planNewAdr(workspace, { title: redactSecrets(title), template: options.template, status: options.status, sections: decisionSections(decision), blank: false, tags }, { cwd: deps.cwd, env: deps.env, decisionMakers });
  const render = async (number: number) => {
    const text = withMachineBlock(await planned.render(number), provenance);
    // The offline engine through a built-in template is covered by a property test that lints its
    // ADRs for every topic; the ~250 ms remark parse is spent on what no test can vouch for:
    // text a model wrote, or a repository's own template.
    if (result.engine !== "offline" || !planned.template.builtin) await lintGenerated(text, workspace, path.join(planned.dir.path, adrFileName(number, planned.slug)), planned.dir.label);
    return text;
  };
  // Rendered and linted before the directory is touched, so a failure leaves nothing behind;
  // the write reuses the text unless another run took the number meanwhile.
  const preview = await writeNewAdr({ ...planned, render }, { dryRun: true });
  const written = options.dryRun ? preview : await writeNewAdr({ ...planned, render: (n) => (n === preview.number ? Promise.resolve(preview.text) : render(n)) });
  const refresh = written.written ? await (await import("./index-file.js")).updateIndexIfPresent(workspace) : { updated: [], warnings: [] };
  return {
    path: written.path,
    number: written.number,
    title: written.title,
    topic: decision.topic,
    chosen: chosenOptionOf(decision).name,
    assumptions: decision.assumptions,
    text: written.text,
    written: written.written,
    indexUpdated: refresh.updated,
    warnings: refresh.warnings,
    notes: result.notes,
  };
}



/** Tells stderr what the repository answered and what is assumed, so nothing is silently invented. */
function reportAnswers(answers: readonly ResolvedAnswer[], progress: (message: string) => void, asked: boolean): void {
  const fromRepo = answers.filter((answer) => answer.source === "repo").length;
  const assumed = answers.filter((answer) => answer.source === "assumption");
  progress(`${answers.length} questions: ${fromRepo} answered by the repository, ${answers.length - fromRepo - assumed.length} by you, ${assumed.length} assumed.`);
  if (assumed.length > 0 && !asked) progress(`Assumed (answer with --answer key=value; see adrgen questions): ${assumed.map((a) => `${a.key}=${a.value}`).join(", ")}`);
}
