// Starts the built `adrgen mcp` as a child process and connects the SDK's own client to it over stdio.
import { afterEach } from "@jest/globals";
import { cpSync } from "node:fs";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { BUILT_CLI, PROJECT_ROOT } from "../helpers/spawn.js";
import { makeTempDir } from "../helpers/tmp.js";

export interface McpHandle {
  client: Client;
  /** Everything the server wrote to stderr so far. */
  stderr: () => string;
  close: () => Promise<void>;
}

/** A throw-away copy of a fixture repository under test/fixtures/repos. */
export function fixtureCopy(name: string): string {
  const dir = makeTempDir();
  cpSync(path.join(PROJECT_ROOT, "test/fixtures/repos", name), dir, { recursive: true });
  return dir;
}

/** Spawns `node dist/adrgen.js mcp --cwd <cwd> ...args` and connects a client. */
export async function startMcp(cwd: string, args: string[] = []): Promise<McpHandle> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BUILT_CLI, "mcp", "--cwd", cwd, ...args],
    // No API key: the offline engine, and no network.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", ADRGEN_DATE: "2026-01-15" },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: "adrgen-test", version: "1.0.0" });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** Calls a tool and returns its result (tool errors are results too). */
export async function call(handle: McpHandle, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await handle.client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The text of a result's first content block. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first && first.type === "text" ? first.text : "";
}

/** The structured content of a successful call; fails the test with the error text otherwise. */
export function structured<T = Record<string, any>>(result: CallToolResult): T {
  if (result.isError) throw new Error(`tool error: ${textOf(result)}`);
  return result.structuredContent as T;
}

/** For a suite: starts servers on demand and closes every one after each test. */
export function serverPool(): (cwd: string, args?: string[]) => Promise<McpHandle> {
  const handles: McpHandle[] = [];
  afterEach(async () => {
    for (const handle of handles.splice(0)) await handle.close();
  });
  return async (cwd, args = []) => {
    const handle = await startMcp(cwd, args);
    handles.push(handle);
    return handle;
  };
}
