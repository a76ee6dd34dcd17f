import type { Detector, Finding } from "../types.js";
import { baseName, itemFinding } from "./dependency-rules.js";

/** Syntax only one SQL dialect accepts (or that is idiomatic to it) → that dialect's datastore name. */
const DIALECT_HINTS: Array<[string, string, RegExp]> = [
  ["postgresql", "SERIAL", /\b(BIG|SMALL)?SERIAL\b/i],
  ["postgresql", "JSONB", /\bJSONB\b/i],
  ["postgresql", "TIMESTAMPTZ", /\bTIMESTAMPTZ\b/i],
  ["postgresql", "BYTEA", /\bBYTEA\b/i],
  ["postgresql", "CREATE EXTENSION", /\bCREATE\s+EXTENSION\b/i],
  ["postgresql", "plpgsql", /\bplpgsql\b/i],
  ["postgresql", "gen_random_uuid()", /\bgen_random_uuid\s*\(/i],
  ["postgresql", "::cast", /::\s*(text|int|integer|jsonb?|uuid|timestamptz|regclass)\b/i],
  ["mysql", "AUTO_INCREMENT", /\bAUTO_INCREMENT\b/i],
  ["mysql", "ENGINE=InnoDB", /\bENGINE\s*=\s*(InnoDB|MyISAM)\b/i],
  ["mysql", "DEFAULT CHARSET", /\bDEFAULT\s+CHARSET\b|\bCHARACTER\s+SET\s+utf8mb4\b/i],
  ["mysql", "UNSIGNED", /\b(INT|BIGINT|TINYINT|SMALLINT)(\(\d+\))?\s+UNSIGNED\b/i],
  ["sqlite", "AUTOINCREMENT", /\bAUTOINCREMENT\b/i],
  ["sqlite", "PRAGMA", /^\s*PRAGMA\s/i],
  ["sqlite", "WITHOUT ROWID", /\bWITHOUT\s+ROWID\b/i],
  ["mssql", "NVARCHAR", /\bNVARCHAR\s*\((\d+|MAX)\)/i],
  ["mssql", "IDENTITY(1,1)", /\bIDENTITY\s*\(\s*1\s*,\s*1\s*\)/i],
  ["mssql", "[dbo]", /\[dbo\]/i],
];

const MIGRATION_PATH = /(^|\/)(migrations?|migrate|changelogs?|flyway|liquibase|schema|sql)\/|(^|\/)[VRU]\d+(?:[._]\d+)*__[^/]+\.sql$|(^|\/)(schema|structure|init)\.sql$/i;

/**
 * SQL migrations and schema dumps (`migrations/**.sql`, Flyway `V1__x.sql`, Liquibase changelogs, `schema.sql`):
 * the dialect their syntax betrays and how many tables they create. Generic SQL proves no dialect and reports nothing.
 */
export const sqlMigrationsDetector: Detector = {
  id: "sql-migrations",
  matches: (path) => (path.endsWith(".sql") || path.endsWith(".SQL")) && MIGRATION_PATH.test(path),
  detect(file) {
    const score = new Map<string, { count: number; line: number; hint: string }>();
    let tables = 0;
    file.text.split(/\r?\n/).forEach((raw, index) => {
      // Comments and string literals say nothing about the dialect.
      const line = raw.replace(/--.*$/, "").replace(/'(?:[^']|'')*'/g, "''");
      if (/\bCREATE\s+(?:UNLOGGED\s+|TEMP(?:ORARY)?\s+)?TABLE\b/i.test(line)) tables++;
      for (const [dialect, hint, pattern] of DIALECT_HINTS) {
        if (!pattern.test(line)) continue;
        const entry = score.get(dialect) ?? { count: 0, line: index + 1, hint };
        entry.count++;
        score.set(dialect, entry);
      }
    });
    const ranked = [...score.entries()].sort((a, b) => b[1].count - a[1].count || a[1].line - b[1].line);
    const [best, second] = ranked;
    if (!best || (second && second[1].count === best[1].count)) return [];
    const detail = `${best[1].hint}${tables > 0 ? `; ${tables} CREATE TABLE` : ""} in ${baseName(file.path)}`;
    const finding: Finding = itemFinding("datastores", best[0], { file: file.path, line: best[1].line, detail });
    return [finding];
  },
};
