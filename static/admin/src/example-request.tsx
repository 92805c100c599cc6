import { Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { useRef } from 'react';
import { Panel } from '../../shared/panel';
import { CopyButton } from './copy-button';

/** A request that sets two fields of a project, as the REST API takes it (docs/rest-api.md). */
export const EXAMPLE_REQUEST = `curl -X POST "$PROJECTRAK_URL" \\
  -H "Authorization: Bearer $PROJECTRAK_KEY" \\
  -H 'content-type: application/json' \\
  -d '{"updates":[{"project":"DEMO","values":{"Status":"At risk","Start date":"2026-12-01"}}]}'`;

/** How a key is used, ready to copy. */
export function ExampleRequest() {
  const code = useRef<HTMLTextAreaElement>(null);
  return (
    <Panel title="Calling the REST API" testId="apikey-example">
      <Stack space="space.150">
        <Text as="p">
          Send the key as a bearer token to Projectrak&apos;s REST API, the app&apos;s web trigger URL (whoever installed the app gets it with
          <code> forge webtrigger</code>). Name fields by name or id; <code>GET ?project=DEMO</code> reads a project&apos;s values.
        </Text>
        <TextArea
          ref={code}
          isReadOnly
          isMonospaced
          minimumRows={4}
          value={EXAMPLE_REQUEST}
          aria-label="Example request"
          testId="apikey-example-code"
        />
        <CopyButton text={EXAMPLE_REQUEST} what="the example" fallback={code} testId="apikey-example-copy" />
      </Stack>
    </Panel>
  );
}
