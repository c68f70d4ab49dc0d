// People who read, review and administer: each has a name (recorded on every write they make), a
// role, and a random token shown once and stored only as its digest.
import { randomBytes } from "node:crypto";
import { AUTOMATIC_AUTHOR, USER_ROLES, type Store, type UserRole } from "../store/store.ts";
import { tokenHash } from "../server/auth.ts";
import { ENV_ADMIN, ENV_READER } from "../server/access.ts";

/** Random bytes per token: 192 bits, beyond guessing, short enough to paste. */
export const TOKEN_BYTES = 24;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
/** Names history already uses for the automatic pipeline and the environment's tokens. */
const RESERVED = new Set([AUTOMATIC_AUTHOR, ENV_ADMIN, ENV_READER]);

export class UserError extends Error {
  constructor(
    readonly code: "E_USER_NAME" | "E_USER_ROLE" | "E_USER_EXISTS",
    message: string,
  ) {
    super(`[${code}] ${message}`);
  }
}

export function isRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

/** Adds a user and returns their token: the only time it is ever shown. */
export async function addUser(store: Store, name: string, role: string): Promise<string> {
  if (!NAME.test(name)) throw new UserError("E_USER_NAME", `'${name}' is not a user name: use letters, digits and . _ @ - (at most 64).`);
  if (RESERVED.has(name.toLowerCase())) throw new UserError("E_USER_NAME", `'${name}' is reserved for ${name === AUTOMATIC_AUTHOR ? "automatic revisions" : "the environment's tokens"}: choose another name.`);
  if (!isRole(role)) throw new UserError("E_USER_ROLE", `role must be one of ${USER_ROLES.join(", ")}, not '${role}'.`);
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const added = await store.addUser({ name, role, tokenHash: tokenHash(token), createdAt: new Date().toISOString() });
  if (added === "known") throw new UserError("E_USER_EXISTS", `A user named ${name} exists: remove them first to issue a new token.`);
  return token;
}
