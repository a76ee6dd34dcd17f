// A hand-written Decision (as an engine would produce it) for rendering tests that must not
// depend on the engine's scoring.
import { decisionSchema, type Decision } from "../../src/domain/decision.js";

/** A complete, valid message-broker decision with repo, answered and assumed facts. */
export function brokerDecision(): Decision {
  return decisionSchema.parse({
    title: "Choose a message queue",
    topic: "message-broker",
    problemStatement: "Choose a message queue: the API hands e-mail and export jobs to workers, and producers must not wait for them",
    analysis: {
      domain: "Task offloading from the web tier to background workers",
      dataAccessPatterns: "Small messages written once and consumed once by competing workers",
      trafficShape: "Bursty, following user traffic; workers drain at their own pace",
      timelineAndMaintenance: "The queue becomes shared infrastructure for years",
    },
    facts: [
      { statement: "Redis 7 already runs in docker compose", source: "repo", evidence: ["docker-compose.yml:9"], dimension: "integration" },
      { statement: "The service uses BullMQ", source: "repo", evidence: ["package.json:15"], dimension: "integration" },
      { statement: "Peak load is 100 – 1,000 messages per second", source: "answer", dimension: "scale" },
      { statement: "At-least-once delivery with idempotent consumers is acceptable", source: "assumption", dimension: "consistency" },
    ],
    dimensions: [
      { dimension: "scale", source: "answer", summary: "100 – 1,000 messages per second" },
      { dimension: "latency", source: "assumption", summary: "p99 between 10 and 100 ms" },
      { dimension: "consistency", source: "assumption", summary: "at-least-once, no ordering" },
      { dimension: "budget", source: "assumption", summary: "under $500 per month, part-time ops" },
      { dimension: "team", source: "assumption", summary: "four to ten engineers" },
      { dimension: "security", source: "assumption", summary: "GDPR-level protection | personal data" },
      { dimension: "integration", source: "repo", summary: "Redis already runs here" },
    ],
    drivers: [
      { id: "ops-effort", dimension: "budget", statement: "Low operational effort: nothing new to run", weight: 3 },
      { id: "throughput", dimension: "scale", statement: "Throughput head-room", weight: 1.5 },
      { id: "guarantees", dimension: "consistency", statement: "Delivery guarantees", weight: 3 },
    ],
    options: [
      {
        id: "redis-queue",
        name: "Redis (BullMQ)",
        description: "A job queue on the Redis the system already runs",
        good: ["Redis already runs here, so there is nothing new to operate", "The team knows BullMQ"],
        neutral: ["Delayed and repeatable jobs are built in"],
        bad: ["Redis keeps the queue in memory, so a large backlog costs RAM", "There is no replay once a job completed"],
        technicalDebt: "Queue semantics live in the library, not in a broker",
        migrationPath: "Dual-publish to the new broker, then switch consumers",
        score: 4.2,
        driverScores: { "ops-effort": 5, throughput: 3, guarantees: 3 },
      },
      {
        id: "rabbitmq",
        name: "RabbitMQ",
        description: "A general-purpose AMQP broker",
        good: ["Flexible routing and dead-lettering"],
        bad: ["A new stateful service to run"],
        technicalDebt: "Topology drifts without versioned definitions",
        migrationPath: "Shovel plugin bridges brokers during a cut-over",
        score: 3.6,
        driverScores: { "ops-effort": 3, throughput: 3, guarantees: 4 },
      },
    ],
    chosen: { optionId: "redis-queue", because: "Redis already runs here and the load stays well within one node's head-room.", driversAddressed: ["ops-effort", "throughput"] },
    consequences: { good: ["No new infrastructure to operate"], bad: ["The backlog is bounded by Redis memory"] },
    confirmation: ["A test enqueues a job and a worker acknowledges it", "Queue depth is on the dashboard"],
    guidelines: ["Enable AOF persistence with fsync every second", "Make workers idempotent"],
    risks: [{ risk: "Redis runs out of memory during a consumer outage", mitigation: "Alert on queue depth and set maxmemory-policy noeviction", likelihood: "medium" }],
    alternatives: [{ optionId: "rabbitmq", when: "When routing to several consumer types or strict durability matters more than operating nothing new" }],
    edgeCases: ["A poison job is retried forever unless attempts are capped"],
    security: ["Require AUTH and TLS on Redis; the queue carries personal data"],
    operations: ["Back up the Redis AOF file and monitor memory"],
    teamFit: "The team already runs Redis and BullMQ",
    assumptions: ["At-least-once delivery with idempotent consumers is acceptable"],
    revisitWhen: ["Load exceeds 10,000 jobs per second", "Consumers need to replay history"],
    confidence: { level: "medium", reason: "Several requirements were assumed", wouldSettle: ["--answer message-broker.delivery=exactly-once"] },
  });
}
