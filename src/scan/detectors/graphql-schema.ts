import type { Detector, Finding } from "../types.js";
import { itemFinding } from "./dependency-rules.js";

/** GraphQL SDL or operation documents (`*.graphql`, `*.gql`, `*.graphqls`): graphql, with the type count of a schema. */
export const graphqlSchemaDetector: Detector = {
  id: "graphql-schema",
  matchesByName: true,
  matches: (path) => path.endsWith(".graphql") || path.endsWith(".gql") || path.endsWith(".graphqls"),
  detect(file) {
    let types = 0;
    let firstLine: number | undefined;
    let operations = 0;
    file.text.split(/\r?\n/).forEach((line, index) => {
      if (/^\s*(extend\s+)?(type|interface|input|union|enum|scalar|schema)\b/.test(line)) {
        if (/^\s*(type|interface|input|union|enum)\s+\w/.test(line)) types++;
        firstLine ??= index + 1;
      } else if (/^\s*(query|mutation|subscription|fragment)\b/.test(line)) {
        operations++;
        firstLine ??= index + 1;
      }
    });
    if (firstLine === undefined) return [];
    const detail = types > 0 ? `schema with ${types} type${types === 1 ? "" : "s"}` : `${operations} operation${operations === 1 ? "" : "s"}`;
    const finding: Finding = itemFinding("apiStyles", "graphql", { file: file.path, line: firstLine, detail });
    return [finding];
  },
};
