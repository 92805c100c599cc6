import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ProjectSummary } from '../../../src/contract/resolvers';

/** The project's name and key, and whether the current user may edit its fields. */
export function ProjectHeader({ summary }: { summary: ProjectSummary }) {
  const { project, canEdit } = summary;
  return (
    <Stack space="space.100" testId="project-header">
      <Heading size="large" as="h1" testId="project-heading">
        <span data-testid="project-name">{project.name}</span> <span data-testid="project-key">({project.key})</span>
      </Heading>
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance={canEdit ? 'success' : 'default'} testId="edit-lozenge">
          {canEdit ? "You can edit this project's fields" : 'Read only'}
        </Lozenge>
        <Text size="small" color="color.text.subtle">
          Projectrak fields of this project; changes are sent to the site&rsquo;s webhooks.
        </Text>
      </Inline>
    </Stack>
  );
}
