// PLACEHOLDER until the parser lands: lists file names only.
import { readdirSync, existsSync } from "node:fs";
import type { Workspace } from "../config/workspace.js";
import type { Output } from "../io/output.js";

export async function listAdrs(workspace: Workspace, _options: { status?: string | undefined }) {
  return workspace.dirs.flatMap((dir) => (existsSync(dir.path) ? readdirSync(dir.path).filter((f) => f.endsWith(".md")) : []));
}

export function formatAdrTable(adrs: string[], _workspace: Workspace, _output: Output): string {
  return adrs.join("\n");
}
