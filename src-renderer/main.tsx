// The counter app's entry: i18n, the tRPC link for where we run, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Hindi must render on any counter PC, with or without a Devanagari system font: the font ships with the app.
import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-devanagari/700.css';
import './styles.css';
import './i18n';
import { App } from './app/App';
import { connectCounter } from './app/connection';

const root = document.getElementById('root');
if (root) {
  const connection = connectCounter(window);
  createRoot(root).render(
    <StrictMode>
      <App connection={connection} />
    </StrictMode>,
  );
}
