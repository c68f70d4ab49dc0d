// Hash routing: "#/incidents/ID", "#/documents/ID?hl=120-180". The part after "?" is the page's query.

export interface Route {
  /** Path segments after "#/", decoded. */
  segments: string[];
  params: URLSearchParams;
}

export function currentRoute(hash = location.hash): Route {
  const body = hash.replace(/^#\/?/, "");
  const [path, query = ""] = body.split("?", 2);
  const segments = path.split("/").filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return { segments, params: new URLSearchParams(query) };
}

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}
