import { validator } from "hono/validator";
import type { z } from "zod";

/**
 * zod behind Hono's validator, so `c.req.valid(...)` is typed and the typed client (hc) knows
 * each route's input. A failed parse throws the ZodError, which onError turns into a 400.
 */
export const jsonBody = <T extends z.ZodType>(schema: T) =>
  validator("json", (value) => schema.parse(value) as z.output<T>);

export const queryOf = <T extends z.ZodType>(schema: T) =>
  validator("query", (value) => schema.parse(value) as z.output<T>);
