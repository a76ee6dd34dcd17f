import type { Detector, Finding, ScannedFile } from "../types.js";
import { baseName, hasFileName, itemFinding } from "./dependency-rules.js";

/** A section or key of a configuration file, by name and line only: values (auth_file, passwords) are never kept. */
export interface ConfigName {
  name: string;
  line: number;
}

/** What `readIniNames` found: the sections with their key names, or the first line that is not INI. */
export type IniOutline =
  | { ok: true; sections: Array<ConfigName & { keys: ConfigName[] }> }
  | { ok: false; line: number };

const SECTION = /^\[\s*([^\]]+?)\s*\]\s*$/;
const INI_KEY = /^([^=\s][^=]*?)\s*=/;

/**
 * Section and key names of an INI file (`[section]`, `key = value`, `;`/`#` comments, pgbouncer's `%include`).
 * Never throws; a line that is none of these makes the whole file "not INI", so a misnamed file cannot pass as one.
 */
export function readIniNames(text: string): IniOutline {
  const sections: Array<ConfigName & { keys: ConfigName[] }> = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? "").trim();
    if (line === "" || line.startsWith(";") || line.startsWith("#") || line.startsWith("%include")) continue;
    const section = SECTION.exec(line);
    if (section?.[1]) {
      sections.push({ name: section[1], line: index + 1, keys: [] });
      continue;
    }
    const key = INI_KEY.exec(line);
    if (!key?.[1]) return { ok: false, line: index + 1 };
    sections.at(-1)?.keys.push({ name: key[1], line: index + 1 });
  }
  return { ok: true, sections };
}

/** The sections that make an INI file a PgBouncer configuration, in the order they are preferred as evidence. */
const PGBOUNCER_SECTIONS = ["databases", "pgbouncer"];

/** pgbouncer.ini → pgbouncer, cited on its `[databases]` (else `[pgbouncer]`) section line. */
function pgbouncerFindings(file: ScannedFile): Finding[] {
  const outline = readIniNames(file.text);
  if (!outline.ok) return [{ kind: "warning", message: "could not parse pgbouncer.ini: not an INI file", file: file.path, line: outline.line }];
  for (const wanted of PGBOUNCER_SECTIONS) {
    const section = outline.sections.find((candidate) => candidate.name.toLowerCase() === wanted);
    if (section) return [itemFinding("infra", "pgbouncer", { file: file.path, line: section.line, detail: `pgbouncer.ini [${wanted}]` })];
  }
  // A file named pgbouncer.ini that only %includes others still configures PgBouncer.
  return [itemFinding("infra", "pgbouncer", { file: file.path, detail: "pgbouncer.ini" })];
}

/** ProxySQL's top-level settings (libconfig `name = value`, `name: value`) that show what the proxy serves. */
const PROXYSQL_SETTINGS = new Set(["mysql_servers", "mysql_variables", "admin_variables", "mysql_users", "mysql_query_rules", "pgsql_servers", "pgsql_variables"]);
const LIBCONFIG_SETTING = /^([A-Za-z*][\w*-]*)\s*[:=]/;

/**
 * proxysql.cnf → proxysql, cited on its first well-known top-level setting. The file is libconfig, not INI: only
 * setting names at brace/parenthesis depth 0 are read, never a value (admin_credentials, passwords).
 */
function proxysqlFindings(file: ScannedFile): Finding[] {
  let depth = 0;
  const lines = file.text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? "").replace(/#.*$/, "").trim();
    const setting = depth === 0 ? LIBCONFIG_SETTING.exec(line)?.[1] : undefined;
    if (setting && PROXYSQL_SETTINGS.has(setting)) return [itemFinding("infra", "proxysql", { file: file.path, line: index + 1, detail: `proxysql.cnf ${setting}` })];
    for (const char of line.replace(/"(?:[^"\\]|\\.)*"/g, "")) {
      if (char === "{" || char === "(") depth++;
      else if ((char === "}" || char === ")") && depth > 0) depth--;
    }
  }
  return [itemFinding("infra", "proxysql", { file: file.path, detail: "proxysql.cnf" })];
}

/**
 * Connection-pooler configuration files, by their conventional names: `pgbouncer.ini` (PgBouncer) and `proxysql.cnf`
 * (ProxySQL, `/etc/proxysql.cnf`). Section and setting names are evidence; their values are never read into findings.
 */
export const poolerConfigDetector: Detector = {
  id: "pooler-configs",
  matchesByName: true,
  matches: (path) => hasFileName(path, "pgbouncer.ini") || hasFileName(path, "proxysql.cnf"),
  detect(file) {
    return baseName(file.path) === "pgbouncer.ini" ? pgbouncerFindings(file) : proxysqlFindings(file);
  },
};
