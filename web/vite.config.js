// Vite config for the lesson page. Root is web/, the build goes to <repo>/dist/web with relative URLs
// (base './'), so the folder works from any path on any static host (or inside a course package).
// Assets are never inlined: the .wasm module and the content file must stay files (a strict CSP allows
// no data: fetches, and a course author may want to read the built lesson.json).
// The single-file offline build (web/vite.single.config.js) reuses this config and inlines everything; the
// virtual module below is its data hook, empty here (the page fetches web/public/data/* as files).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/** 'virtual:normlab-offline-data': the inlined data files of the single-file build; none in this build. */
export function emptyOfflineData() {
  const id = 'virtual:normlab-offline-data';
  return {
    name: 'normlab:offline-data-empty',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (resolved) => (resolved === `\0${id}` ? 'export default {};' : null),
  };
}

/**
 * The dev server rebuilds web/generated/lesson.json (the content with its formulas as MathML) when the lesson
 * is edited; `npm run build` and `npm start` build it first (scripts/prepare.sh).
 */
export function rebuildContentOnEdit() {
  const source = fileURLToPath(new URL('content/lesson.json', import.meta.url));
  const script = fileURLToPath(new URL('../scripts/validate-content.mjs', import.meta.url));
  const out = fileURLToPath(new URL('generated/lesson.json', import.meta.url));
  return {
    name: 'normlab:rebuild-content',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(source);
      server.watcher.on('change', (file) => {
        if (file === source) spawnSync(process.execPath, [script, source, '--out', out], { stdio: 'inherit' });
      });
    },
  };
}

/**
 * The built page holds the whole lesson (scripts/prerender.mjs); its scripts only bring it to life. Fetched at
 * low priority, they no longer compete with the HTML and the stylesheet for the first paint on a slow network
 * (docs/performance.md, "Lighthouse").
 */
export function scriptsAfterText() {
  return {
    name: 'normlab:scripts-after-text',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<(?:script type="module"|link rel="modulepreload")(?![^>]*fetchpriority)/g,
          '$& fetchpriority="low"',
        ),
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [emptyOfflineData(), rebuildContentOnEdit(), scriptsAfterText()],
  define: { __NORMLAB_SINGLE_FILE__: 'false' },
  base: './',
  publicDir: 'public',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: false,
    modulePreload: { polyfill: false },
    // One chunk is over Vite's default 500 kB: the certificate's PDF maker (pdf-lib, fontkit; 1.1 MB minified),
    // loaded on the first Download PDF only. scripts/size-budget.mjs holds its budget; the warning would only
    // repeat it at every build.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  preview: { host: '127.0.0.1' },
});
