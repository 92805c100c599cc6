import { AutoDismissFlag, FlagGroup } from '@atlaskit/flag';
import SuccessIcon from '@atlaskit/icon/core/status-success';
import { token } from '@atlaskit/tokens';

/** The outcome of a save, as Jira reports one: a flag that goes away by itself. Loaded on the first save. */
export default function SavedFlag({ count, onDismissed }: { count: number; onDismissed: () => void }) {
  return (
    <FlagGroup onDismissed={onDismissed} label="Save outcome">
      <AutoDismissFlag
        id="saved"
        icon={<SuccessIcon label="Success" color={token('color.icon.success')} />}
        title={`Saved ${count} field${count === 1 ? '' : 's'}`}
        description="Receivers of this project's webhooks get the change."
        testId="saved-flag"
      />
    </FlagGroup>
  );
}
