import { z } from "zod";
import { DIMENSIONS } from "../../../domain/dimensions.js";

/** The seven advisory domains of DESIGN.md §2 a topic belongs to. */
export const DOMAINS = ["databases", "api-design", "architecture", "auth", "performance", "infrastructure", "security"] as const;

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case kebab id");
/** Answer keys: `<dimension or topic id>.<name>`, e.g. `scale.rps` or `message-broker.replay`. */
const answerKey = z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, "answer key like scale.rps");

/**
 * A condition over the repository context and the answers. Every key present must hold;
 * a list means "any of". An empty condition always holds.
 */
export const conditionSchema = z
  .object({
    /** Answer key → accepted value(s). */
    answer: z.record(answerKey, z.union([text, z.array(text).min(1)])).optional(),
    /** Any of these technologies is in the scanned context (any category, or a service image). */
    uses: z.array(id).min(1).optional(),
    /** None of these technologies is in the scanned context. */
    lacks: z.array(id).min(1).optional(),
    /** The repository's main language is one of these. */
    language: z.array(id).min(1).optional(),
    /** The repository deploys to one of these clouds (from deployment evidence only). */
    cloud: z.array(z.enum(["aws", "gcp", "azure"])).min(1).optional(),
    /** An earlier accepted ADR chose one of these (option ids or technology names). */
    decided: z.array(id).min(1).optional(),
    /** An earlier ADR rejected one of these. */
    rejected: z.array(id).min(1).optional(),
  })
  .strict();

/** A rule that moves an option's score, with the sentence the ADR shows when it fires. */
export const fitRuleSchema = z
  .object({
    when: conditionSchema,
    /** Points added to the option's weighted score (typically -3..+3). */
    adjust: z.number().min(-10).max(10),
    /** Why, in one sentence; `{evidence}` is replaced by the files that prove the condition. */
    reason: text,
  })
  .strict();

/** A rule that scales a criterion's weight when the context or answers make it matter more or less. */
export const weightRuleSchema = z
  .object({ when: conditionSchema, criterion: id, factor: z.number().min(0).max(5), reason: text })
  .strict();

export const criterionSchema = z
  .object({
    id,
    label: text,
    dimension: z.enum(DIMENSIONS),
    /** Base weight 1..5. */
    weight: z.number().int().min(1).max(5),
    description: text,
  })
  .strict();

export const choiceSchema = z.object({ value: id, label: text }).strict();

/** A clarifying question; the repository may answer it, otherwise the user, otherwise the assumption. */
export const questionSchema = z
  .object({
    key: answerKey,
    dimension: z.enum(DIMENSIONS),
    prompt: text,
    /** Why the answer changes the decision. */
    why: text,
    choices: z.array(choiceSchema).min(2),
    /** Used (and stated in the ADR) when nobody answers. */
    assumption: z.object({ value: id, statement: text }).strict(),
    /** Ways the scanned repository answers the question, with the value it implies. */
    answeredBy: z.array(z.object({ when: conditionSchema, value: id, statement: text }).strict()).default([]),
  })
  .strict();

export const riskSchema = z.object({ risk: text, mitigation: text }).strict();

export const optionSchema = z
  .object({
    id,
    name: text,
    /** Other names users write in titles ("rabbit", "amqp", "postgres"). */
    aliases: z.array(text).default([]),
    description: text,
    good: z.array(text).min(2),
    neutral: z.array(text).default([]),
    bad: z.array(text).min(2),
    technicalDebt: text,
    migrationPath: text,
    /** Criterion id → 1 (poor) .. 5 (excellent). Every criterion of the topic must be scored. */
    scores: z.record(id, z.number().int().min(1).max(5)),
    /** Managed offerings by cloud. */
    managed: z.object({ aws: text.optional(), gcp: text.optional(), azure: text.optional() }).strict().optional(),
    /** Mature client libraries by language (javascript, typescript, python, go, java, ruby, php, rust, csharp). */
    clients: z.record(id, text).default({}),
    fit: z.array(fitRuleSchema).default([]),
    guidelines: z.array(text).min(2),
    risks: z.array(riskSchema).min(1),
    confirmation: z.array(text).min(1),
    /** The conditions under which this option is the better choice, in one sentence. */
    winsWhen: text,
  })
  .strict();

/** One decision topic of the offline knowledge base (knowledge/topics/<id>.yaml). */
export const topicSchema = z
  .object({
    id,
    /** Bumped when the topic's facts or scoring change; recorded in every ADR it produces. */
    version: z.number().int().min(1),
    title: text,
    domain: z.enum(DOMAINS),
    match: z
      .object({
        /** Phrases that name the topic ("message queue", "event bus"). */
        phrases: z.array(text).min(2),
        /** Single words that hint at it ("queue", "broker"). */
        keywords: z.array(text).default([]),
      })
      .strict(),
    /** Problem statement template; `{title}` is the ADR title. */
    problem: text,
    analysis: z
      .object({ domain: text, dataAccessPatterns: text, trafficShape: text, timelineAndMaintenance: text })
      .strict(),
    criteria: z.array(criterionSchema).min(3),
    weightRules: z.array(weightRuleSchema).default([]),
    questions: z.array(questionSchema).min(2),
    options: z.array(optionSchema).min(3),
    edgeCases: z.array(text).min(2),
    security: z.array(text).min(1),
    operations: z.array(text).min(1),
    revisitWhen: z.array(text).min(1),
    /** Where the facts come from: documentation pages the authors read. */
    sources: z.array(text).min(1),
  })
  .strict();

export type Topic = z.infer<typeof topicSchema>;
export type TopicOption = z.infer<typeof optionSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type Question = z.infer<typeof questionSchema>;

/** knowledge/dimensions.yaml: the generic questions asked for every topic. */
export const dimensionsFileSchema = z.object({ version: z.number().int().min(1), questions: z.array(questionSchema).min(7) }).strict();
