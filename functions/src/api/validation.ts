import type { MiddlewareHandler } from "hono";
import { z } from "zod";

const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;

/**
 * Before a route's schemas run (its `middleware` runs ahead of the validators createRoute adds),
 * every string in the JSON body and the query is checked for control characters; a ZodError
 * then reaches onError as a 400 naming each field. A body that is not JSON is left to the
 * validator, which answers it as it always has.
 */
export const plainText: MiddlewareHandler = async (c, next) => {
  if (JSON_TYPE.test(c.req.header("content-type") ?? "")) {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (body !== undefined) withoutControlCharacters(body);
  }
  const queries = Object.entries(c.req.queries());
  if (queries.length > 0) {
    // The shape the query validator sees: one value as a string, repeated ones as a list.
    withoutControlCharacters(Object.fromEntries(queries.map(([k, v]) => [k, v.length === 1 ? v[0] : v])));
  }
  await next();
};

/** Fields whose text may span lines (an e-mail's message): tab, CR and LF are text there. */
const MULTI_LINE_FIELDS = new Set(["message"]);
/** C0 controls and DEL: nothing a person types; NUL cannot even be stored in PostgreSQL text. */
function firstControlCharacter(text: string, multiLine: boolean): string | undefined {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code !== 0x7f) continue;
    if (multiLine && (code === 0x09 || code === 0x0a || code === 0x0d)) continue;
    return text[index];
  }
  return undefined;
}

/**
 * Returns the input unchanged, or throws a ZodError (400 invalid_request) naming each string
 * that holds a control character. Iterative, so no nesting depth can overflow the stack.
 */
export function withoutControlCharacters<T>(input: T): T {
  const issues: z.core.$ZodIssue[] = [];
  const pending: Visit[] = [{ value: input, parent: null, key: "", multiLine: false }];
  while (pending.length > 0 && issues.length < 20) {
    const visit = pending.pop()!;
    const { value, multiLine } = visit;
    if (typeof value === "string") {
      const found = firstControlCharacter(value, multiLine);
      if (found !== undefined) {
        issues.push({
          code: "custom",
          path: pathOf(visit),
          input: undefined,
          message: controlMessage(found),
        });
      }
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        pending.push({ value: value[index], parent: visit, key: index, multiLine });
      }
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value).reverse()) {
        pending.push({ value: child, parent: visit, key, multiLine: MULTI_LINE_FIELDS.has(key) });
      }
    }
  }
  if (issues.length > 0) throw new z.ZodRealError(issues);
  return input;
}

/** A value still to check; the path is kept as links to the parents, built only for an issue. */
interface Visit {
  value: unknown;
  parent: Visit | null;
  key: string | number;
  multiLine: boolean;
}

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) path.unshift(at.key);
  return path;
}

function controlMessage(character: string): string {
  const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  const allowed = character === "\n" || character === "\r" || character === "\t";
  return allowed
    ? `Contains a line break or tab (${code}); this field takes a single line.`
    : `Contains a control character (${code}); remove it and try again.`;
}
