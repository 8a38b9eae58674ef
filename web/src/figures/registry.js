// The figure registry: mounts a live figure into a container, loading the WASM core and the figure's module
// lazily, once.
//
// Contract (shared with the figure modules):
//   figure module:  export async function mount(container, { core, text, state, onInteract })
//                     -> { setState(state), destroy() }
//   this module:    mountFigure(name, container, ctx) -> handle { setState(state), destroy(), ready }
//                   mountFigureWhenVisible(name, container, ctx) -> the same handle, mounted when the container
//                   approaches the viewport
//   ctx:            { text: content.figureText, state?: initial figure state, onInteract?: () => void }
//
// A missing or failing core or figure module never blanks the box or breaks the page: the container shows an
// accessible message with a Retry button. Module loaders come from import.meta.glob, so a build in which a
// figure (or the core) does not exist yet still builds, and the page says so where the figure would be.

import { el } from '../ui/el.js';
import { createErrorBox } from '../ui/error-box.js';
import { camelKey, FIGURE_NAMES } from '../vocabulary.js';
import { t } from '../i18n/i18n.js';

// Every figure is figures/<name>/index.js exporting mount; the names are the content's figure names.
const moduleLoaders = import.meta.glob('./*/index.js');
const modulePath = (name) => `./${name}/index.js`;
const coreLoaders = import.meta.glob('../core.js');

/** The figure's name for messages ("Paste a tensor"), from the catalogue (figures.names.<camelCase name>). */
export function figureLabel(name) {
  return FIGURE_NAMES.includes(name) ? t(`figures.names.${camelKey(name)}`) : t('figures.names.fallback');
}

let corePromise = null;

/** The loaded WASM core, shared by all figures; a failed load is forgotten so Retry can try again. */
export function getCore() {
  if (!corePromise) {
    corePromise = (async () => {
      const loader = coreLoaders['../core.js'];
      if (!loader) throw new Error(t('figures.coreMissing'));
      const mod = await loader();
      if (typeof mod.loadCore !== 'function') throw new Error(t('figures.coreBroken'));
      return mod.loadCore();
    })();
    corePromise.catch(() => {
      corePromise = null;
    });
  }
  return corePromise;
}

async function loadFigureModule(name) {
  if (!FIGURE_NAMES.includes(name)) throw new RangeError(t('figures.unknown', { name }));
  const loader = moduleLoaders[modulePath(name)];
  if (!loader) throw new Error(t('figures.moduleMissing'));
  const mod = await loader();
  if (typeof mod.mount !== 'function') throw new Error(t('figures.moduleBroken'));
  return mod;
}

/**
 * Mount figure `name` into `container` now. Returns a handle at once; `handle.ready` settles when mounted.
 * setState calls made before the figure is ready are kept and applied once it is.
 */
export function mountFigure(name, container, ctx = {}) {
  const label = figureLabel(name);
  let inner = null;
  let destroyed = false;
  let pendingState = ctx.state;
  let interacted = false;
  container.classList.add('figure-host');
  container.dataset.figure = name;
  container.replaceChildren();

  const status = el('div', { className: 'figure-status' });
  status.setAttribute('role', 'status');
  const statusText = el('p', { className: 'figure-status-text', text: t('figures.loading', { label }) });
  status.append(statusText);
  const slot = el('div', { className: 'figure-slot' });
  container.append(status, slot);

  let retryButton = null;
  let errorBox = null;

  const onInteract = () => {
    if (interacted) return;
    interacted = true;
    try {
      ctx.onInteract?.();
    } catch (error) {
      console.error(error);
    }
  };

  function showError(error, afterRetry) {
    container.dataset.state = 'error';
    status.hidden = true;
    slot.replaceChildren();
    if (!errorBox) {
      retryButton = el('button', {
        type: 'button',
        className: 'button',
        text: t('figures.retry'),
        'aria-label': t('figures.retryLabel', { label }),
      });
      retryButton.addEventListener('click', () => attempt(true));
      errorBox = createErrorBox(
        { className: 'figure-error', 'aria-label': t('figures.errorLabel', { label }) },
        { action: retryButton },
      );
      container.append(errorBox.root);
    }
    const raw = error && error.message ? error.message : String(error);
    // The browser's own messages ("Failed to fetch") come without a full stop; the next sentence needs one.
    const message = /[.!?…]$/.test(raw) ? raw : `${raw}.`;
    errorBox.show(t('figures.loadFailed', { label }), t('figures.errorDetail', { message }));
    // A failure found while the page loads is not read out unasked; one after the learner's Retry is.
    errorBox.root.setAttribute('role', afterRetry ? 'alert' : 'group');
    retryButton.disabled = false;
  }

  async function attempt(isRetry) {
    if (destroyed) return;
    container.dataset.state = 'loading';
    status.hidden = false;
    if (retryButton) retryButton.disabled = true;
    if (errorBox) errorBox.root.setAttribute('aria-busy', 'true');
    try {
      const [core, mod] = await Promise.all([getCore(), loadFigureModule(name)]);
      if (destroyed) return;
      slot.replaceChildren();
      const handle = await mod.mount(slot, { core, text: ctx.text, state: pendingState, onInteract });
      if (destroyed) {
        handle?.destroy?.();
        return;
      }
      inner = handle || null;
      status.hidden = true;
      statusText.textContent = '';
      if (errorBox) {
        errorBox.root.remove();
        errorBox = null;
        retryButton = null;
      }
      container.dataset.state = 'ready';
    } catch (error) {
      if (destroyed) return;
      console.error(`figure "${name}":`, error);
      showError(error, isRetry);
      if (errorBox) errorBox.root.removeAttribute('aria-busy');
      if (isRetry && retryButton) retryButton.focus();
    }
  }

  const handle = {
    name,
    ready: null,
    setState(state) {
      pendingState = state;
      if (inner && typeof inner.setState === 'function') {
        try {
          inner.setState(state);
        } catch (error) {
          console.error(error);
        }
      }
    },
    destroy() {
      destroyed = true;
      try {
        inner?.destroy?.();
      } catch (error) {
        console.error(error);
      }
      inner = null;
      container.replaceChildren();
      delete container.dataset.state;
    },
  };
  handle.ready = attempt(false);
  return handle;
}

/**
 * Like mountFigure, but waits until the container comes within ~300 px of the viewport
 * (keeps the first load light). The handle works immediately: setState is remembered.
 */
export function mountFigureWhenVisible(name, container, ctx = {}) {
  let real = null;
  let destroyed = false;
  let state = ctx.state;
  container.classList.add('figure-host');
  container.dataset.figure = name;
  container.dataset.state = 'waiting';
  const placeholder = el('p', {
    className: 'figure-placeholder',
    text: t('figures.placeholder', { label: figureLabel(name) }),
  });
  container.replaceChildren(placeholder);

  const start = () => {
    if (real || destroyed) return;
    real = mountFigure(name, container, { ...ctx, state });
    proxy.ready = real.ready;
  };
  let observer = null;
  if (typeof IntersectionObserver === 'function') {
    observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          start();
        }
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(container);
  } else {
    start();
  }

  const proxy = {
    name,
    ready: Promise.resolve(),
    setState(next) {
      state = next;
      real?.setState(next);
    },
    destroy() {
      destroyed = true;
      observer?.disconnect();
      real?.destroy();
    },
  };
  return proxy;
}
