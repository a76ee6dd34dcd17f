// Decisions an engine built already in decisionSchema's output form, so checkDecision need not
// load zod (~50 ms) to parse them again. Only the offline engine marks its decisions:
// test/app/offline-decision-schema.test.ts shows the parse leaves them unchanged. A copy or a
// decision from anywhere else is not marked and goes through the schema.
const conforming = new WeakSet<object>();

/** Marks a freshly built decision as already in the schema's output form; returns it. */
export function markSchemaConforming<T extends object>(decision: T): T {
  conforming.add(decision);
  return decision;
}

/** Whether this very object was marked by markSchemaConforming. */
export function isSchemaConforming(decision: object): boolean {
  return conforming.has(decision);
}
