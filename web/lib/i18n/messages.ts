import type { Language } from "./languages";
import { en } from "./messages/en";
import { type MessageKey, tr } from "./messages/tr";

export type { MessageKey };

export const messages: Record<Language, Record<MessageKey, string>> = { tr, en };
