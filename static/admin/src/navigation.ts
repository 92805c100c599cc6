import { createContext, useContext } from 'react';

export interface Navigation {
  /** Goes to a location inside the admin page (`/webhooks/<id>`), moving focus to the new page's title. */
  go: (pathname: string) => void;
  /** Whether the page on screen was reached by the admin's own action inside the page (so its title takes focus). */
  focusTitle: boolean;
}

export const NavigationContext = createContext<Navigation>({ go: () => undefined, focusTitle: false });

export const useNavigation = (): Navigation => useContext(NavigationContext);
