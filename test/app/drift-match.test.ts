import { describe, expect, it } from "@jest/globals";
import { technologiesNamed } from "../../src/app/drift-match.js";

describe("technologiesNamed", () => {
  it.each([
    ["RabbitMQ", ["rabbitmq"]],
    ["Apache Kafka", ["kafka"]],
    ["PostgreSQL", ["postgresql"]],
    // PgBouncer is a vocabulary name since the scanner recognises connection poolers
    ["Postgres with PgBouncer", ["postgresql", "pgbouncer"]],
    ["Managed cloud queue (Amazon SQS, Google Cloud Pub/Sub, Azure Service Bus)", ["sqs", "google-pubsub", "azure-service-bus"]],
    ["NATS JetStream", ["nats"]],
    ["Spring Boot", ["spring-boot"]],
    ["Express", ["express"]],
    ["Modular monolith", []],
    ["Go further with REST", []],
  ])("%s → %j", (text, expected) => {
    expect(technologiesNamed(text)).toEqual(expected);
  });

  it("does not match a name inside a longer word", () => {
    expect(technologiesNamed("Kafkaesque bureaucracy")).toEqual([]);
  });
});
