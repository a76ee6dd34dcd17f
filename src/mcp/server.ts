// `adrgen mcp`: a Model Context Protocol server on stdio over the decision log and the advisor.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { VERSION } from "../version.js";
import { RefusingTransport } from "./read-only-guard.js";
import { registerAdrResources } from "./resources.js";
import type { McpSession } from "./session.js";
import { registerAdvisorTools } from "./tools-advisor.js";
import { registerCheckTools } from "./tools-checks.js";
import { registerDecisionTools } from "./tools-decisions.js";
import { registerWriteTools, WRITE_ONLY_TOOLS } from "./tools-write.js";

const INSTRUCTIONS = [
  "adrgen serves this repository's Architecture Decision Records and its decision advisor.",
  "Before proposing an architecture change, call list_decisions or search_decisions and read the relevant ADRs (get_decision); respect accepted decisions or propose superseding them.",
  "To record a new decision: repo_context, then decision_questions for the title, then draft_decision with answers for the open questions.",
].join(" ");

/** Builds the server with every tool and the ADR resources; write-only tools only when writes are allowed. */
export function createAdrgenMcpServer(session: McpSession): McpServer {
  const server = new McpServer(
    { name: "adrgen", version: VERSION },
    { instructions: session.allowWrite ? INSTRUCTIONS : `${INSTRUCTIONS} This server is read-only (started without --allow-write).` },
  );
  // Unparsable input and transport trouble are reported on stderr; the server keeps serving.
  server.server.onerror = (error) => session.log(`adrgen mcp: ${error.message}`);
  registerDecisionTools(server, session);
  registerAdvisorTools(server, session);
  registerCheckTools(server, session);
  if (session.allowWrite) registerWriteTools(server, session);
  registerAdrResources(server, session);
  return server;
}

/** The message a read-only server answers a write-only tool with. */
export function readOnlyRefusal(toolName: string): string | undefined {
  if (!(WRITE_ONLY_TOOLS as readonly string[]).includes(toolName)) return undefined;
  return `${toolName} changes files and this server is read-only.\nhint: restart it with \`adrgen mcp --allow-write\` to allow writes.`;
}

/**
 * Serves MCP on the given streams until the client closes its end. stdout belongs to the
 * protocol, so console output is sent to stderr while the server runs.
 */
export async function serveMcpStdio(session: McpSession, streams: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream }): Promise<void> {
  const server = createAdrgenMcpServer(session);
  const stdio = new StdioServerTransport(streams.stdin as never, streams.stdout as never);
  const transport = session.allowWrite ? stdio : new RefusingTransport(stdio, readOnlyRefusal);
  const restoreConsole = consoleToStderr();
  try {
    await new Promise<void>((resolve, reject) => {
      // The SDK's stdio transport does not notice the end of stdin; the server ends with it.
      streams.stdin.once("end", () => void server.close().finally(resolve));
      streams.stdin.once("close", () => void server.close().finally(resolve));
      transport.onclose = resolve;
      server.connect(transport).catch(reject);
      session.log(`adrgen mcp: serving ${session.cwd}${session.allowWrite ? " (writes allowed)" : " (read-only)"}`);
    });
  } finally {
    restoreConsole();
  }
}

/** Sends console.log/info/debug to stderr; returns the function that undoes it. */
function consoleToStderr(): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  return () => Object.assign(console, saved);
}
