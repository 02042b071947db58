// Something is being fetched or done: a spinner with words, announced politely.
import { Spinner } from '@fluentui/react-components';

export function Loading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite">
      <Spinner size="small" labelPosition="after" label={label} />
    </div>
  );
}
