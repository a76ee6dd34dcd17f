import { afterAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { BUILT_CLI, spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { PLANTED_SECRETS } from "../scan/planted-secrets.js";
import { call, fixtureCopy, serverPool, structured, textOf } from "./mcp-client.js";

const serve = serverPool();
afterAll(cleanupTempDirs);

describe("adrgen mcp: bad calls", () => {
  it("rejects malformed arguments with schema errors and keeps answering", async () => {
    const mcp = await serve(fixtureCopy("node-postgres-redis"), ["--allow-write"]);
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["get_decision", { ref: { nested: true } }, /Input validation error.*ref/],
      ["get_decision", {}, /Input validation error.*ref/],
      ["search_decisions", { query: "" }, /Input validation error.*query/],
      ["search_decisions", { query: "x", limit: 500 }, /Input validation error.*limit/],
      ["set_status", { ref: 1, status: "bogus" }, /Input validation error.*status/],
      ["draft_decision", { title: "choose message queue", answers: { "bad key!": "x" } }, /Input validation error/],
      ["check_branch", { base: 42 }, /Input validation error.*base/],
    ];
    for (const [name, args, message] of cases) {
      const result = await call(mcp, name, args);
      expect({ name, isError: result.isError }).toEqual({ name, isError: true });
      expect(textOf(result)).toMatch(message);
    }
    expect(structured(await call(mcp, "list_decisions")).decisions).toHaveLength(1);
  });

  it("turns failing calls into tool errors with the message and hint, and survives them", async () => {
    const mcp = await serve(fixtureCopy("node-postgres-redis"));
    const failures: Array<[string, Record<string, unknown>, RegExp]> = [
      ["get_decision", { ref: 42 }, /No ADR numbered 42[\s\S]*hint:/],
      ["get_decision", { ref: "docs/adr/nope.md" }, /No ADR docs\/adr\/nope\.md/],
      ["decision_questions", { title: "pick a colour for the logo" }, /topic/i],
      ["draft_decision", { title: "choose message queue", engine: "anthropic" }, /ANTHROPIC_API_KEY/],
      ["check_branch", { base: "--upload-pack=touch /tmp/x" }, /not a git ref/],
      ["check_branch", { base: "origin/main", drift: false }, /.+/],
      ["no_such_tool", {}, /not found/],
    ];
    for (const [name, args, message] of failures) {
      const result = await call(mcp, name, args);
      expect({ name, isError: result.isError }).toEqual({ name, isError: true });
      expect(textOf(result)).toMatch(message);
    }
    expect(structured(await call(mcp, "search_decisions", { query: "postgresql" })).hits).toHaveLength(1);
  });
});

describe("adrgen mcp: secrets", () => {
  const secrets = Object.values(PLANTED_SECRETS);
  const leaks = (text: string) => secrets.filter((secret) => text.includes(secret));

  it("returns no secret value from any tool or resource", async () => {
    const repo = fixtureCopy("secrets-and-broken");
    const mcp = await serve(repo);
    const outputs: string[] = [];
    const list = structured(await call(mcp, "list_decisions"));
    const adrPath: string = list.decisions[0].path;
    expect(adrPath).toMatch(/REDACTED/);
    for (const [name, args] of [
      ["list_decisions", {}],
      ["get_decision", { ref: 1 }],
      ["get_decision", { ref: adrPath }],
      ["search_decisions", { query: "key" }],
      ["repo_context", {}],
      ["lint_decisions", {}],
      ["check_branch", {}],
    ] as const) {
      const result = await call(mcp, name, args);
      expect({ name, isError: result.isError ?? false }).toEqual({ name, isError: false });
      outputs.push(JSON.stringify(result));
    }
    const { resources } = await mcp.client.listResources();
    outputs.push(JSON.stringify(resources));
    const read = await mcp.client.readResource({ uri: resources[0]!.uri });
    outputs.push(JSON.stringify(read));
    expect(JSON.stringify(read)).toMatch(/Rotate the key/);
    expect(leaks(outputs.join("\n"))).toEqual([]);
    // The repository does hold them, so the check above can fail.
    const adrDir = path.join(repo, "docs/adr");
    expect(leaks(readdirSync(adrDir).map((name) => name + readFileSync(path.join(adrDir, name), "utf8")).join("\n")).length).toBeGreaterThan(2);
  });
});

describe("adrgen mcp: the process", () => {
  it("writes only JSON-RPC to stdout, progress to stderr, and exits 0 when stdin closes", async () => {
    const repo = fixtureCopy("node-postgres-redis");
    const child = spawn(process.execPath, [BUILT_CLI, "mcp", "--cwd", repo], { env: { PATH: process.env.PATH, NO_COLOR: "1", ADRGEN_DATE: "2026-01-15" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    child.stdin.write("this line is not JSON-RPC\n");
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "draft_decision", arguments: { title: "choose message queue" } } });
    const deadline = Date.now() + 15000;
    while (!stdout.includes('"id":2') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    const lines = stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
    expect(JSON.parse(lines[1]!).result.structuredContent.topic).toBe("message-broker");
    expect(stderr).toMatch(/Scanning the repository/);
    expect(stderr).toMatch(/adrgen mcp: .*JSON/);
  });

  it("exits 2 before serving when --cwd is not a directory", () => {
    const result = spawnAdrgen(["mcp", "--cwd", "no/such/dir"], { cwd: makeTempDir() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/not a directory/);
  });
});
