// Binds the app to a socket. Loopback by default: exposing the API is a deliberate choice.
import type { ServerType } from "@hono/node-server";
import type { Hono } from "hono";

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "127.0.0.1";

export interface RunningServer {
  /** Base URL, e.g. "http://127.0.0.1:8080/". */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts serving `app`; port 0 picks a free port (tests). */
export async function listen(app: Hono, options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  // Loaded here rather than at the top: the commands that never serve do not load the HTTP stack.
  const { serve } = await import("@hono/node-server");
  const host = options.host ?? DEFAULT_HOST;
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onError = (error: Error) => reject(error);
    server = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, (info) => {
      server.off("error", onError);
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            if ("closeAllConnections" in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once("error", onError);
  });
}
