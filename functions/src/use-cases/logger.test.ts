import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

const EMAIL = "ayse.yilmaz@example.com";
const HASH = "scrypt$16384$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ LOG_LEVEL: "info" }, sink), lines };
}

/** What drizzle throws when PostgreSQL refuses an insert: the query, its parameters, the cause. */
function failedRegistration() {
  const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
    code: "22021",
    detail: `Key (email)=(${EMAIL}) already exists.`,
  });
  return new DrizzleQueryError(
    'insert into "users" ("id", "email", "password_hash", "full_name") values (default, $1, $2, $3)',
    [EMAIL, HASH, "Ayşe\u0000"],
    cause,
  );
}

describe("createLogger", () => {
  it("never prints SQL parameters, in the message, the stack or a field", () => {
    const { logger, lines } = capture();
    logger.error({ err: failedRegistration(), requestId: "r1" }, "unhandled error");
    const line = lines.join("");
    expect(line).not.toContain(EMAIL);
    expect(line).not.toContain(HASH);
    expect(line).not.toContain("Ayşe");
    const entry = JSON.parse(line);
    // What helps to debug stays: the statement with placeholders, the database's complaint, the code.
    expect(entry.err.message).toContain('insert into "users"');
    expect(entry.err.message).toContain("params: [redacted]");
    expect(entry.err.stack).toContain("invalid byte sequence");
    expect(entry.err.params).toBe("[redacted]");
    expect(entry.requestId).toBe("r1");
  });

  it("redacts secrets and e-mail addresses by field name", () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        email: EMAIL,
        password: "hunter2hunter2",
        passwordHash: HASH,
        user: { email: EMAIL, hash: HASH, token: "t0k3n", secret: "whsec_x" },
        headers: { authorization: "Bearer abc", cookie: "session=abc" },
      },
      "something",
    );
    const line = lines.join("");
    for (const secret of [EMAIL, "hunter2hunter2", HASH, "t0k3n", "whsec_x", "Bearer abc", "session=abc"]) {
      expect(line).not.toContain(secret);
    }
  });
});
