// The review page's smaller parts: the token form, the shortcuts' help and the box that asks for
// another look at a reviewed incident. Every string is text (dom.ts), never markup.
import { setReviewToken, type IncidentView } from "./api.ts";
import { el } from "./dom.ts";
import { fieldLabel, SHORTCUTS, valueText } from "./review.ts";

/** Reviewed fields the reports now tell differently: the review stands, and asks for another look. */
export function flagsBox(review: IncidentView["incident"]["review"]): HTMLElement | null {
  const flagged = review?.flagged ?? [];
  const fresh = review?.newDocuments.length ?? 0;
  if (!flagged.length && !fresh) return null;
  return el(
    "section",
    { class: "review-flags", "aria-labelledby": "review-flags-title" },
    el("h3", { id: "review-flags-title" }, "Needs another look"),
    fresh ? el("p", {}, `${fresh} report${fresh === 1 ? "" : "s"} joined since ${review!.by}'s review (marked below).`) : null,
    flagged.length
      ? el(
          "ul",
          {},
          ...flagged.map((flag) =>
            el(
              "li",
              { "data-field": flag.field },
              el("strong", {}, fieldLabel(flag.field)),
              `: set to ${valueText(flag.reviewed)}; the reports said ${valueText(flag.evidenceThen)} then and say ${valueText(flag.evidenceNow)} now.`,
            ),
          ),
        )
      : null,
  );
}

export function helpDialog(): HTMLDialogElement {
  const close = el("button", { type: "button" }, "Close");
  const dialog = el(
    "dialog",
    { class: "review-help", "aria-labelledby": "review-help-title" },
    el("h2", { id: "review-help-title" }, "Keyboard shortcuts"),
    el("p", {}, "They work anywhere on the page except while you type in a field."),
    el("dl", {}, ...SHORTCUTS.flatMap((s) => [el("dt", {}, ...s.keys.flatMap((k, i) => [i ? " or " : null, el("kbd", {}, k)])), el("dd", {}, s.label)])),
    el("p", { class: "muted" }, "Confirm first saves a correction typed in the form; Reject leaves the form aside."),
    close,
  );
  close.addEventListener("click", () => dialog.close());
  return dialog;
}

/** The token, asked once per tab: kept in sessionStorage, never in the address; `entered` runs once it is kept. */
export function tokenForm(entered: () => void, problem?: string): HTMLElement {
  const input = el("input", { type: "password", id: "review-token", name: "token", autocomplete: "off", required: true, "aria-describedby": "review-token-hint" });
  const form = el(
    "form",
    { class: "token review-token" },
    el("h1", {}, "Review"),
    problem ? el("p", { class: "error", role: "alert" }, problem) : null,
    el("label", { for: "review-token" }, "Your review token"),
    input,
    el("p", { class: "field-hint", id: "review-token-hint" }, "An admin makes it with escapewatch users add NAME --role reviewer. It is kept for this tab only and never put in the address."),
    el("button", { type: "submit" }, "Start reviewing"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return input.focus();
    setReviewToken(token);
    entered();
  });
  queueMicrotask(() => input.focus());
  return form;
}
