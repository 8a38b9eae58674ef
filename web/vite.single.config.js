// Vite config for the single-file offline build (npm run build:single → dist/normalization-lesson.html):
// the page, its scripts and styles, the lesson content, both WebAssembly modules and the shipped data
// (web/public/data/*) in one HTML file that works opened from disk (file://) with no network.
//
// - vite-plugin-singlefile inlines the JS and CSS and turns code splitting off (one script).
// - The Emscripten glue locates its .wasm with new URL('x.wasm', import.meta.url); the plugin below replaces
//   that with a base64 data: URL, which the glue decodes/fetches without touching the network or disk.
// - The shipped data files are fetched by the page at run time; a virtual module hands them to the page as
//   data: URLs (web/src/embed/offline-data.js installs them), so no file:// fetch is needed.
// - Web Workers (the training figure) become data: URLs with the same data shim; the favicon a data: URL.
// - The certificate PDF's fonts (web/public/fonts) reach the page the same way, all but the CJK ones (fontUrls).
import { defineConfig } from 'vite';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base from './vite.config.js';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const dataDir = join(webRoot, 'public', 'data');
const MIME = { '.json': 'application/json', '.bin': 'application/octet-stream' };

function inlineWasm() {
  return {
    name: 'normlab:inline-wasm',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/[\\/]wasm[\\/][^\\/]+\.mjs$/.test(file)) return null;
      return code.replace(
        /new URL\((["'])([\w.-]+\.wasm)\1,\s*import\.meta\.url\)(\.toString\(\)|\.href)?/g,
        (_, q, name) => {
          const bytes = readFileSync(join(file, '..', name));
          return JSON.stringify(`data:application/octet-stream;base64,${bytes.toString('base64')}`);
        },
      );
    },
  };
}

function dataUrls() {
  const files = {};
  if (existsSync(dataDir)) {
    for (const name of readdirSync(dataDir).sort()) {
      const ext = name.slice(name.lastIndexOf('.'));
      files[`data/${name}`] =
        `data:${MIME[ext] || 'application/octet-stream'};base64,${readFileSync(join(dataDir, name)).toString('base64')}`;
    }
  }
  return files;
}

// The data files a worker fetches: only the digits (train-worker.js). The page's JSON files stay out of the
// workers, whose data: URL must stay under Chromium's 2 MB URL limit.
const WORKER_DATA = ['data/digits.bin'];
const workerData = () => Object.fromEntries(Object.entries(dataUrls()).filter(([name]) => WORKER_DATA.includes(name)));

// Prepended to each worker: answers its fetch() of "<anything>/data/NAME" from the inlined copy.
const workerFetchShim = (files) => `const __normlabData = ${JSON.stringify(files)};
const __normlabFetch = self.fetch.bind(self);
self.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input && input.url;
  for (const name of Object.keys(__normlabData)) if (url && url.endsWith('/' + name)) return __normlabFetch(__normlabData[name]);
  return __normlabFetch(input, init);
};
`;

/**
 * The certificate PDF's fonts without the CJK families (about 12 MB): the fixed-text subsets and the Latin,
 * Greek, Cyrillic, Arabic and Hebrew slices. The inlined index lists no CJK family, so a CJK name gets the
 * page's "no font for these characters, use Print" message instead of a failed fetch.
 */
function fontUrls() {
  const dir = join(webRoot, 'public', 'fonts');
  if (!existsSync(join(dir, 'index.json'))) return {};
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const files = [...Object.values(index.fixed), ...Object.values(index.families).flat()].map((f) => f.file);
  const urls = {
    'fonts/index.json': `data:application/json;base64,${Buffer.from(JSON.stringify({ ...index, cjk: {} })).toString('base64')}`,
  };
  for (const file of files) {
    urls[`fonts/${file}`] = `data:font/woff;base64,${readFileSync(join(dir, file)).toString('base64')}`;
  }
  return urls;
}

function offlineData() {
  const id = 'virtual:normlab-offline-data';
  return {
    name: 'normlab:offline-data',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      return `export default ${JSON.stringify({ ...dataUrls(), ...fontUrls() })};`;
    },
  };
}

/**
 * Web Workers (the training figure's) are bundled by Vite as separate files, which a single file cannot hold:
 * each worker script becomes a data: URL in the page's code (a module worker from a data: URL runs from
 * file:// too), and the separate file is dropped.
 */
function inlineWorkers() {
  return {
    name: 'normlab:inline-workers',
    generateBundle(_options, bundle) {
      const workers = Object.keys(bundle).filter((name) => /(^|\/)[\w-]*worker[\w-]*\.js$/.test(name));
      for (const name of workers) {
        const item = bundle[name];
        const code = workerFetchShim(workerData()) + (item.type === 'asset' ? String(item.source) : item.code);
        const url = `data:text/javascript;base64,${Buffer.from(code, 'utf8').toString('base64')}`;
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const pattern = new RegExp(`new URL\\((["'\`])${escaped}\\1,\\s*import\\.meta\\.url\\)`, 'g');
        let used = false;
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || chunk === item) continue;
          const next = chunk.code.replace(pattern, () => `new URL(${JSON.stringify(url)})`);
          if (next !== chunk.code) {
            chunk.code = next;
            used = true;
          }
        }
        if (used) delete bundle[name];
      }
    },
  };
}

/** The favicon as a data: URL (the single file has no public folder). */
function inlineFavicon() {
  return {
    name: 'normlab:inline-favicon',
    transformIndexHtml(html) {
      const icon = join(webRoot, 'public', 'favicon.svg');
      if (!existsSync(icon)) return html.replace(/<link rel="icon"[^>]*>\n?/, '');
      const url = `data:image/svg+xml;base64,${readFileSync(icon).toString('base64')}`;
      return html.replace(/(<link rel="icon" href=")[^"]*(")/, `$1${url}$2`);
    },
  };
}

const baseConfig = base;
export default defineConfig({
  ...baseConfig,
  publicDir: false,
  define: { ...(baseConfig.define || {}), __NORMLAB_SINGLE_FILE__: 'true' },
  plugins: [
    inlineWasm(),
    offlineData(),
    inlineWorkers(),
    inlineFavicon(),
    viteSingleFile({ removeViteModuleLoader: true }),
  ],
  build: {
    ...baseConfig.build,
    outDir: fileURLToPath(new URL('../dist/single', import.meta.url)),
    assetsInlineLimit: () => true,
  },
  // One file per worker (its dynamic imports inlined), with its .wasm inlined too.
  worker: { format: 'es', plugins: () => [inlineWasm()], rollupOptions: { output: { codeSplitting: false } } },
});
