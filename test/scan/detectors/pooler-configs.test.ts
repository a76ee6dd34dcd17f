import { describe, expect, it } from "@jest/globals";
import { poolerConfigDetector, readIniNames } from "../../../src/scan/detectors/pooler-configs.js";
import { evidenceOf, itemKeys, runDetector, warningsOf } from "./run-detector.js";

const PGBOUNCER_INI = `;; PgBouncer configuration
[databases]
orders = host=db.internal port=5432 dbname=orders password=planted-pgbouncer-secret

[pgbouncer]
listen_port = 6432
auth_file = /etc/pgbouncer/userlist-planted.txt
pool_mode = transaction
%include /etc/pgbouncer/extra.ini
`;

const PROXYSQL_CNF = `#file proxysql.cfg
datadir="/var/lib/proxysql"
admin_variables=
{
  admin_credentials="admin:planted-proxysql-secret"
  mysql_ifaces="0.0.0.0:6032"
}
mysql_servers =
(
  { address = "mysql-1", port = 3306, hostgroup = 0 }
)
`;

describe("connection-pooler configuration files", () => {
  it("matches pgbouncer.ini and proxysql.cnf by file name in any directory", () => {
    expect(poolerConfigDetector.matchesByName).toBe(true);
    for (const name of ["pgbouncer.ini", "proxysql.cnf"]) expect(poolerConfigDetector.matches(name)).toBe(true);
    for (const name of ["my-pgbouncer.ini", "pgbouncer.ini.example", "proxysql.cfg", "config.ini", "userlist.txt"]) {
      expect(poolerConfigDetector.matches(name)).toBe(false);
    }
  });

  it("cites pgbouncer.ini on its [databases] section line", async () => {
    const findings = await runDetector(poolerConfigDetector, "deploy/pgbouncer/pgbouncer.ini", PGBOUNCER_INI);
    expect(itemKeys(findings)).toEqual(["infra:pgbouncer"]);
    expect(evidenceOf(findings, "pgbouncer")).toEqual([{ file: "deploy/pgbouncer/pgbouncer.ini", line: 2, detail: "pgbouncer.ini [databases]" }]);
  });

  it("falls back to the [pgbouncer] section, then to the file name", async () => {
    const onlySettings = await runDetector(poolerConfigDetector, "pgbouncer.ini", "# settings only\n\n[pgbouncer]\nlisten_port = 6432\n");
    expect(evidenceOf(onlySettings, "pgbouncer")).toEqual([{ file: "pgbouncer.ini", line: 3, detail: "pgbouncer.ini [pgbouncer]" }]);
    const onlyIncludes = await runDetector(poolerConfigDetector, "pgbouncer.ini", "%include /etc/pgbouncer/base.ini\n");
    expect(evidenceOf(onlyIncludes, "pgbouncer")).toEqual([{ file: "pgbouncer.ini", detail: "pgbouncer.ini" }]);
  });

  it("cites proxysql.cnf on its first well-known top-level setting", async () => {
    const findings = await runDetector(poolerConfigDetector, "docker/proxysql.cnf", PROXYSQL_CNF);
    expect(itemKeys(findings)).toEqual(["infra:proxysql"]);
    expect(evidenceOf(findings, "proxysql")).toEqual([{ file: "docker/proxysql.cnf", line: 3, detail: "proxysql.cnf admin_variables" }]);
    const nested = await runDetector(poolerConfigDetector, "proxysql.cnf", 'datadir="/x"\nother=\n{\n  mysql_servers = 1\n}\nmysql_servers =\n(\n)\n');
    expect(evidenceOf(nested, "proxysql")).toEqual([{ file: "proxysql.cnf", line: 6, detail: "proxysql.cnf mysql_servers" }]);
  });

  it("never copies values such as passwords or auth_file paths", async () => {
    const text = JSON.stringify([
      ...(await runDetector(poolerConfigDetector, "pgbouncer.ini", PGBOUNCER_INI)),
      ...(await runDetector(poolerConfigDetector, "proxysql.cnf", PROXYSQL_CNF)),
    ]);
    for (const secret of ["planted-pgbouncer-secret", "userlist-planted", "planted-proxysql-secret", "db.internal", "mysql-1"]) expect(text).not.toContain(secret);
  });

  it("turns a pgbouncer.ini that is not INI into a warning instead of throwing", async () => {
    const findings = await runDetector(poolerConfigDetector, "pgbouncer.ini", "[databases]\nthis line has no equals sign\n");
    expect(itemKeys(findings)).toEqual([]);
    expect(warningsOf(findings)).toEqual([{ kind: "warning", message: "could not parse pgbouncer.ini: not an INI file", file: "pgbouncer.ini", line: 2 }]);
    for (const garbage of ["", "\u0000\u0001", "[unclosed\n", "==="]) expect(() => readIniNames(garbage)).not.toThrow();
  });

  it("reads INI section and key names with their lines, never values", () => {
    expect(readIniNames("; c\n[a]\nx = 1\n# c\n[ b ]\ny=2\n")).toEqual({
      ok: true,
      sections: [
        { name: "a", line: 2, keys: [{ name: "x", line: 3 }] },
        { name: "b", line: 5, keys: [{ name: "y", line: 6 }] },
      ],
    });
  });
});
