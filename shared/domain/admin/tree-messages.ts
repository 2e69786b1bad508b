/** Refusals shared by the administrator's trees (qualifications, template themes). */
export const treeMessages = {
  cycle: 'Un élément ne peut pas être rangé sous lui-même ni sous l’un de ses descendants.',
  parentMissing: 'Le parent choisi n’existe pas.',
  siblingTaken: 'Ce nom existe déjà à cet endroit de l’arbre.',
} as const;
