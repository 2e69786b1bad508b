// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/contract/errors';
import { caseStates, medias } from '../../shared/domain/case-state';
import { roles } from '../../shared/domain/agent';
import { en } from '../../renderer/src/i18n/en';
import { fr } from '../../renderer/src/i18n/fr';
import { createAppI18n, dateTimeFormatter, formatDateTime, setLocale, storedLocale } from '../../renderer/src/i18n';

/** Every leaf of a message tree as `a.b.c`. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function leaf(tree: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], tree);
}

beforeEach(() => localStorage.clear());

describe('the UI messages', () => {
  it('have exactly the same keys in French and English, none of them empty', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(fr).sort());
    for (const key of keysOf(fr)) {
      expect(String(leaf(fr, key)).trim(), `fr ${key}`).not.toBe('');
      expect(String(leaf(en, key)).trim(), `en ${key}`).not.toBe('');
    }
  });

  it('name every state, media, role and error code of the contract', () => {
    for (const tree of [fr, en]) {
      for (const state of caseStates) expect(leaf(tree, `state.${state}`)).toBeTypeOf('string');
      for (const media of medias) expect(leaf(tree, `media.${media}`)).toBeTypeOf('string');
      for (const role of roles) expect(leaf(tree, `role.${role}`)).toBeTypeOf('string');
      for (const code of errorCodes) expect(leaf(tree, `errors.${code}`)).toBeTypeOf('string');
    }
  });

  it('use the seed pages’ French words for states, desks and media', () => {
    expect(fr.state).toEqual({
      todo: 'A traiter',
      todo_bis: 'A traiter (bis)',
      contact_replied: 'Retour contact',
      waiting_contact: 'Attente contact',
      in_validation: 'Validation (clos)',
      closed: 'Clos',
    });
    expect([fr.desk.inProgress, fr.desk.processed, fr.desk.validation]).toEqual(['En cours', 'Traités', 'Validation']);
    expect(fr.media).toEqual({ email: 'E-mail', letter: 'Courrier', phone: 'Téléphone' });
  });

  it('speak French by default and keep the agent’s choice', () => {
    expect(storedLocale()).toBe('fr');
    const i18n = createAppI18n();
    expect(i18n.global.locale.value).toBe('fr');
    expect(i18n.global.t('state.todo')).toBe('A traiter');
    expect(i18n.global.t('desk.total', 3)).toBe('3 dossiers');
    expect(i18n.global.t('desk.total', 1)).toBe('1 dossier');

    setLocale('en');
    expect(storedLocale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(createAppI18n().global.t('state.todo')).toBe('To do');
    setLocale('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('show dates the French way', () => {
    const iso = new Date(2025, 10, 26, 9, 5).toISOString();
    expect(formatDateTime(iso, 'fr')).toBe('26/11/2025 09:05');
    expect(formatDateTime('not a date', 'fr')).toBe('not a date');
    expect(formatDateTime(iso, 'en')).toBe('26/11/2025, 09:05');
  });

  it('build one date formatter per language and options, then reuse it', () => {
    expect(dateTimeFormatter('fr')).toBe(dateTimeFormatter('fr'));
    expect(dateTimeFormatter('en')).not.toBe(dateTimeFormatter('fr'));
    expect(dateTimeFormatter('fr', { dateStyle: 'long' })).toBe(dateTimeFormatter('fr', { dateStyle: 'long' }));
    expect(dateTimeFormatter('fr', { dateStyle: 'long' })).not.toBe(dateTimeFormatter('fr'));
  });
});
