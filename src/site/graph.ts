// The relation graph page: supersede and link relations drawn as inline SVG with a
// deterministic layered layout (no mermaid, no script), a legend, and the same relations as
// a text list for screen readers. Decisions without relations are counted, not drawn.
import { isPassiveRelation, isSymmetricRelation, normalizeRelationType, reverseRelationType } from "../domain/relation-types.js";
import { adrLabel, escapeHtml, statusClass } from "./html.js";
import type { SiteAdr, SiteModel } from "./model.js";

/** A relation drawn as an edge: supersede edges run from the newer ADR to the one it supersedes. */
export interface GraphEdge {
  from: string;
  to: string;
  type: string;
}

export interface GraphNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  layer: number;
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Ids of ADRs without any relation, in model order; not drawn. */
  isolated: string[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 44;
const COLUMN_GAP = 60;
const ROW_GAP = 16;
const COMPONENT_GAP = 32;
const PADDING = 16;
/** Small components are packed side by side up to this width, so 500 pairs do not make a 40,000 px column. */
const SHELF_WIDTH = 1040;

/** Every relation between ADRs of the model once, in active voice, without self-links or dangling ends. */
export function collectGraphEdges(adrs: readonly SiteAdr[]): GraphEdge[] {
  const known = new Set(adrs.map((a) => a.id));
  const edges = new Map<string, GraphEdge>();
  const add = (from: string, rawType: string, to: string) => {
    let type = normalizeRelationType(rawType);
    if (from === to || !known.has(from) || !known.has(to) || type === "") return;
    if (isPassiveRelation(type)) [from, to, type] = [to, from, reverseRelationType(type)];
    else if (isSymmetricRelation(type) && to < from) [from, to] = [to, from];
    const key = `${from}\u0000${type}\u0000${to}`;
    if (!edges.has(key)) edges.set(key, { from, to, type });
  };
  for (const adr of adrs) {
    for (const id of adr.supersedes) add(adr.id, "supersedes", id);
    for (const id of adr.supersededBy) add(id, "supersedes", adr.id);
    for (const link of adr.links) add(adr.id, link.type, link.id);
  }
  return [...edges.values()];
}

/** Layer of each node: superseded ADRs sit left of the ADRs that supersede them (longest chain; cycles tolerated). */
function layersOf(members: string[], edges: GraphEdge[]): Map<string, number> {
  const preds = new Map(members.map((id) => [id, [] as string[]]));
  for (const e of edges) if (e.type === "supersedes") preds.get(e.from)?.push(e.to);
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const done = layer.get(id);
    if (done !== undefined) return done;
    // A supersede cycle (bad data) is cut where it closes.
    if (visiting.has(id)) return -1;
    visiting.add(id);
    let value = 0;
    for (const p of preds.get(id) ?? []) value = Math.max(value, visit(p) + 1);
    visiting.delete(id);
    layer.set(id, value);
    return value;
  };
  for (const id of members) visit(id);
  return layer;
}

