import { Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { JiraAttributes } from '../../../src/contract/resolvers';

/** Why the values are read-only for this user, and whom to ask (docs/fields.md, "Permissions"). */
export function ReadOnlyNotice({ projectName, lead }: { projectName: string; lead: JiraAttributes['lead'] }) {
  return (
    <SectionMessage appearance="information" title="You can view these fields, not change them" testId="read-only-reason">
      <Text as="p">
        Only Jira administrators and people with the <strong>Administer Projects</strong> permission on {projectName} can change its fields.{' '}
        {lead ? `Ask the project lead, ${lead.displayName}, or a Jira administrator.` : 'Ask a Jira administrator.'}
      </Text>
    </SectionMessage>
  );
}
