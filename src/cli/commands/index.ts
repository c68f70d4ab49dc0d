import type { Command } from "commander";

/** A command registers itself on the program; `exit` records a non-zero status for the run. */
export type RegisterCommand = (program: Command, exit: (code: number) => void) => void;

export const commands: RegisterCommand[] = [];
