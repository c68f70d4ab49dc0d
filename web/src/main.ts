// Dashboard entry: routes the hash to a page renderer and shows API errors as text.
import "./style.css";
import { ApiFailure, setReadToken } from "./api.ts";
import { mountAlerts } from "./alerts.ts";
import { el, replace } from "./dom.ts";
import { renderDocument, renderDocumentList } from "./document-page.ts";
import { renderFacility } from "./facility-page.ts";
import { renderIncident } from "./incident-page.ts";
import { renderOverview } from "./overview.ts";
import { renderReview } from "./review-page.ts";
import { currentRoute } from "./router.ts";

const root = document.getElementById("app")!;
let cleanup: (() => void) | void = undefined;
let generation = 0;

async function render(): Promise<void> {
  const mine = ++generation;
  cleanup?.();
  cleanup = undefined;
  const { segments, params } = currentRoute();
  const [page, id] = segments;
  root.setAttribute("aria-busy", "true");
  try {
    if (!page) cleanup = await renderOverview(root, params);
    else if (page === "incidents" && id) await renderIncident(root, id);
    else if (page === "facilities" && id) cleanup = await renderFacility(root, id);
    else if (page === "documents" && id) await renderDocument(root, id, params);
    else if (page === "documents") await renderDocumentList(root, params);
    else if (page === "review") cleanup = await renderReview(root, id);
    else replace(root, el("p", { class: "error" }, "No such page. "), el("a", { href: "#/" }, "Back to the overview"));
  } catch (error) {
    if (mine !== generation) return;
    replace(root, errorView(error));
  } finally {
    if (mine === generation) root.setAttribute("aria-busy", "false");
  }
}

function errorView(error: unknown): HTMLElement {
  if (error instanceof ApiFailure && error.status === 401) {
    const input = el("input", { type: "password", name: "token", "aria-label": "Read token", autocomplete: "off" });
    const form = el("form", { class: "token" }, el("p", {}, "This escapewatch server is private. Enter its read token:"), input, el("button", { type: "submit" }, "Open"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      setReadToken(input.value);
      void render();
      if (!document.querySelector(".alerts-badge")) void mountAlerts(document.querySelector(".topbar nav")!);
    });
    return form;
  }
  const message = error instanceof ApiFailure ? `${error.code}: ${error.message}` : String(error);
  return el("div", { class: "error" }, el("p", {}, message), el("a", { href: "#/" }, "Back to the overview"));
}

window.addEventListener("hashchange", () => void render());
void render();
void mountAlerts(document.querySelector(".topbar nav")!);
