// PLACEHOLDER: `escapewatch facility`; filled in by the work that owns this command.
import type { RegisterCommand } from "./index.ts";

export const register: RegisterCommand = () => {};
