// The client's restart budget: 4 restarts in a sliding 3-minute window, then it gives up until reset.
import { describe, expect, it } from 'vitest';
import { RestartBudget } from '../../client/src/restartBudget';

const MINUTE = 60_000;

describe('RestartBudget', () => {
  it('restarts four times within three minutes, then gives up', () => {
    const budget = new RestartBudget();
    const decisions = [0, 1, 2, 3, 4].map((second) => budget.recordStop(second * 1000));
    expect(decisions).toEqual([
      { action: 'restart', attempt: 1 },
      { action: 'restart', attempt: 2 },
      { action: 'restart', attempt: 3 },
      { action: 'restart', attempt: 4 },
      { action: 'give-up' },
    ]);
  });

  it('forgets stops older than the window', () => {
    const budget = new RestartBudget();
    for (const minute of [0, 1, 2, 2.5]) budget.recordStop(minute * MINUTE);
    expect(budget.recordStop(2.9 * MINUTE)).toEqual({ action: 'give-up' });
    expect(budget.recordStop(3.5 * MINUTE)).toEqual({ action: 'restart', attempt: 4 });
  });

  it('starts afresh after a reset (the restart command)', () => {
    const budget = new RestartBudget(1);
    budget.recordStop(0);
    expect(budget.recordStop(1)).toEqual({ action: 'give-up' });
    budget.reset();
    expect(budget.recordStop(2)).toEqual({ action: 'restart', attempt: 1 });
  });
});
