// Tools that only write; registered only when the server runs with --allow-write.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { changeStatus } from "../app/status.js";
import { KNOWN_STATUSES } from "../domain/adr.js";
import { findAdr } from "./adr-lookup.js";
import { guarded } from "./results.js";
import { sessionWorkspace, type McpSession } from "./session.js";

/** Names of the tools that exist only with --allow-write. */
export const WRITE_ONLY_TOOLS = ["set_status"] as const;

/** Registers set_status. */
export function registerWriteTools(server: McpServer, session: McpSession): void {
  server.registerTool(
    "set_status",
    {
      title: "Set a decision's status",
      description: "Changes an ADR's status in the style its file already uses (front matter, bullet, Status line or section), atomically, and refreshes an existing index.",
      inputSchema: {
        ref: z.union([z.string().min(1), z.number().int().nonnegative()]).describe("ADR number or path relative to the repository root"),
        status: z.enum(KNOWN_STATUSES),
      },
      outputSchema: { path: z.string(), number: z.number().nullable(), from: z.string().nullable(), to: z.string(), changed: z.boolean(), indexUpdated: z.array(z.string()) },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
    async ({ ref, status }) =>
      guarded(async () => {
        const workspace = await sessionWorkspace(session);
        const file = await findAdr(workspace, ref);
        const result = await changeStatus(workspace, { ref: file.path, status, cwd: workspace.root });
        for (const warning of result.index.warnings) session.log(`warning ${warning}`);
        return { path: result.relPath, number: result.number, from: result.from, to: result.to, changed: result.changed, indexUpdated: result.index.updated };
      }),
  );
}
