import { afterAll, describe, expect, it } from "@jest/globals";
import { scanRepository } from "../../../src/scan/scan.js";
import { cleanupTempDirs, makeTempDir } from "../../helpers/tmp.js";

afterAll(cleanupTempDirs);

// The new signals through the real registry and scanner (file matching by name, merging, redaction), in a temp repo.
describe("custom resources, Terraform providers and pooler configs through scanRepository", () => {
  it("reports each with its evidence line and no configuration values", async () => {
    const root = makeTempDir({
      "deploy/pgbouncer/pgbouncer.ini": "[databases]\napp = host=db dbname=app password=planted-scan-secret\n[pgbouncer]\nauth_file = /etc/pgbouncer/userlist.txt\n",
      "docker/proxysql.cnf": 'datadir="/var/lib/proxysql"\nmysql_servers =\n(\n  { address = "mysql", port = 3306 }\n)\n',
      "k8s/mesh.yaml": "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: deny-all\n",
      "infra/nomad.tf": 'resource "nomad_job" "api" {\n  jobspec = file("api.hcl")\n}\n',
    });
    const context = await scanRepository(root, { includeDecisions: false });
    const evidence = (name: string) => context.infra.find((item) => item.name === name)?.evidence;
    expect(evidence("pgbouncer")).toEqual([{ file: "deploy/pgbouncer/pgbouncer.ini", line: 1, detail: "pgbouncer.ini [databases]" }]);
    expect(evidence("proxysql")).toEqual([{ file: "docker/proxysql.cnf", line: 2, detail: "proxysql.cnf mysql_servers" }]);
    expect(evidence("istio")).toEqual([{ file: "k8s/mesh.yaml", line: 2, detail: "kind AuthorizationPolicy (security.istio.io/v1)" }]);
    expect(evidence("nomad")).toEqual([{ file: "infra/nomad.tf", line: 1, detail: "resource nomad_job.api" }]);
    expect(context.warnings).toEqual([]);
    expect(JSON.stringify(context)).not.toContain("planted-scan-secret");
  });
});
