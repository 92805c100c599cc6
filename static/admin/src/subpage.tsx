import PageHeader from '@atlaskit/page-header';
import { Box, Stack } from '@atlaskit/primitives';
import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { useNavigation } from './navigation';

export interface SubpageProps {
  title: string;
  actions?: ReactElement;
  /** Under the title: what the page is for. */
  description?: ReactElement;
  breadcrumbs?: ReactElement;
  testId: string;
  children: ReactNode;
}

/**
 * One of the admin page's pages: Jira's page header (its title is the page's h1) over the content. Reached from inside
 * the page, its title takes focus, so keyboard and screen reader users start there.
 */
export function Subpage({ title, actions, description, breadcrumbs, testId, children }: SubpageProps) {
  const heading = useRef<HTMLElement | null>(null);
  const { takeFocus } = useNavigation();
  useEffect(() => {
    if (takeFocus()) heading.current?.focus();
  }, [takeFocus]);
  return (
    <Box as="main" padding="space.300" testId={testId}>
      <Stack space="space.300">
        <PageHeader
          innerRef={(element) => (heading.current = element)}
          {...(actions ? { actions } : {})}
          {...(description ? { bottomBar: description } : {})}
          {...(breadcrumbs ? { breadcrumbs } : {})}
          testId={`${testId}-header`}
        >
          {title}
        </PageHeader>
        {children}
      </Stack>
    </Box>
  );
}
