import { useEffect } from 'react';

/**
 * While there are unsaved changes, leaving the page (another Jira page, a reload, closing the tab) asks first. The
 * page lives in an iframe whose top window belongs to Jira, so the browser's own "Leave site?" prompt
 * (`beforeunload`) is the one warning a Custom UI page can give; Forge documents no other for Jira pages
 * (docs/forge-platform.md, "Project page").
 */
export function useLeaveWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
