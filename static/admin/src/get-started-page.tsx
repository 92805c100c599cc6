import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { router } from '@forge/bridge';
import type { AppStatus } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { Panel } from '../../shared/panel';
import { AppStatusDetails } from './app-status-details';
import { ADMIN_MODULE } from './modules';
import { useNotify } from './notify';
import { Subpage } from './subpage';

const stepStyles = xcss({ maxWidth: '40rem' });

const STEPS = [
  {
    title: '1. Check the fields',
    text: 'Every project gets Projectrak’s fields: Status, Priority, dates, people and more. Rename them, add options, or create your own.',
    action: 'Open Fields',
    path: '/fields',
  },
  {
    title: '2. Create a webhook',
    text: 'Point it at the system that should hear of changes. Atlassian asks you to approve the new domain; then Projectrak signs every delivery with the webhook’s secret.',
    action: 'Open Webhooks',
    path: '/webhooks',
  },
  {
    title: '3. Change a field on a project',
    text: 'Open a project’s Projectrak page and change a value. Within seconds the webhook shows a green OK, with the delivery in its log.',
    action: 'Open a project',
    path: null,
  },
] as const;

/** The Get started page (the button in Manage apps): what Projectrak does, and three steps to a first delivery. */
export function GetStartedPage({ status }: { status: AppStatus }) {
  const notify = useNotify();
  const open = async (path: string | null) => {
    try {
      if (path !== null) return await router.navigate({ target: 'module', moduleKey: ADMIN_MODULE, path });
      const [first] = (await call('lookup/projects', {})).projects;
      if (!first) return notify.info('No projects yet', 'Create a Jira project first; each one gets a Projectrak page.');
      return await router.navigate({ target: 'module', moduleKey: 'projectrak-project', projectKey: first.key });
    } catch (thrown) {
      notify.failure('Could not open the page', thrown);
    }
  };
  return (
    <Subpage
      title="Get started with Projectrak webhooks"
      testId="get-started-page"
      description={
        <Text as="p" color="color.text.subtle">
          Projectrak adds fields to every Jira project, and sends each change of them, as it happens, to the systems you choose: signed webhooks that
          retry until they are delivered.
        </Text>
      }
    >
      <Stack space="space.300">
        <Stack space="space.200">
          <Heading size="medium" as="h2">
            Your first delivery in three steps
          </Heading>
          {STEPS.map((step) => (
            <Box key={step.title} xcss={stepStyles}>
              <Stack space="space.100">
                <Heading size="small" as="h3">
                  {step.title}
                </Heading>
                <Text as="p">{step.text}</Text>
                <Inline>
                  <Button onClick={() => void open(step.path)} testId={`get-started-${step.path ?? 'project'}`}>
                    {step.action}
                  </Button>
                </Inline>
              </Stack>
            </Box>
          ))}
          <Text as="p">
            Other systems can also set fields through the REST API with a key from <strong>API keys</strong>; every change they make is sent the same
            way.
          </Text>
        </Stack>
        <Panel title="About this installation" testId="app-status">
          <AppStatusDetails status={status} />
        </Panel>
      </Stack>
    </Subpage>
  );
}
