/** The seven clarification dimensions every decision is checked against (DESIGN.md §2). */
export const DIMENSIONS = ["scale", "latency", "consistency", "budget", "team", "security", "integration"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Human labels for the dimensions, in ADR and prompt text. */
export const DIMENSION_LABELS: Record<Dimension, string> = {
  scale: "Scale (users, requests/s, data volume)",
  latency: "Latency and throughput",
  consistency: "Consistency (strong/eventual, ordering, delivery guarantees)",
  budget: "Budget and operating constraints",
  team: "Team expertise and preferences",
  security: "Security and compliance",
  integration: "Integration with existing systems",
};

/** How a dimension or fact came to be known. */
export const FACT_SOURCES = ["repo", "answer", "assumption"] as const;
export type FactSource = (typeof FACT_SOURCES)[number];
