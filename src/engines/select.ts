// The one place that picks the advisor engine, so adding the Anthropic engine adds one branch here.
import { usageError } from "../domain/errors.js";
import type { Engine, EngineName } from "./types.js";

export const ENGINE_NAMES: readonly EngineName[] = ["offline", "anthropic"];

export interface EngineRequest {
  /** `--engine`; when absent the offline engine decides. */
  name?: string | undefined;
  env: NodeJS.ProcessEnv;
}

/** Creates the engine a run asks for: offline unless told otherwise; unknown names and unavailable engines are usage errors. */
export async function selectEngine(request: EngineRequest): Promise<Engine> {
  const name = request.name ?? "offline";
  if (name === "offline") {
    const { createOfflineEngine } = await import("./offline/index.js");
    return createOfflineEngine();
  }
  if (name === "anthropic") {
    throw usageError("The Anthropic engine is not available yet.", "Use the offline engine: leave out --engine, or pass --engine offline.");
  }
  throw usageError(`Unknown engine "${name}".`, `Choose one of: ${ENGINE_NAMES.join(", ")}.`);
}
