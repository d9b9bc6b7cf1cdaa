import type { Plugin, Rollup } from 'vite';

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/** What the page's entry script must never pull in: it runs before these are fetched, to ask the first requests. */
const HEAVY_PACKAGES = /\/node_modules\/(zod|react|react-dom|@tanstack\/[^/]+)\//;

/**
 * The page starts in two chunks: an entry script that only asks the first requests, and `appSource` (React, zod, the
 * screens), imported dynamically. This fails the build if the entry's chunks take in a heavy package, and lists the
 * app chunk and everything it imports as modulepreload links in the HTML, so they download while the entry runs.
 */
export function startChunks(appSource: string): Plugin {
  return {
    name: 'praxis-desk:start-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = new Map<string, Rollup.OutputChunk>();
        for (const c of Object.values(bundle ?? {})) if (c.type === 'chunk') chunks.set(c.fileName, c);
        const closure = (from: string) => {
          const files = new Set<string>();
          const visit = (fileName: string) => {
            if (files.has(fileName)) return;
            files.add(fileName);
            chunks.get(fileName)?.imports.forEach(visit);
          };
          visit(from);
          return files;
        };

        const entry = [...chunks.values()].find((c) => c.isEntry);
        const app = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(appSource));
        if (!entry || !app) throw new Error(`start-chunks: no entry chunk, or no chunk built from ${appSource}`);
        for (const file of closure(entry.fileName)) {
          const heavy = chunks.get(file)?.moduleIds.find((id) => HEAVY_PACKAGES.test(id));
          if (heavy)
            throw new Error(
              `start-chunks: the entry script's chunk ${file} includes ${heavy}. The entry must only ask the first ` +
                `requests; import what needs it from ${appSource} instead.`,
            );
        }
        return [...closure(app.fileName)]
          .filter((f) => !html.includes(`/${f}"`))
          .map((f) => ({
            tag: 'link',
            // Low: the entry's own small chunks come first, so the first requests are not queued behind these.
            attrs: { rel: 'modulepreload', crossorigin: true, fetchpriority: 'low', href: `./${f}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * A code-splitting group that puts every module the entry script imports statically (`entrySource` and below) into one
 * chunk, "start": the page fetches it in one request instead of one per module the app chunk also uses.
 */
export function startChunkGroup(entrySource: string) {
  const graphs = new WeakMap<ModuleGraph, Set<string>>();
  const entryGraph = (ctx: ModuleGraph) => {
    let ids = graphs.get(ctx);
    if (!ids) {
      ids = new Set<string>();
      const visit = (id: string) => {
        if (ids!.has(id)) return;
        ids!.add(id);
        ctx.getModuleInfo(id)?.importedIds.forEach(visit);
      };
      visit(entrySource);
      ids.delete(entrySource);
      graphs.set(ctx, ids);
    }
    return ids;
  };
  return { name: (id: string, ctx: ModuleGraph) => (entryGraph(ctx).has(id) ? 'start' : null) };
}
