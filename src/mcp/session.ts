// What every tool of one `adrgen mcp` run shares: the repository it is rooted at and whether it may write.
import path from "node:path";
import { resolveWorkspace, type Workspace } from "../config/workspace.js";
import { usageError } from "../domain/errors.js";

/** Settings of one server run. */
export interface McpSession {
  /** The directory the server is rooted at (`--cwd`, resolved). */
  cwd: string;
  /** `--dir`: the ADR directory, relative to cwd. */
  dir?: string | undefined;
  /** `--allow-write`: tools may change files. */
  allowWrite: boolean;
  env: NodeJS.ProcessEnv;
  /** Progress and diagnostics; stderr, never stdout (stdout carries the protocol). */
  log: (line: string) => void;
}

/** Resolves the workspace afresh for each call, so ADRs and config edited meanwhile are seen. */
export async function sessionWorkspace(session: McpSession): Promise<Workspace> {
  return resolveWorkspace({ cwd: session.cwd, dirFlag: session.dir });
}

/** A path argument resolved against the repository root; paths leading outside it are refused. */
export function insideRoot(workspace: Workspace, given: string): string {
  const abs = path.resolve(workspace.root, given);
  const rel = path.relative(workspace.root, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    throw usageError(`${given} is outside the repository ${workspace.root}.`, "Pass paths relative to the repository root.");
  }
  return abs;
}

/** A git ref safe to hand to git: no option-like or odd characters. */
export function safeGitRef(ref: string): string {
  const trimmed = ref.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._/@{}^~-]*$/.test(trimmed) || trimmed.includes("..")) {
    throw usageError(`"${ref}" is not a git ref adrgen accepts.`, "Pass a branch or ref such as origin/main.");
  }
  return trimmed;
}
