// What reading the knowledge base from its YAML takes: the YAML parser and the zod schemas.
// load.ts imports this only when there is no build-validated dist/kb (running from
// source), so a built `adrgen new` never loads zod or yaml for the knowledge base.
import { z } from "zod";

export { parse as parseYaml } from "yaml";
export { dimensionsFileSchema, topicSchema } from "./schema.js";

/** The match data of a topic (see topic-index.ts), for files the simple readers cannot read. */
export const topicStubSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  match: z.object({ phrases: z.array(z.string()).min(1), keywords: z.array(z.string()).default([]) }),
  options: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), aliases: z.array(z.string()).default([]) })).min(1),
});
