import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract';
import { controlCharacterMessage } from '../../../shared/domain/text-rules';
import { refusal, startDemoCore, type DemoCore } from './admin/demo-core';

/** Issue 11, point 7: a name with a raw CR, a NUL or a bidi override is refused on its field, nothing written. */

let demo: DemoCore;
let camille: Api;
let admin: Api;

beforeAll(async () => {
  demo = startDemoCore();
  camille = await demo.as('Camille Martin');
  admin = await demo.as('Admin Unified');
});
afterAll(() => demo.dispose());

describe('names through the contract', () => {
  it('addressBook.create refuses « Jean\\rDupont » on its field and writes nothing', async () => {
    const before = demo.dump();
    const error = await refusal(camille.addressBook.create({ lastName: 'Jean\rDupont', firstName: 'Paul\u202e', email: 'jean.dupont@expert.example.fr' }));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual({ lastName: controlCharacterMessage, firstName: controlCharacterMessage });
    expect(demo.dump()).toEqual(before);
  });

  it('an administrator cannot name a queue or an agent with a line break either', async () => {
    const before = demo.dump();
    const queue = await refusal(admin.admin.createQueue({ name: 'Litiges\nurgents', media: 'email', distribution: 'pull' }));
    expect(queue.fields).toEqual({ name: controlCharacterMessage });
    const agent = await refusal(admin.admin.createAgent({ login: 'paul', displayName: 'Paul\u0000Dumas', role: 'agent', password: 'longenough' }));
    expect(agent.fields).toEqual({ displayName: controlCharacterMessage });
    expect(demo.dump()).toEqual(before);
  });

  it('a note keeps its line feeds but not a raw CR', async () => {
    const [first] = (await camille.desk.list({ desk: { kind: 'in_progress' } })).rows;
    const caseId = first!.id;
    const before = demo.dump();
    const error = await refusal(camille.cases.addNote({ caseId, text: 'Rappeler\r\nle matin' }));
    expect(error.fields).toEqual({ text: controlCharacterMessage });
    expect(demo.dump()).toEqual(before);
    expect((await camille.cases.addNote({ caseId, text: 'Rappeler\nle matin' })).text).toBe('Rappeler\nle matin');
  });
});
