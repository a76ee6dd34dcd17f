// Each ADR as an MCP resource (`adrgen://adr/<path>`, markdown), listed afresh on every request.
import path from "node:path";
import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { usageError } from "../domain/errors.js";
import { redactSecrets } from "../scan/redact.js";
import { readRecord, readSummaries } from "../store/read.js";
import { adrUri, findAdr, pathFromAdrUri } from "./adr-lookup.js";
import { sessionWorkspace, type McpSession } from "./session.js";

/** Registers the ADR resource template with its listing. */
export function registerAdrResources(server: McpServer, session: McpSession): void {
  const template = new ResourceTemplate("adrgen://adr/{+path}", {
    list: async () => {
      const workspace = await sessionWorkspace(session);
      const adrs = await readSummaries(workspace);
      return {
        resources: adrs.map((adr) => {
          const number = adr.number === null ? "" : `ADR ${String(adr.number).padStart(4, "0")}: `;
          const name = redactSecrets(`${number}${adr.title ?? path.basename(adr.relPath)}`);
          // Clients show `title` before `name`; without its own, each ADR would carry the template's.
          return {
            uri: adrUri(adr.relPath),
            name,
            title: name,
            description: redactSecrets(`${adr.status ?? "no status"}${adr.date ? `, ${adr.date}` : ""} — ${adr.relPath}`),
            mimeType: "text/markdown",
          };
        }),
      };
    },
  });
  server.registerResource("adr", template, { title: "Architecture decision record", mimeType: "text/markdown" }, async (uri) => {
    const rel = pathFromAdrUri(uri.href);
    if (rel === null) throw usageError(`${uri.href} is not an ADR resource.`);
    const workspace = await sessionWorkspace(session);
    const record = await readRecord(await findAdr(workspace, rel));
    const fatal = record.diagnostics.find((d) => d.rule === "file-binary" || d.rule === "file-unreadable");
    if (fatal) throw usageError(`${redactSecrets(record.relPath)}: ${fatal.message}`);
    return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: redactSecrets(record.text) }] };
  });
}
