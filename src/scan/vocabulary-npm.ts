/**
 * npm dependency names → canonical technology names (see vocabulary.ts for categories).
 * A datastore is named only from a client that proves it: `@prisma/client` alone says
 * nothing about the database, `pg` does.
 */
export const NPM_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  // languages
  typescript: ["typescript"],
  // HTTP servers and full-stack frameworks
  express: ["express"],
  "@nestjs/core": ["nestjs"],
  fastify: ["fastify"],
  koa: ["koa"],
  "@hapi/hapi": ["hapi"],
  hapi: ["hapi"],
  hono: ["hono"],
  "@adonisjs/core": ["adonisjs"],
  next: ["nextjs"],
  nuxt: ["nuxt"],
  react: ["react"],
  vue: ["vue"],
  "@angular/core": ["angular"],
  svelte: ["svelte"],
  "@sveltejs/kit": ["sveltekit"],
  astro: ["astro"],
  "solid-js": ["solid"],
  // ORMs
  prisma: ["prisma"],
  "@prisma/client": ["prisma"],
  typeorm: ["typeorm"],
  "@nestjs/typeorm": ["typeorm"],
  sequelize: ["sequelize"],
  "sequelize-typescript": ["sequelize"],
  "drizzle-orm": ["drizzle"],
  mongoose: ["mongoose", "mongodb"],
  "@nestjs/mongoose": ["mongoose", "mongodb"],
  knex: ["knex"],
  objection: ["objection"],
  kysely: ["kysely"],
  // datastores
  pg: ["postgresql"],
  postgres: ["postgresql"],
  "pg-promise": ["postgresql"],
  "@neondatabase/serverless": ["postgresql"],
  "@vercel/postgres": ["postgresql"],
  slonik: ["postgresql"],
  mysql: ["mysql"],
  mysql2: ["mysql"],
  mariadb: ["mariadb"],
  "better-sqlite3": ["sqlite"],
  sqlite3: ["sqlite"],
  mssql: ["mssql"],
  tedious: ["mssql"],
  oracledb: ["oracle"],
  mongodb: ["mongodb"],
  "@aws-sdk/client-dynamodb": ["dynamodb"],
  "@aws-sdk/lib-dynamodb": ["dynamodb"],
  "cassandra-driver": ["cassandra"],
  "neo4j-driver": ["neo4j"],
  nano: ["couchdb"],
  "@elastic/elasticsearch": ["elasticsearch"],
  "@opensearch-project/opensearch": ["opensearch"],
  "@clickhouse/client": ["clickhouse"],
  "@influxdata/influxdb-client": ["influxdb"],
  "@google-cloud/bigquery": ["bigquery"],
  "snowflake-sdk": ["snowflake"],
  "@aws-sdk/client-s3": ["s3"],
  minio: ["minio"],
  "@google-cloud/storage": ["gcs"],
  "@azure/storage-blob": ["azure-blob-storage"],
  "@google-cloud/firestore": ["firestore"],
  // search engines
  meilisearch: ["meilisearch"],
  "@meilisearch/instant-meilisearch": ["meilisearch"],
  typesense: ["typesense"],
  "typesense-instantsearch-adapter": ["typesense"],
  algoliasearch: ["algolia"],
  "solr-client": ["solr"],
  // caches
  ioredis: ["redis"],
  redis: ["redis"],
  "@redis/client": ["redis"],
  "@upstash/redis": ["redis"],
  "@nestjs/cache-manager": [],
  memcached: ["memcached"],
  memjs: ["memcached"],
  "hazelcast-client": ["hazelcast"],
  // messaging
  kafkajs: ["kafka"],
  "node-rdkafka": ["kafka"],
  "@confluentinc/kafka-javascript": ["kafka"],
  amqplib: ["rabbitmq"],
  "amqp-connection-manager": ["rabbitmq"],
  "@golevelup/nestjs-rabbitmq": ["rabbitmq"],
  nats: ["nats"],
  "@aws-sdk/client-sqs": ["sqs"],
  "sqs-consumer": ["sqs"],
  "@aws-sdk/client-sns": ["sns"],
  "@aws-sdk/client-kinesis": ["kinesis"],
  "@aws-sdk/client-eventbridge": ["eventbridge"],
  "@google-cloud/pubsub": ["google-pubsub"],
  "@azure/service-bus": ["azure-service-bus"],
  bullmq: ["bullmq", "redis"],
  bull: ["bullmq", "redis"],
  "@nestjs/bullmq": ["bullmq", "redis"],
  "@nestjs/bull": ["bullmq", "redis"],
  "bee-queue": ["bee-queue", "redis"],
  mqtt: ["mqtt"],
  zeromq: ["zeromq"],
  "pulsar-client": ["pulsar"],
  // auth
  passport: ["passport"],
  "@nestjs/passport": ["passport"],
  jsonwebtoken: ["jwt"],
  jose: ["jwt"],
  "@nestjs/jwt": ["jwt"],
  "express-jwt": ["jwt"],
  "@fastify/jwt": ["jwt"],
  "passport-jwt": ["passport", "jwt"],
  "openid-client": ["oauth2", "oidc"],
  "oidc-provider": ["oauth2", "oidc"],
  "simple-oauth2": ["oauth2"],
  oauth: ["oauth2"],
  "oauth4webapi": ["oauth2", "oidc"],
  "passport-oauth2": ["passport", "oauth2"],
  "@fastify/oauth2": ["oauth2"],
  "next-auth": ["next-auth"],
  "@auth/core": ["next-auth"],
  "express-session": ["sessions"],
  "@fastify/session": ["sessions"],
  "keycloak-connect": ["keycloak"],
  "keycloak-js": ["keycloak"],
  lucia: ["lucia"],
  "better-auth": ["better-auth"],
  "passport-saml": ["passport", "saml"],
  "@node-saml/passport-saml": ["passport", "saml"],
  // authorization services and policy engines
  "@openfga/sdk": ["openfga"],
  "@authzed/authzed-node": ["spicedb"],
  casbin: ["casbin"],
  "@cerbos/grpc": ["cerbos"],
  "@cerbos/http": ["cerbos"],
  "@open-policy-agent/opa-wasm": ["opa"],
  // API styles
  graphql: ["graphql"],
  "@apollo/server": ["graphql"],
  "graphql-yoga": ["graphql"],
  "type-graphql": ["graphql"],
  "@nestjs/graphql": ["graphql"],
  mercurius: ["graphql"],
  "@grpc/grpc-js": ["grpc"],
  grpc: ["grpc"],
  "@nestjs/microservices": [],
  "@trpc/server": ["trpc"],
  "socket.io": ["websocket"],
  "socket.io-client": ["websocket"],
  ws: ["websocket"],
  "@nestjs/websockets": ["websocket"],
  "@fastify/websocket": ["websocket"],
  "uWebSockets.js": ["websocket"],
  "swagger-ui-express": ["openapi"],
  "@nestjs/swagger": ["openapi"],
  "@fastify/swagger": ["openapi"],
  "express-openapi-validator": ["openapi"],
  soap: ["soap"],
  // infrastructure tooling and observability (never a cloud platform by itself)
  "aws-cdk-lib": ["aws-cdk"],
  serverless: ["serverless"],
  "prom-client": ["prometheus"],
  "dd-trace": ["datadog"],
};