/** Lays the graph out: connected components packed on shelves, layered columns inside each, nodes in model order. */
export function layoutGraph(adrs: readonly SiteAdr[]): GraphLayout {
  const edges = collectGraphEdges(adrs);
  const order = new Map(adrs.map((a, i) => [a.id, i]));
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const e of edges) {
    const [a, b] = [find(e.from), find(e.to)];
    parent.set(a, a);
    if (a !== b) parent.set(b, a);
  }
  const components = new Map<string, string[]>();
  for (const adr of adrs) {
    if (!parent.has(adr.id)) continue;
    const root = find(adr.id);
    components.set(root, [...(components.get(root) ?? []), adr.id]);
  }
  const nodes: GraphNode[] = [];
  let [shelfX, shelfY, shelfHeight, width] = [PADDING, PADDING, 0, 0];
  // Components arrive in the model order of their first member, so the layout is deterministic.
  for (const members of components.values()) {
    const layer = layersOf(members, edges);
    const columns: string[][] = [];
    for (const id of members) (columns[layer.get(id) ?? 0] ??= []).push(id);
    const dense = columns.filter((c) => c !== undefined);
    const compWidth = dense.length * NODE_WIDTH + (dense.length - 1) * COLUMN_GAP;
    const rows = Math.max(...dense.map((c) => c.length));
    const compHeight = rows * NODE_HEIGHT + (rows - 1) * ROW_GAP;
    if (shelfX > PADDING && shelfX + compWidth > SHELF_WIDTH - PADDING) [shelfX, shelfY, shelfHeight] = [PADDING, shelfY + shelfHeight + COMPONENT_GAP, 0];
    dense.forEach((column, col) => {
      column.sort((a, b) => order.get(a)! - order.get(b)!);
      column.forEach((id, row) => {
        nodes.push({ id, layer: col, width: NODE_WIDTH, height: NODE_HEIGHT, x: shelfX + col * (NODE_WIDTH + COLUMN_GAP), y: shelfY + row * (NODE_HEIGHT + ROW_GAP) });
      });
    });
    width = Math.max(width, shelfX + compWidth + PADDING);
    shelfX += compWidth + COMPONENT_GAP;
    shelfHeight = Math.max(shelfHeight, compHeight);
  }
  const isolated = adrs.filter((a) => !parent.has(a.id)).map((a) => a.id);
  const height = nodes.length === 0 ? 0 : shelfY + shelfHeight + PADDING;
  return { nodes, edges, isolated, width, height };
}

