import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootstrap, openShareLink } from './app/bootstrap';
import { engine } from './app/engine';
import { StoreProvider } from './store/context';
import { enginePerf } from './store/perf';
import { localSessionStorage } from './store/session';
import './ui/app.css';

// The store (and the simulation inside it) is created once, outside React: StrictMode's double
// render must not start a second engine.
const clearHash = () => history.replaceState(null, '', location.pathname + location.search);
const { store, flush } = bootstrap({
  engine,
  storage: localSessionStorage(),
  hash: location.hash,
  clearHash,
  raf: (cb) => requestAnimationFrame(cb),
  caf: (id) => cancelAnimationFrame(id),
});
addEventListener('pagehide', flush);
addEventListener('hashchange', () => openShareLink(store, location.hash, clearHash));
// Handy for debugging and for the benchmark script.
(window as unknown as { failoverLab?: unknown }).failoverLab = store;
(window as unknown as { failoverLabPerf?: unknown }).failoverLabPerf = enginePerf;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
