import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox, qualifications, routingRules } from '../../../../electron/core/db/schema';
import type { RoutingCondition, RoutingConditions } from '../../../../electron/core/db/tables/json-types';
import { ruleMatches, type RoutedMail } from '../../../../electron/core/mail/ingest/route';
import { caseOf, openIngestFixture, type IngestFixture } from './ingest-fixture';

const mail: RoutedMail = {
  from: { name: 'Jeanne Client', address: 'Jeanne@Example.org' },
  to: [{ address: 'reclamations@centre.fr' }],
  cc: [],
  subject: 'URGENT : colis perdu',
  text: null,
  html: '<p>Mon <b>colis</b> n’est jamais arrivé.</p>',
};

const one = (condition: RoutingCondition): RoutingConditions => ({ match: 'all', conditions: [condition] });

describe('ruleMatches', () => {
  it.each<[RoutingCondition, boolean]>([
    [{ field: 'from', operator: 'equals', value: 'jeanne@example.org' }, true],
    [{ field: 'from', operator: 'contains', value: 'CLIENT' }, true],
    [{ field: 'from', operator: 'ends_with', value: '@example.org' }, true],
    [{ field: 'to', operator: 'starts_with', value: 'reclamations@' }, true],
    [{ field: 'cc', operator: 'contains', value: '@' }, false],
    [{ field: 'cc', operator: 'not_contains', value: 'boss@' }, true],
    [{ field: 'subject', operator: 'starts_with', value: 'urgent' }, true],
    [{ field: 'subject', operator: 'not_contains', value: 'colis' }, false],
    [{ field: 'body', operator: 'contains', value: 'colis n’est jamais' }, true],
    [{ field: 'body', operator: 'equals', value: 'colis' }, false],
  ])('%o → %s (without case)', (condition, expected) => {
    expect(ruleMatches(mail, one(condition))).toBe(expected);
  });

  it('needs every condition for "all", one for "any"', () => {
    const conditions: RoutingCondition[] = [
      { field: 'subject', operator: 'contains', value: 'urgent' },
      { field: 'from', operator: 'contains', value: 'paul' },
    ];
    expect(ruleMatches(mail, { match: 'all', conditions })).toBe(false);
    expect(ruleMatches(mail, { match: 'any', conditions })).toBe(true);
    expect(ruleMatches(mail, { match: 'any', conditions: [] })).toBe(false);
  });
});

describe('routing a new case', () => {
  let f: IngestFixture;
  beforeEach(() => {
    f = openIngestFixture();
  });
  afterEach(() => f.dispose());

  const urgent = one({ field: 'subject', operator: 'contains', value: 'urgent' });
  const addRule = (rule: Partial<typeof routingRules.$inferInsert> & { position: number }) =>
    f.db.orm.insert(routingRules).values({ name: `Règle ${rule.position}`, conditions: urgent, ...rule }).run();
  const qualificationId = () => (f.db.orm.select().from(qualifications).get() as { id: number }).id;

  it('applies the first active matching rule in order: queue, qualification, priority', () => {
    addRule({ position: 0, active: false, queueId: f.queueIds.service, priority: 1 });
    addRule({ position: 2, queueId: f.queueIds.service, priority: 2 });
    addRule({ position: 1, queueId: f.queueIds.complaints, qualificationId: qualificationId(), priority: 7 });
    const caseId = caseOf(f.sink.ingest(f.incoming({ subject: 'Urgent : remboursement' })));
    expect(f.caseRow(caseId)).toMatchObject({ queueId: f.queueIds.complaints, qualificationId: qualificationId(), priority: 7 });
    // The complaints queue acknowledges with its own text.
    const [acknowledgement] = f.db.orm.select().from(outbox).where(eq(outbox.caseId, caseId)).all();
    expect(acknowledgement?.payload.text).toContain('Votre réclamation a bien été enregistrée');
  });

  it('uses the mailbox’s queue when no rule matches, or when a rule only sets a priority', () => {
    addRule({ position: 0, priority: 5 });
    const plain = caseOf(f.sink.ingest(f.incoming({ subject: 'Question' })));
    expect(f.caseRow(plain)).toMatchObject({ queueId: f.queueIds.service, qualificationId: null, priority: 0 });
    const urgentCase = caseOf(f.sink.ingest(f.incoming({ subject: 'URGENT' })));
    expect(f.caseRow(urgentCase)).toMatchObject({ queueId: f.queueIds.service, priority: 5 });
  });
});
