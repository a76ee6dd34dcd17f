// The built-in template names, apart from the config schema so rendering does not load zod.
export const TEMPLATE_NAMES = ["madr4", "madr4-minimal", "nygard"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