/** Scoped or prefixed package families → canonical names (checked when no exact entry matches). */
export const NPM_PREFIXES: ReadonlyArray<readonly [prefix: string, names: readonly string[]]> = [
  ["@remix-run/", ["remix"]],
  ["@mikro-orm/", ["mikro-orm"]],
  ["@auth0/", ["auth0"]],
  ["@clerk/", ["clerk"]],
  ["apollo-server", ["graphql"]],
  ["@pulumi/", ["pulumi"]],
  ["@sentry/", ["sentry"]],
  ["@opentelemetry/", ["opentelemetry"]],
  ["passport-", ["passport"]],
];

/** The canonical names an npm dependency proves (empty when it proves nothing). */
export function namesForNpmDependency(dependency: string): readonly string[] {
  const exact = Object.hasOwn(NPM_DEPENDENCIES, dependency) ? NPM_DEPENDENCIES[dependency] : undefined;
  if (exact) return exact;
  // Misses (lodash, zod, typescript …) would walk every prefix again in each of a monorepo's packages.
  const known = prefixAnswers.get(dependency);
  if (known) return known;
  let found: readonly string[] = NONE;
  for (const [prefix, names] of NPM_PREFIXES) {
    if (dependency.startsWith(prefix)) {
      found = names;
      break;
    }
  }
  if (prefixAnswers.size < MAX_REMEMBERED_DEPENDENCIES) prefixAnswers.set(dependency, found);
  return found;
}

const NONE: readonly string[] = [];
const prefixAnswers = new Map<string, readonly string[]>();
const MAX_REMEMBERED_DEPENDENCIES = 10_000;
