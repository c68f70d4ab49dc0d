// The review form's DOM: every field labelled, errors written beside their field and tied to it
// with aria-describedby, values read back into the pure ReviewForm (review.ts) that becomes the
// PATCH body. Counts are typed as text with a numeric keyboard, so "1,200" is accepted and the
// form's own messages, not the browser's, say what is wrong.
import { el } from "./dom.ts";
import { STATUSES, TYPE_STYLE, TYPES } from "./incidents.ts";
import { countKey, countLabel, editableCounts, formFromIncident, type FieldError, type KnownFacility, type ReviewForm, type ReviewIncident } from "./review.ts";

export interface ReviewFormView {
  element: HTMLFormElement;
  /** The note field, shared by every action that needs a reason (merge, split, not relevant). */
  note: HTMLTextAreaElement;
  read(): ReviewForm;
  showErrors(errors: FieldError[]): void;
  clearErrors(): void;
  /** Focuses the first field (the `e` shortcut). */
  focusFirst(): void;
}

let formCount = 0;

export function reviewForm(incident: ReviewIncident, facilities: readonly KnownFacility[]): ReviewFormView {
  const prefix = `review-${++formCount}`;
  const values = formFromIncident(incident);
  const fields = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const errorSlots = new Map<string, HTMLElement>();

  /** A labelled control with its error slot; `name` is the form field the errors name. */
  const field = (name: string, label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string) => {
    const id = `${prefix}-${name.replace(/[^\w-]/g, "_")}`;
    control.id = id;
    control.name = name;
    fields.set(name, control);
    const error = el("p", { class: "field-error", id: `${id}-error`, hidden: true });
    errorSlots.set(name, error);
    const hintNode = hint ? el("p", { class: "field-hint", id: `${id}-hint` }, hint) : null;
    control.setAttribute("aria-describedby", [hintNode ? `${id}-hint` : "", `${id}-error`].filter(Boolean).join(" "));
    return el("div", { class: `field field-${name.split(".")[0]}` }, el("label", { for: id }, label), control, hintNode, error);
  };
  const text = (value: string, extra: Record<string, string> = {}) => {
    const input = el("input", { type: "text", autocomplete: "off", ...extra });
    input.value = value;
    return input;
  };
  const select = (options: readonly string[], value: string, labelOf: (v: string) => string) => {
    const control = el("select", {}, ...options.map((o) => el("option", { value: o }, labelOf(o))));
    control.value = value;
    return control;
  };

  const facilityList = el("datalist", { id: `${prefix}-facilities` }, ...facilities.map((f) => el("option", { value: f.name })));
  const counts = editableCounts(incident).map((count) => {
    const key = countKey(count);
    const typed = values.counts[key];
    const part = (which: "best" | "low" | "high", hint?: string) =>
      field(`counts.${key}.${which}`, which === "best" ? "Best" : which === "low" ? "Low" : "High", text(typed[which], { inputmode: "numeric", class: "figure" }), hint);
    return el(
      "fieldset",
      { class: "count-fields", "data-count": key },
      el("legend", {}, countLabel(count), count.disputed ? el("span", { class: "badge disputed" }, "disputed") : null),
      part("best"),
      part("low"),
      part("high", "empty: open-ended"),
    );
  });

  const note = el("textarea", { rows: 3, required: true, maxlength: 2000 });
  const formError = el("p", { class: "field-error", role: "alert", tabindex: -1, hidden: true });
  errorSlots.set("form", formError);
  const element = el(
    "form",
    { class: "review-form", novalidate: true, "aria-label": "Correct this incident" },
    el(
      "div",
      { class: "field-grid" },
      field("type", "Type", select(TYPES, values.type, (t) => TYPE_STYLE[t]?.label ?? t)),
      field("status", "Status", select(STATUSES, values.status, (s) => s)),
      field("facility", "Facility", text(values.facility, { list: facilityList.id }), "a known facility's name keeps its record"),
      field("place", "Place", text(values.place)),
      field("dateStart", "First day", text(values.dateStart, { type: "date" })),
      field("dateEnd", "Last day", text(values.dateEnd, { type: "date" }), "empty: the same day"),
      field("actors", "Actors", text(values.actors), "separated by commas"),
    ),
    facilityList,
    counts.length ? el("div", { class: "count-grid" }, ...counts) : el("p", { class: "muted" }, "No figures to correct."),
    field("note", "Note: why (required for every change)", note),
    formError,
    el("button", { type: "submit", class: "primary" }, "Save correction"),
  );

  const valueOf = (name: string) => fields.get(name)?.value ?? "";
  return {
    element,
    note,
    read() {
      const typedCounts: ReviewForm["counts"] = {};
      for (const key of Object.keys(values.counts)) {
        typedCounts[key] = { best: valueOf(`counts.${key}.best`), low: valueOf(`counts.${key}.low`), high: valueOf(`counts.${key}.high`) };
      }
      return {
        type: valueOf("type"),
        status: valueOf("status"),
        facility: valueOf("facility"),
        place: valueOf("place"),
        dateStart: valueOf("dateStart"),
        dateEnd: valueOf("dateEnd"),
        actors: valueOf("actors"),
        counts: typedCounts,
        note: valueOf("note"),
      };
    },
    showErrors(errors) {
      this.clearErrors();
      for (const error of errors) {
        const slot = errorSlots.get(error.field) ?? formError;
        slot.hidden = false;
        slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
        fields.get(error.field)?.setAttribute("aria-invalid", "true");
      }
      // The first field in the form's order, so focus lands where a reader of the page would look.
      const first = [...fields.keys()].find((name) => errors.some((e) => e.field === name));
      (first ? fields.get(first) : formError)?.focus();
    },
    clearErrors() {
      for (const slot of errorSlots.values()) {
        slot.hidden = true;
        slot.textContent = "";
      }
      for (const control of fields.values()) control.removeAttribute("aria-invalid");
    },
    focusFirst() {
      fields.get("type")?.focus();
    },
  };
}
