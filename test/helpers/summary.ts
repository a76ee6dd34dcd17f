import type { AdrSummary } from "../../src/domain/adr.js";

/** An accepted MADR 4 summary of `docs/adr/<file>` in /repo, numbered from the file name; `fields` override. */
export function summaryOf(file: string, fields: Partial<AdrSummary> = {}): AdrSummary {
  return {
    number: /^(\d{4})-/.exec(file) ? Number(file.slice(0, 4)) : null,
    title: `Title of ${file}`,
    status: "accepted",
    date: "2024-01-10",
    path: `/repo/docs/adr/${file}`,
    relPath: `docs/adr/${file}`,
    dirLabel: "docs/adr",
    format: "madr4",
    supersedes: [],
    supersededBy: [],
    links: [],
    tags: [],
    ...fields,
  };
}
