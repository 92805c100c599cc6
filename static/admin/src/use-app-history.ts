import { view } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState } from 'react';

type BridgeHistory = Awaited<ReturnType<typeof view.createHistory>>;

export interface AppNavigation {
  /** The location inside the page (`/webhooks`), as Jira's URL has it after the admin page's own. */
  pathname: string;
  /** Goes to a location inside the page; Jira's URL follows, so it can be bookmarked and Back returns here. */
  push: (pathname: string) => void;
}

/**
 * The page's URL inside Jira, through `view.createHistory()` (docs/forge-platform.md, "Pages and resolvers"): the host
 * owns the URL, so back, forward and Jira's sidebar links all reach the page through `listen`. Null until it answers.
 */
export function useAppHistory(): AppNavigation | null {
  const history = useRef<BridgeHistory | null>(null);
  const [pathname, setPathname] = useState<string | null>(null);

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let current = true;
    view.createHistory().then(
      (created) => {
        if (!current) return;
        history.current = created;
        setPathname(created.location.pathname);
        unlisten = created.listen((location) => setPathname(location.pathname));
      },
      (thrown: unknown) => {
        // Without it the page still works, routed in memory, but its URL does not follow.
        console.warn('view.createHistory() is not available; the page is routed in memory', thrown);
        if (current) setPathname('/');
      },
    );
    return () => {
      current = false;
      unlisten?.();
    };
  }, []);

  const push = useCallback((to: string) => {
    if (history.current) history.current.push(to);
    else setPathname(to);
  }, []);

  return pathname === null ? null : { pathname, push };
}
