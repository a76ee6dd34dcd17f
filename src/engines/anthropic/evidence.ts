// Evidence ids: the context summary cites repository facts as [E<n>] with a legend of file:line;
// Claude cites the ids, and they are translated back (unknown ids are rejected, never rendered).
import type { Evidence } from "../../scan/types.js";

/** Evidence id (`E3`) → reference (`docker-compose.yml:12`), and the reverse. */
export interface EvidenceLegend {
  byId: Map<string, string>;
  byRef: Map<string, string>;
}

const reference = (evidence: Evidence): string => (evidence.line !== undefined ? `${evidence.file}:${evidence.line}` : evidence.file);

/** Reads the legend lines (`[E3] file:line`) of a context summary. */
export function legendOf(summary: string): EvidenceLegend {
  const legend: EvidenceLegend = { byId: new Map(), byRef: new Map() };
  for (const match of summary.matchAll(/^\[(E\d+)\] (.+)$/gm)) {
    legend.byId.set(match[1]!, match[2]!.trim());
    legend.byRef.set(match[2]!.trim(), match[1]!);
  }
  return legend;
}

/**
 * The ids of some evidence, adding new ids to the legend for references the summary left out
 * (e.g. what proved a repository answer). Returns the ids and the legend lines added.
 */
export function citeEvidence(legend: EvidenceLegend, evidence: readonly Evidence[]): { ids: string[]; added: string[] } {
  const ids: string[] = [];
  const added: string[] = [];
  for (const item of evidence) {
    const ref = reference(item);
    let id = legend.byRef.get(ref);
    if (!id) {
      id = `E${legend.byId.size + 1}`;
      legend.byId.set(id, ref);
      legend.byRef.set(ref, id);
      added.push(`[${id}] ${ref}`);
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return { ids, added };
}

/** Normalises what a model writes for an id: `[E3]`, `e3`, ` E3 ` → `E3`; undefined when it is not an id. */
function asId(cited: string): string | undefined {
  const match = /^\[?\s*[Ee](\d+)\s*\]?$/.exec(cited.trim());
  return match ? `E${match[1]}` : undefined;
}

/**
 * Translates cited evidence to file:line. An id missing from the legend is a problem; a
 * literal reference passes through for the shared validator to check against the scan.
 */
export function translateEvidence(cited: readonly string[], legend: EvidenceLegend, statement: string): { refs: string[]; problems: string[] } {
  const refs: string[] = [];
  const problems: string[] = [];
  for (const raw of cited) {
    const id = asId(raw);
    const ref = id ? legend.byId.get(id) : raw.trim();
    if (ref === undefined) problems.push(`Evidence id "${raw}" for "${statement}" is not in the context legend; cite only the ids listed there.`);
    else if (!refs.includes(ref)) refs.push(ref);
  }
  return { refs, problems };
}
