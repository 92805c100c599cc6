import { createContext, useContext } from 'react';

export interface Navigation {
  /** Goes to a location inside the admin page (`/webhooks/<id>`); the page shown there takes focus. */
  go: (pathname: string) => void;
  /**
   * Called once by a page when it is shown (in an effect): whether the admin's own action inside the page led here,
   * so its title should take focus. Answers true once per such move.
   */
  takeFocus: () => boolean;
}

export const NavigationContext = createContext<Navigation>({ go: () => undefined, takeFocus: () => false });

export const useNavigation = (): Navigation => useContext(NavigationContext);
