// Golden generated ADRs: `adrgen new "<title>"` on copies of fixture repositories with a fixed
// date and decision-makers, compared byte for byte. Regenerate after an intended change with:
//   UPDATE_GOLDEN=1 npm test -- test/render/generated-golden
import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseMachineBlock, sectionHashes } from "../../src/render/machine-block.js";
import { runAdrgen } from "../helpers/run.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { copyFixture } from "../scan/fixture-repo.js";
import { expectGolden } from "../helpers/golden.js";

afterAll(cleanupTempDirs);

const GOLDEN_DIR = path.join(PROJECT_ROOT, "adr-examples/generated");
const ENV = { ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example, Sam Sample" };

interface GoldenCase {
  golden: string;
  fixture: string;
  title: string;
  topic: string;
  args?: string[];
}

const CASES: GoldenCase[] = [
  { golden: "node-postgres-redis-message-broker.md", fixture: "node-postgres-redis", title: "choose message queue", topic: "message-broker" },
  {
    golden: "node-postgres-redis-message-broker-answered.md",
    fixture: "node-postgres-redis",
    title: "Kafka vs RabbitMQ for order events",
    topic: "message-broker",
    args: ["--answer", "message-broker.replay=yes", "--answer", "scale.rps=10k-100k", "--answer", "message-broker.ordering=per-key", "--answer", "message-broker.delivery=exactly-once", "--answer", "budget.ops=some"],
  },
  { golden: "node-postgres-redis-message-broker-nygard.md", fixture: "node-postgres-redis", title: "choose message queue", topic: "message-broker", args: ["--template", "nygard"] },
  { golden: "node-postgres-redis-message-broker-minimal.md", fixture: "node-postgres-redis", title: "choose message queue", topic: "message-broker", args: ["--template", "madr4-minimal"] },
  { golden: "terraform-aws-message-broker.md", fixture: "terraform-aws", title: "choose message queue", topic: "message-broker", args: ["--answer", "team.size=1-3", "--answer", "budget.ops=none"] },
  { golden: "node-postgres-redis-primary-database.md", fixture: "node-postgres-redis", title: "Postgres or Mongo for orders", topic: "primary-database" },
  { golden: "go-kafka-k8s-api-style.md", fixture: "go-kafka-k8s", title: "REST vs GraphQL vs gRPC for the public API", topic: "api-style" },
  { golden: "python-fastapi-celery-rabbitmq-authentication.md", fixture: "python-fastapi-celery-rabbitmq", title: "how should we do auth?", topic: "authentication" },
  {
    golden: "python-fastapi-celery-rabbitmq-authentication-answered.md",
    fixture: "python-fastapi-celery-rabbitmq",
    title: "how should we do auth?",
    topic: "authentication",
    args: ["--answer", "security.compliance=hipaa", "--answer", "team.size=1-3", "--answer", "scale.users=lt-1k"],
  },
];

async function generate(c: GoldenCase): Promise<string> {
  const repo = copyFixture(c.fixture, { git: true });
  const result = await runAdrgen(["new", c.title, "--yes", "--stdout", ...(c.args ?? [])], { cwd: repo, env: ENV });
  expect(result.stderr).not.toMatch(/^error/m);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe("golden generated ADRs", () => {
  it.each(CASES)("$golden", async (c) => {
    const actual = await generate(c);
    expectGolden(path.join(GOLDEN_DIR, c.golden), actual);
    const block = parseMachineBlock(actual)!;
    expect(block.topic).toBe(c.topic);
    expect(block.sections).toEqual(sectionHashes(actual));
  });

  it("keeps every generated golden covered by a case (no stale examples)", () => {
    const listed = readdirSync(GOLDEN_DIR).sort();
    expect(listed).toEqual(CASES.map((c) => c.golden).sort());
  });

  it("the golden ADRs pass adrgen lint with no findings", async () => {
    const repo = makeTempDir();
    const dir = path.join(repo, "docs/adr");
    mkdirSync(dir, { recursive: true });
    CASES.forEach((c, index) => {
      const name = `${String(index + 1).padStart(4, "0")}-${c.golden}`;
      writeFileSync(path.join(dir, name), readFileSync(path.join(GOLDEN_DIR, c.golden), "utf8").replace(/^# \d+\. /m, `# ${index + 1}. `));
    });
    const lint = await runAdrgen(["lint", "--json"], { cwd: repo });
    const report = JSON.parse(lint.stdout) as { findings: Array<{ severity: string; rule: string; file: string; message: string }> };
    expect(report.findings).toEqual([]);
    expect(lint.code).toBe(0);
  });
});
