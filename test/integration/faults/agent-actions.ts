import type { Api } from '../../../shared/contract';

/** What the screens do, over any transport: sign in as one of the demo's people (password "demo"). */
export async function signInAs(api: Api, displayName: string): Promise<void> {
  const agent = (await api.session.agents()).find((a) => a.displayName === displayName);
  if (!agent) throw new Error(`the demo has no agent called ${displayName}`);
  await api.session.signIn({ login: agent.login, password: 'demo' });
}

/**
 * The signed-in agent takes the first case to do in a queue and answers its contact with « Répondre
 * et attendre »; the case's id.
 */
export async function replyInQueue(agent: Api, queueName: string): Promise<number> {
  const queue = (await agent.admin.queues()).find((q) => q.name === queueName);
  if (!queue) throw new Error(`the demo has no "${queueName}" queue`);
  const desk = await agent.desk.list({ desk: { kind: 'queue', queueId: queue.id } });
  const row = desk.rows.find((r) => r.state === 'todo');
  if (!row) throw new Error(`no case to do in ${queueName}`);
  const opened = await agent.cases.get({ caseId: row.id });
  // As the composer starts: addressed to the case's contact.
  if (!opened.contact.email) throw new Error(`case ${opened.number} has no contact address`);
  const taken = await agent.cases.act({ caseId: row.id, version: opened.version, action: 'take' });
  await agent.cases.act({
    caseId: row.id,
    version: taken.version,
    action: 'reply_and_wait',
    reply: { to: { address: opened.contact.email }, html: `<p>Réponse pour le dossier ${opened.number}.</p>` },
  });
  return row.id;
}

/** The administrator makes a queue answer from a mailbox (its replies leave from it). */
export async function answerFrom(admin: Api, queueName: string, mailboxId: number): Promise<void> {
  const queue = (await admin.admin.queues()).find((q) => q.name === queueName);
  if (!queue) throw new Error(`the demo has no "${queueName}" queue`);
  await admin.admin.updateQueue({ ...queue, mailboxId });
}
