// `adrgen list`: every ADR's number, title, status and date, as a table or JSON.
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import type { AdrSummary, Diagnostic } from "../domain/adr.js";
import { visibleText } from "../domain/visible-text.js";
import type { Colors, Output } from "../io/output.js";
import { hasAllTags } from "../search/tags.js";
import { readSummaries } from "../store/read.js";

export interface ListOptions {
  /** Only ADRs with this status (case-insensitive). */
  status?: string | undefined;
  /** Only ADRs carrying every one of these tags (compared lower-cased, spaces as hyphens). */
  tags?: string[] | undefined;
}

/** Reads every ADR with the fast reader, keeping those with the wanted status and all the wanted tags. */
export async function listAdrs(workspace: Workspace, options: ListOptions): Promise<AdrSummary[]> {
  const adrs = await readSummaries(workspace);
  const wanted = options.status?.trim().toLowerCase();
  const tags = options.tags ?? [];
  return adrs.filter((adr) => (!wanted || adr.status === wanted) && hasAllTags(adr.tags, tags));
}

/** One ADR as `list --json` prints it: the summary with `path` relative to the repository root and `dir` its directory's label. */
export type ListJsonEntry = Omit<AdrSummary, "path" | "relPath" | "dirLabel" | "diagnostics" | "format"> & { path: string; format: string; dir: string };

/** The `list --json` document: one object per ADR, stable keys. */
export function listJson(adrs: AdrSummary[]): ListJsonEntry[] {
  return adrs.map((adr) => ({
    number: adr.number,
    title: adr.title,
    status: adr.status,
    date: adr.date,
    ...(adr.dateRaw !== undefined ? { dateRaw: adr.dateRaw } : {}),
    path: adr.relPath,
    format: adr.format,
    supersedes: adr.supersedes,
    supersededBy: adr.supersededBy,
    links: adr.links,
    tags: adr.tags,
    dir: adr.dirLabel,
  }));
}

/** Problems worth a warning while listing: files that could not be read, or whose front matter is broken. */
export function listWarnings(adrs: AdrSummary[]): Diagnostic[] {
  const rules = new Set(["file-binary", "file-unreadable", "front-matter-invalid"]);
  return adrs.flatMap((adr) => (adr.diagnostics ?? []).filter((d) => rules.has(d.rule)));
}

/** The colour each known status is shown in. */
export const STATUS_COLORS: Record<string, keyof Colors> = {
  accepted: "green",
  proposed: "yellow",
  rejected: "red",
  deprecated: "gray",
  superseded: "magenta",
};

/** The table `list` prints: NUMBER, TITLE, STATUS, DATE (TAGS when any listed ADR has tags, DIR when there are several ADR dirs). */
export function formatAdrTable(adrs: AdrSummary[], workspace: Workspace, output: Output): string {
  const withDir = workspace.dirs.length > 1;
  const withTags = adrs.some((adr) => adr.tags.length > 0);
  const header = ["#", "TITLE", "STATUS", "DATE", ...(withTags ? ["TAGS"] : []), ...(withDir ? ["DIR"] : [])];
  const rows = adrs.map((adr) => [
    adr.number === null ? "-" : String(adr.number).padStart(4, "0"),
    visibleText(adr.title ?? path.basename(adr.path)),
    visibleText(adr.status ?? "-"),
    visibleText(adr.date ?? (adr.dateRaw !== undefined ? `${adr.dateRaw} (invalid)` : "-")),
    ...(withTags ? [adr.tags.length > 0 ? visibleText(adr.tags.join(", ")) : "-"] : []),
    ...(withDir ? [visibleText(adr.dirLabel)] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const { c } = output;
  const render = (cells: string[], isHeader: boolean) =>
    cells
      .map((cell, i) => {
        const padded = i === cells.length - 1 ? cell : cell.padEnd(widths[i]!);
        if (isHeader) return c.bold(padded);
        const color = i === 2 ? STATUS_COLORS[cell] : undefined;
        return color ? (c[color] as (s: string) => string)(padded) : padded;
      })
      .join("  ")
      .trimEnd();
  return [render(header, true), ...rows.map((row) => render(row, false))].join("\n");
}
