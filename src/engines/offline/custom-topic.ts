import type { DecisionOption } from "../../domain/decision.js";
import type { Topic, TopicOption } from "./knowledge/schema.js";
import { kebab } from "./text.js";

/** Marks every sentence the offline engine cannot know: a person must replace it with facts. */
export const TO_BE_FILLED = "To be filled in:";

/** A stable kebab id for a user-given option name ("Apache Pulsar" → "apache-pulsar"). */
export function optionIdFor(name: string): string {
  return kebab(name) || "option";
}

function placeholderTexts(name: string) {
  return {
    description: `${name} was named by the user; the knowledge base has no facts about it. ${TO_BE_FILLED} what it is and how it would be used here.`,
    good: [`${TO_BE_FILLED} the concrete advantages of ${name} for this decision, with figures where known (latency, throughput, cost, operational effort).`],
    bad: [`${TO_BE_FILLED} the drawbacks and limits of ${name} for this decision, with figures where known.`],
    technicalDebt: `${TO_BE_FILLED} the technical debt choosing ${name} would create.`,
    migrationPath: `${TO_BE_FILLED} how the system would move to and away from ${name}.`,
  };
}

/** An unscored option for a name the topic does not know: listed so it is considered, with every fact marked to be filled in. */
export function placeholderOption(name: string): DecisionOption {
  return { id: optionIdFor(name), name, neutral: ["Not scored: adrgen has no facts about it, so it cannot be compared with the other options until they are filled in."], driverScores: {}, ...placeholderTexts(name) };
}

const GENERIC_CRITERIA: Topic["criteria"] = [
  { id: "scale", label: "Scale head-room", dimension: "scale", weight: 1, description: "Handles the expected users, request rate and data volume." },
  { id: "latency", label: "Latency and throughput", dimension: "latency", weight: 1, description: "Meets the latency and throughput targets." },
  { id: "consistency", label: "Consistency guarantees", dimension: "consistency", weight: 1, description: "Provides the consistency, ordering and delivery guarantees the flow needs." },
  { id: "cost-ops", label: "Cost and operational effort", dimension: "budget", weight: 1, description: "Fits the budget and the team's operations capacity." },
  { id: "team-fit", label: "Team familiarity", dimension: "team", weight: 1, description: "The team already knows it or can learn it in time." },
  { id: "security", label: "Security and compliance", dimension: "security", weight: 1, description: "Meets the security controls and compliance obligations." },
  { id: "integration", label: "Fit with existing systems", dimension: "integration", weight: 1, description: "Works with what the system already runs." },
];

function genericOption(name: string): TopicOption {
  const id = optionIdFor(name);
  const texts = placeholderTexts(name);
  const steps = (what: string) => [`${TO_BE_FILLED} ${what} for ${name}.`, `${TO_BE_FILLED} how to verify ${name} is set up as decided.`];
  return {
    id,
    name,
    aliases: [],
    ...texts,
    neutral: [`Every criterion is scored a neutral 3 of 5 because adrgen has no facts about ${name}; only evidence from this repository moves its score.`],
    scores: Object.fromEntries(GENERIC_CRITERIA.map((c) => [c.id, 3])),
    clients: {},
    fit: [
      { when: { uses: [id] }, adjust: 0.5, reason: `${name} already appears in this repository ({evidence}), so the team has experience with it and nothing new has to be operated.` },
      { when: { answer: { "team.expertise": "familiar-only" }, lacks: [id] }, adjust: -0.5, reason: `The team prefers technologies it already runs, and ${name} does not appear in this repository.` },
    ],
    guidelines: steps("implementation guidelines"),
    risks: [{ risk: `${TO_BE_FILLED} the main risks of ${name}.`, mitigation: `${TO_BE_FILLED} how each risk is mitigated.` }],
    confirmation: [`${TO_BE_FILLED} how reviewers confirm that ${name} was implemented as decided.`],
    winsWhen: `${TO_BE_FILLED} the conditions under which ${name} is the better choice.`,
  };
}

/** A stand-in topic for a decision the knowledge base does not cover: the user's options on the generic criteria, facts to be filled in. */
export function customTopic(names: string[]): Topic {
  const fill = (what: string) => `${TO_BE_FILLED} ${what}`;
  return {
    id: "custom",
    version: 1,
    title: "User-given options",
    domain: "architecture",
    match: { phrases: [], keywords: [] },
    problem: `{title}: the knowledge base has no topic for this decision, so the options named by the user are compared on generic criteria only, and only repository evidence separates them. ${fill("the problem this decision solves and the forces behind it.")}`,
    analysis: {
      domain: fill("the domain and use case this decision serves."),
      dataAccessPatterns: fill("how data is read and written (shapes, ratios, hot paths)."),
      trafficShape: fill("the traffic shape (steady, spiky, batch) and its peaks."),
      timelineAndMaintenance: fill("the timeline, and who maintains the choice over the years."),
    },
    criteria: GENERIC_CRITERIA,
    weightRules: [],
    questions: [],
    options: names.map(genericOption),
    edgeCases: [fill("the failure modes of the chosen option (outages, overload, partial failure) and how the system behaves in each."), fill("limits the chosen option imposes (sizes, quotas, rate limits) and what happens when they are reached.")],
    security: [fill("authentication, authorization, encryption in transit and at rest, secrets handling and compliance obligations for the chosen option.")],
    operations: [fill("who operates the chosen option, and how it is monitored, upgraded, backed up and supported on call.")],
    revisitWhen: ["The facts marked \"to be filled in\" are completed: re-evaluate the options on them.", "Requirements change along any of the seven dimensions."],
    sources: ["Options named by the user; no knowledge-base facts."],
  };
}
