// The web's data layer on TanStack Query (issue 17, item 3): a load is retried only when the
// failure is transient, a refusal (4xx) is shown at once, two components asking for the same
// resource share one request, and a command marks what it changed so the page loads it again.
import { describe, expect, it } from '@jest/globals';
import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiProblem } from '../../src/web/common/api/api-errors.js';
import { queryKeys, signupsChanged } from '../../src/web/common/services/query-keys.js';
import { useCommand } from '../../src/web/common/services/use-command.js';
import { useQuery } from '../../src/web/common/services/use-query.js';
import { renderInTab } from './support/render.js';

function problem(status: number): ApiProblem {
  return new ApiProblem({ status, code: 'X', title: `HTTP ${status}`, detail: 'mislukt' });
}

function Loader({ load }: { load: () => Promise<string> }) {
  const query = useQuery(queryKeys.signups(), load);
  if (query.error !== undefined) return <p>fout</p>;
  return <p>{query.data ?? 'bezig'}</p>;
}

function Register({ send }: { send: (name: string) => Promise<string> }) {
  const command = useCommand(send, { invalidates: signupsChanged });
  return (
    <button type="button" onClick={() => void command.run('Haarlem')}>
      {command.state.status}
    </button>
  );
}

describe('the query cache', () => {
  it('retries a transient failure (503) and shows the answer', async () => {
    let calls = 0;
    const load = () => (++calls < 3 ? Promise.reject(problem(503)) : Promise.resolve('lijst'));
    renderInTab(<Loader load={load} />);
    expect(await screen.findByText('lijst')).toBeInTheDocument();
    expect(calls).toBe(3);
  });

  it('shows a refusal (4xx) at once, without asking again', async () => {
    let calls = 0;
    const load = () => {
      calls++;
      return Promise.reject(problem(403));
    };
    renderInTab(<Loader load={load} />);
    expect(await screen.findByText('fout')).toBeInTheDocument();
    expect(calls).toBe(1);
  });

  it('shares one request between two components asking for the same resource', async () => {
    let calls = 0;
    const load = () => {
      calls++;
      return Promise.resolve('lijst');
    };
    renderInTab(
      <>
        <Loader load={load} />
        <Loader load={load} />
      </>,
    );
    expect(await screen.findAllByText('lijst')).toHaveLength(2);
    expect(calls).toBe(1);
  });

  it('loads the list again after a command that changed it, with exactly the input given', async () => {
    let version = 0;
    const load = () => Promise.resolve(`lijst ${++version}`);
    const sent: unknown[][] = [];
    const send = (...args: unknown[]) => {
      sent.push(args);
      return Promise.resolve('ok');
    };
    renderInTab(
      <>
        <Loader load={load} />
        <Register send={send} />
      </>,
    );
    expect(await screen.findByText('lijst 1')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'idle' }));
    expect(await screen.findByText('lijst 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'done' })).toBeVisible();
    expect(sent).toEqual([['Haarlem']]);
  });

  it('sends a command once when it is given twice while running', async () => {
    let calls = 0;
    let finish: (value: string) => void = () => undefined;
    const send = () => {
      calls++;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    renderInTab(<Register send={send} />);
    const button = screen.getByRole('button', { name: 'idle' });
    await userEvent.setup().dblClick(button);
    await waitFor(() => expect(screen.getByRole('button', { name: 'running' })).toBeVisible());
    await act(async () => finish('ok'));
    expect(await screen.findByRole('button', { name: 'done' })).toBeVisible();
    expect(calls).toBe(1);
  });
});
