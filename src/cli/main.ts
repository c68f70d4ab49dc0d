// The command line: one small file per command under ./commands, registered here in help order.
// Every command works over the same services the HTTP server uses (ingest pipeline, Store).
import { Command, CommanderError } from "commander";
import { commands } from "./commands/index.ts";

/** Runs the CLI with argv (without node and script) and resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command("escapewatch")
    .description("Source-attributed incidents at detention facilities, from raw news reports.")
    .exitOverride()
    .showHelpAfterError();
  let status = 0;
  for (const register of commands) {
    register(program, (code) => {
      status = Math.max(status, code);
    });
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    console.error(`escapewatch: ${(error as Error).message}`);
    return 1;
  }
  return status;
}
