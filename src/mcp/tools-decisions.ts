// Read tools over the decision log: list_decisions, get_decision, search_decisions.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { listAdrs, listJson } from "../app/list.js";
import { loadSearchDocuments } from "../app/search.js";
import { showJson } from "../app/show.js";
import { usageError } from "../domain/errors.js";
import { readRecord } from "../store/read.js";
import { findAdr } from "./adr-lookup.js";
import { guarded } from "./results.js";
import { mcpSearchHits } from "./search.js";
import { searchAdrs } from "../search/search.js";
import { sessionWorkspace, type McpSession } from "./session.js";

const adrEntry = z.looseObject({
  number: z.number().nullable(),
  title: z.string().nullable(),
  status: z.string().nullable(),
  date: z.string().nullable(),
  path: z.string(),
});

const adrRef = z.union([z.string().min(1), z.number().int().nonnegative()]).describe("ADR number (7 or \"0007\") or its path relative to the repository root");

/** Registers list_decisions, get_decision and search_decisions. */
export function registerDecisionTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    "list_decisions",
    {
      title: "List decisions",
      description: "Every ADR in the repository's ADR directories: number, title, status, date, path, format, supersedes/supersededBy, links, tags. Read this before proposing architecture changes.",
      inputSchema: {
        status: z.string().min(1).optional().describe("Only ADRs with this status, e.g. accepted, proposed, superseded"),
        tag: z.string().min(1).optional().describe("Only ADRs carrying this tag (front matter `tags`)"),
      },
      outputSchema: { decisions: z.array(adrEntry) },
      annotations: { readOnlyHint: true },
    },
    async ({ status, tag }) =>
      guarded(async () => {
        const workspace = await sessionWorkspace(session);
        const adrs = await listAdrs(workspace, { status, tags: tag ? [tag] : [] });
        return { decisions: listJson(adrs) };
      }),
  );

  server.registerTool(
    "get_decision",
    {
      title: "Get a decision",
      description: "One ADR by number or path: its parsed fields (status, date, decision-makers, options, chosen option, sections, links, diagnostics) and its markdown.",
      inputSchema: { ref: adrRef },
      outputSchema: { decision: z.looseObject({ path: z.string(), number: z.number().nullable(), title: z.string().nullable() }), markdown: z.string() },
      annotations: { readOnlyHint: true },
    },
    async ({ ref }) =>
      guarded(async () => {
        const workspace = await sessionWorkspace(session);
        const record = await readRecord(await findAdr(workspace, ref));
        const fatal = record.diagnostics.find((d) => d.rule === "file-binary" || d.rule === "file-unreadable");
        if (fatal) throw usageError(`${record.relPath}: ${fatal.message}`, "Only markdown ADR files can be read.");
        return { decision: showJson(record), markdown: record.text };
      }),
  );

  server.registerTool(
    "search_decisions",
    {
      title: "Search decisions",
      description:
        "Ranked full-text search over ADR titles, tags and bodies (the same ranking as `adrgen search`): title matches first, then tags, then body; every word must match (else any word), prefixes from three letters, one typo in long words, \"quoted phrases\" and -word exclusion. No synonyms: try the product or concept name, e.g. 'kafka' or 'message broker'.",
      inputSchema: {
        query: z.string().trim().min(1).describe("Words to look for"),
        status: z.string().min(1).optional().describe("Only ADRs with this status"),
        tag: z.string().min(1).optional().describe("Only ADRs carrying this tag (front matter `tags`)"),
        limit: z.number().int().min(1).max(50).optional().describe("Most hits to return (default 10)"),
      },
      outputSchema: {
        hits: z.array(z.object({ number: z.number().nullable(), title: z.string().nullable(), status: z.string().nullable(), path: z.string(), score: z.number(), snippet: z.string() })),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ query, status, tag, limit }) =>
      guarded(async () => {
        const workspace = await sessionWorkspace(session);
        const docs = await loadSearchDocuments(workspace);
        const filters = { status: status ? [status] : [], tags: tag ? [tag] : [] };
        return { hits: mcpSearchHits(searchAdrs(docs, query, filters, limit ?? 10)) };
      }),
  );
}
