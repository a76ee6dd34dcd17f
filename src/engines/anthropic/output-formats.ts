// The JSON schemas sent as `output_config.format`, made by the SDK's zodOutputFormat. Only the
// schema travels: replies are parsed and validated here, because local servers ignore schemas
// and the schema language cannot carry every zod rule (array minimums, cross-field checks).
import { zodOutputFormat } from "@anthropic-ai/sdk/helpers/zod";
import { z } from "zod";
import { decisionReplySchema, proposedQuestionSchema } from "./reply-schemas.js";

export interface OutputFormat {
  type: "json_schema";
  schema: Record<string, unknown>;
}

function schemaOnly(schema: z.ZodType): OutputFormat {
  const format = zodOutputFormat(schema);
  return { type: "json_schema", schema: format.schema as Record<string, unknown> };
}

let decision: OutputFormat | undefined;
let clarify: OutputFormat | undefined;

/** The decide reply's format (built once). */
export function decisionFormat(): OutputFormat {
  return (decision ??= schemaOnly(decisionReplySchema));
}

/** The clarify reply's format (built once). */
export function clarifyFormat(): OutputFormat {
  return (clarify ??= schemaOnly(z.object({ questions: z.array(proposedQuestionSchema).max(6) })));
}
