/** The messages of one language, in the order of `MESSAGE_KEYS` (messages.ts). */
export type Translation = readonly string[];
