// Which scanner technologies an option's name mentions ("Apache Kafka" → kafka,
// "Managed cloud queue (Amazon SQS, Google Cloud Pub/Sub, …)" → sqs, google-pubsub, …).
import { CONTEXT_CATEGORIES, type ContextCategory } from "../scan/types.js";
import { VOCABULARY } from "../scan/vocabulary.js";

// Languages and these names are ordinary words in option titles ("Go further", "REST of the
// system", "a rocket of a release"), or clouds that head other names ("Azure Service Bus"): they
// would report drift that is not there.
const SKIPPED_CATEGORIES: ReadonlySet<ContextCategory> = new Set(["languages"]);
const AMBIGUOUS = new Set([
  "rest", "sessions", "serverless", "render", "solid", "echo", "chi", "rack", "warp", "poem", "rocket", "slim", "ent", "rq",
  "aws", "gcp", "azure", "docker",
]);

/** Other spellings people write for a vocabulary name. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  postgresql: ["postgres", "postgre sql", "pg"],
  mongodb: ["mongo"],
  mssql: ["sql server"],
  rabbitmq: ["rabbit mq", "amqp"],
  "google-pubsub": ["pub/sub", "pubsub"],
  "azure-service-bus": ["service bus"],
  nats: ["jetstream"],
  memcached: ["memcache"],
  dynamodb: ["dynamo"],
  cockroachdb: ["cockroach"],
  kubernetes: ["k8s"],
  opa: ["open policy agent"],
  spicedb: ["spice db"],
  openfga: ["open fga"],
  nextjs: ["next.js"],
  nestjs: ["nest.js"],
  nuxt: ["nuxt.js"],
  "aspnet-core": ["asp.net core"],
  "aws-ecs": ["ecs", "fargate"],
  "aws-eks": ["eks"],
  "aws-lambda": ["lambda"],
  "aws-rds": ["rds"],
  gcs: ["google cloud storage"],
  "azure-blob-storage": ["azure blob"],
  elasticsearch: ["elastic search"],
  opentelemetry: ["open telemetry", "otel"],
};

interface Pattern {
  name: string;
  regex: RegExp;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

let patterns: Pattern[] | undefined;

function allPatterns(): Pattern[] {
  if (patterns) return patterns;
  patterns = [];
  for (const category of CONTEXT_CATEGORIES) {
    if (SKIPPED_CATEGORIES.has(category)) continue;
    for (const name of VOCABULARY[category]) {
      if (AMBIGUOUS.has(name)) continue;
      const spellings = new Set([name, name.replace(/-/g, " "), name.replace(/-/g, ""), ...(ALIASES[name] ?? [])]);
      const alternation = [...spellings].map((s) => escape(s).replace(/ /g, "[\\s-]+")).join("|");
      patterns.push({ name, regex: new RegExp(`(?<![a-z0-9])(?:${alternation})(?![a-z0-9])`, "i") });
    }
  }
  return patterns;
}

/** The vocabulary names an option's text mentions, in vocabulary order, each once. */
export function technologiesNamed(text: string): string[] {
  return allPatterns()
    .filter((pattern) => pattern.regex.test(text))
    .map((pattern) => pattern.name)
    .filter((name, i, names) => names.indexOf(name) === i);
}