/** The style group of a relation type: supersede, symmetric ("relates to") or other directed links. */
export function edgeClass(type: string): "edge-supersedes" | "edge-related" | "edge-directed" {
  if (type === "supersedes") return "edge-supersedes";
  return isSymmetricRelation(type) ? "edge-related" : "edge-directed";
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

// An unnumbered ADR's label is its long id; the box shows its status only and the title below.
function nodeLabel(adr: SiteAdr, status: string): string {
  return adr.number === null ? status : `${adrLabel(adr)} · ${status}`;
}

/** The path of an edge; `nth` > 0 for a second or later edge between the same two ADRs, drawn further out so it stays visible. */
function edgePath(a: GraphNode, b: GraphNode, nth: number): string {
  const [ay, by] = [a.y + a.height / 2, b.y + b.height / 2];
  if (a.x === b.x) {
    // Same column: bend out into the gap on the right, where no node is drawn.
    const x = a.x + a.width;
    const bend = x + COLUMN_GAP * (0.6 + 0.25 * nth);
    return `M${x} ${ay} C${bend} ${ay} ${bend} ${by} ${x} ${by}`;
  }
  const [left, right] = a.x < b.x ? [a, b] : [b, a];
  const [ly, ry] = a.x < b.x ? [ay, by] : [by, ay];
  const [x1, x2] = [left.x + left.width, right.x];
  const mid = (x1 + x2) / 2;
  const lift = nth * 10;
  const d = `M${x1} ${ly} C${mid} ${ly - lift} ${mid} ${ry - lift} ${x2} ${ry}`;
  return a.x < b.x ? d : `M${x2} ${ry} C${mid} ${ry - lift} ${mid} ${ly - lift} ${x1} ${ly}`;
}

const LEGEND: Array<{ cls: ReturnType<typeof edgeClass>; label: string }> = [
  { cls: "edge-supersedes", label: "supersedes (the arrow points to the superseded decision)" },
  { cls: "edge-directed", label: "directed relations" },
  { cls: "edge-related", label: "symmetric relations" },
];

function renderSvg(layout: GraphLayout, byId: Map<string, SiteAdr>): string {
  const pos = new Map(layout.nodes.map((n) => [n.id, n]));
  const seen = new Map<string, number>();
  const edges = layout.edges.map((e) => {
    const [a, b] = [pos.get(e.from)!, pos.get(e.to)!];
    const pair = e.from < e.to ? `${e.from}\u0000${e.to}` : `${e.to}\u0000${e.from}`;
    const nth = seen.get(pair) ?? 0;
    seen.set(pair, nth + 1);
    const cls = edgeClass(e.type);
    const marker = cls === "edge-related" ? "" : ` marker-end="url(#arrow-${cls})"`;
    const title = `${adrLabel(byId.get(e.from)!)} ${e.type} ${adrLabel(byId.get(e.to)!)}`;
    return `<g class="edge ${cls}"><title>${escapeHtml(title)}</title><path d="${edgePath(a, b, nth)}" fill="none"${marker}/></g>`;
  });
  const nodes = layout.nodes.map((n) => {
    const adr = byId.get(n.id)!;
    const status = adr.status ?? "no status";
    return `<a class="node" href="${escapeHtml(adr.href)}"><title>${escapeHtml(`${adrLabel(adr)}: ${adr.title} (${status})`)}</title><rect class="${statusClass(adr.status)}" x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="6"/><text x="${n.x + 8}" y="${n.y + 17}" class="node-label">${escapeHtml(truncate(nodeLabel(adr, status), 27))}</text><text x="${n.x + 8}" y="${n.y + 34}" class="node-title">${escapeHtml(truncate(adr.title, 27))}</text></a>`;
  });
  const markers = LEGEND.filter((l) => l.cls !== "edge-related")
    .map((l) => `<marker id="arrow-${l.cls}" class="${l.cls}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker>`)
    .join("");
  return `<div class="graph-wrap"><svg class="graph" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="Decision relations graph" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">
<defs>${markers}</defs>
${edges.join("\n")}
${nodes.join("\n")}
</svg></div>`;
}

// One line per edge style, naming the relation types the graph draws in that style.
function legend(edges: GraphEdge[]): string {
  const types = new Map<string, Set<string>>();
  for (const e of edges) types.set(edgeClass(e.type), (types.get(edgeClass(e.type)) ?? new Set()).add(e.type));
  const items = LEGEND.filter((l) => types.has(l.cls)).map((l) => {
    const named = l.cls === "edge-supersedes" ? "" : `: ${[...types.get(l.cls)!].sort().join(", ")}`;
    return `<li><svg width="40" height="12" aria-hidden="true"><g class="edge ${l.cls}"><path d="M2 6H38" fill="none"/></g></svg> ${escapeHtml(l.label + named)}</li>`;
  });
  return `<ul class="graph-legend" aria-label="Legend">${items.join("")}</ul>`;
}

/** The graph page body (for renderLayout): SVG, legend, the isolated-decisions note and the relations as text. */
export function renderGraphPage(model: SiteModel): string {
  const byId = new Map(model.adrs.map((a) => [a.id, a]));
  const layout = layoutGraph(model.adrs);
  const link = (id: string) => {
    const adr = byId.get(id)!;
    return `<a href="${escapeHtml(adr.href)}">${escapeHtml(`${adrLabel(adr)}: ${adr.title}`)}</a>`;
  };
  const isolated =
    layout.isolated.length === 0
      ? ""
      : `<p class="graph-isolated">${layout.isolated.length} ${layout.isolated.length === 1 ? "decision" : "decisions"} without relations ${layout.isolated.length === 1 ? "is" : "are"} not drawn; the <a href="index.html">list of decisions</a> shows every one.</p>`;
  if (layout.edges.length === 0) return `<h1>Graph</h1>\n<p class="empty">No relations between decisions yet.</p>\n${isolated}`;
  const relations = layout.edges.map((e) => `<li>${link(e.from)} ${escapeHtml(e.type)} ${link(e.to)}</li>`);
  return `<h1>Graph</h1>
${legend(layout.edges)}
${renderSvg(layout, byId)}
${isolated}
<h2 id="relations">Relations</h2>
<ul class="relation-list" aria-labelledby="relations">
${relations.join("\n")}
</ul>`;
}
