import { describe, expect, test } from 'vitest';
import { activityCsv, activityWhere, describeAction, readActivityFilters } from '../../src/lib/company/activity-log.ts';
import { groupPeople } from '../../src/lib/company/company-people.ts';

describe('activity log filters', () => {
  test('read from the address bar; malformed values are not applied', () => {
    const filters = readActivityFilters(new URLSearchParams('area=auth&person=not-a-uuid&from=2026-12-01&to=yesterday&page=-3'));
    expect(filters).toEqual({ area: 'auth', person: undefined, from: '2026-12-01', to: undefined, page: 1 });
    expect(readActivityFilters(new URLSearchParams('area=payroll')).area).toBeUndefined();
  });

  test('become the engine’s where: area prefix, person, whole UTC days, never session refreshes', () => {
    const person = '0b6f1f5e-4a52-4a8e-9a77-0d2f3c1b9e11';
    expect(activityWhere({ area: 'company', person, from: '2026-12-01', to: '2026-12-03', page: 2 })).toEqual({
      _and: [
        { action: { _neq: 'auth.session_refreshed' } },
        { action: { _like: 'company.%' } },
        { user_id: { _eq: person } },
        { created_at: { _gte: '2026-12-01T00:00:00.000Z', _lt: '2026-12-04T00:00:00.000Z' } },
      ],
    });
    expect(activityWhere({ page: 1 })).toEqual({ _and: [{ action: { _neq: 'auth.session_refreshed' } }] });
  });

  test('the CSV names each entry in words and keeps formulas as text', () => {
    const csv = activityCsv([
      { action: 'company.user_changed', actor_role: 'customer_admin', created_at: '2026-12-04T10:00:00Z', ip_address: '203.0.113.7', entity_type: 'customer_users', entity_id: 'u1', details: { name: '=cmd|calc', ended_sessions: 2 }, user: { first_name: 'Ada', last_name: 'Admin', email: 'ada@bluepeak.example' } },
      { action: 'auth.account_under_attack', created_at: '2026-12-04T09:00:00Z' },
    ]);
    const [header, first, second] = csv.split('\r\n');
    expect(header).toBe('time_utc,what,action,person,email,role,address,about,details');
    expect(first).toBe("2026-12-04T10:00:00.000Z,Changed a person’s role or access,company.user_changed,Ada Admin,ada@bluepeak.example,customer_admin,203.0.113.7,customer_users u1,name: =cmd|calc; ended sessions: 2");
    expect(second).toContain('Account under attack');
    expect(describeAction('artwork.some_new_thing')).toBe('some new thing');
  });
});

describe('the people page', () => {
  test('groups people into waiting, invited, active and deactivated or refused', () => {
    const person = (email: string, approval_status: string, active = true) => ({ id: email, email, first_name: '', last_name: '', role: 'customer_user', approval_status, active });
    const groups = groupPeople([person('a', 'PENDING'), person('b', 'INVITED'), person('c', 'APPROVED'), person('d', 'APPROVED', false), person('e', 'REFUSED', false)]);
    expect(Object.fromEntries(Object.entries(groups).map(([key, list]) => [key, list.map((p) => p.email)]))).toEqual({ waiting: ['a'], invited: ['b'], active: ['c'], inactive: ['d', 'e'] });
  });
});
