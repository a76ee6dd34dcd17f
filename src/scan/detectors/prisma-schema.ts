import type { Detector, Finding } from "../types.js";
import { itemFinding } from "./dependency-rules.js";

/** Prisma datasource providers → canonical datastore names. */
const PRISMA_PROVIDERS: Record<string, string> = {
  postgresql: "postgresql",
  postgres: "postgresql",
  mysql: "mysql",
  sqlite: "sqlite",
  sqlserver: "mssql",
  mongodb: "mongodb",
  cockroachdb: "cockroachdb",
};

/**
 * Prisma schema files: prisma itself (with the model count) and the datasource provider. The DSL is read by line;
 * only `provider` is read inside a datasource block, never `url` (it may hold credentials).
 */
export const prismaSchemaDetector: Detector = {
  id: "prisma-schema",
  matchesByName: true,
  matches: (path) => path.endsWith(".prisma"),
  detect(file) {
    const findings: Finding[] = [];
    let block: "datasource" | "other" | undefined;
    let models = 0;
    let firstLine: number | undefined;
    file.text.split(/\r?\n/).forEach((line, index) => {
      const opened = /^\s*(datasource|generator|model|enum|view|type)\s+\w+\s*\{/.exec(line)?.[1];
      if (opened) {
        block = opened === "datasource" ? "datasource" : "other";
        if (opened === "model") models++;
        firstLine ??= index + 1;
        return;
      }
      if (/^\s*\}/.test(line)) {
        block = undefined;
        return;
      }
      const provider = block === "datasource" ? /^\s*provider\s*=\s*"([\w-]+)"/.exec(line)?.[1] : undefined;
      const name = provider ? PRISMA_PROVIDERS[provider] : undefined;
      if (name) findings.push(itemFinding("datastores", name, { file: file.path, line: index + 1, detail: `prisma datasource provider "${provider}"` }));
    });
    if (firstLine === undefined) return findings;
    findings.unshift(itemFinding("frameworks", "prisma", { file: file.path, line: firstLine, detail: `${models} model${models === 1 ? "" : "s"}` }));
    return findings;
  },
};
