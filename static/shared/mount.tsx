import '@atlaskit/css-reset';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Starts a Custom UI page: loads the Atlassian CSS reset and design-token theme
 * (both bundled, nothing fetched from a CDN) and renders `app` into `#root`.
 */
export function mount(app: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('Custom UI page is missing its #root element.');

  // The theme only styles the page; a failure to load it must never block rendering.
  // (Following Jira's own light/dark choice would need `view.theme.enable()` from the bridge.)
  setGlobalTheme({ colorMode: 'light' }).catch((thrown: unknown) => {
    console.warn('Could not apply the Atlassian theme', thrown);
  });

  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
