import { describe, expect, test } from 'vitest';
import { acceptSession } from '../../src/lib/server/auth/accept-session.ts';
import { wrongAreaRedirect } from '../../src/lib/server/areas.ts';
import type { EngineApi } from '../../src/lib/server/engine/run-operation.ts';
import type { IssuedSession } from '../../src/lib/server/session/session-types.ts';
import { currentLink } from '../../src/lib/nav.ts';
import { homePath } from '../../src/lib/user.ts';
import { USER } from './fakes.ts';

describe('who may sign in to the web', () => {
  function fakeLocals() {
    const begun: IssuedSession[] = [];
    const mutations: unknown[] = [];
    const anonymousApi = {
      query: async () => ({}),
      mutate: async (_document: unknown, variables: unknown) => {
        mutations.push(variables);
        return { customerLogout: { revokedSessions: 1 } };
      },
    } as unknown as EngineApi;
    const locals = { anonymousApi, session: { begin: (session: IssuedSession) => begun.push(session) } } as unknown as App.Locals;
    return { locals, begun, mutations };
  }
  const issued = (role: string): IssuedSession => ({
    accessToken: 'access', accessTokenExpiresAt: 0, refreshToken: `refresh-${role}`, refreshTokenExpiresAt: 0, sessionId: 's', user: { ...USER, role },
  });

  test.each(['customer_user', 'customer_approver', 'customer_admin', 'staff'])('%s gets a session', async (role) => {
    const { locals, begun, mutations } = fakeLocals();
    expect(await acceptSession(locals, issued(role))).toBeNull();
    expect(begun.map((session) => session.user.role)).toEqual([role]);
    expect(mutations).toEqual([]);
  });

  test.each(['integrator', 'anonymous', 'admin'])('%s is refused and its session ended at once', async (role) => {
    const { locals, begun, mutations } = fakeLocals();
    expect(await acceptSession(locals, issued(role))).toBe('This account cannot sign in to the portal.');
    expect(begun).toEqual([]);
    expect(mutations).toEqual([{ refreshToken: `refresh-${role}` }]);
  });
});

describe('each kind of account stays in its own area', () => {
  test('staff start at /staff and are sent there from the customer pages', () => {
    expect(homePath('staff')).toBe('/staff');
    expect(wrongAreaRedirect('/(app)', 'staff')).toBe('/staff');
    expect(wrongAreaRedirect('/(app)/orders/[id]', 'staff')).toBe('/staff');
    expect(wrongAreaRedirect('/(staff)/staff/orders/[id]', 'staff')).toBeNull();
  });

  test('customers start at / and are sent there from the staff pages', () => {
    for (const role of ['customer_user', 'customer_approver', 'customer_admin']) {
      expect(homePath(role)).toBe('/');
      expect(wrongAreaRedirect('/(staff)/staff', role)).toBe('/');
      expect(wrongAreaRedirect('/(staff)/staff/quotes/[id]', role)).toBe('/');
      expect(wrongAreaRedirect('/(app)/orders', role)).toBeNull();
    }
  });

  test('sign-in, sign-out, unknown addresses and signed-out visitors are left alone', () => {
    expect(wrongAreaRedirect('/(auth)/sign-in', 'staff')).toBeNull();
    expect(wrongAreaRedirect('/sign-out', 'customer_user')).toBeNull();
    expect(wrongAreaRedirect(null, 'staff')).toBeNull();
    expect(wrongAreaRedirect('/(staff)/staff', null)).toBeNull();
    // A group whose name merely starts like another's is not that group.
    expect(wrongAreaRedirect('/(application)/x', 'staff')).toBeNull();
  });
});

describe('header navigation', () => {
  const staff = [{ href: '/staff', label: 'Dashboard' }, { href: '/staff/orders', label: 'Orders' }, { href: '/staff/quotes', label: 'Quotes to price' }];
  const customer = [{ href: '/', label: 'Dashboard' }, { href: '/orders', label: 'Orders' }, { href: '/profile', label: 'Profile' }, { href: '/profile/security', label: 'Security' }];

  test('the most specific link is the current one', () => {
    expect(currentLink('/staff', staff)).toBe('/staff');
    expect(currentLink('/staff/orders/0b7d4c1e-2f3a-4b5c-8d6e-7f8091a2b3c4', staff)).toBe('/staff/orders');
    expect(currentLink('/staff/quotes', staff)).toBe('/staff/quotes');
    expect(currentLink('/', customer)).toBe('/');
    expect(currentLink('/orders/1', customer)).toBe('/orders');
    expect(currentLink('/profile/security', customer)).toBe('/profile/security');
    expect(currentLink('/profile', customer)).toBe('/profile');
    expect(currentLink('/staffing', staff)).toBeNull();
  });
});
