// The single-file build's shipped data: web/public/data/* inlined as data: URLs (virtual module, see
// web/vite.single.config.js; the normal build's virtual module is empty). installOfflineData() makes the
// page's fetch() of "<base>/data/NAME" answer from the inlined copy, so the page works from file:// with no
// network. Only those exact URLs are served; every other request goes to the real fetch.
import files from 'virtual:normlab-offline-data';

export function offlineDataUrls() {
  return files;
}

export function installOfflineData(win = globalThis.window) {
  const names = Object.keys(files);
  if (!names.length || !win || typeof win.fetch !== 'function') return false;
  const map = new Map(names.map((name) => [new URL(name, win.document.baseURI).href, files[name]]));
  const realFetch = win.fetch.bind(win);
  win.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input?.url;
    const inline = url ? map.get(new URL(url, win.document.baseURI).href) : undefined;
    return realFetch(inline ?? input, inline ? undefined : init);
  };
  return true;
}
