import path from "node:path";
import type { AdrRecord, AdrRef } from "../../domain/adr.js";
import type { LintContext, LintRule, RuleFinding } from "../types.js";
import { findLinks, relativeMarkdownTarget } from "../text.js";

/** Relative `.md` links in the prose whose file does not exist. */
function brokenTextLinks(record: AdrRecord, ctx: LintContext): RuleFinding[] {
  const dir = path.dirname(record.path);
  return findLinks(record.text).flatMap((link) => {
    const target = relativeMarkdownTarget(link.target);
    if (target === null || ctx.fileExists(path.resolve(dir, target))) return [];
    return [{ line: link.line, message: `link to "${link.target}" points to a file that does not exist` }];
  });
}

/** Whether a supersede/link reference names an ADR (file, number or slug) that exists. */
function refResolves(record: AdrRecord, ref: AdrRef, ctx: LintContext): boolean | "unchecked" {
  const dir = path.dirname(record.path);
  const file = relativeMarkdownTarget(ref.target);
  if (file !== null) return ctx.fileExists(path.resolve(dir, file));
  const sameDir = ctx.records.filter((other) => path.dirname(other.path) === dir);
  if (ref.number !== null) return sameDir.some((other) => other.number === ref.number);
  // A bare slug such as log4brains writes (`20201016-use-the-adr-slug`); free text is not checked.
  if (/^\d{4,}-[\w-]+$/.test(ref.target)) return sameDir.some((other) => path.basename(other.path, ".md") === ref.target);
  return "unchecked";
}

/** Relative `.md` links and supersede/link references point to files or ADR numbers that exist. */
export const linkTargetRule: LintRule = {
  id: "link-target",
  severity: "error",
  description: "Relative `.md` links and supersedes/superseded-by/link references point to ADRs or files that exist",
  check(record, ctx) {
    const findings = brokenTextLinks(record, ctx);
    // A reference written as a markdown link was already checked above; report it once.
    const linkedTargets = new Set(findLinks(record.text).map((link) => link.target));
    const refs: Array<[string, AdrRef]> = [
      ...record.supersedes.map((ref): [string, AdrRef] => ["supersedes", ref]),
      ...record.supersededBy.map((ref): [string, AdrRef] => ["is superseded by", ref]),
      ...record.links.map((ref): [string, AdrRef] => [ref.type || "links to", ref]),
    ];
    for (const [relation, ref] of refs) {
      if (linkedTargets.has(ref.target) || refResolves(record, ref, ctx) !== false) continue;
      const what = ref.number !== null && relativeMarkdownTarget(ref.target) === null ? `ADR ${ref.number}` : `"${ref.target}"`;
      findings.push({ line: ref.line ?? null, message: `${relation} ${what}, which does not exist` });
    }
    return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  },
};
