import { runtimeError } from "../../domain/errors.js";
import type { DecideRequest, DecideResult } from "../types.js";
import type { Question, Topic } from "./knowledge/schema.js";

/** Builds the full Decision for a request (in progress). */
export async function decideOffline(_request: DecideRequest, _topics: Topic[], _generic: Question[]): Promise<DecideResult> {
  throw runtimeError("The offline engine's decide() is not implemented yet.");
}
