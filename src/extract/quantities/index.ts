// Count recogniser: the public surface the extraction stages use.
export { findQuantities, parseQuantity, type QuantityAnnotation, type QuantityValue } from "./find.ts";
