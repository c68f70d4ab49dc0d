import type { Command } from "commander";
import { register as ingest } from "./ingest.ts";
import { register as documents } from "./documents.ts";
import { register as exportCommand } from "./export.ts";
import { register as incidents } from "./incidents.ts";
import { register as facility } from "./facility.ts";
import { register as extract } from "./extract.ts";
import { register as serve } from "./serve.ts";
import { register as start } from "./start.ts";
import { register as feeds } from "./feeds.ts";
import { register as watch } from "./watch.ts";
import { register as rules } from "./rules.ts";
import { register as users } from "./users.ts";
import { register as review } from "./review.ts";

/** A command registers itself on the program; `exit` records a non-zero status for the run. */
export type RegisterCommand = (program: Command, exit: (code: number) => void) => void;

/** Commands in the order `escapewatch --help` lists them. */
export const commands: RegisterCommand[] = [ingest, documents, exportCommand, incidents, facility, extract, serve, start, feeds, watch, rules, users, review];
