// The staff panel: built into admin/dist (served by the API at `/`); `npm run dev` runs this
// config's dev server with hot reload, proxying /graphql (HTTP and WebSocket) and the export
// route to the API.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.WASL_API_URL ?? "http://localhost:4000";

export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  // One graphql instance in the bundle (ra-data-graphql and @apollo/client both import it).
  resolve: { dedupe: ["graphql", "react", "react-dom", "@emotion/react", "@mui/material"] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: Number(process.env.WASL_ADMIN_PORT ?? 5173),
    proxy: {
      "/graphql": { target: api, ws: true, changeOrigin: false },
      "/export": { target: api },
      "/health": { target: api },
    },
  },
});
