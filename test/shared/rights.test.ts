import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/domain/agent';
import { can, grantableRights, rightLabels, rights, roleRights } from '../../shared/domain/rights';

describe('rights per role (PRODUCT.md "Roles")', () => {
  it('gives supervisors every right of an agent, plus desks, validation, reassignment and merges', () => {
    for (const right of roleRights.agent) expect(can({ role: 'supervisor' }, right)).toBe(true);
    for (const right of ['view_all_desks', 'validate_replies', 'reassign', 'merge_cases'] as const) {
      expect(can({ role: 'supervisor' }, right)).toBe(true);
      expect(can({ role: 'agent' }, right)).toBe(false);
    }
  });

  it('keeps administrators apart: they configure and handle no case', () => {
    expect(can({ role: 'administrator' }, 'administer')).toBe(true);
    expect(can({ role: 'administrator' }, 'handle_cases')).toBe(false);
    expect(can({ role: 'administrator' }, 'view_all_desks')).toBe(false);
    expect(can({ role: 'supervisor' }, 'administer')).toBe(false);
    expect(can({ role: 'agent' }, 'administer')).toBe(false);
  });

  it('opens the quarantine of unfiled mail to administrators and supervisors, never to agents', () => {
    expect(can({ role: 'administrator' }, 'manage_quarantine')).toBe(true);
    expect(can({ role: 'supervisor' }, 'manage_quarantine')).toBe(true);
    expect(can({ role: 'agent' }, 'manage_quarantine')).toBe(false);
  });

  it('adds an agent’s own grants to the role’s rights', () => {
    expect(can({ role: 'agent' }, 'change_recipient')).toBe(false);
    expect(can({ role: 'agent', grants: ['change_recipient'] }, 'change_recipient')).toBe(true);
    expect(can({ role: 'agent', grants: ['change_recipient'] }, 'validate_replies')).toBe(false);
    expect(can({ role: 'supervisor', grants: [] }, 'change_recipient')).toBe(true);
  });

  it('lists only known rights, each with a French label', () => {
    for (const role of roles) for (const right of roleRights[role]) expect(rights).toContain(right);
    for (const grant of grantableRights) expect(rights).toContain(grant);
    expect(Object.keys(rightLabels).sort()).toEqual([...rights].sort());
  });
});
