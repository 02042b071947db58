// The tab opened from a Teams activity feed notification (issue 13, item 5): the deep link's
// subEntityId (context.page.subPageId) is the sign-up's id and opens its options page.
import { describe, expect, it } from '@jest/globals';
import { signupDeepLink } from '../../src/domain/activity-feed.js';
import { deepLinkHash, parseRoute } from '../../src/web/tab/routing/routes.js';

describe('deep links from the activity feed', () => {
  it('opens the sign-up named by subEntityId on its options page', () => {
    expect(deepLinkHash('42')).toBe('#/signups/42/options');
    expect(parseRoute(deepLinkHash('42')!)).toEqual({ page: 'options', signupId: '42' });
  });

  it('opens the sign-up form for a municipality named by its CBS code ("has not signed up")', () => {
    expect(deepLinkHash('GM0453')).toBe('#/register?gemeente=GM0453');
    expect(parseRoute(deepLinkHash('GM0453')!)).toEqual({ page: 'register', cbsCode: 'GM0453' });
  });

  it('ignores what is not a sign-up id', () => {
    for (const value of [undefined, '', '0', 'abc', '12/../x', '1'.repeat(11), 'GM045', 'gm0453']) {
      expect(deepLinkHash(value)).toBeUndefined();
    }
  });

  it('round-trips the sign-up id through the deep link the server sends', () => {
    const link = new URL(signupDeepLink('7b3f2c1e-8d4a-4e6b-9f1a-2c5d8e7b4a63', '42'));
    const context = JSON.parse(link.searchParams.get('context')!) as { subEntityId: string };
    expect(deepLinkHash(context.subEntityId)).toBe('#/signups/42/options');
  });
});
