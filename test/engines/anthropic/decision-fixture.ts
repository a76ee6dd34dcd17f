// Replies a well-behaved model would give, built from what the request actually carried.
import { DIMENSIONS } from "../../../src/domain/dimensions.js";
import type { RecordedRequest } from "./fake-messages-api.js";

/** The user message of a request (the first turn). */
export const userText = (request: RecordedRequest): string => request.body.messages[0]!.content;

/** The evidence ids the request's context legend lists. */
export function legendIds(request: RecordedRequest): string[] {
  return [...userText(request).matchAll(/^\[(E\d+)\] /gm)].map((m) => m[1]!);
}

/** A complete decision that passes decisionSchema and validateDecision, citing the given evidence ids. */
export function decisionReply(evidence: string[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Choose a message queue",
    topic: "message-broker",
    problemStatement: "Order events must reach the billing and email services reliably. The service already runs PostgreSQL and Redis.",
    analysis: {
      domain: "An order pipeline that fans events out to billing and email.",
      dataAccessPatterns: "Append-only events consumed by two services; replay rarely needed.",
      trafficShape: "Steady daytime load with evening peaks around 300 events/s.",
      timelineAndMaintenance: "Needed this quarter; a two-person team maintains it.",
    },
    facts: [
      { statement: "The service runs PostgreSQL.", source: "repo", evidence, dimension: "integration" },
      { statement: "Peak load stays under 1,000 events per second.", source: "assumption", evidence: [] },
    ],
    dimensions: DIMENSIONS.map((dimension) => ({ dimension, source: "assumption", summary: `Assumed ${dimension} needs are moderate.` })),
    drivers: [
      { id: "reuse", dimension: "team", statement: "Reuse what the team already operates.", weight: 3 },
      { id: "reliability", dimension: "consistency", statement: "No lost order events.", weight: 1 },
    ],
    options: [
      { id: "rabbitmq", name: "RabbitMQ", description: "A classic broker with acknowledgements.", good: ["it acknowledges each message"], neutral: [], bad: ["it is one more service to run"], technicalDebt: "Broker upgrades.", migrationPath: "Move queues to Kafka topics later.", driverScores: [{ driverId: "reuse", score: 2 }, { driverId: "reliability", score: 5 }] },
      { id: "pg-queue", name: "PostgreSQL queue table", description: "SKIP LOCKED on a jobs table.", good: ["PostgreSQL already runs"], neutral: ["throughput is bounded by the database"], bad: ["it loads the primary database"], technicalDebt: "Queue logic in the app.", migrationPath: "Swap the outbox relay for a broker.", driverScores: [{ driverId: "reuse", score: 5 }, { driverId: "reliability", score: 4 }] },
    ],
    chosen: { optionId: "pg-queue", because: "PostgreSQL already runs and the load is modest", driversAddressed: ["reuse", "reliability"] },
    consequences: { good: ["no new service to operate"], bad: ["queue load shares the primary database"] },
    confirmation: ["A load test at 1,000 events/s keeps p99 enqueue latency under 20 ms."],
    guidelines: ["Use SELECT … FOR UPDATE SKIP LOCKED with a visibility timeout."],
    risks: [{ risk: "Queue growth bloats the table.", mitigation: "Partition by day and drop old partitions.", likelihood: "medium" }],
    alternatives: [{ optionId: "rabbitmq", when: "load passes 5,000 events/s or many consumers appear" }],
    edgeCases: ["A consumer crashes mid-job: the lock expires and another worker retries."],
    security: ["Jobs carry ids only, no personal data."],
    operations: ["Alert on queue depth and oldest job age."],
    teamFit: "The team knows PostgreSQL well.",
    assumptions: ["Peak load stays under 1,000 events per second."],
    revisitWhen: ["Queue depth stays above 10,000 for a day."],
    confidence: { level: "medium", reason: "Load figures are assumed.", wouldSettle: ["What is the peak event rate?"] },
    ...overrides,
  };
}

/** A clarify reply with one topic-specific question. */
export const CLARIFY_REPLY = JSON.stringify({
  questions: [
    {
      key: "replay",
      dimension: "consistency",
      prompt: "Must consumers be able to replay past events?",
      why: "Replay needs a log-based broker rather than a queue.",
      choices: [
        { value: "yes", label: "yes, days of history" },
        { value: "no", label: "no, once processed they can go" },
      ],
      assumption: { value: "no", statement: "Consumers do not need to replay past events." },
    },
  ],
});
