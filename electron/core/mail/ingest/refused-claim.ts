import { notepadEntries } from '../../db/schema';
import type { Filing } from './arrival';
import type { RefusedClaim } from './thread-matcher';

/** The notepad line that tells the agent why a message that looks like a reply opened a new case. */
export const refusedClaimNote = (number: string) =>
  `Ce message prétend répondre au dossier ${number}, mais son expéditeur n’est ni le contact de ce dossier, ` +
  'ni l’un de ses destinataires, ni une adresse du carnet d’adresses : il n’y a pas été ajouté et a ouvert ce nouveau dossier. ' +
  'Vérifiez l’expéditeur avant de fusionner les deux dossiers.';

/** Written by nobody (a system note), in the filing transaction, on the case the message opened. */
export function noteRefusedClaim({ db, now }: Filing, caseId: number, claim: RefusedClaim): void {
  db.orm.insert(notepadEntries).values({ caseId, agentId: null, text: refusedClaimNote(claim.number), createdAt: now.toISOString() }).run();
}
