import type { Question, Topic } from "./schema.js";

/**
 * Cross-reference checks zod cannot express: every option scores every criterion,
 * ids are unique, conditions name known answer keys and values. Returns problems as text.
 */
export function checkTopic(topic: Topic, generic: Question[]): string[] {
  const problems: string[] = [];
  const where = (s: string) => `${topic.id}: ${s}`;
  const criterionIds = new Set(topic.criteria.map((c) => c.id));
  const unique = (ids: string[], what: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(where(`duplicate ${what} "${id}"`));
      seen.add(id);
    }
  };
  unique(topic.criteria.map((c) => c.id), "criterion");
  unique(topic.options.map((o) => o.id), "option");
  unique(topic.questions.map((q) => q.key), "question");

  const questions = new Map([...generic, ...topic.questions].map((q) => [q.key, q]));
  for (const q of topic.questions) {
    if (!q.key.startsWith(`${topic.id}.`)) problems.push(where(`question key ${q.key} must start with "${topic.id}."`));
  }
  for (const q of [...topic.questions]) {
    const values = new Set(q.choices.map((c) => c.value));
    if (!values.has(q.assumption.value)) problems.push(where(`question ${q.key}: assumption value "${q.assumption.value}" is not a choice`));
    for (const a of q.answeredBy) {
      if (!values.has(a.value)) problems.push(where(`question ${q.key}: answeredBy value "${a.value}" is not a choice`));
    }
  }
  const checkCondition = (when: { answer?: Record<string, string | string[]> | undefined }, label: string) => {
    for (const [key, expected] of Object.entries(when.answer ?? {})) {
      const question = questions.get(key);
      if (!question) {
        problems.push(where(`${label}: unknown answer key ${key}`));
        continue;
      }
      const values = new Set(question.choices.map((c) => c.value));
      for (const value of Array.isArray(expected) ? expected : [expected]) {
        if (!values.has(value)) problems.push(where(`${label}: ${key} has no choice "${value}"`));
      }
    }
  };
  for (const rule of topic.weightRules) {
    if (!criterionIds.has(rule.criterion)) problems.push(where(`weight rule names unknown criterion ${rule.criterion}`));
    checkCondition(rule.when, `weight rule for ${rule.criterion}`);
  }
  for (const option of topic.options) {
    for (const id of criterionIds) {
      if (option.scores[id] === undefined) problems.push(where(`option ${option.id} does not score criterion ${id}`));
    }
    for (const id of Object.keys(option.scores)) {
      if (!criterionIds.has(id)) problems.push(where(`option ${option.id} scores unknown criterion ${id}`));
    }
    option.fit.forEach((rule, i) => checkCondition(rule.when, `option ${option.id} fit rule ${i + 1}`));
  }
  return problems;
}
