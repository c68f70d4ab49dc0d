// Date recogniser: the public surface the extraction stages use.
export { findDates, type DateAnnotation, type DateValue } from "./find.ts";
