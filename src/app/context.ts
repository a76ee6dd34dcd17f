import type { Workspace } from "../config/workspace.js";
import { fromSystemError } from "../domain/errors.js";
import type { Colors } from "../io/output.js";
import { isRedacted, redactDeep, redactSecrets } from "../scan/redact.js";
import { scanRepository, type ScanOptions } from "../scan/scan.js";
import { CONTEXT_CATEGORIES, type ContextCategory, type Evidence, type RepoContext } from "../scan/types.js";

/** The `context --json` document: the scan result without the machine-specific absolute root. */
export type ContextJson = Omit<RepoContext, "root">;

export interface ContextDeps {
  scan?: (root: string, options: ScanOptions) => Promise<RepoContext>;
}

/** Scans the workspace's repository; any failure of the scan itself becomes a runtime error (exit 3). */
export async function buildContext(workspace: Workspace, deps: ContextDeps = {}, options: Pick<ScanOptions, "listing"> = {}): Promise<RepoContext> {
  const scan = deps.scan ?? scanRepository;
  try {
    return await scan(workspace.root, { workspace, ...options });
  } catch (error) {
    throw fromSystemError(error, `scan ${workspace.root}`);
  }
}

/** The JSON shape printed by `context --json`: no absolute paths, every string redacted. */
export function contextToJson(context: RepoContext): ContextJson {
  const { root: _root, ...rest } = context;
  // A scan result was redacted in place as it was built; anything else (a test's, a caller's) is redacted here.
  return isRedacted(context) ? rest : redactDeep(rest);
}

export const CATEGORY_LABELS: Record<ContextCategory, string> = {
  languages: "Languages",
  frameworks: "Frameworks",
  datastores: "Datastores",
  caches: "Caches",
  messaging: "Messaging",
  apiStyles: "API styles",
  auth: "Auth",
  infra: "Infrastructure",
  ci: "CI",
};

const SHOWN_EVIDENCE = 3;

/** `file:line` of one piece of evidence. */
export function formatEvidence(evidence: Evidence): string {
  return evidence.line !== undefined ? `${evidence.file}:${evidence.line}` : evidence.file;
}

function evidenceList(list: Evidence[], total = list.length): string {
  const shown = list.slice(0, SHOWN_EVIDENCE).map(formatEvidence);
  // The scanner keeps only the first entries of a long list and says how many there were.
  const more = total - shown.length;
  return more > 0 ? `${shown.join(", ")} (+${more} more)` : shown.join(", ");
}

/** Human output of `context`: one heading per non-empty category, each item with its evidence. */
export function formatContext(context: RepoContext, c: Colors): string {
  const blocks: string[] = [];
  const block = (title: string, rows: Array<[string, string]>) => {
    if (rows.length === 0) return;
    const width = Math.min(32, Math.max(...rows.map(([label]) => label.length)));
    blocks.push([c.bold(c.cyan(title)), ...rows.map(([label, proof]) => `  ${label.padEnd(width)}  ${c.dim(proof)}`)].join("\n"));
  };
  for (const category of CONTEXT_CATEGORIES) {
    block(CATEGORY_LABELS[category], context[category].map((item) => [item.version ? `${item.name} ${item.version}` : item.name, evidenceList(item.evidence, item.evidenceCount)]));
  }
  const firstOf = (title: string, shown: number, total: number | undefined) => (total !== undefined && total > shown ? `${title} (first ${shown} of ${total})` : title);
  block(
    firstOf("Services", context.services.length, context.serviceCount),
    context.services.map((s) => [s.image ? `${s.name} (${s.image})` : s.name, `${s.source}: ${evidenceList(s.evidence, s.evidenceCount)}`]),
  );
  block(firstOf("Packages", context.packages.length, context.packageCount), context.packages.map((p) => [p.name, `${p.path} — ${evidenceList(p.evidence, p.evidenceCount)}`]));
  block(
    "Existing decisions",
    context.existingDecisions.map((d) => [`${d.number !== null ? `${String(d.number).padStart(4, "0")} ` : ""}${d.title ?? "(untitled)"}`, `${d.status ?? "no status"} — ${d.file}`]),
  );
  const text = blocks.length > 0 ? blocks.join("\n\n") : "Nothing detectable found: no manifests, compose files, Dockerfiles or ADRs.";
  return redactSecrets(text);
}

/** One stderr line per scan warning. */
export function formatWarnings(context: RepoContext, c: Colors): string[] {
  return context.warnings.map((w) => redactSecrets(`${c.yellow("warning")} ${w.file ? `${w.line !== undefined ? `${w.file}:${w.line}` : w.file} ` : ""}${w.message}`));
}
