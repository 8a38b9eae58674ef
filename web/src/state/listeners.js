// The callbacks a store tells of its changes: one that throws neither stops the others nor breaks the store.

/** createListeners(onError?) -> { add(fn) -> remove(), emit(...args) }; a callback's error goes to onError. */
export function createListeners(onError = () => {}) {
  const callbacks = new Set();
  return {
    add(fn) {
      callbacks.add(fn);
      return () => callbacks.delete(fn);
    },
    emit(...args) {
      for (const fn of [...callbacks]) {
        try {
          fn(...args);
        } catch (error) {
          onError(error);
        }
      }
    },
  };
}
