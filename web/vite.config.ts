// Vite config for the dashboard: root is this folder, output web/dist, which `escapewatch serve`
// serves as static files. No inline scripts are emitted, so the server's CSP can forbid them.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // A single small module preload polyfill would be injected inline otherwise; modern browsers only.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
