import { describe, expect, it } from "@jest/globals";
import { contextItemsUsed, provenanceOf } from "../../src/app/decision-provenance.js";
import type { ResolvedAnswer } from "../../src/clarify/types.js";
import type { RepoContext } from "../../src/scan/types.js";
import { VERSION } from "../../src/version.js";
import { brokerDecision } from "../render/decision-fixture.js";

function context(): RepoContext {
  const empty = { languages: [], frameworks: [], datastores: [], caches: [], messaging: [], apiStyles: [], auth: [], infra: [], ci: [] };
  return {
    root: "/repo",
    ...empty,
    caches: [{ name: "redis", version: "7", evidence: [{ file: "docker-compose.yml", line: 9 }, { file: "package.json", line: 12 }] }],
    messaging: [{ name: "bullmq", evidence: [{ file: "package.json", line: 15 }] }],
    datastores: [{ name: "postgresql", evidence: [{ file: "docker-compose.yml", line: 3 }] }],
    infra: [{ name: "docker", evidence: [{ file: "Dockerfile" }] }],
    services: [{ name: "worker", source: "compose", evidence: [{ file: "docker-compose.yml", line: 20 }] }],
    packages: [],
    existingDecisions: [],
    warnings: [],
  };
}

const answers: ResolvedAnswer[] = [
  { key: "integration.cloud", dimension: "integration", value: "aws", source: "repo", statement: "The repository deploys to AWS.", evidence: [{ file: "Dockerfile" }] },
  { key: "scale.rps", dimension: "scale", value: "100-1k", source: "assumption", statement: "Assumed.", evidence: [{ file: "docker-compose.yml", line: 3 }] },
];

describe("context items a decision used", () => {
  it("keeps items whose evidence is cited by a repository fact or answer, or that a repository fact names", () => {
    const used = contextItemsUsed(brokerDecision(), answers, context());
    // redis: cited docker-compose.yml:9; bullmq: named ("uses BullMQ") and cited; docker: cited by a repo answer.
    expect(used).toEqual([
      { name: "bullmq", evidence: ["package.json:15"] },
      { name: "docker", evidence: ["Dockerfile"] },
      { name: "redis", evidence: ["docker-compose.yml:9", "package.json:12"] },
    ]);
    // postgresql's evidence is only cited by an assumption; the worker service is never mentioned.
    expect(used.map((item) => item.name)).not.toContain("postgresql");
    expect(used.map((item) => item.name)).not.toContain("worker");
  });

  it("provenance records version, engine, source, topic, every answer with its source and the assumptions", () => {
    const decision = brokerDecision();
    const block = provenanceOf({ decision, engine: "offline", source: "message-broker@1", notes: [] }, answers, context());
    expect(block).toMatchObject({ adrgen: VERSION, engine: "offline", source: "message-broker@1", topic: "message-broker" });
    expect(block.answers).toEqual([
      { key: "integration.cloud", value: "aws", source: "repo" },
      { key: "scale.rps", value: "100-1k", source: "assumption" },
    ]);
    expect(block.assumptions).toEqual(decision.assumptions);
  });
});
