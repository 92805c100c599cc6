import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { JiraAttributes as Attributes, ProjectSummary } from '../../../src/contract/resolvers';
import { DetailItem, DetailList } from './detail-list';
import { NamedAvatar } from './initials-avatar';

const panelStyles = xcss({
  backgroundColor: 'elevation.surface.sunken',
  borderRadius: 'radius.large',
  padding: 'space.200',
});

const notSet = <Text color="color.text.subtlest">Not set</Text>;
const orNotSet = (text: string | null) => (text ? <Text>{text}</Text> : notSet);

/**
 * Jira's own attributes of the project, read-only here for everyone: they are changed in Jira's project settings,
 * and webhooks report them as fields 1–6 (docs/webhook-payload.md). The URL is text, not a link: a Custom UI frame
 * may open no window of its own (docs/forge-platform.md, "Egress").
 */
export function JiraAttributesPanel({ project, jira }: { project: ProjectSummary['project']; jira: Attributes }) {
  const item = (term: string, key: string, value: React.ReactNode) => (
    <DetailItem term={term} testId={`jira-${key}-row`} valueTestId={`jira-${key}`}>
      {value}
    </DetailItem>
  );
  return (
    <Box as="section" aria-labelledby="jira-attributes-heading" xcss={panelStyles} testId="jira-attributes">
      <Stack space="space.200">
        <Stack space="space.050">
          <Heading size="small" as="h2" id="jira-attributes-heading">
            From Jira
          </Heading>
          <Text size="small" color="color.text.subtle">
            Read-only here: change these in Jira&rsquo;s project settings.
          </Text>
        </Stack>
        <DetailList>
          {item('Project name', 'name', <Text>{project.name}</Text>)}
          {item('Project key', 'key', <Text>{project.key}</Text>)}
          {item('Project lead', 'lead', jira.lead ? <NamedAvatar id={jira.lead.accountId} name={jira.lead.displayName} /> : notSet)}
          {item('Category', 'category', orNotSet(jira.category))}
          {item('Description', 'description', orNotSet(jira.description))}
          {item('URL', 'url', orNotSet(jira.url))}
        </DetailList>
      </Stack>
    </Box>
  );
}
