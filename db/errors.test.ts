import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "./errors";
import { useTempDatabase } from "./test/temp-db";

describe("isUniqueViolation", () => {
  const db = useTempDatabase();
  const thrown = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      return error;
    }
    throw new Error("expected an error");
  };

  it("recognises a UNIQUE constraint by its code, also when wrapped", () => {
    const insert = db().$client.prepare("insert into users (email, password_hash) values (?, 'x')");
    insert.run("a@example.com");
    const error = thrown(() => insert.run("a@example.com"));
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("Failed query", { cause: error }))).toBe(true);
  });

  it("is not fooled by other errors that mention UNIQUE", () => {
    const sqlite = db().$client;
    expect(isUniqueViolation(thrown(() => sqlite.prepare("insert into users (email) values ('b@example.com')").run()))).toBe(false); // NOT NULL
    sqlite.exec("create trigger t before insert on users begin select raise(abort, 'UNIQUE-looking failure'); end");
    expect(
      isUniqueViolation(thrown(() => sqlite.prepare("insert into users (email, password_hash) values ('c@example.com', 'x')").run())),
    ).toBe(false);
    expect(isUniqueViolation(new Error("SQLITE_CONSTRAINT_UNIQUE"))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
