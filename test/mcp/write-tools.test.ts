import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { cleanupTempDirs } from "../helpers/tmp.js";
import { call, fixtureCopy, serverPool, structured, textOf } from "./mcp-client.js";

const ADR_PATH = "docs/adr/0001-use-postgresql.md";
const serve = serverPool();
afterAll(cleanupTempDirs);

describe("adrgen mcp without --allow-write", () => {
  it("refuses set_status with a tool error and leaves the file alone", async () => {
    const repo = fixtureCopy("node-postgres-redis");
    const before = readFileSync(path.join(repo, ADR_PATH), "utf8");
    const mcp = await serve(repo);
    const result = await call(mcp, "set_status", { ref: 1, status: "deprecated" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/read-only/);
    expect(textOf(result)).toMatch(/--allow-write/);
    expect(readFileSync(path.join(repo, ADR_PATH), "utf8")).toBe(before);
  });

  it("refuses draft_decision with write: true and creates no file", async () => {
    const repo = fixtureCopy("node-postgres-redis");
    const mcp = await serve(repo);
    const result = await call(mcp, "draft_decision", { title: "choose message queue", write: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/refused.*read-only/);
    expect(readdirSync(path.join(repo, "docs/adr"))).toEqual(["0001-use-postgresql.md"]);
  });
});

describe("adrgen mcp --allow-write", () => {
  it("offers set_status, which changes the status in the file's own style", async () => {
    const repo = fixtureCopy("node-postgres-redis");
    const mcp = await serve(repo, ["--allow-write"]);
    expect((await mcp.client.listTools()).tools.map((t) => t.name)).toContain("set_status");
    const result = structured(await call(mcp, "set_status", { ref: "0001", status: "deprecated" }));
    expect(result).toMatchObject({ path: ADR_PATH, number: 1, from: "accepted", to: "deprecated", changed: true });
    const text = readFileSync(path.join(repo, ADR_PATH), "utf8");
    expect(text).toMatch(/## Status\n\nDeprecated\n/);
    expect(structured(await call(mcp, "list_decisions", { status: "deprecated" })).decisions.map((d: any) => d.number)).toEqual([1]);
    const again = structured(await call(mcp, "set_status", { ref: 1, status: "deprecated" }));
    expect(again.changed).toBe(false);
  });

  it("writes a drafted decision as the next ADR and never overwrites", async () => {
    const repo = fixtureCopy("node-postgres-redis");
    const mcp = await serve(repo, ["--allow-write"]);
    const first = structured(await call(mcp, "draft_decision", { title: "choose message queue", write: true }));
    expect(first).toMatchObject({ written: true, number: 2, path: "docs/adr/0002-choose-message-queue.md" });
    expect(readFileSync(path.join(repo, first.path), "utf8")).toBe(first.markdown);
    const second = structured(await call(mcp, "draft_decision", { title: "choose message queue", write: true }));
    expect(second).toMatchObject({ written: true, number: 3, path: "docs/adr/0003-choose-message-queue.md" });
    expect(readFileSync(path.join(repo, first.path), "utf8")).toBe(first.markdown);
    expect(structured(await call(mcp, "lint_decisions")).errors).toBe(0);
  });

  it("refuses paths outside the repository", async () => {
    const repo = fixtureCopy("node-postgres-redis");
    const mcp = await serve(repo, ["--allow-write"]);
    const status = await call(mcp, "set_status", { ref: "../../etc/passwd", status: "accepted" });
    expect(status.isError).toBe(true);
    expect(textOf(status)).toMatch(/No ADR/);
    const lint = await call(mcp, "lint_decisions", { paths: ["../"] });
    expect(lint.isError).toBe(true);
    expect(textOf(lint)).toMatch(/outside the repository/);
    const template = await call(mcp, "draft_decision", { title: "choose message queue", template: "/etc/hostname" });
    expect(template.isError).toBe(true);
    expect(textOf(template)).toMatch(/outside the repository/);
  });
});
